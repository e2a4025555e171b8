#pragma once

// Private to core: the roles of a residual block's final sum, read from its TorchScript graph
// (sumroles.cpp; graphblocks.cpp splits the block by them).

#include "private/jitgraph.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pathlens::jitgraph {

using torch::jit::Graph;
using torch::jit::Node;
using torch::jit::Value;

// The block's final sum: its terms (nested additions flattened, DESIGN.md section 2) and which of
// them is the shortcut; `ambiguity` says why no term could be chosen.
struct Sum
{
    Node *outermost = nullptr;     // the last addition; post() starts at its output
    std::vector<Node *> additions; // outermost first
    std::vector<Value *> terms;
    Value *shortcut = nullptr;     // one of terms; the graph's input itself when it is the identity
    std::string ambiguity;

    std::vector<Value *> residuals() const
    {
        std::vector<Value *> result;
        for (Value *term : terms)
            if (term != shortcut)
                result.push_back(term);
        return result;
    }
};

// The block's last addition y = a + b (+ ...) with at least two terms reading the input's values
// and the output depending on the input only through y; its terms and their roles.
std::optional<Sum> findSum(Graph &graph);

// The nodes only `term` needs, none of the other terms (a shared pre-activation is nobody's own).
std::set<Node *> ownNodes(const Sum &sum, Value *term);

// What a term computes, for messages: its operations in order and the children they came from.
// A term computed only by operations the other terms read too (a MaxViT layer's window partition,
// x + attention(x) on the partitioned x) is described by those: "no operations" beside a shortcut
// that is not the identity contradicted itself.
std::string describeTerm(const Sum &sum, Value *term);

} // namespace pathlens::jitgraph
