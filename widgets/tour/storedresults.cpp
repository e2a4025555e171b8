#include "storedresults.h"

#include "jsonvalue.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace pathlens {
namespace {

// The messages' translation context.
struct StoredResultsMessages
{
    Q_DECLARE_TR_FUNCTIONS(StoredResults)
};

std::vector<double> numbers(const Json &value)
{
    std::vector<double> result;
    for (const Json &entry : json::array(value))
        result.push_back(entry.is_number() ? entry.get<double>() : std::nan(""));
    return result;
}

// `lesion --json` (core's toJson(LesionResult)): {"model", "images", "baseline", "blocks": [{"index",
// "name", "stage", "downsampling", "accuracy" (null: cannot run), "unit" (where it has a kind)}]}
QString readLesion(const Json &json, Analysis::Lesion &lesion)
{
    const Json &blocks = json::array(json::member(json, "blocks"));
    if (!json::member(json, "baseline").is_number() || !json::member(json, "images").is_number() || blocks.empty())
        return StoredResultsMessages::tr("\"lesion\" lacks the baseline, the images or the blocks");
    LesionResult &result = lesion.result;
    result.model = json::toString(json::member(json, "model"));
    result.baseline = json::toDouble(json::member(json, "baseline"));
    result.images = json::toInteger(json::member(json, "images"));
    // How long the measurement took when it was made ("Done: 2000 images in 0.0 s." said otherwise).
    if (json::member(json, "seconds").is_number())
        result.seconds = json::toDouble(json::member(json, "seconds"));
    result.blocks.assign(blocks.size(), LesionBlock{});
    lesion.imagesTotal = lesion.imagesDone = result.images;
    lesion.finished = true;
    for (const Json &entry : blocks) {
        const int index = json::toInt(json::member(entry, "index"), -1);
        if (index < 0 || size_t(index) >= blocks.size())
            return StoredResultsMessages::tr("\"lesion\" has a block without a valid index");
        LesionBlock &block = result.blocks[size_t(index)];
        block.index = index;
        block.name = json::toString(json::member(entry, "name"));
        block.stage = json::toInt(json::member(entry, "stage"));
        block.downsampling = json::toBool(json::member(entry, "downsampling"));
        if (json::contains(entry, "unit")) // a transformer's units: the figure marks their kinds
            block.unit = json::toString(json::member(entry, "unit"));
        const Json &accuracy = json::member(entry, "accuracy");
        if (accuracy.is_number())
            block.accuracy = accuracy.get<double>();
    }
    return {};
}

// `gradients --json`: {"lengths", "mean", "std", "samples", "total", "effective": {"from", "to",
// "share_of_paths"}, "seconds"}
QString readGradients(const Json &json, GradientResult &result, qint64 &samplesPerLength)
{
    for (const Json &value : json::array(json::member(json, "lengths")))
        result.lengths.push_back(json::toInt(value));
    result.mean = numbers(json::member(json, "mean"));
    result.std = numbers(json::member(json, "std"));
    result.total = numbers(json::member(json, "total"));
    for (const Json &value : json::array(json::member(json, "samples")))
        result.samples.push_back(json::toInt(value));
    const size_t n = result.lengths.size();
    if (n == 0 || result.mean.size() != n || result.std.size() != n || result.total.size() != n || result.samples.size() != n)
        return StoredResultsMessages::tr("\"gradients\" lacks lengths, mean, std, total or samples of equal length");
    const Json &effective = json::member(json, "effective");
    result.effectiveFrom = json::toInt(json::member(effective, "from"), -1);
    result.effectiveTo = json::toInt(json::member(effective, "to"), -1);
    result.effectiveShare = json::toDouble(json::member(effective, "share_of_paths"), -1);
    if (result.effectiveFrom < 0 || result.effectiveTo < result.effectiveFrom || result.effectiveShare < 0)
        return StoredResultsMessages::tr("\"gradients\" lacks the effective paths");
    result.seconds = json::toDouble(json::member(json, "seconds"));
    samplesPerLength = *std::min_element(result.samples.begin(), result.samples.end());
    return {};
}

} // namespace

QString storedResultsPath(const QString &modelFile)
{
    const QFileInfo info(modelFile);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".results.json"));
}

QString loadStoredResults(const QString &modelFile, StoredResults &results)
{
    const QString path = storedResultsPath(modelFile);
    const QString where = QDir::toNativeSeparators(path);
    const QString regenerate = StoredResultsMessages::tr("measure them again with resources/models/measure-results.sh");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return StoredResultsMessages::tr("%1 cannot be read (%2): %3").arg(where, file.errorString(), regenerate);
    json::ParseError error;
    const std::optional<Json> document = json::parse(file.readAll().toStdString(), &error);
    if (!document || !document->is_object()) {
        const std::string why = document ? "it holds " + std::string(document->type_name()) + ", not an object" : error.reason;
        return StoredResultsMessages::tr("%1 is not a results file: %2").arg(where, QString::fromStdString(why));
    }
    const Json &root = *document;
    QFile model(modelFile);
    if (!model.open(QIODevice::ReadOnly))
        return StoredResultsMessages::tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(modelFile), model.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&model);
    if (json::toString(json::member(root, "sha256")) != hash.result().toHex().toStdString())
        return StoredResultsMessages::tr("%1 was measured on another version of %2 (its SHA-256 differs): %3")
            .arg(where, QFileInfo(modelFile).fileName(), regenerate);
    StoredResults read;
    read.file = path;
    Analysis::Lesion lesion;
    if (const QString why = readLesion(json::member(root, "lesion"), lesion); !why.isEmpty())
        return QStringLiteral("%1: %2").arg(where, why);
    read.lesion = lesion;
    if (json::contains(root, "gradients")) {
        GradientResult gradients;
        if (const QString why = readGradients(json::member(root, "gradients"), gradients,
                                              read.gradientSamplesPerLength);
            !why.isEmpty())
            return QStringLiteral("%1: %2").arg(where, why);
        read.gradients = gradients;
    }
    results = read;
    return {};
}

} // namespace pathlens
