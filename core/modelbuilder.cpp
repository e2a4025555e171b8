// Building the networks that `pathlens-cli train` trains as TorchScript modules in the block
// protocol (DESIGN.md section 2).

#include "private/training_p.h"

#include <cmath>

namespace pathlens {
namespace {

using torch::jit::Module;

constexpr int64_t stageChannels[] = {16, 32, 64};

std::string batchNorm(const std::string &input, const std::string &name)
{
    return "torch.batch_norm(" + input + ", self." + name + "_weight, self." + name + "_bias, self." + name
           + "_running_mean, self." + name + "_running_var, self.training, 0.1, 1e-05, False)";
}

std::string conv(const std::string &input, const std::string &name, int stride, int padding)
{
    return "torch.conv2d(" + input + ", self." + name + "_weight, None, [" + std::to_string(stride) + ", "
           + std::to_string(stride) + "], [" + std::to_string(padding) + ", " + std::to_string(padding) + "])";
}

// He initialisation (fan-out, ReLU), as torchvision does for residual networks.
at::Tensor convWeight(int64_t out, int64_t in, int64_t kernel)
{
    return at::randn({out, in, kernel, kernel}) * std::sqrt(2.0 / double(out * kernel * kernel));
}

void addConv(Module &m, const std::string &name, int64_t out, int64_t in, int64_t kernel)
{
    m.register_parameter(name + "_weight", convWeight(out, in, kernel), false);
}

void addBatchNorm(Module &m, const std::string &name, int64_t channels)
{
    m.register_parameter(name + "_weight", at::ones({channels}), false);
    m.register_parameter(name + "_bias", at::zeros({channels}), false);
    m.register_buffer(name + "_running_mean", at::zeros({channels}));
    m.register_buffer(name + "_running_var", at::ones({channels}));
}

// How much of each residual branch the trained model keeps at test time: stochastic depth's p_l,
// and for short-path training K/n, the share of mini-batches in which a block was active (the same
// rule; Veit et al. do not say how they test).
std::vector<double> testSurvival(const TrainOptions &options, int blocks)
{
    if (options.sampleBlocks > 0)
        return std::vector<double>(blocks, double(options.sampleBlocks) / double(blocks));
    return survivalProbabilities(blocks, options.survivalLast);
}

class ModelBuilder
{
public:
    ModelBuilder(const TrainOptions &options, const Shape &imageShape, int64_t classes)
        : m_options(options)
        , m_unit(std::make_shared<torch::jit::CompilationUnit>())
        , m_inChannels(imageShape[0])
        , m_imageShape(imageShape)
        , m_classes(classes)
    {
    }

