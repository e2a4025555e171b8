#include "paths.h"

#include <algorithm>
#include <cmath>

namespace pathlens {
namespace {

// Row n of Pascal's triangle by additions in long double: exact while the entries fit its 64-bit
// mantissa (every n <= 67, which covers ResNet-200's 66 blocks), correctly rounded beyond, and
// finite up to n of about 16,000. No factorials, so nothing overflows.
std::vector<long double> pascalRow(int n)
{
    std::vector<long double> row(n + 1, 0.0L);
    row[0] = 1.0L;
    for (int i = 1; i <= n; ++i)
        for (int k = i; k > 0; --k)
            row[k] += row[k - 1];
    return row;
}

} // namespace

std::vector<double> pathCounts(int n)
{
    const auto row = pascalRow(n);
    return std::vector<double>(row.begin(), row.end());
}

std::vector<double> pathLengthDistribution(int n)
{
    const auto row = pascalRow(n);
    std::vector<double> fractions(n + 1);
    for (int k = 0; k <= n; ++k)
        fractions[k] = static_cast<double>(std::ldexp(row[k], -n)); // division by 2^n is exact
    return fractions;
}

std::vector<double> survivingFraction(int n, int deleted)
{
    return keptPathFraction(n, std::vector<int>(size_t(std::max(0, n - deleted)), 1)); // C(n - d, k) / C(n, k)
}

double shareOfPaths(int n, int from, int to)
{
    const auto row = pascalRow(n);
    long double share = 0;
    for (int k = std::max(0, from); k <= std::min(n, to); ++k)
        share += row[k];
    return static_cast<double>(std::ldexp(share, -n));
}

namespace {

// The coefficients of prod (1 + m z), in long double like pascalRow, with trailing zeros for the
// groups that have no active member trimmed (no path is that long).
std::vector<long double> groupedRow(const std::vector<int> &groupSizes)
{
    std::vector<long double> row{1.0L};
    for (int m : groupSizes) {
        if (m <= 0)
            continue;
        row.push_back(0.0L);
        for (size_t k = row.size() - 1; k > 0; --k)
            row[k] += m * row[k - 1];
    }
    return row;
}

} // namespace

std::vector<double> groupedPathCounts(const std::vector<int> &groupSizes)
{
    const auto row = groupedRow(groupSizes);
    return std::vector<double>(row.begin(), row.end());
}

std::vector<double> groupedPathLengthDistribution(const std::vector<int> &groupSizes)
{
    const auto row = groupedRow(groupSizes);
    long double total = 0;
    for (long double count : row)
        total += count;
    std::vector<double> fractions;
    for (long double count : row)
        fractions.push_back(static_cast<double>(count / total));
    return fractions;
}

std::vector<double> keptPathFraction(int n, const std::vector<int> &groupSizes)
{
    const auto all = pascalRow(n);
    const auto kept = groupedRow(groupSizes);
    std::vector<double> fractions(n + 1, 0.0);
    for (int k = 0; k <= n && k < int(kept.size()); ++k)
        fractions[k] = static_cast<double>(kept[k] / all[k]);
    return fractions;
}

} // namespace pathlens
