#include "statistics.h"

#include "error.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace pathlens {

double normalQuantile(double confidence)
{
    if (!(confidence > 0 && confidence < 1))
        throw Error("a confidence level must lie strictly between 0 and 1, got " + std::to_string(confidence));
    // P(|Z| <= z) = erf(z / sqrt 2) grows monotonically in z: bisection reaches double precision
    // in well under 100 halvings of [0, 40] (erf is 1 in double precision long before 40).
    double low = 0;
    double high = 40;
    for (int i = 0; i < 200 && high - low > 1e-15; ++i) {
        const double middle = 0.5 * (low + high);
        (std::erf(middle / std::sqrt(2.0)) < confidence ? low : high) = middle;
    }
    return 0.5 * (low + high);
}

double studentQuantile(double confidence, int degreesOfFreedom)
{
    if (!(confidence > 0 && confidence < 1) || degreesOfFreedom < 1)
        throw Error("Student's t needs a confidence level strictly between 0 and 1 and at least one degree of freedom, got "
                    + std::to_string(confidence) + " and " + std::to_string(degreesOfFreedom));
    // With x = sqrt(v) tan(theta), t's density becomes c cos^(v-1)(theta) on [0, pi/2), with
    // c = Gamma((v+1)/2) / (sqrt(pi) Gamma(v/2)): smooth, so Simpson's rule is exact to ~1e-12,
    // and P(|T| <= x) = 2 c integral_0^theta. Bisection on theta, as normalQuantile does on z.
    const double v = degreesOfFreedom;
    const double c = std::exp(std::lgamma((v + 1) / 2) - std::lgamma(v / 2)) / std::sqrt(M_PI);
    const auto probability = [&](double theta) {
        const int steps = 2000;
        const double h = theta / steps;
        double sum = 1 + std::pow(std::cos(theta), v - 1);
        for (int i = 1; i < steps; ++i)
            sum += (i % 2 ? 4 : 2) * std::pow(std::cos(i * h), v - 1);
        return 2 * c * sum * h / 3;
    };
    double low = 0;
    double high = M_PI / 2;
    for (int i = 0; i < 60; ++i) {
        const double middle = 0.5 * (low + high);
        (probability(middle) < confidence ? low : high) = middle;
    }
    return std::sqrt(v) * std::tan(0.5 * (low + high));
}

Interval meanAccuracyInterval(double mean, double standardError, int samples, double confidence)
{
    if (samples < 2)
        return {std::nan(""), std::nan("")};
    const double half = studentQuantile(confidence, samples - 1) * standardError;
    return {std::max(0.0, mean - half), std::min(1.0, mean + half)};
}

Interval wilsonInterval(int64_t successes, int64_t trials, double confidence)
{
    if (trials <= 0 || successes < 0 || successes > trials)
        throw Error("a proportion needs 0 <= successes <= trials and trials > 0, got " + std::to_string(successes)
                    + " of " + std::to_string(trials));
    const double z = normalQuantile(confidence);
    const double n = double(trials);
    const double p = double(successes) / n;
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // Clamped: at 0 or n successes rounding may put a bound a hair outside [0, 1].
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

namespace {

// 1-based ranks; tied values share the mean of the ranks they occupy.
std::vector<double> ranks(const std::vector<double> &values)
{
    std::vector<size_t> order(values.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
    std::vector<double> rank(values.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]])
            ++j;
        for (size_t k = i; k <= j; ++k)
            rank[order[k]] = 0.5 * double(i + j) + 1;
        i = j + 1;
    }
    return rank;
}

} // namespace

RankCorrelation spearman(const std::vector<double> &x, const std::vector<double> &y, double confidence)
{
    if (x.size() != y.size())
        throw Error("a rank correlation needs pairs, got " + std::to_string(x.size()) + " and " + std::to_string(y.size())
                    + " values");
    RankCorrelation result;
    result.pairs = int(x.size());
    if (x.size() < 2)
        return result;
    const std::vector<double> rx = ranks(x);
    const std::vector<double> ry = ranks(y);
    const double mean = 0.5 * double(x.size() + 1); // of either set of ranks
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        sxy += (rx[i] - mean) * (ry[i] - mean);
        sxx += (rx[i] - mean) * (rx[i] - mean);
        syy += (ry[i] - mean) * (ry[i] - mean);
    }
    if (sxx == 0 || syy == 0)
        return result;
    result.rho = std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
    if (result.pairs < 4)
        return result;
    // At |rho| = 1, atanh is infinite and the interval collapses to the point, as it should.
    const double z = std::atanh(result.rho);
    const double half = normalQuantile(confidence) * std::sqrt(1.06 / double(result.pairs - 3));
    result.interval = {std::tanh(z - half), std::tanh(z + half)};
    return result;
}

} // namespace pathlens
