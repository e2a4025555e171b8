// train: one of pathlens' demo models (DESIGN.md section 6).

#include "commands.h"

#include "defaults.h"
#include "error.h"
#include "training.h"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace pathlens::cli {

// With a progress bar; Ctrl-C stops after the current batch, and the checkpoint of the last
// finished epoch stays for --resume.
int trainModel(Context &context, const QStringList &arguments)
{
    if (arguments.size() > 1)
        throw Error("train takes no model argument; name the output with --out FILE");
    const QCommandLineParser &parser = context.parser();
    TrainOptions options = defaultTrainOptions(context.value("arch").toStdString());
    options.depth = parsePositive(parser, QStringLiteral("depth"), options.depth);
    options.width = parsePositive(parser, QStringLiteral("width"), options.width);
    options.heads = parsePositive(parser, QStringLiteral("heads"), options.heads);
    options.mlp = parsePositive(parser, QStringLiteral("mlp"), options.mlp);
    options.patch = parsePositive(parser, QStringLiteral("patch"), options.patch);
    options.sampleBlocks = parsePositive(parser, QStringLiteral("sample-blocks"), 0);
    options.epochs = parsePositive(parser, QStringLiteral("epochs"), options.epochs);
    options.batchSize = parsePositive(parser, QStringLiteral("batch"), 128);
    options.threads = parsePositive(parser, QStringLiteral("threads"), 0);
    options.device = parseDevice(context.value("device").toStdString());
    options.seed = uint64_t(context.seed());
    options.flip = !context.isSet("no-flip");
    options.resume = context.isSet("resume");
    options.initialWeights = context.value("init").toStdString();
    options.teacher = context.value("teacher").toStdString();
    options.output = context.value("out").toStdString();
    if (context.isSet("stochastic-depth"))
        options.survivalLast = parseNumber(context.value("stochastic-depth"), "stochastic-depth");
    if (context.isSet("lr"))
        options.learningRate = parseNumber(context.value("lr"), "lr");
    const QString dataPath = context.isSet("data") ? context.value("data") : QString::fromStdString(defaultDatasetPath());
    const std::string format = context.value("data-format").toStdString();
    // Image folders: the first training image fixes the input size, the test images follow it.
    Dataset trainSet = loadAnyDataset(dataPath.toStdString(), Split::Train, format, {});
    warnAbout(trainSet);
    const Dataset testSet = loadAnyDataset(dataPath.toStdString(), Split::Test, format, trainSet.imageShape);
    warnAbout(testSet);
    if (context.isSet("limit"))
        truncate(trainSet, parsePositive(parser, QStringLiteral("limit"), 0));

    const TrainResult result = train(options, trainSet, testSet, [](const TrainProgress &p) {
        if (p.testAccuracy >= 0) {
            std::fprintf(stderr, "%sepoch %d/%d: test accuracy %.2f%%\n", isatty(fileno(stderr)) ? "\r\033[K" : "",
                         p.epoch + 1, p.epochs, 100 * p.testAccuracy);
            return;
        }
        if (!isatty(fileno(stderr)))
            return;
        const int width = 30;
        const int filled = int(width * p.step / std::max<int64_t>(1, p.steps));
        std::fprintf(stderr, "\r\033[Kepoch %d/%d [%s%s] loss %.3f, %.0f images/s, ETA %d:%02d", p.epoch + 1, p.epochs,
                     std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), p.loss,
                     p.imagesPerSecond, int(p.etaSeconds) / 60, int(p.etaSeconds) % 60);
    }, &interrupted());
    if (!result.finished) {
        std::fprintf(stderr, "stopped after %d of %d epochs; continue with the same command and --resume\n",
                     result.epochsDone, options.epochs);
        return exitInterrupted;
    }
    out() << QStringLiteral("trained %1 in %2 min: test accuracy %3% on %4 images; written to %5\n")
                 .arg(QString::fromStdString(options.architecture))
                 .arg(result.seconds / 60, 0, 'f', 1)
                 .arg(100 * result.testAccuracy, 0, 'f', 2)
                 .arg(testSet.size())
                 .arg(QString::fromStdString(options.output));
    return 0;
}

} // namespace pathlens::cli
