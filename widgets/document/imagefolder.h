#pragma once

// Image folders as data sets (DESIGN.md section 7): one sub-folder per class, every image decoded
// with QImage, resized and centre-cropped to the model's input size. Lives on the Qt side because
// core has no image decoders; the result is core's plain Dataset, so the engine does not care.

#include "dataset.h"
#include "shape.h"

#include <string>

namespace pathlens {

// How many unreadable files an image folder's note names before it only counts them.
constexpr int namedSkippedFiles = 5;

// Reads `folder` (one sub-folder per class; class names are the sub-folder names, sorted, and a
// class's label is its index in that order; files are taken from each class folder and its
// sub-folders, sorted by path; hidden files and folders are ignored). Each image is scaled so that
// it covers `inputShape`'s H x W with its aspect ratio kept (the shorter side fits), then cropped
// to H x W around its centre, and stored as 8-bit pixels with C channels: grey when C = 1, RGB
// when C = 3. Files that cannot be decoded (not an image, truncated, empty) are skipped and
// counted in Dataset::skipped, and Dataset::note names the first few. mean/std are the per-channel
// statistics of the pixels read. Throws Error naming the folder when it has no class sub-folders,
// no readable image, or `inputShape` is not 1xHxW or 3xHxW.
Dataset loadImageFolder(const std::string &folder, const Shape &inputShape);

// True when `path` is a folder of class sub-folders (and not a folder of IDX files or CIFAR-10
// batches, whose own sub-folder cifar-10-batches-bin must not pass for a class).
bool isImageFolder(const std::string &path);

// The one entry point for the CLI and the GUI. `format` is "auto", "idx", "cifar10" or "images".
// Image folders ("images", or "auto" and isImageFolder(path)) are read with loadImageFolder; if
// `path` has sub-folders named test (or val) and train that hold class folders, `split` picks one,
// otherwise both splits are the same images (the note says so). `inputShape` is the model's input
// (Network::defaultInputShape()); image folders need it, the other formats ignore it. An empty
// `inputShape` takes the size of the first readable image, grey when it is grey (for training,
// where no model exists yet). Everything else goes to core's loadDataset. Throws Error.
Dataset loadAnyDataset(const std::string &path, Split split, const std::string &format, const Shape &inputShape);

} // namespace pathlens
