#pragma once

// Private to core and its tests: captured graphs per slot (CUDA graphs on a GPU), and who owns the
// tensors they return. Torch-only and device-neutral, so that the ownership rules run on the CPU
// in CI with a stand-in that reuses one output buffer per slot, as CUDA graphs do (issue 27: a
// deleted identity block passed the previous graph's buffer on, it was stored as a checkpoint,
// and the next replay overwrote it).

#include "private/network_p.h"

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace pathlens {

// A slot's output. `graphOwned`: the tensor is (a view of) a captured graph's own output buffer,
// which the graph's next replay overwrites; whoever keeps it (a checkpoint, a caller) clones it.
struct SlotOutput
{
    at::Tensor value;
    bool graphOwned = false;
};

// One slot captured at one batch size. replay() copies `x` into the graph's fixed input and
// returns its fixed output tensor: the same memory on every replay.
class CapturedSlot
{
public:
    virtual ~CapturedSlot() = default;
    virtual const at::Tensor &replay(const at::Tensor &x) = 0;
};

// How slots are captured: CUDA graphs (cudagraphs.cpp, built only against a LibTorch with CUDA)
// or the CPU stand-in below.
class GraphCapturer
{
public:
    virtual ~GraphCapturer() = default;
    // Null when the slot launches nothing worth replaying (a deleted identity block); throws when
    // capture fails or its first replay differs from the eager run.
    virtual std::unique_ptr<CapturedSlot> capture(const Network::Impl &net, const Slot &slot, const at::Tensor &x) = 0;
    // Called after every graph was dropped: wait for the device and return the graphs' memory.
    virtual void released() {}
};

// The CPU stand-in for tests: a "replay" runs the slot eagerly and copies the result into the
// slot's one output buffer, so that a kept reference to an earlier output sees it overwritten
// exactly where a CUDA graph's replay would overwrite it.
class ReusedBufferCapturer : public GraphCapturer
{
public:
    std::unique_ptr<CapturedSlot> capture(const Network::Impl &net, const Slot &slot, const at::Tensor &x) override;
};

// One captured graph per slot (block, active or deleted) at the engine's current batch size:
// a replay launches a block's ~10 kernels at once, where an eager run launches them one by one.
// Other batch sizes (a range's last, shorter batch; a few images' logits) run eagerly without
// dropping the graphs; a new engine batch size (after running out of memory) drops them all and
// captures again at the new size. A failed capture turns graphs off for good, with `failure()`.
class SlotGraphs
{
public:
    SlotGraphs(std::shared_ptr<const Network::Impl> net, std::unique_ptr<GraphCapturer> capturer);
    ~SlotGraphs();
    SlotGraphs(const SlotGraphs &) = delete;
    SlotGraphs &operator=(const SlotGraphs &) = delete;

    // The slot's output for `x`; `batch` is the engine's batch size now. Ownership: a replay's
    // output is graph-owned; an eager result is graph-owned when it aliases a graph-owned input
    // (a pass-through slot hands the previous graph's buffer on).
    SlotOutput run(const Slot &slot, const SlotOutput &x, int64_t batch);

    // Drops every graph and its memory (memory ran short; the batch size changed).
    void release();

    // Why graphs were turned off, empty while they work.
    const std::string &failure() const { return m_failure; }
    int capturedCount() const;

    // Bytes per image that the graphs of a network with these slot activations hold at most when
    // every slot is captured, active and deleted: each graph's fixed input and output
    // (`slotBytes[q]`: one image's activation at the input of slot q, q = 0..n).
    static int64_t bytesPerImage(const std::vector<int64_t> &slotBytes);

private:
    std::shared_ptr<const Network::Impl> m_net;
    std::unique_ptr<GraphCapturer> m_capturer;
    std::map<std::pair<int, bool>, std::unique_ptr<CapturedSlot>> m_graphs; // null: runs eagerly
    int64_t m_batch = 0; // the batch size the graphs were captured at
    std::string m_failure;
};

} // namespace pathlens
