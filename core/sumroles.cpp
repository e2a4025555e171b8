// The roles of a residual block's final sum (DESIGN.md section 2, "roles, not sums"): which term
// is the shortcut and which are the residual branches, read from the TorchScript graph.

#include "private/sumroles.h"

#include "private/graphreading.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace pathlens::jitgraph {

namespace {

// Splits nested additions whose both operands read the block input's values into their terms. An
// intermediate sum read elsewhere too (x1 = x + attn(x); x1 + mlp(x1)) is a term, not split.
void flattenSum(Node *addition, Value *x, Sum &sum)
{
    sum.additions.push_back(addition);
    for (Value *operand : {addition->input(0), addition->input(1)}) {
        Node *node = operand->node();
        if (isTensorAddition(node) && operand->uses().size() == 1 && dependsOn(node->input(0), x, true)
            && dependsOn(node->input(1), x, true))
            flattenSum(node, x, sum);
        else
            sum.terms.push_back(operand);
    }
}

} // namespace

// The nodes only `term` needs, none of the other terms (a shared pre-activation is nobody's own).
std::set<Node *> ownNodes(const Sum &sum, Value *term)
{
    Value *self = term->owningGraph()->inputs()[0];
    Value *x = term->owningGraph()->inputs()[1];
    std::set<Node *> own = dependencies(term, {self, x});
    for (Value *other : sum.terms)
        if (other != term && other != x)
            for (Node *node : dependencies(other, {self, x}, true))
                own.erase(node);
    return own;
}

namespace {

// The names the nodes were written under in the block's forward: the child module they were
// inlined from (`downsample`, `branch`) or, for a method or function of its own, its name.
std::set<std::string> callerNames(const std::set<Node *> &nodes)
{
    std::set<std::string> names;
    for (Node *node : nodes) {
        const auto stack = node->callstack();
        if (!stack)
            continue;
        const auto frames = (*stack)->vec();
        if (frames.empty())
            continue;
        const auto &instance = std::get<2>(frames.front());
        std::string name = instance ? instance->instance_name() : std::string();
        if (name.empty() || name == "SELF" || name == "INSTANCE_NAME_UNKNOWN")
            name = std::get<0>(frames.front()) ? std::get<0>(frames.front())->name() : std::string();
        if (!name.empty())
            names.insert(name);
    }
    return names;
}

bool isShortcutName(std::string name)
{
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char *word : {"shortcut", "short_cut", "downsample", "down_sample", "skip", "proj", "identity"})
        if (name.rfind(word, 0) == 0 || (name.size() > std::strlen(word) && name.compare(name.size() - std::strlen(word), std::string::npos, word) == 0))
            return true;
    return false;
}

bool isActivation(const Node *node)
{
    static const std::set<std::string> kinds{
        "relu", "relu6", "gelu", "silu", "sigmoid", "tanh", "hardswish", "hardsigmoid", "hardtanh", "leaky_relu",
        "elu", "selu", "celu", "mish", "softplus", "softmax", "log_softmax", "_softmax", "prelu", "glu", "threshold",
        "clamp", "clamp_min", "clamp_max", "scaled_dot_product_attention"};
    std::string kind = node->kind().toQualString();
    if (kind.rfind("aten::", 0) != 0)
        return false;
    kind = kind.substr(6);
    if (kind.size() > 1 && kind.back() == '_')
        kind.pop_back();
    return kinds.count(kind) > 0;
}

bool holdsActivation(const std::set<Node *> &nodes)
{
    for (Node *node : nodes) {
        if (isActivation(node))
            return true;
        for (auto *block : node->blocks())
            for (Node *inner : block->nodes())
                if (holdsActivation({inner}))
                    return true;
    }
    return false;
}

} // namespace

