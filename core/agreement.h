#pragma once

// Per-class accuracy and the agreement of network variants, from their predictions (torch-free).
// The paper's ensemble reading (Veit et al., section 4): if a residual network behaves like an
// ensemble of paths, the networks left after deleting one block each should make different
// mistakes, and their majority vote should do about as well as the full network.

#include <cstdint>
#include <string>
#include <vector>

namespace pathlens {

using Predictions = std::vector<int32_t>; // the predicted class of each image

// Images of each class, and how many of them were classified correctly.
struct ClassCounts
{
    std::vector<int64_t> correct;
    std::vector<int64_t> images;
};

// Rows: the true class; columns: the predicted class. Throws Error when the lengths differ or a
// label or prediction lies outside [0, classes).
std::vector<std::vector<int64_t>> confusionMatrix(const Predictions &predicted, const std::vector<int64_t> &labels,
                                                  int classes);

ClassCounts classCounts(const Predictions &predicted, const std::vector<int64_t> &labels, int classes);

int64_t countCorrect(const Predictions &predicted, const std::vector<int64_t> &labels);

// disagreement[a][b]: the fraction of images on which variants a and b predict different classes
// (symmetric, 0 on the diagonal). Throws Error when the variants' lengths differ.
std::vector<std::vector<double>> disagreementMatrix(const std::vector<Predictions> &variants);

// The class most variants predict for each image; a tie between classes goes to `tieBreak`'s
// prediction when it is among them, else to the smallest tied class. Throws Error when the lengths
// differ or a prediction lies outside [0, classes).
Predictions majorityVote(const std::vector<Predictions> &variants, const Predictions &tieBreak, int classes);

// The single-deletion variants against the full network, on the same images.
struct EnsembleReading
{
    std::vector<std::vector<double>> disagreement; // full network first, then each variant
    int64_t images = 0;
    int64_t fullCorrect = 0;     // the full network
    int64_t majorityCorrect = 0; // the majority vote of the variants, ties to the full network
    double meanVariantDisagreement = 0; // mean over pairs of variants (the full network left out)
};

// `full`: the full network's predictions; `variants`: one per deleted block.
EnsembleReading ensembleReading(const Predictions &full, const std::vector<Predictions> &variants,
                                const std::vector<int64_t> &labels, int classes);

} // namespace pathlens
