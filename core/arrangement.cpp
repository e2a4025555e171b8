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

std::optional<std::string> whyInvalid(const NetworkInfo &network, const Arrangement &arrangement)
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
    }
    for (int position = 0; position < n; ++position) {
        const BlockInfo &block = network.blocks[arrangement[position].block];
        if (network.plain && !arrangement[position].active && block.inputShape != block.outputShape)
            return "layer " + std::to_string(block.index) + " (" + block.name + ") of this plain network changes the shape from "
                   + toString(block.inputShape) + " to " + toString(block.outputShape)
                   + "; it can only be deleted where the identity fits";
        const Shape &arriving = position == 0 ? network.stemOutputShape : network.blocks[position - 1].outputShape;
        if (block.inputShape != arriving)
            return "block " + std::to_string(block.index) + " (" + block.name + ") takes inputs of shape "
                   + toString(block.inputShape) + " but would receive " + toString(arriving);
    }
    return std::nullopt;
}

int commonPrefixLength(const Arrangement &a, const Arrangement &b)
{
    const auto mismatch = std::mismatch(a.begin(), a.begin() + std::min(a.size(), b.size()), b.begin());
    return static_cast<int>(mismatch.first - a.begin());
}

int activeCount(const Arrangement &arrangement)
{
    return static_cast<int>(std::count_if(arrangement.begin(), arrangement.end(), [](const Slot &s) { return s.active; }));
}

std::string describe(const Arrangement &arrangement)
{
    std::string order;
    std::string deleted;
    for (const Slot &slot : arrangement) {
        order += (order.empty() ? "" : ",") + std::to_string(slot.block);
        if (!slot.active)
            deleted += (deleted.empty() ? "" : ",") + std::to_string(slot.block);
    }
    return "order " + order + (deleted.empty() ? "" : "; deleted " + deleted);
}

} // namespace pathlens
