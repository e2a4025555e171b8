// pathlens-bench: times the single-deletion sweep with and without activation reuse on one
// model and data set, and checks that both give the same accuracies (a self-check usable on a
// machine without Qt).
//
//   pathlens-bench MODEL [DATA] [--limit N] [--batch B] [--threads T] [--device cpu|cuda|auto]

#include "arrangement.h"
#include "dataset.h"
#include "engine.h"
#include "error.h"
#include "network.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

using namespace pathlens;

namespace {

std::vector<Arrangement> lesionArrangements(int n)
{
    std::vector<Arrangement> arrangements{identityArrangement(n)};
    for (int i = 0; i < n; ++i)
        arrangements.push_back(withDeleted(identityArrangement(n), {i}));
    return arrangements;
}

} // namespace

int main(int argc, char **argv)
{
    std::string modelPath;
    std::string dataPath = defaultDatasetPath();
    int64_t limit = -1;
    EngineOptions options;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--limit" && hasValue)
            limit = std::stoll(argv[++i]);
        else if (arg == "--batch" && hasValue)
            options.batchSize = std::stoi(argv[++i]);
        else if (arg == "--threads" && hasValue)
            options.threads = std::stoi(argv[++i]);
        else if (arg == "--device" && hasValue)
            options.device = parseDevice(argv[++i]);
        else if (positional == 0 && arg[0] != '-')
            modelPath = arg, ++positional;
        else if (positional == 1 && arg[0] != '-')
            dataPath = arg, ++positional;
        else {
            std::fprintf(stderr, "usage: pathlens-bench MODEL [DATA] [--limit N] [--batch B] [--threads T] [--device D]\n");
            return 2;
        }
    }
    if (modelPath.empty()) {
        std::fprintf(stderr, "usage: pathlens-bench MODEL [DATA] [--limit N] [--batch B] [--threads T] [--device D]\n");
        return 2;
    }
    try {
        const auto network = Network::load(modelPath);
        Dataset data = loadDataset(dataPath);
        truncate(data, limit);
        const int n = network->blockCount();
        const auto arrangements = lesionArrangements(n);

        options.reuseActivations = false;
        Engine naive(network, data, options);
        std::printf("model %s: %d blocks; data %s: %lld images; device %s, %d threads, batch %d\n", modelPath.c_str(), n,
                    dataPath.c_str(), static_cast<long long>(naive.imageCount()), naive.deviceName().c_str(),
                    naive.threads(), options.batchSize);
        naive.evaluate({identityArrangement(n)}, 0, options.batchSize); // warm-up: first-call costs
        const EvalResult slow = naive.evaluate(arrangements);
        std::printf("lesion sweep, naive (full forward per arrangement): %8.2f s\n", slow.seconds);

        options.reuseActivations = true;
        Engine reuse(network, data, options);
        reuse.evaluate({identityArrangement(n)}, 0, options.batchSize);
        reuse.clearCache();
        const EvalResult fast = reuse.evaluate(arrangements);
        std::printf("lesion sweep, activation reuse:                    %8.2f s\n", fast.seconds);
        std::printf("speed-up (naive / reuse): %.2fx\n", slow.seconds / fast.seconds);
        std::printf("baseline accuracy %.4f; throughput %.0f images/s per arrangement (reuse)\n", fast.accuracy[0],
                    double(fast.images) * double(arrangements.size()) / fast.seconds);

        for (size_t i = 0; i < arrangements.size(); ++i) {
            if (slow.correct[i] != fast.correct[i]) {
                std::fprintf(stderr, "SELF-CHECK FAILED: arrangement %zu: %lld correct naive, %lld with reuse\n", i,
                             static_cast<long long>(slow.correct[i]), static_cast<long long>(fast.correct[i]));
                return 1;
            }
        }
        std::printf("self-check: naive and reuse agree on all %zu arrangements\n", arrangements.size());

        if (cudaAvailable()) {
            // The CUDA path must give the CPU's logits (issue: within 1e-4).
            EngineOptions cpu = options;
            cpu.device = DeviceChoice::Cpu;
            EngineOptions cuda = options;
            cuda.device = DeviceChoice::Cuda;
            const int64_t count = std::min<int64_t>(512, naive.imageCount());
            const Arrangement deleted = withDeleted(identityArrangement(n), {n / 2});
            double worst = 0;
            for (const Arrangement &arrangement : {identityArrangement(n), deleted}) {
                const auto onCpu = Engine(network, data, cpu).logits(arrangement, 0, count);
                const auto onCuda = Engine(network, data, cuda).logits(arrangement, 0, count);
                for (size_t i = 0; i < onCpu.size(); ++i)
                    worst = std::max(worst, double(std::abs(onCpu[i] - onCuda[i])));
            }
            std::printf("CUDA vs CPU: max |logit difference| %.3g over %lld images, 2 arrangements\n", worst,
                        static_cast<long long>(count));
            if (worst > 1e-4) {
                std::fprintf(stderr, "SELF-CHECK FAILED: CUDA and CPU logits differ by %.3g > 1e-4\n", worst);
                return 1;
            }
        }
    } catch (const Error &e) {
        std::fprintf(stderr, "pathlens-bench: %s\n", e.what());
        return 2;
    }
    return 0;
}
