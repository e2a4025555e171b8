#pragma once

// Small statistics shared by every accuracy the program reports (core, CLI and GUI).

#include <cstdint>

namespace pathlens {

struct Interval
{
    double lower = 0;
    double upper = 0;
};

// The two-sided standard normal quantile for `confidence` in (0, 1): 1.95996... for 0.95.
// Throws Error outside (0, 1).
double normalQuantile(double confidence);

// Wilson's score interval for a proportion of `successes` out of `trials` at `confidence`. Unlike
// p +- z sqrt(p (1 - p) / n) it stays inside [0, 1] and is not empty at 0 or n successes, which
// per-class accuracies on a few hundred images often are. Throws Error unless
// 0 <= successes <= trials and trials > 0.
Interval wilsonInterval(int64_t successes, int64_t trials, double confidence = 0.95);

} // namespace pathlens
