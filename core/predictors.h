#pragma once

// Cheap predictors of what deleting blocks costs (issue 28; DESIGN.md section 3): how much a run of
// blocks changes the representation it receives, measured once on the data with the unedited
// network, set against the accuracy that deleting the run costs.
//  - Block influence (ShortGPT, Men et al. 2024): 1 - cos(x_in, x_out) of one block.
//  - Angular distance (Gromov et al., ICLR 2025): arccos(cos(x_in, x_out)) / pi between the input
//    of a run's first block and the output of its last; the run with the smallest is deleted.
// Each image's activation is one vector (all its tokens or positions together): codebases lay
// activations out differently (Swin keeps channels last, ConvNeXt first), and a per-token reading
// would have to guess which axis holds the features. The papers average per token; with
// whole-image vectors, tokens weigh by their norm.

#include "engine.h"
#include "results.h"
#include "statistics.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace pathlens {

struct RunSimilarity
{
    int first = 0;           // the run's first block; the run is blocks first .. first + span - 1
    // The run's input (after its first block's link, which a deletion keeps) and output have the
    // same shape; a run through a downsampling block has no similarity (the values stay NaN).
    bool comparable = false;
    double meanCosine = std::numeric_limits<double>::quiet_NaN();      // over images
    double angularDistance = std::numeric_limits<double>::quiet_NaN(); // mean over images of arccos(cos) / pi
    double blockInfluence() const { return 1 - meanCosine; }
};

// Every run of `span` consecutive blocks of the unedited network (first = 0 .. n - span), on
// images [first, first + count) of the engine (count < 0: to the end), in FP32. Throws Error
// unless 1 <= span <= n. Returns what was measured so far when cancelled (images counts it).
struct Similarities
{
    int span = 1;
    int64_t images = 0;
    bool cancelled = false;
    std::vector<RunSimilarity> runs;
};
Similarities measureSimilarities(Engine &engine, int span, int64_t first = 0, int64_t count = -1,
                                 const CancelToken *cancel = nullptr);

// The predictors beside the truth: one row per run that has both a similarity and a measured
// deletion (lesion.blocks[first], deleted with the same span).
struct PredictorRow
{
    int first = 0;
    std::string name;     // of the run's first block
    double blockInfluence = 0;
    double angularDistance = 0;
    double accuracy = 0;  // with the run deleted
    double cost = 0;      // baseline - accuracy
};

struct PredictorResult
{
    std::string model;
    int64_t images = 0;
    int span = 1;
    double baseline = 0;
    double seconds = 0;
    std::vector<PredictorRow> rows;
    // Spearman's rho of each predictor against the cost, with its 95% interval: near 1, the
    // predictor ranks the runs as their deletions do.
    RankCorrelation influenceVsCost;
    RankCorrelation angularVsCost;
    // The run the predictor would delete (smallest angular distance) and the run whose deletion
    // costs least; -1 without rows.
    int pickedRun = -1;
    int cheapestRun = -1;
};

// Throws Error when the lesion and the similarities disagree on the span or the images.
PredictorResult predictorResult(const LesionResult &lesion, const Similarities &similarities);

// JSON: {"model", "images", "span", "baseline", "seconds", "rows": [{"first", "name",
// "block_influence", "angular_distance", "accuracy", "cost"}], "block_influence_vs_cost" and
// "angular_distance_vs_cost": {"rho", "interval_95", "pairs"}, "picked_run", "cheapest_run"}.
std::string toJson(const PredictorResult &result);
// CSV: first,name,block_influence,angular_distance,accuracy,cost; one row per run.
std::string toCsv(const PredictorResult &result);

} // namespace pathlens
