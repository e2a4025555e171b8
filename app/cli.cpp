// pathlens-cli: the paper's experiments without a display (DESIGN.md section 8).
// Errors go to stderr and exit with code 2.

#include "arrangement.h"
#include "dataset.h"
#include "defaults.h"
#include "engine.h"
#include "error.h"
#include "experiments.h"
#include "figures.h"
#include "gradients.h"
#include "imagefolder.h"
#include "network.h"
#include "paths.h"
#include "safefile.h"
#include "sharding.h"
#include "training.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <numeric>
#include <unistd.h>

using namespace pathlens;

namespace {

constexpr int exitError = 2;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

std::vector<int> parseIndexList(const QString &text, const QString &option)
{
    std::vector<int> values;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int value = item.trimmed().toInt(&ok);
        if (!ok)
            throw Error("--" + option.toStdString() + ": '" + item.toStdString() + "' is not a block index");
        values.push_back(value);
    }
    return values;
}

std::vector<float> parseFloatList(const QString &text, const QString &option)
{
    std::vector<float> values;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        values.push_back(item.trimmed().toFloat(&ok));
        if (!ok)
            throw Error("--" + option.toStdString() + ": '" + item.toStdString() + "' is not a number");
    }
    return values;
}

int parsePositive(const QCommandLineParser &parser, const QString &option, int fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 1)
        throw Error("--" + option.toStdString() + ": expected a positive whole number, got '"
                    + parser.value(option).toStdString() + "'");
    return value;
}

// A progress line with ETA on the terminal only; pipes and logs stay clean.
void showCounter(const char *what, int64_t done, int64_t total, std::chrono::steady_clock::time_point started)
{
    if (!isatty(fileno(stderr)) || total <= 0)
        return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double eta = done > 0 ? elapsed * double(total - done) / double(done) : 0.0;
    std::fprintf(stderr, "\r%s: %lld / %lld (%3.0f%%), %.0f s elapsed, ETA %.0f s   ", what, static_cast<long long>(done),
                 static_cast<long long>(total), 100.0 * double(done) / double(total), elapsed, eta);
    if (done >= total)
        std::fprintf(stderr, "\n");
    std::fflush(stderr);
}

// Set by Ctrl-C: long runs stop after the current batch; what was already written stays.
CancelToken &interrupted()
{
    static CancelToken token;
    return token;
}

struct Interrupted
{
};

// Throws Interrupted when a run came back early because of Ctrl-C.
void stopIfInterrupted(bool cancelled)
{
    if (cancelled)
        throw Interrupted{};
}

void showProgress(const char *what, const EvalProgress &progress)
{
    static const auto started = std::chrono::steady_clock::now();
    showCounter(what, progress.imagesDone, progress.imagesTotal, started);
}

// Files skipped in an image folder and the like: worth knowing, not worth stopping for.
void warnAbout(const Dataset &data)
{
    if (!data.note.empty())
        std::fprintf(stderr, "pathlens-cli: warning: %s\n", data.note.c_str());
}

// Core's writeFileSafely: a device or FIFO is written into, never replaced; any failure keeps
// the old file and is an Error naming the path (README: hostile input).
void writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    writeFileSafely(path.toStdString(), bytes.toStdString());
}

// A model path that names a file: a FIFO or device would make LibTorch's reader wait forever.
void checkModelFile(const QString &path)
{
    if (!QFileInfo::exists(path))
        throw Error(path.toStdString() + ": no such file");
    checkReadableFile(path.toStdString());
}

QJsonArray shapeJson(const Shape &shape)
{
    QJsonArray array;
    for (int64_t size : shape)
        array.append(qint64(size));
    return array;
}

QString shapeText(const Shape &shape)
{
    return QString::fromStdString(toString(shape));
}

struct Session
{
    std::shared_ptr<Network> network;
    std::unique_ptr<Engine> engine;
    size_t noticesShown = 0;

    // The engine's notices not printed yet: some arise only while it runs (a batch too large for
    // memory), so this is called after each run as well as after opening.
    void showNewNotices()
    {
        const std::vector<std::string> notices = engine->notices();
        for (; noticesShown < notices.size(); ++noticesShown)
            std::fprintf(stderr, "pathlens-cli: note: %s\n", notices[noticesShown].c_str());
    }
};

class Cli
{
public:
    explicit Cli(QCommandLineParser &parser)
        : m_parser(parser)
    {
    }

    int run(const QString &command, const QStringList &arguments)
    {
        if (command == QLatin1String("merge"))
            return merge(arguments.mid(1));
        if (m_parser.isSet(QStringLiteral("shard"))) {
            m_shard = sharding::shardFromOptions(m_parser, command);
            m_sharded = true;
        }
        const QString modelPath = arguments.value(1, defaultModelPath());
        if (arguments.size() > 2)
            throw Error("unexpected argument '" + arguments[2].toStdString() + "'");
        checkPathsFirst(command, modelPath);
        if (command == QLatin1String("info"))
            return info(modelPath);
        if (command == QLatin1String("eval"))
            return evaluate(modelPath);
        if (command == QLatin1String("report"))
            return report(modelPath);
        if (command == QLatin1String("train")) {
            if (arguments.size() > 1)
                throw Error("train takes no model argument; name the output with --out FILE");
            return trainModel();
        }
        const Limits limits = limitsFromFlags();
        Outcome outcome;
        if (command == QLatin1String("lesion"))
            outcome = lesion(modelPath, m_parser.value(QStringLiteral("compare")), -1);
        else if (command == QLatin1String("delete-k"))
            outcome = sweep(modelPath, false, limits, parsePositive(m_parser, QStringLiteral("max-k"), limits.maxK));
        else if (command == QLatin1String("reorder"))
            outcome = sweep(modelPath, true, limits, parsePositive(m_parser, QStringLiteral("max-swaps"), limits.maxK));
        else if (command == QLatin1String("paths"))
            outcome = paths(modelPath, m_parser.isSet(QStringLiteral("deleted-counts"))
                                           ? parseIndexList(m_parser.value(QStringLiteral("deleted-counts")), "deleted-counts")
                                           : std::vector<int>{1, 10, 20});
        else if (command == QLatin1String("gradients"))
            outcome = gradients(modelPath, limits);
        else
            throw Error("unknown command '" + command.toStdString() + "'; see pathlens-cli --help");
        publish(outcome);
        return 0;
    }

private:
    bool json() const { return m_parser.isSet(QStringLiteral("json")); }

