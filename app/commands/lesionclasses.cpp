#include "lesionclasses.h"

#include <QStringList>

namespace pathlens::cli::lesionclasses {
namespace {

QString className(const Study &study, size_t c)
{
    return c < study.classNames.size() ? QString::fromStdString(study.classNames[c]) : QString::number(c);
}

double fraction(int64_t correct, int64_t images)
{
    return images > 0 ? double(correct) / double(images) : 0.0;
}

// The block deleted in arrangement `index` of the study; -1 for the original (index 0).
int blockOf(const Study &study, size_t index)
{
    return index == 0 ? -1 : study.plan.blocks[index - 1];
}

} // namespace

QStringList classNames(const Study &study)
{
    QStringList names;
    for (size_t c = 0; c < study.evaluated.classImages.size(); ++c)
        names << className(study, c);
    return names;
}

std::vector<double> baselineAccuracy(const Study &study)
{
    std::vector<double> accuracy;
    for (size_t c = 0; c < study.evaluated.classImages.size(); ++c)
        accuracy.push_back(fraction(study.evaluated.classCorrect[0][c], study.evaluated.classImages[c]));
    return accuracy;
}

std::vector<std::vector<double>> blockAccuracy(const Study &study, const NetworkInfo &info)
{
    std::vector<std::vector<double>> accuracy(info.blocks.size());
    for (size_t j = 0; j < study.plan.blocks.size(); ++j)
        for (size_t c = 0; c < study.evaluated.classImages.size(); ++c)
            accuracy[size_t(study.plan.blocks[j])].push_back(
                fraction(study.evaluated.classCorrect[j + 1][c], study.evaluated.classImages[c]));
    return accuracy;
}

std::vector<bool> downsampling(const NetworkInfo &info)
{
    std::vector<bool> flags;
    for (const BlockInfo &block : info.blocks)
        flags.push_back(block.downsampling);
    return flags;
}

PerClassLesion perClassLesion(const Study &study, const NetworkInfo &info)
{
    PerClassLesion lesion;
    lesion.images = study.evaluated.classImages;
    lesion.correct = study.evaluated.classCorrect;
    lesion.classes = classLabels(study.classNames, lesion.images.size());
    for (size_t index = 0; index < lesion.correct.size(); ++index) {
        const int block = blockOf(study, index);
        lesion.blocks.push_back(block);
        lesion.blockNames.push_back(block < 0 ? "none" : info.blocks[size_t(block)].name);
    }
    return lesion;
}

QString largestLosses(const Study &study, const NetworkInfo &info, int count)
{
    struct Loss
    {
        double change;
        size_t index;
        size_t c;
    };
    std::vector<Loss> losses;
    const auto &images = study.evaluated.classImages;
    const auto &baseline = study.evaluated.classCorrect[0];
    for (size_t index = 1; index < study.evaluated.classCorrect.size(); ++index)
        for (size_t c = 0; c < images.size(); ++c)
            if (study.evaluated.classCorrect[index][c] < baseline[c]) // losses only
                losses.push_back({fraction(study.evaluated.classCorrect[index][c], images[c]) - fraction(baseline[c], images[c]),
                                  index, c});
    std::stable_sort(losses.begin(), losses.end(), [](const Loss &a, const Loss &b) { return a.change < b.change; });
    QString text;
    for (size_t i = 0; i < losses.size() && i < size_t(std::max(0, count)); ++i) {
        const Loss &loss = losses[i];
        const BlockInfo &block = info.blocks[size_t(blockOf(study, loss.index))];
        text += QStringLiteral("block %1 (stage %2%3), %4: %5 -> %6 (%7 pp, %8 images)\n")
                    .arg(block.index)
                    .arg(block.stage)
                    .arg(block.downsampling ? QStringLiteral(", downsampling") : QString())
                    .arg(className(study, loss.c))
                    .arg(fraction(baseline[loss.c], images[loss.c]), 0, 'f', 4)
                    .arg(fraction(study.evaluated.classCorrect[loss.index][loss.c], images[loss.c]), 0, 'f', 4)
                    .arg(100 * loss.change, 0, 'f', 2)
                    .arg(images[loss.c]);
    }
    return text;
}

QString ensembleSummary(const Study &study, const EnsembleReading &reading)
{
    return QStringLiteral("majority vote of the %1 lesioned networks: %2 (full network: %3); two lesioned networks "
                          "disagree on %4% of the images on average")
        .arg(study.plan.blocks.size())
        .arg(fraction(reading.majorityCorrect, reading.images), 0, 'f', 4)
        .arg(fraction(reading.fullCorrect, reading.images), 0, 'f', 4)
        .arg(100 * reading.meanVariantDisagreement, 0, 'f', 2);
}

} // namespace pathlens::cli::lesionclasses
