#include "gradients.h"

#include "private/engine_p.h"
#include "error.h"
#include "paths.h"

#include <torch/csrc/autograd/autograd.h>

#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

namespace pathlens {
namespace {

// One slot's tensors from the forward pass, kept so that any set of branches can be
// back-propagated later: y = post(z), z = shortcut(x) + residual(x).
struct SlotGraph
{
    at::Tensor input;    // a leaf that requires grad
    at::Tensor shortcut; // same tensor as input for an identity shortcut
    at::Tensor residual; // undefined for a deleted block
    at::Tensor sum;
    at::Tensor output;
};

at::Tensor vectorJacobian(const at::Tensor &output, const at::Tensor &input, const at::Tensor &gradient)
{
    return torch::autograd::grad({output}, {input}, {gradient}, /*retain_graph=*/true)[0];
}

} // namespace

// Per-example gradient of the summed loss with respect to the input of the first slot, taken
// through the residual branches of `throughResidual` (original block indices) and the shortcuts
// of every other block. Exposed for the tests through private/engine_p.h.
class PathGradient
{
public:
    PathGradient(const Network::Impl &net, const at::Tensor &images, const at::Tensor &labels, const Arrangement &arrangement)
    {
        // The engine's images are inference tensors; autograd needs ordinary ones.
        at::Tensor x = net.stem(images.clone()).detach();
        for (const Slot &slot : arrangement) {
            const BlockOps &block = net.blocks.at(slot.block);
            SlotGraph graph;
            graph.input = x.detach().requires_grad_(true);
            // A fixed link is on every path: the gradient passes through it either way.
            const at::Tensor linked = block.link ? block.link(graph.input) : graph.input;
            graph.shortcut = block.shortcut ? block.shortcut(linked) : linked;
            graph.sum = graph.shortcut;
            if (slot.active) {
                graph.residual = block.residual(linked);
                graph.sum = graph.shortcut + graph.residual;
            }
            graph.output = block.post ? block.post(graph.sum) : graph.sum;
            x = graph.output;
            m_slots.push_back(graph);
            m_blocks.push_back(slot.block);
        }
        const at::Tensor last = x.detach().requires_grad_(true);
        const at::Tensor loss = at::cross_entropy_loss(net.head(last), labels.clone(), {}, at::Reduction::Sum);
        m_headGradient = torch::autograd::grad({loss}, {last})[0];
    }

