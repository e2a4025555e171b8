#pragma once

// Small statistics shared by every accuracy the program reports (core, CLI and GUI).

#include <cstdint>
#include <limits>
#include <vector>

namespace pathlens {

struct Interval
{
    double lower = 0;
    double upper = 0;
};

// The two-sided standard normal quantile for `confidence` in (0, 1): 1.95996... for 0.95.
// Throws Error outside (0, 1).
double normalQuantile(double confidence);

// The two-sided Student's t quantile for `confidence` in (0, 1) and `degreesOfFreedom` >= 1:
// 12.706 for one degree of freedom at 0.95, 2.262 for nine, tending to normalQuantile. Throws
// Error outside that domain.
double studentQuantile(double confidence, int degreesOfFreedom);

// The interval of a mean accuracy over `samples` random draws (Fig. 5's points): mean +- t times
// its standard error, t with samples - 1 degrees of freedom, clipped to [0, 1], where an accuracy
// lies. 1.96 standard errors claimed 95 % for 2 samples per point, where t is 12.7, and drew bars
// below 0 % and above 100 %. NaN bounds for fewer than 2 samples.
Interval meanAccuracyInterval(double mean, double standardError, int samples, double confidence = 0.95);

// Wilson's score interval for a proportion of `successes` out of `trials` at `confidence`. Unlike
// p +- z sqrt(p (1 - p) / n) it stays inside [0, 1] and is not empty at 0 or n successes, which
// per-class accuracies on a few hundred images often are. Throws Error unless
// 0 <= successes <= trials and trials > 0.
Interval wilsonInterval(int64_t successes, int64_t trials, double confidence = 0.95);

// Spearman's rank correlation of paired values: Pearson's r of their ranks, ties given their mean
// rank. The interval comes from Fisher's z = atanh(rho), whose standard error for Spearman's rho
// is sqrt(1.06 / (n - 3)) (Fieller, Hartley and Pearson, Biometrika 44, 1957), mapped back with
// tanh. rho is NaN for fewer than 2 pairs or when either side has no spread (all values equal);
// the interval is NaN then and for fewer than 4 pairs. Throws Error when the sizes differ.
struct RankCorrelation
{
    int pairs = 0;
    double rho = std::numeric_limits<double>::quiet_NaN();
    Interval interval{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
};
RankCorrelation spearman(const std::vector<double> &x, const std::vector<double> &y, double confidence = 0.95);

} // namespace pathlens
