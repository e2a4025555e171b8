#pragma once

#include "engine.h"

#include <vector>

namespace pathlens {

// Floating-point operations per image of each part of a network (a multiply-add counts two), for
// convolutions and matrix products, the operations that dominate. Blocks counted active.
struct FlopCount
{
    double stem = 0;
    std::vector<double> blocks;
    double head = 0;

    double total() const;
    double fromSlot(int slot) const; // what an edit at `slot` makes the engine recompute: slots slot.. n-1 and the head
};

// Counts by watching the operators LibTorch dispatches while one image runs through the network
// on the engine's device.
FlopCount countFlops(Engine &engine);

// The machine's convolution throughput on this network's own convolutions: every convolution of
// one batch (the engine's batch size), run alone, back to back, repeated for at least
// `minSeconds`. An upper bound for what a whole forward pass can reach.
struct ConvolutionThroughput
{
    double flopsPerBatch = 0;
    double secondsPerBatch = 0;
    double gflops() const { return secondsPerBatch > 0 ? flopsPerBatch / secondsPerBatch / 1e9 : 0; }
};
ConvolutionThroughput measureConvolutionThroughput(Engine &engine, double minSeconds = 2.0);

} // namespace pathlens
