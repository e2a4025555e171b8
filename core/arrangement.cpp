#include "arrangement.h"

#include "error.h"
#include "network.h"

#include <algorithm>

namespace pathlens {

Arrangement identityArrangement(int blockCount)
{
    Arrangement arrangement(blockCount);
    for (int i = 0; i < blockCount; ++i)
        arrangement[i].block = i;
    return arrangement;
}

Arrangement withDeleted(Arrangement arrangement, const std::vector<int> &blocks)
{
    for (int block : blocks) {
        auto it = std::find_if(arrangement.begin(), arrangement.end(), [&](const Slot &s) { return s.block == block; });
        if (it == arrangement.end())
            throw Error("cannot delete block " + std::to_string(block) + ": the network has blocks 0.."
                        + std::to_string(int(arrangement.size()) - 1));
        it->active = false;
    }
    return arrangement;
}

Arrangement withOrder(const Arrangement &arrangement, const std::vector<int> &order)
{
    const int n = static_cast<int>(arrangement.size());
    if (static_cast<int>(order.size()) != n)
        throw Error("the order names " + std::to_string(order.size()) + " blocks, the network has " + std::to_string(n));
    std::vector<bool> seen(n, false);
    Arrangement result;
    for (int block : order) {
        if (block < 0 || block >= n)
            throw Error("the order names block " + std::to_string(block) + ", the network has blocks 0.."
                        + std::to_string(n - 1));
        if (seen[block])
            throw Error("the order names block " + std::to_string(block) + " twice");
        seen[block] = true;
        const auto it = std::find_if(arrangement.begin(), arrangement.end(), [&](const Slot &s) { return s.block == block; });
        result.push_back({block, it == arrangement.end() || it->active});
    }
    return result;
}

namespace {

std::string slotRange(int first, int last)
{
    return "slots " + std::to_string(first) + ".." + std::to_string(last);
}

// Said after "cannot repeat slots 2..1" (a user's 5-3 was told "the arrangement has slots 0..23").
std::string backwards(int first, int last)
{
    return ": the first slot comes after the last (write " + std::to_string(last) + "-" + std::to_string(first) + ")";
}

} // namespace

Arrangement withParallel(Arrangement arrangement, int first, int last, Join join)
{
    const int n = static_cast<int>(arrangement.size());
    if (first > last)
        throw Error("cannot run " + slotRange(first, last) + " in parallel" + backwards(first, last));
    if (first < 0 || last >= n)
        throw Error("cannot run " + slotRange(first, last) + " in parallel: the arrangement has " + slotRange(0, n - 1));
    if (join == Join::Chain)
        throw Error("a parallel group's branches are summed or averaged");
    for (int position = first + 1; position <= last; ++position)
        arrangement[position].join = join;
    return arrangement;
}

Arrangement withRepeated(Arrangement arrangement, int first, int last)
{
    const int n = static_cast<int>(arrangement.size());
    if (first > last)
        throw Error("cannot repeat " + slotRange(first, last) + backwards(first, last));
    if (first < 0 || last >= n)
        throw Error("cannot repeat " + slotRange(first, last) + ": the arrangement has " + slotRange(0, n - 1));
    const Arrangement copy(arrangement.begin() + first, arrangement.begin() + last + 1);
    arrangement.insert(arrangement.begin() + last + 1, copy.begin(), copy.end());
    return arrangement;
}

std::optional<std::string> whyNotAt(const NetworkInfo &network, int index, int position)
{
    const BlockInfo &block = network.blocks[index];
    const std::string label = "block " + std::to_string(index) + " (" + block.name + ")";
    if (block.downsampling && index != position)
        return label + " is a downsampling block and must stay at the start of stage " + std::to_string(block.stage);
    if (!block.link.empty() && index != position)
        return label + " follows the fixed link " + block.link + " and must stay at the start of stage "
               + std::to_string(block.stage);
    const int targetStage = network.blocks[position].stage; // the stage of the block built for this position
    if (block.stage != targetStage)
        return label + " belongs to stage " + std::to_string(block.stage) + " and cannot move to stage "
               + std::to_string(targetStage);
    return std::nullopt;
}

namespace {

// Every block once, in its stage, downsampling blocks and blocks behind a link where they were.
std::optional<std::string> whyInvalidOrder(const NetworkInfo &network, const Arrangement &arrangement)
{
    const int n = static_cast<int>(network.blocks.size());
    if (static_cast<int>(arrangement.size()) != n)
        return "the arrangement has " + std::to_string(arrangement.size()) + " slots, the network "
               + std::to_string(n) + " blocks";
    // First where each block may go at all, then whether the shapes chain, so that a refusal
    // names the rule that was broken rather than its consequence further down.
    std::vector<bool> seen(n, false);
    for (int position = 0; position < n; ++position) {
        const int index = arrangement[position].block;
        if (index < 0 || index >= n)
            return "slot " + std::to_string(position) + " names block " + std::to_string(index) + ", which does not exist";
        if (seen[index])
            return "block " + std::to_string(index) + " appears twice";
        seen[index] = true;
        if (auto why = whyNotAt(network, index, position))
            return why;
    }
    return std::nullopt;
}

// Why `block` cannot run where its input is not the one it was built for (a repeat, a parallel
// group); empty when it can.
std::string whyNotFreeStanding(const NetworkInfo &network, const BlockInfo &block)
{
    const std::string label = "block " + std::to_string(block.index) + " (" + block.name + ")";
    if (network.plain)
        return label + " is a layer of a plain network, which has no shortcut to keep the rest of the signal";
    if (block.downsampling)
        return label + " is a downsampling block";
    if (!block.link.empty())
        return label + " follows the fixed link " + block.link;
    if (block.inputShape != block.outputShape)
        return label + " changes the shape from " + toString(block.inputShape) + " to " + toString(block.outputShape);
    return {};
}

} // namespace

std::optional<std::string> whyInvalid(const NetworkInfo &network, const Arrangement &arrangement)
{
    const int n = static_cast<int>(network.blocks.size());
    // A repeat's later copies aside, the arrangement is an ordinary one: a permutation of the
    // blocks within their stages. The copies must be free-standing blocks.
    Arrangement firsts;
    std::vector<bool> seen(n, false);
    for (size_t position = 0; position < arrangement.size(); ++position) {
        const int index = arrangement[position].block;
        if (index >= 0 && index < n && seen[index] && arrangement.size() > size_t(n)) {
            const std::string why = whyNotFreeStanding(network, network.blocks[index]);
            if (!why.empty())
                return why + ": it cannot be repeated";
            continue;
        }
        if (index >= 0 && index < n)
            seen[index] = true;
        firsts.push_back(arrangement[position]);
    }
    if (const auto why = whyInvalidOrder(network, firsts))
        return why;
    for (size_t position = 0; position < arrangement.size(); ++position) {
        const Slot &slot = arrangement[position];
        const BlockInfo &block = network.blocks[slot.block];
        if (slot.join != Join::Chain) {
            if (position == 0)
                return std::string("the first slot cannot join a parallel group before it");
            if (arrangement[position - 1].join != Join::Chain && arrangement[position - 1].join != slot.join)
                return "a parallel group either sums or averages its branches, not both (slot " + std::to_string(position) + ")";
            for (const int index : {arrangement[position - 1].block, slot.block}) {
                const BlockInfo &member = network.blocks[index];
                std::string why = whyNotFreeStanding(network, member);
                if (why.empty() && member.post)
                    why = "block " + std::to_string(index) + " (" + member.name + ") has an operation after its addition";
                if (!why.empty())
                    return why + ": it cannot run in parallel with other blocks";
            }
        }
        if (network.plain && !slot.active && block.inputShape != block.outputShape)
            return "layer " + std::to_string(block.index) + " (" + block.name + ") of this plain network changes the shape from "
                   + toString(block.inputShape) + " to " + toString(block.outputShape)
                   + "; it can only be deleted where the identity fits";
        const Shape &arriving = position == 0 ? network.stemOutputShape : network.blocks[arrangement[position - 1].block].outputShape;
        if (block.inputShape != arriving)
            return "block " + std::to_string(block.index) + " (" + block.name + ") takes inputs of shape "
                   + toString(block.inputShape) + " but would receive " + toString(arriving);
    }
    return std::nullopt;
}

bool hasRepeatsOrParallel(const Arrangement &arrangement)
{
    std::vector<int> blocks;
    for (const Slot &slot : arrangement) {
        if (slot.join != Join::Chain)
            return true;
        blocks.push_back(slot.block);
    }
    std::sort(blocks.begin(), blocks.end());
    return std::adjacent_find(blocks.begin(), blocks.end()) != blocks.end();
}

std::vector<int> activeGroupSizes(const Arrangement &arrangement)
{
    std::vector<int> sizes;
    for (const Slot &slot : arrangement) {
        if (slot.join == Join::Chain)
            sizes.push_back(0);
        if (slot.active)
            ++sizes.back();
    }
    return sizes;
}

int commonPrefixLength(const Arrangement &a, const Arrangement &b)
{
    const auto mismatch = std::mismatch(a.begin(), a.begin() + std::min(a.size(), b.size()), b.begin());
    return static_cast<int>(mismatch.first - a.begin());
}

int resumedWork(const Arrangement &previous, const Arrangement &current)
{
    return 1 + static_cast<int>(std::count_if(current.begin() + commonPrefixLength(previous, current), current.end(),
                                              [](const Slot &s) { return s.active; }));
}

int activeCount(const Arrangement &arrangement)
{
    return static_cast<int>(std::count_if(arrangement.begin(), arrangement.end(), [](const Slot &s) { return s.active; }));
}

std::string describe(const Arrangement &arrangement)
{
    std::string order;
    std::string deleted;
    bool averaged = false;
    for (const Slot &slot : arrangement) {
        // Members of a parallel group are joined by "+": "0,1+2+3,4".
        order += (order.empty() ? "" : slot.join == Join::Chain ? "," : "+") + std::to_string(slot.block);
        averaged = averaged || slot.join == Join::Mean;
        if (!slot.active)
            deleted += (deleted.empty() ? "" : ",") + std::to_string(slot.block);
    }
    return "order " + order + (averaged ? " (parallel branches averaged)" : "") + (deleted.empty() ? "" : "; deleted " + deleted);
}

} // namespace pathlens
