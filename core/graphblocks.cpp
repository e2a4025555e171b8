// Residual blocks found in the TorchScript graph itself (DESIGN.md section 2, source 0): whatever a
// block's branch holds (SE modules, scalars, any activation), as long as its forward ends in an
// addition of the block input (directly or through a shortcut) and a residual branch.
//
// How: the root's forward is inlined, call by call, until the calls that remain are either blocks
// or modules without blocks inside. The blocks must then form a chain; the stem is what computes the
// first block's input, the head what follows the last block's output. Each block's own forward is
// inlined and split at its last addition into shortcut, residual and post. Every part becomes a
// small graph of its own, cut out of the original by data dependence only, and run with the module
// object it came from. The load-time verification (verification.cpp) then checks the result
// against the model's own forward, so a split that is wrong for any reason is refused, not used.

#include "network_impl.h"

#include "error.h"

#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/csrc/jit/passes/constant_propagation.h>
#include <torch/csrc/jit/passes/dead_code_elimination.h>
#include <torch/csrc/jit/passes/inliner.h>

#include <map>
#include <set>

namespace pathlens {
namespace {

using torch::jit::Graph;
using torch::jit::GraphFunction;
using torch::jit::Module;
using torch::jit::Node;
using torch::jit::Value;

// Why a graph could not be split; caught inside this file and turned into the reason shown.
struct NoSplit
{
    std::string reason;
};

std::string typeNameOf(const Module &module)
{
    const auto name = module.type()->name();
    return name ? name->name() : std::string("module");
}

std::string joinPath(const std::vector<std::string> &path)
{
    std::string text;
    for (const auto &part : path)
        text += (text.empty() ? "" : ".") + part;
    return text;
}

// The submodule path a value stands for: a chain of prim::GetAttr from `self`, e.g. layer1.0.
std::optional<std::vector<std::string>> attributePath(Value *value, Value *self)
{
    std::vector<std::string> path;
    while (value != self) {
        Node *node = value->node();
        if (node->kind() != c10::prim::GetAttr)
            return std::nullopt;
        path.insert(path.begin(), node->s(c10::attr::name));
        value = node->input(0);
    }
    return path;
}

Module moduleAt(Module module, const std::vector<std::string> &path)
{
    for (const auto &name : path)
        module = module.attr(name).toModule();
    return module;
}

// Values used by `node`, including those its nested blocks (prim::If, prim::Loop) take from outside.
void collectInputs(Node *node, std::vector<Value *> &inputs)
{
    for (Value *input : node->inputs())
        inputs.push_back(input);
    for (auto *block : node->blocks())
        for (Node *inner : block->nodes())
            collectInputs(inner, inputs);
}

// The top-level nodes of `graph` that `out` depends on, not looking past the values in `stops`.
std::set<Node *> dependencies(Value *out, const std::set<Value *> &stops)
{
    std::set<Node *> needed;
    std::vector<Value *> pending{out};
    while (!pending.empty()) {
        Value *value = pending.back();
        pending.pop_back();
        if (stops.count(value) || value->node()->kind() == c10::prim::Param)
            continue;
        Node *node = value->node();
        // A value defined inside a nested block belongs to the top-level node holding that block.
        while (node->owningBlock() != node->owningGraph()->block())
            node = node->owningBlock()->owningNode();
        if (!needed.insert(node).second)
            continue;
        std::vector<Value *> inputs;
        collectInputs(node, inputs);
        pending.insert(pending.end(), inputs.begin(), inputs.end());
    }
    return needed;
}

// True when `out` needs an input of its graph other than `self` and `from`.
bool reachesOtherInputs(Value *out, Value *from)
{
    Graph &graph = *out->owningGraph();
    const std::set<Value *> stops{graph.inputs()[0], from};
    std::set<Value *> used{out};
    for (Node *node : dependencies(out, stops)) {
        std::vector<Value *> inputs;
        collectInputs(node, inputs);
        used.insert(inputs.begin(), inputs.end());
    }
    for (Value *input : graph.inputs())
        if (!stops.count(input) && used.count(input))
            return true;
    return false;
}

// A new graph (self, x) -> out made of the nodes of the source graph that `out` needs, with `cut`
// standing for x. Throws NoSplit when `out` needs another input of the source graph.
std::shared_ptr<Graph> extract(Value *cut, Value *out, const std::string &what)
{
    Graph &source = *out->owningGraph();
    Value *self = source.inputs()[0];
    if (reachesOtherInputs(out, cut))
        throw NoSplit{what + " uses the input of the network other than through the value it receives"};
    const std::set<Node *> needed = dependencies(out, {self, cut});

    auto graph = std::make_shared<Graph>();
    std::map<Value *, Value *> mapped;
    mapped[self] = graph->addInput("self")->setType(self->type());
    mapped[cut] = graph->addInput("x")->setType(c10::TensorType::get());
    auto lookup = [&](Value *value) { return mapped.at(value); };
    for (Node *node : source.nodes()) {
        if (!needed.count(node))
            continue;
        Node *copy = graph->insertNode(graph->createClone(node, lookup));
        for (size_t i = 0; i < node->outputs().size(); ++i)
            mapped[node->output(i)] = copy->output(i);
    }
    graph->registerOutput(mapped.at(out));
    return graph;
}

// Replaces in-place ops (aten::relu_, aten::add_, ...) by their out-of-place forms where no later
// node reads the mutated value: results are the same, and a part never writes into the tensor it
// receives (a cached activation, or the shortcut's output that post() gets after a deletion).
void makeOutOfPlace(Graph &graph)
{
    std::vector<Node *> nodes(graph.nodes().begin(), graph.nodes().end());
    for (size_t i = 0; i < nodes.size(); ++i) {
        Node *node = nodes[i];
        const std::string kind = node->kind().toQualString();
        if (kind.rfind("aten::", 0) != 0 || kind.size() < 8 || kind.back() != '_' || kind[kind.size() - 2] == '_'
            || node->inputs().empty() || node->outputs().size() != 1)
            continue;
        Value *mutated = node->input(0);
        bool readLater = false;
        for (const auto &use : mutated->uses())
            readLater = readLater || (use.user != node && !use.user->isBefore(node));
        if (readLater)
            continue;
        Node *replacement = graph.create(c10::Symbol::fromQualString(kind.substr(0, kind.size() - 1)),
                                         node->inputs(), 1);
        replacement->insertBefore(node);
        if (!replacement->maybeSchema()) { // no out-of-place twin with the same arguments
            replacement->destroy();
            continue;
        }
        replacement->output()->setType(node->output()->type());
        node->output()->replaceAllUsesWith(replacement->output());
        node->destroy();
    }
}

// A module's forward, inlined, with constant conditions folded and in-place ops made functional.
std::shared_ptr<Graph> inlinedForward(const Module &module)
{
    auto graph = toGraphFunction(module.get_method("forward").function()).graph()->copy();
    torch::jit::Inline(*graph);
    torch::jit::ConstantPropagation(graph);
    makeOutOfPlace(*graph);
    torch::jit::EliminateDeadCode(graph);
    return graph;
}

struct Split
{
    Value *shortcut = nullptr; // the graph's input itself when the shortcut is the identity
    Value *residual = nullptr;
    Node *addition = nullptr;
};

bool dependsOn(Value *out, Value *on)
{
    if (out == on)
        return true;
    for (Node *node : dependencies(out, {out->owningGraph()->inputs()[0], on})) {
        std::vector<Value *> inputs;
        collectInputs(node, inputs);
        for (Value *input : inputs)
            if (input == on)
                return true;
    }
    return false;
}

size_t costFrom(Value *out, Value *from)
{
    return out == from ? 0 : dependencies(out, {out->owningGraph()->inputs()[0], from}).size();
}

bool isUnitConstant(Value *value)
{
    const auto constant = torch::jit::toIValue(value);
    return constant && ((constant->isInt() && constant->toInt() == 1) || (constant->isDouble() && constant->toDouble() == 1.0));
}

// The block's last addition y = a + b with both a and b depending on the input and the output
// depending on the input only through y; the operand that is the input itself, or the one that
// takes fewer nodes to compute (a projection), is the shortcut.
std::optional<Split> findSplit(Graph &graph)
{
    if (graph.inputs().size() != 2 || graph.outputs().size() != 1)
        return std::nullopt;
    Value *x = graph.inputs()[1];
    Value *out = graph.outputs()[0];
    std::vector<Node *> nodes(graph.nodes().begin(), graph.nodes().end());
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
        Node *node = *it;
        if (node->kind() != c10::aten::add || node->inputs().size() != 3 || !isUnitConstant(node->input(2))
            || !node->output()->type()->cast<c10::TensorType>())
            continue;
        Value *a = node->input(0);
        Value *b = node->input(1);
        if (!dependsOn(a, x) || !dependsOn(b, x) || !dependsOn(out, node->output()))
            continue;
        if (reachesOtherInputs(out, node->output()))
            continue;
        Split split;
        split.addition = node;
        const bool aIsShortcut = costFrom(a, x) <= costFrom(b, x);
        split.shortcut = aIsShortcut ? a : b;
        split.residual = aIsShortcut ? b : a;
        return split;
    }
    return std::nullopt;
}

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

// The split of one block module's forward into its three parts, or why there is none.
struct BlockGraphs
{
    std::shared_ptr<Graph> shortcut; // null: the identity
    std::shared_ptr<Graph> residual;
    std::shared_ptr<Graph> post;     // null: the identity
};

std::optional<BlockGraphs> splitBlock(const Module &module)
{
    if (!module.find_method("forward"))
        return std::nullopt;
    std::shared_ptr<Graph> graph;
    try {
        graph = inlinedForward(module);
    } catch (const std::exception &) {
        return std::nullopt;
    }
    const auto split = findSplit(*graph);
    if (!split)
        return std::nullopt;
    Value *x = graph->inputs()[1];
    BlockGraphs parts;
    try {
        parts.residual = extract(x, split->residual, "the residual branch");
        if (split->shortcut != x)
            parts.shortcut = extract(x, split->shortcut, "the shortcut");
        if (graph->outputs()[0] != split->addition->output())
            parts.post = extract(split->addition->output(), graph->outputs()[0], "the part after the addition");
    } catch (const NoSplit &) {
        return std::nullopt;
    }
    return parts;
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

    const BlockGraphs &parts(const std::string &path) const { return m_parts.at(path); }

private:
    Module m_root;
    std::map<std::string, bool> m_isBlock;
    std::map<std::string, BlockGraphs> m_parts;
};

struct BlockCall
{
    Node *node;
    std::vector<std::string> path;
};

// Inlines the root's calls into modules that hold blocks until only calls into block-free modules
// are left; returns those of them that are blocks, in graph order.
std::vector<BlockCall> flattenToBlocks(Graph &graph, const Module &root, Discovery &discovery)
{
    Value *self = graph.inputs()[0];
    for (bool changed = true; changed;) {
        changed = false;
        for (Node *node : graph.nodes()) {
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
    for (Node *node : graph.nodes()) {
        if (node->kind() != c10::prim::CallMethod)
            continue;
        const auto path = attributePath(node->input(0), self);
        if (path && !path->empty() && node->s(c10::attr::name) == "forward"
            && discovery.isBlock(moduleAt(root, *path), joinPath(*path)))
            calls.push_back({node, *path}); // block-free by now: containers were inlined above
    }
    return calls;
}

} // namespace

bool loadFromGraph(Network::Impl &net, std::string &whyNot)
{
    if (!net.module.find_method("forward")) {
        whyNot = "the module has no forward method";
        return false;
    }
    Discovery discovery(net.module);
    auto graph = toGraphFunction(net.module.get_method("forward").function()).graph()->copy();
    std::vector<BlockCall> calls;
    try {
        calls = flattenToBlocks(*graph, net.module, discovery);
    } catch (const std::exception &e) {
        whyNot = std::string("its forward could not be inlined (") + e.what() + ")";
        return false;
    }
    if (calls.empty()) {
        whyNot = "no module's forward ends in an addition of its input (or a shortcut of it) and a residual branch";
        return false;
    }
    if (graph->inputs().size() != 2) {
        whyNot = "forward takes " + std::to_string(graph->inputs().size() - 1) + " inputs, expected one image batch";
        return false;
    }
    // The blocks must form a chain: each block's output feeds the next block and nothing else.
    for (size_t i = 0; i + 1 < calls.size(); ++i) {
        Value *output = calls[i].node->output();
        if (calls[i + 1].node->input(1) != output || output->uses().size() != 1) {
            whyNot = joinPath(calls[i].path) + "'s output is used by more than the next block ("
                     + joinPath(calls[i + 1].path) + "): the blocks do not form a chain";
            return false;
        }
    }
    if (calls.front().node->input(1)->uses().size() != 1) {
        whyNot = "the input of " + joinPath(calls.front().path) + " is used elsewhere as well";
        return false;
    }
    makeOutOfPlace(*graph);
    try {
        net.stem = runner(extract(graph->inputs()[1], calls.front().node->input(1), "the stem"), net.module, "stem");
        net.head = runner(extract(calls.back().node->output(), graph->outputs().at(0), "the head"), net.module, "head");
    } catch (const NoSplit &e) {
        whyNot = e.reason;
        return false;
    }
    net.blocks.clear();
    for (const auto &call : calls) {
        const Module block = moduleAt(net.module, call.path);
        const std::string name = joinPath(call.path);
        const BlockGraphs &parts = discovery.parts(name);
        BlockOps ops;
        ops.name = name;
        ops.kind = typeNameOf(block);
        ops.residual = runner(parts.residual, block, name + ".residual");
        if (parts.shortcut)
            ops.shortcut = runner(parts.shortcut, block, name + ".shortcut");
        if (parts.post)
            ops.post = runner(parts.post, block, name + ".post");
        int64_t parameters = 0;
        for (const auto &parameter : block.parameters())
            parameters += parameter.numel();
        ops.parameters = parameters;
        ops.module = block;
        net.blocks.push_back(std::move(ops));
    }
    net.family = "residual network (blocks found in its TorchScript graph)";
    return true;
}

} // namespace pathlens
