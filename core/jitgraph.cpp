// TorchScript graph surgery for the block split (private/jitgraph.h).

#include "private/jitgraph.h"

#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/csrc/jit/passes/constant_propagation.h>
#include <torch/csrc/jit/passes/dead_code_elimination.h>
#include <torch/csrc/jit/passes/inliner.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace pathlens::jitgraph {

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
    for (auto *block : node->blocks()) {
        for (Node *inner : block->nodes())
            collectInputs(inner, inputs);
        for (Value *output : block->outputs()) // what a branch returns may come from outside it
            inputs.push_back(output);
    }
}

// Nodes that read only the shape, type or device of their tensor inputs, never their values: a
// zero padding sized from the residual's output (PyramidNet) does not make the shortcut read it.
bool readsOnlyShape(const Node *node)
{
    static const std::set<std::string> kinds{"aten::size", "aten::dim", "aten::numel", "aten::len",
                                             "aten::zeros_like", "aten::ones_like", "aten::empty_like",
                                             "aten::new_zeros", "aten::new_ones", "aten::new_empty",
                                             "prim::dtype", "prim::device", "prim::layout", "aten::is_floating_point"};
    return kinds.count(node->kind().toQualString()) > 0;
}

// Whether `node`'s first output shares memory with its first input, by its schema: a view (slice,
// transpose, reshape), an in-place op's result, a list's element.
bool returnsAlias(const Node *node)
{
    const c10::FunctionSchema *schema = node->maybeSchema();
    return schema && !schema->returns().empty() && !schema->arguments().empty() && schema->returns()[0].alias_info()
           && schema->arguments()[0].alias_info();
}

// Whether `node` writes into its argument `index` (copy_, fill_, a list's _set_item), by its schema.
bool writesInput(const Node *node, size_t index)
{
    const c10::FunctionSchema *schema = node->maybeSchema();
    return schema && index < schema->arguments().size() && schema->arguments()[index].alias_info()
           && schema->arguments()[index].alias_info()->isWrite();
}

// The values that share memory with `value`: the tensor or list it is a view of, and every view and
// in-place result taken of that, except through `skip`'s uses.
std::vector<Value *> aliasFamily(Value *value, const Node *skip)
{
    while (returnsAlias(value->node()))
        value = value->node()->input(0);
    std::vector<Value *> family{value};
    for (size_t i = 0; i < family.size(); ++i)
        for (const auto &use : family[i]->uses())
            if (use.offset == 0 && use.user != skip && returnsAlias(use.user)
                && std::find(family.begin(), family.end(), use.user->output(0)) == family.end())
                family.push_back(use.user->output(0));
    return family;
}

// The top-level node holding `node` (itself when it is top-level).
Node *topLevel(Node *node)
{
    while (node->owningBlock() != node->owningGraph()->block())
        node = node->owningBlock()->owningNode();
    return node;
}

