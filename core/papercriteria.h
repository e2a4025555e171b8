#pragma once

// Whether a figure of ours "matches the paper" or "differs", decided from the numbers by stated
// criteria (issue 14), so that the report's verdicts are reproducible and tested rather than a
// reader's impression. Each verdict says what was compared, in words for the report's table.

#include "gradients.h"

#include <string>
#include <vector>

namespace pathlens {

struct Verdict
{
    bool matches = false;
    bool comparable = true; // false: the paper has no number for this case (another n), or too few samples
    std::string criterion; // what was required, e.g. "median drop < 1 point"
    std::string finding;   // what the numbers were
};

// Fig. 3 (ResNet): the median accuracy drop over the non-downsampling blocks is under 1 point.
Verdict singleDeletionVerdict(double baseline, const std::vector<double> &nonDownsamplingAccuracies);

// Fig. 3 (plain control): every deletion lands within 5 points of chance (1 / classes).
Verdict plainControlVerdict(const std::vector<double> &accuracies, int classes);

// Fig. 5a / 5b: the mean accuracy does not increase from one point to the next (k deleted
// blocks, or swap counts, whose Kendall's tau falls on average), unless the two points' 95%
// intervals overlap. `halfWidths` are the intervals' half widths (1.96 standard errors). Intervals
// with a median half width over 25 points (2 samples, --quick) cannot show a rise: not comparable.
Verdict nonIncreasingVerdict(const std::vector<double> &means, const std::vector<double> &halfWidths,
                             const std::string &axis);

// Fig. 6: for n = 54 the paper names lengths 5-17; the window (with its ends' bootstrap
// intervals) must overlap that range. For another n there is nothing to compare.
Verdict effectiveWindowVerdict(int blocks, const EffectiveWindow &window);

} // namespace pathlens
