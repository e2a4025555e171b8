#pragma once

// Private to core: what only a LibTorch with CUDA compiles. core/cudagraphs.cpp is built only when
// the LibTorch found has CUDA (core/CMakeLists.txt defines PATHLENS_WITH_CUDA then); nothing here
// includes a CUDA header, so engine.cpp builds either way.

#include "private/slotgraphs.h"

#include <memory>

namespace pathlens {

// Free memory of CUDA device `index` as the driver counts it (cudaMemGetInfo), after the caching
// allocator has handed back the blocks it holds unused (never while a graph is being captured).
int64_t freeCudaBytes(int index);

// Captures a slot as a CUDA graph with a fixed input tensor; all graphs of one capturer share one
// memory pool. That is safe because a graph's output is always consumed (copied into the next
// graph's input, cloned, or read by an eager operation queued before the next replay) before
// another graph runs; SlotGraphs marks the outputs so that whoever keeps one clones it.
std::unique_ptr<GraphCapturer> makeCudaGraphCapturer();

} // namespace pathlens
