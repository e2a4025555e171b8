#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pathlens {

struct NetworkInfo;

// One position of an arrangement: which original block sits there and whether its residual
// branch is active. A deleted block keeps its shortcut and post-addition op (DESIGN.md section 3).
struct Slot
{
    int block = 0;
    bool active = true;

    friend bool operator==(const Slot &a, const Slot &b) { return a.block == b.block && a.active == b.active; }
    friend bool operator!=(const Slot &a, const Slot &b) { return !(a == b); }
};

using Arrangement = std::vector<Slot>;

Arrangement identityArrangement(int blockCount);

// Marks the given original blocks as deleted, wherever they sit. Throws Error for an index out of range.
Arrangement withDeleted(Arrangement arrangement, const std::vector<int> &blocks);

// Puts the blocks in the given order (a permutation of 0..n-1), keeping each block's active flag.
// Throws Error when `order` is not a permutation; the result still needs validate().
Arrangement withOrder(const Arrangement &arrangement, const std::vector<int> &order);

// Why the arrangement cannot run on this network, or nothing when it can: every block appears
// once, blocks stay in their stage and downsampling blocks at the start of theirs, and every block
// receives the input shape it was built for.
std::optional<std::string> whyInvalid(const NetworkInfo &network, const Arrangement &arrangement);

// Number of leading slots two arrangements share; evaluation resumes from there.
int commonPrefixLength(const Arrangement &a, const Arrangement &b);

int activeCount(const Arrangement &arrangement);

// "0,1,2,4 (3 deleted)" style description for messages and logs.
std::string describe(const Arrangement &arrangement);

} // namespace pathlens
