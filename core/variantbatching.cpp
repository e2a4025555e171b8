#include "private/engine_p.h"

#include <map>
#include <numeric>
#include <tuple>

namespace pathlens {

std::vector<at::Tensor> Engine::Impl::forwardVariants(const std::vector<const Arrangement *> &arrangements,
                                                      const at::Tensor &input)
{
    // A node of the prefix tree: the activation after slot q, shared by the arrangements in
    // `members`, which all run `step` (slots q..end of one group) next.
    struct Node
    {
        at::Tensor x;
        int q = 0;
        std::vector<size_t> members;
        Arrangement step;
        std::vector<std::tuple<int, bool, int>> key; // the step's (block, active, join) per slot
    };
    // What a step is, for telling equal steps apart.
    using StepKey = std::vector<std::tuple<int, bool, int>>;
    const auto keyOf = [](const Arrangement &step) {
        StepKey key;
        for (const Slot &slot : step)
            key.emplace_back(slot.block, slot.active, int(slot.join));
        return key;
    };
    std::vector<at::Tensor> logits(arrangements.size());
    std::vector<size_t> everyone(arrangements.size());
    std::iota(everyone.begin(), everyone.end(), 0);
    std::vector<Node> frontier{{net->stem(input), 0, everyone, {}, {}}};
    while (!frontier.empty()) {
        // Split each node by its members' next steps; members at their end get the head's logits.
        std::vector<Node> next;
        for (const Node &node : frontier) {
            std::map<StepKey, size_t> childOf;
            at::Tensor head;
            for (const size_t member : node.members) {
                const Arrangement &arrangement = *arrangements[member];
                if (node.q == int(arrangement.size())) {
                    if (!head.defined())
                        head = net->head(node.x);
                    logits[member] = head;
                    continue;
                }
                const Arrangement step(arrangement.begin() + node.q, arrangement.begin() + groupEnd(arrangement, node.q));
                StepKey key = keyOf(step);
                const auto [child, added] = childOf.try_emplace(key, next.size());
                if (added)
                    next.push_back({node.x, node.q, {}, step, std::move(key)});
                next[child->second].members.push_back(member);
            }
        }
        // Nodes that run the same single slot on inputs of the same shape run it together.
        std::map<std::pair<StepKey, std::vector<int64_t>>, std::vector<size_t>> together;
        for (size_t i = 0; i < next.size(); ++i)
            together[{next[i].key, next[i].x.sizes().vec()}].push_back(i);
        for (const auto &entry : together) {
            const std::vector<size_t> &nodes = entry.second;
            const Arrangement &step = next[nodes.front()].step;
            if (nodes.size() == 1 || step.size() > 1) { // a parallel group runs per node, as forwardBatch does
                for (const size_t i : nodes)
                    next[i].x = net->runGroup(step, 0, int(step.size()), next[i].x);
            } else {
                std::vector<at::Tensor> inputs;
                for (const size_t i : nodes)
                    inputs.push_back(next[i].x);
                const at::Tensor outputs = net->runBlock(step.front(), at::cat(inputs));
                const int64_t images = input.size(0);
                for (size_t k = 0; k < nodes.size(); ++k)
                    next[nodes[k]].x = outputs.narrow(0, int64_t(k) * images, images);
            }
            variantSteps += step.size() > 1 ? int64_t(nodes.size()) : 1;
            for (const size_t i : nodes)
                next[i].q += int(step.size());
        }
        frontier = std::move(next);
    }
    return logits;
}

} // namespace pathlens
