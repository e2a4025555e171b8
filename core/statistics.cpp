#include "statistics.h"

#include "error.h"

#include <algorithm>
#include <cmath>
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

} // namespace pathlens
