// libFuzzer target: the IDX reader (core/dataset.cpp, parseIdxDataset) and what the program does
// next with a data set it accepted (truncate, stratifiedSubset).
//
// Input layout, so that one input holds both files: a 4-byte big-endian length L, then L bytes of
// the label file (IDX, 1 dimension), then the image file (IDX, 3 dimensions). A short input or an
// L beyond the end gives an empty label file / image file. tests/fuzz/make_seeds.py writes seeds
// in this layout, cut from Fashion-MNIST.
//
// Only pathlens::Error may leave the parser; anything else (another exception, a crash, a
// sanitizer report, a broken invariant) is a finding.

#include "dataset.h"
#include "error.h"
#include "fuzz_common.h"

#include <algorithm>
#include <cstdint>

using namespace pathlens;

namespace {

void checkConsistent(const Dataset &data)
{
    PL_FUZZ_CHECK(data.imageShape.size() == 3);
    PL_FUZZ_CHECK(data.size() > 0);
    for (int64_t side : data.imageShape)
        PL_FUZZ_CHECK(side > 0);
    PL_FUZZ_CHECK(int64_t(data.pixels.size()) == data.size() * elementCount(data.imageShape));
    PL_FUZZ_CHECK(data.mean.size() == 1 && data.std.size() == 1);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    size_t labelsSize = 0;
    if (size >= 4)
        labelsSize = std::min<size_t>(size - 4, uint32_t(bytes[0]) << 24 | uint32_t(bytes[1]) << 16
                                                    | uint32_t(bytes[2]) << 8 | uint32_t(bytes[3]));
    const uint8_t *labels = bytes + std::min<size_t>(size, 4);
    const uint8_t *images = labels + labelsSize;
    const size_t imagesSize = size - (images - bytes);
    try {
        Dataset data = parseIdxDataset(images, imagesSize, "fuzz-images-idx3-ubyte", labels, labelsSize,
                                       "fuzz-labels-idx1-ubyte", "fuzz/fashion");
        checkConsistent(data);
        const Dataset subset = stratifiedSubset(data, data.size() / 2);
        PL_FUZZ_CHECK(subset.size() == data.size() / 2);
        if (subset.size() > 0)
            checkConsistent(subset);
        truncate(data, (data.size() + 1) / 2);
        checkConsistent(data);
    } catch (const Error &) {
        // Refused with a message: what a bad file must get.
    }
    return 0;
}
