// libFuzzer target: the CIFAR-10 binary batch reader (core/dataset.cpp, parseCifar10Batch) and
// what the program does next with a data set it accepted. The input is one batch file's bytes.
// Only pathlens::Error may leave the parser; anything else is a finding.

#include "dataset.h"
#include "error.h"
#include "fuzz_common.h"

#include <cstdint>

using namespace pathlens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    try {
        Dataset data = parseCifar10Batch(bytes, size, "fuzz/test_batch.bin");
        PL_FUZZ_CHECK(data.size() > 0);
        PL_FUZZ_CHECK(int64_t(data.pixels.size()) == data.size() * 3 * 32 * 32);
        for (int64_t label : data.labels)
            PL_FUZZ_CHECK(label >= 0 && label <= 9);
        const Dataset subset = stratifiedSubset(data, 3);
        PL_FUZZ_CHECK(subset.size() == std::min<int64_t>(3, data.size()));
        truncate(data, 1);
        PL_FUZZ_CHECK(data.size() == 1 && data.pixels.size() == 3 * 32 * 32);
    } catch (const Error &) {
    }
    return 0;
}