    Module build()
    {
        if (m_options.architecture == "plain-constant")
            return buildConstantWidth();
        if (m_options.architecture == "vit")
            return buildVisionTransformer();
        const bool preact = m_options.architecture == "preact";
        Module model = newModule("PathlensResNet");
        // conv -> BN -> ReLU before the first block in every variant: He et al. (Identity Mappings,
        // appendix) put the first activation right after conv1 in the pre-activation network too,
        // so the identity stream does not start as a bare linear convolution.
        addConv(model, "conv", 16, m_inChannels, 3);
        addBatchNorm(model, "bn", 16);
        Module blocks = newModule("Blocks");
        const int perStage = (m_options.depth - 2) / 6;
        const auto survival = testSurvival(m_options, 3 * perStage);
        int64_t channels = 16;
        std::string forward = "def forward(self, x):\n    x = self.stem(x)\n";
        for (int stage = 0; stage < 3; ++stage)
            for (int i = 0; i < perStage; ++i) {
                const int index = stage * perStage + i;
                const int stride = stage > 0 && i == 0 ? 2 : 1;
                const int64_t out = stageChannels[stage];
                blocks.register_module("block" + std::to_string(index), block(channels, out, stride, survival[index]));
                forward += "    x = self.blocks.block" + std::to_string(index) + ".forward(x)\n";
                channels = out;
            }
        model.register_module("blocks", blocks);
        if (preact)
            addBatchNorm(model, "bn_final", 64);
        const std::string stem = "    return torch.relu(" + batchNorm(conv("x", "conv", 1, 1), "bn") + ")\n";
        const std::string head = (preact ? "    x = torch.relu(" + batchNorm("x", "bn_final") + ")\n" : std::string()) + poolAndClassify(model, 64);
        model.define("def stem(self, x):\n" + stem + "\ndef head(self, x):\n" + head + "\n" + forward
                     + "    return self.head(x)\n");
        return model;
    }

private:
    // The paper's plain control (Veit et al., Section 4.1: deleting any layer of a plain network
    // drops to chance): a stride-2 stem to `width` channels, then `depth` conv -> BN -> ReLU
    // layers of one shape, so that every layer can be deleted (replaced by the identity).
    Module buildConstantWidth()
    {
        const int64_t width = m_options.width;
        Module model = newModule("PathlensPlain");
        addConv(model, "conv", width, m_inChannels, 3);
        addBatchNorm(model, "bn", width);
        Module blocks = newModule("Blocks");
        std::string forward = "def forward(self, x):\n    x = self.stem(x)\n";
        for (int i = 0; i < m_options.depth; ++i) {
            Module layer = newModule("PlainLayer");
            addConv(layer, "conv", width, width, 3);
            addBatchNorm(layer, "bn", width);
            layer.define("def residual(self, x):\n    return " + batchNorm(conv("x", "conv", 1, 1), "bn") + "\n\n"
                         "def shortcut(self, x):\n    return torch.zeros_like(x)\n\n"
                         "def post(self, y):\n    return torch.relu(y)\n\n"
                         "def forward(self, x):\n    return self.post(self.residual(x))\n");
            blocks.register_module("block" + std::to_string(i), layer);
            forward += "    x = self.blocks.block" + std::to_string(i) + ".forward(x)\n";
        }
        model.register_module("blocks", blocks);
        model.define("def stem(self, x):\n    return torch.relu(" + batchNorm(conv("x", "conv", 2, 1), "bn") + ")\n\n"
                     "def head(self, x):\n" + poolAndClassify(model, width) + "\n" + forward + "    return self.head(x)\n");
        return model;
    }

    // A pre-LN Vision Transformer (Dosovitskiy et al., 2021) in the block protocol: the stem cuts
    // the image into patches (a strided convolution), prepends a class token and adds learned
    // positions; every encoder layer is two units, x + attention(LN(x)) and x + MLP(LN(x)) (DESIGN.md
    // section 2, "units"); the head reads the class token through a final LayerNorm. Weights are
    // stored [out, in] as in torch.nn.Linear.
    Module buildVisionTransformer()
    {
        const int64_t width = m_options.width;
        const int64_t patch = m_options.patch;
        const int64_t tokens = (m_imageShape[1] / patch) * (m_imageShape[2] / patch) + 1;
        Module model = newModule("PathlensViT");
        model.register_parameter("patch_weight", smallNormal({width, m_inChannels, patch, patch}), false);
        model.register_parameter("patch_bias", at::zeros({width}), false);
        model.register_parameter("class_token", at::zeros({1, 1, width}), false);
        model.register_parameter("position", smallNormal({1, tokens, width}), false);
        addLayerNorm(model, "norm", width);
        Module blocks = newModule("Units");
        const auto survival = testSurvival(m_options, 2 * m_options.depth);
        std::string forward = "def forward(self, x):\n    x = self.stem(x)\n";
        for (int layer = 0; layer < m_options.depth; ++layer)
            for (const bool attention : {true, false}) {
                const std::string name = "layer" + std::to_string(layer) + (attention ? "_attention" : "_mlp");
                const double p = survival[size_t(2 * layer + (attention ? 0 : 1))];
                blocks.register_module(name, attention ? attentionUnit(p) : mlpUnit(p));
                forward += "    x = self.blocks." + name + ".forward(x)\n";
            }
        model.register_module("blocks", blocks);
        addLinear(model, "fc", m_classes, width);
        const std::string p = std::to_string(patch);
        model.define("def stem(self, x):\n"
                     "    x = torch.conv2d(x, self.patch_weight, self.patch_bias, [" + p + ", " + p + "], [0, 0])\n"
                     "    x = torch.flatten(x, 2).transpose(1, 2)\n"
                     "    return torch.cat([self.class_token.expand(x.size(0), -1, -1), x], 1) + self.position\n\n"
                     "def head(self, x):\n"
                     "    x = " + layerNorm("x[:, 0]", "norm") + "\n"
                     "    return torch.linear(x, self.fc_weight, self.fc_bias)\n\n"
                     + forward + "    return self.head(x)\n");
        return model;
    }

