#include "context.h"

#include "commands.h"
#include "defaults.h"
#include "error.h"
#include "safefile.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <qcustomplot.h>

#include <cstdio>
#include <unistd.h>

namespace pathlens::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

std::vector<int> parseIndexList(const QString &text, const QString &option)
{
    // Single indices and ranges FIRST-LAST, as --parallel and --repeat take them: "3,8-15".
    std::vector<int> values;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("^\\s*(\\d+)\\s*(-\\s*(\\d+)\\s*)?$")).match(item);
        if (!match.hasMatch())
            throw Error("--" + option.toStdString() + ": '" + item.toStdString() + "' is not a block index or a range FIRST-LAST");
        const int first = match.captured(1).toInt();
        const int last = match.hasCaptured(3) ? match.captured(3).toInt() : first;
        if (first > last)
            throw Error("--" + option.toStdString() + ": '" + item.toStdString() + "': the first index comes after the last");
        for (int value = first; value <= last; ++value)
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

double parseNumber(const QString &text, const QString &option)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok)
        throw Error("--" + option.toStdString() + ": '" + text.toStdString() + "' is not a number");
    return value;
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

CancelToken &interrupted()
{
    static CancelToken token;
    return token;
}

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

void warnAbout(const Dataset &data)
{
    if (!data.note.empty())
        std::fprintf(stderr, "pathlens-cli: warning: %s\n", data.note.c_str());
}

void writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    writeFileSafely(path.toStdString(), bytes.toStdString());
}

void checkModelFile(const QString &path)
{
    if (!QFileInfo::exists(path))
        throw Error(path.toStdString() + ": no such file");
    checkReadableFile(path.toStdString());
}

Json jsonObject(const std::string &text)
{
    return json::object(json::parse(text).value_or(Json()));
}

void Session::showNewNotices()
{
    const std::vector<std::string> all = engine->notices();
    for (; noticesShown < all.size(); ++noticesShown)
        std::fprintf(stderr, "pathlens-cli: note: %s\n", all[noticesShown].c_str());
}

Context::Context(QCommandLineParser &parser)
    : m_parser(parser)
{
}

int Context::run(const QString &command, const QStringList &arguments)
{
    const Command *found = findCommand(command);
    if (found && found->readsParts)
        return found->run(*this, QString(), arguments);
    if (m_parser.isSet(QStringLiteral("shard"))) {
        m_shard = sharding::shardFromOptions(m_parser, command);
        m_sharded = true;
    }
    const QString modelPath = arguments.value(1, defaultModelPath());
    if (arguments.size() > 2)
        throw Error("unexpected argument '" + arguments[2].toStdString() + "'");
    checkPathsFirst(command, modelPath);
    if (!found)
        throw Error("unknown command '" + command.toStdString() + "'; see pathlens-cli --help");
    return found->run(*this, modelPath, arguments);
}

void Context::checkPathsFirst(const QString &command, const QString &modelPath) const
{
    if (command != QLatin1String("train") && command != QLatin1String("merge") && QFileInfo::exists(modelPath))
        checkReadableFile(modelPath.toStdString());
    for (const QString &other : values("compare"))
        checkModelFile(other);
    if (isSet("csv"))
        checkOutputPath(value("csv").toStdString());
    if (isSet("plot")) {
        const QString plot = value("plot");
        const QString suffix = QFileInfo(plot).suffix().toLower();
        if (suffix != QLatin1String("pdf") && suffix != QLatin1String("svg") && suffix != QLatin1String("png"))
            throw Error(plot.toStdString() + ": unknown figure format '" + suffix.toStdString() + "', use .pdf, .svg or .png");
        checkOutputPath(plot.toStdString());
    }
    if (command == QLatin1String("train") && isSet("out"))
        checkOutputPath(value("out").toStdString());
}

Session Context::open(const QString &modelPath, const QString &defaultSplit, int64_t images)
{
    Session session;
    session.network = Network::load(modelPath.toStdString());
    const QString dataPath = isSet("data") ? value("data") : QString::fromStdString(defaultDatasetPath());
    const QString split = isSet("split") ? value("split") : defaultSplit;
    if (split != QLatin1String("test") && split != QLatin1String("train"))
        throw Error("--split: expected test or train, got '" + split.toStdString() + "'");
    Dataset data = loadAnyDataset(dataPath.toStdString(), split == QLatin1String("train") ? Split::Train : Split::Test,
                                  value("data-format").toStdString(), session.network->defaultInputShape());
    warnAbout(data);
    if (isSet("limit"))
        images = parsePositive(m_parser, QStringLiteral("limit"), 0);
    if (isSet("balanced"))
        data = stratifiedSubset(data, images); // the GUI's live subset: its numbers, image for image
    else
        truncate(data, images);
    EngineOptions options;
    options.device = parseDevice(value("device").toStdString());
    options.threads = parsePositive(m_parser, QStringLiteral("threads"), 0);
    options.batchSize = parsePositive(m_parser, QStringLiteral("batch"), options.batchSize);
    options.cacheBytes = int64_t(parsePositive(m_parser, QStringLiteral("cache-mb"), 1024)) << 20;
    options.reuseActivations = !isSet("no-reuse");
    options.precision = precisionFromOptions(m_parser);
    if (isSet("mean"))
        options.mean = parseFloatList(value("mean"), QStringLiteral("mean"));
    if (isSet("std"))
        options.std = parseFloatList(value("std"), QStringLiteral("std"));
    if (m_merged)
        options.device = DeviceChoice::Cpu; // merge computes nothing; its session only describes the run
    session.engine = std::make_unique<Engine>(session.network, data, options);
    session.classNames = data.classNames;
    if (m_sharded && m_agreed.empty())
        m_agreed = sharding::agreedOptions(m_parser, modelPath, dataPath, seed(), session.engine->deviceName(),
                                           session.engine->batchSize(), session.engine->threads());
    if (!session.network->warning().empty())
        std::fprintf(stderr, "pathlens-cli: warning: %s\n", session.network->warning().c_str());
    if (!session.network->note().empty())
        std::fprintf(stderr, "pathlens-cli: note: %s\n", session.network->note().c_str());
    session.showNewNotices();
    return session;
}

