#include "sharding.h"

#include "error.h"
#include "safefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <map>

namespace pathlens::sharding {
namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

QJsonArray integers(const std::vector<int64_t> &values)
{
    QJsonArray array;
    for (int64_t value : values)
        array.append(qint64(value));
    return array;
}

// A shard that does not own the baseline has none to report; shard 0 reports its count too.
void annotateBaseline(QJsonObject &json, int64_t correct, const Shard &shard)
{
    if (shard.ownsBaseline())
        json.insert("baseline_correct", qint64(correct));
    else
        json.insert("baseline", QJsonValue());
}

struct Part
{
    QString file;
    QJsonObject json; // the whole file
    int index = 0;
    int count = 0;
};

Part readPart(const QString &file)
{
    checkReadableFile(str(file)); // a FIFO or a device would block the merge
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        throw Error(str(file) + ": cannot read (" + str(in.errorString()) + ")");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw Error(str(file) + ": not a JSON object (" + str(error.errorString()) + " at byte "
                    + std::to_string(error.offset) + ")");
    Part part;
    part.file = file;
    part.json = document.object();
    const QJsonObject shard = part.json.value("shard").toObject();
    if (shard.isEmpty() || !part.json.value("agreed").isObject())
        throw Error(str(file) + ": not the part of a sharded run (no \"shard\" and \"agreed\" objects); parts are "
                    "written by a command with --shard I/N --json");
    part.index = shard.value("index").toInt(-1);
    part.count = shard.value("count").toInt(0);
    if (part.count < 1 || part.index < 0 || part.index >= part.count)
        throw Error(str(file) + ": \"shard\" holds no valid index and count");
    return part;
}

// Every part must come from the same run: the same agreed options and the same number of shards,
// each shard exactly once.
void checkTogether(const std::vector<Part> &parts)
{
    const Part &first = parts.front();
    const QJsonObject agreed = first.json.value("agreed").toObject();
    for (const Part &part : parts) {
        if (part.count != first.count)
            throw Error(str(part.file) + " is shard " + std::to_string(part.index) + " of " + std::to_string(part.count)
                        + " but " + str(first.file) + " is one of " + std::to_string(first.count)
                        + ": parts of two different runs");
        const QJsonObject other = part.json.value("agreed").toObject();
        QStringList keys = agreed.keys() + other.keys();
        keys.removeDuplicates();
        // The named options first: "seed differs" says more than two long argument lists.
        keys.removeAll(QStringLiteral("arguments"));
        keys.append(QStringLiteral("arguments"));
        for (const QString &key : keys)
            if (agreed.value(key) != other.value(key)) {
                auto show = [](const QJsonValue &value) {
                    if (value.isUndefined())
                        return std::string("(absent)");
                    if (value.isString())
                        return str(value.toString());
                    QJsonArray wrapped{value};
                    const QByteArray text = QJsonDocument(wrapped).toJson(QJsonDocument::Compact);
                    return text.mid(1, text.size() - 2).toStdString();
                };
                throw Error(str(part.file) + " and " + str(first.file) + " are parts of two different runs: '" + str(key)
                            + "' is " + show(other.value(key)) + " in the one and " + show(agreed.value(key))
                            + " in the other");
            }
    }
    std::vector<const Part *> byIndex(first.count, nullptr);
    for (const Part &part : parts) {
        if (byIndex[part.index])
            throw Error("shard " + std::to_string(part.index) + "/" + std::to_string(part.count) + " given twice: "
                        + str(byIndex[part.index]->file) + " and " + str(part.file));
        byIndex[part.index] = &part;
    }
    std::string missing;
    int missingCount = 0;
    for (int i = 0; i < first.count; ++i)
        if (!byIndex[i]) {
            missing += (missing.empty() ? "" : ", ") + std::to_string(i);
            ++missingCount;
        }
    if (missingCount)
        throw Error(std::string(missingCount == 1 ? "shard " : "shards ") + missing + " of " + std::to_string(first.count)
                    + (missingCount == 1 ? " is" : " are") + " missing (shards are numbered from 0)");
}

// One experiment's JSON from each part, with the file it came from.
struct Piece
{
    QString file;
    QJsonObject json;
};

int64_t imagesOf(const std::vector<Piece> &pieces)
{
    const qint64 images = pieces.front().json.value("images").toInteger(-1);
    if (images < 1)
        throw Error(str(pieces.front().file) + ": no image count");
    for (const Piece &piece : pieces)
        if (piece.json.value("images").toInteger(-1) != images)
            throw Error(str(piece.file) + " and " + str(pieces.front().file) + " used different numbers of images");
    return images;
}

double secondsOf(const std::vector<Piece> &pieces)
{
    double seconds = 0;
    for (const Piece &piece : pieces)
        seconds += piece.json.value("seconds").toDouble();
    return seconds;
}

// The baseline's count, from the one part that owns it (shard 0).
int64_t baselineCorrectOf(const std::vector<Piece> &pieces)
{
    int64_t correct = -1;
    for (const Piece &piece : pieces)
        if (piece.json.contains("baseline_correct")) {
            if (correct >= 0)
                throw Error(str(piece.file) + ": a second baseline");
            correct = piece.json.value("baseline_correct").toInteger(-1);
        }
    if (correct < 0)
        throw Error("no part holds the baseline (it comes with shard 0)");
    return correct;
}

// The engine's own formula (engine.cpp), so that the fraction has the same bits.
double fraction(int64_t correct, int64_t images)
{
    return double(correct) / double(images);
}

EvalResult mergeLesion(const std::vector<Piece> &pieces)
{
    const int64_t images = imagesOf(pieces);
    const int n = pieces.front().json.value("block_count").toInt(-1);
    if (n < 0)
        throw Error(str(pieces.front().file) + ": no block count");
    EvalResult result;
    result.images = images;
    result.seconds = secondsOf(pieces);
    result.correct.assign(n + 1, -1);
    result.accuracy.assign(n + 1, std::nan(""));
    result.correct[0] = baselineCorrectOf(pieces);
    result.accuracy[0] = fraction(result.correct[0], images);
    std::vector<QString> from(n);
    for (const Piece &piece : pieces)
        for (const QJsonValue &value : piece.json.value("blocks").toArray()) {
            const QJsonObject block = value.toObject();
            const int i = block.value("index").toInt(-1);
            if (i < 0 || i >= n)
                throw Error(str(piece.file) + ": block index " + std::to_string(i) + " out of range");
            if (!from[i].isEmpty())
                throw Error("block " + std::to_string(i) + " appears in " + str(from[i]) + " and in " + str(piece.file));
            from[i] = piece.file;
            // A block that cannot be deleted has no count and no accuracy, as unsharded.
            if (block.value("correct").isDouble()) {
                result.correct[i + 1] = block.value("correct").toInteger();
                result.accuracy[i + 1] = fraction(result.correct[i + 1], images);
            }
        }
    for (int i = 0; i < n; ++i)
        if (from[i].isEmpty())
            throw Error("no part holds block " + std::to_string(i));
    return result;
}

SweepResult mergeSweep(const std::vector<Piece> &pieces, bool reorder)
{
    const int64_t images = imagesOf(pieces);
    const int samples = pieces.front().json.value("samples").toInt(0);
    const int groups = int(pieces.front().json.value("points").toArray().size());
    SweepResult result;
    result.images = images;
    result.seconds = secondsOf(pieces);
    result.baselineCorrect = baselineCorrectOf(pieces);
    result.baseline = fraction(result.baselineCorrect, images);
    result.points.resize(groups);
    // The shard that owns the baseline measured the single deletions (a report's shards leave them
    // to the merge, which has the joined lesion); the other parts hold none.
    for (const Piece &piece : pieces)
        for (const QJsonValue &block : piece.json.value("critical_blocks").toArray())
            result.critical.push_back(block.toInt());
    for (int g = 0; g < groups; ++g) {
        // sample -> (correct, tau, file, touched blocks)
        std::map<int, std::tuple<int64_t, double, QString, std::vector<int>>> entries;
        for (const Piece &piece : pieces) {
            const QJsonArray points = piece.json.value("points").toArray();
            if (points.size() != groups)
                throw Error(str(piece.file) + " and " + str(pieces.front().file) + " have different numbers of points");
            const QJsonObject point = points[g].toObject();
            const QJsonArray sampleIndices = point.value("sample").toArray();
            const QJsonArray correct = point.value("correct").toArray();
            const QJsonArray taus = point.value("kendall_tau").toArray();
            if (!point.contains(QLatin1String("touched")))
                throw Error(str(piece.file) + ": point " + std::to_string(g)
                            + " lacks \"touched\" (a part of an older pathlens: run the shards again)");
            const QJsonArray touched = point.value("touched").toArray();
            if (correct.size() != sampleIndices.size() || (reorder && taus.size() != sampleIndices.size())
                || touched.size() != sampleIndices.size())
                throw Error(str(piece.file) + ": point " + std::to_string(g) + " has unequal lists");
            for (int j = 0; j < sampleIndices.size(); ++j) {
                const int s = sampleIndices[j].toInt(-1);
                if (entries.count(s))
                    throw Error("point " + std::to_string(g) + ", sample " + std::to_string(s) + " appears in "
                                + str(std::get<2>(entries[s])) + " and in " + str(piece.file));
                std::vector<int> blocks;
                for (const QJsonValue &block : touched[j].toArray())
                    blocks.push_back(block.toInt(-1));
                entries[s] = {correct[j].toInteger(-1), reorder ? taus[j].toDouble() : 0.0, piece.file, blocks};
            }
        }
        SweepPoint &point = result.points[g];
        point.k = g;
        const int expected = g == 0 ? 1 : samples; // k = 0 has one arrangement: the original
        for (int s = 0; s < expected; ++s) {
            const auto entry = entries.find(s);
            if (entry == entries.end())
                throw Error("no part holds point " + std::to_string(g) + ", sample " + std::to_string(s));
            const int64_t correct = std::get<0>(entry->second);
            point.sampleIndices.push_back(s);
            point.correct.push_back(correct);
            point.accuracies.push_back(fraction(correct, images));
            if (reorder)
                point.taus.push_back(std::get<1>(entry->second));
            point.touched.push_back(std::get<3>(entry->second));
        }
        if (int(entries.size()) != expected)
            throw Error("point " + std::to_string(g) + " has samples beyond the " + std::to_string(expected) + " planned");
        summarise(point);
    }
    return result;
}

GradientResult mergeGradients(const std::vector<Piece> &pieces)
{
    const int planned = pieces.front().json.value("rounds_planned").toInt(-1);
    if (planned < 1)
        throw Error(str(pieces.front().file) + ": no number of planned rounds");
    GradientResult result;
    for (const QJsonValue &k : pieces.front().json.value("lengths").toArray())
        result.lengths.push_back(k.toInt());
    const size_t n = result.lengths.size();
    std::map<int, std::pair<std::vector<double>, QString>> rounds;
    for (const Piece &piece : pieces)
        for (const QJsonValue &value : piece.json.value("rounds").toArray()) {
            const QJsonObject round = value.toObject();
            const int r = round.value("round").toInt(-1);
            if (r < 0 || r >= planned)
                throw Error(str(piece.file) + ": round " + std::to_string(r) + " out of range");
            if (rounds.count(r))
                throw Error("gradient round " + std::to_string(r) + " appears in " + str(rounds[r].second) + " and in "
                            + str(piece.file));
            std::vector<double> norms;
            for (const QJsonValue &norm : round.value("norms").toArray())
                norms.push_back(norm.toDouble());
            if (norms.size() != n)
                throw Error(str(piece.file) + ": round " + std::to_string(r) + " has " + std::to_string(norms.size())
                            + " values for " + std::to_string(n) + " path lengths");
            rounds[r] = {norms, piece.file};
        }
    // In ascending round order, as the unsharded run sums them.
    for (int r = 0; r < planned; ++r) {
        if (!rounds.count(r))
            throw Error("no part holds gradient round " + std::to_string(r));
        result.rounds.push_back(r);
        result.norms.push_back(rounds[r].first);
    }
    summarise(result);
    result.seconds = secondsOf(pieces);
    return result;
}

} // namespace

