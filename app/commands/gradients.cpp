// gradients: gradient magnitude per path length, effective paths (Fig. 6b and 6c).

#include "commands.h"

#include "gradients.h"
#include "paths.h"

namespace pathlens::cli {

Outcome gradients(Context &context, const QString &modelPath, const Limits &limits)
{
    Session session = context.open(modelPath, QStringLiteral("train"), limits.images);
    const Arrangement arrangement = context.arrangementFromFlags(session.network->blockCount());
    GradientOptions options;
    options.samplesPerLength = limits.gradientSamples;
    options.batchSize = limits.gradientBatch;
    options.seed = uint64_t(context.seed());
    options.shard = context.shard();
    const auto started = std::chrono::steady_clock::now();
    const GradientResult result = context.merged() ? *context.merged()->gradients
                                           : measureGradients(*session.engine, arrangement, options,
                                                              [&](int done, int total, const GradientResult &) {
                                                                  showCounter("gradients", done, total, started);
                                                              },
                                                              &interrupted());
    stopIfInterrupted(result.cancelled);
    Outcome outcome;
    outcome.name = QStringLiteral("gradients");
    outcome.figure = [title = Context::figureTitle(QStringLiteral("Gradient per path length"), session), result] {
        return figures::gradients(title, result);
    };
    outcome.csv = QStringLiteral("length,mean,std,samples,paths,total\n");
    const auto counts = pathCounts(int(result.lengths.size()) - 1);
    QJsonArray lengths;
    QJsonArray samples;
    for (size_t k = 0; k < result.lengths.size(); ++k) {
        outcome.csv += QStringLiteral("%1,%2,%3,%4,%5,%6\n").arg(k).arg(result.mean[k], 0, 'g', 10)
                           .arg(result.std[k], 0, 'g', 10).arg(result.samples[k]).arg(counts[k], 0, 'g', 17)
                           .arg(result.total[k], 0, 'g', 10);
        lengths.append(result.lengths[k]);
        samples.append(result.samples[k]);
    }
    outcome.json = QJsonObject{{"model", modelPath},
                               {"lengths", lengths},
                               {"mean", numbers(result.mean)},
                               {"std", numbers(result.std)},
                               {"samples", samples},
                               {"total", numbers(result.total)},
                               {"effective", QJsonObject{{"from", result.effectiveFrom},
                                                         {"to", result.effectiveTo},
                                                         {"share_of_paths", result.effectiveShare}}},
                               {"batch", options.batchSize},
                               {"seconds", result.seconds}};
    if (context.sharded())
        sharding::annotateGradients(outcome.json, result, options.samplesPerLength);
    QTextStream(&outcome.text)
        << QStringLiteral("effective paths: lengths %1..%2, %3% of all paths (the paper, ResNet-110: 5..17, 0.45%)\n"
                          "%4 samples per length, batches of %5 training images, %6 s\n\n")
               .arg(result.effectiveFrom).arg(result.effectiveTo).arg(100 * result.effectiveShare, 0, 'g', 3)
               .arg(options.samplesPerLength).arg(options.batchSize).arg(result.seconds, 0, 'f', 1)
        << outcome.csv;
    return outcome;
}

} // namespace pathlens::cli
