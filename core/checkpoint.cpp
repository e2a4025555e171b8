// The files of training: pathlens.json of a trained model or checkpoint, the check that a
// resumed run keeps the first run's options, and the atomic save.

#include "private/training_p.h"

#include "error.h"
#include "safefile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

namespace pathlens {
namespace {

std::string firstLineOf(const std::string &text)
{
    return text.substr(0, text.find('\n'));
}

// A float as the shortest decimal that reads back as the same float (0.286, not 0.2860000026).
double tidy(double value, const char *format)
{
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return std::strtod(text, nullptr);
}

std::string tidyText(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

std::string architectureName(const TrainOptions &options)
{
    if (options.architecture == "vit")
        return "ViT-" + std::to_string(options.depth) + " (width " + std::to_string(options.width) + ", "
               + std::to_string(options.heads) + " heads, MLP " + std::to_string(options.mlp) + ", " + std::to_string(options.patch)
               + "x" + std::to_string(options.patch) + " patches"
               + (options.survivalLast < 1.0 ? ", stochastic depth p_L = " + std::to_string(options.survivalLast).substr(0, 4)
                                             : std::string())
               + ")";
    if (options.architecture == "plain-constant")
        return "plain network of " + std::to_string(options.depth) + " deletable layers, " + std::to_string(options.width)
               + " channels (no shortcuts)";
    const std::string kind = options.architecture == "preact"  ? "pre-activation ResNet"
                             : options.architecture == "plain" ? "plain network (no shortcuts)"
                                                               : "ResNet";
    return kind + "-" + std::to_string(options.depth)
           + (options.survivalLast < 1.0 ? ", stochastic depth p_L = " + std::to_string(options.survivalLast).substr(0, 4)
                                         : std::string())
           + (options.sampleBlocks > 0 ? ", trained with " + std::to_string(options.sampleBlocks) + " random blocks per mini-batch"
                                       : std::string());
}

} // namespace

// pathlens.json of a trained model or checkpoint (DESIGN.md section 7), written with the same JSON
// library that reads it; the keys keep the order a person reads them in.
std::string trainingMetadata(const TrainOptions &options, const Dataset &data, int epochsDone, double accuracy,
                             const std::string &initialMetadata)
{
    const bool transformer = options.architecture == "vit";
    const std::string shape = transformer ? " --width " + std::to_string(options.width) + " --heads " + std::to_string(options.heads)
                                                + " --mlp " + std::to_string(options.mlp) + " --patch " + std::to_string(options.patch)
                              : options.architecture == "plain-constant" ? " --width " + std::to_string(options.width)
                                                                         : std::string();
    char recipe[640];
    std::snprintf(recipe, sizeof recipe,
                  "pathlens-cli train --arch %s --depth %d%s --stochastic-depth %g%s --epochs %d --batch %d --lr %g "
                  "--seed %llu%s%s%s (%s, linear warm-up then cosine decay, random %d-pixel crops%s)",
                  options.architecture.c_str(), options.depth, shape.c_str(), options.survivalLast,
                  options.sampleBlocks > 0 ? (" --sample-blocks " + std::to_string(options.sampleBlocks)).c_str() : "",
                  options.epochs, options.batchSize, options.learningRate,
                  static_cast<unsigned long long>(options.seed), options.flip ? "" : " --no-flip",
                  options.initialWeights.empty() ? "" : (" --init " + std::filesystem::path(options.initialWeights).filename().string()).c_str(),
                  options.teacher.empty() ? "" : (" --teacher " + std::filesystem::path(options.teacher).filename().string()).c_str(),
                  (transformer ? "AdamW, weight decay " + tidyText(options.weightDecay)
                               : "SGD with Nesterov momentum " + tidyText(options.momentum) + ", weight decay "
                                     + tidyText(options.weightDecay)).c_str(),
                  options.cropPadding, options.flip ? ", horizontal flips" : "");
    auto numbers = [](const std::vector<float> &values) {
        nlohmann::ordered_json array = nlohmann::ordered_json::array();
        for (float value : values)
            array.push_back(tidy(value, "%.6g"));
        return array;
    };
    nlohmann::ordered_json json;
    // The data set's folder or file name, not its path: the name labels figures and legends.
    std::filesystem::path dataName = std::filesystem::path(data.path).lexically_normal();
    if (dataName.filename().empty()) // "folder/"
        dataName = dataName.parent_path();
    json["name"] = architectureName(options) + " ("
                   + (dataName.filename().empty() ? data.path : dataName.filename().string()) + ")";
    json["architecture"] = options.architecture;
    json["depth"] = options.depth;
    if (options.architecture == "plain-constant" || transformer)
        json["width"] = options.width;
    if (transformer) {
        json["heads"] = options.heads;
        json["mlp"] = options.mlp;
        json["patch"] = options.patch;
    }
    json["plain"] = options.architecture == "plain" || options.architecture == "plain-constant";
    json["stochastic_depth"] = tidy(options.survivalLast, "%.6g");
    json["sample_blocks"] = options.sampleBlocks;
    json["dataset"] = data.path;
    json["input_shape"] = {data.imageShape[0], data.imageShape[1], data.imageShape[2]};
    json["mean"] = numbers(data.mean);
    json["std"] = numbers(data.std);
    json["classes"] = data.classNames;
    json["recipe"] = std::string(recipe);
    json["epochs"] = options.epochs;
    // What --resume must not change besides the above (the schedule and the draws of every epoch).
    json["batch"] = options.batchSize;
    json["learning_rate"] = options.learningRate;
    json["seed"] = options.seed;
    json["flip"] = options.flip;
    if (!options.initialWeights.empty()) {
        json["init"] = options.initialWeights;
        json["initialised_from"] = nlohmann::ordered_json::parse(initialMetadata, nullptr, false);
        if (json["initialised_from"].is_discarded())
            json["initialised_from"] = nlohmann::ordered_json::object();
    }
    if (!options.teacher.empty())
        json["teacher"] = options.teacher;
    json["epochs_done"] = epochsDone;
    json["test_accuracy"] = tidy(accuracy, "%.4f");
    // A data set path or class name that is not UTF-8 is written with replacement characters
    // rather than failing the save after the training.
    return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// The options of this run that differ from those the checkpoint was trained with, as
// "--depth 20 (the checkpoint has 14)"; empty when none do. A resumed run that changed them would
// train one model and write metadata claiming another.
std::string changedOptions(const TrainOptions &options, const Dataset &data, const std::string &json)
{
    const nlohmann::json saved = nlohmann::json::parse(json, nullptr, false);
    if (!saved.is_object())
        return "the checkpoint's pathlens.json is not a JSON object";
    std::string changed;
    auto differs = [&](const char *key, const std::string &option, const nlohmann::json &now) {
        const auto it = saved.find(key);
        if (it == saved.end()) // an older checkpoint without this key: nothing to compare
            return;
        const bool same = it->is_number() && now.is_number() ? std::abs(it->get<double>() - now.get<double>()) < 1e-9
                                                             : *it == now;
        if (!same)
            changed += (changed.empty() ? "" : ", ") + option + " " + (now.is_string() ? now.get<std::string>() : now.dump())
                       + " (the checkpoint has " + (it->is_string() ? it->get<std::string>() : it->dump()) + ")";
    };
    differs("architecture", "--arch", options.architecture);
    differs("depth", "--depth", options.depth);
    differs("stochastic_depth", "--stochastic-depth", tidy(options.survivalLast, "%.6g"));
    if (options.architecture == "plain-constant" || options.architecture == "vit")
        differs("width", "--width", options.width);
    if (options.architecture == "vit") {
        differs("heads", "--heads", options.heads);
        differs("mlp", "--mlp", options.mlp);
        differs("patch", "--patch", options.patch);
    }
    differs("sample_blocks", "--sample-blocks", options.sampleBlocks);
    differs("epochs", "--epochs", options.epochs);
    differs("dataset", "--data", data.path);
    differs("batch", "--batch", options.batchSize);
    differs("learning_rate", "--lr", options.learningRate);
    differs("seed", "--seed", options.seed);
    differs("flip", "--no-flip", options.flip);
    // Files: absent from the checkpoint means none was given.
    auto fileDiffers = [&](const char *key, const std::string &option, const std::string &now) {
        const std::string before = saved.value(key, std::string());
        if (before != now)
            changed += (changed.empty() ? "" : ", ") + option + " " + (now.empty() ? "(none)" : now) + " (the checkpoint has "
                       + (before.empty() ? "none" : before) + ")";
    };
    fileDiffers("init", "--init", options.initialWeights);
    fileDiffers("teacher", "--teacher", options.teacher);
    return changed;
}

std::string initialMetadataOf(const std::string &checkpointJson)
{
    const nlohmann::json saved = nlohmann::json::parse(checkpointJson, nullptr, false);
    return saved.is_object() && saved.contains("initialised_from") ? saved["initialised_from"].dump() : std::string();
}

// Warm restarts (Loshchilov and Hutter, ICLR 2017): a second cosine cycle from a trained network.
// Every parameter and buffer must match by name and shape; a partial copy would train a different
// network than the metadata claims.
std::string copyInitialWeights(torch::jit::Module &model, const std::string &path)
{
    checkReadableFile(path); // a FIFO would make torch::jit::load wait forever
    torch::jit::ExtraFilesMap extra{{"pathlens.json", ""}};
    torch::jit::Module source;
    try {
        source = torch::jit::load(path, at::Device(at::kCPU), extra);
    } catch (const c10::Error &e) {
        throw Error(path + ": --init needs a TorchScript model (" + firstLineOf(e.what_without_backtrace()) + ")");
    }
    std::map<std::string, at::Tensor> weights;
    for (const auto &parameter : source.named_parameters())
        weights[parameter.name] = parameter.value;
    for (const auto &buffer : source.named_buffers())
        weights[buffer.name] = buffer.value;
    size_t copied = 0;
    const auto copy = [&](const std::string &name, at::Tensor target) {
        const auto found = weights.find(name);
        if (found == weights.end())
            throw Error(path + ": --init: the model has no " + name + "; it is not of the architecture and size given (--arch, --depth, --width ...)");
        if (found->second.sizes() != target.sizes()) {
            std::ostringstream shapes;
            shapes << found->second.sizes() << ", the network to train " << target.sizes();
            throw Error(path + ": --init: " + name + " has shape " + shapes.str());
        }
        const at::NoGradGuard noGradient;
        target.copy_(found->second);
        ++copied;
    };
    for (const auto &parameter : model.named_parameters())
        copy(parameter.name, parameter.value);
    for (const auto &buffer : model.named_buffers())
        copy(buffer.name, buffer.value);
    if (copied != weights.size())
        throw Error(path + ": --init: the model has " + std::to_string(weights.size() - copied)
                    + " tensors more than the network to train; it is not of the architecture and size given");
    return extra["pathlens.json"].empty() ? "{}" : extra["pathlens.json"];
}

// The model and its pathlens.json serialised in memory, then written by writeFileSafely: an
// interruption or a full disk leaves the previous file intact, and a device or FIFO given as
// --out is written into, never replaced. (LibTorch's file writer threw from a destructor when the
// disk was full, which aborted the process, and left a 0-byte temporary file.)
void saveAtomically(torch::jit::Module &model, const std::string &path, const torch::jit::ExtraFilesMap &extra)
{
    std::ostringstream bytes;
    try {
        model.save(bytes, extra);
    } catch (const c10::Error &e) {
        throw Error(path + ": cannot write the model (" + firstLineOf(e.what_without_backtrace()) + ")");
    } catch (const std::exception &e) {
        throw Error(path + ": cannot write the model (" + firstLineOf(e.what()) + ")");
    }
    writeFileSafely(path, bytes.str());
}

} // namespace pathlens