Shard parseShard(const QString &text)
{
    const QStringList numbers = text.split(QLatin1Char('/'));
    bool indexOk = false;
    bool countOk = false;
    Shard shard;
    if (numbers.size() == 2) {
        shard.index = numbers[0].trimmed().toInt(&indexOk);
        shard.count = numbers[1].trimmed().toInt(&countOk);
    }
    if (!indexOk || !countOk)
        throw Error("--shard: expected I/N (shard I of N, counted from 0), got '" + str(text) + "'");
    if (shard.count < 1)
        throw Error("--shard " + str(text) + ": the number of shards must be at least 1");
    if (shard.index < 0 || shard.index >= shard.count)
        throw Error("--shard " + str(text) + ": the shard index must be 0 to " + std::to_string(shard.count - 1));
    return shard;
}

Shard shardFromOptions(const QCommandLineParser &parser, const QString &command)
{
    static const QStringList shardable{"lesion", "delete-k", "reorder", "gradients", "report"};
    if (!shardable.contains(command))
        throw Error("--shard works with lesion, delete-k, reorder, gradients and report, not " + str(command));
    const Shard shard = parseShard(parser.value(QStringLiteral("shard")));
    if (command != QLatin1String("report") && !parser.isSet(QStringLiteral("json")))
        throw Error("--shard writes a part for merge: add --json and send stdout to a file");
    for (const char *option : {"csv", "plot", "out"})
        if (parser.isSet(QLatin1String(option)))
            throw Error(std::string("--shard: a shard writes only its part (--json); --") + option
                        + " belongs to merge, which writes what the whole run writes");
    if (parser.isSet(QStringLiteral("compare")))
        throw Error("--shard: --compare cannot be sharded yet; run the comparison unsharded");
    return shard;
}

