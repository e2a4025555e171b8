// pathlens-train-core: `pathlens-cli train` for a machine without Qt (the GPU machine of
// tests/gpu/check.sh). Same core function, same options and defaults, no progress bar.
//
//   pathlens-train-core --out FILE [--arch preact|postact|plain|plain-constant|vit] [--depth D] [--width C]
//                       [--epochs E] [--stochastic-depth P] [--sample-blocks K] [--lr LR] [--batch B]
//                       [--seed S] [--teacher TRAINED.pt] [--device D] [--data PATH] [--resume yes] [--stop-after E]

#include "dataset.h"
#include "error.h"
#include "training.h"

#include <cstdio>
#include <string>

using namespace pathlens;

int main(int argc, char **argv)
{
    TrainOptions options;
    std::string dataPath = defaultDatasetPath();
    try {
        // The architecture's own defaults first, as `pathlens-cli train` has them (the ViT: 12
        // layers of width 64, AdamW at 1e-3); the flags then change them.
        for (int i = 1; i + 1 < argc; i += 2)
            if (std::string(argv[i]) == "--arch")
                options = defaultTrainOptions(argv[i + 1]);
        for (int i = 1; i + 1 < argc; i += 2) {
            const std::string flag = argv[i], value = argv[i + 1];
            if (flag == "--out") options.output = value;
            else if (flag == "--arch") options.architecture = value;
            else if (flag == "--depth") options.depth = std::stoi(value);
            else if (flag == "--width") options.width = std::stoi(value);
            else if (flag == "--sample-blocks") options.sampleBlocks = std::stoi(value);
            else if (flag == "--resume") options.resume = value == "yes";
            else if (flag == "--stop-after") options.stopAfterEpochs = std::stoi(value);
            else if (flag == "--epochs") options.epochs = std::stoi(value);
            else if (flag == "--stochastic-depth") options.survivalLast = std::stod(value);
            else if (flag == "--lr") options.learningRate = std::stod(value);
            else if (flag == "--batch") options.batchSize = std::stoi(value);
            else if (flag == "--seed") options.seed = std::stoull(value);
            else if (flag == "--teacher") options.teacher = value;
            else if (flag == "--device") options.device = parseDevice(value);
            else if (flag == "--data") dataPath = value;
            else throw Error("unknown option " + flag);
        }
        if (argc % 2 == 0 || options.output.empty())
            throw Error("usage: pathlens-train-core --out FILE [--arch A] [--depth D] [--width C] [--epochs E] "
                        "[--stochastic-depth P] [--sample-blocks K] [--lr LR] [--batch B] [--seed S] [--teacher T] [--device D] "
                        "[--data PATH] [--resume yes] [--stop-after E]");
        const Dataset trainSet = loadDataset(dataPath, Split::Train);
        const Dataset testSet = loadDataset(dataPath, Split::Test);
        const TrainResult result = train(options, trainSet, testSet, [](const TrainProgress &p) {
            if (p.testAccuracy >= 0)
                std::printf("epoch %d/%d: test accuracy %.2f%%, %.0f images/s\n", p.epoch + 1, p.epochs,
                            100 * p.testAccuracy, p.imagesPerSecond);
            std::fflush(stdout);
        });
        std::printf("%s %d of %d epochs in %.1f min: test accuracy %.2f%%; %s\n", result.finished ? "trained" : "stopped after",
                    result.epochsDone, options.epochs, result.seconds / 60, 100 * result.testAccuracy,
                    result.finished ? ("written to " + options.output).c_str() : "the checkpoint allows --resume yes");
    } catch (const std::exception &e) {
        std::fprintf(stderr, "pathlens-train-core: %s\n", e.what());
        return 2;
    }
    return 0;
}
