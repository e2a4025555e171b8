#include "private/training_p.h"

#include "private/engine_p.h"
#include "error.h"
#include "safefile.h"

#include <torch/csrc/jit/serialization/import.h>
#include <torch/optim/adamw.h>
#include <torch/optim/sgd.h>
#include <torch/serialize.h>

#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <sstream>

namespace pathlens {
namespace {

using torch::jit::Module;

// Linear warm-up over the first 3% of steps, then cosine decay to zero.
double learningRateAt(double peak, int64_t step, int64_t totalSteps)
{
    const double warmup = std::max<double>(1.0, 0.03 * double(totalSteps));
    if (step < warmup)
        return peak * double(step + 1) / warmup;
    const double progress = (double(step) - warmup) / std::max(1.0, double(totalSteps) - warmup);
    return 0.5 * peak * (1.0 + std::cos(M_PI * std::min(1.0, progress)));
}

struct BlockMethods
{
    Module module;
    bool hasPost;
};

at::Tensor trainingForward(Module &model, std::vector<BlockMethods> &blocks, const at::Tensor &input,
                           const std::vector<bool> &dropped, bool plain)
{
    at::Tensor x = model.run_method("stem", input).toTensor();
    for (size_t i = 0; i < blocks.size(); ++i) {
        Module &block = blocks[i].module;
        at::Tensor y = plain ? block.run_method("residual", x).toTensor()
                             : dropped[i] ? block.run_method("shortcut", x).toTensor()
                                          : block.run_method("shortcut", x).toTensor() + block.run_method("residual", x).toTensor();
        x = blocks[i].hasPost ? block.run_method("post", y).toTensor() : y;
    }
    return model.run_method("head", x).toTensor();
}

double testAccuracy(Module &model, const at::Tensor &images, const at::Tensor &labels)
{
    model.eval();
    c10::InferenceMode inferenceMode;
    int64_t correct = 0;
    for (int64_t start = 0; start < images.size(0); start += 256) {
        const int64_t length = std::min<int64_t>(256, images.size(0) - start);
        const at::Tensor logits = model.forward({images.narrow(0, start, length)}).toTensor();
        correct += logits.argmax(1).eq(labels.narrow(0, start, length)).sum().item<int64_t>();
    }
    model.train(true);
    return double(correct) / double(images.size(0));
}

// A random crop of every image from its zero-padded version (zero in pixel space), and random
// horizontal flips; offsets and flips come from the epoch's generator, so runs are repeatable.
// The crops are one gather with index tensors made on the host and copied without waiting for
// the GPU; a flip per image and a stack launched up to 129 small kernels a step.
at::Tensor augment(const at::Tensor &batch, const TrainOptions &options, float padValue, std::mt19937_64 &random)
{
    const int64_t n = batch.size(0);
    const int64_t p = options.cropPadding;
    const int64_t h = batch.size(2);
    const int64_t w = batch.size(3);
    std::uniform_int_distribution<int64_t> offset(0, 2 * p);
    std::bernoulli_distribution flip(0.5);
    std::vector<int64_t> rows(size_t(n * h)), columns(size_t(n * w));
    for (int64_t i = 0; i < n; ++i) { // per image: row offset, column offset, then the flip
        const int64_t top = offset(random);
        const int64_t left = offset(random);
        const bool flipped = options.flip && flip(random);
        for (int64_t r = 0; r < h; ++r)
            rows[size_t(i * h + r)] = top + r;
        for (int64_t c = 0; c < w; ++c)
            columns[size_t(i * w + c)] = left + (flipped ? w - 1 - c : c);
    }
    const auto onDevice = [&](std::vector<int64_t> &values, at::IntArrayRef shape) {
        at::Tensor host = at::from_blob(values.data(), shape, at::kLong);
        return batch.is_cuda() ? host.pin_memory().to(batch.device(), /*non_blocking=*/true) : host.clone();
    };
    const at::TensorOptions indexOptions = batch.options().dtype(at::kLong);
    const at::Tensor padded = p > 0 ? at::constant_pad_nd(batch, {p, p, p, p}, padValue) : batch;
    // All four dimensions indexed, broadcast to [n, C, h, w]: a fresh tensor in the standard layout
    // (a gather in [n, h, w, C] permuted back had channels-last strides that count as contiguous
    // for one channel, and steered the CPU convolutions to other kernels: other rounding).
    return padded.index({at::arange(n, indexOptions).view({n, 1, 1, 1}), at::arange(batch.size(1), indexOptions).view({1, -1, 1, 1}),
                         onDevice(rows, {n, 1, h, 1}), onDevice(columns, {n, 1, 1, w})});
}

// Knowledge distillation's targets: the teacher's logits on every training image, without crops
// or flips, in one pass before the training (so that a step costs the student's time only).
at::Tensor teacherLogits(const TrainOptions &options, const Dataset &trainSet, int64_t classes, const CancelToken *cancel)
{
    EngineOptions engineOptions;
    engineOptions.device = options.device;
    engineOptions.threads = options.threads;
    Engine engine(Network::load(options.teacher), trainSet, engineOptions);
    const Arrangement intact = identityArrangement(int(engine.info().blocks.size()));
    const int64_t images = engine.imageCount();
    std::vector<float> values;
    for (int64_t first = 0; first < images && !(cancel && cancel->cancelled()); first += 1000) {
        const std::vector<float> part = engine.logits(intact, first, 1000);
        values.insert(values.end(), part.begin(), part.end());
    }
    if (int64_t(values.size()) % images != 0 || int64_t(values.size()) / images != classes)
        throw Error(options.teacher + ": --teacher: its output has " + std::to_string(values.size() / size_t(images))
                    + " classes, the training set " + std::to_string(classes));
    return at::from_blob(values.data(), {images, classes}, at::kFloat).clone();
}

// Hinton, Vinyals and Dean (2015): KL(teacher || student) of the logits softened at temperature
// T, times T^2 so that its gradients keep their scale beside the cross-entropy's.
at::Tensor distillationLoss(const at::Tensor &student, const at::Tensor &teacher)
{
    constexpr double temperature = 4;
    const at::Tensor logTeacher = at::log_softmax(teacher / temperature, 1);
    const at::Tensor logStudent = at::log_softmax(student / temperature, 1);
    return (logTeacher.exp() * (logTeacher - logStudent)).sum(1).mean() * (temperature * temperature);
}

// The optimiser of the architecture: AdamW with decoupled weight decay for the ViT (SGD trains
// small ViTs poorly), SGD with Nesterov momentum for the residual networks, as in the paper.
std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const TrainOptions &options, const std::vector<at::Tensor> &parameters)
{
    if (options.architecture == "vit")
        return std::make_unique<torch::optim::AdamW>(
            parameters, torch::optim::AdamWOptions(options.learningRate).weight_decay(options.weightDecay));
    return std::make_unique<torch::optim::SGD>(parameters, torch::optim::SGDOptions(options.learningRate)
                                                               .momentum(options.momentum)
                                                               .nesterov(true)
                                                               .weight_decay(options.weightDecay));
}

} // namespace

