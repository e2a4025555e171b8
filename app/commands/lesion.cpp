// lesion: the paper's Figure 3, each single block deleted.

#include "commands.h"

#include "error.h"
#include "experiments.h"
#include "lesionclasses.h"
#include "results.h"
#include "statistics.h"

#include <qcustomplot.h> // the figures are drawn here
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace pathlens::cli {
namespace {

// --per-class and --disagreement: what the study adds, and where its files go.
struct Details
{
    bool perClass = false;
    bool disagreement = false;
    bool any() const { return perClass || disagreement; }
};

// Which runs of blocks each row changes, and how (lesion --span, --intervention).
struct Spans
{
    int width = 1;
    SpanIntervention intervention = SpanIntervention::Delete;
    uint64_t seed = 1; // shuffles only
    bool single() const { return width == 1 && intervention == SpanIntervention::Delete; }
};

// The shard's single deletions measured on the session's images. With `details` the study's
// per-class counts (and, for the disagreement, every prediction) go to `study`.
// With `spans`, every run of that many consecutive blocks deleted together, or reversed, ...
LesionResult measureLesion(Session &session, const Shard &shard, const Details &details = {},
                           lesionclasses::Study *study = nullptr, const Spans &spans = {})
{
    const NetworkInfo &info = session.engine->info();
    // Blocks that cannot be deleted (a plain network's shape-changing layers) get no number,
    // and so do the blocks of other shards.
    const SingleDeletions plan = singleDeletions(info, shard, spans.width, spans.intervention, spans.seed);
    const auto progress = [](const EvalProgress &p) { showProgress("lesion", p); };
    // The disagreement needs every variant's predicted class of every image (4 bytes each).
    const EvalResult evaluated
        = plan.arrangements.empty()
              ? EvalResult{session.engine->imageCount(), {}, {}, 0.0, false} // a shard with no work
          : details.disagreement ? session.engine->evaluatePredictions(plan.arrangements, 0, -1, progress, &interrupted())
                                 : session.engine->evaluate(plan.arrangements, 0, -1, progress, &interrupted());
    session.showNewNotices();
    stopIfInterrupted(evaluated.cancelled);
    if (study && details.any())
        *study = {plan, evaluated, session.classNames};
    LesionResult result = lesionResult(info, plan, evaluated.correct, evaluated.images, shard);
    result.seconds = evaluated.seconds;
    return result;
}

// One model's single deletions: measured here, or in a merge joined from the parts.
LesionResult runLesion(Context &context, Session &session, const QString &modelPath, const Details &details = {},
                       lesionclasses::Study *study = nullptr, const Spans &spans = {})
{
    LesionResult result;
    if (const sharding::MergedRun *merged = context.merged()) {
        result = lesionResult(session.engine->info(), merged->lesion->correct, merged->lesion->images, spans.width,
                              spans.intervention);
        result.seconds = merged->lesion->seconds;
    } else {
        result = measureLesion(session, context.shard(), details, study, spans);
    }
    result.model = modelPath.toStdString();
    return result;
}

// The per-block table after the summary line.
QString lesionTable(const LesionResult &result, const std::string &device)
{
    QString text;
    QTextStream stream(&text);
    QString interval;
    if (result.baselineCorrect >= 0 && result.images > 0) {
        const Interval wilson = wilsonInterval(result.baselineCorrect, result.images);
        interval = QStringLiteral(" (95% Wilson interval %1..%2)").arg(wilson.lower, 0, 'f', 4).arg(wilson.upper, 0, 'f', 4);
    }
    stream << QStringLiteral("baseline accuracy %1%6 on %2 images; %3 arrangements in %4 s on %5\n\n")
                  .arg(result.baseline, 0, 'f', 4)
                  .arg(result.images)
                  .arg(1 + std::count_if(result.blocks.begin(), result.blocks.end(), // rows with a number, and the original
                                         [](const LesionBlock &block) { return !std::isnan(block.accuracy); }))
                  .arg(result.seconds, 0, 'f', 2)
                  .arg(QString::fromStdString(device))
                  .arg(interval);
    const bool single = result.span == 1 && result.intervention == SpanIntervention::Delete;
    const QString what = single ? QStringLiteral("deleted block")
                                : QStringLiteral("%1 %2").arg(result.intervention == SpanIntervention::Parallel
                                                                      || result.intervention == SpanIntervention::ParallelMean
                                                                  ? QStringLiteral("parallel")
                                                                  : QString::fromStdString(interventionDone(result.intervention)),
                                                              result.span > 1 ? QStringLiteral("span") : QStringLiteral("block"));
    int nameWidth = std::max(14, int(what.size())); // as wide as the longest name: a transformer unit's holds its module path
    for (const LesionBlock &block : result.blocks)
        nameWidth = std::max(nameWidth, int(block.name.size()));
    stream << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                  .arg("#", 3).arg(what, -nameWidth).arg("stage", 5).arg("down", 4).arg("accuracy", 8).arg("change", 8);
    for (const LesionBlock &block : result.blocks)
        stream << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                      .arg(block.index, 3)
                      .arg(QString::fromStdString(block.name), -nameWidth)
                      .arg(block.stage, 5)
                      .arg(block.downsampling ? QStringLiteral("yes") : QString(), 4)
                      // A run that cannot be changed so (a downsampling block in it) has no number.
                      .arg(std::isnan(block.accuracy) ? QStringLiteral("n/a") : QString::number(block.accuracy, 'f', 4), 8)
                      .arg(std::isnan(block.accuracy) ? QString()
                                                      : QStringLiteral("%1%2 pp").arg(block.accuracy >= result.baseline ? "+" : "")
                                                            .arg(100 * (block.accuracy - result.baseline), 0, 'f', 2), 8);
    return text;
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
        const PerClassLesion perClass = lesionclasses::perClassLesion(study, info);
        outcome.json["baseline_per_class"] = perClassJson(perClass, 0);
        // The lesion JSON lists every block, at its index.
        Json &blocks = outcome.json.at("blocks");
        for (size_t j = 0; j < study.plan.blocks.size(); ++j)
            blocks.at(size_t(study.plan.blocks[j]))["per_class"] = perClassJson(perClass, j + 1);
        outcome.csv = QString::fromStdString(perClassCsv(perClass));
        outcome.figure = [title = Context::figureTitle(QStringLiteral("Change of each class's accuracy when one block is deleted"), session),
                          study, info] { return figures::classLesion(title, lesionclasses::classNames(study), lesionclasses::baselineAccuracy(study),
                                                                     lesionclasses::blockAccuracy(study, info), lesionclasses::downsampling(info)); };
        text += QStringLiteral("\nlargest per-class losses:\n") + lesionclasses::largestLosses(study, info, 10);
    }
    if (details.disagreement) {
        const EnsembleReading reading
            = singleDeletionEnsemble(study.plan, study.evaluated, session.engine->labels(0, study.evaluated.images),
                                     info.classCount);
        outcome.json["disagreement"] = disagreementJson(study.plan.blocks, reading);
        const QString csv = QString::fromStdString(disagreementCsv(study.plan.blocks, reading));
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

LesionResult singleDeletionResult(Session &session, int span)
{
    return measureLesion(session, Shard{}, {}, nullptr, Spans{span});
}

Outcome lesion(Context &context, const QString &modelPath, const QStringList &comparePaths, int64_t images, int span,
               SpanIntervention intervention)
{
    Details details;
    details.perClass = context.isSet("per-class");
    details.disagreement = context.isSet("disagreement");
    if (details.any() && (context.sharded() || context.merged()))
        throw Error("--per-class and --disagreement need the whole study in one run: they cannot be combined with "
                    "--shard or merge");
    // --span W: every run of W consecutive blocks deleted together (Gromov et al., ICLR 2025), or
    // --intervention: reversed, shuffled, run in parallel, repeated (DESIGN.md section 3).
    const Spans spans{span, intervention, uint64_t(context.seed())};
    if (!spans.single() && details.any())
        throw Error("--span and --intervention cannot be combined with --per-class or --disagreement yet: they read "
                    "single deletions");
    Session session = context.open(modelPath, QStringLiteral("test"), images);
    lesionclasses::Study study;
    LesionResult result = runLesion(context, session, modelPath, details, &study, spans);
    std::vector<figures::LesionSeries> series{figures::lesionSeries(result, Context::modelName(*session.network))};
    for (const QString &comparePath : comparePaths) {
        Session other = context.open(comparePath, QStringLiteral("test"), images);
        result.compared.push_back(runLesion(context, other, comparePath, {}, nullptr, spans));
        series.push_back(figures::lesionSeries(result.compared.back(), Context::modelName(*other.network)));
    }
    Outcome outcome;
    outcome.name = QStringLiteral("lesion");
    const QString done = QString::fromStdString(interventionDone(intervention));
    const QString what = spans.single() ? QStringLiteral("Deleting single blocks")
                         : span > 1     ? QStringLiteral("Spans of %1 consecutive blocks %2").arg(span).arg(done)
                                        : QStringLiteral("Single blocks %1").arg(done);
    outcome.figure = [title = Context::figureTitle(what, session), series] { return figures::lesion(title, series); };
    outcome.csv = QString::fromStdString(toCsv(result));
    outcome.json = jsonObject(toJson(result));
    outcome.caption = spans.single() ? QStringLiteral("%1 test images; every single deletion, no sampling").arg(result.images)
                      : span > 1     ? QStringLiteral("%1 test images; every span of %2 consecutive blocks %3, by its first "
                                                      "block; no sampling").arg(result.images).arg(span).arg(done)
                                     : QStringLiteral("%1 test images; every block %2 alone; no sampling").arg(result.images).arg(done);
    if (intervention == SpanIntervention::Shuffle)
        outcome.caption += QStringLiteral("; one shuffled order per span, from seed %1").arg(spans.seed);
    if (!context.sharded() && spans.single()) // a shard holds only some of the blocks
        outcome.criticalBlocks = criticalBlocks(result);
    if (context.sharded())
        sharding::annotateLesion(outcome.json, result, context.shard());
    const QString detailText = addDetails(context, session, study, details, outcome);
    outcome.text = lesionTable(result, session.engine->deviceName()) + detailText;
    return outcome;
}

} // namespace pathlens::cli