    // Files named on the command line are checked before any long work, so that a run does not
    // end after minutes with "cannot write" (README: hostile input).
    void checkPathsFirst(const QString &command, const QString &modelPath) const
    {
        if (command != QLatin1String("train") && command != QLatin1String("merge") && QFileInfo::exists(modelPath))
            checkReadableFile(modelPath.toStdString());
        if (m_parser.isSet(QStringLiteral("compare")))
            checkModelFile(m_parser.value(QStringLiteral("compare")));
        if (m_parser.isSet(QStringLiteral("csv")))
            checkOutputPath(m_parser.value(QStringLiteral("csv")).toStdString());
        if (m_parser.isSet(QStringLiteral("plot"))) {
            const QString plot = m_parser.value(QStringLiteral("plot"));
            const QString suffix = QFileInfo(plot).suffix().toLower();
            if (suffix != QLatin1String("pdf") && suffix != QLatin1String("svg") && suffix != QLatin1String("png"))
                throw Error(plot.toStdString() + ": unknown figure format '" + suffix.toStdString() + "', use .pdf, .svg or .png");
            checkOutputPath(plot.toStdString());
        }
        if (command == QLatin1String("train") && m_parser.isSet(QStringLiteral("out")))
            checkOutputPath(m_parser.value(QStringLiteral("out")).toStdString());
    }

    // `defaultSplit`: the test split for accuracy, the training split for gradients (DESIGN.md section 5).
    Session open(const QString &modelPath, const QString &defaultSplit = QStringLiteral("test"), int64_t images = -1)
    {
        Session session;
        session.network = Network::load(modelPath.toStdString());
        const QString dataPath = m_parser.isSet(QStringLiteral("data")) ? m_parser.value(QStringLiteral("data"))
                                                                         : QString::fromStdString(defaultDatasetPath());
        const QString split = m_parser.isSet(QStringLiteral("split")) ? m_parser.value(QStringLiteral("split")) : defaultSplit;
        if (split != QLatin1String("test") && split != QLatin1String("train"))
            throw Error("--split: expected test or train, got '" + split.toStdString() + "'");
        Dataset data = loadAnyDataset(dataPath.toStdString(), split == QLatin1String("train") ? Split::Train : Split::Test,
                                      m_parser.value(QStringLiteral("data-format")).toStdString(),
                                      session.network->defaultInputShape());
        warnAbout(data);
        if (m_parser.isSet(QStringLiteral("limit")))
            images = parsePositive(m_parser, QStringLiteral("limit"), 0);
        truncate(data, images);
        EngineOptions options;
        options.device = parseDevice(m_parser.value(QStringLiteral("device")).toStdString());
        options.threads = parsePositive(m_parser, QStringLiteral("threads"), 0);
        options.batchSize = parsePositive(m_parser, QStringLiteral("batch"), options.batchSize);
        options.cacheBytes = int64_t(parsePositive(m_parser, QStringLiteral("cache-mb"), 1024)) << 20;
        options.reuseActivations = !m_parser.isSet(QStringLiteral("no-reuse"));
        options.precision = precisionFromOptions(m_parser);
        if (m_parser.isSet(QStringLiteral("mean")))
            options.mean = parseFloatList(m_parser.value(QStringLiteral("mean")), QStringLiteral("mean"));
        if (m_parser.isSet(QStringLiteral("std")))
            options.std = parseFloatList(m_parser.value(QStringLiteral("std")), QStringLiteral("std"));
        if (m_merged)
            options.device = DeviceChoice::Cpu; // merge computes nothing; its session only describes the run
        session.engine = std::make_unique<Engine>(session.network, data, options);
        if (m_sharded && m_agreed.isEmpty())
            m_agreed = sharding::agreedOptions(m_parser, modelPath, dataPath, seed(), session.engine->deviceName(),
                                               session.engine->batchSize(), session.engine->threads());
        if (!session.network->warning().empty())
            std::fprintf(stderr, "pathlens-cli: warning: %s\n", session.network->warning().c_str());
        session.showNewNotices();
        return session;
    }

    int info(const QString &modelPath)
    {
        const auto network = Network::load(modelPath.toStdString());
        const NetworkInfo info = network->describe(network->defaultInputShape());
        if (json()) {
            QJsonArray blocks;
            for (const BlockInfo &block : info.blocks)
                blocks.append(QJsonObject{{"index", block.index},
                                          {"name", QString::fromStdString(block.name)},
                                          {"kind", QString::fromStdString(block.kind)},
                                          {"stage", block.stage},
                                          {"downsampling", block.downsampling},
                                          {"input_shape", shapeJson(block.inputShape)},
                                          {"output_shape", shapeJson(block.outputShape)},
                                          {"parameters", qint64(block.parameters)}});
            QJsonObject object{{"model", modelPath},
                               {"family", QString::fromStdString(info.family)},
                               {"input_shape", shapeJson(info.inputShape)},
                               {"classes", info.classCount},
                               {"parameters", qint64(info.parameters)},
                               {"stages", info.stageCount},
                               {"blocks", blocks}};
            if (!info.metadataJson.empty())
                object.insert("metadata", QJsonDocument::fromJson(QByteArray::fromStdString(info.metadataJson)).object());
            out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
            return 0;
        }
        const QJsonObject metadata = QJsonDocument::fromJson(QByteArray::fromStdString(info.metadataJson)).object();
        if (metadata.contains(QLatin1String("name")))
            out() << "name        " << metadata.value(QLatin1String("name")).toString() << "\n";
        if (metadata.contains(QLatin1String("test_accuracy")))
            out() << "trained to  " << QString::number(100 * metadata.value(QLatin1String("test_accuracy")).toDouble(), 'f', 2)
                  << "% test accuracy\n";
        out() << "model       " << modelPath << "\n"
              << "family      " << QString::fromStdString(info.family) << "\n"
              << "input       " << shapeText(info.inputShape) << ", " << info.classCount << " classes\n"
              << "parameters  " << QLocale::c().toString(qint64(info.parameters)) << "\n"
              << "blocks      " << info.blocks.size() << " in " << info.stageCount << " stages\n\n";
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                     .arg("#", 3).arg("name", -12).arg("kind", -10).arg("stage", 5).arg("input", -10)
                     .arg("output", -10).arg("down", 4).arg("parameters", 10);
        for (const BlockInfo &block : info.blocks)
            out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                         .arg(block.index, 3)
                         .arg(QString::fromStdString(block.name), -12)
                         .arg(QString::fromStdString(block.kind), -10)
                         .arg(block.stage, 5)
                         .arg(shapeText(block.inputShape), -10)
                         .arg(shapeText(block.outputShape), -10)
                         .arg(block.downsampling ? QStringLiteral("yes") : QString(), 4)
                         .arg(QLocale::c().toString(qint64(block.parameters)), 10);
        return 0;
    }

