#include "agreement.h"

#include "error.h"

#include <algorithm>

namespace pathlens {
namespace {

void checkLength(size_t actual, size_t expected, const char *what)
{
    if (actual != expected)
        throw Error(std::string(what) + ": " + std::to_string(actual) + " predictions where " + std::to_string(expected)
                    + " were expected");
}

void checkClass(int64_t value, int classes, const char *what)
{
    if (value < 0 || value >= classes)
        throw Error(std::string(what) + " " + std::to_string(value) + " lies outside the " + std::to_string(classes)
                    + " classes");
}

} // namespace

std::vector<std::vector<int64_t>> confusionMatrix(const Predictions &predicted, const std::vector<int64_t> &labels,
                                                  int classes)
{
    checkLength(predicted.size(), labels.size(), "confusion matrix");
    std::vector<std::vector<int64_t>> matrix(size_t(std::max(0, classes)), std::vector<int64_t>(size_t(std::max(0, classes)), 0));
    for (size_t i = 0; i < labels.size(); ++i) {
        checkClass(labels[i], classes, "label");
        checkClass(predicted[i], classes, "predicted class");
        ++matrix[size_t(labels[i])][size_t(predicted[i])];
    }
    return matrix;
}

ClassCounts classCounts(const Predictions &predicted, const std::vector<int64_t> &labels, int classes)
{
    const auto matrix = confusionMatrix(predicted, labels, classes);
    ClassCounts counts;
    for (size_t c = 0; c < matrix.size(); ++c) {
        counts.correct.push_back(matrix[c][c]);
        int64_t images = 0;
        for (int64_t n : matrix[c])
            images += n;
        counts.images.push_back(images);
    }
    return counts;
}

int64_t countCorrect(const Predictions &predicted, const std::vector<int64_t> &labels)
{
    checkLength(predicted.size(), labels.size(), "accuracy");
    int64_t correct = 0;
    for (size_t i = 0; i < labels.size(); ++i)
        correct += predicted[i] == labels[i];
    return correct;
}

std::vector<std::vector<double>> disagreementMatrix(const std::vector<Predictions> &variants)
{
    const size_t n = variants.size();
    std::vector<std::vector<double>> matrix(n, std::vector<double>(n, 0.0));
    if (n == 0)
        return matrix;
    const size_t images = variants[0].size();
    for (const Predictions &variant : variants)
        checkLength(variant.size(), images, "disagreement");
    for (size_t a = 0; a < n; ++a)
        for (size_t b = a + 1; b < n; ++b) {
            int64_t differ = 0;
            for (size_t i = 0; i < images; ++i)
                differ += variants[a][i] != variants[b][i];
            matrix[a][b] = matrix[b][a] = images ? double(differ) / double(images) : 0.0;
        }
    return matrix;
}

Predictions majorityVote(const std::vector<Predictions> &variants, const Predictions &tieBreak, int classes)
{
    const size_t images = tieBreak.size();
    for (const Predictions &variant : variants)
        checkLength(variant.size(), images, "majority vote");
    Predictions vote(images);
    std::vector<int> votes(size_t(std::max(0, classes)));
    for (size_t i = 0; i < images; ++i) {
        std::fill(votes.begin(), votes.end(), 0);
        for (const Predictions &variant : variants) {
            checkClass(variant[i], classes, "predicted class");
            ++votes[size_t(variant[i])];
        }
        checkClass(tieBreak[i], classes, "predicted class");
        const int most = *std::max_element(votes.begin(), votes.end());
        int32_t winner = tieBreak[i];
        if (votes[size_t(winner)] != most)
            winner = int32_t(std::find(votes.begin(), votes.end(), most) - votes.begin());
        vote[i] = winner;
    }
    return vote;
}

EnsembleReading ensembleReading(const Predictions &full, const std::vector<Predictions> &variants,
                                const std::vector<int64_t> &labels, int classes)
{
    std::vector<Predictions> all{full};
    all.insert(all.end(), variants.begin(), variants.end());
    EnsembleReading reading;
    reading.disagreement = disagreementMatrix(all);
    reading.images = int64_t(labels.size());
    reading.fullCorrect = countCorrect(full, labels);
    reading.majorityCorrect = countCorrect(majorityVote(variants, full, classes), labels);
    double sum = 0;
    int64_t pairs = 0;
    for (size_t a = 1; a < all.size(); ++a)
        for (size_t b = a + 1; b < all.size(); ++b, ++pairs)
            sum += reading.disagreement[a][b];
    reading.meanVariantDisagreement = pairs ? sum / double(pairs) : 0.0;
    return reading;
}

} // namespace pathlens
