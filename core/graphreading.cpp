// What a graph computes, read from its operations, for descriptions (`info`, the block table):
// the operations of a part in order, and what kind of work a residual branch does.

#include "private/graphreading.h"
#include "private/jitgraph.h"

#include <torch/csrc/jit/ir/ir.h>

#include <algorithm>

namespace pathlens::jitgraph {

// The tensor operations among `nodes` in graph order: "permute > layer_norm > conv2d"; empty
// when there are none.
std::string operationList(std::vector<Node *> nodes)
{
    std::sort(nodes.begin(), nodes.end(), [](Node *a, Node *b) { return a->isBefore(b); });
    // A traced graph computes sizes as tensors (floor_divide of NumToTensor of size): arithmetic on
    // sizes alone is no operation on the data.
    std::set<const Node *> onSizes;
    const auto readsOnlySizes = [&](const Node *node) {
        bool size = false;
        for (const Value *input : node->inputs()) {
            const Node *from = input->node();
            if (input->type()->cast<c10::TensorType>()) {
                if (from->kind() == c10::prim::Constant) // the traced 7 of x // 7
                    continue;
                if (from->kind() != c10::prim::NumToTensor && onSizes.count(from) == 0)
                    return false; // a tensor of data
                size = true;
            } else if (input->type()->kind() == c10::TypeKind::ListType) {
                return false; // cat's tensors, zeros' sizes: an operation of its own
            }
        }
        return size;
    };
    std::string ops;
    for (Node *node : nodes) {
        const std::string kind = node->kind().toQualString();
        if (kind.rfind("aten::", 0) != 0 || readsOnlyShape(node) || node->outputs().size() != 1
            || !node->output()->type()->cast<c10::TensorType>())
            continue;
        if (readsOnlySizes(node)) {
            onSizes.insert(node);
            continue;
        }
        ops += (ops.empty() ? "" : " > ") + kind.substr(6);
    }
    return ops;
}

// Whether any node of the graph (nested blocks included) is one of `kinds` (without "aten::" and
// a trailing underscore).
bool holdsOperation(const Graph &graph, const std::set<std::string> &kinds)
{
    std::vector<const torch::jit::Block *> pending{graph.block()};
    while (!pending.empty()) {
        const torch::jit::Block *block = pending.back();
        pending.pop_back();
        for (const Node *node : block->nodes()) {
            std::string kind = node->kind().toQualString();
            if (kind.rfind("aten::", 0) == 0) {
                kind = kind.substr(6);
                if (kind.size() > 1 && kind.back() == '_')
                    kind.pop_back();
                if (kinds.count(kind))
                    return true;
            }
            for (const auto *inner : node->blocks())
                pending.push_back(inner);
        }
    }
    return false;
}

namespace {

const std::set<std::string> transpositions{"transpose", "permute", "swapaxes", "t"};

} // namespace

bool isTransposition(const Node *node)
{
    const std::string kind = node->kind().toQualString();
    return kind.rfind("aten::", 0) == 0 && transpositions.count(kind.substr(6)) > 0;
}

bool holdsTransposition(const Graph &graph)
{
    return holdsOperation(graph, transpositions);
}

// What a residual branch does, read from its operations (DESIGN.md section 2, "units"): attention
// (a softmax over scores, or PyTorch's fused attention), convolution, token mixing (linear layers
// across a transposed token axis, MLP-Mixer's), MLP (linear layers), else "other". `transposes`:
// whether the branch itself transposes (not only a reshape it shares with the shortcut: a window
// partition's permute made a per-token MLP "token mixing").
std::string unitKind(const Graph &residual, bool transposes)
{
    if (holdsOperation(residual, {"softmax", "_softmax", "scaled_dot_product_attention", "_scaled_dot_product_attention",
                                  "_native_multi_head_attention", "multi_head_attention_forward"}))
        return "attention";
    if (holdsOperation(residual, {"conv1d", "conv2d", "conv3d", "_convolution", "convolution"}))
        return "convolution";
    const bool linear = holdsOperation(residual, {"linear", "matmul", "addmm", "mm", "bmm"});
    if (linear && transposes)
        return "token mixing";
    return linear ? "MLP" : "other";
}

} // namespace pathlens::jitgraph
