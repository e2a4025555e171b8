// The figures measured on request in LivePlots' tabs (single deletions, gradients, delete k and
// reorder, per class): drawn as results come in, with their Measure and Stop buttons' states. The
// tabs themselves and the live plots are in liveplots.cpp.

#include "liveplots.h"

#include "figures.h"

#include <qcustomplot.h>

#include <QBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

#include <cmath>

namespace pathlens {
namespace {

QStringList classNames(const std::vector<std::string> &names, size_t classes)
{
    QStringList list;
    for (size_t c = 0; c < classes; ++c)
        list << (c < names.size() ? QString::fromStdString(names[c]) : QString::number(c));
    return list;
}

} // namespace

void LivePlots::replaceFigure(QBoxLayout *area, QCustomPlot *&slot, std::unique_ptr<QCustomPlot> figure)
{
    const int position = slot ? area->indexOf(slot) : -1; // a new figure of a measurement takes the old one's place
    delete slot;
    slot = figure.release();
    fitPresentation(slot);
    installHoverReadout(slot);
    slot->installEventFilter(this);
    area->insertWidget(position, slot);
}

void LivePlots::showLesion(const Analysis::Lesion &lesion, const QString &title)
{
    replaceFigure(m_lesionArea, m_lesionFigure, figures::lesion(title, {figures::lesionSeries(lesion.result, tr("this model"))}));
    followPalette(m_lesionFigure);
    m_lesionStatus->setText(lesion.finished ? tr("Done: %1 images in %2 s.").arg(lesion.imagesTotal).arg(lesion.result.seconds, 0, 'f', 1)
                                            : tr("Estimate on %1 of %2 images…").arg(lesion.imagesDone).arg(lesion.imagesTotal));
    if (lesion.finished && !lesion.classImages.empty()) {
        std::vector<bool> downsampling;
        for (const LesionBlock &block : lesion.result.blocks)
            downsampling.push_back(block.downsampling);
        showLesionClasses(lesion, downsampling, title);
    }
    else
        m_lesionClassStatus->setText(m_lesionStatus->text());
}

void LivePlots::showSweep(const Analysis::Sweep &sweep, const QString &title, const QString &progress)
{
    if (!sweep.finished)
        m_sweepStatus->setText(progress);
    if (!sweep.finished && sweep.samplesCounted == 0)
        return;
    const SweepResult &result = sweep.result;
    if (sweep.reorder) {
        replaceFigure(m_sweepArea, m_tauFigure, figures::reorderByTau(title, result));
        replaceFigure(m_sweepArea, m_reorderFigure, figures::sweep(title, result, true, result.critical));
    } else {
        replaceFigure(m_sweepArea, m_deleteKFigure, figures::sweep(title, result, false, result.critical));
    }
    for (QCustomPlot *figure : {m_deleteKFigure, m_tauFigure, m_reorderFigure})
        if (figure)
            followPalette(figure);
    if (sweep.finished)
        m_sweepStatus->setText(tr("Done: %1 images, %2 samples per k, seed %3, in %4 s.")
                                   .arg(result.images).arg(result.samples).arg(result.seed).arg(result.seconds, 0, 'f', 1));
}

void LivePlots::showLesionClasses(const Analysis::Lesion &lesion, const std::vector<bool> &downsampling, const QString &title)
{
    const QStringList names = classNames(lesion.classNames, lesion.classImages.size());
    auto fractions = [&](const std::vector<int64_t> &correct) {
        std::vector<double> accuracy;
        for (size_t c = 0; c < correct.size() && c < lesion.classImages.size(); ++c)
            accuracy.push_back(lesion.classImages[c] ? double(correct[c]) / double(lesion.classImages[c]) : std::nan(""));
        return accuracy;
    };
    std::vector<std::vector<double>> perBlock;
    for (const auto &correct : lesion.classCorrect)
        perBlock.push_back(fractions(correct));
    const QString model = title.section(QStringLiteral(" — "), 1); // "model, N test images"
    replaceFigure(m_lesionClassArea, m_lesionClassFigure,
                  figures::classLesion(tr("Change of each class's accuracy when one block is deleted — %1").arg(model), names,
                                       fractions(lesion.baselineClassCorrect), perBlock, downsampling));
    const EnsembleReading &reading = lesion.ensemble;
    const double images = double(std::max<int64_t>(1, reading.images));
    const QString vote = tr("majority vote of the %1 lesioned networks: %2%, full network: %3%;\nmean disagreement of two "
                            "lesioned networks: %4%")
                             .arg(lesion.blocks.size())
                             .arg(100.0 * double(reading.majorityCorrect) / images, 0, 'f', 2)
                             .arg(100.0 * double(reading.fullCorrect) / images, 0, 'f', 2)
                             .arg(100.0 * reading.meanVariantDisagreement, 0, 'f', 2);
    replaceFigure(m_lesionClassArea, m_disagreementFigure,
                  figures::disagreement(tr("How often two lesioned networks disagree — %1").arg(model), lesion.blocks,
                                        reading.disagreement, downsampling, vote));
    for (QCustomPlot *figure : {m_lesionClassFigure, m_disagreementFigure})
        followPalette(figure);
    // Short: beside the buttons in a 1024 px window the whole vote took four lines from the figures.
    m_lesionClassStatus->setText(tr("Done: %1 images; majority vote %2%, full network %3%.")
                                     .arg(lesion.imagesTotal)
                                     .arg(100.0 * double(reading.majorityCorrect) / images, 0, 'f', 2)
                                     .arg(100.0 * double(reading.fullCorrect) / images, 0, 'f', 2));
}

void LivePlots::showClassComparison(const Analysis::ClassComparison &comparison, const QString &title)
{
    const QStringList names = classNames(comparison.classNames, comparison.original.images.size());
    replaceFigure(m_classArea, m_classFigure,
                  figures::classAccuracy(tr("Accuracy per class — %1").arg(title), names,
                                         {{tr("original"), comparison.original.correct, comparison.original.images},
                                          {tr("current arrangement"), comparison.current.correct, comparison.current.images}}));
    replaceFigure(m_classArea, m_confusionFigure,
                  figures::confusionChange(tr("Confusion matrix, current minus original — %1").arg(title), names,
                                           comparison.originalConfusion, comparison.currentConfusion));
    for (QCustomPlot *figure : {m_classFigure, m_confusionFigure})
        followPalette(figure);
    int64_t original = 0;
    int64_t current = 0;
    for (size_t c = 0; c < comparison.original.correct.size(); ++c) {
        original += comparison.original.correct[c];
        current += comparison.current.correct[c];
    }
    const double images = double(std::max<qint64>(1, comparison.images));
    m_classStatus->setText(tr("Done: %1 images; original %2%, current arrangement %3%.")
                               .arg(comparison.images)
                               .arg(100.0 * double(original) / images, 0, 'f', 2)
                               .arg(100.0 * double(current) / images, 0, 'f', 2));
}

void LivePlots::setClassesStale(bool stale)
{
    for (QCustomPlot *figure : {m_classFigure, m_confusionFigure})
        if (figure)
            figure->setEnabled(!stale);
    if (stale && m_classFigure)
        m_classStatus->setText(tr("Measured for an earlier arrangement; press Measure for this one."));
}

void LivePlots::showGradients(const GradientResult &result, int samplesDone, int samplesTotal, const QString &title)
{
    replaceFigure(m_gradientArea, m_gradientFigure, figures::gradients(title, result));
    followPalette(m_gradientFigure);
    m_gradientStatus->setText(samplesDone >= samplesTotal ? tr("Done: %1 samples in %2 s.").arg(samplesTotal).arg(result.seconds, 0, 'f', 1)
                                                          : tr("%1 of %2 samples…").arg(samplesDone).arg(samplesTotal));
}

void LivePlots::setGradientsStale(bool stale)
{
    if (m_gradientFigure)
        m_gradientFigure->setEnabled(!stale);
    if (stale && m_gradientFigure)
        m_gradientStatus->setText(tr("Measured for an earlier arrangement; press Measure for this one."));
}

void LivePlots::setMeasuring(bool running, Measured which)
{
    // One measurement at a time: a second Measure (or Delete k, Reorder) pressed meanwhile stopped the
    // first without a word. Stop first, then measure something else.
    for (const auto &[button, measured] : m_stopButtons)
        button->setEnabled(running && (which == Measured::Any || which == measured));
    for (QPushButton *button : m_measureButtons)
        button->setEnabled(!running);
    m_measuring = running;
    showControls();
}

void LivePlots::showStopped(Measured which, const QString &text)
{
    const std::pair<Measured, QLabel *> statuses[] = {{Measured::Gradients, m_gradientStatus},
                                                      {Measured::SingleDeletions, m_lesionStatus},
                                                      {Measured::SingleDeletions, m_lesionClassStatus},
                                                      {Measured::Sweep, m_sweepStatus},
                                                      {Measured::Classes, m_classStatus}};
    for (const auto &[measured, status] : statuses)
        if (which == Measured::Any || which == measured)
            status->setText(text);
}

void LivePlots::setLesionProgress(const QString &text)
{
    m_lesionStatus->setText(text);
    m_lesionClassStatus->setText(text);
}

void LivePlots::setLesionMeasuring(qint64 images)
{
    m_lesionStatus->setText(tr("Measuring each single deletion on %n image(s)…", nullptr, int(images)));
    m_lesionClassStatus->setText(m_lesionStatus->text());
}

void LivePlots::setGradientsMeasuring(int samplesPerLength)
{
    m_gradientStatus->setText(tr("Measuring %n sample(s) per path length…", nullptr, samplesPerLength));
}

void LivePlots::setClassesMeasuring(qint64 images)
{
    m_classStatus->setText(tr("Measuring the original network and this arrangement on %n image(s), class by class…",
                              nullptr, int(images)));
}

int LivePlots::gradientSamples() const
{
    return m_samples->value();
}

int LivePlots::sweepSamples() const
{
    return m_sweepSamples->value();
}

} // namespace pathlens