    // x + proj(softmax(q k^T / sqrt(d)) v) over `heads` heads, q, k, v from one [width, 3 width] matrix.
    Module attentionUnit(double survival)
    {
        const int64_t width = m_options.width;
        const int64_t heads = m_options.heads;
        Module m = newModule("AttentionUnit");
        m.register_attribute("survival", c10::FloatType::get(), survival);
        m.register_attribute("scale", c10::FloatType::get(), 1.0 / std::sqrt(double(width / heads)));
        addLayerNorm(m, "norm", width);
        addLinear(m, "qkv", 3 * width, width);
        addLinear(m, "proj", width, width);
        const std::string w = std::to_string(width);
        m.define("def residual(self, x):\n"
                 "    n = x.size(0)\n"
                 "    t = x.size(1)\n"
                 "    y = " + layerNorm("x", "norm") + "\n"
                 "    qkv = torch.linear(y, self.qkv_weight, self.qkv_bias).reshape(n, t, 3, " + std::to_string(heads)
                 + ", " + std::to_string(width / heads) + ").permute(2, 0, 3, 1, 4)\n"
                 "    scores = torch.softmax(torch.matmul(qkv[0], qkv[1].transpose(-2, -1)) * self.scale, -1)\n"
                 "    out = torch.matmul(scores, qkv[2]).transpose(1, 2).reshape(n, t, " + w + ")\n"
                 "    out = torch.linear(out, self.proj_weight, self.proj_bias)\n"
                 + survivalScaling() + identityShortcut());
        return m;
    }

    // x + W2 GELU(W1 LN(x)), the hidden layer `mlp` wide.
    Module mlpUnit(double survival)
    {
        const int64_t width = m_options.width;
        const int64_t hidden = m_options.mlp;
        Module m = newModule("MlpUnit");
        m.register_attribute("survival", c10::FloatType::get(), survival);
        addLayerNorm(m, "norm", width);
        addLinear(m, "fc1", hidden, width);
        addLinear(m, "fc2", width, hidden);
        m.define("def residual(self, x):\n"
                 "    y = " + layerNorm("x", "norm") + "\n"
                 "    out = torch.linear(torch.gelu(torch.linear(y, self.fc1_weight, self.fc1_bias)), self.fc2_weight, self.fc2_bias)\n"
                 + survivalScaling() + identityShortcut());
        return m;
    }

    // Stochastic depth: trained with the branch dropped at random, tested with it scaled by its
    // survival probability (DESIGN.md section 6). The end of every residual method.
    static std::string survivalScaling()
    {
        return "    if self.training:\n        return out\n    return out * self.survival\n\n";
    }

    static std::string identityShortcut()
    {
        return "def shortcut(self, x):\n    return x\n\n"
               "def forward(self, x):\n    return self.shortcut(x) + self.residual(x)\n";
    }

    // A normal draw with standard deviation 0.02, the initialisation of ViT's linear layers and positions.
    static at::Tensor smallNormal(at::IntArrayRef shape)
    {
        return at::randn(shape) * 0.02;
    }

    // A linear layer's weight [out, in] and bias, applied with torch.linear.
    static void addLinear(Module &m, const std::string &name, int64_t out, int64_t in)
    {
        m.register_parameter(name + "_weight", smallNormal({out, in}), false);
        m.register_parameter(name + "_bias", at::zeros({out}), false);
    }

    std::string layerNorm(const std::string &input, const std::string &name) const
    {
        return "torch.layer_norm(" + input + ", [" + std::to_string(m_options.width) + "], self." + name + "_weight, self."
               + name + "_bias, 1e-06, False)";
    }

    static void addLayerNorm(Module &m, const std::string &name, int64_t width)
    {
        m.register_parameter(name + "_weight", at::ones({width}), false);
        m.register_parameter(name + "_bias", at::zeros({width}), false);
    }

