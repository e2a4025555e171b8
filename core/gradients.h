#pragma once

// Gradient magnitude per path length, the paper's Section 5 (DESIGN.md section 5).

#include "arrangement.h"
#include "engine.h"
#include "shard.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pathlens {

struct GradientOptions
{
    int samplesPerLength = 10; // random batches per path length k (the paper used 1000)
    int batchSize = 32;
    uint64_t seed = 1;
    // Unit r is round r (one random batch, one sample for every k); every round's random draws
    // are made by every shard, so round r is the same whichever shard takes it.
    Shard shard;
};

// The lengths that carry the central `coverage` of the total gradient: from the first k at which
// the cumulative share reaches (1 - coverage) / 2 to the first at which it reaches
// (1 + coverage) / 2. The paper names 5-17 for n = 54 but states no rule; this is ours
// (DESIGN.md section 5), so every figure names the coverage it uses.
struct EffectiveWindow
{
    double coverage = 0.9;
    int from = 0;
    int to = 0;
    double share = 0; // share of all 2^n paths whose length lies in [from, to]
    // 95% bootstrap percentile intervals of the ends, from resampling the rounds with replacement
    // (each round is one independent random batch with one sample for every k).
    int fromLow = 0;
    int fromHigh = 0;
    int toLow = 0;
    int toHigh = 0;
    int resamples = 0; // 0: no interval computed (low = high = the end)
};

EffectiveWindow centralWindow(const std::vector<double> &total, double coverage);

struct GradientResult
{
    std::string model;            // the model file as the user named it (results.h writes it)
    int batchSize = 0;            // images per sample
    std::vector<int> lengths;     // k = 0..n (n active blocks)
    std::vector<double> mean;     // mean over samples of the batch-mean per-example L2 norm of dLoss/dx_0
    std::vector<double> std;      // sample standard deviation over samples
    std::vector<int> samples;     // samples taken per k
    std::vector<double> total;    // C(n, k) * mean(k): the total gradient that paths of length k carry
    int effectiveFrom = 0;        // 5th..95th percentile of `total` over k: windows[0]
    int effectiveTo = 0;
    double effectiveShare = 0;    // share of all 2^n paths whose length lies in that range
    std::vector<EffectiveWindow> windows; // 90% and 95% of the total, with bootstrap intervals
    double seconds = 0;
    bool cancelled = false;
    // The samples themselves, so that the parts of a sharded run reduce in the unsharded order:
    // norms[j][k] is the magnitude at length k in round rounds[j]; rounds ascend.
    std::vector<int> rounds;
    std::vector<std::vector<double>> norms;
};

// Fills samples, mean, std, total and the effective windows from `rounds` and `norms`, summing
// over the rounds in their stored order (so the same rounds give the same bits; the bootstrap's
// draws are seeded by the number of rounds, so a merged sharded run gets the same intervals).
// `lengths` must hold 0..n. Without `bootstrap` the windows' ends carry no intervals
// (resamples 0): for the partial results shown while the rounds come in.
void summarise(GradientResult &result, bool bootstrap = true);

// Called after every round (one sample for every k): samples done and samples planned in all.
using GradientProgress = std::function<void(int done, int total, const GradientResult &partial)>;

// Samples, for every k = 0..n, `samplesPerLength` random batches of the engine's images; for each
// it picks k of the n active blocks uniformly and back-propagates the loss (cross-entropy summed
// over the batch, so each example's gradient is its own) through the residual branches of those k
// blocks and the shortcuts of the rest. One forward pass per batch serves every k.
GradientResult measureGradients(Engine &engine, const Arrangement &arrangement, const GradientOptions &options,
                                const GradientProgress &progress = {}, const CancelToken *cancel = nullptr);

} // namespace pathlens