    at::Tensor gradient(const std::vector<bool> &throughResidual) const
    {
        at::Tensor g = m_headGradient;
        for (size_t q = m_slots.size(); q-- > 0;) {
            const SlotGraph &slot = m_slots[q];
            if (!slot.output.is_same(slot.sum))
                g = vectorJacobian(slot.output, slot.sum, g);
            const bool residual = throughResidual[m_blocks[q]] && slot.residual.defined();
            const at::Tensor &branch = residual ? slot.residual : slot.shortcut;
            if (!branch.is_same(slot.input))
                g = vectorJacobian(branch, slot.input, g);
        }
        return g;
    }

private:
    std::vector<SlotGraph> m_slots;
    std::vector<int> m_blocks;
    at::Tensor m_headGradient;
};

at::Tensor pathGradient(const Network::Impl &net, const at::Tensor &images, const at::Tensor &labels,
                        const Arrangement &arrangement, const std::vector<int> &throughResidual)
{
    std::vector<bool> chosen(net.blocks.size(), false);
    for (int block : throughResidual)
        chosen.at(block) = true;
    return PathGradient(net, images, labels, arrangement).gradient(chosen);
}

EffectiveWindow centralWindow(const std::vector<double> &total, double coverage)
{
    EffectiveWindow window;
    window.coverage = coverage;
    const int n = int(total.size()) - 1;
    double grandTotal = 0;
    for (double t : total)
        grandTotal += t;
    double cumulative = 0;
    bool fromFound = false;
    for (int k = 0; k <= n && grandTotal > 0; ++k) {
        cumulative += total[k] / grandTotal;
        if (!fromFound && cumulative >= (1 - coverage) / 2) {
            window.from = k;
            fromFound = true;
        }
        if (cumulative >= (1 + coverage) / 2) {
            window.to = k;
            break;
        }
    }
    window.share = shareOfPaths(n, window.from, window.to);
    window.fromLow = window.fromHigh = window.from;
    window.toLow = window.toHigh = window.to;
    return window;
}

namespace {

// The windows of the measured totals for each coverage, and the 2.5th and 97.5th percentiles of
// their ends over 1,000 bootstrap resamples of the rounds (one resample serves every coverage).
std::vector<EffectiveWindow> bootstrappedWindows(const GradientResult &result, const std::vector<double> &counts,
                                                 const std::vector<double> &coverages, bool bootstrap)
{
    std::vector<EffectiveWindow> windows;
    for (double coverage : coverages)
        windows.push_back(centralWindow(result.total, coverage));
    const int rounds = int(result.norms.size());
    const int n = int(result.lengths.size()) - 1;
    if (!bootstrap || rounds < 2)
        return windows;
    constexpr int resamples = 1000;
    std::mt19937_64 random(uint64_t(rounds) * 7919 + uint64_t(n));
    std::uniform_int_distribution<int> pick(0, rounds - 1);
    std::vector<std::vector<int>> froms(windows.size()), tos(windows.size());
    std::vector<double> total(n + 1);
    for (int r = 0; r < resamples; ++r) {
        std::fill(total.begin(), total.end(), 0.0);
        for (int i = 0; i < rounds; ++i) {
            const std::vector<double> &round = result.norms[pick(random)];
            for (int k = 0; k <= n; ++k)
                total[k] += counts[k] * round[k];
        }
        for (size_t w = 0; w < windows.size(); ++w) {
            const EffectiveWindow resampled = centralWindow(total, windows[w].coverage);
            froms[w].push_back(resampled.from);
            tos[w].push_back(resampled.to);
        }
    }
    auto percentile = [](std::vector<int> values, double q) {
        std::sort(values.begin(), values.end());
        return values[size_t(std::lround(q * double(values.size() - 1)))];
    };
    for (size_t w = 0; w < windows.size(); ++w) {
        windows[w].fromLow = percentile(froms[w], 0.025);
        windows[w].fromHigh = percentile(froms[w], 0.975);
        windows[w].toLow = percentile(tos[w], 0.025);
        windows[w].toHigh = percentile(tos[w], 0.975);
        windows[w].resamples = resamples;
    }
    return windows;
}

} // namespace

void summarise(GradientResult &result, bool bootstrap)
{
    const int n = int(result.lengths.size()) - 1;
    std::vector<double> sum(n + 1, 0.0);
    std::vector<double> squares(n + 1, 0.0);
    result.samples.assign(n + 1, 0);
    for (const std::vector<double> &round : result.norms)
        for (int k = 0; k <= n; ++k) {
            sum[k] += round.at(k);
            squares[k] += round[k] * round[k];
            ++result.samples[k];
        }
    const auto counts = pathCounts(n);
    result.mean.assign(n + 1, 0.0);
    result.std.assign(n + 1, 0.0);
    result.total.assign(n + 1, 0.0);
    for (int k = 0; k <= n; ++k) {
        const int m = result.samples[k];
        if (m == 0)
            continue;
        result.mean[k] = sum[k] / m;
        result.std[k] = m > 1 ? std::sqrt(std::max(0.0, (squares[k] - m * result.mean[k] * result.mean[k]) / (m - 1))) : 0.0;
        result.total[k] = counts[k] * result.mean[k];
    }
    result.windows = bootstrappedWindows(result, counts, {0.90, 0.95}, bootstrap);
    result.effectiveFrom = result.windows[0].from;
    result.effectiveTo = result.windows[0].to;
    result.effectiveShare = result.windows[0].share;
}

GradientResult measureGradients(Engine &engine, const Arrangement &arrangement, const GradientOptions &options,
                                const GradientProgress &progress, const CancelToken *cancel)
{
    Engine::Impl &d = EngineAccess::of(engine);
    if (const auto why = whyInvalid(d.info, arrangement))
        throw Error("invalid arrangement (" + describe(arrangement) + "): " + *why);
    if (hasRepeatsOrParallel(arrangement))
        throw Error("the gradient per path length is measured for deletions and reorders; this arrangement ("
                    + describe(arrangement) + ") repeats blocks or runs them in parallel");
    if (options.samplesPerLength < 1 || options.batchSize < 1)
        throw Error("gradient sampling needs at least 1 sample per length and 1 image per batch");
    // A plain network has one path through all its layers (a deleted layer is the identity, not
    // a shortcut), so there is no gradient per path length; LibTorch would fail in autograd.
    if (d.info.plain)
        throw Error(d.info.path + ": the gradient per path length needs shortcuts; this is a plain network (no "
                    "shortcuts), whose only path passes every layer");
    const auto started = std::chrono::steady_clock::now();
    const ThreadShare threads(d.threads);

    std::vector<int> active;
    for (const Slot &slot : arrangement)
        if (slot.active)
            active.push_back(slot.block);
    const int n = int(active.size());
    GradientResult result;
    result.batchSize = options.batchSize;
    for (int k = 0; k <= n; ++k)
        result.lengths.push_back(k);
    result.samples.assign(n + 1, 0);

    std::mt19937_64 random(options.seed);
    const int64_t images = engine.imageCount();
    const int64_t batch = std::min<int64_t>(options.batchSize, images);
    std::uniform_int_distribution<int64_t> pickStart(0, images - batch);
    int ownedRounds = 0;
    for (int round = 0; round < options.samplesPerLength; ++round)
        ownedRounds += options.shard.owns(round) ? 1 : 0;
    const int totalSamples = ownedRounds * (n + 1);
    const std::shared_ptr<const Network::Impl> asLoaded = d.asLoaded();
    for (int round = 0; round < options.samplesPerLength; ++round) {
        if (cancel && cancel->cancelled()) {
            result.cancelled = true;
            break;
        }
        threads.apply();
        // Every round's draws are made in every shard, in the unsharded order, so that round r
        // uses the same batch and the same blocks whichever shard computes it.
        // A random contiguous window of a data set in stored order is a random batch.
        const int64_t start = pickStart(random);
        std::vector<std::vector<bool>> chosen(n + 1, std::vector<bool>(asLoaded->blocks.size(), false));
        for (int k = 0; k <= n; ++k) {
            std::vector<int> order = active;
            std::shuffle(order.begin(), order.end(), random);
            for (int i = 0; i < k; ++i)
                chosen[k][order[i]] = true;
        }
        if (!options.shard.owns(round))
            continue;
        // FP32 weights whatever the engine's precision: bf16 gradients through 50 blocks would
        // mostly measure rounding.
        const PathGradient graph(*asLoaded, d.images.narrow(0, start, batch), d.labels.narrow(0, start, batch), arrangement);
        std::vector<double> norms(n + 1);
        for (int k = 0; k <= n; ++k)
            norms[k] = graph.gradient(chosen[k]).flatten(1).norm(2, {1}).mean().item<double>();
        result.rounds.push_back(round);
        result.norms.push_back(std::move(norms));
        if (progress) {
            // The bootstrap waits for the end: per round it would cost rounds^2 over the run.
            GradientResult partial = result;
            summarise(partial, /*bootstrap=*/false);
            partial.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            progress(int(result.rounds.size()) * (n + 1), totalSamples, partial);
        }
    }

    summarise(result);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace pathlens
