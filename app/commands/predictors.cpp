// predictors: block influence and angular distance against the measured cost of deleting (issue 28).

#include "commands.h"

#include "error.h"
#include "predictors.h"

#include <qcustomplot.h> // the figure is drawn here

#include <chrono>
#include <cmath>

namespace pathlens::cli {
namespace {

QString rhoText(const RankCorrelation &correlation)
{
    if (std::isnan(correlation.rho))
        return QStringLiteral("n/a (%1 runs)").arg(correlation.pairs);
    if (std::isnan(correlation.interval.lower))
        return QStringLiteral("%1 (%2 runs: too few for an interval)").arg(correlation.rho, 0, 'f', 3).arg(correlation.pairs);
    return QStringLiteral("%1 (95% interval %2..%3, %4 runs)")
        .arg(correlation.rho, 0, 'f', 3)
        .arg(correlation.interval.lower, 0, 'f', 3)
        .arg(correlation.interval.upper, 0, 'f', 3)
        .arg(correlation.pairs);
}

const PredictorRow *rowOf(const PredictorResult &result, int first)
{
    for (const PredictorRow &row : result.rows)
        if (row.first == first)
            return &row;
    return nullptr;
}

QString predictorText(const PredictorResult &result, const std::string &device)
{
    QString text;
    QTextStream stream(&text);
    const QString runs = result.span == 1 ? QStringLiteral("single blocks") : QStringLiteral("spans of %1 blocks").arg(result.span);
    stream << QStringLiteral("baseline accuracy %1 on %2 images; %3 deleted and measured in %4 s on %5\n")
                  .arg(result.baseline, 0, 'f', 4).arg(result.images).arg(runs).arg(result.seconds, 0, 'f', 2)
                  .arg(QString::fromStdString(device))
           << QStringLiteral("Spearman's rho against the accuracy a deletion costs:\n")
           << QStringLiteral("  block influence 1 - cos  %1\n").arg(rhoText(result.influenceVsCost))
           << QStringLiteral("  angular distance         %1\n").arg(rhoText(result.angularVsCost));
    const PredictorRow *picked = rowOf(result, result.pickedRun);
    const PredictorRow *cheapest = rowOf(result, result.cheapestRun);
    if (picked && cheapest) {
        int rank = 1; // of the cheapest run by angular distance
        for (const PredictorRow &row : result.rows)
            rank += row.angularDistance < cheapest->angularDistance ? 1 : 0;
        stream << QStringLiteral("smallest angular distance: the run from block %1 (%2), whose deletion costs %3 pp; "
                                 "the cheapest run starts at block %4 (%5 pp), %6 of %7 by angular distance\n")
                      .arg(picked->first).arg(QString::fromStdString(picked->name)).arg(100 * picked->cost, 0, 'f', 2)
                      .arg(cheapest->first).arg(100 * cheapest->cost, 0, 'f', 2).arg(rank).arg(result.rows.size());
    }
    if (result.rows.empty()) {
        stream << QStringLiteral("no run can be compared: every one changes the shape of what it receives (a widening "
                                 "or downsampling shortcut) or cannot be deleted\n");
        return text;
    }
    const QString run = result.span == 1 ? QStringLiteral("block") : QStringLiteral("run");
    int nameWidth = int(run.size());
    for (const PredictorRow &row : result.rows)
        nameWidth = std::max(nameWidth, int(row.name.size()));
    stream << QStringLiteral("\n%1  %2  %3  %4  %5  %6\n")
                  .arg("#", 3).arg(run, -nameWidth).arg("influence", 9).arg("angular", 8)
                  .arg("accuracy", 8).arg("change", 9);
    for (const PredictorRow &row : result.rows)
        stream << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                      .arg(row.first, 3)
                      .arg(QString::fromStdString(row.name), -nameWidth)
                      .arg(row.blockInfluence, 9, 'f', 5)
                      .arg(row.angularDistance, 8, 'f', 5)
                      .arg(row.accuracy, 8, 'f', 4)
                      .arg(QStringLiteral("%1 pp").arg(-100 * row.cost, 0, 'f', 2), 9);
    return text;
}

} // namespace

Outcome predictors(Context &context, const QString &modelPath, int span, int64_t images)
{
    if (context.sharded() || context.merged())
        throw Error("predictors measures every run in one pass: it cannot be combined with --shard or merge yet");
    Session session = context.open(modelPath, QStringLiteral("test"), images);
    const auto started = std::chrono::steady_clock::now();
    LesionResult lesion = singleDeletionResult(session, span);
    lesion.model = modelPath.toStdString();
    const Similarities similarities = measureSimilarities(*session.engine, span, 0, lesion.images, &interrupted());
    stopIfInterrupted(similarities.cancelled);
    PredictorResult result = predictorResult(lesion, similarities);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    Outcome outcome;
    outcome.name = QStringLiteral("predictors");
    outcome.csv = QString::fromStdString(toCsv(result));
    outcome.json = jsonObject(toJson(result));
    outcome.caption = QStringLiteral("%1 test images; every %2 deleted and its similarity measured on the unedited network; "
                                     "no sampling").arg(result.images)
                          .arg(span == 1 ? QStringLiteral("single block") : QStringLiteral("span of %1 blocks").arg(span));
    const QString what = span == 1 ? QStringLiteral("Block influence against the cost of deleting the block")
                                   : QStringLiteral("Angular distance against the cost of deleting the span of %1").arg(span);
    outcome.figure = [title = Context::figureTitle(what, session), result] { return figures::predictors(title, result); };
    outcome.text = predictorText(result, session.engine->deviceName());
    return outcome;
}

} // namespace pathlens::cli