// The top-level nodes of `graph` that `out` depends on, not looking past the values in `stops`.
// `valuesOnly`: not through the tensor inputs of nodes that read only their shape. A value's
// dependencies include what wrote into it, or into what it shares memory with, before it was read:
// Swin's attention mask filled through slices, its shift list set item by item.
std::set<Node *> dependencies(Value *out, const std::set<Value *> &stops, bool valuesOnly)
{
    std::set<Node *> needed;
    std::vector<Node *> pending;
    auto need = [&](Value *value) {
        if (!stops.count(value) && value->node()->kind() != c10::prim::Param)
            pending.push_back(topLevel(value->node()));
    };
    need(out);
    while (!pending.empty()) {
        Node *node = pending.back();
        pending.pop_back();
        if (!needed.insert(node).second)
            continue;
        std::vector<Value *> inputs;
        collectInputs(node, inputs);
        for (Value *input : inputs) {
            if ((valuesOnly && readsOnlyShape(node) && input->type()->cast<c10::TensorType>()) || stops.count(input))
                continue;
            need(input);
            for (Value *member : aliasFamily(input))
                for (const auto &use : member->uses())
                    if (writesInput(use.user, use.offset)) {
                        Node *writer = topLevel(use.user);
                        if (writer != node && writer->isBefore(node))
                            pending.push_back(writer);
                    }
        }
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

// A new graph (self, x) -> the sum of `outs` made of the nodes of the source graph that they need,
// with `cut` standing for x. Throws NoSplit when they need another input of the source graph.
std::shared_ptr<Graph> extract(Value *cut, const std::vector<Value *> &outs, const std::string &what)
{
    Graph &source = *outs.front()->owningGraph();
    Value *self = source.inputs()[0];
    std::set<Node *> needed;
    for (Value *out : outs) {
        if (reachesOtherInputs(out, cut))
            throw NoSplit{what + " uses the input of the network other than through the value it receives"};
        const std::set<Node *> nodes = dependencies(out, {self, cut});
        needed.insert(nodes.begin(), nodes.end());
    }

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
    Value *sum = mapped.at(outs.front());
    for (size_t i = 1; i < outs.size(); ++i)
        sum = graph->insert(c10::aten::add, {sum, mapped.at(outs[i])});
    graph->registerOutput(sum);
    return graph;
}

std::shared_ptr<Graph> extract(Value *cut, Value *out, const std::string &what)
{
    return extract(cut, std::vector<Value *>{out}, what);
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
        // Written through a view (a mask filled slice by slice), or read later through another
        // alias of the same memory: the write must stay.
        bool readLater = false;
        for (Value *member : aliasFamily(node->input(0), node))
            for (const auto &use : member->uses())
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

// Reads of this module's (and its submodules') scalar attributes, bool, int or float, replaced by
// their values: torchvision's MobileNetV2, MobileNetV3 and EfficientNet blocks end in
// `if self.use_res_connect: return x + self.conv(x)`, and torch.jit.script keeps the flag an
// attribute, so the addition sat in a branch of a prim::If that ConstantPropagation did not fold
// and the scripted files were refused (their traced twins were read exactly). Each instance gets
// its own values; an attribute that forward assigns keeps its read, and so does `training`, which
// eval() and train() change after the split.
void foldScalarAttributes(Graph &graph, const Module &module)
{
    std::set<std::string> assigned;
    std::vector<Node *> reads;
    const std::function<void(torch::jit::Block *)> collect = [&](torch::jit::Block *block) {
        for (Node *node : block->nodes()) {
            if (node->kind() == c10::prim::SetAttr)
                assigned.insert(node->s(c10::attr::name));
            else if (node->kind() == c10::prim::GetAttr)
                reads.push_back(node);
            for (torch::jit::Block *inner : node->blocks())
                collect(inner);
        }
    };
    collect(graph.block());
    std::map<Value *, c10::IValue> objects{{graph.inputs()[0], c10::IValue(module._ivalue())}};
    for (Node *node : reads) { // in program order: a chain's object comes before its reads
        const auto object = objects.find(node->input(0));
        if (object == objects.end() || !object->second.isObject())
            continue;
        const std::string name = node->s(c10::attr::name);
        const auto &instance = object->second.toObject();
        const auto slot = instance->type()->findAttributeSlot(name);
        if (!slot)
            continue;
        const c10::IValue value = instance->getSlot(*slot);
        if (value.isObject())
            objects[node->output()] = value;
        else if ((value.isBool() || value.isInt() || value.isDouble()) && name != "training" && !assigned.count(name)) {
            torch::jit::WithInsertPoint here(node);
            node->output()->replaceAllUsesWith(graph.insertConstant(value));
        }
    }
}

// A module's forward, inlined, with constant conditions (and scalar attributes) folded and
// in-place ops made functional.
std::shared_ptr<Graph> inlinedForward(const Module &module)
{
    auto graph = toGraphFunction(module.get_method("forward").function()).graph()->copy();
    torch::jit::Inline(*graph);
    foldScalarAttributes(*graph, module);
    torch::jit::ConstantPropagation(graph);
    makeOutOfPlace(*graph);
    torch::jit::EliminateDeadCode(graph);
    return graph;
}

bool dependsOn(Value *out, Value *on, bool valuesOnly)
{
    if (out == on)
        return true;
    for (Node *node : dependencies(out, {out->owningGraph()->inputs()[0], on}, valuesOnly)) {
        if (valuesOnly && readsOnlyShape(node))
            continue;
        std::vector<Value *> inputs;
        collectInputs(node, inputs);
        for (Value *input : inputs)
            if (input == on)
                return true;
    }
    return false;
}

bool isUnitConstant(Value *value)
{
    const auto constant = torch::jit::toIValue(value);
    return constant && ((constant->isInt() && constant->toInt() == 1) || (constant->isDouble() && constant->toDouble() == 1.0));
}

bool isTensorAddition(const Node *node)
{
    return node->kind() == c10::aten::add && node->inputs().size() == 3 && isUnitConstant(node->input(2))
           && node->output()->type()->cast<c10::TensorType>();
}

} // namespace pathlens::jitgraph
