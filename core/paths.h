#pragma once

#include <vector>

namespace pathlens {

// Path counting for a network of n active blocks (DESIGN.md section 4). There are 2^n paths and
// C(n, k) of them have length k. Computed by Pascal's rule in long double: exact for n <= 67,
// finite and accurate for n in the thousands, never an overflowing factorial.

// C(n, k) for k = 0..n (exact as long as C(n, k) < 2^53, correctly rounded above).
std::vector<double> pathCounts(int n);

// C(n, k) / 2^n for k = 0..n: the fraction of all paths that have length k.
std::vector<double> pathLengthDistribution(int n);

// After deleting d of n blocks, the fraction of the paths of length k that survive:
// C(n - d, k) / C(n, k) for k = 0..n (zero for k > n - d).
std::vector<double> survivingFraction(int n, int deleted);

// Fraction of all 2^n paths whose length lies in [from, to].
double shareOfPaths(int n, int from, int to);

// Path counts of a chain of parallel groups (DESIGN.md section 3): a group of m active branches
// that all read its input and are summed (or averaged: the same paths, each weighted 1/m) is
// passed by its input alone or by exactly one branch, m + 1 ways, so the counts by length are
// the coefficients of prod (1 + m z) over the groups. An ordinary block is m = 1 (then C(n, k)),
// a repeated block counts at each application, a group with no active member is m = 0.
std::vector<double> groupedPathCounts(const std::vector<int> &groupSizes);
// The same divided by their sum, prod (1 + m).
std::vector<double> groupedPathLengthDistribution(const std::vector<int> &groupSizes);
// The share of the n original blocks' paths of each length k = 0..n that the groups keep (each
// path passes at most one member of a group): groupedPathCounts / C(n, k). Deletions alone (sizes
// 1 and 0, d zeros) give survivingFraction(n, d). Only for groups of the n blocks, no repeats.
std::vector<double> keptPathFraction(int n, const std::vector<int> &groupSizes);

} // namespace pathlens
