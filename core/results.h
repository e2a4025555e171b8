#pragma once

// The paper's experiments as plain results, each with one JSON and one CSV form (DESIGN.md
// section 8). pathlens-cli, its report and the GUI's export all write these, so that a file says
// the same whichever program wrote it. The JSON keys and CSV columns are the ones users and
// tests rely on: add to them, never rename.
//
// To add a field to a result (per-class accuracy, an interval): add it to the struct, fill it
// where the result is made, and write it in the kind's toJson and toCsv (results.cpp).

#include "experiments.h"
#include "gradients.h"
#include "network.h"
#include "shard.h"

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace pathlens {

// One row of the lesion study: the network with this block deleted alone (with a span, the
// blocks index .. index + span - 1 deleted together; `name` names the first and the last).
struct LesionBlock
{
    int index = 0;
    std::string name;
    int stage = 0;
    bool downsampling = false;
    // NaN and -1 where there is no number: a block that cannot be deleted (a plain network's
    // shape-changing layer) or one that another shard measures.
    double accuracy = std::numeric_limits<double>::quiet_NaN();
    int64_t correct = -1;
    std::string unit; // the unit's kind (attention, MLP, ...; BlockInfo::unit), empty when unknown or a span
};

// Paper Fig. 3 (and Fig. 8 with `compared`): the baseline and each single deletion of one model.
struct LesionResult
{
    std::string model; // the model file as the user named it
    int64_t images = 0;
    double baseline = std::numeric_limits<double>::quiet_NaN(); // NaN in a shard that does not own it
    int64_t baselineCorrect = -1;
    double seconds = 0;
    bool plain = false; // no shortcuts: the paper's plain control
    int classes = 0;    // chance is 1 / classes
    std::vector<LesionBlock> blocks;
    int span = 1; // blocks deleted together; with more than 1, one row per possible first block
    // What was done to each row's run of `span` blocks (singleDeletions): deleted unless said.
    SpanIntervention intervention = SpanIntervention::Delete;
    std::vector<LesionResult> compared; // other models measured the same way (--compare)
};

// The blocks of `network` with the counts of the engine's run, `correct[a]` for arrangement a of
// `plan` (singleDeletions(network, shard)), placed at the blocks they belong to. `images`: how
// many images those counts are out of; accuracies are correct / images, as the engine computes them.
LesionResult lesionResult(const NetworkInfo &network, const SingleDeletions &plan, const std::vector<int64_t> &correct,
                          int64_t images, const Shard &shard = {});
// From counts already in block order: correct[0] the original, correct[i + 1] block i deleted (the
// span from block i), -1 none.
LesionResult lesionResult(const NetworkInfo &network, const std::vector<int64_t> &correctByBlock, int64_t images,
                          int span = 1, SpanIntervention intervention = SpanIntervention::Delete);

// JSON: {"model", "images", "baseline", "baseline_interval_95", "seconds", "plain", "classes",
// "blocks": [{"index", "name", "stage", "downsampling", "accuracy", "interval_95", "unit" when known}], "span" when
// more than 1 block is deleted at a time, "intervention" (interventionName) when the runs are not
// deleted, and with a
// comparison "compare": {"model", "baseline", "plain", "classes", "downsampling": [...],
// "accuracy": [...]} (several comparisons: an array of such objects)}.
std::string toJson(const LesionResult &result);
// CSV: index,name,stage,downsampling,accuracy,baseline; one row per block.
std::string toCsv(const LesionResult &result);

// Blocks whose single deletion costs more than `threshold` of accuracy (criticalBlocks).
std::vector<int> criticalBlocks(const LesionResult &result, double threshold = 0.10);

// JSON: {"model", "images", "baseline", "samples", "seed", "seconds", "points": [{"deleted" or
// "swaps", "mean", "std", "standard_error", "min", "max", "accuracies", "touched" (the blocks each
// sample deleted or moved), for reorder "kendall_tau", and with critical blocks "touching_critical"
// and "sparing_critical": {"samples", "mean", "standard_error"}}], with critical blocks "critical_blocks"}.
std::string toJson(const SweepResult &result);
// CSV: deleted,sample,accuracy,touched or swaps,sample,accuracy,kendall_tau,touched; one row per
// sample; touched: the blocks the sample deleted or moved, separated by spaces.
std::string toCsv(const SweepResult &result);

// Paper Fig. 6a and 7: how the paths of an arrangement are distributed over their lengths, and
// which share of each length survives deleting d blocks. Needs no data.
struct PathsResult
{
    std::string model;
    int blocks = 0;                           // n, every block of the network
    int active = 0;                           // blocks the arrangement keeps
    bool plain = false;                       // no shortcuts: one path
    std::vector<double> distribution;         // k = 0..active: C(active, k) / 2^active
    std::map<int, std::vector<double>> surviving; // d -> k = 0..blocks: C(n - d, k) / C(n, k)
    double paths = 0;                         // how many there are: 2^active, or prod (1 + m) over parallel groups
    std::string arrangement;                  // describe() of an arrangement with repeats or parallel groups, else empty
};

// For an arrangement with `active` of `blocks` blocks: the distribution, and the surviving
// fractions after each of `deletedCounts` (those outside 0..blocks are skipped) and after the
// arrangement's own deletions. A plain network has a single path, through every active layer:
// all of the distribution lies at `active`, and no deletion leaves the original path intact
// (lengths without paths count as 0 surviving).
PathsResult pathsResult(int blocks, int active, const std::vector<int> &deletedCounts, bool plain = false);
// For any arrangement of a network with shortcuts: as above, and for one that repeats blocks or
// runs them in parallel the distribution of its groups (groupedPathLengthDistribution); `active`
// is then the longest path (the groups with an active member), and the surviving fractions are
// only those of `deletedCounts` (deletions from the original network). Throws Error for a plain
// network with repeats or parallel groups.
PathsResult pathsResult(int blocks, const Arrangement &arrangement, const std::vector<int> &deletedCounts,
                        bool plain = false);

// The central 95% of the path lengths of `result` (2.5th to 97.5th percentile).
struct LengthRange
{
    int from = 0;
    int to = 0;
};
LengthRange centralLengths(const PathsResult &result);

// JSON: {"model", "blocks", "active", "distribution", "surviving": {"d": [...]}}.
std::string toJson(const PathsResult &result);
// CSV: length,fraction_of_paths,surviving_after_D_deleted...; one row per length 0..blocks.
std::string toCsv(const PathsResult &result);

// JSON: {"model", "lengths", "mean", "std", "samples", "total", "effective": {"from", "to",
// "share_of_paths"}, "batch", "seconds"}.
std::string toJson(const GradientResult &result);
// CSV: length,mean,std,samples,paths,total; one row per path length.
std::string toCsv(const GradientResult &result);

// A number in a CSV file: as %.<significant>g writes it, with "nan", "inf" and "-inf" for the
// non-finite ones (Qt's spelling: the files looked like this when pathlens-cli wrote them with
// QString::arg(value, 0, 'g', significant)).
std::string csvNumber(double value, int significant);

} // namespace pathlens
