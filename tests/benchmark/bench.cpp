// pathlens-bench: how fast the engine is on one model and data set, measured in one run on one
// machine, as ratios against baselines of the same run (issue 7):
//  1. the machine's convolution throughput on this network's own convolutions;
//  2. evaluation throughput of the full network, in images/s and GFLOP/s, with its batch norms
//     folded into the convolutions (the default) and unfolded;
//  3. interactive latency: from an edit of block i (start, middle, end) to the first estimate and
//     to the finished result, on the live subset and on all images, against the FLOP bound;
//  4. the single-deletion sweep with activation reuse against the naive way (a full forward per
//     arrangement), and with variant batching against one arrangement at a time; each pair must
//     count the same correct answers (a self-check usable without Qt);
//  5. peak resident memory; on a machine with CUDA, CUDA against CPU logits;
//  6. with --cuda-graphs on CUDA: the sweep with CUDA graphs against the same sweep run eagerly
//     (max |logit difference| and both times).
//
//   pathlens-bench MODEL [DATA] [--limit N] [--sweep-limit N] [--live N] [--batch B] [--threads T]
//                  [--device cpu|cuda|auto] [--cache-mb MB] [--no-naive] [--precision fp32|tf32|bf16]
//                  [--cuda-graphs]

#include "arrangement.h"
#include "dataset.h"
#include "engine.h"
#include "error.h"
#include "flops.h"
#include "network.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

using namespace pathlens;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double peakResidentMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // KiB on Linux
}

std::vector<Arrangement> lesionArrangements(int n)
{
    std::vector<Arrangement> arrangements{identityArrangement(n)};
    for (int i = 0; i < n; ++i)
        arrangements.push_back(withDeleted(identityArrangement(n), {i}));
    return arrangements;
}

// The first deletable block at or after `from` (downsampling blocks keep their place).
int deletableFrom(const NetworkInfo &info, int from)
{
    for (int i = std::max(0, from); i < int(info.blocks.size()); ++i)
        if (!info.blocks[i].downsampling)
            return i;
    return int(info.blocks.size()) - 1;
}

struct Options
{
    std::string model;
    std::string data = defaultDatasetPath();
    int64_t limit = -1;      // images for throughput and latency on "all images"
    int64_t sweepLimit = -1; // images for the sweep (default: --limit)
    int64_t live = 2000;     // the GUI's live subset
    bool naive = true;
    EngineOptions engine;
};

const char *usage = "usage: pathlens-bench MODEL [DATA] [--limit N] [--sweep-limit N] [--live N] [--batch B] "
                    "[--threads T] [--device cpu|cuda|auto] [--cache-mb MB] [--no-naive] [--precision fp32|tf32|bf16] "
                    "[--cuda-graphs]\n";

bool parse(int argc, char **argv, Options &o)
{
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--limit" && hasValue)
            o.limit = std::stoll(argv[++i]);
        else if (arg == "--sweep-limit" && hasValue)
            o.sweepLimit = std::stoll(argv[++i]);
        else if (arg == "--live" && hasValue)
            o.live = std::stoll(argv[++i]);
        else if (arg == "--batch" && hasValue)
            o.engine.batchSize = std::stoi(argv[++i]);
        else if (arg == "--threads" && hasValue)
            o.engine.threads = std::stoi(argv[++i]);
        else if (arg == "--device" && hasValue)
            o.engine.device = parseDevice(argv[++i]);
        else if (arg == "--cache-mb" && hasValue)
            o.engine.cacheBytes = std::stoll(argv[++i]) << 20;
        else if (arg == "--no-naive")
            o.naive = false;
        else if (arg == "--precision" && hasValue)
            o.engine.precision = parsePrecision(argv[++i]);
        else if (arg == "--cuda-graphs")
            o.engine.cudaGraphs = true;
        else if (positional == 0 && arg[0] != '-')
            o.model = arg, ++positional;
        else if (positional == 1 && arg[0] != '-')
            o.data = arg, ++positional;
        else
            return false;
    }
    if (o.sweepLimit < 0)
        o.sweepLimit = o.limit;
    return !o.model.empty();
}

