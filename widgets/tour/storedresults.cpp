#include "storedresults.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace pathlens {
namespace {

// The messages' translation context.
struct StoredResultsMessages
{
    Q_DECLARE_TR_FUNCTIONS(StoredResults)
};

std::vector<double> numbers(const QJsonValue &value)
{
    std::vector<double> result;
    for (const QJsonValue &entry : value.toArray())
        result.push_back(entry.isDouble() ? entry.toDouble() : std::nan(""));
    return result;
}

// `lesion --json` (core's toJson(LesionResult)): {"model", "images", "baseline", "blocks": [{"index",
// "name", "stage", "downsampling", "accuracy" (null: cannot run)}]}
QString readLesion(const QJsonObject &json, Analysis::Lesion &lesion)
{
    const QJsonArray blocks = json.value(QStringLiteral("blocks")).toArray();
    if (!json.value(QStringLiteral("baseline")).isDouble() || !json.value(QStringLiteral("images")).isDouble() || blocks.isEmpty())
        return StoredResultsMessages::tr("\"lesion\" lacks the baseline, the images or the blocks");
    LesionResult &result = lesion.result;
    result.model = json.value(QStringLiteral("model")).toString().toStdString();
    result.baseline = json.value(QStringLiteral("baseline")).toDouble();
    result.images = json.value(QStringLiteral("images")).toInteger();
    result.blocks.assign(size_t(blocks.size()), LesionBlock{});
    lesion.imagesTotal = lesion.imagesDone = result.images;
    lesion.finished = true;
    for (const QJsonValue &value : blocks) {
        const QJsonObject entry = value.toObject();
        const int index = entry.value(QStringLiteral("index")).toInt(-1);
        if (index < 0 || index >= blocks.size())
            return StoredResultsMessages::tr("\"lesion\" has a block without a valid index");
        LesionBlock &block = result.blocks[size_t(index)];
        block.index = index;
        block.name = entry.value(QStringLiteral("name")).toString().toStdString();
        block.stage = entry.value(QStringLiteral("stage")).toInt();
        block.downsampling = entry.value(QStringLiteral("downsampling")).toBool();
        const QJsonValue accuracy = entry.value(QStringLiteral("accuracy"));
        if (accuracy.isDouble())
            block.accuracy = accuracy.toDouble();
    }
    return {};
}

// `gradients --json`: {"lengths", "mean", "std", "samples", "total", "effective": {"from", "to",
// "share_of_paths"}, "seconds"}
QString readGradients(const QJsonObject &json, GradientResult &result, qint64 &samplesPerLength)
{
    for (const QJsonValue &value : json.value(QStringLiteral("lengths")).toArray())
        result.lengths.push_back(value.toInt());
    result.mean = numbers(json.value(QStringLiteral("mean")));
    result.std = numbers(json.value(QStringLiteral("std")));
    result.total = numbers(json.value(QStringLiteral("total")));
    for (const QJsonValue &value : json.value(QStringLiteral("samples")).toArray())
        result.samples.push_back(value.toInt());
    const size_t n = result.lengths.size();
    if (n == 0 || result.mean.size() != n || result.std.size() != n || result.total.size() != n || result.samples.size() != n)
        return StoredResultsMessages::tr("\"gradients\" lacks lengths, mean, std, total or samples of equal length");
    const QJsonObject effective = json.value(QStringLiteral("effective")).toObject();
    result.effectiveFrom = effective.value(QStringLiteral("from")).toInt(-1);
    result.effectiveTo = effective.value(QStringLiteral("to")).toInt(-1);
    result.effectiveShare = effective.value(QStringLiteral("share_of_paths")).toDouble(-1);
    if (result.effectiveFrom < 0 || result.effectiveTo < result.effectiveFrom || result.effectiveShare < 0)
        return StoredResultsMessages::tr("\"gradients\" lacks the effective paths");
    result.seconds = json.value(QStringLiteral("seconds")).toDouble();
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
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return StoredResultsMessages::tr("%1 is not a results file: %2").arg(where, error.errorString());
    const QJsonObject root = document.object();
    QFile model(modelFile);
    if (!model.open(QIODevice::ReadOnly))
        return StoredResultsMessages::tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(modelFile), model.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&model);
    if (root.value(QStringLiteral("sha256")).toString() != QString::fromLatin1(hash.result().toHex()))
        return StoredResultsMessages::tr("%1 was measured on another version of %2 (its SHA-256 differs): %3")
            .arg(where, QFileInfo(modelFile).fileName(), regenerate);
    StoredResults read;
    read.file = path;
    Analysis::Lesion lesion;
    if (const QString why = readLesion(root.value(QStringLiteral("lesion")).toObject(), lesion); !why.isEmpty())
        return QStringLiteral("%1: %2").arg(where, why);
    read.lesion = lesion;
    if (root.contains(QStringLiteral("gradients"))) {
        GradientResult gradients;
        if (const QString why = readGradients(root.value(QStringLiteral("gradients")).toObject(), gradients,
                                              read.gradientSamplesPerLength);
            !why.isEmpty())
            return QStringLiteral("%1: %2").arg(where, why);
        read.gradients = gradients;
    }
    results = read;
    return {};
}

} // namespace pathlens
