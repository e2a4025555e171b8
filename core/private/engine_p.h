#pragma once

// Private to core and its tests: the LibTorch side of Engine.

#include "engine.h"
#include "private/network_p.h"
#include "private/slotgraphs.h"

#include <map>
#include <mutex>

namespace pathlens {

// Checkpoints of one batch: checkpoints[q] is the input of slot q (q = 0: the stem's output,
// q = n: the input of the head) under `owner`. Every stored checkpoint is consistent with owner.
struct BatchCache
{
    Arrangement owner;
    std::map<int, at::Tensor> checkpoints;

    int64_t bytes() const
    {
        int64_t total = 0;
        for (const auto &entry : checkpoints)
            total += entry.second.numel() * int64_t(entry.second.element_size());
        return total;
    }
};

struct Engine::Impl
{
    std::shared_ptr<const Network> network;
    std::shared_ptr<const Network::Impl> net; // the network's own copy on `device` (Network::onDevice)
    std::shared_ptr<const Network::Impl> exactNet; // the FP32 copy: `net` itself unless the precision is bf16
    // The FP32 copy with its blocks as loaded, not folded: for autograd (folded CPU blocks run
    // oneDNN operators without gradients) and for counting FLOPs and timing the convolutions.
    std::shared_ptr<const Network::Impl> asLoaded() const { return network->onDevice(device.str(), false, false); }
    at::ScalarType dtype = at::kFloat; // of `net`'s weights and of the activations it computes
    // CUDA graphs per slot (EngineOptions::cudaGraphs), else null; tests put the CPU stand-in here.
    std::unique_ptr<SlotGraphs> graphs;
    std::map<std::pair<int64_t, int64_t>, EvalResult::PrecisionCheck> precisionChecks; // key: (first, end)
    NetworkInfo info;
    EngineOptions options;
    at::Device device{at::kCPU};
    int threads = 1;
    // Notices for the user, one per kind, the latest wording of each; guarded, with the batch size
    // that a memory notice changes, because the GUI reads them while a worker thread evaluates.
    // PrecisionCheck is last: the CLI prints the notices that were added since it last looked.
    enum class NoticeKind { Device, Memory, Precision, Graphs, PrecisionCheck };
    mutable std::mutex noticeMutex;
    std::map<NoticeKind, std::string> notices;
    at::Tensor images; // normalised float, N x C x H x W, on the device
    std::string resultKey; // Engine::resultKey
    at::Tensor labels; // int64, on the device
    std::vector<int64_t> slotBytes; // bytes of one image's activation at q = 0..n (input of slot q)
    std::map<std::pair<int64_t, int64_t>, BatchCache> cache; // key: (first image, batch length)

    Impl(std::shared_ptr<const Network> n, const EngineOptions &o)
        : network(std::move(n))
        , options(o)
    {
    }

    // `batchSize` > 0 also sets options.batchSize, under the same lock.
    void setNotice(NoticeKind kind, const std::string &text, int batchSize = 0)
    {
        const std::lock_guard<std::mutex> lock(noticeMutex);
        notices[kind] = text;
        if (batchSize > 0)
            options.batchSize = batchSize;
    }

    // The smallest stride, a multiple of `multipleOf`, whose checkpoints (q = 0, s, 2s, ...) for
    // `images` images fit in `budget` bytes; 0 when not even the stem's output fits.
    int strideWithin(int64_t images, int64_t budget, int multipleOf) const
    {
        const int n = static_cast<int>(slotBytes.size()) - 1;
        for (int stride = multipleOf; stride <= n + multipleOf; stride += multipleOf) {
            int64_t bytes = 0;
            for (int q = 0; q <= n; q += stride)
                bytes += slotBytes[q] * images;
            if (bytes <= budget)
                return stride;
        }
        return 0;
    }

    // One slot, from its captured graph when there is one and `x` has `graphBatch` images (the
    // full batches of this call: graphs are captured at that size; 0: eagerly). `kept`: the
    // result is stored as a checkpoint, so a graph's output buffer (or a view of it: a
    // pass-through slot hands it on) is cloned.
    SlotOutput runSlot(const Slot &slot, const SlotOutput &x, bool kept, int64_t graphBatch);

    // Slots [first, end) of one parallel group (groupEnd): a single slot as runSlot, a group of
    // several eagerly (no graphs); a group that passes its input on keeps saying who owns it.
    SlotOutput runGroup(const Arrangement &arrangement, int first, int end, const SlotOutput &x, bool kept,
                        int64_t graphBatch)
    {
        if (end == first + 1)
            return runSlot(arrangement[first], x, kept, graphBatch);
        const at::Tensor y = net->runGroup(arrangement, first, end, x.value);
        const bool owned = x.graphOwned && y.is_alias_of(x.value);
        return kept && owned ? SlotOutput{y.clone(), false} : SlotOutput{y, owned};
    }

