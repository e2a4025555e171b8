// pathlens-cli: the paper's experiments without a display (DESIGN.md section 8).
// Errors go to stderr and exit with code 2.

#include "arrangement.h"
#include "dataset.h"
#include "defaults.h"
#include "engine.h"
#include "error.h"
#include "network.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
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

// A progress line on the terminal only; pipes and logs stay clean.
void showProgress(const char *what, const EvalProgress &progress)
{
    if (!isatty(fileno(stderr)))
        return;
    std::fprintf(stderr, "\r%s: %lld / %lld images", what, static_cast<long long>(progress.imagesDone),
                 static_cast<long long>(progress.imagesTotal));
    if (progress.imagesDone == progress.imagesTotal)
        std::fprintf(stderr, "\n");
    std::fflush(stderr);
}

void writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw Error(path.toStdString() + ": cannot write (" + file.errorString().toStdString() + ")");
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
        const QString modelPath = arguments.value(1, defaultModelPath());
        if (arguments.size() > 2)
            throw Error("unexpected argument '" + arguments[2].toStdString() + "'");
        if (command == QLatin1String("info"))
            return info(modelPath);
        if (command == QLatin1String("eval"))
            return evaluate(modelPath);
        if (command == QLatin1String("lesion"))
            return lesion(modelPath);
        throw Error("unknown command '" + command.toStdString() + "'; see pathlens-cli --help");
    }

