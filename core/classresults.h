#pragma once

// What `lesion --per-class` and `lesion --disagreement` add to the lesion study's JSON and CSV
// (results.h has the study itself): per-class counts of the original and of each single
// deletion, and the agreement of the lesioned networks with their majority vote (agreement.h).
// Torch-free; the JSON keys and CSV columns are ones users rely on: add to them, never rename.

#include "agreement.h"
#include "jsonvalue.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pathlens {

// The per-class counts of a whole single-deletion study: arrangement 0 is the original,
// arrangement a > 0 the network with blocks[a] deleted.
struct PerClassLesion
{
    std::vector<std::string> classes;          // per class: its name, "0", "1", ... where the data has none
    std::vector<int64_t> images;               // per class: the images evaluated
    std::vector<int> blocks;                   // per arrangement: the block deleted, -1 for the original
    std::vector<std::string> blockNames;       // per arrangement: that block's name, "none" for the original
    std::vector<std::vector<int64_t>> correct; // per arrangement and class: the images classified correctly
};

// Per class: its name, or its index ("0", "1", ...) where the data names none.
std::vector<std::string> classLabels(const std::vector<std::string> &names, size_t count);

// [{"class": name, "correct": c, "images": n}, ...] of arrangement `index`.
Json perClassJson(const PerClassLesion &study, size_t index);

// CSV: block,name,class,correct,images,accuracy,baseline_accuracy; one row per arrangement and
// class (block -1 and name "none" for the original; baseline_accuracy: the original's on that class).
std::string perClassCsv(const PerClassLesion &study);

// The arrangement being edited against the original on the same images, per class (the GUI's
// "Per class" tab and its confusion-matrix change).
struct ClassComparisonResult
{
    std::string model;
    std::string arrangement;                             // describe(arrangement)
    std::vector<std::string> classes;                    // per class: its name, "0", "1", ... where the data has none
    std::vector<int64_t> images;                         // per class
    std::vector<int64_t> originalCorrect;                // per class
    std::vector<int64_t> currentCorrect;                 // per class
    std::vector<std::vector<int64_t>> originalConfusion; // rows: the true class, columns: the predicted one
    std::vector<std::vector<int64_t>> currentConfusion;
};

// {"model", "arrangement", "classes": [{"class", "images", "original_correct", "current_correct",
//  "original_accuracy", "current_accuracy"}], "original_confusion": [[...]], "current_confusion": [[...]]}.
Json classComparisonJson(const ClassComparisonResult &result);
// CSV: class,images,original_correct,current_correct,original_accuracy,current_accuracy.
std::string classComparisonCsv(const ClassComparisonResult &result);

// {"variants": ["none", b0, b1, ...], "matrix": [[...]], "images", "full_accuracy",
//  "majority_vote_accuracy", "mean_pairwise_disagreement"}: "none" is the full network, then the
// block each variant deletes (`blocks`, in the order of the reading's variants).
Json disagreementJson(const std::vector<int> &blocks, const EnsembleReading &reading);

// CSV: the matrix with a header row and a first column naming the variants ("deleted", then
// "none" and the deleted blocks).
std::string disagreementCsv(const std::vector<int> &blocks, const EnsembleReading &reading);

} // namespace pathlens
