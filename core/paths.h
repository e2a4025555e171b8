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

} // namespace pathlens
