#pragma once

// What the commands of pathlens-cli share (DESIGN.md section 8): the parsed options, opening a
// model with its data and engine, the state of a sharded or merged run, and how an experiment's
// outcome is printed and written. Errors are pathlens::Error; main() turns them into exit code 2.

#include "arrangement.h"
#include "dataset.h"
#include "engine.h"
#include "figures.h"
#include "imagefolder.h"
#include "jsonvalue.h"
#include "network.h"
#include "shard.h"
#include "sharding.h"

// Not <qcustomplot.h> (21 s of compiling per file at -O2, in each of the 15 command files that
// include this header): figures.h declares QCustomPlot, the files that draw include it.
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace pathlens::cli {

constexpr int exitError = 2;
constexpr int exitInterrupted = 130;

// The result on stdout.
QTextStream &out();

std::vector<int> parseIndexList(const QString &text, const QString &option);
std::vector<float> parseFloatList(const QString &text, const QString &option);
// One number in double precision: --lr 0.1 parsed as a float was 0.10000000149, which a
// checkpoint written by pathlens-train-core (0.1) then refused to resume.
double parseNumber(const QString &text, const QString &option);
// The option's value as a positive whole number, `fallback` when it is not given; throws Error.
int parsePositive(const QCommandLineParser &parser, const QString &option, int fallback);

// A progress line with ETA on the terminal only; pipes and logs stay clean.
void showCounter(const char *what, int64_t done, int64_t total, std::chrono::steady_clock::time_point started);
void showProgress(const char *what, const EvalProgress &progress);

// Set by Ctrl-C: long runs stop after the current batch; what was already written stays.
CancelToken &interrupted();
struct Interrupted
{
};
// Throws Interrupted when a run came back early because of Ctrl-C.
void stopIfInterrupted(bool cancelled);

// Files skipped in an image folder and the like: worth knowing, not worth stopping for.
void warnAbout(const Dataset &data);

// Core's writeFileSafely: a device or FIFO is written into, never replaced; any failure keeps
// the old file and is an Error naming the path (README: hostile input).
void writeFileAtomically(const QString &path, const QByteArray &bytes);

// A model path that names a file: a FIFO or device would make LibTorch's reader wait forever.
void checkModelFile(const QString &path);

// A JSON object from core's writers (results.h), for the keys a shard adds.
Json jsonObject(const std::string &text);

struct Session
{
    std::shared_ptr<Network> network;
    std::unique_ptr<Engine> engine;
    std::vector<std::string> classNames; // the data set's
    size_t noticesShown = 0;

    // The engine's notices not printed yet: some arise only while it runs (a batch too large for
    // memory), so this is called after each run as well as after opening.
    void showNewNotices();
};

// What an experiment produced: printed as text or JSON, written as CSV and as a figure.
struct Outcome
{
    QString name;  // file stem in a report
    QString text;
    Json json = Json::object(); // printed by --json, written by report, keys in alphabetical order
    QString csv;
    // Drawn only when asked for: widgets need a QApplication, which commands without
    // figures do not create.
    std::function<std::unique_ptr<QCustomPlot>()> figure;
    // Other views of the same numbers (Fig. 5b against Kendall's tau, Fig. 6c on a linear axis):
    // a report writes them as NAME-TAG.*, --plot FILE beside it as FILE-TAG.*.
    struct View
    {
        QString tag;
        QString caption;
        std::function<std::unique_ptr<QCustomPlot>()> draw;
    };
    std::vector<View> moreFigures;
    // What the numbers rest on (images, samples, seed), under the report's figures.
    QString caption;
    // lesion: blocks whose single deletion costs more than 10 points (issue 14), for the sweeps'
    // split.
    std::vector<int> criticalBlocks;
};

// `path` with `tag` before its suffix: lesion.csv -> lesion-disagreement.csv.
QString beside(const QString &path, const QString &tag);

struct Limits
{
    int64_t images = -1; // -1: the whole split
    int samples = 10;
    int maxK = 20;       // delete-k and reorder
    int gradientSamples = 10;
    int gradientBatch = 32;
};

class Context
{
public:
    explicit Context(QCommandLineParser &parser);

    // Runs `command` (arguments[0]) through the command table.
    int run(const QString &command, const QStringList &arguments);

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }
    bool isSet(const char *option) const { return m_parser.isSet(QLatin1String(option)); }
    QString value(const char *option) const { return m_parser.value(QLatin1String(option)); }
    QStringList values(const char *option) const { return m_parser.values(QLatin1String(option)); }
    bool json() const { return isSet("json"); }
    int seed() const;

    // `defaultSplit`: the test split for accuracy, the training split for gradients (DESIGN.md section 5).
    Session open(const QString &modelPath, const QString &defaultSplit = QStringLiteral("test"), int64_t images = -1);
    Arrangement arrangementFromFlags(int blockCount) const;
    Limits limitsFromFlags() const;
    figures::Size figureSize() const;
    // Prints the outcome as text or JSON, and writes --csv and --plot when given.
    void publish(Outcome &outcome);

    static QString modelName(const Network &network);
    // "WHAT — MODEL, N images", then " — DETAIL" (samples, seed) when given: each part on a line of
    // the figure's title.
    static QString figureTitle(const QString &what, const Session &session, const QString &detail = {});

    // --shard I/N: this run does the shard's share and prints a part for `merge`.
    bool sharded() const { return m_sharded; }
    const Shard &shard() const { return m_shard; }
    const Json &agreed() const { return m_agreed; }
    // merge: the joined results, shown as the unsharded command would show them.
    const sharding::MergedRun *merged() const { return m_merged; }
    void setMerged(const sharding::MergedRun *merged) { m_merged = merged; }

private:
    // Files named on the command line are checked before any long work, so that a run does not
    // end after minutes with "cannot write" (README: hostile input).
    void checkPathsFirst(const QString &command, const QString &modelPath) const;

    QCommandLineParser &m_parser;
    bool m_sharded = false;
    Shard m_shard;
    Json m_agreed = Json::object(); // the options every part of the run must share, taken when the first session opens
    const sharding::MergedRun *m_merged = nullptr;
};

} // namespace pathlens::cli
