// report: every experiment at sensible defaults, as figures, CSV, JSON and an index.html.

#include "commands.h"

#include "error.h"
#include "experiments.h"
#include "safefile.h"

#include <qcustomplot.h> // the figures are drawn here
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace pathlens::cli {
namespace {

// A network with one block per stage (a depth-8 ResNet) has no two blocks that can trade places:
// its report has no reordering experiment, rather than failing there without an index.html.
bool reorderable(Context &context, const QString &modelPath)
{
    return blocksCanTradePlaces(context.open(modelPath, QStringLiteral("test"), 1).engine->info());
}

// The files a report writes. Every one is checked before the work starts, and those of an
// earlier report in the folder are removed first, index.html before the rest: an interrupted
// run then never leaves an index that shows another model's figures beside this one's.
// Other files in the folder are left alone.
void clearEarlierReport(const QDir &dir)
{
    QStringList names{QStringLiteral("index.html")};
    for (const char *name : {"lesion", "delete-k", "reorder", "paths", "gradients", "delete-k-attention", "delete-k-mlp",
                             "delete-k-convolution", "delete-k-token-mixing", "delete-k-other", "lesion-span-2", "predictors"})
        for (const char *suffix : {"pdf", "svg", "png", "csv", "json"})
            names << QStringLiteral("%1.%2").arg(QLatin1String(name), QLatin1String(suffix));
    for (const char *name : {"reorder-tau", "gradients-linear"})
        for (const char *suffix : {"pdf", "svg", "png"})
            names << QStringLiteral("%1.%2").arg(QLatin1String(name), QLatin1String(suffix));
    for (const QString &name : names)
        checkOutputPath(dir.filePath(name).toStdString());
    for (const QString &name : names) {
        const QFileInfo file(dir.filePath(name));
        if (file.isFile() && !file.isSymLink() && !QFile::remove(file.filePath()))
            throw Error(file.filePath().toStdString() + ": cannot remove the earlier report's file");
    }
}

// The kinds of the network's units (attention, MLP, ...) in the order they first appear, from the
// single deletions' JSON; empty for blocks without kinds.
std::vector<std::string> unitKinds(const Json &lesionJson)
{
    std::vector<std::string> kinds;
    for (const Json &block : json::array(json::member(lesionJson, "blocks"))) {
        const std::string unit = json::toString(json::member(block, "unit"));
        if (!unit.empty() && std::find(kinds.begin(), kinds.end(), unit) == kinds.end())
            kinds.push_back(unit);
    }
    return kinds;
}

// A report shard: its share of every experiment that has data to share (the path-length
// figures need none), as one part on stdout; `merge --out DIR` writes the report.
int reportShard(Context &context, const QString &modelPath, const Limits &limits, int64_t lesionImages)
{
    const auto started = std::chrono::steady_clock::now();
    Json experiments = Json::object();
    auto step = [&](const char *what, const Outcome &outcome) {
        std::fprintf(stderr, "report: %s done (%.0f s so far)\n", what,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        experiments[outcome.name.toStdString()] = outcome.json;
    };
    step("single deletion", lesion(context, modelPath, {}, lesionImages));
    // The split by critical blocks waits for the merge, which joins the single deletions.
    step("random deletion", sweep(context, modelPath, false, limits, limits.maxK, std::vector<int>{}));
    if (reorderable(context, modelPath))
        step("reordering", sweep(context, modelPath, true, limits, limits.maxK, std::vector<int>{}));
    if (!json::toBool(json::member(json::member(experiments, "lesion"), "plain")))
        step("gradients", gradients(context, modelPath, limits));
    const Json part{{"shard", {{"index", context.shard().index}, {"count", context.shard().count}}},
                    {"agreed", context.agreed()},
                    {"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()},
                    {"experiments", experiments}};
    out() << QString::fromStdString(json::indented(part));
    return 0;
}

} // namespace

// Every experiment at sensible defaults (--quick: a rough version), each figure as PDF, SVG
// and PNG, the numbers as CSV and JSON, and an index.html beside the paper's numbers.
int report(Context &context, const QString &modelPath)
{
    if (!context.sharded() && !context.isSet("out"))
        throw Error("report needs --out DIR");
    const bool quick = context.isSet("quick");
    Limits limits;
    limits.images = quick ? 200 : 1000;
    limits.samples = quick ? 2 : 20; // issue 14: 5 samples left the two-peaked Fig. 5a mean good to only about 4 points
    limits.maxK = quick ? 5 : 20;
    limits.gradientSamples = quick ? 2 : 10;
    limits.gradientBatch = quick ? 16 : 32;
    const int64_t lesionImages = quick ? 200 : 2000;
    if (context.sharded())
        return reportShard(context, modelPath, limits, lesionImages);
    const QString folder = context.value("out");
    if (QFileInfo::exists(folder) && !QFileInfo(folder).isDir())
        throw Error(folder.toStdString() + ": is not a folder; report --out names a folder");
    if (!QDir().mkpath(folder))
        throw Error(folder.toStdString() + ": cannot create the folder");
    clearEarlierReport(QDir(folder));
    const QDir dir(folder);
    const auto started = std::chrono::steady_clock::now();

    std::vector<Outcome> outcomes;
    auto step = [&](const char *what, auto &&compute) {
        std::fprintf(stderr, "report: %s (%.0f s so far)\n", what,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        outcomes.push_back(compute());
        Outcome &outcome = outcomes.back();
        // Written as soon as each experiment ends, so an interruption keeps what was done.
        std::vector<std::pair<QString, std::unique_ptr<QCustomPlot>>> plots;
        plots.emplace_back(outcome.name, outcome.figure());
        for (const Outcome::View &view : outcome.moreFigures)
            plots.emplace_back(outcome.name + "-" + view.tag, view.draw());
        for (const auto &[stem, figure] : plots)
            for (const char *format : {"pdf", "svg", "png"})
                figures::save(*figure, dir.filePath(stem + "." + format),
                              figures::Size{640, 420, std::strcmp(format, "png") == 0 ? 150 : 96});
        writeFileAtomically(dir.filePath(outcome.name + ".csv"), outcome.csv.toUtf8());
        writeFileAtomically(dir.filePath(outcome.name + ".json"), QByteArray::fromStdString(json::indented(outcome.json)));
    };
    step("single deletion", [&] { return lesion(context, modelPath, context.values("compare"), lesionImages); });
    // The sweeps are split by the blocks the single deletions found critical.
    const std::vector<int> critical = outcomes.front().criticalBlocks;
    step("random deletion", [&] { return sweep(context, modelPath, false, limits, limits.maxK, critical); });
    if (reorderable(context, modelPath))
        step("reordering", [&] { return sweep(context, modelPath, true, limits, limits.maxK, critical); });
    // A network whose units are of several kinds (a transformer's attention and MLP, issue 28):
    // random deletions of each kind alone (He et al., 2024), every adjacent pair deleted (Gromov et
    // al., 2025) and the cheap predictors against the measured costs (ShortGPT). Not in a merged
    // report: the shards do not run them.
    const std::vector<std::string> kinds = unitKinds(outcomes.front().json);
    if (kinds.size() > 1 && !context.merged()) {
        for (const std::string &kind : kinds) {
            const std::string what = "random deletion of " + kind + " units";
            step(what.c_str(), [&] { return sweep(context, modelPath, false, limits, limits.maxK, critical, kind); });
        }
        step("span deletion", [&] {
            Outcome outcome = lesion(context, modelPath, {}, lesionImages, 2);
            outcome.name = QStringLiteral("lesion-span-2");
            return outcome;
        });
        step("predictors", [&] { return predictors(context, modelPath, 1, lesionImages); });
    }
    step("path lengths", [&] { return paths(context, modelPath, {1, 10, 20}); });
    // A plain network has one path: there is no gradient per path length to measure.
    if (!json::toBool(json::member(outcomes.front().json, "plain")))
        step("gradients", [&] { return gradients(context, modelPath, limits); });
    // A merged report took the shards' time, not the merge's.
    const double seconds = context.merged() ? context.merged()->seconds
                                    : std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    writeFileAtomically(dir.filePath(QStringLiteral("index.html")), reportPage(modelPath, outcomes, quick, seconds).toUtf8());
    out() << QStringLiteral("report written to %1 in %2 s\n").arg(dir.filePath(QStringLiteral("index.html"))).arg(seconds, 0, 'f', 0);
    return 0;
}

} // namespace pathlens::cli