Arrangement Context::arrangementFromFlags(int blockCount) const
{
    Arrangement arrangement = identityArrangement(blockCount);
    if (isSet("order"))
        arrangement = withOrder(arrangement, parseIndexList(value("order"), "order"));
    if (isSet("delete"))
        arrangement = withDeleted(arrangement, parseIndexList(value("delete"), "delete"));
    // Slot positions FIRST-LAST, after the order and deletions above; ":mean" averages a group.
    const auto range = [](const QString &text, const char *option, Join *join) {
        const QRegularExpressionMatch match
            = QRegularExpression(QStringLiteral("^\\s*(\\d+)\\s*-\\s*(\\d+)\\s*(:\\s*(sum|mean))?\\s*$")).match(text);
        if (!match.hasMatch() || (!join && match.hasCaptured(3)))
            throw Error(std::string("--") + option + ": '" + text.toStdString() + "' is not a range of slots FIRST-LAST"
                        + (join ? " (with :mean to average the branches)" : ""));
        if (join)
            *join = match.captured(4) == QLatin1String("mean") ? Join::Mean : Join::Sum;
        return std::pair<int, int>{match.captured(1).toInt(), match.captured(2).toInt()};
    };
    std::vector<std::pair<int, int>> groups;
    for (const QString &text : values("parallel")) {
        Join join = Join::Sum;
        const auto [first, last] = range(text, "parallel", &join);
        if (first == last)
            throw Error("--parallel " + text.toStdString() + ": a parallel group needs at least two slots");
        for (const auto &[otherFirst, otherLast] : groups)
            if (first <= otherLast && otherFirst <= last) // two groups would silently become one
                throw Error("--parallel " + text.toStdString() + " overlaps --parallel " + std::to_string(otherFirst) + "-"
                            + std::to_string(otherLast));
        groups.emplace_back(first, last);
        arrangement = withParallel(arrangement, first, last, join);
    }
    if (isSet("repeat")) {
        const auto [first, last] = range(value("repeat"), "repeat", nullptr);
        arrangement = withRepeated(arrangement, first, last);
    }
    return arrangement;
}

Limits Context::limitsFromFlags() const
{
    Limits limits;
    limits.samples = parsePositive(m_parser, QStringLiteral("samples"), limits.samples);
    limits.gradientSamples = limits.samples;
    limits.gradientBatch = parsePositive(m_parser, QStringLiteral("batch"), limits.gradientBatch);
    return limits;
}

void Context::publish(Outcome &outcome)
{
    if (m_sharded) {
        outcome.json["shard"] = {{"index", m_shard.index}, {"count", m_shard.count}};
        outcome.json["agreed"] = m_agreed;
    }
    if (isSet("csv"))
        writeFileAtomically(value("csv"), outcome.csv.toUtf8());
    if (isSet("plot")) {
        figures::save(*outcome.figure(), value("plot"), figureSize());
        for (const Outcome::View &view : outcome.moreFigures)
            figures::save(*view.draw(), beside(value("plot"), view.tag), figureSize());
    }
    if (json())
        out() << QString::fromStdString(json::indented(outcome.json));
    else
        out() << outcome.text;
}

figures::Size Context::figureSize() const
{
    figures::Size size;
    size.dpi = parsePositive(m_parser, QStringLiteral("dpi"), size.dpi);
    return size;
}

QString Context::modelName(const Network &network)
{
    const Json metadata = json::parse(network.metadataJson()).value_or(Json());
    const QString name = QString::fromStdString(json::toString(json::member(metadata, "name")));
    return name.isEmpty() ? QFileInfo(QString::fromStdString(network.path())).fileName() : name;
}

QString Context::figureTitle(const QString &what, const Session &session, const QString &detail)
{
    return QStringLiteral("%1 — %2, %3 images%4")
        .arg(what, modelName(*session.network))
        .arg(session.engine->imageCount())
        .arg(detail.isEmpty() ? QString() : QStringLiteral(" — ") + detail); // the title's third line
}

QString beside(const QString &path, const QString &tag)
{
    const QFileInfo file(path);
    return file.dir().filePath(file.completeBaseName() + QLatin1Char('-') + tag + QLatin1Char('.') + file.suffix());
}

int Context::seed() const
{
    bool ok = false;
    const int number = value("seed").toInt(&ok);
    if (!ok)
        throw Error("--seed: expected a whole number, got '" + value("seed").toStdString() + "'");
    return number;
}

} // namespace pathlens::cli
