#pragma once

// Private to core: what only a LibTorch with CUDA compiles. core/cudagraphs.cpp is built only when
// the LibTorch found has CUDA (core/CMakeLists.txt defines PATHLENS_WITH_CUDA then); nothing here
// includes a CUDA header, so engine.cpp builds either way.

#include "private/network_p.h"

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace pathlens {

// Free memory of CUDA device `index` as the driver counts it (cudaMemGetInfo), after the caching
// allocator has handed back the blocks it holds unused.
int64_t freeCudaBytes(int index);

// One CUDA graph per slot (block, active or deleted) at one fixed batch size: a replay launches
// the block's ~10 kernels at once, where an eager run launches them one by one (at batches of a
// few hundred images the GPU waits on launches). Captured at first use with a fixed input tensor;
// a replay copies the slot's input into it. Other shapes, slots that launch nothing (a deleted
// identity block) and everything after a failure run eagerly.
class BlockGraphs
{
public:
    explicit BlockGraphs(std::shared_ptr<const Network::Impl> net);
    ~BlockGraphs();
    BlockGraphs(const BlockGraphs &) = delete;
    BlockGraphs &operator=(const BlockGraphs &) = delete;

    // The slot's output for `x`. After a replay it is the graph's own output tensor, which the
    // next replay of any graph of this object may overwrite: the caller clones what it keeps
    // (`replayed` says when). All graphs share one memory pool; that is safe because an output is
    // always consumed (copied into the next graph's input, cloned, or read by an eager operation
    // queued before the next replay) before another graph runs.
    at::Tensor runBlock(const Slot &slot, const at::Tensor &x, bool &replayed);

    // Why graphs were turned off (capture failed, or a replay differed from the eager run), empty
    // while they work.
    const std::string &failure() const { return m_failure; }
    int capturedCount() const { return int(m_graphs.size()); }

private:
    struct Captured;
    std::unique_ptr<Captured> capture(const Slot &slot, const at::Tensor &x);

    std::shared_ptr<const Network::Impl> m_net;
    std::map<std::pair<int, bool>, std::unique_ptr<Captured>> m_graphs; // null: runs eagerly
    int64_t m_batch = 0; // the batch size of the first input: the only one replayed (a block's shapes follow from it)
    std::string m_failure;
    std::pair<unsigned long long, unsigned long long> m_pool{0, 0};
};

} // namespace pathlens
