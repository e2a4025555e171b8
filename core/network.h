#pragma once

#include "shape.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pathlens {

struct BlockInfo
{
    int index = 0;        // position in the original network, 0-based
    std::string name;     // module path, e.g. "layer2.0" or "blocks.7"
    std::string kind;     // "BasicBlock", "Bottleneck" or "protocol", else the module's type
    // What the residual branch does, read from its operations: "attention", "MLP",
    // "convolution", "token mixing" or "other"; a module with several residual additions (a
    // transformer layer) is several units, named module/unit (DESIGN.md section 2). Empty otherwise.
    std::string unit;
    int stage = 0;        // 0-based; a new stage starts at every downsampling block
    bool downsampling = false; // the shortcut is not the identity
    std::string shortcut; // what the shortcut computes: "identity", or its operations and the child they are in
    // The fixed link in front of the block (layers between stages outside any block, as ConvNeXt's
    // LayerNorm + strided conv), empty when none: it runs whether the block is deleted or not, and
    // the block stays at the start of its stage. inputShape is the shape before the link.
    std::string link;
    bool post = false;    // an operation follows the addition (post-activation blocks: ReLU)
    Shape inputShape;
    Shape linkOutputShape; // the block's own input: after its link (inputShape where there is none)
    Shape outputShape;
    int64_t parameters = 0;
};

struct NetworkInfo
{
    std::string path;
    std::string family;   // "torchvision ResNet" or "block protocol"
    bool plain = false;   // no shortcuts (metadata "plain": true): a deleted layer becomes the identity
    Shape inputShape;
    Shape stemOutputShape;
    int classCount = 0;
    int64_t parameters = 0;
    std::vector<BlockInfo> blocks;
    int stageCount = 0;
    std::string metadataJson; // the archive's pathlens.json, empty when absent
};

// A residual network seen block-wise: stem -> block_1 .. block_n -> head (DESIGN.md section 2).
// Loading is torch-free from the caller's side; the engine runs it.
class Network
{
public:
    // Loads a TorchScript archive and recognises its blocks. Throws Error naming the file and
    // what was looked for / found when it is not a supported residual network.
    static std::shared_ptr<Network> load(const std::string &path);
    // The same from the archive's bytes in memory; `name` stands for the file in messages. The
    // model-loader fuzzer (tests/fuzz) uses it to run load's checks without temporary files.
    static std::shared_ptr<Network> loadFromBytes(const std::string &bytes, const std::string &name);
    ~Network();

    const std::string &path() const;
    const std::string &family() const;
    const std::string &metadataJson() const;
    // Problems that do not stop evaluation but make its numbers doubtful (NaN or infinite
    // weights, with the tensors named); empty when there are none.
    const std::string &warning() const;
    // A 64-bit FNV-1a hash of the archive's bytes, as hex: the same file contents, the same model.
    const std::string &contentHash() const;
    // What was adapted at load so that the model runs (float64 or float16 weights run as float32);
    // empty when nothing was.
    const std::string &note() const;
    int blockCount() const;

    // The input shape the metadata names, else channels from the first convolution and the
    // usual size for them (28x28 for one channel, 32x32 for three).
    Shape defaultInputShape() const;

    // Runs one zero image of the given shape through the network to find every block's shapes.
    // Throws Error when the network cannot take that shape.
    NetworkInfo describe(const Shape &inputShape) const;

    // The LibTorch side, defined in core/private/network_p.h and reached only through
    // NetworkAccess there (core's sources and tests), never from Qt code.
    struct Impl;

    // A copy of the network with its own weights on `device` ("cpu", "cuda:0"), made once per
    // device and shared by the engines that run there. The loaded module itself is never moved
    // or run by an engine, so building an engine while another one evaluates cannot change the
    // weights under it (Module::to rewrites every parameter, even to the same device).
    // `bfloat16`: a separate copy whose floating-point weights and buffers are bfloat16
    // (Precision::Bf16). `foldBatchNorms`: an FP32 copy whose blocks run with each batch norm folded
    // into the convolution before it (core/folding.cpp); the results agree with the unfolded
    // network within verificationTolerance. Bfloat16 copies are never folded (folding in bfloat16
    // would round the folded weights once more).
    std::shared_ptr<const Impl> onDevice(const std::string &device, bool bfloat16 = false,
                                         bool foldBatchNorms = true) const;

private:
    friend struct NetworkAccess;
    explicit Network(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
    struct DeviceCopies;
    std::unique_ptr<DeviceCopies> m_copies;
};

} // namespace pathlens