// What a term computes, for messages: its operations in order and the children they came from.
// A term computed only by operations the other terms read too (a MaxViT layer's window partition,
// x + attention(x) on the partitioned x) is described by those: "no operations" beside a shortcut
// that is not the identity contradicted itself.
std::string describeTerm(const Sum &sum, Value *term)
{
    Graph &graph = *term->owningGraph();
    if (term == graph.inputs()[1])
        return "identity";
    const std::set<Node *> own = ownNodes(sum, term);
    std::string ops = operationList({own.begin(), own.end()});
    std::set<std::string> names = callerNames(own);
    if (ops.empty()) {
        const std::set<Node *> all = dependencies(term, {graph.inputs()[0], graph.inputs()[1]});
        ops = operationList({all.begin(), all.end()});
        if (ops.empty())
            return "no operations";
        names = callerNames(all);
        ops += ", shared with the branch";
    }
    std::string children;
    for (const auto &name : names)
        children += (children.empty() ? "" : ", ") + name;
    return ops + (children.empty() ? "" : " (in " + children + ")");
}

namespace {

// DESIGN.md section 2: the shortcut is the block input itself, else the one term computed from it
// without reading another term's values. Where several qualify, a name says it (a child called
// downsample, shortcut, skip, proj ...), else the only term without an activation where every other
// term has one; else the roles are ambiguous and nothing is guessed.
void chooseShortcut(Sum &sum, Value *x)
{
    std::vector<Value *> identities;
    for (Value *term : sum.terms)
        if (term == x)
            identities.push_back(term);
    if (identities.size() == 1) {
        sum.shortcut = x;
        return;
    }
    std::vector<Value *> candidates;
    for (Value *term : sum.terms) {
        bool readsOther = false;
        for (Value *other : sum.terms)
            readsOther = readsOther || (other != term && dependsOn(term, other, true));
        if (!readsOther)
            candidates.push_back(term);
    }
    if (identities.empty() && candidates.size() == 1) {
        sum.shortcut = candidates.front();
        return;
    }
    auto only = [&](const std::function<bool(Value *)> &test) -> Value * {
        Value *found = nullptr;
        for (Value *term : sum.terms) {
            if (!test(term))
                continue;
            if (found || std::find(candidates.begin(), candidates.end(), term) == candidates.end())
                return nullptr;
            found = term;
        }
        return found;
    };
    if (identities.empty()) {
        auto named = [&](Value *term) {
            const auto names = callerNames(ownNodes(sum, term));
            return std::any_of(names.begin(), names.end(), isShortcutName);
        };
        if (Value *term = only(named)) {
            sum.shortcut = term;
            return;
        }
        if (Value *term = only([&](Value *t) { return !holdsActivation(ownNodes(sum, t)); })) {
            sum.shortcut = term;
            return;
        }
    }
    std::string terms;
    for (size_t i = 0; i < sum.terms.size(); ++i)
        terms += (i ? "; " : "") + std::string("term ") + std::to_string(i + 1) + ": " + describeTerm(sum, sum.terms[i]);
    sum.ambiguity = "which term is the shortcut cannot be told: its last addition has " + std::to_string(sum.terms.size())
                    + " terms (" + terms + "), "
                    + (identities.size() > 1 ? std::string("the block input is added more than once")
                                             : std::to_string(candidates.size())
                                                   + " of them are computed from the block input alone, and neither a "
                                                     "name (downsample, shortcut, skip, proj) nor activations single one out")
                    + ". Name the shortcut's child 'shortcut' or 'downsample', or export the model in the block protocol";
}

} // namespace

// The block's last addition y = a + b (+ ...) with at least two terms reading the input's values
// and the output depending on the input only through y; its terms and their roles.
std::optional<Sum> findSum(Graph &graph)
{
    if (graph.inputs().size() != 2 || graph.outputs().size() != 1)
        return std::nullopt;
    Value *x = graph.inputs()[1];
    Value *out = graph.outputs()[0];
    std::vector<Node *> nodes(graph.nodes().begin(), graph.nodes().end());
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
        Node *node = *it;
        if (!isTensorAddition(node))
            continue;
        if (!dependsOn(node->input(0), x, true) || !dependsOn(node->input(1), x, true) || !dependsOn(out, node->output()))
            continue;
        if (reachesOtherInputs(out, node->output()))
            continue;
        Sum sum;
        sum.outermost = node;
        flattenSum(node, x, sum);
        chooseShortcut(sum, x);
        return sum;
    }
    return std::nullopt;
}

} // namespace pathlens::jitgraph
