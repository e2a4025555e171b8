#pragma once

#include "shape.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pathlens {

enum class Split { Test, Train };

// A labelled image data set held as 8-bit pixels, N x C x H x W, as stored on disk.
// Conversion to normalised floats happens once, in the engine.
struct Dataset
{
    std::string path;        // what the user named
    std::string format;      // "idx", "cifar10" or "images" (an image folder, read on the Qt side)
    Split split = Split::Test;
    Shape imageShape;        // C, H, W
    std::vector<uint8_t> pixels;
    std::vector<int64_t> labels;
    std::vector<std::string> classNames;
    std::vector<float> mean; // per channel, in units of pixel / 255
    std::vector<float> std;
    int64_t skipped = 0;     // files left out because they could not be read (image folders)
    std::string note;        // what the user should know about how the data was read; empty when nothing

    int64_t size() const { return static_cast<int64_t>(labels.size()); }
};

// Reads a data set. `path` is a folder (Fashion-MNIST / MNIST IDX files or CIFAR-10 binary
// batches) or one file (an IDX image file with its label file beside it, or one CIFAR-10 batch).
// `format` is "auto", "idx" or "cifar10". Throws Error naming the file and the problem.
Dataset loadDataset(const std::string &path, Split split = Split::Test, const std::string &format = "auto");

// In-memory parsers for the two binary formats. The file readers above call them, so that the
// fuzzers (tests/fuzz) reach exactly the checks a file gets, without temporary files. `name` is
// what error messages call the input (the file's path, for the readers); errors are Error, as above.
// Bytes are uncompressed (the file readers decompress .gz first).

// An IDX file (LeCun's MNIST format) of unsigned bytes with `dimensions` dimensions: the sizes and
// the data. Bytes after the declared data are ignored, as the file reader does.
struct IdxArray
{
    std::vector<uint32_t> sizes;
    std::vector<uint8_t> data;
};
IdxArray parseIdxArray(const uint8_t *bytes, size_t size, int dimensions, const std::string &name);

// An IDX image file (3 dimensions) and its label file (1 dimension) as one data set; `path` is
// what the user named (it picks the class names: MNIST digits or Fashion-MNIST).
Dataset parseIdxDataset(const uint8_t *images, size_t imagesSize, const std::string &imagesName,
                        const uint8_t *labels, size_t labelsSize, const std::string &labelsName,
                        const std::string &path, Split split = Split::Test);

// One CIFAR-10 binary batch: records of 1 label byte + 3 x 32 x 32 pixel bytes.
Dataset parseCifar10Batch(const uint8_t *bytes, size_t size, const std::string &name, Split split = Split::Test);

// True when `folder` holds IDX files or CIFAR-10 batches that loadDataset would read (for either
// split), so that a folder of class sub-folders can be told apart from it.
bool holdsIdxOrCifar(const std::string &folder);

// The folder Debian's dataset-fashion-mnist package installs.
std::string defaultDatasetPath();

// The first `limit` images (all when limit < 0 or larger than the set).
void truncate(Dataset &dataset, int64_t limit);

// A fixed, class-balanced subset of `count` images (all when count < 0 or larger than the set):
// the first images of each class, equal shares per class (a class with too few images leaves its
// share to the others), kept in their original order. The GUI's live subset (DESIGN.md section 9).
Dataset stratifiedSubset(const Dataset &dataset, int64_t count);

} // namespace pathlens