QJsonObject agreedOptions(const QCommandLineParser &parser, const QString &modelPath, const QString &dataPath, int seed,
                          const std::string &device, int batch, int threads)
{
    QJsonArray arguments{modelPath};
    for (const char *option : {"data", "data-format", "split", "limit", "batch", "seed", "mean", "std", "delete", "order",
                               "max-k", "max-swaps", "samples", "deleted-counts"})
        if (parser.isSet(QLatin1String(option)))
            arguments << QStringLiteral("--%1").arg(QLatin1String(option)) << parser.value(QLatin1String(option));
    for (const char *flag : {"all-blocks", "quick"})
        if (parser.isSet(QLatin1String(flag)))
            arguments << QStringLiteral("--%1").arg(QLatin1String(flag));
    // --limit was checked (a positive whole number) before the engine that calls this was made.
    const QJsonValue limit = parser.isSet(QStringLiteral("limit")) ? QJsonValue(parser.value(QStringLiteral("limit")).toLongLong())
                                                                   : QJsonValue();
    return QJsonObject{{"command", parser.positionalArguments().value(0)},
                       {"arguments", arguments},
                       {"model_sha256", fileSha256(modelPath)},
                       {"data", dataPath},
                       {"limit", limit},
                       {"seed", seed},
                       {"device", QString::fromStdString(device)},
                       {"precision", QStringLiteral("fp32")}, // the only one there is
                       {"batch", batch},
                       {"threads", threads}};
}

