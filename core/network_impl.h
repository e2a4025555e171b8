#pragma once

// Private to core and its tests: the LibTorch side of Network. Never include from Qt code.

#include "arrangement.h"
#include "network.h"

#include <torch/script.h>

#include <functional>

namespace pathlens {

using TensorFn = std::function<at::Tensor(const at::Tensor &)>;

// One residual block as y = post(shortcut(x) + residual(x)); an empty shortcut or post is the identity.
struct BlockOps
{
    std::string name;
    std::string kind;
    TensorFn residual;
    TensorFn shortcut;
    TensorFn post;
    bool projectingShortcut = false; // known from the module structure (torchvision's downsample)
    int64_t parameters = 0;
};

struct Network::Impl
{
    std::string path;
    std::string family;
    std::string metadataJson;
    std::string warning;
    torch::jit::Module module;
    TensorFn stem;
    TensorFn head;
    std::vector<BlockOps> blocks;
    int64_t parameters = 0;
    bool plain = false; // blocks compute post(residual(x)); deleting one leaves x (DESIGN.md section 3)

    // One slot: the whole block when active, only shortcut and post when deleted (DESIGN.md section 3).
    at::Tensor runBlock(const Slot &slot, const at::Tensor &x) const;

    // Logits for a batch under an arrangement, with no caching.
    at::Tensor forward(const at::Tensor &input, const Arrangement &arrangement) const;

    // Moves the weights; a Network lives on one device at a time.
    void to(const at::Device &device);
};

// Limits for the input_shape of pathlens.json, checked at load: far beyond any image data set
// the program shows, small enough that one probe image is a modest allocation.
constexpr int64_t maxMetadataSide = 65536;
constexpr int64_t maxMetadataElements = int64_t(1) << 24;

// The number or the numbers of a flat array under the top-level `key` of the metadata
// ("epochs_done": 3, "input_shape": [1, 28, 28]); empty when absent or when there is no metadata.
// Keys inside nested objects never count. Throws Error naming the key when its value has another
// type, and Error when the text is not a JSON object (Network::load has refused such a file already).
std::vector<double> metadataNumbers(const std::string &json, const std::string &key);
// The top-level "key": true / false; false when absent. Throws Error naming the key for any other type.
bool metadataFlag(const std::string &json, const std::string &key);

} // namespace pathlens
