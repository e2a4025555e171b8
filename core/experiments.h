#pragma once

// The paper's sampling experiments on top of the engine (DESIGN.md sections 3 and 5).

#include "agreement.h"
#include "arrangement.h"
#include "engine.h"
#include "network.h"
#include "shard.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace pathlens {

// Blocks a random deletion may pick: the non-downsampling ones, or all when asked (section 3).
// With `kind`, only the units whose branch is of that kind (BlockInfo::unit: "attention", "MLP",
// ...; any case): the attention-only and MLP-only removals of He et al. (2024). Throws Error
// naming the kinds the network has when none is of `kind`.
std::vector<int> deletableBlocks(const NetworkInfo &network, bool includeDownsampling, const std::string &kind = {});

// `arrangement` with k more of its active, deletable blocks deleted, chosen uniformly.
Arrangement deleteRandomBlocks(const NetworkInfo &network, Arrangement arrangement, int k, std::mt19937_64 &random,
                               bool includeDownsampling = false, const std::string &kind = {});

// Whether any two blocks can trade places (non-downsampling, one stage, the same shapes); a
// network with one block per stage has no reordering experiment.
bool blocksCanTradePlaces(const NetworkInfo &network);

// Swaps `swaps` randomly sampled pairs of compatible blocks: two non-downsampling blocks of one
// stage, which keeps the arrangement valid.
Arrangement swapRandomPairs(const NetworkInfo &network, Arrangement arrangement, int swaps, std::mt19937_64 &random);

// Kendall's tau between the arrangement's block order and the original order 0..n-1:
// 1 - 4 * inversions / (n (n - 1)), counted by merge sort in O(n log n).
double kendallTau(const Arrangement &arrangement);

// The paper's lesion study (Fig. 3): the original arrangement first, then each single deletion
// that can run (a plain network's shape-changing layers cannot be deleted);
// blocks[j] is the block deleted in arrangements[j + 1]. A shard keeps the deletions of the blocks it
// owns (block i is unit i), and the original when it owns the baseline or has any deletion (they
// reuse its activations); without the original (a shard with no work), there is nothing.
// With `span` > 1, every contiguous run of that many blocks is deleted together (the span deletion
// of Gromov et al., ICLR 2025), and blocks[j] is the run's first block. Throws Error when `span`
// is not 1 to the number of blocks.
//
// Other interventions on each run (DESIGN.md section 3, the layer studies of 2024-26): reversed
// (a span of 2: the adjacent swap), shuffled (one random order per run, never the original, drawn
// from `seed` and the run's first block), run in parallel with their branches summed or averaged,
// or repeated (the run applied twice in a row). A run where the intervention cannot apply (a
// downsampling block, another stage, a post-activation block in a parallel group) gets no
// arrangement, as a plain network's shape-changing layers get none. Throws Error for reversing,
// shuffling or running in parallel a span of 1.
enum class SpanIntervention { Delete, Reverse, Shuffle, Parallel, ParallelMean, Repeat };
// "delete", "reverse", "shuffle", "parallel", "parallel-mean", "repeat"; throws Error otherwise.
SpanIntervention parseSpanIntervention(const std::string &text);
std::string interventionName(SpanIntervention intervention);
// What happens to the run, for tables and figures: "deleted", "reversed", "shuffled", "run in
// parallel (branches summed)", "run in parallel (branches averaged)", "repeated".
std::string interventionDone(SpanIntervention intervention);

struct SingleDeletions
{
    std::vector<Arrangement> arrangements;
    std::vector<int> blocks;
    bool original = true; // arrangements[0] is the original arrangement
    int span = 1;
    SpanIntervention intervention = SpanIntervention::Delete;
};
SingleDeletions singleDeletions(const NetworkInfo &network, const Shard &shard = {}, int span = 1,
                                SpanIntervention intervention = SpanIntervention::Delete, uint64_t seed = 1);

// The ensemble reading of a whole single-deletion study (no shard) evaluated with
// Engine::evaluatePredictions: the original against the single-deletion variants, in plan order,
// with `labels` those of the images evaluated. Throws Error when the original or the predictions
// are missing.
EnsembleReading singleDeletionEnsemble(const SingleDeletions &plan, const EvalResult &evaluated,
                                       const std::vector<int64_t> &labels, int classes);

struct SweepPoint
{
    int k = 0;                       // blocks deleted or pairs swapped
    std::vector<double> accuracies;  // one per sample
    std::vector<double> taus;        // reorder only: Kendall's tau of each sample
    std::vector<std::vector<int>> touched; // the blocks each sample deleted or moved (touchedBlocks)
    std::vector<int> sampleIndices;  // which of the point's samples these are: 0, 1, ... unless sharded
    std::vector<int64_t> correct;    // correctly classified images of each sample
    double mean = 0;
    double std = 0;                  // sample standard deviation (0 for one sample)
    double standardError = 0;        // of the mean: std / sqrt(samples)
    double min = 0;
    double max = 0;
};

