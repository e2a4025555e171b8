#include "private/network_p.h"

#include "error.h"
#include "safefile.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <cctype>
#include <cmath>
#include <cstring>
#include <sstream>

namespace pathlens {
namespace {

using torch::jit::Module;

std::string firstLine(const std::string &text)
{
    const auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

// The line of a LibTorch error worth showing. Errors raised inside TorchScript methods arrive as
// "The following operation failed in the TorchScript interpreter." plus a traceback; the cause is
// the last "...Error: " line, e.g. "RuntimeError: Given groups=1, weight of size [16, 16, 3, 3],
// expected input[1, 32, 14, 14] to have 16 channels, but got 32 channels instead".
std::string causeOf(const std::string &text)
{
    std::string cause;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        const size_t marker = line.find("Error: ");
        if (marker != std::string::npos && line.find(' ') > marker) // "RuntimeError: ...", not prose
            cause = line.substr(marker + 7);
        start = end + 1;
    }
    return cause.empty() ? firstLine(text) : cause;
}

} // namespace

std::string errorCause(const std::exception &error)
{
    const auto *torchError = dynamic_cast<const c10::Error *>(&error);
    return causeOf(torchError ? torchError->what_without_backtrace() : error.what());
}

namespace {

std::map<std::string, Module> childrenOf(const Module &module)
{
    std::map<std::string, Module> children;
    for (const auto &child : module.named_children())
        children.emplace(child.name, child.value);
    return children;
}

// The unmangled class name of a scripted or traced module, e.g. "Conv2d".
std::string typeName(const Module &module)
{
    const auto name = module.type()->name();
    return name ? name->name() : std::string();
}

std::string joinKeys(const std::map<std::string, Module> &children)
{
    std::string text;
    for (const auto &entry : children)
        text += (text.empty() ? "" : ", ") + entry.first;
    return text.empty() ? "none" : text;
}

int64_t parameterCount(const Module &module)
{
    int64_t count = 0;
    for (const auto &parameter : module.parameters())
        count += parameter.numel();
    return count;
}

TensorFn call(Module module)
{
    // torch.jit.trace records an nn.Identity as a forward without inputs, so it cannot be called.
    if (typeName(module) == "Identity")
        return [](const at::Tensor &x) { return x; };
    return [module](const at::Tensor &x) mutable { return module.forward({x}).toTensor(); };
}

TensorFn callMethod(Module module, std::string method)
{
    return [module, method](const at::Tensor &x) mutable { return module.run_method(method, x).toTensor(); };
}

TensorFn chain(std::vector<TensorFn> steps)
{
    return [steps](const at::Tensor &x) {
        at::Tensor y = x;
        for (const auto &step : steps)
            y = step(y);
        return y;
    };
}

// torchvision's ReLU modules are in-place; the engine applies its own out-of-place ReLU so that
// cached activations are never modified.
at::Tensor relu(const at::Tensor &x) { return at::relu(x); }

bool isConv(const Module &m) { return typeName(m).find("Conv2d") != std::string::npos; }
bool isBatchNorm(const Module &m) { return typeName(m).find("BatchNorm2d") != std::string::npos; }

// A torchvision BasicBlock or Bottleneck, recognised by its children (conv1/bn1/conv2/bn2 and,
// for a Bottleneck, conv3/bn3; an optional downsample shortcut).
std::optional<BlockOps> torchvisionBlock(const std::string &name, const Module &block)
{
    auto children = childrenOf(block);
    auto has = [&](const char *child, bool (*check)(const Module &)) {
        const auto it = children.find(child);
        return it != children.end() && check(it->second);
    };
    if (!has("conv1", isConv) || !has("bn1", isBatchNorm) || !has("conv2", isConv) || !has("bn2", isBatchNorm))
        return std::nullopt;
    BlockOps ops;
    ops.name = name;
    std::vector<TensorFn> steps{call(children["conv1"]), call(children["bn1"]), relu,
                                call(children["conv2"]), call(children["bn2"])};
    if (has("conv3", isConv) && has("bn3", isBatchNorm)) {
        ops.kind = "Bottleneck";
        steps.insert(steps.end(), {relu, call(children["conv3"]), call(children["bn3"])});
    } else {
        ops.kind = "BasicBlock";
    }
    ops.residual = chain(steps);
    ops.shortcutText = "identity";
    if (const auto it = children.find("downsample"); it != children.end()) {
        ops.shortcut = call(it->second);
        ops.shortcutText = "downsample (" + typeName(it->second) + ")";
    }
    ops.post = relu;
    ops.withoutResidual = forwardWithoutResidual(block, name);
    ops.parameters = parameterCount(block);
    ops.module = block;
    return ops;
}

std::vector<std::pair<std::string, Module>> orderedChildren(const Module &module)
{
    std::vector<std::pair<std::string, Module>> result;
    for (const auto &child : module.named_children())
        result.emplace_back(child.name, child.value);
    return result;
}

// conv1/bn1/relu/[maxpool]/layer1..layerK/avgpool/fc, as torchvision's ResNet and CIFAR-style
// variants with the same attribute names.
bool loadTorchvisionStyle(Network::Impl &net)
{
    auto children = childrenOf(net.module);
    if (!children.count("conv1") || !children.count("bn1") || !children.count("fc") || !children.count("layer1"))
        return false;
    std::vector<TensorFn> stem{call(children["conv1"]), call(children["bn1"]), relu};
    if (children.count("maxpool"))
        stem.push_back(call(children["maxpool"]));
    net.stem = chain(stem);

    for (int layer = 1; children.count("layer" + std::to_string(layer)); ++layer) {
        const std::string layerName = "layer" + std::to_string(layer);
        for (const auto &[childName, block] : orderedChildren(children[layerName])) {
            const std::string name = layerName + "." + childName;
            auto ops = torchvisionBlock(name, block);
            if (!ops)
                throw Error(net.path + ": " + name + " (" + typeName(block)
                            + ") is not a residual block: expected children conv1, bn1, conv2, bn2 "
                              "[conv3, bn3] [downsample], found " + joinKeys(childrenOf(block)));
            net.blocks.push_back(std::move(*ops));
        }
    }
    std::vector<TensorFn> head;
    if (children.count("avgpool"))
        head.push_back(call(children["avgpool"]));
    else
        head.push_back([](const at::Tensor &x) { return at::adaptive_avg_pool2d(x, {1, 1}); });
    head.push_back([](const at::Tensor &x) { return x.flatten(1); });
    head.push_back(call(children["fc"]));
    net.head = chain(head);
    net.family = "torchvision-style ResNet";
    return true;
}

// DESIGN.md section 2, protocol 2: exported stem(x)/head(x), a `blocks` list whose members
// export residual(x), shortcut(x) and optionally post(y).
bool loadBlockProtocol(Network::Impl &net)
{
    if (!net.module.find_method("stem") || !net.module.find_method("head") || !net.module.hasattr("blocks"))
        return false;
    const auto blocksValue = net.module.attr("blocks");
    if (!blocksValue.isModule())
        throw Error(net.path + ": attribute 'blocks' is not a ModuleList or Sequential");
    net.stem = callMethod(net.module, "stem");
    net.head = callMethod(net.module, "head");
    for (const auto &[childName, block] : orderedChildren(blocksValue.toModule())) {
        const std::string name = "blocks." + childName;
        if (!block.find_method("residual") || !block.find_method("shortcut"))
            throw Error(net.path + ": " + name + " (" + typeName(block)
                        + ") does not export residual(x) and shortcut(x) with @torch.jit.export");
        BlockOps ops;
        ops.name = name;
        ops.kind = "protocol";
        ops.unit = protocolUnitKind(block);
        ops.residual = callMethod(block, "residual");
        ops.shortcut = callMethod(block, "shortcut");
        ops.withoutResidual = forwardWithoutResidual(block, name);
        if (block.find_method("post"))
            ops.post = callMethod(block, "post");
        ops.parameters = parameterCount(block);
        ops.module = block;
        net.blocks.push_back(std::move(ops));
    }
    net.family = "block protocol";
    return true;
}

// A deterministic, non-constant probe image, so that a projecting shortcut cannot look like the
// identity the way it could on an all-zero input.
at::Tensor probeInput(const Shape &shape)
{
    Shape batch{1};
    batch.insert(batch.end(), shape.begin(), shape.end());
    return at::arange(elementCount(batch), at::kFloat).mul(0.37).sin().reshape(batch);
}

Shape shapeOf(const at::Tensor &batch)
{
    const auto sizes = batch.sizes();
    return Shape(sizes.begin() + 1, sizes.end());
}

// Names the weights and buffers holding NaN or infinite values: evaluation still runs, but the
// user must know why its numbers are meaningless.
std::string nonFiniteWeights(const Network::Impl &net)
{
    c10::InferenceMode inferenceMode;
    std::string names;
    int64_t count = 0;
    auto check = [&](const std::string &name, const at::Tensor &tensor) {
        if (!tensor.is_floating_point())
            return;
        const int64_t bad = tensor.numel() - at::isfinite(tensor).sum().item<int64_t>();
        if (bad == 0)
            return;
        count += bad;
        names += (names.empty() ? "" : ", ") + name + " (" + std::to_string(bad) + ")";
    };
    for (const auto &parameter : net.module.named_parameters())
        check(parameter.name, parameter.value);
    for (const auto &buffer : net.module.named_buffers())
        check(buffer.name, buffer.value);
    if (count == 0)
        return {};
    return net.path + ": " + std::to_string(count) + " weights are NaN or infinite, so its outputs will be too: " + names;
}

} // namespace

at::Tensor Network::Impl::runBlock(const Slot &slot, const at::Tensor &input) const
{
    const BlockOps &block = blocks.at(slot.block);
    const at::Tensor x = block.link ? block.link(input) : input;
    if (plain) {
        if (!slot.active)
            return x;
        const at::Tensor y = block.residual(x);
        return block.post ? block.post(y) : y;
    }
    at::Tensor y = block.shortcut ? block.shortcut(x) : x;
    if (slot.active)
        y = y + block.residual(x);
    return block.post ? block.post(y) : y;
}

int groupEnd(const Arrangement &arrangement, int first)
{
    int end = first + 1;
    while (end < int(arrangement.size()) && arrangement[end].join != Join::Chain)
        ++end;
    return end;
}

at::Tensor Network::Impl::runGroup(const Arrangement &arrangement, int first, int end, const at::Tensor &x) const
{
    if (end == first + 1)
        return runBlock(arrangement[first], x);
    // Members are free-standing (whyInvalid): identity shortcut, no link, no post-op.
    at::Tensor sum;
    int active = 0;
    for (int q = first; q < end; ++q)
        if (arrangement[q].active) {
            const at::Tensor branch = blocks.at(arrangement[q].block).residual(x);
            sum = active++ == 0 ? branch : sum + branch;
        }
    if (active == 0)
        return x;
    return arrangement[end - 1].join == Join::Mean ? x + sum / double(active) : x + sum;
}

at::Tensor Network::Impl::forward(const at::Tensor &input, const Arrangement &arrangement) const
{
    at::Tensor x = stem(input);
    for (int q = 0; q < int(arrangement.size());) {
        const int end = groupEnd(arrangement, q);
        x = runGroup(arrangement, q, end, x);
        q = end;
    }
    return head(x);
}

struct Network::DeviceCopies
{
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const Impl>> byDevice;
};

Network::Network(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
    , m_copies(std::make_unique<DeviceCopies>())
{
}

Network::~Network() = default;

namespace {

// FNV-1a over a stream's bytes: identifies a model file's contents for the result caches.
std::string contentHashOf(std::istream &stream)
{
    uint64_t hash = 1469598103934665603ull;
    char buffer[1 << 16];
    while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
        for (std::streamsize i = 0; i < stream.gcount(); ++i)
            hash = (hash ^ static_cast<unsigned char>(buffer[i])) * 1099511628211ull;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

// torch::jit::load from a file or from memory, with the same messages for both.
template<typename Source>
torch::jit::Module readArchive(Source &&source, const std::string &name, std::string &metadataJson)
{
    torch::jit::ExtraFilesMap extraFiles{{"pathlens.json", ""}};
    torch::jit::Module module;
    try {
        module = torch::jit::load(std::forward<Source>(source), at::Device(at::kCPU), extraFiles);
    } catch (const torch::jit::ErrorReport &) {
        // Code in the archive that does not compile. Not asked for its message: what() renders the
        // source, which in a damaged archive can throw out of a noexcept function and abort
        // (found by the model-loader fuzzer; tests/fuzz/regressions/network/damaged-source.pt).
        throw Error(name + ": not a readable TorchScript archive (its TorchScript code does not compile)");
    } catch (const c10::Error &e) {
        const std::string what = e.what_without_backtrace();
        // torch.save writes the same zip container without TorchScript code (constants.pkl, code/).
        if (what.find("constants.pkl") != std::string::npos || what.find("code/") != std::string::npos)
            throw Error(name + ": written by torch.save (a state_dict or a pickled nn.Module), not a TorchScript archive. "
                               "Save the model itself as TorchScript: model.eval(); torch.jit.script(model).save(\"model.pt\") "
                               "(or torch.jit.trace(model, example_images).save(\"model.pt\"))");
        throw Error(name + ": not a readable TorchScript archive (" + firstLine(what) + ")");
    } catch (const std::exception &e) {
        throw Error(name + ": not a readable TorchScript archive (" + firstLine(e.what()) + ")");
    }
    metadataJson = extraFiles["pathlens.json"];
    return module;
}

// The input shape for the load-time probe: the metadata's, else the usual one for the first
// convolution's channels (Network::defaultInputShape).
Shape probeShapeOf(const Network::Impl &impl);

// Weights saved in float64 or float16 run as float32, as the data do (a double model otherwise fails
// with "expected scalar type Float but found Double", which reads as if the data were wrong).
std::string toFloat32(Network::Impl &impl)
{
    std::set<std::string> types;
    for (const auto &tensor : impl.module.parameters())
        if (tensor.is_floating_point() && tensor.scalar_type() != at::kFloat)
            types.insert(c10::toString(tensor.scalar_type()));
    for (const auto &tensor : impl.module.buffers())
        if (tensor.is_floating_point() && tensor.scalar_type() != at::kFloat)
            types.insert(c10::toString(tensor.scalar_type()));
    if (types.empty())
        return {};
    impl.module.to(at::kFloat);
    std::string names;
    for (const auto &type : types)
        names += (names.empty() ? "" : ", ") + type;
    return impl.path + ": its weights are " + names + "; pathlens runs them as float32 (logits agree with the original "
                       "to about 1e-6 of their size; call model.float() before exporting to silence this note)";
}

// Reads stem, blocks and head with the method that `impl.source` names. The reading of a device
// copy repeats the reading of the loaded module, so it needs no verification of its own.
void readBlocks(Network::Impl &impl)
{
    impl.blocks.clear();
    std::string whyNot;
    switch (impl.source) {
    case BlockSource::Protocol:
        loadBlockProtocol(impl);
        break;
    case BlockSource::TorchvisionNames:
        loadTorchvisionStyle(impl);
        break;
    case BlockSource::Graph:
        if (!loadFromGraph(impl, whyNot))
            throw Error(impl.path + ": " + whyNot);
        break;
    }
}

// Recognises the blocks of a loaded module (DESIGN.md section 2) and verifies them on a probe
// batch, or says what was found instead. Protocol models are read from their methods; any other
// model is read by torchvision's child names (the fast path) and, when that does not apply or
// does not reproduce the model's forward, from its TorchScript graph.
void recognise(Network::Impl &impl)
{
    checkMetadata(impl.path, impl.metadataJson); // first: the probe's shape may come from it
    const Shape probeShape = probeShapeOf(impl);
    impl.plain = metadataFlag(impl.metadataJson, "plain");
    impl.module.eval();
    impl.note = toFloat32(impl);
    impl.parameters = parameterCount(impl.module);

    if (loadBlockProtocol(impl)) {
        impl.source = BlockSource::Protocol;
        if (impl.blocks.empty())
            throw Error(impl.path + ": the network has no residual blocks");
        impl.verified = verifyDecomposition(impl, probeShape);
        impl.warning = nonFiniteWeights(impl);
        return;
    }
    std::string byNames;
    try {
        if (loadTorchvisionStyle(impl) && !impl.blocks.empty()) {
            impl.source = BlockSource::TorchvisionNames;
            impl.verified = verifyDecomposition(impl, probeShape);
            impl.warning = nonFiniteWeights(impl);
            return;
        }
        byNames = "torchvision-style children (conv1, bn1, layer1.., fc) not found";
    } catch (const Error &e) {
        byNames = e.what();
    }
    impl.blocks.clear();
    std::string byGraph;
    if (loadFromGraph(impl, byGraph)) {
        impl.source = BlockSource::Graph;
        impl.verified = verifyDecomposition(impl, probeShape);
        impl.warning = nonFiniteWeights(impl);
        return;
    }
    std::string methods;
    for (const auto &method : impl.module.get_methods())
        methods += (methods.empty() ? "" : ", ") + method.name();
    throw Error(impl.path + ": not a supported residual network: its TorchScript graph could not be split into stem, "
                            "residual blocks and head (" + byGraph + "); the block protocol (stem/head methods and a "
                            "'blocks' list) was not found; found children: " + joinKeys(childrenOf(impl.module))
                + "; methods: " + (methods.empty() ? "none" : methods));
}

} // namespace

std::shared_ptr<Network> Network::load(const std::string &path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(path + ": no such file");
    if (fs::is_directory(path, ec))
        throw Error(path + ": is a folder, expected a TorchScript model file (.pt)");
    checkReadableFile(path); // a FIFO or a device would block the reader (the GUI opens models too)
    if (fs::file_size(path, ec) == 0)
        throw Error(path + ": the file is empty, expected a TorchScript model");

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->module = readArchive(path, path, impl->metadataJson);
    std::ifstream file(path, std::ios::binary);
    impl->contentHash = contentHashOf(file);
    recognise(*impl);
    return std::shared_ptr<Network>(new Network(std::move(impl)));
}

std::shared_ptr<Network> Network::loadFromBytes(const std::string &bytes, const std::string &name)
{
    if (bytes.empty())
        throw Error(name + ": the file is empty, expected a TorchScript model");
    auto impl = std::make_unique<Impl>();
    impl->path = name;
    std::istringstream stream(bytes);
    impl->module = readArchive(stream, name, impl->metadataJson);
    std::istringstream again(bytes);
    impl->contentHash = contentHashOf(again);
    recognise(*impl);
    return std::shared_ptr<Network>(new Network(std::move(impl)));
}

const std::string &Network::path() const { return m_impl->path; }
const std::string &Network::family() const { return m_impl->family; }
const std::string &Network::metadataJson() const { return m_impl->metadataJson; }
const std::string &Network::warning() const { return m_impl->warning; }
const std::string &Network::note() const { return m_impl->note; }
const std::string &Network::contentHash() const { return m_impl->contentHash; }
int Network::blockCount() const { return static_cast<int>(m_impl->blocks.size()); }

namespace {

Shape probeShapeOf(const Network::Impl &impl)
{
    const auto fromMetadata = metadataNumbers(impl.metadataJson, "input_shape");
    if (fromMetadata.size() == 3)
        return {int64_t(fromMetadata[0]), int64_t(fromMetadata[1]), int64_t(fromMetadata[2])};
    int64_t channels = 3;
    for (const auto &parameter : impl.module.parameters()) {
        if (parameter.dim() == 4) { // the first convolution's weight: out x in x kh x kw
            channels = parameter.size(1);
            break;
        }
    }
    const int64_t side = channels == 1 ? 28 : 32;
    return {channels, side, side};
}

} // namespace

Shape Network::defaultInputShape() const
{
    return probeShapeOf(*m_impl);
}

std::shared_ptr<const Network::Impl> Network::onDevice(const std::string &device, bool bfloat16,
                                                      bool foldBatchNorms) const
{
    const std::lock_guard<std::mutex> lock(m_copies->mutex);
    const bool fold = foldBatchNorms && !bfloat16;
    auto &copy = m_copies->byDevice[device + (bfloat16 ? "/bf16" : "") + (fold ? "/folded" : "")];
    if (!copy) {
        auto impl = std::make_unique<Impl>();
        impl->path = m_impl->path;
        impl->family = m_impl->family;
        impl->metadataJson = m_impl->metadataJson;
        impl->warning = m_impl->warning;
        impl->note = m_impl->note;
        impl->contentHash = m_impl->contentHash;
        impl->parameters = m_impl->parameters;
        impl->plain = m_impl->plain;
        impl->source = m_impl->source;
        impl->module = m_impl->module.clone(); // outside inference mode: the gradients need usable weights
        impl->module.eval();
        if (bfloat16)
            impl->module.to(at::Device(device), at::kBFloat16);
        else
            impl->module.to(at::Device(device));
        readBlocks(*impl);
        impl->folding = fold ? pathlens::foldBatchNorms(*impl, at::Device(device).is_cpu()) : "not folded";
        copy = std::move(impl);
    }
    return copy;
}

NetworkInfo Network::describe(const Shape &inputShape) const
{
    NetworkInfo info;
    info.path = m_impl->path;
    info.family = m_impl->family;
    info.inputShape = inputShape;
    info.parameters = m_impl->parameters;
    info.metadataJson = m_impl->metadataJson;
    info.plain = m_impl->plain;
    // The probe and the verification run on the CPU copy the engines share, not on the loaded
    // module: describe is called on worker threads (a model opened without data, a session read,
    // every engine), and the loaded module is what every copy is cloned from (onDevice).
    const std::shared_ptr<const Impl> parts = onDevice("cpu");
    bool verified = false;
    {
        const std::lock_guard<std::mutex> lock(m_impl->verifyMutex);
        if (!m_impl->verified)
            m_impl->verified = verifyDecomposition(*parts, inputShape);
        verified = m_impl->verified;
    }
    c10::InferenceMode inferenceMode;
    at::Tensor x;
    std::string where = "the stem";
    try {
        // Inside the try: a shape LibTorch refuses (a size below 1) becomes an Error like any other.
        for (int64_t size : inputShape)
            if (size < 1)
                throw Error("the input shape has a size below 1");
        x = parts->stem(probeInput(inputShape));
        info.stemOutputShape = shapeOf(x);
        int stage = 0;
        for (size_t i = 0; i < parts->blocks.size(); ++i) {
            const BlockOps &ops = parts->blocks[i];
            where = ops.name;
            BlockInfo block;
            block.index = static_cast<int>(i);
            block.name = ops.name;
            block.kind = ops.kind;
            block.unit = ops.unit;
            block.inputShape = shapeOf(x);
            block.parameters = ops.parameters;
            block.link = ops.linkText;
            block.post = bool(ops.post);
            if (ops.link)
                x = ops.link(x);
            block.linkOutputShape = shapeOf(x);
            const at::Tensor residual = ops.residual(x);
            const at::Tensor shortcut = m_impl->plain ? at::zeros_like(residual) : ops.shortcut ? ops.shortcut(x) : x;
            if (!shortcut.sizes().equals(residual.sizes()))
                throw Error("its shortcut gives " + toString(shapeOf(shortcut)) + " but its residual branch gives "
                            + toString(shapeOf(residual)));
            // For a plain network "downsampling" means a layer that changes the shape.
            // Decided by value, not by the presence of a shortcut module: a `downsample` that is
            // nn.Identity() or an empty Sequential is the identity and starts no stage.
            block.downsampling = m_impl->plain ? !residual.sizes().equals(x.sizes())
                                               : !shortcut.sizes().equals(x.sizes()) || !at::equal(shortcut, x);
            if ((block.downsampling || ops.link) && i > 0)
                ++stage;
            block.stage = stage;
            block.shortcut = !ops.shortcutText.empty() ? ops.shortcutText
                             : m_impl->plain                ? std::string("none (a plain layer)")
                             : block.downsampling           ? std::string("projection")
                                                            : std::string("identity");
            x = ops.post ? ops.post(shortcut + residual) : shortcut + residual;
            block.outputShape = shapeOf(x);
            info.blocks.push_back(block);
        }
        where = "the head";
        const at::Tensor logits = parts->head(x);
        if (logits.dim() != 2)
            throw Error("the head gives " + toString(shapeOf(logits)) + " per image, expected a vector of class scores");
        info.classCount = static_cast<int>(logits.size(1));
        if (const size_t named = metadataClassCount(m_impl->metadataJson); named && named != size_t(info.classCount))
            throw Error("pathlens.json's \"classes\" names " + std::to_string(named) + " classes, but the model gives "
                        + std::to_string(info.classCount) + " scores per image: the names would label the wrong outputs");
        info.stageCount = stage + 1;
    } catch (const Error &e) {
        throw Error(m_impl->path + ": cannot run an input of shape " + toString(inputShape) + " through " + where + ": "
                    + e.what());
    } catch (const std::exception &e) {
        const std::string message = dynamic_cast<const c10::Error *>(&e)
                                        ? static_cast<const c10::Error &>(e).what_without_backtrace()
                                        : e.what();
        // The shape arriving at the failing part says which blocks do not fit together.
        throw Error(m_impl->path + ": cannot run an input of shape " + toString(inputShape) + " through " + where
                    + (where == "the stem" ? std::string() : " (which receives " + toString(shapeOf(x)) + ")") + ": "
                    + causeOf(message));
    }
    // The parts ran, but the model's own forward does not: nothing could be verified, nothing runs.
    if (!verified)
        throwUnprobeable(*parts, inputShape);
    return info;
}

} // namespace pathlens
