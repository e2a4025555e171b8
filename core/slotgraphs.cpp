#include "private/slotgraphs.h"

namespace pathlens {

namespace {

class ReusedBuffer : public CapturedSlot
{
public:
    ReusedBuffer(const Network::Impl &net, const Slot &slot, at::Tensor output)
        : m_net(net)
        , m_slot(slot)
        , m_output(std::move(output))
    {
    }

    const at::Tensor &replay(const at::Tensor &x) override
    {
        m_output.copy_(m_net.runBlock(m_slot, x));
        return m_output;
    }

private:
    const Network::Impl &m_net;
    Slot m_slot;
    at::Tensor m_output;
};

} // namespace

std::unique_ptr<CapturedSlot> ReusedBufferCapturer::capture(const Network::Impl &net, const Slot &slot, const at::Tensor &x)
{
    const at::Tensor eager = net.runBlock(slot, x);
    if (eager.is_alias_of(x))
        return nullptr;
    return std::make_unique<ReusedBuffer>(net, slot, eager.clone());
}

SlotGraphs::SlotGraphs(std::shared_ptr<const Network::Impl> net, std::unique_ptr<GraphCapturer> capturer)
    : m_net(std::move(net))
    , m_capturer(std::move(capturer))
{
}

SlotGraphs::~SlotGraphs() = default;

int SlotGraphs::capturedCount() const
{
    int count = 0;
    for (const auto &entry : m_graphs)
        count += entry.second != nullptr;
    return count;
}

void SlotGraphs::release()
{
    if (m_graphs.empty())
        return;
    m_graphs.clear();
    m_capturer->released();
}

SlotOutput SlotGraphs::run(const Slot &slot, const SlotOutput &x, int64_t batch)
{
    auto eager = [&] {
        const at::Tensor y = m_net->runBlock(slot, x.value);
        return SlotOutput{y, x.graphOwned && y.is_alias_of(x.value)};
    };
    if (!m_failure.empty() || x.value.size(0) != batch)
        return eager();
    if (batch != m_batch) {
        release();
        m_batch = batch;
    }
    const std::pair<int, bool> key{slot.block, slot.active};
    auto found = m_graphs.find(key);
    if (found == m_graphs.end()) {
        try {
            found = m_graphs.emplace(key, m_capturer->capture(*m_net, slot, x.value)).first;
        } catch (const std::exception &e) {
            m_failure = std::string("CUDA graphs turned off, blocks run one kernel at a time: ") + e.what();
            release();
            return eager();
        }
    }
    if (!found->second)
        return eager();
    return {found->second->replay(x.value), true};
}

int64_t SlotGraphs::bytesPerImage(const std::vector<int64_t> &slotBytes)
{
    int64_t total = 0;
    for (size_t q = 0; q + 1 < slotBytes.size(); ++q)
        total += 2 * (slotBytes[q] + slotBytes[q + 1]); // active and deleted: input and output each
    return total;
}

} // namespace pathlens