    // Global average pooling and the linear classifier (its parameters are registered on `model`).
    std::string poolAndClassify(Module &model, int64_t channels)
    {
        model.register_parameter("fc_weight", (at::rand({m_classes, channels}) * 2 - 1) / 8.0, false);
        model.register_parameter("fc_bias", at::zeros({m_classes}), false);
        return "    x = torch.flatten(torch.adaptive_avg_pool2d(x, [1, 1]), 1)\n"
               "    return torch.matmul(x, self.fc_weight.t()) + self.fc_bias\n";
    }

    Module newModule(const std::string &name)
    {
        Module m(c10::QualifiedName("__torch__.pathlens." + name), m_unit, /*shouldMangle=*/true);
        m.register_attribute("training", c10::BoolType::get(), true);
        return m;
    }

    Module block(int64_t in, int64_t out, int stride, double survival)
    {
        const std::string &arch = m_options.architecture;
        const bool projection = stride != 1 || in != out;
        Module m = newModule(arch == "preact" ? "PreActBlock" : arch == "plain" ? "PlainBlock" : "BasicBlock");
        m.register_attribute("survival", c10::FloatType::get(), survival);
        addConv(m, "conv1", out, in, 3);
        addConv(m, "conv2", out, out, 3);
        addBatchNorm(m, "bn1", arch == "preact" ? in : out);
        addBatchNorm(m, "bn2", out);
        std::string residual;
        if (arch == "preact") {
            residual = "    out = " + conv("torch.relu(" + batchNorm("x", "bn1") + ")", "conv1", stride, 1) + "\n"
                       "    out = " + conv("torch.relu(" + batchNorm("out", "bn2") + ")", "conv2", 1, 1) + "\n";
        } else {
            residual = "    out = torch.relu(" + batchNorm(conv("x", "conv1", stride, 1), "bn1") + ")\n"
                       "    out = " + batchNorm(conv("out", "conv2", 1, 1), "bn2") + "\n";
        }
        // Stochastic depth: trained with the branch dropped at random, tested with it scaled by
        // its survival probability (DESIGN.md section 6).
        std::string source = "def residual(self, x):\n" + residual
                             + "    if self.training:\n        return out\n    return out * self.survival\n\n";
        if (arch == "plain") {
            // No shortcut: shortcut(x) is zero, so the protocol's post(shortcut(x) + residual(x))
            // is the plain layer post(residual(x)).
            source += "def shortcut(self, x):\n    return torch.zeros([x.size(0), " + std::to_string(out) + ", (x.size(2) + "
                      + std::to_string(stride - 1) + ") // " + std::to_string(stride) + ", (x.size(3) + "
                      + std::to_string(stride - 1) + ") // " + std::to_string(stride)
                      + "], dtype=x.dtype, device=x.device)\n\n"
                        "def post(self, y):\n    return torch.relu(y)\n\n"
                        "def forward(self, x):\n    return self.post(self.residual(x))\n";
        } else {
            if (projection) {
                addConv(m, "projection", out, in, 1);
                if (arch == "postact")
                    addBatchNorm(m, "projection_bn", out);
                const std::string shortcut = conv("x", "projection", stride, 0);
                source += "def shortcut(self, x):\n    return "
                          + (arch == "postact" ? batchNorm(shortcut, "projection_bn") : shortcut) + "\n\n";
            } else {
                source += "def shortcut(self, x):\n    return x\n\n";
            }
            if (arch == "postact")
                source += "def post(self, y):\n    return torch.relu(y)\n\n"
                          "def forward(self, x):\n    return self.post(self.shortcut(x) + self.residual(x))\n";
            else
                source += "def forward(self, x):\n    return self.shortcut(x) + self.residual(x)\n";
        }
        m.define(source);
        return m;
    }

    const TrainOptions &m_options;
    std::shared_ptr<torch::jit::CompilationUnit> m_unit;
    int64_t m_inChannels;
    Shape m_imageShape;
    int64_t m_classes;
};

} // namespace

Module buildTrainableModel(const TrainOptions &options, const Shape &imageShape, int64_t classes)
{
    return ModelBuilder(options, imageShape, classes).build();
}

} // namespace pathlens
