// Compiled only against a LibTorch with CUDA (core/CMakeLists.txt): nothing on a CPU-only machine
// builds this file, so it keeps to the LibTorch 2.x API that tests/gpu/run.sh builds and checks.

#include "cudagraphs.h"

#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>

#include <cmath>
#include <mutex>
#include <stdexcept>

namespace pathlens {

namespace {

// The caching allocator's emptyCache() must not run while another thread captures a graph (it
// would free blocks the capture is allocating from); both hold this.
std::mutex captureOrEmpty;

class CudaGraphSlot : public CapturedSlot
{
public:
    const at::Tensor &replay(const at::Tensor &x) override
    {
        input.copy_(x);
        graph.replay();
        return output;
    }

    at::cuda::CUDAGraph graph;
    at::Tensor input;
    at::Tensor output;
};

class CudaGraphCapturer : public GraphCapturer
{
public:
    std::unique_ptr<CapturedSlot> capture(const Network::Impl &net, const Slot &slot, const at::Tensor &x) override;

    void released() override
    {
        c10::cuda::getCurrentCUDAStream().synchronize();
        const std::lock_guard<std::mutex> lock(captureOrEmpty);
        c10::cuda::CUDACachingAllocator::emptyCache();
        m_pool = at::cuda::graph_pool_handle(); // the old pool is freed once its graphs are gone
    }

private:
    std::pair<unsigned long long, unsigned long long> m_pool = at::cuda::graph_pool_handle();
};

std::unique_ptr<CapturedSlot> CudaGraphCapturer::capture(const Network::Impl &net, const Slot &slot, const at::Tensor &x)
{
    const at::Tensor eager = net.runBlock(slot, x);
    if (eager.is_alias_of(x))
        return nullptr; // launches nothing (a deleted identity block): nothing to replay
    auto captured = std::make_unique<CudaGraphSlot>();
    captured->input = x.clone();
    // Capture needs a stream other than the default one. Warm-up runs there first, uncaptured:
    // cuDNN's algorithm search and the TorchScript executor's profiling runs happen once, outside.
    c10::cuda::getCurrentCUDAStream().synchronize();
    c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool();
    {
        const c10::cuda::CUDAStreamGuard onSide(side);
        for (int i = 0; i < 3; ++i)
            net.runBlock(slot, captured->input);
        side.synchronize();
        const std::lock_guard<std::mutex> lock(captureOrEmpty);
        // Thread-local: another engine's thread may allocate meanwhile (the GUI's comparison model).
        // The capture-mode argument exists from LibTorch 2.1 on (1.13 has only the pool).
        captured->graph.capture_begin(m_pool, cudaStreamCaptureModeThreadLocal);
        try {
            captured->output = net.runBlock(slot, captured->input);
        } catch (...) {
            try {
                captured->graph.capture_end(); // ends the stream's capture mode before the error goes on
            } catch (...) {
            }
            throw;
        }
        captured->graph.capture_end();
        side.synchronize();
    }
    // The first replay must give the eager result (the same kernels: equal up to rounding).
    captured->replay(x);
    const double scale = 1.0 + eager.abs().max().item<double>();
    const double difference = (captured->output - eager).abs().max().item<double>();
    if (!(difference <= 1e-4 * scale))
        throw std::runtime_error("the CUDA graph of block " + std::to_string(slot.block) + " differs from the eager run by "
                                 + std::to_string(difference));
    return captured;
}

} // namespace

int64_t freeCudaBytes(int index)
{
    const c10::cuda::CUDAGuard guard(static_cast<c10::DeviceIndex>(index));
    {
        const std::lock_guard<std::mutex> lock(captureOrEmpty);
        c10::cuda::CUDACachingAllocator::emptyCache(); // blocks cached but unused count as free
    }
    size_t free = 0, total = 0;
    if (cudaMemGetInfo(&free, &total) != cudaSuccess) {
        (void)cudaGetLastError(); // clear it: LibTorch checks for pending errors after its own calls
        return -1;
    }
    return int64_t(free);
}

std::unique_ptr<GraphCapturer> makeCudaGraphCapturer()
{
    return std::make_unique<CudaGraphCapturer>();
}

} // namespace pathlens
