#pragma once

// Private to core and its tests: the LibTorch side of Network. Never include from Qt code.

#include "arrangement.h"
#include "network.h"

#include <torch/script.h>

#include <functional>
#include <mutex>
#include <optional>

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
    int64_t parameters = 0;
    // The block's own module when it has a forward of its own: the verification compares that
    // forward with post(shortcut(x) + residual(x)).
    std::optional<torch::jit::Module> module;
};

// How the blocks were found (DESIGN.md section 2); a device copy is read the same way again.
enum class BlockSource { Protocol, TorchvisionNames, Graph };

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
    BlockSource source = BlockSource::Protocol;
    // Whether verifyDecomposition has passed; when the probe shape did not fit the model at load,
    // describe() verifies with the data's shape (guarded: engines describe from several threads).
    mutable bool verified = false;
    mutable std::mutex verifyMutex;

    // One slot: the whole block when active, only shortcut and post when deleted (DESIGN.md section 3).
    at::Tensor runBlock(const Slot &slot, const at::Tensor &x) const;

    // Logits for a batch under an arrangement, with no caching.
    at::Tensor forward(const at::Tensor &input, const Arrangement &arrangement) const;

};

// Reads the blocks of `net.module` into `net` from its TorchScript graph (graphblocks.cpp); false
// with the reason in `whyNot` when the graph cannot be split.
bool loadFromGraph(Network::Impl &net, std::string &whyNot);

// Checks on a deterministic probe batch that head(blocks(stem(x))) equals the module's own
// forward, that every block's own forward equals post(shortcut(x) + residual(x)), and that no
// part changes the tensor it receives (verification.cpp). Throws Error naming the first part that
// differs and by how much. False when the model's own forward does not take `inputShape`: nothing
// could be checked, and describe() verifies with the data's shape instead.
bool verifyDecomposition(const Network::Impl &net, const Shape &inputShape);

// The tolerance of verifyDecomposition: |ours - forward| <= verificationTolerance * (1 + max |forward|).
constexpr double verificationTolerance = 1e-4;

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

// Refuses, naming `path`, metadata that is not a JSON object or whose known keys have the wrong
// type or impossible values (metadata.cpp).
void checkMetadata(const std::string &path, const std::string &json);

} // namespace pathlens