// Images/s of the full network on up to 1,000 images, one arrangement, nothing cached, for each
// engine: the median of five runs, the engines taking turns so that a machine's drift reaches all alike. An engine's
// first run pays for fresh memory (measured up to 25 % slower), so each is warmed up first.
std::vector<double> throughputs(const std::vector<Engine *> &engines, int n)
{
    std::vector<std::vector<double>> rates(engines.size());
    auto run = [n](Engine *engine) {
        return engine->evaluate({identityArrangement(n)}, 0, std::min<int64_t>(engine->imageCount(), 1000));
    };
    for (Engine *engine : engines)
        run(engine);
    for (int round = 0; round < 5; ++round) {
        for (size_t e = 0; e < engines.size(); ++e) {
            engines[e]->clearCache();
            const EvalResult result = run(engines[e]);
            rates[e].push_back(double(result.images) / result.seconds);
        }
    }
    std::vector<double> medians;
    for (auto &r : rates) {
        std::sort(r.begin(), r.end());
        medians.push_back(r[r.size() / 2]);
    }
    for (Engine *engine : engines)
        engine->clearCache();
    return medians;
}

// Deletes block `block` on an engine whose cache holds the unedited network (as the GUI's after
// its first evaluation), and reports when the first estimate and the finished number arrive.
void editLatency(Engine &engine, const FlopCount &flops, double convGflops, int block, const char *label)
{
    const int n = engine.info().blocks.size();
    engine.evaluate({identityArrangement(n)}); // the state before the edit
    const auto started = Clock::now();
    double first = -1;
    int64_t firstImages = 0;
    const EvalResult result = engine.evaluate({withDeleted(identityArrangement(n), {block})}, 0, -1,
                                              [&](const EvalProgress &progress) {
                                                  if (first < 0) {
                                                      first = secondsSince(started);
                                                      firstImages = progress.imagesDone;
                                                  }
                                              });
    const double finished = secondsSince(started);
    const double bound = flops.fromSlot(block) * double(result.images) / (convGflops * 1e9);
    std::printf("  %-9s delete block %2d: first estimate %7.1f ms on %5lld images; finished %8.1f ms on %5lld "
                "images; FLOP bound %8.1f ms (%3.0f%% of it)\n",
                label, block, first * 1e3, static_cast<long long>(firstImages), finished * 1e3,
                static_cast<long long>(result.images), bound * 1e3, 100.0 * bound / finished);
}

