// gradients: gradient magnitude per path length, effective paths (Fig. 6b and 6c).

#include "commands.h"

#include "gradients.h"
#include "results.h"

#include <qcustomplot.h> // the figures are drawn here

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
    GradientResult result = context.merged() ? *context.merged()->gradients
                                             : measureGradients(*session.engine, arrangement, options,
                                                                [&](int done, int total, const GradientResult &) {
                                                                    showCounter("gradients", done, total, started);
                                                                },
                                                                &interrupted());
    stopIfInterrupted(result.cancelled);
    // What a merge's joined result does not carry.
    result.model = modelPath.toStdString();
    result.batchSize = options.batchSize;
    Outcome outcome;
    outcome.name = QStringLiteral("gradients");
    const QString detail = QStringLiteral("%1 samples of %2 per length, seed %3")
                               .arg(options.samplesPerLength).arg(options.batchSize).arg(context.seed());
    outcome.caption = QStringLiteral("batches drawn from %1 training images: %2; ends of the windows with 95% "
                                     "bootstrap intervals (1,000 resamples of the samples)")
                          .arg(session.engine->imageCount()).arg(detail);
    outcome.figure = [title = Context::figureTitle(QStringLiteral("Gradient per path length"), session, detail), result] {
        return figures::gradients(title, result);
    };
    outcome.moreFigures.push_back(
        {QStringLiteral("linear"), QStringLiteral("Fig. 6c on the paper's linear axis"),
         [title = Context::figureTitle(QStringLiteral("Total gradient per path length"), session, detail), result] {
             return figures::gradientTotal(title, result);
         }});
    outcome.csv = QString::fromStdString(toCsv(result));
    outcome.json = jsonObject(toJson(result));
    if (context.sharded())
        sharding::annotateGradients(outcome.json, result, options.samplesPerLength);
    QTextStream text(&outcome.text);
    text << QStringLiteral("effective paths (the paper, ResNet-110: 5..17, 0.45% of all paths; it states no rule):\n");
    for (const EffectiveWindow &w : result.windows)
        text << QStringLiteral("  central %1% of the total gradient: lengths %2..%3 (95% bootstrap intervals of the ends: "
                               "%4..%5 and %6..%7), %8% of all paths\n")
                    .arg(qRound(100 * w.coverage)).arg(w.from).arg(w.to).arg(w.fromLow).arg(w.fromHigh).arg(w.toLow)
                    .arg(w.toHigh).arg(100 * w.share, 0, 'g', 3);
    text << QStringLiteral("%1 samples per length, batches of %2 training images, %3 s\n\n")
                .arg(options.samplesPerLength).arg(options.batchSize).arg(result.seconds, 0, 'f', 1)
         << outcome.csv;
    return outcome;
}

} // namespace pathlens::cli
