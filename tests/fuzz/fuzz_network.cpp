// libFuzzer target: the model loader (core/network.cpp, Network::loadFromBytes = the checks of
// Network::load): torch::jit::load of the bytes, then our recognition of the block structure and
// the metadata. The input is a TorchScript archive (a zip); seeds are tiny real exports made by
// tests/fuzz/make_seeds.py. LibTorch is not instrumented, so this mainly finds what our code does
// with what LibTorch accepts, and any exception other than pathlens::Error that escapes.

#include "error.h"
#include "fuzz_common.h"
#include "network.h"

#include <cstdint>
#include <string>

using namespace pathlens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    try {
        const auto network = Network::loadFromBytes(std::string(reinterpret_cast<const char *>(bytes), size),
                                                    "fuzz.pt");
        PL_FUZZ_CHECK(network->blockCount() > 0);
        // What every caller asks next; it reads the metadata (pathlens.json) and the weights.
        const Shape shape = network->defaultInputShape();
        PL_FUZZ_CHECK(shape.size() == 3);
        // Every caller then runs one probe image through it (the seeds are tiny, so this is cheap).
        const NetworkInfo info = network->describe(shape);
        PL_FUZZ_CHECK(int(info.blocks.size()) == network->blockCount());
    } catch (const Error &) {
    }
    return 0;
}
