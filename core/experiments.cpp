#include "experiments.h"

#include "error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <set>

namespace pathlens {
namespace {

int64_t countInversions(std::vector<int> &values, std::vector<int> &scratch, size_t begin, size_t end)
{
    if (end - begin < 2)
        return 0;
    const size_t middle = begin + (end - begin) / 2;
    int64_t inversions = countInversions(values, scratch, begin, middle) + countInversions(values, scratch, middle, end);
    size_t left = begin;
    size_t right = middle;
    size_t out = begin;
    while (left < middle || right < end) {
        if (right == end || (left < middle && values[left] <= values[right])) {
            scratch[out++] = values[left++];
        } else {
            inversions += int64_t(middle - left); // every remaining left value is larger
            scratch[out++] = values[right++];
        }
    }
    std::copy(scratch.begin() + begin, scratch.begin() + end, values.begin() + begin);
    return inversions;
}

// Mean, sample standard deviation and standard error of the mean.
void describeSamples(const std::vector<double> &a, double &mean, double &std, double &standardError)
{
    mean = std::accumulate(a.begin(), a.end(), 0.0) / double(a.size());
    double squares = 0;
    for (double x : a)
        squares += (x - mean) * (x - mean);
    std = a.size() > 1 ? std::sqrt(squares / double(a.size() - 1)) : 0.0;
    standardError = std / std::sqrt(double(a.size()));
}

} // namespace

void summarise(SweepPoint &point)
{
    const auto &a = point.accuracies;
    if (a.empty())
        return;
    describeSamples(a, point.mean, point.std, point.standardError);
    const auto [lo, hi] = std::minmax_element(a.begin(), a.end());
    point.min = *lo;
    point.max = *hi;
}

namespace {

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

} // namespace

std::vector<int> deletableBlocks(const NetworkInfo &network, bool includeDownsampling, const std::string &kind)
{
    std::vector<int> blocks;
    std::set<std::string> kinds;
    bool kindFound = kind.empty();
    for (const BlockInfo &block : network.blocks) {
        const bool ofKind = kind.empty() || lowerCase(block.unit) == lowerCase(kind);
        kindFound = kindFound || ofKind;
        if (!block.unit.empty())
            kinds.insert(block.unit);
        if ((includeDownsampling || !block.downsampling) && ofKind)
            blocks.push_back(block.index);
    }
    if (!kindFound) {
        std::string known;
        for (const std::string &name : kinds)
            known += (known.empty() ? "" : ", ") + name;
        throw Error("no unit of " + network.path + " is of kind \"" + kind + "\"; "
                    + (known.empty() ? std::string("its blocks have no kinds (they were recognised by their module names, not read from their operations)")
                                     : "its kinds are " + known));
    }
    return blocks;
}

Arrangement deleteRandomBlocks(const NetworkInfo &network, Arrangement arrangement, int k, std::mt19937_64 &random,
                               bool includeDownsampling, const std::string &kind)
{
    std::vector<int> candidates;
    for (int block : deletableBlocks(network, includeDownsampling, kind)) {
        const auto slot = std::find_if(arrangement.begin(), arrangement.end(), [&](const Slot &s) { return s.block == block; });
        if (slot != arrangement.end() && slot->active)
            candidates.push_back(block);
    }
    if (k > int(candidates.size()))
        throw Error("cannot delete " + std::to_string(k) + " blocks: only " + std::to_string(candidates.size())
                    + " active blocks may be deleted");
    // A partial Fisher-Yates shuffle: the first k candidates are a uniform k-subset.
    for (int i = 0; i < k; ++i) {
        std::uniform_int_distribution<size_t> pick(i, candidates.size() - 1);
        std::swap(candidates[i], candidates[pick(random)]);
    }
    return withDeleted(std::move(arrangement), std::vector<int>(candidates.begin(), candidates.begin() + k));
}

namespace {

// Positions that hold non-downsampling blocks of one stage and the same shapes: the blocks at two
// such positions can trade places.
std::vector<std::pair<int, int>> tradablePositions(const NetworkInfo &network, const Arrangement &arrangement)
{
    std::vector<std::pair<int, int>> pairs;
    for (size_t a = 0; a < arrangement.size(); ++a)
        for (size_t b = a + 1; b < arrangement.size(); ++b) {
            const BlockInfo &x = network.blocks[arrangement[a].block];
            const BlockInfo &y = network.blocks[arrangement[b].block];
            if (!x.downsampling && !y.downsampling && x.link.empty() && y.link.empty() && x.stage == y.stage
                && x.inputShape == y.inputShape
                && x.outputShape == y.outputShape)
                pairs.emplace_back(int(a), int(b));
        }
    return pairs;
}

} // namespace

bool blocksCanTradePlaces(const NetworkInfo &network)
{
    return !tradablePositions(network, identityArrangement(int(network.blocks.size()))).empty();
}

Arrangement swapRandomPairs(const NetworkInfo &network, Arrangement arrangement, int swaps, std::mt19937_64 &random)
{
    const std::vector<std::pair<int, int>> pairs = tradablePositions(network, arrangement);
    if (swaps > 0 && pairs.empty())
        throw Error("no two blocks of this network can trade places");
    std::uniform_int_distribution<size_t> pick(0, pairs.empty() ? 0 : pairs.size() - 1);
    for (int i = 0; i < swaps; ++i) {
        const auto [a, b] = pairs[pick(random)];
        std::swap(arrangement[a], arrangement[b]);
    }
    return arrangement;
}

namespace {

const std::vector<std::pair<SpanIntervention, std::string>> &interventionNames()
{
    static const std::vector<std::pair<SpanIntervention, std::string>> names{
        {SpanIntervention::Delete, "delete"},     {SpanIntervention::Reverse, "reverse"},
        {SpanIntervention::Shuffle, "shuffle"},   {SpanIntervention::Parallel, "parallel"},
        {SpanIntervention::ParallelMean, "parallel-mean"}, {SpanIntervention::Repeat, "repeat"}};
    return names;
}

// The run of blocks first .. first + span - 1 of the original arrangement, intervened on.
Arrangement intervened(int n, int first, int span, SpanIntervention intervention, uint64_t seed)
{
    const int last = first + span - 1;
    const Arrangement original = identityArrangement(n);
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    switch (intervention) {
    case SpanIntervention::Delete: {
        std::vector<int> deleted(static_cast<size_t>(span));
        std::iota(deleted.begin(), deleted.end(), first);
        return withDeleted(original, deleted);
    }
    case SpanIntervention::Reverse:
        std::reverse(order.begin() + first, order.begin() + last + 1);
        return withOrder(original, order);
    case SpanIntervention::Shuffle: {
        // Seeded per run, so that a run's order does not depend on which other runs are measured.
        std::mt19937_64 random(seed * 1000003u + uint64_t(first));
        while (std::is_sorted(order.begin() + first, order.begin() + last + 1))
            std::shuffle(order.begin() + first, order.begin() + last + 1, random);
        return withOrder(original, order);
    }
    case SpanIntervention::Parallel:
        return withParallel(original, first, last, Join::Sum);
    case SpanIntervention::ParallelMean:
        return withParallel(original, first, last, Join::Mean);
    case SpanIntervention::Repeat:
        return withRepeated(original, first, last);
    }
    return original;
}

} // namespace

SpanIntervention parseSpanIntervention(const std::string &text)
{
    std::string known;
    for (const auto &[intervention, name] : interventionNames()) {
        if (name == text)
            return intervention;
        known += (known.empty() ? "" : ", ") + name;
    }
    throw Error("unknown intervention \"" + text + "\": use " + known);
}

std::string interventionName(SpanIntervention intervention)
{
    for (const auto &[known, name] : interventionNames())
        if (known == intervention)
            return name;
    return "delete";
}

std::string interventionDone(SpanIntervention intervention)
{
    switch (intervention) {
    case SpanIntervention::Delete: return "deleted";
    case SpanIntervention::Reverse: return "reversed";
    case SpanIntervention::Shuffle: return "shuffled";
    case SpanIntervention::Parallel: return "run in parallel (branches summed)";
    case SpanIntervention::ParallelMean: return "run in parallel (branches averaged)";
    case SpanIntervention::Repeat: return "repeated";
    }
    return "deleted";
}

SingleDeletions singleDeletions(const NetworkInfo &network, const Shard &shard, int span, SpanIntervention intervention,
                                uint64_t seed)
{
    const int n = int(network.blocks.size());
    if (span < 1 || span > n)
        throw Error("a span of " + std::to_string(span) + " blocks: the network has " + std::to_string(n)
                    + " blocks, so a span is 1 to " + std::to_string(n) + " blocks wide");
    const bool reordering = intervention == SpanIntervention::Reverse || intervention == SpanIntervention::Shuffle
                            || intervention == SpanIntervention::Parallel || intervention == SpanIntervention::ParallelMean;
    if (reordering && span < 2)
        throw Error("a span of 1 block cannot be " + interventionDone(intervention) + ": give a span of 2 or more");
    SingleDeletions result;
    result.span = span;
    result.intervention = intervention;
    for (int i = 0; i + span <= n; ++i) {
        if (!shard.owns(i))
            continue;
        Arrangement arrangement = intervened(n, i, span, intervention, seed);
        if (!whyInvalid(network, arrangement)) {
            result.arrangements.push_back(std::move(arrangement));
            result.blocks.push_back(i);
        }
    }
    // Deleting block i shares the first i slots with the original, so the original goes first in
    // every shard with work, for its cached activations; only the baseline's owner reports it.
    result.original = shard.ownsBaseline() || !result.blocks.empty();
    if (result.original)
        result.arrangements.insert(result.arrangements.begin(), identityArrangement(n));
    return result;
}

EnsembleReading singleDeletionEnsemble(const SingleDeletions &plan, const EvalResult &evaluated,
                                       const std::vector<int64_t> &labels, int classes)
{
    if (!plan.original || evaluated.predictions.size() != plan.arrangements.size())
        throw Error("the agreement of the lesioned networks needs the predictions of the original and of every "
                    "single deletion (a whole study, not a shard)");
    const std::vector<Predictions> variants(evaluated.predictions.begin() + 1, evaluated.predictions.end());
    return ensembleReading(evaluated.predictions[0], variants, labels, classes);
}

std::vector<int> touchedBlocks(const Arrangement &arrangement)
{
    std::vector<int> touched;
    for (size_t i = 0; i < arrangement.size(); ++i)
        if (!arrangement[i].active || arrangement[i].block != int(i))
            touched.push_back(arrangement[i].block);
    std::sort(touched.begin(), touched.end());
    return touched;
}

std::vector<int> criticalBlocks(double baseline, const std::vector<int> &blocks, const std::vector<double> &accuracies,
                                double threshold)
{
    std::vector<int> critical;
    for (size_t j = 0; j < blocks.size() && j < accuracies.size(); ++j)
        if (baseline - accuracies[j] > threshold + 1e-12) // 0.8 - 0.7 is 0.10000000000000009: exactly 10 points is not more
            critical.push_back(blocks[j]);
    return critical;
}

std::vector<int> touchableCritical(const NetworkInfo &network, std::vector<int> critical, bool deletesDownsampling,
                                   const std::string &kind)
{
    const std::vector<int> touchable = deletableBlocks(network, deletesDownsampling, kind);
    critical.erase(std::remove_if(critical.begin(), critical.end(),
                                  [&](int block) { return !std::binary_search(touchable.begin(), touchable.end(), block); }),
                   critical.end());
    return critical;
}

CriticalSplit splitByCritical(const SweepPoint &point, const std::vector<int> &critical)
{
    std::vector<double> touching, sparing;
    for (size_t s = 0; s < point.accuracies.size() && s < point.touched.size(); ++s) {
        const auto &t = point.touched[s];
        const bool hit = std::any_of(critical.begin(), critical.end(),
                                     [&](int block) { return std::binary_search(t.begin(), t.end(), block); });
        (hit ? touching : sparing).push_back(point.accuracies[s]);
    }
    CriticalSplit split;
    for (auto [samples, group] : {std::pair{&touching, &split.touching}, std::pair{&sparing, &split.sparing}}) {
        group->samples = int(samples->size());
        double std = 0;
        if (!samples->empty())
            describeSamples(*samples, group->mean, std, group->standardError);
    }
    return split;
}

double kendallTau(const Arrangement &arrangement)
{
    const size_t n = arrangement.size();
    if (n < 2)
        return 1.0;
    std::vector<int> order(n);
    std::transform(arrangement.begin(), arrangement.end(), order.begin(), [](const Slot &s) { return s.block; });
    std::vector<int> scratch(n);
    const int64_t inversions = countInversions(order, scratch, 0, n);
    return 1.0 - 4.0 * double(inversions) / (double(n) * double(n - 1));
}

SweepPlan deleteKPlan(const NetworkInfo &info, int maxK, int samples, uint64_t seed, bool includeDownsampling,
                      const std::string &kind)
{
    const int available = int(deletableBlocks(info, includeDownsampling, kind).size());
    if (maxK < 0 || maxK > available)
        throw Error("--max-k " + std::to_string(maxK) + ": this network has " + std::to_string(available)
                    + (kind.empty() ? std::string(" blocks") : " units of kind " + kind) + " that may be deleted");
    if (samples < 1)
        throw Error("the number of samples must be at least 1");
    SweepPlan plan;
    plan.kind = kind;
    plan.samples = samples;
    plan.seed = seed;
    plan.points = maxK + 1;
    std::mt19937_64 random(seed);
    for (int k = 0; k <= maxK; ++k)
        for (int s = 0; s < (k == 0 ? 1 : samples); ++s) { // k = 0 has one arrangement: the original
            plan.arrangements.push_back(deleteRandomBlocks(info, identityArrangement(int(info.blocks.size())), k, random,
                                                           includeDownsampling, kind));
            plan.pointOf.push_back(k);
            plan.sampleOf.push_back(s);
        }
    return plan;
}

SweepPlan reorderPlan(const NetworkInfo &info, int maxSwaps, int samples, uint64_t seed)
{
    if (maxSwaps < 0 || samples < 1)
        throw Error("the number of swaps must be at least 0 and of samples at least 1");
    SweepPlan plan;
    plan.reorder = true;
    plan.samples = samples;
    plan.seed = seed;
    plan.points = maxSwaps + 1;
    std::mt19937_64 random(seed);
    for (int k = 0; k <= maxSwaps; ++k)
        for (int s = 0; s < (k == 0 ? 1 : samples); ++s) {
            plan.arrangements.push_back(swapRandomPairs(info, identityArrangement(int(info.blocks.size())), k, random));
            plan.pointOf.push_back(k);
            plan.sampleOf.push_back(s);
        }
    return plan;
}

namespace {

SweepResult emptySweep(const SweepPlan &plan)
{
    SweepResult result;
    result.reorder = plan.reorder;
    result.kind = plan.kind;
    result.samples = plan.samples;
    result.seed = int64_t(plan.seed);
    result.points.resize(plan.points);
    for (int k = 0; k < plan.points; ++k)
        result.points[k].k = k;
    return result;
}

void addSample(SweepResult &result, const SweepPlan &plan, size_t unit, int64_t correct, int64_t images)
{
    SweepPoint &point = result.points[plan.pointOf[unit]];
    point.accuracies.push_back(double(correct) / double(std::max<int64_t>(1, images)));
    point.correct.push_back(correct);
    point.sampleIndices.push_back(plan.sampleOf[unit]);
    point.touched.push_back(touchedBlocks(plan.arrangements[unit]));
    if (plan.reorder)
        point.taus.push_back(kendallTau(plan.arrangements[unit]));
}

} // namespace

// The shard's arrangements go to the engine in one call, the original first. Every shard with
// work runs the original too, though only the one that owns the baseline reports it: the other
// arrangements resume from its cached activations (measured on ResNet-110: a shard without it
// took about twice as long per arrangement).
SweepResult runSweep(Engine &engine, const SweepPlan &plan, const ProgressCallback &progress, const CancelToken *cancel,
                     const Shard &shard)
{
    std::vector<Arrangement> all;
    std::vector<size_t> owned;
    for (size_t u = 0; u < plan.arrangements.size(); ++u)
        if (shard.owns(int(u))) {
            owned.push_back(u);
            all.push_back(plan.arrangements[u]);
        }
    if (shard.ownsBaseline() || !all.empty())
        all.insert(all.begin(), identityArrangement(int(engine.info().blocks.size())));
    SweepResult result = emptySweep(plan);
    // A shard with no work is valid; it still says how many images the run uses.
    EvalResult evaluated;
    if (all.empty())
        evaluated.images = engine.imageCount();
    else
        evaluated = engine.evaluate(all, 0, -1, progress, cancel);
    result.images = evaluated.images;
    result.seconds = evaluated.seconds;
    result.cancelled = evaluated.cancelled;
    result.baseline = shard.ownsBaseline() ? evaluated.accuracy[0] : std::nan("");
    if (shard.ownsBaseline())
        result.baselineCorrect = evaluated.correct[0];
    for (size_t j = 0; j < owned.size(); ++j)
        addSample(result, plan, owned[j], evaluated.correct[1 + j], evaluated.images);
    for (SweepPoint &point : result.points)
        summarise(point);
    return result;
}

SweepResult sweepSoFar(const SweepPlan &plan, const EvalProgress &progress)
{
    SweepResult result = emptySweep(plan);
    result.images = progress.imagesTotal;
    result.baseline = std::nan("");
    const auto &correct = progress.correctCounted;
    const auto &images = progress.imagesCounted;
    if (correct.size() != plan.arrangements.size() + 1 || images.size() != correct.size())
        return result; // no counts yet (or not a whole sweep's run)
    if (images[0] > 0) {
        result.baselineCorrect = correct[0];
        result.baseline = double(correct[0]) / double(images[0]);
    }
    for (size_t u = 0; u < plan.arrangements.size(); ++u)
        if (images[1 + u] > 0)
            addSample(result, plan, u, correct[1 + u], images[1 + u]);
    for (SweepPoint &point : result.points) {
        summarise(point);
        if (point.accuracies.empty())
            point.mean = std::nan(""); // drawn as a gap, not at 0 %
    }
    return result;
}

SweepResult deleteKSweep(Engine &engine, int maxK, int samples, uint64_t seed, bool includeDownsampling,
                         const ProgressCallback &progress, const CancelToken *cancel, const Shard &shard,
                         const std::string &kind)
{
    return runSweep(engine, deleteKPlan(engine.info(), maxK, samples, seed, includeDownsampling, kind), progress, cancel,
                    shard);
}

SweepResult reorderSweep(Engine &engine, int maxSwaps, int samples, uint64_t seed, const ProgressCallback &progress,
                         const CancelToken *cancel, const Shard &shard)
{
    return runSweep(engine, reorderPlan(engine.info(), maxSwaps, samples, seed), progress, cancel, shard);
}

} // namespace pathlens
