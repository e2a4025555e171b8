#pragma once

// Private to core and its tests: the LibTorch side of training, split by concern. training.cpp
// runs the schedule; modelbuilder.cpp builds the networks; checkpoint.cpp writes their files.

#include "training.h"

#include <torch/script.h>

#include <cstdint>
#include <string>

namespace pathlens {

// A freshly initialised network of options.architecture in the block protocol (DESIGN.md
// section 2), drawn from LibTorch's global generator (seed it first).
torch::jit::Module buildTrainableModel(const TrainOptions &options, const Shape &imageShape, int64_t classes);

// pathlens.json of a trained model or checkpoint (DESIGN.md section 7). `initialMetadata` is the
// pathlens.json of the model --init started from, kept whole as "initialised_from" so that the
// file says every epoch it was trained for; empty without --init.
std::string trainingMetadata(const TrainOptions &options, const Dataset &data, int epochsDone, double accuracy,
                             const std::string &initialMetadata);

// --init: copies the parameters and buffers of the trained model at `path` into `model` by name and
// returns that model's pathlens.json ("{}" when it has none). Throws Error naming the file when a
// name or a shape differs: it is then a model of another architecture or size.
std::string copyInitialWeights(torch::jit::Module &model, const std::string &path);

// The "initialised_from" object of a checkpoint's pathlens.json, as text; empty when it has none.
std::string initialMetadataOf(const std::string &checkpointJson);

// The options of this run that differ from those a checkpoint's pathlens.json was trained with,
// as "--depth 20 (the checkpoint has 14)"; empty when none do.
std::string changedOptions(const TrainOptions &options, const Dataset &data, const std::string &json);

// The model and its extra files written with writeFileSafely (safefile.h): an interruption or a
// full disk leaves the previous file intact.
void saveAtomically(torch::jit::Module &model, const std::string &path, const torch::jit::ExtraFilesMap &extra);

} // namespace pathlens
