#pragma once

// What `lesion --per-class` and `lesion --disagreement` add to the lesion study's text and
// figures; its JSON and CSV are core's (classresults.h): per-class counts of the original and of
// each single deletion, and the agreement of the lesioned networks with their majority vote
// (core/agreement.h).

#include "agreement.h"
#include "classresults.h"
#include "experiments.h"
#include "network.h"

#include <QString>
#include <QStringList>

#include <algorithm>

#include <string>
#include <vector>

namespace pathlens::cli::lesionclasses {

// A whole single-deletion study evaluated with Engine::evaluatePredictions.
struct Study
{
    SingleDeletions plan;
    EvalResult evaluated;
    std::vector<std::string> classNames; // the data set's; "0", "1", ... where it has none
};

// The figure's inputs (figures::classLesion, figures::disagreement): class names, the
// original's accuracy per class, per block the accuracy per class with it deleted (empty where it
// cannot be), and the downsampling flags.
QStringList classNames(const Study &study);
std::vector<double> baselineAccuracy(const Study &study);
std::vector<std::vector<double>> blockAccuracy(const Study &study, const NetworkInfo &info);
std::vector<bool> downsampling(const NetworkInfo &info);

// The study as core writes it (classresults.h): class names, and per arrangement the block it
// deletes with its name.
PerClassLesion perClassLesion(const Study &study, const NetworkInfo &info);

// The `count` (block, class) pairs whose accuracy falls most (only those that fall) when the block alone is deleted, one
// line each: "block 0 (stage 0), Shirt: 0.8400 -> 0.0000 (-84.00 pp, 50 images)".
QString largestLosses(const Study &study, const NetworkInfo &info, int count);

// "majority vote of the 54 lesioned networks: 0.9420 (full network: 0.9400); two lesioned
// networks disagree on 6.10% of the images on average"
QString ensembleSummary(const Study &study, const EnsembleReading &reading);

} // namespace pathlens::cli::lesionclasses