struct SweepResult
{
    std::string model;    // the model file as the user named it (results.h writes it)
    bool reorder = false; // reorderSweep (k: pairs swapped), else deleteKSweep (k: blocks deleted)
    std::string kind;     // deleteKSweep: only units of this kind were deleted; empty: any
    int samples = 0;      // asked for per point
    int64_t seed = 0;     // as the user gave it
    double baseline = 0;
    int64_t baselineCorrect = -1; // -1: not evaluated here (a shard that does not own the baseline)
    int64_t images = 0;
    double seconds = 0;
    bool cancelled = false;
    std::vector<SweepPoint> points;
    // Blocks whose single deletion costs more than 10 points (criticalBlocks), when a lesion study
    // of the same model was at hand: the results are then also given split by them.
    std::vector<int> critical;
};

// Mean, spread, standard error, min and max of the point's accuracies (all zero when it has none:
// an empty shard).
void summarise(SweepPoint &point);

// The blocks an arrangement changes: deleted, or not at their original position; ascending.
std::vector<int> touchedBlocks(const Arrangement &arrangement);

// Blocks whose single deletion costs more than `threshold` of accuracy (0.10: ten points), from a
// lesion study: accuracies[j] is the accuracy without blocks[j].
std::vector<int> criticalBlocks(double baseline, const std::vector<int> &blocks, const std::vector<double> &accuracies,
                                double threshold = 0.10);

// Of `critical`, the blocks a sweep can delete or move: downsampling blocks stay in place (and
// are deleted only when `deletesDownsampling`), however much their single deletion costs.
std::vector<int> touchableCritical(const NetworkInfo &network, std::vector<int> critical, bool deletesDownsampling,
                                   const std::string &kind = {});

// A sweep point's samples split by whether they touched a critical block: when one block
// dominates, the samples form two groups, and their overall mean lies between them, describing
// neither (issue 14: with block 0 critical, "5 blocks deleted: 53.75% +- 43.49%").
struct SampleGroup
{
    int samples = 0;
    double mean = 0;
    double standardError = 0; // 0 for fewer than two samples
};
struct CriticalSplit
{
    SampleGroup touching; // samples that deleted or moved at least one critical block
    SampleGroup sparing;  // the rest
};
CriticalSplit splitByCritical(const SweepPoint &point, const std::vector<int> &critical);

// A sweep's arrangements, drawn before any is evaluated: unit u is the u-th arrangement in the
// order k = 0..points-1, sample 0..samples-1 (k = 0 has one: the original).
struct SweepPlan
{
    bool reorder = false;
    std::string kind; // deletions only of units of this kind; empty: any
    int samples = 0;
    uint64_t seed = 0;
    int points = 0;
    std::vector<Arrangement> arrangements;
    std::vector<int> pointOf; // k of each arrangement
    std::vector<int> sampleOf;
};

// Fig. 5a: k = 0..maxK random blocks deleted, `samples` arrangements per k; with `kind`, only
// units of that kind are deleted (deletableBlocks).
SweepPlan deleteKPlan(const NetworkInfo &network, int maxK, int samples, uint64_t seed, bool includeDownsampling = false,
                      const std::string &kind = {});
// Fig. 5b: k = 0..maxSwaps random compatible pairs swapped.
SweepPlan reorderPlan(const NetworkInfo &network, int maxSwaps, int samples, uint64_t seed);

// All of the plan's arrangements go to the engine in one call, so shared prefixes are computed
// once. With a shard, only the shard's units are evaluated.
SweepResult runSweep(Engine &engine, const SweepPlan &plan, const ProgressCallback &progress = {},
                     const CancelToken *cancel = nullptr, const Shard &shard = {});

// While runSweep (without a shard) runs: the samples counted so far, from one of its progress
// reports, each on the images counted for it; a point without any yet has a NaN mean. For a plot
// that fills in during a long run (Delete k showed nothing for 14 minutes, issue 25).
SweepResult sweepSoFar(const SweepPlan &plan, const EvalProgress &progress);

// runSweep of deleteKPlan and of reorderPlan.
SweepResult deleteKSweep(Engine &engine, int maxK, int samples, uint64_t seed, bool includeDownsampling = false,
                         const ProgressCallback &progress = {}, const CancelToken *cancel = nullptr,
                         const Shard &shard = {}, const std::string &kind = {});
SweepResult reorderSweep(Engine &engine, int maxSwaps, int samples, uint64_t seed,
                         const ProgressCallback &progress = {}, const CancelToken *cancel = nullptr,
                         const Shard &shard = {});

} // namespace pathlens
