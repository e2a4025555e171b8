#include "batchsize.h"

#include <algorithm>

namespace pathlens {

int64_t chooseBatchSize(const BatchMemory &memory)
{
    const int64_t perImage = std::max<int64_t>(1, memory.perImageBytes);
    const int64_t free = std::max<int64_t>(0, memory.freeBytes);
    const int64_t reserved = std::clamp<int64_t>(memory.reservedBytes, 0, free / 2);
    const auto usable = static_cast<int64_t>(double(free - reserved) * memory.usableFraction);
    int64_t batch = usable / perImage;
    if (batch >= memory.smallest)
        batch = std::min(batch, memory.largest);
    if (batch >= 128)
        batch -= batch % 64;
    return std::max<int64_t>(1, std::min(batch, memory.images));
}

int64_t peakBytesPerImage(const std::vector<int64_t> &slotBytes, int64_t inputBytes)
{
    const int64_t largest = slotBytes.empty() ? 0 : *std::max_element(slotBytes.begin(), slotBytes.end());
    return inputBytes + 5 * largest;
}

} // namespace pathlens
