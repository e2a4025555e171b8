#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pathlens {

struct NetworkInfo;

// How a slot takes its input. Chain: the output of the slot before it, as in the network.
// Sum / Mean: the slot belongs to a parallel group with the slots before it (DESIGN.md section 3):
// every unit of the group reads the group's input x, and the group computes x + sum of their
// branches (Mean: x + their mean, over the active ones). A group is its first slot (Chain)
// and the Sum or Mean slots that follow it.
enum class Join { Chain, Sum, Mean };

// One position of an arrangement: which original block sits there and whether its residual
// branch is active. A deleted block keeps its shortcut and post-addition op (DESIGN.md section 3).
struct Slot
{
    int block = 0;
    bool active = true;
    Join join = Join::Chain;

    friend bool operator==(const Slot &a, const Slot &b)
    {
        return a.block == b.block && a.active == b.active && a.join == b.join;
    }
    friend bool operator!=(const Slot &a, const Slot &b) { return !(a == b); }
};

using Arrangement = std::vector<Slot>;

Arrangement identityArrangement(int blockCount);

// Marks the given original blocks as deleted, wherever they sit. Throws Error for an index out of range.
Arrangement withDeleted(Arrangement arrangement, const std::vector<int> &blocks);

// Puts the blocks in the given order (a permutation of 0..n-1), keeping each block's active flag.
// Throws Error when `order` is not a permutation; the result still needs validate().
Arrangement withOrder(const Arrangement &arrangement, const std::vector<int> &order);

// Slots first..last (positions) as one parallel group whose branches are summed (Join::Sum) or
// averaged (Join::Mean). Throws Error for positions out of range or a Chain join.
Arrangement withParallel(Arrangement arrangement, int first, int last, Join join);

// The slots first..last (positions) run twice in a row: a copy of them is inserted after the last
// (the "repeat" of Sun et al., AAAI 2025). Throws Error for positions out of range.
Arrangement withRepeated(Arrangement arrangement, int first, int last);

// Why the arrangement cannot run on this network, or nothing when it can: every block appears
// once, blocks stay in their stage and downsampling blocks at the start of theirs, and every block
// receives the input shape it was built for. Beyond that (DESIGN.md section 3): a block may appear
// again (a repeat) where it maps its input shape to itself, has no fixed link and its shortcut is
// the identity; a parallel group holds only such blocks without a post-addition op.
std::optional<std::string> whyInvalid(const NetworkInfo &network, const Arrangement &arrangement);

// Why original block `index` cannot sit at `position` of an arrangement of every block once: a
// downsampling block or one behind a fixed link leaves its place, or a block leaves its stage.
std::optional<std::string> whyNotAt(const NetworkInfo &network, int index, int position);

// Whether the arrangement repeats a block or runs blocks in parallel: what the paper's
// experiments (gradients per path length) and the GUI do not handle.
bool hasRepeatsOrParallel(const Arrangement &arrangement);

// The number of parallel groups' members in slot order: 1 for an ordinary slot, m for a group of m
// slots (counted once, at its first slot). Only active members count; a group with none is 0.
std::vector<int> activeGroupSizes(const Arrangement &arrangement);

// Number of leading slots two arrangements share; evaluation resumes from there.
int commonPrefixLength(const Arrangement &a, const Arrangement &b);
// The work of evaluating `current` right after `previous`, in blocks run: its active slots after
// the prefix the two share (the engine resumes there), and one for the head.
int resumedWork(const Arrangement &previous, const Arrangement &current);

int activeCount(const Arrangement &arrangement);

// "0,1,2,4 (3 deleted)" style description for messages and logs.
std::string describe(const Arrangement &arrangement);

} // namespace pathlens
