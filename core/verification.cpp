// Load-time verification (DESIGN.md section 2: "the decomposition is verified, never assumed").
// However the blocks were found, a probe batch is run through the model's own forward and through
// stem, blocks and head; every block's own forward is compared with post(shortcut(x) + residual(x));
// and every part must leave the tensor it receives unchanged, because the engine keeps activations
// and reuses them across arrangements. What a deletion computes, post(shortcut(x)), is compared with
// the block's own graph with its residual branches' outputs replaced by zeros. A forward that is
// stochastic or depends on the batch (training-mode batch norm) cannot be verified and is refused;
// so is one that cannot be run on the probe at all. A file that fails is refused with the first
// part that differs. The user's own first images are checked again when an engine is built
// (verifyOnData): a forward may branch on values the probe never has.

#include "private/network_p.h"

#include "error.h"

#include <cstdio>

namespace pathlens {
namespace {

constexpr int64_t probeImages = 4;

// Several deterministic, non-constant images in the value range of normalised data.
at::Tensor probeBatch(const Shape &shape)
{
    std::vector<int64_t> sizes{probeImages};
    sizes.insert(sizes.end(), shape.begin(), shape.end());
    int64_t count = 1;
    for (int64_t size : sizes)
        count *= size;
    return at::arange(count, at::kFloat).mul(0.37).sin().mul(1.5).reshape(sizes);
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

// The largest |ours - reference|, with NaN in both at the same place (NaN weights, reported
// separately) counted as agreement and NaN in one only as infinite disagreement.
double largestDifference(const at::Tensor &ours, const at::Tensor &reference)
{
    if (!ours.sizes().equals(reference.sizes()))
        return std::numeric_limits<double>::infinity();
    const at::Tensor a = ours.to(at::kDouble);
    const at::Tensor b = reference.to(at::kDouble);
    at::Tensor difference = (a - b).abs();
    difference.masked_fill_((a.isnan() & b.isnan()) | (a == b), 0.0);
    difference.masked_fill_(difference.isnan(), std::numeric_limits<double>::infinity());
    return difference.numel() ? difference.max().item<double>() : 0.0;
}

double allowedDifference(const at::Tensor &reference)
{
    const at::Tensor magnitude = reference.to(at::kDouble).abs().nan_to_num(0.0, 0.0, 0.0);
    return verificationTolerance * (1.0 + (magnitude.numel() ? magnitude.max().item<double>() : 0.0));
}

std::string shapeText(const at::Tensor &tensor)
{
    const auto sizes = tensor.sizes();
    return toString(Shape(sizes.begin() + 1, sizes.end()));
}

class Verifier
{
public:
    explicit Verifier(const Network::Impl &net)
        : m_net(net)
    {
    }

    // Runs `part` on x and refuses the file when it wrote into x.
    at::Tensor run(const TensorFn &part, const at::Tensor &x, const std::string &what) const
    {
        const at::Tensor before = x.clone();
        at::Tensor y = part(x);
        if (!at::equal(before.nan_to_num(), x.nan_to_num()))
            fail(what + " changes the tensor it receives (an in-place operation on its input); pathlens reuses "
                        "activations across arrangements, so every part must leave its input as it was");
        return y;
    }

    void compare(const at::Tensor &ours, const at::Tensor &reference, const std::string &what,
                 const std::string &explanation = {}) const
    {
        if (!ours.sizes().equals(reference.sizes()))
            fail(what + ": gives " + shapeText(ours) + " per image where the module's own forward gives " + shapeText(reference));
        const double difference = largestDifference(ours, reference);
        const double allowed = allowedDifference(reference);
        if (!(difference <= allowed))
            fail(what + ": differs by up to " + number(difference) + " (tolerance " + number(allowed) + ")" + explanation);
    }

    [[noreturn]] void fail(const std::string &reason) const
    {
        const std::string advice = m_net.plain ? "pathlens.json says \"plain\": true, so each block is read as "
                                                 "post(residual(x)) without a shortcut; remove \"plain\" if the "
                                                 "network has shortcuts"
                                   : m_net.source == BlockSource::Protocol
                                       ? "Its forward must compute head(blocks(stem(x))) with each block as "
                                         "post(shortcut(x) + residual(x)), and no method may change its input"
                                       : "Export the model in the block protocol to say what its blocks are";
        throw Error(m_net.path + ": the network as pathlens reads it (" + m_net.family + ") does not reproduce the model: "
                    + reason + ". " + advice + " (README: Models pathlens understands)");
    }

private:
    const Network::Impl &m_net;
};

std::string firstLineOf(const std::string &text)
{
    return text.substr(0, text.find('\n'));
}

at::Tensor modelLogits(const Network::Impl &net, const at::Tensor &input)
{
    torch::jit::Module module = net.module;
    return logitsOf(module.forward({input.clone()}), net.metadataJson, net.path);
}

// A forward that gives other numbers for the same images (dropout left on, sampling) or for an
// image alone than in a batch (batch norm in training mode) has no decomposition to verify.
void requireDeterministic(const Network::Impl &net, const at::Tensor &input, const at::Tensor &reference)
{
    const double allowed = allowedDifference(reference);
    const double again = largestDifference(modelLogits(net, input), reference);
    if (!(again <= allowed))
        throw Error(net.path + ": two runs on the same images differ (by up to " + number(again)
                    + "): its forward is stochastic (dropout or DropPath in training mode, MC dropout, sampling), so no "
                      "number pathlens reports would be reproducible. Call model.eval() before exporting, and do not "
                      "pass training=True to F.dropout");
    for (int64_t i = 0; i < input.size(0); ++i) {
        const double alone = largestDifference(modelLogits(net, input.narrow(0, i, 1)), reference.narrow(0, i, 1));
        if (!(alone <= allowed))
            throw Error(net.path + ": an image alone gives other logits than the same image in a batch (by up to "
                        + number(alone) + "): its batch norm uses the statistics of each batch, as in a model traced or "
                          "scripted in training mode, so its accuracy would depend on --batch. Call model.eval() before "
                          "torch.jit.trace or torch.jit.script");
    }
}

void compareParts(const Network::Impl &net, const Verifier &verifier, const at::Tensor &input, const at::Tensor &reference);

} // namespace

at::Tensor logitsOf(const c10::IValue &output, const std::string &metadataJson, const std::string &path)
{
    if (output.isTensor())
        return output.toTensor();
    if (output.isTuple())
        for (const auto &item : output.toTupleRef().elements())
            if (item.isTensor())
                return item.toTensor();
    if (output.isList())
        for (const auto &item : output.toListRef())
            if (item.isTensor())
                return item.toTensor();
    if (output.isGenericDict()) {
        const std::string key = metadataText(metadataJson, "output");
        std::string keys;
        for (const auto &entry : output.toGenericDict()) {
            if (!entry.key().isString())
                continue;
            if (entry.key().toStringRef() == key && entry.value().isTensor())
                return entry.value().toTensor();
            keys += (keys.empty() ? "" : ", ") + entry.key().toStringRef();
        }
        throw Error(path + ": forward returns a dict (keys " + keys + ")"
                    + (key.empty() ? ", and pathlens.json names no \"output\"" : ", none of them \"" + key + "\" holding a tensor")
                    + ": say which holds the logits in pathlens.json, e.g. {\"output\": \"logits\"}");
    }
    throw Error(path + ": forward returns " + output.tagKind() + ", expected the logits: a tensor, or a tuple or list whose "
                       "first tensor they are");
}

void throwUnprobeable(const Network::Impl &net, const Shape &inputShape)
{
    c10::InferenceMode inferenceMode;
    std::string why = "it gives no tensor";
    try {
        modelLogits(net, probeBatch(inputShape));
    } catch (const Error &) {
        throw;
    } catch (const std::exception &e) {
        why = errorCause(e);
    }
    throw Error(net.path + ": its own forward fails on a batch of shape " + toString(inputShape) + " (" + why
                + "), so pathlens cannot check how it reads the network, and does not run it");
}

void verifyOnData(const Network::Impl &net, const at::Tensor &images, const std::string &dataName)
{
    {
        const std::lock_guard<std::mutex> lock(net.verifyMutex);
        if (net.verifiedData.count(dataName))
            return;
    }
    c10::InferenceMode inferenceMode;
    const at::Tensor reference = modelLogits(net, images);
    const at::Tensor ours = net.forward(images, identityArrangement(int(net.blocks.size())));
    const double difference = largestDifference(ours, reference);
    if (!(difference <= allowedDifference(reference)))
        throw Error(net.path + ": on the first " + std::to_string(images.size(0)) + " images of " + dataName
                    + ", head(blocks(stem(x))) differs from the model's own forward by up to " + number(difference)
                    + " (tolerance " + number(allowedDifference(reference))
                    + "), although the two agree on pathlens' probe images: its forward depends on the data in a way the "
                      "probe did not show (a branch on the values, such as `if x.max() > t:`). pathlens does not report "
                      "numbers of a network other than the model. Move the data-dependent step into a stem() of the block "
                      "protocol, or out of the model");
    const std::lock_guard<std::mutex> lock(net.verifyMutex);
    net.verifiedData.insert(dataName);
}

bool verifyDecomposition(const Network::Impl &net, const Shape &inputShape)
{
    c10::InferenceMode inferenceMode;
    Verifier verifier(net);
    const at::Tensor input = probeBatch(inputShape);
    at::Tensor reference;
    try {
        reference = modelLogits(net, input);
    } catch (const Error &) {
        throw;
    } catch (const std::exception &) {
        return false; // the model itself does not take this shape: verified later with the data's
    }
    requireDeterministic(net, input, reference);
    try {
        compareParts(net, verifier, input, reference);
    } catch (const Error &) {
        throw;
    } catch (const c10::Error &e) {
        verifier.fail("running it on a probe batch of shape " + toString(inputShape) + " fails: "
                      + firstLineOf(e.what_without_backtrace()));
    } catch (const std::exception &e) {
        verifier.fail("running it on a probe batch of shape " + toString(inputShape) + " fails: " + firstLineOf(e.what()));
    }
    return true;
}

namespace {

void compareParts(const Network::Impl &net, const Verifier &verifier, const at::Tensor &input, const at::Tensor &reference)
{

    // A block's module run by its own forward on x.
    auto moduleForward = [&](const torch::jit::Module &module, const at::Tensor &x, const std::string &what) {
        torch::jit::Module own = module;
        return verifier.run([&](const at::Tensor &t) { return logitsOf(own.forward({t}), {}, net.path); }, x, what);
    };
    at::Tensor x = verifier.run(net.stem, input, "the stem");
    // A module of several units: its first block and its input, compared after its last unit.
    const BlockOps *module = nullptr;
    at::Tensor moduleInput;
    size_t moduleEnd = 0;
    for (size_t i = 0; i < net.blocks.size(); ++i) {
        const BlockOps &block = net.blocks[i];
        if (block.link)
            x = verifier.run(block.link, x, "the link before " + block.name);
        if (block.module && block.moduleUnits > 1) {
            module = &block;
            moduleInput = x;
            moduleEnd = i + size_t(block.moduleUnits) - 1;
        }
        at::Tensor y;
        const at::Tensor residual = verifier.run(block.residual, x, block.name + "'s residual branch");
        if (net.plain) {
            y = block.post ? verifier.run(block.post, residual, block.name + "'s post-op") : residual;
        } else {
            const at::Tensor shortcut = block.shortcut ? verifier.run(block.shortcut, x, block.name + "'s shortcut") : x;
            if (!shortcut.sizes().equals(residual.sizes()))
                verifier.fail(block.name + ": its shortcut gives " + shapeText(shortcut) + " but its residual branch gives "
                              + shapeText(residual));
            const at::Tensor sum = shortcut + residual;
            y = block.post ? verifier.run(block.post, sum, block.name + "'s post-op") : sum;
            if (block.withoutResidual) {
                const at::Tensor deleted = block.post ? verifier.run(block.post, shortcut, block.name + "'s post-op") : shortcut;
                const at::Tensor zeroed = verifier.run(block.withoutResidual, x, block.name + "'s forward");
                verifier.compare(deleted, zeroed, block.name + ": post(shortcut(x)), what deleting it computes, against its "
                                                  "own forward with the residual branches' outputs replaced by zeros");
            }
        }
        if (block.ownForward) {
            const at::Tensor expected = verifier.run(block.ownForward, x, block.name + "'s own part of its module's forward");
            verifier.compare(y, expected, block.name + ": post(shortcut(x) + residual(x)) against its own part of the module's forward");
            if (module && i == moduleEnd) {
                const std::string name = module->name.substr(0, module->name.rfind('/'));
                const at::Tensor whole = moduleForward(*module->module, moduleInput, name + "'s forward");
                verifier.compare(y, whole, name + ": its " + std::to_string(module->moduleUnits)
                                               + " residual units in turn against the module's own forward");
            }
        } else if (block.module && block.module->find_method("forward")) {
            const at::Tensor expected = moduleForward(*block.module, x, block.name + "'s forward");
            verifier.compare(y, expected, block.name + ": post(shortcut(x) + residual(x)) against the block's own forward");
        }
        x = y;
    }
    const at::Tensor logits = verifier.run(net.head, x, "the head");
    // Every block agreed with its own forward, so a difference here lies in how forward joins
    // stem, blocks and head.
    verifier.compare(logits, reference, "head(blocks(stem(x))) against the model's own forward",
                     "; every block agrees with its own forward, so forward joins stem, blocks and head differently");
}

} // namespace

} // namespace pathlens
