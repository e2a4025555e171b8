#pragma once

// Private to core: what a TorchScript graph computes, read from its operations, for descriptions
// (graphreading.cpp).

#include <torch/script.h>

#include <set>
#include <string>
#include <vector>

namespace pathlens::jitgraph {

using torch::jit::Graph;
using torch::jit::Node;

// The tensor operations among `nodes` in graph order: "permute > layer_norm > conv2d"; empty
// when there are none. Arithmetic on sizes alone (a traced graph's) is no operation on the data.
std::string operationList(std::vector<Node *> nodes);

// Whether any node of the graph (nested blocks included) is one of `kinds` (without "aten::" and
// a trailing underscore).
bool holdsOperation(const Graph &graph, const std::set<std::string> &kinds);

// transpose, permute, swapaxes, t: the node, or any node of the graph.
bool isTransposition(const Node *node);
bool holdsTransposition(const Graph &graph);

// What a residual branch does (DESIGN.md section 2, "units"): "attention", "convolution",
// "token mixing", "MLP" or "other"; `transposes`: whether the branch itself transposes.
std::string unitKind(const Graph &residual, bool transposes);

} // namespace pathlens::jitgraph
