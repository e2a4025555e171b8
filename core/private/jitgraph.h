#pragma once

// Private to core: TorchScript graph surgery for the block split (graphblocks.cpp). What a value
// depends on (through memory that views and in-place writes share), cutting a part out of a graph
// as a graph of its own, and inlining a module's forward into a functional graph.

#include <torch/script.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pathlens::jitgraph {

using torch::jit::Graph;
using torch::jit::Module;
using torch::jit::Node;
using torch::jit::Value;

// Why a graph could not be split; caught in graphblocks.cpp and turned into the reason shown.
struct NoSplit
{
    std::string reason;
};

// A module's class name, "module" when it has none.
std::string typeNameOf(const Module &module);

// "layer1.0" from {"layer1", "0"}.
std::string joinPath(const std::vector<std::string> &path);

// The submodule path a value stands for: a chain of prim::GetAttr from `self`, e.g. layer1.0.
std::optional<std::vector<std::string>> attributePath(Value *value, Value *self);

// The submodule at `path` below `module`.
Module moduleAt(Module module, const std::vector<std::string> &path);

// Values used by `node`, including those its nested blocks (prim::If, prim::Loop) take from outside.
void collectInputs(Node *node, std::vector<Value *> &inputs);

// Nodes that read only the shape, type or device of their tensor inputs, never their values: a
// zero padding sized from the residual's output (PyramidNet) does not make the shortcut read it.
bool readsOnlyShape(const Node *node);

// Whether `node`'s first output shares memory with its first input, by its schema: a view (slice,
// transpose, reshape), an in-place op's result, a list's element.
bool returnsAlias(const Node *node);

// Whether `node` writes into its argument `index` (copy_, fill_, a list's _set_item), by its schema.
bool writesInput(const Node *node, size_t index);

// The values that share memory with `value`: the tensor or list it is a view of, and every view and
// in-place result taken of that, except through `skip`'s uses.
std::vector<Value *> aliasFamily(Value *value, const Node *skip = nullptr);

// The top-level node holding `node` (itself when it is top-level).
Node *topLevel(Node *node);

// The top-level nodes of `graph` that `out` depends on, not looking past the values in `stops`.
// `valuesOnly`: not through the tensor inputs of nodes that read only their shape. A value's
// dependencies include what wrote into it, or into what it shares memory with, before it was read:
// Swin's attention mask filled through slices, its shift list set item by item.
std::set<Node *> dependencies(Value *out, const std::set<Value *> &stops, bool valuesOnly = false);

// True when `out` needs an input of its graph other than `self` and `from`.
bool reachesOtherInputs(Value *out, Value *from);

// A new graph (self, x) -> the sum of `outs` made of the nodes of the source graph that they need,
// with `cut` standing for x. Throws NoSplit when they need another input of the source graph.
std::shared_ptr<Graph> extract(Value *cut, const std::vector<Value *> &outs, const std::string &what);

std::shared_ptr<Graph> extract(Value *cut, Value *out, const std::string &what); // one output

// Replaces in-place ops (aten::relu_, aten::add_, ...) by their out-of-place forms where no later
// node reads the mutated value: results are the same, and a part never writes into the tensor it
// receives (a cached activation, or the shortcut's output that post() gets after a deletion).
void makeOutOfPlace(Graph &graph);

// Reads of `module`'s scalar attributes (bool, int, float; not `training`, not those forward
// assigns) in its inlined graph replaced by their values, so that ConstantPropagation can fold
// the conditions they decide (torchvision's `if self.use_res_connect:`).
void foldScalarAttributes(Graph &graph, const Module &module);

// A module's forward, inlined, with constant conditions (and scalar attributes) folded and
// in-place ops made functional.
std::shared_ptr<Graph> inlinedForward(const Module &module);

// Whether `out` is computed from `on` (`valuesOnly`: not counting reads of its shape alone).
bool dependsOn(Value *out, Value *on, bool valuesOnly = false);

// The constant 1 (aten::add's alpha in x + y).
bool isUnitConstant(Value *value);

// A tensor addition x + y (alpha 1).
bool isTensorAddition(const Node *node);

} // namespace pathlens::jitgraph
