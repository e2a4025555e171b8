// info: what a model file holds; with --data, the shapes of those images.

#include "commands.h"
#include "error.h"

#include <algorithm>

#include <QLocale>

#include <cstdio>

namespace pathlens::cli {
namespace {

QString shapeText(const Shape &shape)
{
    return QString::fromStdString(toString(shape));
}

} // namespace

int info(Context &context, const QString &modelPath)
{
    // With --data, the engine's reading of those images (channels replicated, the model's declared
    // size checked): torchvision's 3-channel stems were shown at a guessed 3x32x32, and a MaxViT
    // built for 28x28 images could not be shown at all, while lesion on the same data worked.
    Session session;
    std::shared_ptr<const Network> network;
    if (context.isSet("data")) {
        session = context.open(modelPath, QStringLiteral("test"), -1);
        network = session.network;
    } else {
        network = Network::load(modelPath.toStdString());
    }
    NetworkInfo info;
    try {
        info = session.engine ? session.engine->info() : network->describe(network->defaultInputShape());
    } catch (const Error &e) {
        throw Error(std::string(e.what()) + "; name the images it was built for with --data, or put \"input_shape\": [C, H, W] "
                    "in the model's pathlens.json");
    }
    if (!network->note().empty())
        std::fprintf(stderr, "pathlens-cli: note: %s\n", network->note().c_str());
    if (context.json()) {
        Json blocks = Json::array();
        for (const BlockInfo &block : info.blocks)
            blocks.push_back({{"index", block.index},
                              {"name", block.name},
                              {"kind", block.kind},
                              {"unit", block.unit},
                              {"stage", block.stage},
                              {"downsampling", block.downsampling},
                              {"shortcut", block.shortcut},
                              {"link", block.link},
                              {"input_shape", block.inputShape},
                              {"link_output_shape", block.linkOutputShape},
                              {"output_shape", block.outputShape},
                              {"parameters", block.parameters}});
        Json object{{"model", modelPath.toStdString()},
                    {"family", info.family},
                    {"input_shape", info.inputShape},
                    {"classes", info.classCount},
                    {"parameters", info.parameters},
                    {"stages", info.stageCount},
                    {"blocks", blocks}};
        if (!info.metadataJson.empty())
            object["metadata"] = json::object(json::parse(info.metadataJson).value_or(Json()));
        out() << QString::fromStdString(json::indented(object));
        return 0;
    }
    const Json metadata = json::parse(info.metadataJson).value_or(Json());
    if (json::contains(metadata, "name"))
        out() << "name        " << QString::fromStdString(json::toString(json::member(metadata, "name"))) << "\n";
    if (json::contains(metadata, "test_accuracy"))
        out() << "trained to  " << QString::number(100 * json::toDouble(json::member(metadata, "test_accuracy")), 'f', 2)
              << "% test accuracy\n";
    out() << "model       " << modelPath << "\n"
          << "family      " << QString::fromStdString(info.family) << "\n"
          << "input       " << shapeText(info.inputShape) << ", " << info.classCount << " classes\n"
          << "parameters  " << QLocale::c().toString(qint64(info.parameters)) << "\n"
          << "blocks      " << info.blocks.size() << " in " << info.stageCount << " stages\n\n";
    // Columns as wide as their longest entry: a transformer unit's name holds its module path.
    int nameWidth = 12, kindWidth = 20;
    auto kindText = [](const BlockInfo &block) {
        return QString::fromStdString(block.unit.empty() ? block.kind : block.kind + " " + block.unit);
    };
    for (const BlockInfo &block : info.blocks) {
        nameWidth = std::max(nameWidth, int(block.name.size()));
        kindWidth = std::max(kindWidth, int(kindText(block).size()));
    }
    out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9\n")
                 .arg("#", 3).arg("name", -nameWidth).arg("kind", -kindWidth).arg("stage", 5).arg("input", -10)
                 .arg("output", -10).arg("down", 4).arg("parameters", 10).arg("shortcut");
    for (const BlockInfo &block : info.blocks)
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9\n")
                     .arg(block.index, 3)
                     .arg(QString::fromStdString(block.name), -nameWidth)
                     .arg(kindText(block), -kindWidth)
                     .arg(block.stage, 5)
                     .arg(shapeText(block.linkOutputShape), -10) // its own: the link's change was read as the block's
                     .arg(shapeText(block.outputShape), -10)
                     .arg(block.downsampling ? QStringLiteral("yes") : QString(), 4)
                     .arg(QLocale::c().toString(qint64(block.parameters)), 10)
                     .arg(QString::fromStdString(block.shortcut));
    for (const BlockInfo &block : info.blocks)
        if (!block.link.empty())
            out() << "block " << block.index << " follows a fixed link (kept by every edit): "
                  << QString::fromStdString(block.link) << ", " << shapeText(block.inputShape) << " -> "
                  << shapeText(block.linkOutputShape) << "\n";
    return 0;
}

} // namespace pathlens::cli
