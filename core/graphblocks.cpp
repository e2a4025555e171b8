// Residual blocks found in the TorchScript graph itself (DESIGN.md section 2, source 0): whatever a
// block's branch holds (SE modules, scalars, any activation), as long as its forward ends in an
// addition of the block input (directly or through a shortcut) and a residual branch.
//
// How: the root's forward is inlined, call by call, until the calls that remain are either blocks
// or modules without blocks inside. The blocks must then form a chain; the stem is what computes the
// first block's input, the head what follows the last block's output. Each block's own forward is
// inlined; its last addition is flattened into its terms, and the roles of the terms are decided
// (DESIGN.md section 2, "roles, not sums"): the shortcut is the block input itself or the one term
// computed from it without reading another term's values (a shape query is not a read), told apart
// from the residual branches by a name or by activations where several qualify; the other terms are
// the residual branches, deleted together. Where nothing tells the roles apart the file is refused.
// Every part becomes a small graph of its own, cut out of the original by data dependence only, and
// run with the module object it came from. The load-time verification (verification.cpp) then
// checks the result against the model's own forward, and what a deletion computes against the
// block's own graph with its branches' outputs replaced by zeros, so a split that is wrong for any
// reason is refused, not used.

#include "private/graphreading.h"
#include "private/jitgraph.h"
#include "private/network_p.h"
#include "private/sumroles.h"

#include "error.h"