TrainOptions defaultTrainOptions(const std::string &architecture)
{
    TrainOptions options;
    options.architecture = architecture;
    if (architecture == "vit") {
        options.depth = 12;
        options.width = 64;
        options.learningRate = 1e-3;
        options.weightDecay = 0.05;
    }
    return options;
}

std::vector<double> survivalProbabilities(int blocks, double survivalLast)
{
    std::vector<double> survival(blocks);
    for (int l = 1; l <= blocks; ++l)
        survival[l - 1] = 1.0 - double(l) / double(blocks) * (1.0 - survivalLast);
    return survival;
}

std::vector<bool> sampleDrops(const std::vector<double> &survival, std::mt19937_64 &random)
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::vector<bool> dropped(survival.size());
    for (size_t i = 0; i < survival.size(); ++i)
        dropped[i] = uniform(random) >= survival[i];
    return dropped;
}

std::vector<bool> sampleActiveBlocks(int blocks, int active, std::mt19937_64 &random)
{
    std::vector<int> order(blocks);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    std::vector<bool> dropped(blocks, true);
    for (int i = 0; i < std::min(active, blocks); ++i)
        dropped[order[i]] = false;
    return dropped;
}

TrainResult train(const TrainOptions &options, const Dataset &trainSet, const Dataset &testSet,
                  const TrainCallback &progress, const CancelToken *cancel)
{
    const std::string &arch = options.architecture;
    if (arch != "preact" && arch != "postact" && arch != "plain" && arch != "plain-constant" && arch != "vit")
        throw Error("--arch: expected preact, postact, plain, plain-constant or vit, got '" + arch + "'");
    const bool constantWidth = arch == "plain-constant";
    const bool transformer = arch == "vit";
    if (constantWidth || transformer ? options.depth < 1 : options.depth < 8 || (options.depth - 2) % 6 != 0)
        throw Error(constantWidth ? "--depth: plain-constant needs at least one layer"
                    : transformer ? "--depth: vit needs at least one encoder layer"
                                  : "--depth: expected 6n + 2 with n >= 1 (8, 14, 20, ..., 56, 110), got " + std::to_string(options.depth));
    if ((constantWidth || transformer) && (options.width < 1 || options.width > 1024))
        throw Error("--width: expected 1 to 1024 channels, got " + std::to_string(options.width));
    if (transformer) {
        if (options.heads < 1 || options.width % options.heads != 0)
            throw Error("--heads: expected a divisor of the width " + std::to_string(options.width) + ", got "
                        + std::to_string(options.heads));
        if (options.patch < 1 || options.patch > std::min(trainSet.imageShape[1], trainSet.imageShape[2]))
            throw Error("--patch: expected 1 to " + std::to_string(std::min(trainSet.imageShape[1], trainSet.imageShape[2]))
                        + " pixels (the images are " + std::to_string(trainSet.imageShape[1]) + "x"
                        + std::to_string(trainSet.imageShape[2]) + "), got " + std::to_string(options.patch));
        if (options.mlp < 1 || options.mlp > 16384)
            throw Error("--mlp: expected 1 to 16384 hidden units, got " + std::to_string(options.mlp));
    }
    const bool plain = arch == "plain" || constantWidth;
    const int blockCount = constantWidth ? options.depth : transformer ? 2 * options.depth : (options.depth - 2) / 2;
    if (options.sampleBlocks < 0 || options.sampleBlocks > blockCount)
        throw Error("--sample-blocks: expected 1 to " + std::to_string(blockCount) + " of the " + std::to_string(blockCount)
                    + " blocks, got " + std::to_string(options.sampleBlocks));
    if (options.sampleBlocks > 0 && (plain || options.survivalLast < 1))
        throw Error("--sample-blocks trains a residual network with a random subset of its blocks; it needs shortcuts and "
                    "does not combine with --stochastic-depth");
    if (!(options.survivalLast > 0 && options.survivalLast <= 1)) // NaN too
        throw Error("--stochastic-depth: p_L must lie in (0, 1]");
    if (!(options.learningRate > 0 && std::isfinite(options.learningRate)))
        throw Error("--lr: the learning rate must be a finite number greater than 0");
    if (plain && options.survivalLast < 1)
        throw Error("stochastic depth needs shortcuts; it does not apply to a plain network");
    if (options.output.empty())
        throw Error("train needs --out FILE");
    if (options.epochs < 1 || options.batchSize < 1)
        throw Error("train needs at least one epoch and one image per batch");
    if (trainSet.imageShape != testSet.imageShape)
        throw Error(trainSet.path + ": training and test images differ in shape");
    // Before the training, not after it: a folder or an unwritable place as --out.
    checkOutputPath(options.output);
    // No checkpoints beside a device or FIFO given as --out (/dev/null): they would be stray files
    // in /dev, and there is no model file to resume.
    std::error_code statusError;
    const auto outputStatus = std::filesystem::status(options.output, statusError);
    const bool checkpoints = !std::filesystem::is_character_file(outputStatus) && !std::filesystem::is_fifo(outputStatus);
    if (checkpoints)
        checkOutputPath(options.output + ".checkpoint");
    else if (options.resume)
        throw Error(options.output + ": is not a regular file, so there is no checkpoint beside it to resume from");

    const auto started = std::chrono::steady_clock::now();
    tuneHeapForLargeTensors();
    const int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    at::set_num_threads(threads);
    const at::Device device = options.device != DeviceChoice::Cpu && cudaAvailable() ? at::Device(at::kCUDA, 0)
                                                                                      : at::Device(at::kCPU);
    if (options.device == DeviceChoice::Cuda && !cudaAvailable())
        throw Error("CUDA was requested, but this LibTorch build has no CUDA device");

    const at::Tensor trainImages = normalisedImages(trainSet, trainSet.mean, trainSet.std, false).to(device);
    const at::Tensor trainLabels = labelTensor(trainSet).to(device);
    const at::Tensor testImages = normalisedImages(testSet, trainSet.mean, trainSet.std, false).to(device);
    const at::Tensor testLabels = labelTensor(testSet).to(device);
    const float padValue = -trainSet.mean[0] / trainSet.std[0];
    const int64_t classes = *std::max_element(trainSet.labels.begin(), trainSet.labels.end()) + 1;
    const at::Tensor teacher = options.teacher.empty() ? at::Tensor() : teacherLogits(options, trainSet, classes, cancel).to(device);

    const std::string checkpoint = options.output + ".checkpoint";
    Module model;
    int startEpoch = 0;
    std::string initialMetadata; // --init's model's pathlens.json, kept in every file written
    torch::jit::ExtraFilesMap extra{{"pathlens.json", ""}, {"optimizer.pt", ""}};
    if (options.resume) {
        if (!std::filesystem::exists(checkpoint))
            throw Error(checkpoint + ": no checkpoint to resume from");
        checkReadableFile(checkpoint); // a FIFO would make torch::jit::load wait forever
        try {
            model = torch::jit::load(checkpoint, at::Device(at::kCPU), extra);
        } catch (const c10::Error &e) {
            throw Error(checkpoint + ": not a readable checkpoint (" + e.what_without_backtrace() + ")");
        }
        const std::string changed = changedOptions(options, trainSet, extra["pathlens.json"]);
        if (!changed.empty())
            throw Error(checkpoint + ": --resume continues the run as it was started; these options differ: " + changed
                        + ". Resume with the first run's options, or start anew without --resume");
        std::vector<double> done;
        try {
            done = metadataNumbers(extra["pathlens.json"], "epochs_done");
        } catch (const Error &e) {
            throw Error(checkpoint + ": " + e.what());
        }
        if (done.size() != 1 || !(done[0] >= 0 && done[0] <= options.epochs) || done[0] != std::floor(done[0]))
            throw Error(checkpoint + ": pathlens.json: \"epochs_done\" must be a whole number from 0 to " + std::to_string(options.epochs));
        startEpoch = int(done[0]);
        initialMetadata = initialMetadataOf(extra["pathlens.json"]);
    } else {
        torch::manual_seed(options.seed);
        model = buildTrainableModel(options, trainSet.imageShape, classes);
        if (!options.initialWeights.empty())
            initialMetadata = copyInitialWeights(model, options.initialWeights);
    }
    model.to(device);
    model.train(true);

    std::vector<at::Tensor> parameters;
    for (const auto &parameter : model.parameters()) {
        parameter.set_requires_grad(true);
        parameters.push_back(parameter);
    }
    const std::unique_ptr<torch::optim::Optimizer> optimizerOwner = makeOptimizer(options, parameters);
    torch::optim::Optimizer &optimizer = *optimizerOwner;
    if (options.resume && !extra["optimizer.pt"].empty()) {
        std::istringstream state(extra["optimizer.pt"]);
        // Onto the training device: a checkpoint from a GPU holds CUDA tensors, which a CPU-only
        // LibTorch cannot even allocate ("Could not run 'aten::empty_strided' ... 'CUDA' backend").
        torch::load(optimizer, state, device);
    }

    std::vector<BlockMethods> blocks;
    for (const auto &child : model.attr("blocks").toModule().named_children())
        blocks.push_back({child.value, bool(child.value.find_method("post"))});
    const auto survival = survivalProbabilities(int(blocks.size()), options.survivalLast);

    const int64_t images = trainImages.size(0);
    const int64_t steps = (images + options.batchSize - 1) / options.batchSize;
    const int64_t totalSteps = steps * options.epochs;
    TrainResult result;
    result.epochsDone = startEpoch;
    double imagesSeen = 0;
    const auto trainingStarted = std::chrono::steady_clock::now();
    for (int epoch = startEpoch; epoch < options.epochs; ++epoch) {
        if (options.stopAfterEpochs >= 0 && epoch >= options.stopAfterEpochs)
            break;
        // Everything random in an epoch comes from a generator seeded by (seed, epoch), so that a
        // resumed run repeats exactly what an uninterrupted one does.
        std::mt19937_64 random(options.seed * 1000003ULL + uint64_t(epoch));
        std::vector<int64_t> order(images);
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), random);
        const at::Tensor permutation = at::tensor(order, at::kLong).to(device);
        TrainProgress state;
        state.epoch = epoch;
        state.epochs = options.epochs;
        state.steps = steps;
        // Summed on the device and read every 25 steps: reading it every step made the host wait
        // for the GPU, and the GPU then for the host's next step.
        at::Tensor lossSum = at::zeros({}, trainImages.options());
        double lossMean = 0;
        for (int64_t step = 0; step < steps; ++step) {
            if (cancel && cancel->cancelled()) {
                result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                return result; // the last checkpoint stays for --resume
            }
            const int64_t start = step * options.batchSize;
            const at::Tensor indices = permutation.narrow(0, start, std::min<int64_t>(options.batchSize, images - start));
            const at::Tensor batch = augment(trainImages.index_select(0, indices), options, padValue, random);
            const std::vector<bool> dropped = options.sampleBlocks > 0
                                                  ? sampleActiveBlocks(int(blocks.size()), options.sampleBlocks, random)
                                                  : sampleDrops(survival, random);
            for (auto &group : optimizer.param_groups())
                group.options().set_lr(learningRateAt(options.learningRate, epoch * steps + step, totalSteps));
            optimizer.zero_grad();
            const at::Tensor logits = trainingForward(model, blocks, batch, dropped, plain);
            at::Tensor loss = at::cross_entropy_loss(logits, trainLabels.index_select(0, indices));
            if (teacher.defined())
                loss = 0.5 * (loss + distillationLoss(logits, teacher.index_select(0, indices)));
            loss.backward();
            optimizer.step();
            lossSum += loss.detach();
            if (step % 25 == 0 || step + 1 == steps)
                lossMean = lossSum.item<double>() / double(step + 1);
            imagesSeen += double(indices.size(0));
            if (progress) {
                const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - trainingStarted).count();
                state.step = step + 1;
                state.loss = lossMean;
                state.imagesPerSecond = imagesSeen / std::max(1e-9, elapsed);
                state.etaSeconds = (double(totalSteps - epoch * steps - step - 1) * options.batchSize) / state.imagesPerSecond;
                progress(state);
            }
        }
        result.testAccuracy = testAccuracy(model, testImages, testLabels);
        result.epochsDone = epoch + 1;
        std::ostringstream optimizerState;
        torch::save(optimizer, optimizerState);
        if (checkpoints)
            saveAtomically(model, checkpoint,
                           {{"pathlens.json", trainingMetadata(options, trainSet, epoch + 1, result.testAccuracy, initialMetadata)},
                            {"optimizer.pt", optimizerState.str()}});
        if (progress) {
            state.testAccuracy = result.testAccuracy;
            progress(state);
        }
    }
    if (result.epochsDone == options.epochs) {
        if (result.epochsDone == startEpoch) // resumed a finished run: nothing trained, measure again
            result.testAccuracy = testAccuracy(model, testImages, testLabels);
        model.eval();
        model.to(at::Device(at::kCPU));
        saveAtomically(model, options.output, {{"pathlens.json", trainingMetadata(options, trainSet, result.epochsDone, result.testAccuracy, initialMetadata)}});
        std::error_code removeError; // only our own regular file; a device there is left alone
        if (checkpoints && std::filesystem::is_regular_file(checkpoint, removeError))
            std::filesystem::remove(checkpoint, removeError);
        result.finished = true;
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace pathlens
