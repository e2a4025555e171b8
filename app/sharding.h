#pragma once

// `--shard I/N` and `merge` of pathlens-cli (DESIGN.md section 8): what a shard adds to its JSON
// so that the parts of a run can be checked and joined exactly, and the joining itself.

#include "engine.h"
#include "experiments.h"
#include "gradients.h"
#include "jsonvalue.h"
#include "results.h"
#include "shard.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace pathlens::sharding {

// "I/N" with 0 <= I < N; throws Error naming the option otherwise.
Shard parseShard(const QString &text);

// The shard of `--shard I/N`, checked with the options it goes with before any work, so that a
// wrong array script fails at once: a shardable command, --json (but report), no --csv, --plot,
// --out (merge writes those) or --compare (not shardable yet).
Shard shardFromOptions(const QCommandLineParser &parser, const QString &command);

// What all parts of one run must share (merge compares them): the model's bytes, the data, the
// draws, and what could change a number (device, precision, batch, threads); and the command line
// that shaped the results, so that merge can show them as the unsharded run does.
Json agreedOptions(const QCommandLineParser &parser, const QString &modelPath, const QString &dataPath, int seed,
                   const std::string &device, int batch, int threads);

// SHA-256 of the model file, hex: parts of one run must have used the same bytes.
QString fileSha256(const QString &path);

// What a shard adds to the command's JSON, beside its own entries: counts next to each accuracy
// (correct and images) so that merge computes every fraction exactly as the unsharded run does.
// A lesion's blocks have correct -1 (NaN accuracy) where this shard computed nothing.
void annotateLesion(Json &json, const LesionResult &result, const Shard &shard);
void annotateSweep(Json &json, const SweepResult &result, const Shard &shard);
void annotateGradients(Json &json, const GradientResult &result, int plannedRounds);

// The results of a whole run, joined from its parts, and how to run the command again on them.
struct MergedRun
{
    QString command;        // lesion, delete-k, reorder, gradients or report
    QStringList arguments;  // model and the options that shaped the results, as the shards were given them
    double seconds = 0;     // report: the sum of the shards' times
    std::optional<EvalResult> lesion; // counts: [0] the baseline, [i + 1] block i deleted, -1 none (lesionResult)
    std::optional<SweepResult> deleteK;
    std::optional<SweepResult> reorder;
    std::optional<GradientResult> gradients;
};

// Reads the part files and checks that they belong together: the same agreed options, every shard
// 0..N-1 exactly once, every unit of work exactly once. Throws Error naming the files and the
// problem (missing, doubled, from another run).
MergedRun mergeParts(const QStringList &files);

} // namespace pathlens::sharding