// The sweep with CUDA graphs against the same sweep run eagerly, on the same GPU in one run: the
// logits of two arrangements on one batch (the graphs' fixed batch size) and the time of each sweep.
bool compareCudaGraphs(const std::shared_ptr<Network> &network, const Dataset &data, const EngineOptions &options,
                       const std::vector<Arrangement> &arrangements)
{
    EngineOptions eagerOptions = options;
    eagerOptions.cudaGraphs = false;
    EngineOptions graphOptions = options;
    graphOptions.cudaGraphs = true;
    Engine eager(network, data, eagerOptions);
    Engine graphed(network, data, graphOptions);
    const int64_t count = std::min<int64_t>(graphed.batchSize(), graphed.imageCount());
    double worst = 0;
    for (const Arrangement &arrangement : {arrangements.front(), arrangements.back()}) {
        const auto fromGraphs = graphed.logits(arrangement, 0, count); // captures the graphs at this batch size
        const auto fromEager = eager.logits(arrangement, 0, count);
        for (size_t i = 0; i < fromEager.size(); ++i)
            worst = std::max(worst, double(std::abs(fromEager[i] - fromGraphs[i])));
    }
    for (Engine *engine : {&eager, &graphed}) { // warm-up: every graph is captured before the timing
        engine->evaluate(arrangements, 0, count);
        engine->clearCache();
    }
    const EvalResult eagerResult = eager.evaluate(arrangements);
    const EvalResult graphResult = graphed.evaluate(arrangements);
    std::printf("\nCUDA graphs against eager (sweep of %zu arrangements, %lld images, batch %d):\n", arrangements.size(),
                static_cast<long long>(graphResult.images), graphed.batchSize());
    std::printf("  max |logit difference| %.3g over %lld images, 2 arrangements\n", worst, static_cast<long long>(count));
    std::printf("  eager:       %8.3f s\n  CUDA graphs: %8.3f s (%.2fx)\n", eagerResult.seconds, graphResult.seconds,
                eagerResult.seconds / graphResult.seconds);
    if (!graphed.notice().empty())
        std::printf("  notices: %s\n", graphed.notice().c_str());
    for (size_t i = 0; i < arrangements.size(); ++i) // where they differ, by how many images
        if (eagerResult.correct[i] != graphResult.correct[i])
            std::printf("  arrangement %zu (%s): %lld correct eagerly, %lld with CUDA graphs\n", i,
                        describe(arrangements[i]).c_str(), static_cast<long long>(eagerResult.correct[i]),
                        static_cast<long long>(graphResult.correct[i]));
    if (worst > 1e-4 || eagerResult.correct != graphResult.correct) {
        std::fprintf(stderr, "SELF-CHECK FAILED: CUDA graphs differ from eager (logits by %.3g; counts %s)\n", worst,
                     eagerResult.correct == graphResult.correct ? "equal" : "differ");
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    try {
        if (!parse(argc, argv, o)) {
            std::fputs(usage, stderr);
            return 2;
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "pathlens-bench: %s\n%s", e.what(), usage);
        return 2;
    }
    try {
        // Loading includes the verification on a probe batch (README: Models pathlens understands).
        const auto loadStart = std::chrono::steady_clock::now();
        const auto network = Network::load(o.model);
        const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loadStart).count();
        std::printf("load with verification: %.3f s\n", loadSeconds);
        const Dataset all = loadDataset(o.data);
        Dataset data = all;
        truncate(data, o.limit);
        const int n = network->blockCount();

        Engine engine(network, data, o.engine);
        const FlopCount flops = countFlops(engine);
        std::printf("model %s: %d blocks, %.3f GFLOP per image; data %s: %lld images; device %s, %d threads, batch "
                    "%d, cache %lld MiB, %s%s\n",
                    o.model.c_str(), n, flops.total() / 1e9, o.data.c_str(), static_cast<long long>(engine.imageCount()),
                    engine.deviceName().c_str(), engine.threads(), engine.batchSize(),
                    static_cast<long long>(o.engine.cacheBytes >> 20), precisionName(o.engine.precision).c_str(),
                    o.engine.cudaGraphs ? ", CUDA graphs" : "");

        // 1. What the machine's convolutions reach alone.
        const ConvolutionThroughput conv = measureConvolutionThroughput(engine);
        std::printf("\nconvolutions alone (this network's, batch %d): %.1f GFLOP/s\n", engine.batchSize(), conv.gflops());

        // 2. Throughput of a full forward pass, and of the same network with its batch norms as
        // separate passes (issue 27 item 2).
        const double convGflops = conv.gflops();
        auto share = [&](double rate) { return 100.0 * rate * flops.total() / 1e9 / convGflops; };
        if (o.engine.precision == Precision::Fp32) {
            EngineOptions unfoldedOptions = o.engine;
            unfoldedOptions.foldBatchNorms = false;
            Engine unfolded(network, data, unfoldedOptions);
            const std::vector<double> rates = throughputs({&engine, &unfolded}, n);
            std::printf("full network: %.1f images/s, %.1f GFLOP/s (%.0f%% of the convolutions alone)\n", rates[0],
                        rates[0] * flops.total() / 1e9, share(rates[0]));
            const int64_t count = std::min<int64_t>(engine.imageCount(), 500);
            const std::vector<float> a = engine.logits(identityArrangement(n), 0, count);
            const std::vector<float> b = unfolded.logits(identityArrangement(n), 0, count);
            double difference = 0, largest = 0;
            for (size_t i = 0; i < a.size(); ++i) {
                difference = std::max(difference, double(std::abs(a[i] - b[i])));
                largest = std::max(largest, double(std::abs(b[i])));
            }
            std::printf("  batch norms unfolded: %.1f images/s (%.0f%%); folded/unfolded %.2fx; max |logit difference| "
                        "%.2g (largest |logit| %.3g, %lld images)\n",
                        rates[1], share(rates[1]), rates[0] / rates[1], difference, largest, static_cast<long long>(count));
        } else {
            const double rate = throughputs({&engine}, n).front();
            std::printf("full network: %.1f images/s, %.1f GFLOP/s (%.0f%% of the convolutions alone)\n", rate,
                        rate * flops.total() / 1e9, share(rate));
        }
        std::printf("peak resident memory so far: %.0f MiB\n", peakResidentMiB());

        // 3. Interactive latency: what a user waits for after an edit.
        std::printf("\nafter an edit (cache warm with the unedited network; finished = all images of the engine):\n");
        const Dataset live = stratifiedSubset(all, o.live);
        Engine liveEngine(network, live, o.engine);
        const std::string liveLabel = "live " + std::to_string(liveEngine.imageCount());
        const std::string allLabel = "all " + std::to_string(engine.imageCount());
        for (int target : {0, n / 2, n - 1}) {
            const int block = deletableFrom(engine.info(), target);
            editLatency(liveEngine, flops, conv.gflops(), block, liveLabel.c_str());
            editLatency(engine, flops, conv.gflops(), block, allLabel.c_str());
        }
        liveEngine.clearCache();
        engine.clearCache();
        std::printf("peak resident memory so far: %.0f MiB\n", peakResidentMiB());

        // 4. The single-deletion sweep.
        Dataset sweepData = all;
        truncate(sweepData, o.sweepLimit);
        const auto arrangements = lesionArrangements(n);
        Engine reuse(network, sweepData, o.engine);
        reuse.evaluate({identityArrangement(n)}, 0, reuse.batchSize());
        reuse.clearCache();
        const EvalResult fast = reuse.evaluate(arrangements);
        reuse.clearCache();
        std::printf("\nlesion sweep (%zu arrangements, %lld images):\n", arrangements.size(),
                    static_cast<long long>(fast.images));
        std::printf("  activation reuse:                    %8.2f s (baseline accuracy %.4f)\n", fast.seconds,
                    fast.accuracy[0]);
        if (fast.precisionCheck)
            std::printf("  %s against fp32, unedited network: %.4f against %.4f (%.2f percentage points apart)\n",
                        precisionName(o.engine.precision).c_str(), fast.precisionCheck->reduced, fast.precisionCheck->fp32,
                        100 * std::abs(fast.precisionCheck->reduced - fast.precisionCheck->fp32));
        std::printf("  peak resident memory after the sweep: %.0f MiB\n", peakResidentMiB());
        if (o.naive) {
            EngineOptions naiveOptions = o.engine;
            naiveOptions.reuseActivations = false;
            Engine naive(network, sweepData, naiveOptions);
            const EvalResult slow = naive.evaluate(arrangements);
            std::printf("  naive (full forward per arrangement): %8.2f s\n", slow.seconds);
            std::printf("  speed-up (naive / reuse): %.2fx\n", slow.seconds / fast.seconds);
            for (size_t i = 0; i < arrangements.size(); ++i) {
                if (slow.correct[i] != fast.correct[i]) {
                    std::fprintf(stderr, "SELF-CHECK FAILED: arrangement %zu: %lld correct naive, %lld with reuse\n", i,
                                 static_cast<long long>(slow.correct[i]), static_cast<long long>(fast.correct[i]));
                    return 1;
                }
            }
            std::printf("  self-check: naive and reuse agree on all %zu arrangements\n", arrangements.size());
        }

        // The same sweep with variant batching the other way (issue 27 item 5: on by default on a
        // GPU only), same device and images: both times and the same counts.
        {
            const bool stackedFirst = o.engine.batchVariants.value_or(reuse.deviceName().rfind("cuda", 0) == 0);
            EngineOptions otherOptions = o.engine;
            otherOptions.batchVariants = !stackedFirst;
            Engine other(network, sweepData, otherOptions);
            const EvalResult otherResult = other.evaluate(arrangements);
            const double stacked = stackedFirst ? fast.seconds : otherResult.seconds;
            const double oneByOne = stackedFirst ? otherResult.seconds : fast.seconds;
            std::printf("  variant batching (one stacked batch per block and depth): %8.2f s\n"
                        "  one arrangement at a time (activation reuse):             %8.2f s (%.2fx)\n",
                        stacked, oneByOne, oneByOne / stacked);
            if (otherResult.correct != fast.correct) {
                std::fprintf(stderr, "SELF-CHECK FAILED: variant batching and one arrangement at a time count different correct answers\n");
                return 1;
            }
        }

        // 5. The CUDA path must give the CPU's logits (within 1e-4), in fp32.
        if (cudaAvailable() && o.engine.precision == Precision::Fp32) {
            EngineOptions cpu = o.engine;
            cpu.device = DeviceChoice::Cpu;
            EngineOptions cuda = o.engine;
            cuda.device = DeviceChoice::Cuda;
            const int64_t count = std::min<int64_t>(512, data.size());
            const Arrangement deleted = withDeleted(identityArrangement(n), {deletableFrom(engine.info(), n / 2)});
            double worst = 0;
            for (const Arrangement &arrangement : {identityArrangement(n), deleted}) {
                const auto onCuda = Engine(network, data, cuda).logits(arrangement, 0, count);
                const auto onCpu = Engine(network, data, cpu).logits(arrangement, 0, count);
                for (size_t i = 0; i < onCpu.size(); ++i)
                    worst = std::max(worst, double(std::abs(onCpu[i] - onCuda[i])));
            }
            std::printf("\nCUDA vs CPU: max |logit difference| %.3g over %lld images, 2 arrangements\n", worst,
                        static_cast<long long>(count));
            if (worst > 1e-4) {
                std::fprintf(stderr, "SELF-CHECK FAILED: CUDA and CPU logits differ by %.3g > 1e-4\n", worst);
                return 1;
            }
        }
        if (o.engine.cudaGraphs && cudaAvailable() && !compareCudaGraphs(network, sweepData, o.engine, arrangements))
            return 1;
        std::printf("\npeak resident memory: %.0f MiB\n", peakResidentMiB());
    } catch (const Error &e) {
        std::fprintf(stderr, "pathlens-bench: %s\n", e.what());
        return 2;
    }
    return 0;
}