    Arrangement arrangementFromFlags(int blockCount) const
    {
        Arrangement arrangement = identityArrangement(blockCount);
        if (m_parser.isSet(QStringLiteral("order")))
            arrangement = withOrder(arrangement, parseIndexList(m_parser.value(QStringLiteral("order")), "order"));
        if (m_parser.isSet(QStringLiteral("delete")))
            arrangement = withDeleted(arrangement, parseIndexList(m_parser.value(QStringLiteral("delete")), "delete"));
        return arrangement;
    }

    int evaluate(const QString &modelPath)
    {
        Session session = open(modelPath);
        const Arrangement arrangement = arrangementFromFlags(session.network->blockCount());
        if (const auto why = whyInvalid(session.engine->info(), arrangement))
            throw Error("cannot evaluate this arrangement: " + *why);
        const EvalResult result = session.engine->evaluate(
            {arrangement}, 0, -1, [](const EvalProgress &p) { showProgress("eval", p); }, &interrupted());
        session.showNewNotices();
        stopIfInterrupted(result.cancelled);
        if (json()) {
            out() << QJsonDocument(QJsonObject{{"images", qint64(result.images)},
                                               {"accuracy", result.accuracy[0]},
                                               {"seconds", result.seconds}})
                         .toJson(QJsonDocument::Compact)
                  << "\n";
        } else {
            out() << QStringLiteral("accuracy %1 (%2 of %3 images) in %4 s on %5; %6\n")
                         .arg(result.accuracy[0], 0, 'f', 4)
                         .arg(result.correct[0])
                         .arg(result.images)
                         .arg(result.seconds, 0, 'f', 2)
                         .arg(QString::fromStdString(session.engine->deviceName()))
                         .arg(QString::fromStdString(describe(arrangement)));
        }
        return 0;
    }

    // What an experiment produced: printed as text or JSON, written as CSV and as a figure.
    struct Outcome
    {
        QString name;  // file stem in a report
        QString text;
        QJsonObject json;
        QString csv;
        // Drawn only when asked for: widgets need a QApplication, which commands without
        // figures do not create.
        std::function<std::unique_ptr<QCustomPlot>()> figure;
    };

    struct Limits
    {
        int64_t images = -1; // -1: the whole split
        int samples = 10;
        int maxK = 20;       // delete-k and reorder
        int gradientSamples = 10;
        int gradientBatch = 32;
    };

    Limits limitsFromFlags() const
    {
        Limits limits;
        limits.samples = parsePositive(m_parser, QStringLiteral("samples"), limits.samples);
        limits.gradientSamples = limits.samples;
        limits.gradientBatch = parsePositive(m_parser, QStringLiteral("batch"), limits.gradientBatch);
        return limits;
    }

    void publish(Outcome &outcome)
    {
        if (m_sharded) {
            outcome.json.insert("shard", QJsonObject{{"index", m_shard.index}, {"count", m_shard.count}});
            outcome.json.insert("agreed", m_agreed);
        }
        if (m_parser.isSet(QStringLiteral("csv")))
            writeFileAtomically(m_parser.value(QStringLiteral("csv")), outcome.csv.toUtf8());
        if (m_parser.isSet(QStringLiteral("plot")))
            figures::save(*outcome.figure(), m_parser.value(QStringLiteral("plot")), figureSize());
        if (json())
            out() << QJsonDocument(outcome.json).toJson(QJsonDocument::Indented);
        else
            out() << outcome.text;
    }

    figures::Size figureSize() const
    {
        figures::Size size;
        size.dpi = parsePositive(m_parser, QStringLiteral("dpi"), size.dpi);
        return size;
    }

    static QString modelName(const Network &network)
    {
        const QJsonObject metadata = QJsonDocument::fromJson(QByteArray::fromStdString(network.metadataJson())).object();
        const QString name = metadata.value(QLatin1String("name")).toString();
        return name.isEmpty() ? QFileInfo(QString::fromStdString(network.path())).fileName() : name;
    }

    static QString figureTitle(const QString &what, const Session &session)
    {
        return QStringLiteral("%1 — %2, %3 images").arg(what, modelName(*session.network)).arg(session.engine->imageCount());
    }

