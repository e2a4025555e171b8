#pragma once

// pathlens' own demo models (DESIGN.md sections 2, 3 and 6): CIFAR-style residual networks of
// depth 6n + 2 (three stages of 16/32/64 channels), pre-activation as in the paper's CIFAR
// network or post-activation, their plain twins without shortcuts, a constant-width plain
// control in which every layer can be deleted, stochastic depth, and Veit et al.'s short-path
// training (a random subset of K blocks per mini-batch, Section 5). The
// models are built as TorchScript modules that follow the block protocol, so a trained file is
// an ordinary TorchScript archive that the engine and PyTorch both load.

#include "dataset.h"
#include "engine.h"

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace pathlens {

struct TrainOptions
{
    std::string architecture = "preact"; // "preact", "postact", "plain", "plain-constant" or "vit"
    int depth = 110;                      // 6n + 2; plain-constant: the number of layers; vit: encoder layers
    int width = 32;                       // plain-constant: channels of every layer; vit: the embedding width
    int patch = 4;                        // vit: side of the square patches
    int heads = 4;                        // vit: attention heads (they divide the width)
    int mlp = 128;                        // vit: width of the MLP's hidden layer
    double survivalLast = 1.0;            // p_L of stochastic depth; 1: off
    int sampleBlocks = 0;                 // K > 0: only K random blocks active per mini-batch
    int epochs = 10;
    int batchSize = 128;
    double learningRate = 0.1;            // peak of the schedule
    double momentum = 0.9;                // Nesterov (SGD; vit trains with AdamW)
    double weightDecay = 5e-4;            // SGD's L2 term; AdamW's decoupled decay for vit
    bool flip = true;                     // random horizontal flips
    int cropPadding = 2;                  // random crops from zero-padded images
    uint64_t seed = 1;
    int threads = 0;                      // 0: all cores
    DeviceChoice device = DeviceChoice::Auto;
    std::string output;                   // the trained model; checkpoints go to output + ".checkpoint"
    bool resume = false;                  // continue from the checkpoint
    std::string initialWeights;           // start from this trained model's weights (same shape) with a fresh schedule
    // A trained model whose logits on the training images are a second target (knowledge
    // distillation, Hinton et al. 2015): loss = (CE(labels) + T^2 KL(teacher_T || student_T)) / 2
    // at temperature T = 4. The teacher runs once, on the images without crops or flips.
    std::string teacher;
    int stopAfterEpochs = -1;             // stop (as if interrupted) after this many epochs; -1: never
};

// The options `pathlens-cli train --arch ARCH` starts from: the residual networks train with SGD
// (peak 0.1), the ViT with AdamW (peak 1e-3, decay 0.05) as 12 layers of width 64, 4 heads, MLP 128,
// 4x4 patches (49 patches of a 28x28 image and the class token: about 47 MFLOP per image).
TrainOptions defaultTrainOptions(const std::string &architecture);

struct TrainProgress
{
    int epoch = 0;           // 0-based
    int epochs = 0;
    int64_t step = 0;        // within the epoch
    int64_t steps = 0;
    double loss = 0;         // running mean over the epoch
    double imagesPerSecond = 0;
    double etaSeconds = 0;   // to the end of training
    double testAccuracy = -1; // after an epoch, else -1
};

struct TrainResult
{
    int epochsDone = 0;
    double testAccuracy = 0;
    double seconds = 0;
    bool finished = false; // false when stopped early or cancelled (the checkpoint allows --resume)
};

using TrainCallback = std::function<void(const TrainProgress &)>;

// Survival probability of block l = 1..L: p_l = 1 - (l / L)(1 - p_L) (Huang et al., 2016).
std::vector<double> survivalProbabilities(int blocks, double survivalLast);

// Per mini-batch, which residual branches stochastic depth drops: block l with probability 1 - p_l.
std::vector<bool> sampleDrops(const std::vector<double> &survival, std::mt19937_64 &random);

// Per mini-batch, which residual branches short-path training drops: all but `active` of `blocks`,
// drawn uniformly without replacement (Veit et al., Section 5: 23 of 54 blocks).
std::vector<bool> sampleActiveBlocks(int blocks, int active, std::mt19937_64 &random);

// Trains and writes `options.output` (atomically), with a checkpoint after every epoch.
// Throws Error for bad options or files.
TrainResult train(const TrainOptions &options, const Dataset &trainSet, const Dataset &testSet,
                  const TrainCallback &progress = {}, const CancelToken *cancel = nullptr);

} // namespace pathlens
