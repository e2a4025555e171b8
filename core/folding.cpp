// Inference copies with each batch norm folded into the convolution before it (issue 27 item 2).
//
// A batch norm in eval mode is a per-channel affine map, so conv → BN is one convolution with
// weight W·γ/√(σ²+ε) and bias β + (b − μ)·γ/√(σ²+ε), and a constant scaling after a convolution
// (stochastic depth's survival factor) folds into its weight the same way. LibTorch does both on
// frozen graphs (freeze_module + OptimizeFrozenGraph: FoldFrozenConvBatchnorm, FoldFrozenConvAddOrSub,
// FoldFrozenConvMulOrDiv), which is what torch.jit.freeze runs. Each removed batch norm is one
// memory-bound pass over an activation less: measured on the bundled ResNet-110 (2 threads, batch
// 64), the blocks ran 15-35 % faster in PyTorch 1.13 itself. A batch norm that does not follow a
// convolution (a pre-activation block's first) stays as it is.

#include "private/network_p.h"

#include <torch/csrc/jit/passes/freeze_module.h>
#include <torch/csrc/jit/passes/frozen_ops_to_mkldnn.h>
#include <torch/csrc/jit/passes/frozen_graph_optimizations.h>

namespace pathlens {
namespace {

using torch::jit::Module;

TensorFn callFrozen(Module frozen, const std::string &method)
{
    return [frozen, method](const at::Tensor &x) mutable { return frozen.run_method(method, x).toTensor(); };
}

// A copy of `module` whose `methods` hold its weights as constants, with conv → BN and conv → scale
// folded; on the CPU with its convolutions as oneDNN operators on prepacked weights.
Module frozenWith(const Module &module, const std::vector<std::string> &methods, bool oneDnn)
{
    Module frozen = torch::jit::freeze_module(module, methods);
    for (const std::string &method : methods) {
        auto graph = frozen.get_method(method).graph();
        torch::jit::OptimizeFrozenGraph(graph, true);
        if (oneDnn)
            torch::jit::ConvertFrozenOpsToMKLDNN(graph);
    }
    return frozen;
}

// Block protocol: the blocks' residual/shortcut/post and the network's stem/head, as exported.
void foldProtocol(Network::Impl &net, bool oneDnn)
{
    for (BlockOps &ops : net.blocks) {
        std::vector<std::string> methods{"residual", "shortcut"};
        if (ops.post)
            methods.push_back("post");
        const Module frozen = frozenWith(*ops.module, methods, oneDnn);
        ops.residual = callFrozen(frozen, "residual");
        ops.shortcut = callFrozen(frozen, "shortcut");
        if (ops.post)
            ops.post = callFrozen(frozen, "post");
    }
    const Module frozen = frozenWith(net.module, {"stem", "head"}, oneDnn);
    net.stem = callFrozen(frozen, "stem");
    net.head = callFrozen(frozen, "head");
}

// torchvision's BasicBlock and Bottleneck: their residual branch as one method (the engine's own
// out-of-place ReLU, as in network.cpp), defined once per block type of this copy, then frozen.
void foldTorchvision(Network::Impl &net, bool oneDnn)
{
    for (BlockOps &ops : net.blocks) {
        Module block = *ops.module;
        const bool bottleneck = ops.kind == "Bottleneck";
        const bool downsample = block.hasattr("downsample") && block.attr("downsample").isModule();
        if (!block.find_method("pathlens_residual")) {
            // Children are called by their forward: a module type has no __call__ in TorchScript.
            block.define(bottleneck ? "def pathlens_residual(self, x):\n"
                                      "    y = torch.relu(self.bn1.forward(self.conv1.forward(x)))\n"
                                      "    y = torch.relu(self.bn2.forward(self.conv2.forward(y)))\n"
                                      "    return self.bn3.forward(self.conv3.forward(y))\n"
                                    : "def pathlens_residual(self, x):\n"
                                      "    y = torch.relu(self.bn1.forward(self.conv1.forward(x)))\n"
                                      "    return self.bn2.forward(self.conv2.forward(y))\n");
            if (downsample)
                block.define("def pathlens_shortcut(self, x):\n    return self.downsample.forward(x)\n");
        }
        std::vector<std::string> methods{"pathlens_residual"};
        if (downsample)
            methods.push_back("pathlens_shortcut");
        const Module frozen = frozenWith(block, methods, oneDnn);
        ops.residual = callFrozen(frozen, "pathlens_residual");
        if (downsample)
            ops.shortcut = callFrozen(frozen, "pathlens_shortcut");
    }
}

} // namespace

std::string foldBatchNorms(Network::Impl &net, bool cpu)
{
    const bool oneDnn = cpu && at::hasMKLDNN();
    // A NaN or infinite weight folded into another one spreads differently from the network as
    // loaded (an infinite scale times a zero weight is NaN): such a network, which load already
    // warns about, runs as it was loaded, so that its numbers are the model's own.
    auto finite = [](const at::Tensor &tensor) {
        return !tensor.is_floating_point() || at::isfinite(tensor).all().item<bool>();
    };
    for (const at::Tensor &tensor : net.module.parameters())
        if (!finite(tensor))
            return "not folded: the network has NaN or infinite weights";
    for (const at::Tensor &tensor : net.module.buffers())
        if (!finite(tensor))
            return "not folded: the network has NaN or infinite weights";
    // Outside inference mode: the folded weights must stay usable by autograd (the gradients).
    c10::InferenceMode notInference(false);
    const std::vector<BlockOps> unfolded = net.blocks;
    const TensorFn stem = net.stem, head = net.head;
    try {
        if (net.source == BlockSource::Protocol)
            foldProtocol(net, oneDnn);
        else if (net.source == BlockSource::TorchvisionNames)
            foldTorchvision(net, oneDnn);
        else
            return "blocks read from the TorchScript graph are run as they are";
        return {};
    } catch (const std::exception &e) {
        // Folding is an optimisation: a module LibTorch cannot freeze runs as it was loaded.
        net.blocks = unfolded;
        net.stem = stem;
        net.head = head;
        const std::string cause = errorCause(e);
        return "batch norms not folded: " + (cause.empty() ? std::string(e.what()).substr(0, 300) : cause);
    }
}

} // namespace pathlens
