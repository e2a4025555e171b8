// lesion: the paper's Figure 3, each single block deleted.

#include "commands.h"

#include "error.h"
#include "experiments.h"
#include "lesionclasses.h"

#include <QFileInfo>

#include <cmath>

namespace pathlens::cli {
namespace {

struct LesionData
{
    figures::LesionSeries series;
    EvalResult result;
    lesionclasses::Study study; // --per-class, --disagreement: every arrangement in plan order
};

// --per-class and --disagreement: what the study adds, and where its files go.
struct Details
{
    bool perClass = false;
    bool disagreement = false;
    bool any() const { return perClass || disagreement; }
};

// `path` with `tag` before its suffix: lesion.csv -> lesion-disagreement.csv.
QString beside(const QString &path, const QString &tag)
{
    const QFileInfo file(path);
    return file.dir().filePath(file.completeBaseName() + QLatin1Char('-') + tag + QLatin1Char('.') + file.suffix());
}

LesionData runLesion(Context &context, Session &session, const QString &label, const Details &details = {})
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
        const auto progress = [](const EvalProgress &p) { showProgress("lesion", p); };
        // The disagreement needs every variant's predicted class of every image (4 bytes each).
        const EvalResult evaluated
            = plan.arrangements.empty()
                  ? EvalResult{session.engine->imageCount(), {}, {}, 0.0, false} // a shard with no work
              : details.disagreement ? session.engine->evaluatePredictions(plan.arrangements, 0, -1, progress, &interrupted())
                                     : session.engine->evaluate(plan.arrangements, 0, -1, progress, &interrupted());
        session.showNewNotices();
        stopIfInterrupted(evaluated.cancelled);
        if (details.any())
            data.study = {plan, evaluated, session.classNames};
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

// Adds --per-class and --disagreement to the outcome's JSON, CSV and figure; returns the lines
// for the text output. With both, the disagreement's CSV and figure go beside --csv and --plot
// (FILE-disagreement.*), written here; publish() writes the per-class ones.
QString addDetails(Context &context, const Session &session, const lesionclasses::Study &study, const Details &details,
                   Outcome &outcome)
{
    if (!details.any())
        return {};
    const NetworkInfo &info = session.engine->info();
    QString text;
    if (details.perClass) {
        outcome.json.insert("baseline_per_class", lesionclasses::perClassJson(study, 0));
        QJsonArray blocks = outcome.json.value("blocks").toArray();
        for (size_t j = 0; j < study.plan.blocks.size(); ++j) {
            QJsonObject block = blocks[study.plan.blocks[j]].toObject();
            block.insert("per_class", lesionclasses::perClassJson(study, j + 1));
            blocks[study.plan.blocks[j]] = block;
        }
        outcome.json.insert("blocks", blocks);
        outcome.csv = lesionclasses::perClassCsv(study, info);
        outcome.figure = [title = Context::figureTitle(QStringLiteral("Change of each class's accuracy when one block is deleted"), session),
                          study, info] { return figures::classLesion(title, lesionclasses::classNames(study), lesionclasses::baselineAccuracy(study),
                                                                     lesionclasses::blockAccuracy(study, info), lesionclasses::downsampling(info)); };
        text += QStringLiteral("\nlargest per-class losses:\n") + lesionclasses::largestLosses(study, info, 10);
    }
    if (details.disagreement) {
        const EnsembleReading reading
            = singleDeletionEnsemble(study.plan, study.evaluated, session.engine->labels(0, study.evaluated.images),
                                     info.classCount);
        outcome.json.insert("disagreement", lesionclasses::disagreementJson(study, reading));
        const QString csv = lesionclasses::disagreementCsv(study, reading);
        auto figure = [title = Context::figureTitle(QStringLiteral("How often two lesioned networks disagree"), session),
                       study, reading, info] {
            return figures::disagreement(title, study.plan.blocks, reading.disagreement, lesionclasses::downsampling(info),
                                         lesionclasses::ensembleSummary(study, reading).replace(QStringLiteral("; "), QStringLiteral(";\n")));
        };
        if (!details.perClass) {
            outcome.csv = csv;
            outcome.figure = figure;
        } else {
            if (context.isSet("csv"))
                writeFileAtomically(beside(context.value("csv"), QStringLiteral("disagreement")), csv.toUtf8());
            if (context.isSet("plot"))
                figures::save(*figure(), beside(context.value("plot"), QStringLiteral("disagreement")), context.figureSize());
        }
        text += QStringLiteral("\n") + lesionclasses::ensembleSummary(study, reading) + QStringLiteral("\n");
    }
    return text;
}

} // namespace

Outcome lesion(Context &context, const QString &modelPath, const QString &comparePath, int64_t images)
{
    Details details;
    details.perClass = context.isSet("per-class");
    details.disagreement = context.isSet("disagreement");
    if (details.any() && (context.sharded() || context.merged()))
        throw Error("--per-class and --disagreement need the whole study in one run: they cannot be combined with "
                    "--shard or merge");
    Session session = context.open(modelPath, QStringLiteral("test"), images);
    const NetworkInfo &info = session.engine->info();
    LesionData main = runLesion(context, session, Context::modelName(*session.network), details);
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
    const QString detailText = addDetails(context, session, main.study, details, outcome);
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
    text << detailText;
    return outcome;
}

} // namespace pathlens::cli
