// Compiled only against a LibTorch with CUDA (core/CMakeLists.txt): nothing on a CPU-only machine
// builds this file, so it keeps to the LibTorch 2.x API that tests/gpu/run.sh builds and checks.

#include "cudagraphs.h"

#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>

#include <cmath>
#include <stdexcept>

namespace pathlens {

int64_t freeCudaBytes(int index)
{
    const c10::cuda::CUDAGuard guard(static_cast<c10::DeviceIndex>(index));
    c10::cuda::CUDACachingAllocator::emptyCache(); // blocks cached but unused count as free
    size_t free = 0, total = 0;
    if (cudaMemGetInfo(&free, &total) != cudaSuccess) {
        (void)cudaGetLastError(); // clear it: LibTorch checks for pending errors after its own calls
        return -1;
    }
    return int64_t(free);
}

struct BlockGraphs::Captured
{
    at::cuda::CUDAGraph graph;
    at::Tensor input;
    at::Tensor output;
};

BlockGraphs::BlockGraphs(std::shared_ptr<const Network::Impl> net)
    : m_net(std::move(net))
    , m_pool(at::cuda::graph_pool_handle())
{
}

BlockGraphs::~BlockGraphs() = default;

std::unique_ptr<BlockGraphs::Captured> BlockGraphs::capture(const Slot &slot, const at::Tensor &x)
{
    auto captured = std::make_unique<Captured>();
    captured->input = x.clone();
    const at::Tensor eager = m_net->runBlock(slot, x);
    if (eager.data_ptr() == x.data_ptr())
        return nullptr; // launches nothing (a deleted identity block): nothing to replay
    // Capture needs a stream other than the default one. Warm-up runs there first, uncaptured:
    // cuDNN's algorithm search and the TorchScript executor's profiling runs happen once, outside.
    c10::cuda::getCurrentCUDAStream().synchronize();
    c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool();
    {
        const c10::cuda::CUDAStreamGuard onSide(side);
        for (int i = 0; i < 3; ++i)
            m_net->runBlock(slot, captured->input);
        side.synchronize();
        // Thread-local: another engine's thread may allocate meanwhile (the GUI's comparison model).
        // The capture-mode argument exists from LibTorch 2.1 on (1.13 has only the pool).
        captured->graph.capture_begin(m_pool, cudaStreamCaptureModeThreadLocal);
        try {
            captured->output = m_net->runBlock(slot, captured->input);
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
    captured->input.copy_(x);
    captured->graph.replay();
    const double scale = 1.0 + eager.abs().max().item<double>();
    const double difference = (captured->output - eager).abs().max().item<double>();
    if (!(difference <= 1e-4 * scale))
        throw std::runtime_error("the CUDA graph of block " + std::to_string(slot.block) + " differs from the eager run by "
                                 + std::to_string(difference));
    return captured;
}

at::Tensor BlockGraphs::runBlock(const Slot &slot, const at::Tensor &x, bool &replayed)
{
    replayed = false;
    if (m_batch == 0)
        m_batch = x.size(0);
    if (!m_failure.empty() || x.size(0) != m_batch || !x.is_cuda())
        return m_net->runBlock(slot, x);
    const std::pair<int, bool> key{slot.block, slot.active};
    auto found = m_graphs.find(key);
    if (found == m_graphs.end()) {
        try {
            found = m_graphs.emplace(key, capture(slot, x)).first;
        } catch (const std::exception &e) {
            m_failure = std::string("CUDA graphs turned off, blocks run one kernel at a time: ") + e.what();
            m_graphs.clear();
            c10::cuda::getCurrentCUDAStream().synchronize();
            return m_net->runBlock(slot, x);
        }
    }
    Captured *captured = found->second.get();
    if (!captured)
        return m_net->runBlock(slot, x);
    captured->input.copy_(x);
    captured->graph.replay();
    replayed = true;
    return captured->output;
}

} // namespace pathlens
