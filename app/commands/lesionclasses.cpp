#include "lesionclasses.h"

#include <QStringList>

namespace pathlens::cli::lesionclasses {
namespace {

QString className(const Study &study, size_t c)
{
    return c < study.classNames.size() ? QString::fromStdString(study.classNames[c]) : QString::number(c);
}

// CSV fields are quoted when they could hold a comma or a quote (class names may).
QString field(QString text)
{
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QStringLiteral("\"%1\"").arg(text);
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

QJsonArray perClassJson(const Study &study, size_t index)
{
    QJsonArray classes;
    const auto &correct = study.evaluated.classCorrect[index];
    for (size_t c = 0; c < correct.size(); ++c)
        classes.append(QJsonObject{{"class", className(study, c)},
                                   {"correct", qint64(correct[c])},
                                   {"images", qint64(study.evaluated.classImages[c])}});
    return classes;
}

QString perClassCsv(const Study &study, const NetworkInfo &info)
{
    QString csv = QStringLiteral("block,name,class,correct,images,accuracy,baseline_accuracy\n");
    const auto &images = study.evaluated.classImages;
    const auto &baseline = study.evaluated.classCorrect[0];
    for (size_t index = 0; index < study.evaluated.classCorrect.size(); ++index) {
        const int block = blockOf(study, index);
        const QString name = block < 0 ? QStringLiteral("none") : QString::fromStdString(info.blocks[size_t(block)].name);
        const auto &correct = study.evaluated.classCorrect[index];
        for (size_t c = 0; c < correct.size(); ++c)
            csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                       .arg(block)
                       .arg(field(name), field(className(study, c)))
                       .arg(correct[c])
                       .arg(images[c])
                       .arg(fraction(correct[c], images[c]), 0, 'g', 10)
                       .arg(fraction(baseline[c], images[c]), 0, 'g', 10);
    }
    return csv;
}

QJsonObject disagreementJson(const Study &study, const EnsembleReading &reading)
{
    QJsonArray variants{QStringLiteral("none")};
    for (int block : study.plan.blocks)
        variants.append(block);
    QJsonArray matrix;
    for (const auto &row : reading.disagreement) {
        QJsonArray values;
        for (double value : row)
            values.append(value);
        matrix.append(values);
    }
    return QJsonObject{{"variants", variants},
                       {"matrix", matrix},
                       {"images", qint64(reading.images)},
                       {"full_accuracy", fraction(reading.fullCorrect, reading.images)},
                       {"majority_vote_accuracy", fraction(reading.majorityCorrect, reading.images)},
                       {"mean_pairwise_disagreement", reading.meanVariantDisagreement}};
}

QString disagreementCsv(const Study &study, const EnsembleReading &reading)
{
    QStringList names{QStringLiteral("none")};
    for (int block : study.plan.blocks)
        names << QString::number(block);
    QString csv = QStringLiteral("deleted,") + names.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (size_t a = 0; a < reading.disagreement.size(); ++a) {
        QStringList row{names[int(a)]};
        for (double value : reading.disagreement[a])
            row << QString::number(value, 'g', 10);
        csv += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv;
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
