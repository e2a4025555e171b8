#pragma once

// How many images a GPU batch holds, from the device memory that is free (torch-free, so that it
// is tested on any machine).

#include <cstdint>
#include <vector>

namespace pathlens {

struct BatchMemory
{
    int64_t freeBytes = 0;      // device memory free now
    int64_t reservedBytes = 0;  // what the engine will hold besides the batch (its activation cache budget)
    int64_t perImageBytes = 0;  // peak bytes one image needs during a forward pass (peakBytesPerImage)
    int64_t images = 0;         // images the engine holds: no batch is larger
    int64_t largest = 4096;     // beyond this no GPU gets faster (the kernels are no longer launch-bound)
    int64_t smallest = 64;      // below this kernel launches dominate; smaller only when nothing larger fits
    // Room left for cuDNN's workspaces, the allocator's rounding and other engines of the process.
    double usableFraction = 0.7;
};

// The batch size: as many images as fit in the usable part of the free memory after the reserve
// (at most half of what is free is reserved: the cache thins its checkpoints when it has less),
// between `smallest` and `largest`, rounded down to a multiple of 64 from 128 on (whole warps and
// tiles), never more than `images` and never less than 1.
int64_t chooseBatchSize(const BatchMemory &memory);

// Peak bytes of one image's forward pass through one block: its input, the shortcut's output, two
// intermediate activations of the residual branch and the sum, each at most the largest activation
// (`slotBytes`: one image's activation at each block boundary), plus the input image itself.
int64_t peakBytesPerImage(const std::vector<int64_t> &slotBytes, int64_t inputBytes);

} // namespace pathlens
