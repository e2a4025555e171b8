#include "papercriteria.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pathlens {
namespace {

std::string points(double fraction)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", 100 * fraction);
    return text;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

Verdict singleDeletionVerdict(double baseline, const std::vector<double> &nonDownsamplingAccuracies)
{
    Verdict verdict;
    verdict.criterion = "median drop over non-downsampling blocks < 1 point";
    if (nonDownsamplingAccuracies.empty()) {
        verdict.finding = "no non-downsampling block";
        return verdict;
    }
    std::vector<double> drops;
    for (double accuracy : nonDownsamplingAccuracies)
        drops.push_back(baseline - accuracy);
    const double medianDrop = median(drops);
    verdict.matches = medianDrop < 0.01;
    verdict.finding = "median drop " + points(medianDrop) + " points over " + std::to_string(drops.size()) + " blocks";
    return verdict;
}

Verdict plainControlVerdict(const std::vector<double> &accuracies, int classes)
{
    Verdict verdict;
    verdict.criterion = "every deletion within 5 points of chance";
    const double chance = classes > 0 ? 1.0 / classes : 0.0;
    if (accuracies.empty()) {
        verdict.finding = "no layer could be deleted";
        return verdict;
    }
    const double farthest = *std::max_element(accuracies.begin(), accuracies.end(),
                                              [&](double a, double b) { return std::abs(a - chance) < std::abs(b - chance); });
    verdict.matches = std::abs(farthest - chance) <= 0.05;
    verdict.finding = "farthest from chance (" + points(chance) + "%): " + points(farthest) + "% of "
                      + std::to_string(accuracies.size()) + " deletions";
    return verdict;
}

Verdict nonIncreasingVerdict(const std::vector<double> &means, const std::vector<double> &halfWidths, const std::string &axis)
{
    Verdict verdict;
    verdict.criterion = "mean accuracy non-increasing in " + axis + " within 95% intervals";
    // Point 0 (the original) has no spread; a report with 2 samples per point had intervals of
    // +-248 points, and "no rise beyond the intervals" then could not have failed.
    const std::vector<double> sampled(halfWidths.begin() + std::min<size_t>(1, halfWidths.size()), halfWidths.end());
    if (!sampled.empty() && median(sampled) > 0.25) {
        verdict.comparable = false;
        verdict.finding = "95% intervals too wide to judge (median +-" + points(median(sampled)) + " points over "
                          + std::to_string(means.size()) + " points): more samples per point (--samples, or no --quick)";
        return verdict;
    }
    verdict.matches = true;
    int rises = 0;
    for (size_t i = 1; i < means.size() && i < halfWidths.size(); ++i) {
        const bool overlap = means[i] - halfWidths[i] <= means[i - 1] + halfWidths[i - 1];
        if (means[i] > means[i - 1] && !overlap) {
            if (rises++ == 0)
                verdict.finding = "rises from " + points(means[i - 1]) + "% to " + points(means[i]) + "% at point " + std::to_string(i)
                                  + ", beyond both intervals";
            verdict.matches = false;
        }
    }
    if (verdict.matches)
        verdict.finding = "no rise beyond the intervals over " + std::to_string(means.size()) + " points";
    else if (rises > 1)
        verdict.finding += " (" + std::to_string(rises) + " such rises)";
    return verdict;
}

Verdict effectiveWindowVerdict(int blocks, const EffectiveWindow &window)
{
    Verdict verdict;
    verdict.criterion = "window overlaps lengths 5-17 (the paper, n = 54)";
    const std::string found = std::to_string(window.from) + "-" + std::to_string(window.to) + " (ends within "
                              + std::to_string(window.fromLow) + "-" + std::to_string(window.fromHigh) + " and "
                              + std::to_string(window.toLow) + "-" + std::to_string(window.toHigh) + ")";
    if (blocks != 54) {
        verdict.finding = found + "; n = " + std::to_string(blocks) + ", not the paper's 54";
        verdict.comparable = false;
        return verdict;
    }
    verdict.matches = window.fromLow <= 17 && window.toHigh >= 5;
    verdict.finding = found;
    return verdict;
}

} // namespace pathlens