#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/csrc/jit/passes/constant_propagation.h>
#include <torch/csrc/jit/passes/dead_code_elimination.h>
#include <torch/csrc/jit/passes/inliner.h>
#include <torch/csrc/jit/passes/loop_unrolling.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace pathlens {
namespace {

using namespace jitgraph;

using torch::jit::Graph;
using torch::jit::GraphFunction;
using torch::jit::Module;
using torch::jit::Node;
using torch::jit::Value;

// Runs a cut-out graph with the module object it was cut from. Calls into submodules are inlined
// too, so that their in-place ops become out-of-place where that is safe.
TensorFn runner(std::shared_ptr<Graph> graph, const Module &module, const std::string &name)
{
    torch::jit::Inline(*graph);
    makeOutOfPlace(*graph);
    torch::jit::EliminateDeadCode(graph);
    auto function = std::make_shared<GraphFunction>(name, std::move(graph), nullptr);
    c10::IValue self = module._ivalue();
    return [function, self](const at::Tensor &x) { return (*function)({self, x}).toTensor(); };
}

// The split of one residual unit into its parts, or why there is none.
struct BlockSplit
{
    std::shared_ptr<Graph> shortcut;        // null: the identity
    std::shared_ptr<Graph> residual;        // the sum of the residual branches
    std::shared_ptr<Graph> post;            // null: the identity
    std::shared_ptr<Graph> withoutResidual; // the unit's own graph, its branches' outputs replaced by zeros
    // A unit of a module with several (a transformer layer's attention and MLP): its own part of
    // the module's graph, which the verification compares with post(shortcut(x) + residual(x)) in
    // place of the module's forward. Null when the module is one unit.
    std::shared_ptr<Graph> own;
    std::string shortcutText;               // what the shortcut computes, for `info`
    std::string unit;                       // what the residual branch does: attention, MLP, ...
    std::string ambiguity;                  // non-empty: a residual addition whose roles could not be told
};

// The graph with every residual branch's output replaced by zeros of its shape at the addition:
// what deleting the unit must compute (DESIGN.md section 2), from the model's own graph.
std::shared_ptr<Graph> zeroedResidual(std::shared_ptr<Graph> graph)
{
    const auto sum = findSum(*graph);
    if (!sum || !sum->ambiguity.empty())
        return nullptr;
    for (Value *term : sum->residuals()) {
        for (Node *addition : sum->additions) {
            for (size_t i = 0; i < 2; ++i) {
                if (addition->input(i) != term)
                    continue;
                torch::jit::WithInsertPoint point(addition);
                addition->replaceInput(i, graph->insert(c10::aten::zeros_like, {term}));
            }
        }
    }
    return graph;
}

// One residual unit: a graph (self, x) -> out whose last addition is its only residual one, as
// far as this split goes (splitUnits takes earlier ones off first).
std::optional<BlockSplit> splitUnit(const std::shared_ptr<Graph> &graph)
{
    const auto sum = findSum(*graph);
    if (!sum)
        return std::nullopt;
    BlockSplit parts;
    if (!sum->ambiguity.empty()) {
        parts.ambiguity = sum->ambiguity;
        return parts;
    }
    Value *x = graph->inputs()[1];
    try {
        parts.residual = extract(x, sum->residuals(), "the residual branch");
        bool transposes = false;
        for (Value *term : sum->residuals())
            for (Node *node : ownNodes(*sum, term))
                transposes = transposes || isTransposition(node);
        parts.unit = unitKind(*parts.residual, transposes);
        parts.shortcutText = describeTerm(*sum, sum->shortcut);
        if (sum->shortcut != x)
            parts.shortcut = extract(x, sum->shortcut, "the shortcut");
        if (graph->outputs()[0] != sum->outermost->output())
            parts.post = extract(sum->outermost->output(), graph->outputs()[0], "the part after the addition");
        parts.withoutResidual = zeroedResidual(graph->copy());
    } catch (const NoSplit &) {
        return std::nullopt;
    }
    const size_t branches = sum->terms.size() - 1;
    if (branches > 1)
        parts.shortcutText += "; " + std::to_string(branches) + " residual branches, deleted together";
    return parts;
}

// A module's graph as residual units in sequence (DESIGN.md section 2, "units"): where the last
// addition's shortcut is itself the output of an earlier residual addition and everything after it
// reads the input only through it (x1 = x + attn(ln1(x)); y = x1 + mlp(ln2(x1))), the graph up to
// that value is split again, and the rest is the last unit with the identity for its shortcut.
std::optional<std::vector<BlockSplit>> splitUnits(const std::shared_ptr<Graph> &graph)
{
    const auto sum = findSum(*graph);
    if (!sum)
        return std::nullopt;
    Value *x = graph->inputs()[1];
    Value *out = graph->outputs()[0];
    if (sum->ambiguity.empty() && sum->shortcut != x && !reachesOtherInputs(out, sum->shortcut)) {
        try {
            auto before = extract(x, sum->shortcut, "the units before the last");
            auto after = extract(sum->shortcut, out, "the last unit");
            const auto earlier = findSum(*before) ? splitUnits(before) : std::nullopt;
            const auto last = splitUnit(after);
            if (earlier && last && last->ambiguity.empty()
                && std::all_of(earlier->begin(), earlier->end(), [](const BlockSplit &u) { return u.ambiguity.empty(); })) {
                std::vector<BlockSplit> units = *earlier;
                if (units.size() == 1)
                    units.front().own = before;
                units.push_back(*last);
                units.back().own = after;
                return units;
            }
        } catch (const NoSplit &) {
        }
    }
    const auto unit = splitUnit(graph);
    if (!unit)
        return std::nullopt;
    return std::vector<BlockSplit>{*unit};
}

// A module's forward as its residual units, or nullopt when it ends in no residual addition.
std::optional<std::vector<BlockSplit>> splitBlock(const Module &module)
{
    if (!module.find_method("forward"))
        return std::nullopt;
    try {
        return splitUnits(inlinedForward(module));
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

class Discovery
{
public:
    explicit Discovery(Module root)
        : m_root(std::move(root))
    {
    }

    bool isBlock(const Module &module, const std::string &path)
    {
        auto it = m_isBlock.find(path);
        if (it == m_isBlock.end()) {
            auto parts = splitBlock(module);
            it = m_isBlock.emplace(path, parts.has_value()).first;
            if (parts)
                m_parts.emplace(path, std::move(*parts));
        }
        return it->second;
    }

    bool containsBlocks(const Module &module, const std::string &path)
    {
        for (const auto &child : module.named_children()) {
            const std::string childPath = path.empty() ? child.name : path + "." + child.name;
            if (isBlock(child.value, childPath) || containsBlocks(child.value, childPath))
                return true;
        }
        return false;
    }

    const std::vector<BlockSplit> &units(const std::string &path) const { return m_parts.at(path); }

private:
    Module m_root;
    std::map<std::string, bool> m_isBlock;
    std::map<std::string, std::vector<BlockSplit>> m_parts;
};

// torch.jit.trace records the second and later calls of one module as forward1, forward2, ...
bool isForward(const std::string &method)
{
    return method.rfind("forward", 0) == 0
           && std::all_of(method.begin() + 7, method.end(), [](unsigned char c) { return std::isdigit(c); });
}

struct BlockCall
{
    Node *node;
    std::vector<std::string> path;
};

// Inlines the root's calls into modules that hold blocks until only calls into block-free modules
// are left; returns those of them that are blocks, in graph order.
std::vector<BlockCall> flattenToBlocks(std::shared_ptr<Graph> &graph, const Module &root, Discovery &discovery)
{
    Value *self = graph->inputs()[0];
    for (bool changed = true; changed;) {
        // A block applied in `for _ in range(k)` (shared weights) becomes k calls in the chain.
        changed = torch::jit::UnrollConstantLoops(graph);
        for (Node *node : graph->nodes()) {
            if (node->kind() != c10::prim::CallMethod)
                continue;
            const auto path = attributePath(node->input(0), self);
            if (!path)
                continue;
            // A module that holds blocks is a container (a stage, the whole body), even when its
            // own forward happens to end in a block's addition: it is opened, not kept.
            if (!path->empty() && !discovery.containsBlocks(moduleAt(root, *path), joinPath(*path)))
                continue;
            const Module target = moduleAt(root, *path);
            auto &function = toGraphFunction(target.get_method(node->s(c10::attr::name)).function());
            torch::jit::inlineCallTo(node, &function, /*inline_optimized_graph=*/false); // keeps the calls inside it
            changed = true;
            break; // the node list changed under the loop
        }
    }
    std::vector<BlockCall> calls;
    for (Node *node : graph->nodes()) {
        if (node->kind() != c10::prim::CallMethod)
            continue;
        const auto path = attributePath(node->input(0), self);
        if (path && !path->empty() && isForward(node->s(c10::attr::name))
            && discovery.isBlock(moduleAt(root, *path), joinPath(*path)))
            calls.push_back({node, *path}); // block-free by now: containers were inlined above
    }
    return calls;
}

// Whether the value `next` is computed from `output` alone by nodes whose results nothing else
// reads: a fixed link between two blocks (DESIGN.md section 2), such as ConvNeXt's LayerNorm +
// strided convolution between stages, not a branch that also feeds the head (a DenseNet-style
// concatenation, features kept for later).
bool isLink(Value *output, Value *next, Node *nextCall)
{
    Graph &graph = *output->owningGraph();
    if (reachesOtherInputs(next, output))
        return false;
    const std::set<Node *> link = dependencies(next, {graph.inputs()[0], output});
    auto inside = [&](Node *user) {
        while (user->owningBlock() != graph.block())
            user = user->owningBlock()->owningNode();
        return user == nextCall || link.count(user) > 0;
    };
    for (const auto &use : output->uses())
        if (!inside(use.user))
            return false;
    for (Node *node : link) {
        if (node->kind() == c10::prim::GetAttr || node->kind() == c10::prim::Constant)
            continue; // module handles and constants may be shared
        for (Value *value : node->outputs())
            for (const auto &use : value->uses())
                if (!inside(use.user))
                    return false;
    }
    return true;
}

// The operations of a cut-out graph of `self`, for `info`: "permute > layer_norm > permute > conv2d"
// (those of the branch its scalar attributes choose: a MobileNetV2 block as a fixed link).
std::string describeGraph(Graph &graph, const Module &self)
{
    auto copy = graph.copy();
    torch::jit::Inline(*copy);
    foldScalarAttributes(*copy, self);
    torch::jit::ConstantPropagation(copy);
    std::vector<Node *> nodes;
    for (Node *node : copy->nodes())
        nodes.push_back(node);
    const std::string ops = operationList(nodes);
    return ops.empty() ? std::string("no operations") : ops;
}

// Extra arguments of forward with defaults (forward(x, features: bool = False)) take their
// defaults, as the model's own forward(x) does; an argument without one cannot be probed.
bool bindDefaults(std::shared_ptr<Graph> &graph, const c10::FunctionSchema &schema, std::string &whyNot)
{
    for (size_t i = graph->inputs().size(); i-- > 2;) {
        const auto &argument = schema.arguments().at(i);
        if (!argument.default_value()) {
            whyNot = "forward takes " + std::to_string(graph->inputs().size() - 1) + " inputs, and '" + argument.name()
                     + "' has no default: pathlens calls forward(images) alone";
            return false;
        }
        torch::jit::WithInsertPoint point(graph->nodes().front());
        graph->inputs()[i]->replaceAllUsesWith(graph->insertConstant(*argument.default_value()));
        graph->eraseInput(i);
    }
    torch::jit::ConstantPropagation(graph);
    return true;
}

// The logits among forward's outputs: the output itself, the first tensor of a tuple or list, or
// the entry of a dict named by pathlens.json's "output" (the same rule as verification's logitsOf).
Value *logitsValue(Graph &graph, const std::string &key, std::string &whyNot)
{
    Value *out = graph.outputs().at(0);
    Node *node = out->node();
    if (node->kind() == c10::prim::TupleConstruct || node->kind() == c10::prim::ListConstruct) {
        for (Value *item : node->inputs())
            if (item->type()->cast<c10::TensorType>())
                return item;
    } else if (node->kind() == c10::prim::DictConstruct) {
        std::string keys;
        for (size_t i = 0; i + 1 < node->inputs().size(); i += 2) {
            const auto name = torch::jit::toIValue(node->input(i));
            if (!name || !name->isString())
                continue;
            if (name->toStringRef() == key)
                return node->input(i + 1);
            keys += (keys.empty() ? "" : ", ") + name->toStringRef();
        }
        whyNot = "forward returns a dict (keys " + keys + ")" + (key.empty() ? ", and pathlens.json names no \"output\"" : ", none of them \"" + key + "\"")
                 + ": say which holds the logits in pathlens.json, e.g. {\"output\": \"logits\"}";
        return nullptr;
    } else if (out->type()->cast<c10::TensorType>()) {
        return out;
    }
    whyNot = "forward returns " + out->type()->repr_str() + " built in a way pathlens cannot follow; return the logits, or a tuple "
             "whose first element they are";
    return nullptr;
}

// The number of parameter and buffer values that the graphs read (each tensor once), found by the
// attribute chains from `self` that the inlined graphs hold: a unit's share of its module.
int64_t parametersRead(const std::vector<std::shared_ptr<Graph>> &graphs, const Module &module)
{
    std::map<std::string, int64_t> read;
    for (const auto &graph : graphs) {
        if (!graph)
            continue;
        auto copy = graph->copy();
        torch::jit::Inline(*copy);
        Value *self = copy->inputs()[0];
        std::vector<torch::jit::Block *> pending{copy->block()};
        while (!pending.empty()) {
            torch::jit::Block *block = pending.back();
            pending.pop_back();
            for (Node *node : block->nodes()) {
                for (auto *inner : node->blocks())
                    pending.push_back(inner);
                if (node->kind() != c10::prim::GetAttr || !node->output()->type()->cast<c10::TensorType>())
                    continue;
                auto path = attributePath(node->output(), self);
                if (!path || path->empty())
                    continue;
                const std::string name = path->back();
                path->pop_back();
                const auto value = moduleAt(module, *path).attr(name);
                if (value.isTensor())
                    read[joinPath(*path) + "." + name] = value.toTensor().numel();
            }
        }
    }
    int64_t total = 0;
    for (const auto &entry : read)
        total += entry.second;
    return total;
}

} // namespace

std::string protocolUnitKind(const torch::jit::Module &block)
{
    auto graph = toGraphFunction(block.get_method("residual").function()).graph()->copy();
    torch::jit::Inline(*graph);
    return unitKind(*graph, holdsTransposition(*graph));
}

bool loadFromGraph(Network::Impl &net, std::string &whyNot)
{
    if (!net.module.find_method("forward")) {
        whyNot = "the module has no forward method";
        return false;
    }
    Discovery discovery(net.module);
    const auto &forward = net.module.get_method("forward").function();
    auto graph = toGraphFunction(forward).graph()->copy();
    if (!bindDefaults(graph, forward.getSchema(), whyNot))
        return false;
    std::vector<BlockCall> calls;
    try {
        calls = flattenToBlocks(graph, net.module, discovery);
    } catch (const std::exception &e) {
        whyNot = std::string("its forward could not be inlined (") + e.what() + ")";
        return false;
    }
    if (calls.empty()) {
        whyNot = "no module's forward ends in an addition of its input (or a shortcut of it) and a residual branch";
        return false;
    }
    for (const auto &call : calls) {
        for (const BlockSplit &unit : discovery.units(joinPath(call.path))) {
            if (!unit.ambiguity.empty()) {
                whyNot = joinPath(call.path) + " (" + typeNameOf(moduleAt(net.module, call.path)) + "): " + unit.ambiguity;
                return false;
            }
        }
    }
    // The blocks must form a chain: each block's output feeds the next block, directly or through
    // a fixed link (layers that belong to no block), and nothing else.
    std::vector<std::shared_ptr<Graph>> links(calls.size());
    for (size_t i = 0; i + 1 < calls.size(); ++i) {
        Value *output = calls[i].node->output();
        Value *next = calls[i + 1].node->input(1);
        if (next == output && output->uses().size() == 1)
            continue;
        if (!isLink(output, next, calls[i + 1].node)) {
            whyNot = joinPath(calls[i].path) + "'s output is used by more than the next block ("
                     + joinPath(calls[i + 1].path) + "): the blocks do not form a chain";
            return false;
        }
        links[i + 1] = extract(output, next, "the layers between " + joinPath(calls[i].path) + " and " + joinPath(calls[i + 1].path));
    }
    if (calls.front().node->input(1)->uses().size() != 1) {
        whyNot = "the input of " + joinPath(calls.front().path) + " is used elsewhere as well";
        return false;
    }
    Value *logits = logitsValue(*graph, metadataText(net.metadataJson, "output"), whyNot);
    if (!logits)
        return false;
    makeOutOfPlace(*graph);
    try {
        net.stem = runner(extract(graph->inputs()[1], calls.front().node->input(1), "the stem"), net.module, "stem");
        net.head = runner(extract(calls.back().node->output(), logits, "the head"), net.module, "head");
    } catch (const NoSplit &e) {
        whyNot = e.reason;
        return false;
    }
    std::map<std::string, int> applications; // a block applied k times (shared weights) is k blocks
    for (const auto &call : calls)
        ++applications[joinPath(call.path)];
    std::map<std::string, int> applied;
    net.blocks.clear();
    for (const auto &call : calls) {
        const Module block = moduleAt(net.module, call.path);
        const std::string path = joinPath(call.path);
        const std::string application = applications[path] > 1 ? path + "#" + std::to_string(++applied[path]) : path;
        const std::vector<BlockSplit> &units = discovery.units(path);
        std::map<std::string, int> kinds; // a module with two units of one kind numbers them
        for (const BlockSplit &unit : units)
            ++kinds[unit.unit];
        std::map<std::string, int> named;
        for (const BlockSplit &parts : units) {
            BlockOps ops;
            ops.name = units.size() == 1       ? application
                       : kinds[parts.unit] == 1 ? application + "/" + parts.unit
                                                : application + "/" + parts.unit + std::to_string(++named[parts.unit]);
            ops.kind = typeNameOf(block);
            ops.unit = parts.unit;
            ops.shortcutText = parts.shortcutText;
            ops.residual = runner(parts.residual->copy(), block, ops.name + ".residual");
            if (parts.shortcut)
                ops.shortcut = runner(parts.shortcut->copy(), block, ops.name + ".shortcut");
            if (parts.post)
                ops.post = runner(parts.post->copy(), block, ops.name + ".post");
            if (parts.withoutResidual)
                ops.withoutResidual = runner(parts.withoutResidual->copy(), block, ops.name + ".without_residual");
            if (&parts == &units.front()) {
                if (const auto &link = links[size_t(&call - calls.data())]) {
                    ops.linkText = describeGraph(*link, net.module);
                    ops.link = runner(link, net.module, ops.name + ".link");
                }
            }
            if (parts.own) {
                // One of several units: verified against its own part of the module's graph (and
                // the units together against the module's forward); it counts the parameters it reads.
                ops.ownForward = runner(parts.own->copy(), block, ops.name + ".own");
                ops.parameters = parametersRead({parts.residual, parts.shortcut, parts.post}, block);
            } else {
                for (const auto &parameter : block.parameters())
                    ops.parameters += parameter.numel();
            }
            if (&parts == &units.front()) {
                ops.module = block;
                ops.moduleUnits = int(units.size());
            }
            net.blocks.push_back(std::move(ops));
        }
    }
    net.family = "residual network (blocks found in its TorchScript graph)";
    return true;
}

TensorFn forwardWithoutResidual(const torch::jit::Module &block, const std::string &name)
{
    try {
        auto graph = block.find_method("forward") ? zeroedResidual(inlinedForward(block)) : nullptr;
        return graph ? runner(graph, block, name + ".without_residual") : TensorFn();
    } catch (const std::exception &) {
        return {};
    }
}

} // namespace pathlens