private:
    bool json() const { return m_parser.isSet(QStringLiteral("json")); }

    Session open(const QString &modelPath)
    {
        Session session;
        session.network = Network::load(modelPath.toStdString());
        const QString dataPath = m_parser.isSet(QStringLiteral("data")) ? m_parser.value(QStringLiteral("data"))
                                                                         : QString::fromStdString(defaultDatasetPath());
        const QString split = m_parser.value(QStringLiteral("split"));
        if (split != QLatin1String("test") && split != QLatin1String("train"))
            throw Error("--split: expected test or train, got '" + split.toStdString() + "'");
        Dataset data = loadDataset(dataPath.toStdString(), split == QLatin1String("train") ? Split::Train : Split::Test,
                                   m_parser.value(QStringLiteral("data-format")).toStdString());
        if (m_parser.isSet(QStringLiteral("limit")))
            truncate(data, parsePositive(m_parser, QStringLiteral("limit"), 0));
        EngineOptions options;
        options.device = parseDevice(m_parser.value(QStringLiteral("device")).toStdString());
        options.threads = parsePositive(m_parser, QStringLiteral("threads"), 0);
        options.batchSize = parsePositive(m_parser, QStringLiteral("batch"), options.batchSize);
        options.cacheBytes = int64_t(parsePositive(m_parser, QStringLiteral("cache-mb"), 1024)) << 20;
        options.reuseActivations = !m_parser.isSet(QStringLiteral("no-reuse"));
        if (m_parser.isSet(QStringLiteral("mean")))
            options.mean = parseFloatList(m_parser.value(QStringLiteral("mean")), QStringLiteral("mean"));
        if (m_parser.isSet(QStringLiteral("std")))
            options.std = parseFloatList(m_parser.value(QStringLiteral("std")), QStringLiteral("std"));
        session.engine = std::make_unique<Engine>(session.network, data, options);
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
            {arrangement}, 0, -1, [](const EvalProgress &p) { showProgress("eval", p); });
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

    // Paper Figure 3: the baseline and the accuracy with each single block deleted.
    int lesion(const QString &modelPath)
    {
        Session session = open(modelPath);
        const NetworkInfo &info = session.engine->info();
        const int n = int(info.blocks.size());
        std::vector<Arrangement> arrangements{identityArrangement(n)};
        for (int i = 0; i < n; ++i)
            arrangements.push_back(withDeleted(identityArrangement(n), {i}));
        const EvalResult result = session.engine->evaluate(
            arrangements, 0, -1, [](const EvalProgress &p) { showProgress("lesion", p); });

        QString csv = QStringLiteral("index,name,stage,downsampling,accuracy,baseline\n");
        QJsonArray blocks;
        for (const BlockInfo &block : info.blocks) {
            const double accuracy = result.accuracy[block.index + 1];
            blocks.append(QJsonObject{{"index", block.index},
                                      {"name", QString::fromStdString(block.name)},
                                      {"stage", block.stage},
                                      {"downsampling", block.downsampling},
                                      {"accuracy", accuracy}});
            csv += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                       .arg(block.index)
                       .arg(QString::fromStdString(block.name))
                       .arg(block.stage)
                       .arg(block.downsampling ? 1 : 0)
                       .arg(accuracy, 0, 'g', 10)
                       .arg(result.accuracy[0], 0, 'g', 10);
        }
        if (m_parser.isSet(QStringLiteral("csv")))
            writeFileAtomically(m_parser.value(QStringLiteral("csv")), csv.toUtf8());
        if (json()) {
            out() << QJsonDocument(QJsonObject{{"model", modelPath},
                                               {"images", qint64(result.images)},
                                               {"baseline", result.accuracy[0]},
                                               {"seconds", result.seconds},
                                               {"blocks", blocks}})
                         .toJson(QJsonDocument::Indented);
            return 0;
        }
        out() << QStringLiteral("baseline accuracy %1 on %2 images; %3 arrangements in %4 s on %5\n\n")
                     .arg(result.accuracy[0], 0, 'f', 4)
                     .arg(result.images)
                     .arg(arrangements.size())
                     .arg(result.seconds, 0, 'f', 2)
                     .arg(QString::fromStdString(session.engine->deviceName()));
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                     .arg("#", 3).arg("deleted block", -14).arg("stage", 5).arg("down", 4).arg("accuracy", 8).arg("change", 8);
        for (const BlockInfo &block : info.blocks) {
            const double accuracy = result.accuracy[block.index + 1];
            out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                         .arg(block.index, 3)
                         .arg(QString::fromStdString(block.name), -14)
                         .arg(block.stage, 5)
                         .arg(block.downsampling ? QStringLiteral("yes") : QString(), 4)
                         .arg(accuracy, 8, 'f', 4)
                         .arg(QStringLiteral("%1%2").arg(accuracy >= result.accuracy[0] ? "+" : "")
                                  .arg(100 * (accuracy - result.accuracy[0]), 0, 'f', 2) + " pp", 8);
        }
        return 0;
    }

    QCommandLineParser &m_parser;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pathlens-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PATHLENS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Residual networks as ensembles of paths, headless.\n\n"
        "Commands:\n"
        "  info [MODEL]     blocks, stages, shapes, downsampling flags, parameter count\n"
        "  eval [MODEL]     accuracy of one arrangement (--delete, --order)\n"
        "  lesion [MODEL]   baseline and accuracy with each single block deleted\n\n"
        "MODEL defaults to the bundled model. Block indices are 0-based, as `info` lists them."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("info, eval or lesion"));
    parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("TorchScript model file (.pt)"), QStringLiteral("[MODEL]"));
    parser.addOptions({
        {QStringLiteral("data"), QStringLiteral("Data set folder or file (default: Fashion-MNIST)."), QStringLiteral("PATH")},
        {QStringLiteral("data-format"), QStringLiteral("auto, idx or cifar10."), QStringLiteral("FORMAT"), QStringLiteral("auto")},
        {QStringLiteral("split"), QStringLiteral("test or train."), QStringLiteral("SPLIT"), QStringLiteral("test")},
        {QStringLiteral("limit"), QStringLiteral("Use only the first N images."), QStringLiteral("N")},
        {QStringLiteral("batch"), QStringLiteral("Images per batch (default 64)."), QStringLiteral("B")},
        {QStringLiteral("device"), QStringLiteral("cpu, cuda or auto."), QStringLiteral("DEVICE"), QStringLiteral("auto")},
        {QStringLiteral("threads"), QStringLiteral("CPU threads (default: all cores)."), QStringLiteral("T")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (for sampling experiments)."), QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("mean"), QStringLiteral("Per-channel mean, comma-separated (overrides metadata)."), QStringLiteral("M")},
        {QStringLiteral("std"), QStringLiteral("Per-channel std, comma-separated (overrides metadata)."), QStringLiteral("S")},
        {QStringLiteral("delete"), QStringLiteral("eval: blocks to delete, e.g. 3,7."), QStringLiteral("LIST")},
        {QStringLiteral("order"), QStringLiteral("eval: block order, a permutation of 0..n-1."), QStringLiteral("LIST")},
        {QStringLiteral("cache-mb"), QStringLiteral("Activation cache budget in MiB (default 1024)."), QStringLiteral("MB")},
        {QStringLiteral("no-reuse"), QStringLiteral("Run every arrangement from the input (for timing).")},
        {QStringLiteral("json"), QStringLiteral("Print the result as JSON on stdout.")},
        {QStringLiteral("csv"), QStringLiteral("Also write the numbers as CSV."), QStringLiteral("FILE")},
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
    try {
        return Cli(parser).run(arguments[0], arguments);
    } catch (const Error &e) {
        std::fprintf(stderr, "pathlens-cli: %s\n", e.what());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "pathlens-cli: unexpected failure: %s\n", e.what());
    }
    return exitError;
}
