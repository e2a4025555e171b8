#include "shape.h"

#include <numeric>

namespace pathlens {

std::string toString(const Shape &shape)
{
    std::string text;
    for (size_t i = 0; i < shape.size(); ++i)
        text += (i ? "x" : "") + std::to_string(shape[i]);
    return text.empty() ? "(scalar)" : text;
}

int64_t elementCount(const Shape &shape)
{
    return std::accumulate(shape.begin(), shape.end(), int64_t(1), std::multiplies<int64_t>());
}

} // namespace pathlens
