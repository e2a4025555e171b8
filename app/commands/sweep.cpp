// delete-k (Fig. 5a) and reorder (Fig. 5b): accuracy against k with mean and spread.

#include "commands.h"

#include "experiments.h"

#include <numeric>

namespace pathlens::cli {

Outcome sweep(Context &context, const QString &modelPath, bool reorder, const Limits &limits, int maxK)
{
    Session session = context.open(modelPath, QStringLiteral("test"), limits.images);
    const NetworkInfo &info = session.engine->info();
    const auto progress = [](const EvalProgress &p) { showProgress("sweep", p); };
    const bool all = context.isSet("all-blocks");
    const sharding::MergedRun *merged = context.merged();
    const SweepResult result
        = merged   ? *(reorder ? merged->reorder : merged->deleteK)
        : reorder  ? reorderSweep(*session.engine, maxK, limits.samples, context.seed(), progress, &interrupted(),
                                  context.shard())
                   : deleteKSweep(*session.engine, std::min(maxK, int(deletableBlocks(info, all).size())),
                                  limits.samples, context.seed(), all, progress, &interrupted(), context.shard());
    session.showNewNotices();
    stopIfInterrupted(result.cancelled);
    const QString kName = reorder ? QStringLiteral("swaps") : QStringLiteral("deleted");
    Outcome outcome;
    outcome.name = reorder ? QStringLiteral("reorder") : QStringLiteral("delete-k");
    outcome.figure = [title = Context::figureTitle(reorder ? QStringLiteral("Reordering blocks")
                                                           : QStringLiteral("Deleting random blocks"), session),
                      result, reorder] { return figures::sweep(title, result, reorder); };
    outcome.csv = kName + (reorder ? QStringLiteral(",sample,accuracy,kendall_tau\n") : QStringLiteral(",sample,accuracy\n"));
    QJsonArray points;
    QTextStream text(&outcome.text);
    text << QStringLiteral("baseline accuracy %1 on %2 images; %3 samples per point; %4 s\n\n")
                .arg(result.baseline, 0, 'f', 4).arg(result.images).arg(limits.samples).arg(result.seconds, 0, 'f', 1);
    text << QStringLiteral("%1  %2  %3  %4  %5%6\n").arg(kName, 7).arg("mean", 7).arg("std", 7).arg("min", 7)
                .arg("max", 7).arg(reorder ? QStringLiteral("  mean tau") : QString());
    for (const SweepPoint &point : result.points) {
        QJsonObject object{{kName, point.k}, {"mean", point.mean}, {"std", point.std}, {"min", point.min},
                           {"max", point.max}, {"accuracies", numbers(point.accuracies)}};
        if (reorder)
            object.insert("kendall_tau", numbers(point.taus));
        points.append(object);
        for (size_t i = 0; i < point.accuracies.size(); ++i)
            outcome.csv += QStringLiteral("%1,%2,%3").arg(point.k).arg(i).arg(point.accuracies[i], 0, 'g', 10)
                           + (reorder ? QStringLiteral(",%1").arg(point.taus[i], 0, 'g', 10) : QString()) + "\n";
        const double tau = point.taus.empty() ? 0 : std::accumulate(point.taus.begin(), point.taus.end(), 0.0) / point.taus.size();
        text << QStringLiteral("%1  %2  %3  %4  %5%6\n").arg(point.k, 7).arg(point.mean, 7, 'f', 4)
                    .arg(point.std, 7, 'f', 4).arg(point.min, 7, 'f', 4).arg(point.max, 7, 'f', 4)
                    .arg(reorder ? QStringLiteral("  %1").arg(tau, 8, 'f', 3) : QString());
    }
    outcome.json = QJsonObject{{"model", modelPath},   {"images", qint64(result.images)},
                               {"baseline", result.baseline}, {"samples", limits.samples},
                               {"seed", context.seed()}, {"seconds", result.seconds},
                               {"points", points}};
    if (context.sharded())
        sharding::annotateSweep(outcome.json, result, context.shard());
    return outcome;
}

} // namespace pathlens::cli
