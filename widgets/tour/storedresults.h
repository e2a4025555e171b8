#pragma once

#include "analysis.h"
#include "gradients.h"

#include <QString>

#include <optional>

namespace pathlens {

// The measurements kept beside a bundled model (MODEL.results.json, written by
// resources/models/measure-results.sh from `pathlens-cli lesion --json` and `gradients --json`),
// so that a lecture shows the single-deletion study and the gradient per path length at once
// instead of measuring them for minutes in front of the room.
struct StoredResults
{
    QString file;
    std::optional<Analysis::Lesion> lesion;
    std::optional<GradientResult> gradients;
    qint64 gradientSamplesPerLength = 0;
};

// The results file of `modelFile` (its name with .results.json for .pt).
QString storedResultsPath(const QString &modelFile);

// Reads the results of `modelFile`; returns why not (naming the file): missing, unreadable, not
// what the measuring script writes, or measured on another model file (its SHA-256 differs: the
// model was retrained since, and the script must be run again).
QString loadStoredResults(const QString &modelFile, StoredResults &results);

} // namespace pathlens
