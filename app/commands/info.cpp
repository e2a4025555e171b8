// info: what a model file holds, without data.

#include "commands.h"

#include <QJsonDocument>
#include <QLocale>

#include <cstdio>

namespace pathlens::cli {
namespace {

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

} // namespace

int info(Context &context, const QString &modelPath)
{
    const auto network = Network::load(modelPath.toStdString());
    const NetworkInfo info = network->describe(network->defaultInputShape());
    if (!network->note().empty())
        std::fprintf(stderr, "pathlens-cli: note: %s\n", network->note().c_str());
    if (context.json()) {
        QJsonArray blocks;
        for (const BlockInfo &block : info.blocks)
            blocks.append(QJsonObject{{"index", block.index},
                                      {"name", QString::fromStdString(block.name)},
                                      {"kind", QString::fromStdString(block.kind)},
                                      {"stage", block.stage},
                                      {"downsampling", block.downsampling},
                                      {"shortcut", QString::fromStdString(block.shortcut)},
                                      {"link", QString::fromStdString(block.link)},
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
    out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9\n")
                 .arg("#", 3).arg("name", -12).arg("kind", -20).arg("stage", 5).arg("input", -10)
                 .arg("output", -10).arg("down", 4).arg("parameters", 10).arg("shortcut");
    for (const BlockInfo &block : info.blocks)
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9\n")
                     .arg(block.index, 3)
                     .arg(QString::fromStdString(block.name), -12)
                     .arg(QString::fromStdString(block.kind), -20)
                     .arg(block.stage, 5)
                     .arg(shapeText(block.inputShape), -10)
                     .arg(shapeText(block.outputShape), -10)
                     .arg(block.downsampling ? QStringLiteral("yes") : QString(), 4)
                     .arg(QLocale::c().toString(qint64(block.parameters)), 10)
                     .arg(QString::fromStdString(block.shortcut));
    for (const BlockInfo &block : info.blocks)
        if (!block.link.empty())
            out() << "block " << block.index << " follows a fixed link (kept by every edit): "
                  << QString::fromStdString(block.link) << "\n";
    return 0;
}

} // namespace pathlens::cli
