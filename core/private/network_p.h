#pragma once

// Private to core and its tests: the LibTorch side of Network. Never include from Qt code.

#include "arrangement.h"
#include "network.h"

#include <torch/script.h>

#include <functional>
#include <mutex>
#include <optional>
#include <set>

namespace pathlens {

using TensorFn = std::function<at::Tensor(const at::Tensor &)>;

// One residual block as y = post(shortcut(x) + residual(x)); an empty shortcut or post is the identity.
struct BlockOps
{
    std::string name;
    std::string kind;
    std::string unit; // what the residual branch does (attention, MLP, convolution, ...), read from its operations
    TensorFn residual;
    TensorFn shortcut;
    TensorFn post;
    // The block's own forward with its residual branches' outputs replaced by zeros, where its
    // graph can be split: what deleting it must compute, checked against post(shortcut(x)).
    TensorFn withoutResidual;
    std::string shortcutText; // what the shortcut computes, as `info` shows it
    // Layers between the previous block and this one that belong to no block (ConvNeXt's
    // LayerNorm + strided conv between stages): a fixed link of the chain, run before this block
    // whether it is deleted or not; the block never moves (DESIGN.md section 2, "links").
    TensorFn link;
    std::string linkText;
    int64_t parameters = 0;
    // The block's own module when it has a forward of its own: the verification compares that
    // forward with post(shortcut(x) + residual(x)) of this block and the next moduleUnits - 1.
    std::optional<torch::jit::Module> module;
    // A module with several residual units (a transformer layer's attention and MLP, DESIGN.md
    // section 2) is that many blocks: the first holds the module and their number; each holds its
    // own part of the module's graph, compared with its post(shortcut(x) + residual(x)).
    int moduleUnits = 1;
    TensorFn ownForward;
};

// How the blocks were found (DESIGN.md section 2); a device copy is read the same way again.
enum class BlockSource { Protocol, TorchvisionNames, Graph };

struct Network::Impl
{
    std::string path;
    std::string family;
    std::string metadataJson;
    std::string warning;
    std::string contentHash; // of the archive's bytes (Network::contentHash)
    std::string note; // what was adapted at load (float64 weights run as float32); empty when nothing
    torch::jit::Module module;
    TensorFn stem;
    TensorFn head;
    std::vector<BlockOps> blocks;
    // Empty when the batch norms after convolutions are folded into them (foldBatchNorms), else why not.
    std::string folding = "not folded";
    int64_t parameters = 0;
    bool plain = false; // blocks compute post(residual(x)); deleting one leaves x (DESIGN.md section 3)
    BlockSource source = BlockSource::Protocol;
    // Whether verifyDecomposition has passed; when the probe shape did not fit the model at load,
    // describe() verifies with the data's shape (guarded: engines describe from several threads).
    mutable bool verified = false;
    mutable std::mutex verifyMutex;
    // The data sets on which verifyOnData has passed (engines check once per data set).
    mutable std::set<std::string> verifiedData;

    // One slot: the whole block when active, only shortcut and post when deleted (DESIGN.md section 3).
    at::Tensor runBlock(const Slot &slot, const at::Tensor &x) const;

    // Slots [first, end) of one parallel group (a single slot: runBlock): x + the sum of the active
    // members' branches, or their mean when the group averages (DESIGN.md section 3).
    at::Tensor runGroup(const Arrangement &arrangement, int first, int end, const at::Tensor &x) const;

    // Logits for a batch under an arrangement, with no caching.
    at::Tensor forward(const at::Tensor &input, const Arrangement &arrangement) const;

};

// The end of the parallel group that starts at slot `first`: the first later slot that is not
// joined to it (first + 1 for an ordinary slot).
int groupEnd(const Arrangement &arrangement, int first);

// Core's own way to the loaded network (read-only; engines never run it: they run onDevice()'s
// copy). Not part of the public API: this header is private to core and its tests.
struct NetworkAccess
{
    static const Network::Impl &of(const Network &network) { return *network.m_impl; }
};

// Reads the blocks of `net.module` into `net` from its TorchScript graph (graphblocks.cpp); false
// with the reason in `whyNot` when the graph cannot be split.
bool loadFromGraph(Network::Impl &net, std::string &whyNot);

// Folds each batch norm and constant scaling that follows a convolution into it, in the blocks,
// stem and head of a device copy (folding.cpp); on the `cpu`, the convolutions then run as oneDNN
// operators. Empty when done, else why not: then `net` is unchanged.
std::string foldBatchNorms(Network::Impl &net, bool cpu);

// The block's own forward with the outputs of its residual branches replaced by zeros, read from
// its TorchScript graph with the roles of loadFromGraph; empty when the graph cannot be split.
TensorFn forwardWithoutResidual(const torch::jit::Module &block, const std::string &name);

// What a protocol block's residual(x) does, read from its operations with calls inlined as for
// blocks read from the graph: "attention", "MLP", "convolution", "token mixing" or "other".
std::string protocolUnitKind(const torch::jit::Module &block);

// The logits among a model's outputs: a tensor, the first tensor of a tuple or list, or the entry
// of a dict named by pathlens.json's "output". Throws Error naming `path` and what was found.
at::Tensor logitsOf(const c10::IValue &output, const std::string &metadataJson, const std::string &path);

// Compares, on a batch of the user's own (normalised) images, the model's own forward with
// head(blocks(stem(x))); throws Error naming the model and `dataName` when they differ. Catches a
// forward that branches on the data in a way the probe batch never did (verification.cpp).
void verifyOnData(const Network::Impl &net, const at::Tensor &images, const std::string &dataName);

// Checks on a deterministic probe batch that head(blocks(stem(x))) equals the module's own
// forward, that every block's own forward equals post(shortcut(x) + residual(x)), and that no
// part changes the tensor it receives (verification.cpp). Throws Error naming the first part that
// differs and by how much. False when the model's own forward does not take `inputShape`: nothing
// could be checked, and describe() verifies with the data's shape instead.
bool verifyDecomposition(const Network::Impl &net, const Shape &inputShape);

// The line of a LibTorch error worth showing: for errors raised inside TorchScript, the cause at
// the end of its traceback ("Given groups=1, weight of size ..."), else the first line.
std::string errorCause(const std::exception &error);

// Refuses a model whose own forward fails on a batch of `inputShape`, with LibTorch's reason: a
// model that cannot be probed is never run (verification.cpp).
[[noreturn]] void throwUnprobeable(const Network::Impl &net, const Shape &inputShape);

// The number of names under pathlens.json's "classes"; 0 when absent.
size_t metadataClassCount(const std::string &json);

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
// The top-level "key" as a string; empty when absent. Throws Error naming the key for any other type.
std::string metadataText(const std::string &json, const std::string &key);
// The top-level "key": true / false; false when absent. Throws Error naming the key for any other type.
bool metadataFlag(const std::string &json, const std::string &key);

// Refuses, naming `path`, metadata that is not a JSON object or whose known keys have the wrong
// type or impossible values (metadata.cpp).
void checkMetadata(const std::string &path, const std::string &json);

} // namespace pathlens