QString fileSha256(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        throw Error(str(path) + ": cannot read (" + str(file.errorString()) + ")");
    return QString::fromLatin1(hash.result().toHex());
}

void annotateLesion(QJsonObject &json, const LesionResult &result, const Shard &shard)
{
    QJsonArray own;
    for (const QJsonValue &value : json.value("blocks").toArray()) {
        QJsonObject block = value.toObject();
        const int i = block.value("index").toInt();
        if (!shard.owns(i))
            continue;
        const int64_t correct = result.blocks[i].correct;
        block.insert("correct", correct >= 0 ? QJsonValue(qint64(correct)) : QJsonValue());
        block.insert("images", qint64(result.images));
        own.append(block);
    }
    json.insert("blocks", own);
    json.insert("block_count", int(result.blocks.size()));
    annotateBaseline(json, result.baselineCorrect, shard);
}

void annotateSweep(QJsonObject &json, const SweepResult &result, const Shard &shard)
{
    QJsonArray points = json.value("points").toArray();
    for (int g = 0; g < points.size(); ++g) {
        const SweepPoint &point = result.points[g];
        QJsonObject object = points[g].toObject();
        QJsonArray samples;
        for (int s : point.sampleIndices)
            samples.append(s);
        object.insert("sample", samples);
        object.insert("correct", integers(point.correct));
        object.insert("images", integers(std::vector<int64_t>(point.correct.size(), result.images)));
        points[g] = object;
    }
    json.insert("points", points);
    annotateBaseline(json, result.baselineCorrect, shard);
}

