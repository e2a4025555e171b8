#include "sharding.h"

#include "error.h"
#include "safefile.h"

#include <QCryptographicHash>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <map>

namespace pathlens::sharding {
namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

// A shard that does not own the baseline has none to report; shard 0 reports its count too.
void annotateBaseline(Json &json, int64_t correct, const Shard &shard)
{
    if (shard.ownsBaseline())
        json["baseline_correct"] = correct;
    else
        json["baseline"] = nullptr;
}

struct Part
{
    QString file;
    Json json; // the whole file, an object
    int index = 0;
    int count = 0;
};

Part readPart(const QString &file)
{
    checkReadableFile(str(file)); // a FIFO or a device would block the merge
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        throw Error(str(file) + ": cannot read (" + str(in.errorString()) + ")");
    json::ParseError error;
    const std::optional<Json> document = json::parse(in.readAll().toStdString(), &error);
    if (!document)
        throw Error(str(file) + ": not a JSON object (" + error.reason + " at byte " + std::to_string(error.offset) + ")");
    if (!document->is_object())
        throw Error(str(file) + ": not a JSON object (it holds " + document->type_name() + ")");
    Part part;
    part.file = file;
    part.json = *document;
    const Json &shard = json::object(json::member(part.json, "shard"));
    if (shard.empty() || !json::member(part.json, "agreed").is_object())
        throw Error(str(file) + ": not the part of a sharded run (no \"shard\" and \"agreed\" objects); parts are "
                    "written by a command with --shard I/N --json");
    part.index = json::toInt(json::member(shard, "index"), -1);
    part.count = json::toInt(json::member(shard, "count"), 0);
    if (part.count < 1 || part.index < 0 || part.index >= part.count)
        throw Error(str(file) + ": \"shard\" holds no valid index and count");
    return part;
}

// Every part must come from the same run: the same agreed options and the same number of shards,
// each shard exactly once.
void checkTogether(const std::vector<Part> &parts)
{
    const Part &first = parts.front();
    const Json &agreed = json::member(first.json, "agreed");
    for (const Part &part : parts) {
        if (part.count != first.count)
            throw Error(str(part.file) + " is shard " + std::to_string(part.index) + " of " + std::to_string(part.count)
                        + " but " + str(first.file) + " is one of " + std::to_string(first.count)
                        + ": parts of two different runs");
        const Json &other = json::member(part.json, "agreed");
        // Both objects' keys, each once, in alphabetical order; the named options first: "seed
        // differs" says more than two long argument lists.
        std::vector<std::string> keys;
        for (const Json *object : {&agreed, &other})
            for (const auto &entry : object->items())
                if (entry.key() != "arguments" && std::find(keys.begin(), keys.end(), entry.key()) == keys.end())
                    keys.push_back(entry.key());
        keys.push_back("arguments");
        for (const std::string &key : keys) {
            const bool inAgreed = json::contains(agreed, key);
            const bool inOther = json::contains(other, key);
            if (inAgreed == inOther && (!inAgreed || agreed.at(key) == other.at(key)))
                continue;
            auto show = [&key](const Json &object) {
                if (!json::contains(object, key))
                    return std::string("(absent)");
                const Json &value = object.at(key);
                return value.is_string() ? value.get<std::string>() : json::compact(value);
            };
            throw Error(str(part.file) + " and " + str(first.file) + " are parts of two different runs: '" + key + "' is "
                        + show(other) + " in the one and " + show(agreed) + " in the other");
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
    Json json; // an object
};

int64_t imagesOf(const std::vector<Piece> &pieces)
{
    const int64_t images = json::toInteger(json::member(pieces.front().json, "images"), -1);
    if (images < 1)
        throw Error(str(pieces.front().file) + ": no image count");
    for (const Piece &piece : pieces)
        if (json::toInteger(json::member(piece.json, "images"), -1) != images)
            throw Error(str(piece.file) + " and " + str(pieces.front().file) + " used different numbers of images");
    return images;
}

double secondsOf(const std::vector<Piece> &pieces)
{
    double seconds = 0;
    for (const Piece &piece : pieces)
        seconds += json::toDouble(json::member(piece.json, "seconds"));
    return seconds;
}

// The baseline's count, from the one part that owns it (shard 0).
int64_t baselineCorrectOf(const std::vector<Piece> &pieces)
{
    int64_t correct = -1;
    for (const Piece &piece : pieces)
        if (json::contains(piece.json, "baseline_correct")) {
            if (correct >= 0)
                throw Error(str(piece.file) + ": a second baseline");
            correct = json::toInteger(json::member(piece.json, "baseline_correct"), -1);
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
    const int n = json::toInt(json::member(pieces.front().json, "block_count"), -1);
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
        for (const Json &block : json::array(json::member(piece.json, "blocks"))) {
            const int i = json::toInt(json::member(block, "index"), -1);
            if (i < 0 || i >= n)
                throw Error(str(piece.file) + ": block index " + std::to_string(i) + " out of range");
            if (!from[i].isEmpty())
                throw Error("block " + std::to_string(i) + " appears in " + str(from[i]) + " and in " + str(piece.file));
            from[i] = piece.file;
            // A block that cannot be deleted has no count and no accuracy, as unsharded.
            if (json::member(block, "correct").is_number()) {
                result.correct[i + 1] = json::toInteger(json::member(block, "correct"));
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
    const int samples = json::toInt(json::member(pieces.front().json, "samples"), 0);
    const int groups = int(json::array(json::member(pieces.front().json, "points")).size());
    SweepResult result;
    result.images = images;
    result.seconds = secondsOf(pieces);
    result.baselineCorrect = baselineCorrectOf(pieces);
    result.baseline = fraction(result.baselineCorrect, images);
    result.points.resize(groups);
    // The shard that owns the baseline measured the single deletions (a report's shards leave them
    // to the merge, which has the joined lesion); the other parts hold none.
    for (const Piece &piece : pieces)
        for (const Json &block : json::array(json::member(piece.json, "critical_blocks")))
            result.critical.push_back(json::toInt(block));
    for (int g = 0; g < groups; ++g) {
        // sample -> (correct, tau, file, touched blocks)
        std::map<int, std::tuple<int64_t, double, QString, std::vector<int>>> entries;
        for (const Piece &piece : pieces) {
            const Json &points = json::array(json::member(piece.json, "points"));
            if (int(points.size()) != groups)
                throw Error(str(piece.file) + " and " + str(pieces.front().file) + " have different numbers of points");
            const Json &point = points[size_t(g)];
            const Json &sampleIndices = json::array(json::member(point, "sample"));
            const Json &correct = json::array(json::member(point, "correct"));
            const Json &taus = json::array(json::member(point, "kendall_tau"));
            if (!json::contains(point, "touched"))
                throw Error(str(piece.file) + ": point " + std::to_string(g)
                            + " lacks \"touched\" (a part of an older pathlens: run the shards again)");
            const Json &touched = json::array(json::member(point, "touched"));
            if (correct.size() != sampleIndices.size() || (reorder && taus.size() != sampleIndices.size())
                || touched.size() != sampleIndices.size())
                throw Error(str(piece.file) + ": point " + std::to_string(g) + " has unequal lists");
            for (size_t j = 0; j < sampleIndices.size(); ++j) {
                const int s = json::toInt(sampleIndices[j], -1);
                if (entries.count(s))
                    throw Error("point " + std::to_string(g) + ", sample " + std::to_string(s) + " appears in "
                                + str(std::get<2>(entries[s])) + " and in " + str(piece.file));
                std::vector<int> blocks;
                for (const Json &block : json::array(touched[j]))
                    blocks.push_back(json::toInt(block, -1));
                entries[s] = {json::toInteger(correct[j], -1), reorder ? json::toDouble(taus[j]) : 0.0, piece.file, blocks};
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
    const int planned = json::toInt(json::member(pieces.front().json, "rounds_planned"), -1);
    if (planned < 1)
        throw Error(str(pieces.front().file) + ": no number of planned rounds");
    GradientResult result;
    for (const Json &k : json::array(json::member(pieces.front().json, "lengths")))
        result.lengths.push_back(json::toInt(k));
    const size_t n = result.lengths.size();
    std::map<int, std::pair<std::vector<double>, QString>> rounds;
    for (const Piece &piece : pieces)
        for (const Json &round : json::array(json::member(piece.json, "rounds"))) {
            const int r = json::toInt(json::member(round, "round"), -1);
            if (r < 0 || r >= planned)
                throw Error(str(piece.file) + ": round " + std::to_string(r) + " out of range");
            if (rounds.count(r))
                throw Error("gradient round " + std::to_string(r) + " appears in " + str(rounds[r].second) + " and in "
                            + str(piece.file));
            std::vector<double> norms;
            for (const Json &norm : json::array(json::member(round, "norms")))
                norms.push_back(json::toDouble(norm));
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

Json agreedOptions(const QCommandLineParser &parser, const QString &modelPath, const QString &dataPath, int seed,
                   const std::string &device, int batch, int threads)
{
    Json arguments = Json::array({str(modelPath)});
    for (const char *option : {"data", "data-format", "split", "limit", "batch", "seed", "mean", "std", "delete", "order",
                               "max-k", "max-swaps", "samples", "deleted-counts", "kind", "span", "intervention"})
        if (parser.isSet(QLatin1String(option))) {
            arguments.push_back(std::string("--") + option);
            arguments.push_back(str(parser.value(QLatin1String(option))));
        }
    for (const char *flag : {"all-blocks", "quick"})
        if (parser.isSet(QLatin1String(flag)))
            arguments.push_back(std::string("--") + flag);
    // --limit was checked (a positive whole number) before the engine that calls this was made.
    const Json limit
        = parser.isSet(QStringLiteral("limit")) ? Json(parser.value(QStringLiteral("limit")).toLongLong()) : Json();
    return Json{{"command", str(parser.positionalArguments().value(0))},
                {"arguments", arguments},
                {"model_sha256", str(fileSha256(modelPath))},
                {"data", str(dataPath)},
                {"limit", limit},
                {"seed", seed},
                {"device", device},
                {"precision", "fp32"}, // the only one there is
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

// `json`: the command's own JSON, from core's writers (results.h).
void annotateLesion(Json &json, const LesionResult &result, const Shard &shard)
{
    Json own = Json::array();
    for (Json block : json.at("blocks")) {
        const int i = block.at("index").get<int>();
        if (!shard.owns(i))
            continue;
        const int64_t correct = result.blocks[i].correct;
        block["correct"] = correct >= 0 ? Json(correct) : Json();
        block["images"] = result.images;
        own.push_back(block);
    }
    json["blocks"] = own;
    json["block_count"] = int(result.blocks.size());
    annotateBaseline(json, result.baselineCorrect, shard);
}

void annotateSweep(Json &json, const SweepResult &result, const Shard &shard)
{
    Json &points = json.at("points");
    for (size_t g = 0; g < points.size(); ++g) {
        const SweepPoint &point = result.points[g];
        points[g]["sample"] = point.sampleIndices;
        points[g]["correct"] = point.correct;
        points[g]["images"] = std::vector<int64_t>(point.correct.size(), result.images);
    }
    annotateBaseline(json, result.baselineCorrect, shard);
}

void annotateGradients(Json &json, const GradientResult &result, int plannedRounds)
{
    Json rounds = Json::array();
    for (size_t j = 0; j < result.rounds.size(); ++j)
        rounds.push_back({{"round", result.rounds[j]}, {"norms", result.norms[j]}});
    json["rounds"] = rounds;
    json["rounds_planned"] = plannedRounds;
}

MergedRun mergeParts(const QStringList &files)
{
    if (files.isEmpty())
        throw Error("merge needs the part files: pathlens-cli merge PART.json...");
    std::vector<Part> parts;
    for (const QString &file : files)
        parts.push_back(readPart(file));
    checkTogether(parts);

    const Json &agreed = json::member(parts.front().json, "agreed");
    MergedRun run;
    run.command = QString::fromStdString(json::toString(json::member(agreed, "command")));
    for (const Json &argument : json::array(json::member(agreed, "arguments")))
        run.arguments.append(QString::fromStdString(json::toString(argument)));
    // merge opens the model again to describe the run (names, figure titles): it must be the
    // file the shards used.
    const QString model = run.arguments.value(0);
    if (str(fileSha256(model)) != json::toString(json::member(agreed, "model_sha256")))
        throw Error(str(model) + ": not the file the shards used (its SHA-256 differs from the parts'); "
                    "merge reads the model to describe the run");
    auto pieces = [&](const QString &experiment) {
        std::vector<Piece> result;
        for (const Part &part : parts) {
            const Json &experiments = json::member(part.json, "experiments");
            result.push_back({part.file, experiment.isEmpty() ? part.json : json::object(json::member(experiments, str(experiment)))});
        }
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
        const Json &experiments = json::member(parts.front().json, "experiments");
        if (json::contains(experiments, "reorder"))
            run.reorder = mergeSweep(pieces("reorder"), true);
        if (json::contains(experiments, "gradients"))
            run.gradients = mergeGradients(pieces("gradients"));
        for (const Part &part : parts)
            run.seconds += json::toDouble(json::member(part.json, "seconds"));
    } else {
        throw Error(str(parts.front().file) + ": '" + str(run.command) + "' is not a command that can be sharded");
    }
    return run;
}

} // namespace pathlens::sharding
