#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pathlens {

// The shape of one example, without the batch dimension: {channels, height, width} for images,
// {features} after the head.
using Shape = std::vector<int64_t>;

std::string toString(const Shape &shape); // "16x28x28"
int64_t elementCount(const Shape &shape);

} // namespace pathlens
