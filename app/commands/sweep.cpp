// delete-k (Fig. 5a) and reorder (Fig. 5b): accuracy against k with mean and spread.

#include "commands.h"

#include "experiments.h"
#include "results.h"

#include <qcustomplot.h> // the figures are drawn here

#include <algorithm>
#include <numeric>

namespace pathlens::cli {
namespace {

QString blockList(const std::vector<int> &blocks)
{
    QStringList names;
    for (int block : blocks)
        names << QString::number(block);
    return names.join(QLatin1Char(','));
}

// "0.9012 (17)": a group's mean and its number of samples; "-" for an empty group.
QString groupCell(const SampleGroup &group)
{
    return group.samples ? QStringLiteral("%1 (%2)").arg(group.mean, 0, 'f', 4).arg(group.samples) : QStringLiteral("-");
}

} // namespace

Outcome sweep(Context &context, const QString &modelPath, bool reorder, const Limits &limits, int maxK,
              const std::optional<std::vector<int>> &critical, const std::string &unitKind)
{
    Session session = context.open(modelPath, QStringLiteral("test"), limits.images);
    const NetworkInfo &info = session.engine->info();
    const auto progress = [](const EvalProgress &p) { showProgress("sweep", p); };
    const bool all = context.isSet("all-blocks");
    // --kind attention: only the units of that kind are deleted (He et al., 2024).
    const std::string kind = reorder ? std::string() : unitKind;
    const sharding::MergedRun *merged = context.merged();
    SweepResult result
        = merged   ? *(reorder ? merged->reorder : merged->deleteK)
        : reorder  ? reorderSweep(*session.engine, maxK, limits.samples, context.seed(), progress, &interrupted(),
                                  context.shard())
                   : deleteKSweep(*session.engine, std::min(maxK, int(deletableBlocks(info, all, kind).size())),
                                  limits.samples, context.seed(), all, progress, &interrupted(), context.shard(), kind);
    session.showNewNotices();
    stopIfInterrupted(result.cancelled);
    // What a merge's joined result does not carry.
    result.model = modelPath.toStdString();
    result.reorder = reorder;
    result.samples = limits.samples;
    result.seed = context.seed();
    result.kind = kind;
    if (critical)
        result.critical = *critical;
    else if (!merged && context.shard().ownsBaseline()) // of a sharded run, shard 0 only; merge takes its list
        result.critical = criticalBlocks(singleDeletionResult(session));
    // Only blocks the sweep can delete or move split its samples (--all-blocks deletes downsampling ones).
    result.critical = touchableCritical(info, result.critical, all && !reorder, kind);

    Outcome outcome;
    outcome.name = reorder        ? QStringLiteral("reorder")
                   : kind.empty() ? QStringLiteral("delete-k")
                                  : QStringLiteral("delete-k-") + QString::fromStdString(kind).toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString detail = QStringLiteral("%1 samples per point, seed %2").arg(limits.samples).arg(context.seed());
    outcome.caption = QStringLiteral("%1 test images, %2; the original network is measured once")
                          .arg(result.images).arg(detail);
    const QString what = reorder        ? QStringLiteral("Reordering blocks")
                         : kind.empty() ? QStringLiteral("Deleting random blocks")
                                        : QStringLiteral("Deleting random %1 units").arg(QString::fromStdString(kind));
    outcome.figure = [title = Context::figureTitle(what, session, detail),
                      result, reorder] { return figures::sweep(title, result, reorder, result.critical); };
    if (reorder)
        outcome.moreFigures.push_back(
            {QStringLiteral("tau"), QStringLiteral("Fig. 5b against Kendall's tau, one point per sample (in accuracy; the paper draws the error)"),
             [title = Context::figureTitle(QStringLiteral("Reordering blocks: accuracy against Kendall's tau"), session, detail),
              result] { return figures::reorderByTau(title, result); }});
    outcome.csv = QString::fromStdString(toCsv(result));
    outcome.json = jsonObject(toJson(result));
    if (context.sharded())
        sharding::annotateSweep(outcome.json, result, context.shard());

    const QString kName = reorder ? QStringLiteral("swaps") : QStringLiteral("deleted");
    const bool split = !result.critical.empty();
    QTextStream text(&outcome.text);
    text << QStringLiteral("baseline accuracy %1 on %2 images; %3 samples per point; %4 s\n")
                .arg(result.baseline, 0, 'f', 4).arg(result.images).arg(limits.samples).arg(result.seconds, 0, 'f', 1);
    if (!kind.empty())
        text << QStringLiteral("only %1 units deleted (%2 of %3 units may be)\n")
                    .arg(QString::fromStdString(kind)).arg(deletableBlocks(info, all, kind).size()).arg(info.blocks.size());
    if (!reorder && !all) {
        // Said, not silent: a MaxViT's attention units (their shortcut is the window partition)
        // were never deleted, and k stopped at 5 of 10 without a word.
        std::vector<int> kept = deletableBlocks(info, true, kind);
        const std::vector<int> deletable = deletableBlocks(info, false, kind);
        kept.erase(std::remove_if(kept.begin(), kept.end(),
                                  [&](int block) { return std::binary_search(deletable.begin(), deletable.end(), block); }),
                   kept.end());
        if (!kept.empty())
            text << QStringLiteral("not deleted: blocks %1, whose shortcut is not the identity (downsampling); "
                                   "--all-blocks deletes them too\n")
                        .arg(blockList(kept));
    }
    if (split)
        text << QStringLiteral("critical blocks (a single deletion costs more than 10 points): %1 %2; the last two columns "
                               "split the samples by whether they %3 one of them: mean (samples)\n")
                    .arg(result.critical.size() == 1 ? QStringLiteral("block") : QStringLiteral("blocks")) // "...: 0" read as none
                    .arg(blockList(result.critical), reorder ? QStringLiteral("moved") : QStringLiteral("deleted"));
    else
        text << QStringLiteral("no critical blocks: no single deletion costs more than 10 points\n");
    text << QStringLiteral("\n%1  %2  %3  %4  %5  %6%7%8\n").arg(kName, 7).arg("mean", 7).arg("std err", 7).arg("std", 7)
                .arg("min", 7).arg("max", 7).arg(reorder ? QStringLiteral("  mean tau") : QString())
                .arg(split ? QStringLiteral("  %1  %2").arg("touching", 13).arg("sparing", 13) : QString());
    for (const SweepPoint &point : result.points) {
        const double tau = point.taus.empty() ? 0 : std::accumulate(point.taus.begin(), point.taus.end(), 0.0) / point.taus.size();
        const CriticalSplit groups = splitByCritical(point, result.critical);
        text << QStringLiteral("%1  %2  %3  %4  %5  %6%7%8\n").arg(point.k, 7).arg(point.mean, 7, 'f', 4)
                    .arg(point.standardError, 7, 'f', 4).arg(point.std, 7, 'f', 4).arg(point.min, 7, 'f', 4)
                    .arg(point.max, 7, 'f', 4).arg(reorder ? QStringLiteral("  %1").arg(tau, 8, 'f', 3) : QString())
                    .arg(split ? QStringLiteral("  %1  %2").arg(groupCell(groups.touching), 13).arg(groupCell(groups.sparing), 13)
                               : QString());
    }
    return outcome;
}

} // namespace pathlens::cli