void annotateGradients(QJsonObject &json, const GradientResult &result, int plannedRounds)
{
    QJsonArray rounds;
    for (size_t j = 0; j < result.rounds.size(); ++j) {
        QJsonArray norms;
        for (double norm : result.norms[j])
            norms.append(norm);
        rounds.append(QJsonObject{{"round", result.rounds[j]}, {"norms", norms}});
    }
    json.insert("rounds", rounds);
    json.insert("rounds_planned", plannedRounds);
}

MergedRun mergeParts(const QStringList &files)
{
    if (files.isEmpty())
        throw Error("merge needs the part files: pathlens-cli merge PART.json...");
    std::vector<Part> parts;
    for (const QString &file : files)
        parts.push_back(readPart(file));
    checkTogether(parts);

    const QJsonObject agreed = parts.front().json.value("agreed").toObject();
    MergedRun run;
    run.command = agreed.value("command").toString();
    for (const QJsonValue &argument : agreed.value("arguments").toArray())
        run.arguments.append(argument.toString());
    // merge opens the model again to describe the run (names, figure titles): it must be the
    // file the shards used.
    const QString model = run.arguments.value(0);
    if (fileSha256(model) != agreed.value("model_sha256").toString())
        throw Error(str(model) + ": not the file the shards used (its SHA-256 differs from the parts'); "
                    "merge reads the model to describe the run");
    auto pieces = [&](const QString &experiment) {
        std::vector<Piece> result;
        for (const Part &part : parts)
            result.push_back({part.file, experiment.isEmpty() ? part.json
                                                             : part.json.value("experiments").toObject().value(experiment).toObject()});
        return result;
    };
    if (run.command == QLatin1String("lesion")) {
        run.lesion = mergeLesion(pieces({}));
    } else if (run.command == QLatin1String("delete-k")) {
        run.deleteK = mergeSweep(pieces({}), false);
    } else if (run.command == QLatin1String("reorder")) {
        run.reorder = mergeSweep(pieces({}), true);
    } else if (run.command == QLatin1String("gradients")) {
        run.gradients = mergeGradients(pieces({}));
    } else if (run.command == QLatin1String("report")) {
        run.lesion = mergeLesion(pieces("lesion"));
        run.deleteK = mergeSweep(pieces("delete-k"), false);
        // A plain network's report has no gradients (one path), one with a block per stage no reordering.
        const QJsonObject experiments = parts.front().json.value("experiments").toObject();
        if (experiments.contains(QLatin1String("reorder")))
            run.reorder = mergeSweep(pieces("reorder"), true);
        if (experiments.contains(QLatin1String("gradients")))
            run.gradients = mergeGradients(pieces("gradients"));
        for (const Part &part : parts)
            run.seconds += part.json.value("seconds").toDouble();
    } else {
        throw Error(str(parts.front().file) + ": '" + str(run.command) + "' is not a command that can be sharded");
    }
    return run;
}

} // namespace pathlens::sharding
