// pathlens-gpu-oom: a real CUDA out-of-memory error in the middle of an evaluation, handled by
// the engine (a batch that does not fit is retried in halves). Fills the GPU's memory with 1 GiB
// tensors until no more fit, frees RESERVE_GB of them again (the caching allocator keeps that
// much for the engine), then evaluates all images in one batch, and compares the counts with a
// run at the default batch made before. ATen only, so it builds wherever core builds.
//
//   pathlens-gpu-oom MODEL DATA [RESERVE_GB]

#include "dataset.h"
#include "engine.h"
#include "error.h"
#include "network.h"

#include <ATen/ATen.h>

#include <cstdio>
#include <string>
#include <vector>

using namespace pathlens;

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: pathlens-gpu-oom MODEL DATA [RESERVE_GB]\n");
        return 2;
    }
    try {
        if (!cudaAvailable()) {
            std::printf("no CUDA device: nothing to check\n");
            return 0;
        }
        const double reserveGb = argc > 3 ? std::stod(argv[3]) : 1.0;
        const auto network = Network::load(argv[1]);
        const Dataset data = loadDataset(argv[2]);
        EngineOptions options;
        options.device = DeviceChoice::Cuda;
        const std::vector<Arrangement> arrangements{identityArrangement(int(network->describe(network->defaultInputShape()).blocks.size()))};
        std::vector<int64_t> expected;
        {
            Engine reference(network, data, options);
            expected = reference.evaluate(arrangements).correct;
        }
        std::vector<at::Tensor> blockers;
        try {
            for (;;)
                blockers.push_back(at::empty({int64_t(1) << 30}, at::TensorOptions().dtype(at::kByte).device(at::kCUDA)));
        } catch (const c10::Error &) {
            // full
        }
        const size_t occupied = blockers.size();
        for (int i = 0; i < int(reserveGb) && !blockers.empty(); ++i)
            blockers.pop_back();
        std::printf("filled %zu GiB of GPU memory, freed %d GiB again for the evaluation\n", occupied, int(reserveGb));
        options.batchSize = int(data.size()); // all images at once: cannot fit in what is left
        Engine engine(network, data, options);
        const EvalResult result = engine.evaluate(arrangements);
        std::printf("one batch of %lld images: %lld correct (expected %lld), %.2f s\nnotice: %s\n",
                    static_cast<long long>(data.size()), static_cast<long long>(result.correct[0]),
                    static_cast<long long>(expected[0]), result.seconds, engine.notice().c_str());
        const bool ok = result.correct == expected && !engine.notice().empty();
        std::printf("%s\n", ok ? "OK: same counts after the retry in smaller batches" : "FAILED");
        return ok ? 0 : 1;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "pathlens-gpu-oom: %s\n", e.what());
        return 1;
    }
}