    // Trains one of pathlens' demo models (DESIGN.md section 6) with a progress bar; Ctrl-C
    // stops after the current batch, and the checkpoint of the last finished epoch stays for --resume.
    int trainModel()
    {
        TrainOptions options;
        options.architecture = m_parser.value(QStringLiteral("arch")).toStdString();
        options.depth = parsePositive(m_parser, QStringLiteral("depth"), options.depth);
        options.epochs = parsePositive(m_parser, QStringLiteral("epochs"), options.epochs);
        options.batchSize = parsePositive(m_parser, QStringLiteral("batch"), 128);
        options.threads = parsePositive(m_parser, QStringLiteral("threads"), 0);
        options.device = parseDevice(m_parser.value(QStringLiteral("device")).toStdString());
        options.seed = uint64_t(seed());
        options.flip = !m_parser.isSet(QStringLiteral("no-flip"));
        options.resume = m_parser.isSet(QStringLiteral("resume"));
        options.output = m_parser.value(QStringLiteral("out")).toStdString();
        if (m_parser.isSet(QStringLiteral("stochastic-depth")))
            options.survivalLast = parseFloatList(m_parser.value(QStringLiteral("stochastic-depth")), "stochastic-depth").at(0);
        if (m_parser.isSet(QStringLiteral("lr")))
            options.learningRate = parseFloatList(m_parser.value(QStringLiteral("lr")), "lr").at(0);
        const QString dataPath = m_parser.isSet(QStringLiteral("data")) ? m_parser.value(QStringLiteral("data"))
                                                                        : QString::fromStdString(defaultDatasetPath());
        const std::string format = m_parser.value(QStringLiteral("data-format")).toStdString();
        // Image folders: the first training image fixes the input size, the test images follow it.
        Dataset trainSet = loadAnyDataset(dataPath.toStdString(), Split::Train, format, {});
        warnAbout(trainSet);
        const Dataset testSet = loadAnyDataset(dataPath.toStdString(), Split::Test, format, trainSet.imageShape);
        warnAbout(testSet);
        if (m_parser.isSet(QStringLiteral("limit")))
            truncate(trainSet, parsePositive(m_parser, QStringLiteral("limit"), 0));

        const TrainResult result = train(options, trainSet, testSet, [](const TrainProgress &p) {
            if (p.testAccuracy >= 0) {
                std::fprintf(stderr, "%sepoch %d/%d: test accuracy %.2f%%\n", isatty(fileno(stderr)) ? "\r\033[K" : "",
                             p.epoch + 1, p.epochs, 100 * p.testAccuracy);
                return;
            }
            if (!isatty(fileno(stderr)))
                return;
            const int width = 30;
            const int filled = int(width * p.step / std::max<int64_t>(1, p.steps));
            std::fprintf(stderr, "\r\033[Kepoch %d/%d [%s%s] loss %.3f, %.0f images/s, ETA %d:%02d", p.epoch + 1, p.epochs,
                         std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), p.loss,
                         p.imagesPerSecond, int(p.etaSeconds) / 60, int(p.etaSeconds) % 60);
        }, &interrupted());
        if (!result.finished) {
            std::fprintf(stderr, "stopped after %d of %d epochs; continue with the same command and --resume\n",
                         result.epochsDone, options.epochs);
            return 130;
        }
        out() << QStringLiteral("trained %1 in %2 min: test accuracy %3% on %4 images; written to %5\n")
                     .arg(QString::fromStdString(options.architecture))
                     .arg(result.seconds / 60, 0, 'f', 1)
                     .arg(100 * result.testAccuracy, 0, 'f', 2)
                     .arg(testSet.size())
                     .arg(QString::fromStdString(options.output));
        return 0;
    }

    // Every experiment at sensible defaults (--quick: a rough version), each figure as PDF, SVG
    // and PNG, the numbers as CSV and JSON, and an index.html beside the paper's numbers.
    int report(const QString &modelPath)
    {
        if (!m_sharded && !m_parser.isSet(QStringLiteral("out")))
            throw Error("report needs --out DIR");
        const bool quick = m_parser.isSet(QStringLiteral("quick"));
        Limits limits;
        limits.images = quick ? 200 : 1000;
        limits.samples = quick ? 2 : 5;
        limits.maxK = quick ? 5 : 20;
        limits.gradientSamples = quick ? 2 : 10;
        limits.gradientBatch = quick ? 16 : 32;
        const int64_t lesionImages = quick ? 200 : 2000;
        if (m_sharded)
            return reportShard(modelPath, limits, lesionImages);
        const QString folder = m_parser.value(QStringLiteral("out"));
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
            const auto figure = outcome.figure();
            for (const char *format : {"pdf", "svg", "png"})
                figures::save(*figure, dir.filePath(outcome.name + "." + format),
                              figures::Size{640, 420, std::strcmp(format, "png") == 0 ? 150 : 96});
            writeFileAtomically(dir.filePath(outcome.name + ".csv"), outcome.csv.toUtf8());
            writeFileAtomically(dir.filePath(outcome.name + ".json"), QJsonDocument(outcome.json).toJson());
        };
        step("single deletion", [&] { return lesion(modelPath, m_parser.value(QStringLiteral("compare")), lesionImages); });
        step("random deletion", [&] { return sweep(modelPath, false, limits, limits.maxK); });
        step("reordering", [&] { return sweep(modelPath, true, limits, limits.maxK); });
        step("path lengths", [&] { return paths(modelPath, {1, 10, 20}); });
        step("gradients", [&] { return gradients(modelPath, limits); });
        // A merged report took the shards' time, not the merge's.
        const double seconds = m_merged ? m_merged->seconds
                                        : std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        writeFileAtomically(dir.filePath(QStringLiteral("index.html")), reportPage(modelPath, outcomes, quick, seconds).toUtf8());
        out() << QStringLiteral("report written to %1 in %2 s\n").arg(dir.filePath(QStringLiteral("index.html"))).arg(seconds, 0, 'f', 0);
        return 0;
    }

    // The files a report writes. Every one is checked before the work starts, and those of an
    // earlier report in the folder are removed first, index.html before the rest: an interrupted
    // run then never leaves an index that shows another model's figures beside this one's.
    // Other files in the folder are left alone.
    static void clearEarlierReport(const QDir &dir)
    {
        QStringList names{QStringLiteral("index.html")};
        for (const char *name : {"lesion", "delete-k", "reorder", "paths", "gradients"})
            for (const char *suffix : {"pdf", "svg", "png", "csv", "json"})
                names << QStringLiteral("%1.%2").arg(QLatin1String(name), QLatin1String(suffix));
        for (const QString &name : names)
            checkOutputPath(dir.filePath(name).toStdString());
        for (const QString &name : names) {
            const QFileInfo file(dir.filePath(name));
            if (file.isFile() && !file.isSymLink() && !QFile::remove(file.filePath()))
                throw Error(file.filePath().toStdString() + ": cannot remove the earlier report's file");
        }
    }

    // A report shard: its share of every experiment that has data to share (the path-length
    // figures need none), as one part on stdout; `merge --out DIR` writes the report.
    int reportShard(const QString &modelPath, const Limits &limits, int64_t lesionImages)
    {
        const auto started = std::chrono::steady_clock::now();
        QJsonObject experiments;
        auto step = [&](const char *what, const Outcome &outcome) {
            std::fprintf(stderr, "report: %s done (%.0f s so far)\n", what,
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
            experiments.insert(outcome.name, outcome.json);
        };
        step("single deletion", lesion(modelPath, QString(), lesionImages));
        step("random deletion", sweep(modelPath, false, limits, limits.maxK));
        step("reordering", sweep(modelPath, true, limits, limits.maxK));
        step("gradients", gradients(modelPath, limits));
        const QJsonObject part{{"shard", QJsonObject{{"index", m_shard.index}, {"count", m_shard.count}}},
                               {"agreed", m_agreed},
                               {"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()},
                               {"experiments", experiments}};
        out() << QJsonDocument(part).toJson(QJsonDocument::Indented);
        return 0;
    }

    // merge PART.json...: checks the parts, then runs the command again with the joined results
    // in place of the computation, so that it writes exactly what the unsharded run writes.
    int merge(const QStringList &files)
    {
        const sharding::MergedRun merged = sharding::mergeParts(files);
        if (merged.command == QLatin1String("report") && !m_parser.isSet(QStringLiteral("out")))
            throw Error("merge of report parts needs --out DIR");
        QStringList replay{QCoreApplication::arguments().value(0), merged.command};
        replay += merged.arguments;
        for (const char *option : {"csv", "plot", "dpi", "out"})
            if (m_parser.isSet(QLatin1String(option)))
                replay << QStringLiteral("--%1").arg(QLatin1String(option)) << m_parser.value(QLatin1String(option));
        if (json())
            replay << QStringLiteral("--json");
        if (!m_parser.parse(replay))
            throw Error("merge: the parts' options do not parse: " + m_parser.errorText().toStdString());
        m_merged = &merged;
        return run(merged.command, m_parser.positionalArguments());
    }

    static QString reportPage(const QString &modelPath, const std::vector<Outcome> &outcomes, bool quick, double seconds)
    {
        const QJsonObject lesion = outcomes[0].json;
        const QJsonObject deletion = outcomes[1].json;
        const QJsonObject reorder = outcomes[2].json;
        const QJsonObject paths = outcomes[3].json;
        const QJsonObject gradients = outcomes[4].json;
        auto percent = [](double fraction) { return QStringLiteral("%1%").arg(100 * fraction, 0, 'f', 2); };

        // Single deletion: the mean and worst change over non-downsampling blocks.
        double baseline = lesion["baseline"].toDouble();
        double sum = 0;
        int count = 0;
        double worst = 1;
        for (const auto &value : lesion["blocks"].toArray()) {
            const QJsonObject block = value.toObject();
            if (block["downsampling"].toBool())
                continue;
            sum += block["accuracy"].toDouble();
            worst = std::min(worst, block["accuracy"].toDouble());
            ++count;
        }
        const QJsonArray deletionPoints = deletion["points"].toArray();
        const QJsonObject tenDeleted = deletionPoints.size() > 10 ? deletionPoints[10].toObject() : deletionPoints.last().toObject();
        // Smoothness of the reorder curve: the largest drop of mean accuracy between neighbours.
        double largestStep = 0;
        const QJsonArray reorderPoints = reorder["points"].toArray();
        for (int i = 1; i < reorderPoints.size(); ++i)
            largestStep = std::max(largestStep, reorderPoints[i - 1].toObject()["mean"].toDouble()
                                                    - reorderPoints[i].toObject()["mean"].toDouble());
        const int active = paths["active"].toInt();
        const QJsonObject effective = gradients["effective"].toObject();

        QString rows;
        auto row = [&](const QString &figure, const QString &ours, const QString &paper) {
            rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>\n").arg(figure, ours, paper);
        };
        row(QStringLiteral("Fig. 3, single deletion"),
            QStringLiteral("baseline %1; mean %2 and worst %3 over non-downsampling blocks")
                .arg(percent(baseline), percent(count ? sum / count : 0), percent(worst)),
            QStringLiteral("ResNet: small drops except at downsampling blocks; plain (VGG): chance level"));
        row(QStringLiteral("Fig. 5a, random deletion"),
            QStringLiteral("%1 blocks deleted: %2 ± %3")
                .arg(tenDeleted["deleted"].toInt())
                .arg(percent(tenDeleted["mean"].toDouble()), percent(tenDeleted["std"].toDouble())),
            QStringLiteral("accuracy falls smoothly with the number of deleted blocks"));
        row(QStringLiteral("Fig. 5b, reordering"),
            QStringLiteral("largest drop between neighbouring swap counts: %1 pp").arg(100 * largestStep, 0, 'f', 2),
            QStringLiteral("accuracy falls smoothly as Kendall's tau decreases"));
        row(QStringLiteral("Fig. 6a, path lengths"),
            QStringLiteral("%1 active blocks; lengths 5–17 hold %2 of paths").arg(active).arg(percent(shareOfPaths(active, 5, 17))),
            QStringLiteral("54 blocks; lengths 5–17 hold 0.45%, 19–35 more than 95%"));
        row(QStringLiteral("Fig. 6b/c, effective paths"),
            QStringLiteral("lengths %1–%2, %3 of all paths")
                .arg(effective["from"].toInt()).arg(effective["to"].toInt())
                .arg(percent(effective["share_of_paths"].toDouble())),
            QStringLiteral("lengths 5–17, 0.45% of all paths"));

        QString figuresHtml;
        for (const Outcome &outcome : outcomes)
            figuresHtml += QStringLiteral("<figure><img src=\"%1.png\" alt=\"%1\"><figcaption>%1: "
                                          "<a href=\"%1.pdf\">PDF</a> · <a href=\"%1.svg\">SVG</a> · "
                                          "<a href=\"%1.csv\">CSV</a> · <a href=\"%1.json\">JSON</a></figcaption></figure>\n")
                               .arg(outcome.name);
        return QStringLiteral(
                   "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>pathlens report</title>\n"
                   "<style>body{font-family:sans-serif;max-width:1400px;margin:2em auto;color:#111}"
                   "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;text-align:left}"
                   "figure{display:inline-block;margin:1em;width:640px}img{width:100%}</style></head><body>\n"
                   "<h1>pathlens report</h1>\n<p>Model <code>%1</code>. %2 Written in %3 s.</p>\n"
                   "<h2>Key numbers next to the paper's</h2>\n<table><tr><th>figure</th><th>ours</th>"
                   "<th>Veit et al. 2016 (CIFAR-10, ResNet-110)</th></tr>\n%4</table>\n<h2>Figures</h2>\n%5</body></html>\n")
            .arg(modelPath.toHtmlEscaped(),
                 quick ? QStringLiteral("Quick version: few images and samples, numbers are rough.")
                       : QStringLiteral("Single deletion on 2,000 test images, sweeps on 1,000 with 5 samples per point, "
                                        "gradients from 10 batches of 32 training images per length."))
            .arg(seconds, 0, 'f', 0)
            .arg(rows, figuresHtml);
    }

    static QJsonArray numbers(const std::vector<double> &values)
    {
        QJsonArray array;
        for (double value : values)
            array.append(value);
        return array;
    }

    int seed() const
    {
        bool ok = false;
        const int value = m_parser.value(QStringLiteral("seed")).toInt(&ok);
        if (!ok)
            throw Error("--seed: expected a whole number, got '" + m_parser.value(QStringLiteral("seed")).toStdString() + "'");
        return value;
    }

    struct LesionData
    {
        figures::LesionSeries series;
        EvalResult result;
    };

    LesionData runLesion(Session &session, const QString &label)
    {
        const NetworkInfo &info = session.engine->info();
        const int n = int(info.blocks.size());
        LesionData data;
        if (m_merged) {
            data.result = *m_merged->lesion;
        } else {
            // Blocks that cannot be deleted (a plain network's shape-changing layers) get no number
            // (NaN, correct -1), and so do the blocks of other shards.
            const SingleDeletions plan = singleDeletions(info, m_shard);
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
            if (plan.original && m_shard.ownsBaseline()) {
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

    // Paper Figure 3: the baseline and the accuracy with each single block deleted; with
    // --compare, a second model (the plain control, a stochastic-depth twin) on the same axes.
    Outcome lesion(const QString &modelPath, const QString &comparePath, int64_t images)
    {
        Session session = open(modelPath, QStringLiteral("test"), images);
        const NetworkInfo &info = session.engine->info();
        LesionData main = runLesion(session, modelName(*session.network));
        std::vector<figures::LesionSeries> series{main.series};
        if (!comparePath.isEmpty()) {
            Session other = open(comparePath, QStringLiteral("test"), images);
            series.push_back(runLesion(other, modelName(*other.network)).series);
        }
        const EvalResult &result = main.result;
        Outcome outcome;
        outcome.name = QStringLiteral("lesion");
        outcome.figure = [title = figureTitle(QStringLiteral("Deleting single blocks"), session), series] {
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
        if (m_sharded)
            sharding::annotateLesion(outcome.json, result, m_shard);
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

    // delete-k (Fig. 5a) and reorder (Fig. 5b): accuracy against k with mean and spread.
    Outcome sweep(const QString &modelPath, bool reorder, const Limits &limits, int maxK)
    {
        Session session = open(modelPath, QStringLiteral("test"), limits.images);
        const NetworkInfo &info = session.engine->info();
        const auto progress = [](const EvalProgress &p) { showProgress("sweep", p); };
        const bool all = m_parser.isSet(QStringLiteral("all-blocks"));
        const SweepResult result
            = m_merged ? *(reorder ? m_merged->reorder : m_merged->deleteK)
            : reorder  ? reorderSweep(*session.engine, maxK, limits.samples, seed(), progress, &interrupted(), m_shard)
                       : deleteKSweep(*session.engine, std::min(maxK, int(deletableBlocks(info, all).size())),
                                      limits.samples, seed(), all, progress, &interrupted(), m_shard);
        session.showNewNotices();
        stopIfInterrupted(result.cancelled);
        const QString kName = reorder ? QStringLiteral("swaps") : QStringLiteral("deleted");
        Outcome outcome;
        outcome.name = reorder ? QStringLiteral("reorder") : QStringLiteral("delete-k");
        outcome.figure = [title = figureTitle(reorder ? QStringLiteral("Reordering blocks")
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
                                   {"seed", seed()},        {"seconds", result.seconds},
                                   {"points", points}};
        if (m_sharded)
            sharding::annotateSweep(outcome.json, result, m_shard);
        return outcome;
    }

    // Fig. 6a and 7: needs no data, only the number of blocks.
    Outcome paths(const QString &modelPath, std::vector<int> counts)
    {
        const auto network = Network::load(modelPath.toStdString());
        const NetworkInfo info = network->describe(network->defaultInputShape());
        const int blocks = int(info.blocks.size());
        const Arrangement arrangement = arrangementFromFlags(blocks);
        if (const auto why = whyInvalid(info, arrangement))
            throw Error("invalid arrangement: " + *why);
        const int active = activeCount(arrangement);
        if (blocks - active > 0)
            counts.push_back(blocks - active);
        Outcome outcome;
        outcome.name = QStringLiteral("paths");
        QJsonObject surviving;
        std::map<int, std::vector<double>> columns;
        outcome.csv = QStringLiteral("length,fraction_of_paths");
        for (int d : counts) {
            if (d < 0 || d > blocks || columns.count(d))
                continue;
            columns[d] = survivingFraction(blocks, d);
            surviving.insert(QString::number(d), numbers(columns[d]));
        }
        for (const auto &column : columns)
            outcome.csv += QStringLiteral(",surviving_after_%1_deleted").arg(column.first);
        outcome.csv += "\n";
        const auto distribution = pathLengthDistribution(active);
        for (int k = 0; k <= blocks; ++k) {
            outcome.csv += QStringLiteral("%1,%2").arg(k).arg(k <= active ? distribution[k] : 0.0, 0, 'g', 12);
            for (const auto &column : columns)
                outcome.csv += QStringLiteral(",%1").arg(column.second[k], 0, 'g', 12);
            outcome.csv += "\n";
        }
        outcome.json = QJsonObject{{"model", modelPath}, {"blocks", blocks}, {"active", active},
                                   {"distribution", numbers(distribution)}, {"surviving", surviving}};
        outcome.figure = [title = QStringLiteral("Path lengths — %1, %2 of %3 blocks active")
                                      .arg(modelName(*network)).arg(active).arg(blocks),
                          distribution, columns] { return figures::paths(title, distribution, columns); };
        // The central 95% of path lengths (2.5th to 97.5th percentile).
        int from = 0;
        int to = active;
        double cumulative = 0;
        for (int k = 0; k <= active; ++k) {
            cumulative += distribution[k];
            if (cumulative < 0.025)
                from = k + 1;
            if (cumulative >= 0.975) {
                to = k;
                break;
            }
        }
        QTextStream text(&outcome.text);
        text << QStringLiteral("%1 active of %2 blocks: 2^%1 = %3 paths; lengths 0..%1 ~ Binomial(%1, 1/2)\n")
                    .arg(active).arg(blocks).arg(std::ldexp(1.0, active), 0, 'g', 4)
             << QStringLiteral("lengths %1..%2 hold %3% of all paths\n\n")
                    .arg(from).arg(to).arg(100 * shareOfPaths(active, from, to), 0, 'f', 1)
             << outcome.csv;
        return outcome;
    }

    Outcome gradients(const QString &modelPath, const Limits &limits)
    {
        Session session = open(modelPath, QStringLiteral("train"), limits.images);
        const Arrangement arrangement = arrangementFromFlags(session.network->blockCount());
        GradientOptions options;
        options.samplesPerLength = limits.gradientSamples;
        options.batchSize = limits.gradientBatch;
        options.seed = uint64_t(seed());
        options.shard = m_shard;
        const auto started = std::chrono::steady_clock::now();
        const GradientResult result = m_merged ? *m_merged->gradients
                                               : measureGradients(*session.engine, arrangement, options,
                                                                  [&](int done, int total, const GradientResult &) {
                                                                      showCounter("gradients", done, total, started);
                                                                  },
                                                                  &interrupted());
        stopIfInterrupted(result.cancelled);
        Outcome outcome;
        outcome.name = QStringLiteral("gradients");
        outcome.figure = [title = figureTitle(QStringLiteral("Gradient per path length"), session), result] {
            return figures::gradients(title, result);
        };
        outcome.csv = QStringLiteral("length,mean,std,samples,paths,total\n");
        const auto counts = pathCounts(int(result.lengths.size()) - 1);
        QJsonArray lengths;
        QJsonArray samples;
        for (size_t k = 0; k < result.lengths.size(); ++k) {
            outcome.csv += QStringLiteral("%1,%2,%3,%4,%5,%6\n").arg(k).arg(result.mean[k], 0, 'g', 10)
                               .arg(result.std[k], 0, 'g', 10).arg(result.samples[k]).arg(counts[k], 0, 'g', 17)
                               .arg(result.total[k], 0, 'g', 10);
            lengths.append(result.lengths[k]);
            samples.append(result.samples[k]);
        }
        outcome.json = QJsonObject{{"model", modelPath},
                                   {"lengths", lengths},
                                   {"mean", numbers(result.mean)},
                                   {"std", numbers(result.std)},
                                   {"samples", samples},
                                   {"total", numbers(result.total)},
                                   {"effective", QJsonObject{{"from", result.effectiveFrom},
                                                             {"to", result.effectiveTo},
                                                             {"share_of_paths", result.effectiveShare}}},
                                   {"batch", options.batchSize},
                                   {"seconds", result.seconds}};
        if (m_sharded)
            sharding::annotateGradients(outcome.json, result, options.samplesPerLength);
        QTextStream(&outcome.text)
            << QStringLiteral("effective paths: lengths %1..%2, %3% of all paths (the paper, ResNet-110: 5..17, 0.45%)\n"
                              "%4 samples per length, batches of %5 training images, %6 s\n\n")
                   .arg(result.effectiveFrom).arg(result.effectiveTo).arg(100 * result.effectiveShare, 0, 'g', 3)
                   .arg(options.samplesPerLength).arg(options.batchSize).arg(result.seconds, 0, 'f', 1)
            << outcome.csv;
        return outcome;
    }

    QCommandLineParser &m_parser;
    // --shard I/N: this run does the shard's share and prints a part for `merge`.
    bool m_sharded = false;
    Shard m_shard;
    QJsonObject m_agreed; // the options every part of the run must share, taken when the first session opens
    // merge: the joined results, shown as the unsharded command would show them.
    const sharding::MergedRun *m_merged = nullptr;
};

} // namespace

int main(int argc, char **argv)
{
    // Figures are drawn with Qt Widgets, which need a QApplication; the CLI never shows a
    // window, so it draws offscreen and needs no display. Commands without figures stay Core-only.
    bool drawsFigures = false;
    bool merge = false; // merge --out DIR writes a report
    bool writesFolder = false;
    for (int i = 1; i < argc; ++i) {
        drawsFigures |= std::strcmp(argv[i], "report") == 0 || std::strncmp(argv[i], "--plot", 6) == 0;
        merge |= std::strcmp(argv[i], "merge") == 0;
        writesFolder |= std::strncmp(argv[i], "--out", 5) == 0;
    }
    drawsFigures |= merge && writesFolder;
    if (drawsFigures && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app(drawsFigures ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("pathlens-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PATHLENS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Residual networks as ensembles of paths, headless.\n\n"
        "Commands:\n"
        "  info [MODEL]     blocks, stages, shapes, downsampling flags, parameter count\n"
        "  eval [MODEL]     accuracy of one arrangement (--delete, --order)\n"
        "  lesion [MODEL]   baseline and accuracy with each single block deleted (Fig. 3)\n"
        "  delete-k [MODEL] accuracy vs number of randomly deleted blocks (Fig. 5a)\n"
        "  reorder [MODEL]  accuracy vs number of swapped block pairs, Kendall's tau (Fig. 5b)\n"
        "  paths [MODEL]    path-length distribution and fraction of paths surviving deletion (Fig. 6a, 7)\n"
        "  gradients [MODEL] gradient magnitude per path length, effective paths (Fig. 6b, 6c)\n"
        "  report [MODEL] --out DIR  every figure as PDF, SVG and PNG, CSV files and index.html\n"
        "  train --out FILE  trains a demo model (--arch preact|postact|plain, --depth, --stochastic-depth)\n"
        "  merge PART.json... joins the parts of a --shard I/N run into what the unsharded run writes\n\n"
        "MODEL defaults to the bundled model. Block indices are 0-based, as `info` lists them."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("info, eval, lesion, delete-k, reorder, paths, gradients, report or merge"));
    parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("TorchScript model file (.pt)"), QStringLiteral("[MODEL]"));
    parser.addOptions({
        {QStringLiteral("data"), QStringLiteral("Data set folder or file (default: Fashion-MNIST)."), QStringLiteral("PATH")},
        {QStringLiteral("data-format"), QStringLiteral("auto, idx, cifar10 or images (a folder with one sub-folder per class)."), QStringLiteral("FORMAT"), QStringLiteral("auto")},
        {QStringLiteral("split"), QStringLiteral("test or train (default: test; train for gradients)."), QStringLiteral("SPLIT")},
        {QStringLiteral("limit"), QStringLiteral("Use only the first N images."), QStringLiteral("N")},
        {QStringLiteral("batch"), QStringLiteral("Images per batch (default 64 on the CPU, 500 on a GPU; gradients 32, train 128)."), QStringLiteral("B")},
        {QStringLiteral("device"), QStringLiteral("cpu, cuda or auto."), QStringLiteral("DEVICE"), QStringLiteral("auto")},
        {QStringLiteral("threads"), QStringLiteral("CPU threads (default: all cores)."), QStringLiteral("T")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (for sampling experiments)."), QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("mean"), QStringLiteral("Per-channel mean, comma-separated (overrides metadata)."), QStringLiteral("M")},
        {QStringLiteral("std"), QStringLiteral("Per-channel std, comma-separated (overrides metadata)."), QStringLiteral("S")},
        {QStringLiteral("delete"), QStringLiteral("eval: blocks to delete, e.g. 3,7."), QStringLiteral("LIST")},
        {QStringLiteral("order"), QStringLiteral("eval: block order, a permutation of 0..n-1."), QStringLiteral("LIST")},
        {QStringLiteral("max-k"), QStringLiteral("delete-k: largest number of deleted blocks (default 20)."), QStringLiteral("K")},
        {QStringLiteral("all-blocks"), QStringLiteral("delete-k: downsampling blocks may be deleted too.")},
        {QStringLiteral("max-swaps"), QStringLiteral("reorder: largest number of swapped pairs (default 20)."), QStringLiteral("K")},
        {QStringLiteral("samples"), QStringLiteral("Samples per point (default 10)."), QStringLiteral("S")},
        {QStringLiteral("deleted-counts"), QStringLiteral("paths: numbers of deleted blocks to show (default 1,10,20)."), QStringLiteral("LIST")},
        {QStringLiteral("plot"), QStringLiteral("Also draw the figure: FILE.pdf, .svg or .png."), QStringLiteral("FILE")},
        {QStringLiteral("dpi"), QStringLiteral("Resolution of PNG figures (default 96)."), QStringLiteral("DPI")},
        {QStringLiteral("compare"), QStringLiteral("lesion: a second model on the same axes (plain control, stochastic depth)."), QStringLiteral("MODEL")},
        {QStringLiteral("out"), QStringLiteral("report: output folder; train: the model file."), QStringLiteral("PATH")},
        {QStringLiteral("quick"), QStringLiteral("report: a rough version in under a minute.")},
        {QStringLiteral("arch"), QStringLiteral("train: preact, postact or plain (default preact)."), QStringLiteral("ARCH"), QStringLiteral("preact")},
        {QStringLiteral("depth"), QStringLiteral("train: 6n + 2 layers (default 110)."), QStringLiteral("D")},
        {QStringLiteral("stochastic-depth"), QStringLiteral("train: survival probability p_L of the last block (e.g. 0.5)."), QStringLiteral("P")},
        {QStringLiteral("epochs"), QStringLiteral("train: epochs (default 10)."), QStringLiteral("E")},
        {QStringLiteral("lr"), QStringLiteral("train: peak learning rate (default 0.1)."), QStringLiteral("LR")},
        {QStringLiteral("no-flip"), QStringLiteral("train: no random horizontal flips.")},
        {QStringLiteral("resume"), QStringLiteral("train: continue from the checkpoint beside --out.")},
        {QStringLiteral("cache-mb"), QStringLiteral("Activation cache budget in MiB (default 1024)."), QStringLiteral("MB")},
        {QStringLiteral("no-reuse"), QStringLiteral("Run every arrangement from the input (for timing).")},
        precisionOption(),
        {QStringLiteral("json"), QStringLiteral("Print the result as JSON on stdout.")},
        {QStringLiteral("csv"), QStringLiteral("Also write the numbers as CSV."), QStringLiteral("FILE")},
        {QStringLiteral("shard"), QStringLiteral("lesion, delete-k, reorder, gradients, report: do shard I of N of the work "
                                                 "(0-based) and print a part for merge."), QStringLiteral("I/N")},
    });
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "pathlens-cli: %s\n", qPrintable(parser.errorText()));
        return exitError;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        std::fprintf(stderr, "pathlens-cli: no command given; see pathlens-cli --help\n");
        return exitError;
    }
    interrupted(); // constructed before the handler can run
    std::signal(SIGINT, [](int) { interrupted().cancel(); });
    try {
        const int code = Cli(parser).run(arguments[0], arguments);
        // The result on stdout is output like any file: a full disk or a closed pipe is an error.
        out().flush();
        if (out().status() != QTextStream::Ok || std::fflush(stdout) != 0 || std::ferror(stdout))
            throw Error("standard output: cannot write the result (" + std::string(std::strerror(errno)) + ")");
        return code;
    } catch (const Interrupted &) {
        std::fprintf(stderr, "\npathlens-cli: stopped by Ctrl-C; files written before are kept\n");
        return 130;
    } catch (const Error &e) {
        std::fprintf(stderr, "pathlens-cli: %s\n", e.what());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "pathlens-cli: unexpected failure: %s\n", e.what());
    }
    return exitError;
}