    // The logits of each of `arrangements` on one batch, by variant batching (variantbatching.cpp;
    // EngineOptions::batchVariants): from the stem's output, which every arrangement shares, the
    // arrangements go on as a tree of shared prefixes; at each step the nodes whose next slot is
    // the same block run it as one stacked batch. No checkpoints are read or kept.
    std::vector<at::Tensor> forwardVariants(const std::vector<const Arrangement *> &arrangements, const at::Tensor &input);
    int64_t variantSteps = 0; // steps forwardVariants ran (one per stacked batch), for tests and benchmarks

    // Runs `arrangement` on one batch, resuming from the deepest checkpoint that it shares with
    // the cache's owner and storing new checkpoints every `stride` slots (none when 0).
    at::Tensor forwardBatch(BatchCache &batchCache, const Arrangement &arrangement, const at::Tensor &input, int stride,
                            int64_t graphBatch)
    {
        const int n = static_cast<int>(arrangement.size());
        int start = 0;
        SlotOutput x;
        const bool keep = options.reuseActivations && stride > 0;
        if (keep && !batchCache.checkpoints.empty()) {
            const int shared = commonPrefixLength(batchCache.owner, arrangement);
            auto it = batchCache.checkpoints.upper_bound(shared);
            // Never inside a parallel group: its members need the group's input.
            while (it != batchCache.checkpoints.begin() && std::prev(it)->first < n
                   && arrangement[std::prev(it)->first].join != Join::Chain)
                --it;
            if (it != batchCache.checkpoints.begin()) {
                --it;
                start = it->first;
                x.value = it->second;
            }
        }
        batchCache.checkpoints.erase(batchCache.checkpoints.upper_bound(start), batchCache.checkpoints.end());
        if (!x.value.defined()) {
            batchCache.checkpoints.clear();
            x.value = net->stem(input);
            if (keep)
                batchCache.checkpoints[0] = x.value;
        }
        for (int q = start; q < n;) {
            const int end = groupEnd(arrangement, q);
            const bool store = keep && end % stride == 0;
            x = runGroup(arrangement, q, end, x, store, graphBatch);
            if (store)
                batchCache.checkpoints[end] = x.value;
            q = end;
        }
        batchCache.owner = arrangement;
        return net->head(x.value);
    }
};

// Core's own way into an engine (flops.cpp, gradients.cpp and core's tests); private to core.
struct EngineAccess
{
    static Engine::Impl &of(Engine &engine) { return *engine.m_impl; }
};

// One budget of CPU threads shared by every engine of the process. With OpenMP every calling
// thread starts a team of its own, so the GUI's live evaluation, the comparison model and an
// analysis, each asking for all cores, ran 3N threads on N cores. An engine at work holds a
// ThreadShare; before each batch it takes an equal part of the threads it was given.
class ThreadShare
{
public:
    explicit ThreadShare(int wanted);
    ~ThreadShare();
    ThreadShare(const ThreadShare &) = delete;
    ThreadShare &operator=(const ThreadShare &) = delete;
    // Sets this thread's LibTorch thread count to max(1, min(wanted, cores free of other processes)
    // / engines at work now) (private/freecores.h); returns it.
    int apply() const;

private:
    int m_wanted;
};

// TF32 is a process-wide switch of LibTorch (cuDNN's and cuBLAS's). Work on CUDA holds it in the
// state its precision needs; work that needs the other state waits until the holders are done
// (issue 27: the fp32 comparison of a tf32 engine switched it off under another engine at work).
// A thread never holds both states at once: each hold is scoped to one piece of work. On the CPU
// a hold does nothing. (precision.cpp)
class Tf32Hold
{
public:
    Tf32Hold(const at::Device &device, bool allowed);
    ~Tf32Hold();
    Tf32Hold(const Tf32Hold &) = delete;
    Tf32Hold &operator=(const Tf32Hold &) = delete;

private:
    bool m_held;
};

// The unedited network's accuracy on images [first, end) in the engine's precision and in FP32,
// computed once per range (the GUI evaluates the same range edit after edit) and said in a notice
// (precision.cpp).
void checkPrecision(Engine::Impl &d, int64_t first, int64_t end, EvalResult &result);

// True when `error` says that memory ran out (CPU allocator, CUDA, std::bad_alloc), whatever
// LibTorch wrapped it in.
bool isOutOfMemory(const std::exception &error);

// The line of a LibTorch message worth showing (the allocator's, else the first).
std::string memoryMessage(const std::string &text);

// Makes freed multi-megabyte tensors reusable instead of returning them to the kernel (glibc).
void tuneHeapForLargeTensors();

// The data set as floats, (pixel / 255 - mean) / std per channel, N x C x H x W on the CPU; grey
// images repeated to three channels when asked (DESIGN.md section 7).
at::Tensor normalisedImages(const Dataset &data, const std::vector<float> &mean, const std::vector<float> &std,
                            bool toThreeChannels);
at::Tensor labelTensor(const Dataset &data);

// Per-example gradient of the summed cross-entropy with respect to the input of the first slot,
// through the residual branches of the blocks in `throughResidual` and the shortcuts of all
// others (gradients.cpp; exposed for the tests).
at::Tensor pathGradient(const Network::Impl &net, const at::Tensor &images, const at::Tensor &labels,
                        const Arrangement &arrangement, const std::vector<int> &throughResidual);

} // namespace pathlens
