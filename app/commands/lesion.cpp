// lesion: the paper's Figure 3, each single block deleted.

#include "commands.h"

#include "experiments.h"

#include <cmath>

namespace pathlens::cli {
namespace {

struct LesionData
{
    figures::LesionSeries series;
    EvalResult result;
};

LesionData runLesion(Context &context, Session &session, const QString &label)
{
    const NetworkInfo &info = session.engine->info();
    const int n = int(info.blocks.size());
    LesionData data;
    if (context.merged()) {
        data.result = *context.merged()->lesion;
    } else {
        // Blocks that cannot be deleted (a plain network's shape-changing layers) get no number
        // (NaN, correct -1), and so do the blocks of other shards.
        const Shard &shard = context.shard();
        const SingleDeletions plan = singleDeletions(info, shard);
        const EvalResult evaluated
            = plan.arrangements.empty()
                  ? EvalResult{session.engine->imageCount(), {}, {}, 0.0, false} // a shard with no work
                  : session.engine->evaluate(plan.arrangements, 0, -1,
                                             [](const EvalProgress &p) { showProgress("lesion", p); }, &interrupted());
        session.showNewNotices();
        stopIfInterrupted(evaluated.cancelled);
        data.result = evaluated;
        data.result.accuracy.assign(n + 1, std::nan(""));
        data.result.correct.assign(n + 1, -1);
        const size_t first = plan.original ? 1 : 0;
        if (plan.original && shard.ownsBaseline()) {
            data.result.accuracy[0] = evaluated.accuracy[0];
            data.result.correct[0] = evaluated.correct[0];
        }
        for (size_t j = 0; j < plan.blocks.size(); ++j) {
            data.result.accuracy[plan.blocks[j] + 1] = evaluated.accuracy[j + first];
            data.result.correct[plan.blocks[j] + 1] = evaluated.correct[j + first];
        }
    }
    data.series.label = label;
    data.series.baseline = data.result.accuracy[0];
    data.series.accuracy.assign(data.result.accuracy.begin() + 1, data.result.accuracy.end());
    for (const BlockInfo &block : info.blocks)
        data.series.downsampling.push_back(block.downsampling);
    return data;
}

} // namespace

Outcome lesion(Context &context, const QString &modelPath, const QString &comparePath, int64_t images)
{
    Session session = context.open(modelPath, QStringLiteral("test"), images);
    const NetworkInfo &info = session.engine->info();
    LesionData main = runLesion(context, session, Context::modelName(*session.network));
    std::vector<figures::LesionSeries> series{main.series};
    if (!comparePath.isEmpty()) {
        Session other = context.open(comparePath, QStringLiteral("test"), images);
        series.push_back(runLesion(context, other, Context::modelName(*other.network)).series);
    }
    const EvalResult &result = main.result;
    Outcome outcome;
    outcome.name = QStringLiteral("lesion");
    outcome.figure = [title = Context::figureTitle(QStringLiteral("Deleting single blocks"), session), series] {
        return figures::lesion(title, series);
    };
    outcome.csv = QStringLiteral("index,name,stage,downsampling,accuracy,baseline\n");
    QJsonArray blocks;
    for (const BlockInfo &block : info.blocks) {
        const double accuracy = result.accuracy[block.index + 1];
        blocks.append(QJsonObject{{"index", block.index},
                                  {"name", QString::fromStdString(block.name)},
                                  {"stage", block.stage},
                                  {"downsampling", block.downsampling},
                                  {"accuracy", std::isnan(accuracy) ? QJsonValue() : QJsonValue(accuracy)}});
        outcome.csv += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                           .arg(block.index)
                           .arg(QString::fromStdString(block.name))
                           .arg(block.stage)
                           .arg(block.downsampling ? 1 : 0)
                           .arg(accuracy, 0, 'g', 10)
                           .arg(result.accuracy[0], 0, 'g', 10);
    }
    outcome.json = QJsonObject{{"model", modelPath},
                               {"images", qint64(result.images)},
                               {"baseline", result.accuracy[0]},
                               {"seconds", result.seconds},
                               {"blocks", blocks}};
    if (context.sharded())
        sharding::annotateLesion(outcome.json, result, context.shard());
    if (series.size() > 1)
        outcome.json.insert("compare", QJsonObject{{"model", comparePath},
                                                   {"baseline", series[1].baseline},
                                                   {"accuracy", numbers(series[1].accuracy)}});
    QTextStream text(&outcome.text);
    text << QStringLiteral("baseline accuracy %1 on %2 images; %3 arrangements in %4 s on %5\n\n")
                .arg(result.accuracy[0], 0, 'f', 4)
                .arg(result.images)
                .arg(info.blocks.size() + 1)
                .arg(result.seconds, 0, 'f', 2)
                .arg(QString::fromStdString(session.engine->deviceName()));
    text << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                .arg("#", 3).arg("deleted block", -14).arg("stage", 5).arg("down", 4).arg("accuracy", 8).arg("change", 8);
    for (const BlockInfo &block : info.blocks) {
        const double accuracy = result.accuracy[block.index + 1];
        text << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                    .arg(block.index, 3)
                    .arg(QString::fromStdString(block.name), -14)
                    .arg(block.stage, 5)
                    .arg(block.downsampling ? QStringLiteral("yes") : QString(), 4)
                    .arg(accuracy, 8, 'f', 4)
                    .arg(QStringLiteral("%1%2 pp").arg(accuracy >= result.accuracy[0] ? "+" : "")
                             .arg(100 * (accuracy - result.accuracy[0]), 0, 'f', 2), 8);
    }
    return outcome;
}

} // namespace pathlens::cli
