// lesion: the paper's Figure 3, each single block deleted.

#include "commands.h"

#include "experiments.h"
#include "results.h"

namespace pathlens::cli {
namespace {

// One model's single deletions: measured here, or in a merge joined from the parts.
LesionResult runLesion(Context &context, Session &session, const QString &modelPath)
{
    const NetworkInfo &info = session.engine->info();
    LesionResult result;
    if (const sharding::MergedRun *merged = context.merged()) {
        result = lesionResult(info, merged->lesion->correct, merged->lesion->images);
        result.seconds = merged->lesion->seconds;
    } else {
        // Blocks that cannot be deleted (a plain network's shape-changing layers) get no number,
        // and so do the blocks of other shards.
        const SingleDeletions plan = singleDeletions(info, context.shard());
        const EvalResult evaluated
            = plan.arrangements.empty()
                  ? EvalResult{session.engine->imageCount(), {}, {}, 0.0, false} // a shard with no work
                  : session.engine->evaluate(plan.arrangements, 0, -1,
                                             [](const EvalProgress &p) { showProgress("lesion", p); }, &interrupted());
        session.showNewNotices();
        stopIfInterrupted(evaluated.cancelled);
        result = lesionResult(info, plan, evaluated.correct, evaluated.images, context.shard());
        result.seconds = evaluated.seconds;
    }
    result.model = modelPath.toStdString();
    return result;
}

// The per-block table after the summary line.
QString lesionTable(const LesionResult &result, const std::string &device)
{
    QString text;
    QTextStream stream(&text);
    stream << QStringLiteral("baseline accuracy %1 on %2 images; %3 arrangements in %4 s on %5\n\n")
                  .arg(result.baseline, 0, 'f', 4)
                  .arg(result.images)
                  .arg(result.blocks.size() + 1)
                  .arg(result.seconds, 0, 'f', 2)
                  .arg(QString::fromStdString(device));
    stream << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                  .arg("#", 3).arg("deleted block", -14).arg("stage", 5).arg("down", 4).arg("accuracy", 8).arg("change", 8);
    for (const LesionBlock &block : result.blocks)
        stream << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                      .arg(block.index, 3)
                      .arg(QString::fromStdString(block.name), -14)
                      .arg(block.stage, 5)
                      .arg(block.downsampling ? QStringLiteral("yes") : QString(), 4)
                      .arg(block.accuracy, 8, 'f', 4)
                      .arg(QStringLiteral("%1%2 pp").arg(block.accuracy >= result.baseline ? "+" : "")
                               .arg(100 * (block.accuracy - result.baseline), 0, 'f', 2), 8);
    return text;
}

} // namespace

Outcome lesion(Context &context, const QString &modelPath, const QString &comparePath, int64_t images)
{
    Session session = context.open(modelPath, QStringLiteral("test"), images);
    LesionResult result = runLesion(context, session, modelPath);
    std::vector<figures::LesionSeries> series{figures::lesionSeries(result, Context::modelName(*session.network))};
    if (!comparePath.isEmpty()) {
        Session other = context.open(comparePath, QStringLiteral("test"), images);
        result.compared.push_back(runLesion(context, other, comparePath));
        series.push_back(figures::lesionSeries(result.compared.back(), Context::modelName(*other.network)));
    }
    Outcome outcome;
    outcome.name = QStringLiteral("lesion");
    outcome.figure = [title = Context::figureTitle(QStringLiteral("Deleting single blocks"), session), series] {
        return figures::lesion(title, series);
    };
    outcome.csv = QString::fromStdString(toCsv(result));
    outcome.json = jsonObject(toJson(result));
    if (context.sharded())
        sharding::annotateLesion(outcome.json, result, context.shard());
    outcome.text = lesionTable(result, session.engine->deviceName());
    return outcome;
}

} // namespace pathlens::cli
