#include "error.h"
#include "figures.h"
#include "paths.h"

#include "testhelpers.h"

#include <qcustomplot.h>

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <cmath>

using namespace pathlens;

namespace {

SweepResult sampleSweep()
{
    SweepResult result;
    result.baseline = 0.9;
    for (int k = 0; k <= 4; ++k) {
        SweepPoint point;
        point.k = k;
        point.accuracies = {0.9 - 0.05 * k, 0.88 - 0.05 * k};
        point.taus = {1.0 - 0.1 * k, 0.95 - 0.1 * k};
        point.mean = 0.89 - 0.05 * k;
        point.std = 0.014;
        result.points.push_back(point);
    }
    return result;
}

// Means over 21 decades, as a deep network's gradients per path length fall.
GradientResult steepGradients()
{
    GradientResult gradients;
    for (int k = 0; k <= 30; ++k) {
        gradients.lengths.push_back(k);
        gradients.mean.push_back(std::pow(10.0, -0.7 * k));
        gradients.std.push_back(0.1 * std::pow(10.0, -0.7 * k));
        gradients.total.push_back(std::pow(10.0, 2 - 0.3 * k));
    }
    return gradients;
}

} // namespace

class TestFigures final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writersProduceValidFiles()
    {
        QTemporaryDir dir;
        GradientResult gradients;
        for (int k = 0; k <= 6; ++k) {
            gradients.lengths.push_back(k);
            gradients.mean.push_back(std::pow(0.3, k));
            gradients.std.push_back(0.5 * std::pow(0.3, k));
            gradients.total.push_back(pathCounts(6)[k] * std::pow(0.3, k));
        }
        gradients.effectiveFrom = 0;
        gradients.effectiveTo = 3;
        std::vector<std::unique_ptr<QCustomPlot>> plots;
        plots.push_back(figures::sweep(QStringLiteral("Reordering — test"), sampleSweep(), true));
        plots.push_back(figures::gradients(QStringLiteral("Gradients — test"), gradients));
        plots.push_back(figures::paths(QStringLiteral("Paths — test"), pathLengthDistribution(6), {{1, survivingFraction(6, 1)}}));
        plots.push_back(figures::lesion(QStringLiteral("Lesion — test"),
                                        {{QStringLiteral("a"), 0.9, {0.8, 0.5, 0.85}, {false, true, false}}}));
        for (size_t i = 0; i < plots.size(); ++i) {
            const QString stem = dir.filePath(QStringLiteral("figure%1").arg(i));
            figures::save(*plots[i], stem + ".pdf");
            figures::save(*plots[i], stem + ".svg");
            figures::save(*plots[i], stem + ".png", figures::Size{640, 420, 192});

            QFile pdf(stem + ".pdf");
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            const QByteArray pdfBytes = pdf.readAll();
            QVERIFY(pdfBytes.startsWith("%PDF-"));
            QVERIFY(pdfBytes.size() > 2000);

            QFile svg(stem + ".svg");
            QVERIFY(svg.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&svg);
            bool sawSvgRoot = false;
            int elements = 0;
            while (!xml.atEnd()) {
                if (xml.readNext() == QXmlStreamReader::StartElement) {
                    sawSvgRoot |= elements == 0 && xml.name() == QLatin1String("svg");
                    ++elements;
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QVERIFY(sawSvgRoot);
            QVERIFY(elements > 20);

            const QImage png(stem + ".png");
            QCOMPARE(png.size(), QSize(1280, 840)); // 640 x 420 at 192 dpi
            QVERIFY(png.pixelColor(2, 2) == QColor(Qt::white)); // the background is filled
        }
    }

    // On screen a figure may follow the dark theme; its exports stay black on white.
    void darkFiguresExportPrintColours()
    {
        QTemporaryDir dir;
        auto plot = figures::lesion(QStringLiteral("Lesion — test"),
                                    {{QStringLiteral("a"), 0.9, {0.8, 0.5, 0.85}, {false, true, false}}});
        const QColor base(30, 30, 32);
        figures::setDark(*plot, true, base);
        QCOMPARE(plot->toPixmap(640, 420).toImage().pixelColor(2, 2), base);
        QCOMPARE(plot->xAxis->basePen().color(), QColor(Qt::white));
        QCOMPARE(plot->graph(0)->pen().color(), QColor(Qt::white)); // the first series' black line
        const QString path = dir.filePath(QStringLiteral("dark.png"));
        figures::save(*plot, path);
        const QImage png(path);
        QCOMPARE(png.pixelColor(2, 2), QColor(Qt::white));
        bool blackInk = false;
        for (int y = 0; y < png.height() && !blackInk; ++y)
            for (int x = 0; x < png.width() && !blackInk; ++x)
                blackInk = png.pixelColor(x, y) == QColor(Qt::black);
        QVERIFY(blackInk);
        QCOMPARE(plot->toPixmap(640, 420).toImage().pixelColor(2, 2), base); // shown dark again
        QCOMPARE(plot->graph(0)->pen().color(), QColor(Qt::white));
        figures::setDark(*plot, false);
        QCOMPARE(plot->toPixmap(640, 420).toImage().pixelColor(2, 2), QColor(Qt::white));
        QCOMPARE(plot->graph(0)->pen().color(), QColor(Qt::black));
        QCOMPARE(plot->xAxis->basePen().color(), QColor(Qt::black));
    }

    // Presenting, a measured figure's text grows with the window's type (issue 25: its 10 pt ticks
    // stayed small on a projector); the export keeps the drawn sizes, and 1 gives them back.
    void presentedFiguresExportDrawnSizes()
    {
        QTemporaryDir dir;
        auto plot = figures::lesion(QStringLiteral("Lesion — test"),
                                    {{QStringLiteral("a"), 0.9, {0.8, 0.5, 0.85}, {false, true, false}}});
        auto title = [&] {
            for (QCPLayoutElement *element : plot->plotLayout()->elements(true))
                if (auto *text = qobject_cast<QCPTextElement *>(element))
                    return text->font().pointSizeF();
            return -1.0;
        };
        const double drawnTick = plot->xAxis->tickLabelFont().pointSizeF();
        const double drawnLabel = plot->yAxis->labelFont().pointSizeF();
        const double drawnLegend = plot->legend->font().pointSizeF();
        const double drawnTitle = title();
        QVERIFY(drawnTick > 0 && drawnLabel > 0 && drawnLegend > 0 && drawnTitle > 0);
        const QString drawnPath = dir.filePath(QStringLiteral("drawn.png"));
        figures::save(*plot, drawnPath);
        figures::setTextScale(*plot, 1.5);
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), 1.5 * drawnTick);
        QCOMPARE(plot->yAxis->labelFont().pointSizeF(), 1.5 * drawnLabel);
        QCOMPARE(plot->legend->font().pointSizeF(), 1.5 * drawnLegend);
        QCOMPARE(title(), 1.5 * drawnTitle);
        figures::setTextScale(*plot, 1.5); // the same scale again changes nothing
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), 1.5 * drawnTick);
        const QString path = dir.filePath(QStringLiteral("presented.png"));
        figures::save(*plot, path);
        QCOMPARE(QImage(path), QImage(drawnPath)); // exported as drawn, pixel for pixel
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), 1.5 * drawnTick); // shown enlarged again
        figures::setTextScale(*plot, 1);
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), drawnTick);
        QCOMPARE(title(), drawnTitle);
    }

    // Fig. 5b as the paper draws it (one point per sample: tau, error), the split of a two-peaked
    // sweep, its 95% intervals, and Fig. 6c on a linear axis.
    void figuresCarryTheirStatistics()
    {
        SweepResult sweep = sampleSweep();
        for (SweepPoint &point : sweep.points) {
            point.touched = {{0, point.k + 1}, {point.k + 1}};
            summarise(point);
        }
        auto byTau = figures::reorderByTau(QStringLiteral("tau"), sweep);
        QCPGraph *samples = byTau->graph(0);
        QCOMPARE(samples->dataCount(), 10);
        QCOMPARE(samples->lineStyle(), QCPGraph::lsNone);
        bool found = false;
        for (int i = 0; i < samples->dataCount(); ++i)
            found |= std::abs(samples->data()->at(i)->key - 0.75) < 1e-12 && std::abs(samples->data()->at(i)->value - 78.0) < 1e-9;
        QVERIFY(found); // k = 2, second sample: tau 0.75, accuracy 0.78 (as the figure beside it, not the error)
        QCOMPARE(byTau->yAxis->label(), QStringLiteral("test accuracy (%)"));
        QVERIFY(byTau->xAxis->rangeReversed());

        // A running reorder (sweepSoFar) with no sample yet at k = 2: a gap in the mean and in
        // tau, each later point still at its own k.
        SweepResult running = sweep;
        running.reorder = true;
        running.points[2] = SweepPoint{};
        running.points[2].k = 2;
        running.points[2].mean = std::nan("");
        auto partial = figures::sweep(QStringLiteral("so far"), running, true, {});
        QCOMPARE(partial->graphCount(), 3); // mean, baseline, tau
        QVERIFY(std::isnan(partial->graph(0)->data()->at(2)->value));
        QVERIFY(std::isnan(partial->graph(2)->data()->at(2)->value));
        PL_COMPARE_NEAR(partial->graph(2)->data()->at(3)->key, 3.0, 1e-12);
        PL_COMPARE_NEAR(partial->graph(2)->data()->at(3)->value, running.points[3].taus[0] / 2 + running.points[3].taus[1] / 2,
                        1e-12);

        auto split = figures::sweep(QStringLiteral("split"), sweep, false, {0});
        QCOMPARE(split->graphCount(), 4); // mean, baseline, touching, sparing
        PL_COMPARE_NEAR(split->graph(2)->data()->at(1)->value, 100 * 0.85, 1e-9); // k = 1, first sample touched 0
        PL_COMPARE_NEAR(split->graph(3)->data()->at(1)->value, 100 * 0.83, 1e-9);
        // The mean's error bars: Student's t (12.71 for two samples) standard errors of two samples 2 points apart.
        auto *bars = qobject_cast<QCPErrorBars *>(split->plottable(1));
        QVERIFY(bars);
        PL_COMPARE_NEAR(bars->data()->at(1).errorPlus, 12.7062047362 * 100 * sweep.points[1].standardError, 1e-6);

        GradientResult gradients;
        for (int k = 0; k <= 6; ++k) {
            gradients.lengths.push_back(k);
            gradients.rounds.push_back(k);
        }
        for (int r = 0; r <= 6; ++r) {
            std::vector<double> round;
            for (int k = 0; k <= 6; ++k)
                round.push_back(std::pow(0.3, k) * (1 + 0.1 * ((r + k) % 3)));
            gradients.norms.push_back(round);
        }
        pathlens::summarise(gradients);
        auto total = figures::gradientTotal(QStringLiteral("total"), gradients);
        QCOMPARE(total->yAxis->scaleType(), QCPAxis::stLinear);
        QCOMPARE(total->graph(0)->dataCount(), 7);
        PL_COMPARE_NEAR(total->graph(0)->data()->at(2)->value, gradients.total[2], 1e-12);
        QCOMPARE(total->itemCount(), 2); // the 90% and the 95% window

        // Single deletions: Wilson intervals, asymmetric near 100%, none where nothing was measured.
        figures::LesionSeries lesion;
        lesion.label = QStringLiteral("net");
        lesion.baseline = 0.93;
        lesion.baselineCorrect = 93;
        lesion.images = 100;
        lesion.accuracy = {0.99, std::nan(""), 0.5};
        lesion.correct = {99, -1, 50};
        lesion.downsampling = {false, true, false};
        auto deletions = figures::lesion(QStringLiteral("lesion"), {lesion});
        auto *wilson = qobject_cast<QCPErrorBars *>(deletions->plottable(1));
        QVERIFY(wilson);
        // 99 of 100: [0.94551, 0.99823] (Wilson, z = 1.96, computed by hand).
        PL_COMPARE_NEAR(wilson->data()->at(0).errorMinus, 99 - 94.551, 0.001);
        PL_COMPARE_NEAR(wilson->data()->at(0).errorPlus, 99.823 - 99, 0.001);
        QCOMPARE(wilson->data()->at(1).errorMinus, 0.0);
        PL_COMPARE_NEAR(wilson->data()->at(2).errorMinus, wilson->data()->at(2).errorPlus, 1e-9); // symmetric at 1/2
        // The baseline's interval is in its legend entry: 93 of 100 gives [86.2504, 96.568].
        bool baselineNamed = false;
        for (int i = 0; i < deletions->graphCount(); ++i)
            baselineNamed |= deletions->graph(i)->name().contains(QStringLiteral("93.0% [86.3–96.6]"));
        QVERIFY(baselineNamed);
    }

    // Heat maps keep their colour scale in a dark theme (only the ink turns), their cells hold
    // the numbers given, and their CSV has a value per cell.
    void perClassFigures()
    {
        const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        // Three blocks: block 1's -60 points lie beyond the scale, the 95th percentile of |change|.
        const std::vector<double> baseline{0.9, 0.8, 0.7};
        const std::vector<std::vector<double>> accuracy{{0.9, 0.75, 0.7}, {0.3, 0.8, 0.7}, {}};
        auto lesion = figures::classLesion(QStringLiteral("Classes — test"), names, baseline, accuracy, {false, true, false});
        auto *map = qobject_cast<QCPColorMap *>(lesion->plottable(0));
        QVERIFY(map);
        QCOMPARE(map->dataRange().upper, 5.0); // the largest change outside block 1: 5 points
        QCOMPARE(map->dataRange().lower, -5.0);
        PL_COMPARE_NEAR(map->data()->cell(0, 1), -5.0, 1e-9);  // block 0, class b
        QCOMPARE(map->data()->cell(1, 0), -5.0);               // block 1 saturates at the scale
        QVERIFY(std::isnan(map->data()->cell(2, 0)));          // block 2 could not be deleted
        bool named = false; // the saturated block, named with its extreme under the title
        for (QCPLayoutElement *element : lesion->plotLayout()->elements(true))
            if (auto *text = qobject_cast<QCPTextElement *>(element))
                named = named || text->text() == QStringLiteral("beyond the scale of ±5.0: block 1 (-60.0)");
        QVERIFY(named);
        const QRgb lossColour = map->gradient().color(-5.0, map->dataRange());
        figures::setDark(*lesion, true, QColor(30, 30, 32));
        QCOMPARE(map->gradient().color(-5.0, map->dataRange()), lossColour);
        QCOMPARE(lesion->xAxis->basePen().color(), QColor(Qt::white));
        bool scaleTurned = false;
        for (QCPLayoutElement *element : lesion->plotLayout()->elements(true))
            if (auto *scale = qobject_cast<QCPColorScale *>(element))
                scaleTurned = scale->axis()->tickLabelColor() == QColor(Qt::white);
        QVERIFY(scaleTurned);
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("classes.csv"));
        figures::saveCsv(*lesion, csvPath);
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray text = csv.readAll();
        QVERIFY(text.startsWith("series,x,y,value\n"));
        QCOMPARE(text.count('\n'), 1 + 3 * 3);
        QVERIFY(text.contains(",0,1,-5\n"));
        figures::save(*lesion, dir.filePath(QStringLiteral("classes.png")));
        QVERIFY(QImage(dir.filePath(QStringLiteral("classes.png"))).width() > 0);

        // The confusion change: after - before per cell, written into the cells that changed.
        const std::vector<std::vector<int64_t>> before{{5, 1, 0}, {0, 6, 0}, {0, 0, 4}};
        const std::vector<std::vector<int64_t>> after{{3, 3, 0}, {0, 6, 0}, {0, 1, 3}};
        auto confusion = figures::confusionChange(QStringLiteral("Confusion — test"), names, before, after);
        auto *cells = qobject_cast<QCPColorMap *>(confusion->plottable(0));
        QCOMPARE(cells->data()->cell(0, 0), -2.0); // predicted a, true a
        QCOMPARE(cells->data()->cell(1, 0), 2.0);  // predicted b, true a
        QCOMPARE(cells->data()->cell(1, 2), 1.0);  // predicted b, true c
        QCOMPARE(confusion->itemCount(), 4);       // four cells changed
        // The dark theme: zero turns dark (it was a near-white block, issue 25), the hues stay, and
        // the counts turn white; back in the light theme, exactly the print colours.
        const QRgb zeroLight = cells->gradient().color(0.0, cells->dataRange());
        const QRgb gainLight = cells->gradient().color(2.0, cells->dataRange());
        QList<QColor> inkLight;
        for (int i = 0; i < confusion->itemCount(); ++i)
            inkLight << qobject_cast<QCPItemText *>(confusion->item(i))->color();
        QVERIFY(inkLight.contains(QColor(Qt::black)) && inkLight.contains(QColor(Qt::white)));
        QVERIFY(QColor(zeroLight).lightness() > 240);
        figures::setDark(*confusion, true, QColor(30, 30, 32));
        QVERIFY2(QColor(cells->gradient().color(0.0, cells->dataRange())).lightness() < 30,
                 qPrintable(QColor(cells->gradient().color(0.0, cells->dataRange())).name()));
        QCOMPARE(cells->gradient().color(2.0, cells->dataRange()), gainLight);
        for (int i = 0; i < confusion->itemCount(); ++i)
            QCOMPARE(qobject_cast<QCPItemText *>(confusion->item(i))->color(), QColor(Qt::white));
        figures::setDark(*confusion, false);
        QCOMPARE(cells->gradient().color(0.0, cells->dataRange()), zeroLight);
        for (int i = 0; i < confusion->itemCount(); ++i)
            QCOMPARE(qobject_cast<QCPItemText *>(confusion->item(i))->color(), inkLight[i]);

        // Accuracy per class: the bars and their Wilson intervals (93 of 100: [86.25, 96.57]).
        auto bars = figures::classAccuracy(QStringLiteral("Per class — test"), names,
                                           {{QStringLiteral("original"), {93, 50, 0}, {100, 50, 10}}});
        auto *series = qobject_cast<QCPBars *>(bars->plottable(0));
        QCOMPARE(series->data()->size(), 3);
        QCOMPARE(series->data()->at(0)->value, 93.0);
        auto *errors = qobject_cast<QCPErrorBars *>(bars->plottable(1));
        PL_COMPARE_NEAR(errors->data()->at(0).errorMinus, 93 - 86.25048526, 1e-6);
        PL_COMPARE_NEAR(errors->data()->at(0).errorPlus, 96.56807389 - 93, 1e-6);
    }

    // The disagreement map puts the full network at -1 and each variant at its block; a block
    // that could not be deleted stays blank.
    void disagreementFigure()
    {
        const std::vector<std::vector<double>> matrix{{0, 0.02, 0.5}, {0.02, 0, 0.49}, {0.5, 0.49, 0}};
        auto plot = figures::disagreement(QStringLiteral("Disagreement — test"), {0, 2}, matrix, {false, false, false},
                                          QStringLiteral("majority vote: 90%"));
        auto *map = qobject_cast<QCPColorMap *>(plot->plottable(0));
        QCOMPARE(map->data()->keySize(), 4); // none, block 0, block 1, block 2
        QCOMPARE(map->data()->cell(0, 0), 0.0);
        QCOMPARE(map->data()->cell(1, 0), 2.0);  // block 0 against the full network: 2%
        QVERIFY(std::isnan(map->data()->cell(2, 0))); // block 1: not deleted
        QCOMPARE(map->data()->cell(3, 1), 49.0); // block 2 against block 0
        QCOMPARE(map->dataRange().upper, 50.0);   // nine cells: the 95th percentile is the largest
        QStringList notes;
        for (QCPLayoutElement *element : plot->plotLayout()->elements(true))
            if (auto *text = qobject_cast<QCPTextElement *>(element))
                notes << text->text();
        QVERIFY2(notes.contains(QStringLiteral("majority vote: 90%")), qPrintable(notes.join(QStringLiteral(" | "))));
    }

    // Titles and notes wrap at the figure's width instead of widening it: one line of the
    // disagreement note asked 536 px, and two class figures made their page scroll 672 px
    // sideways in a 1024x700 window (issue 25). The wrapped lines are all drawn: the figure
    // reports how much taller they are, so its pane can give it that height.
    void titlesAndNotesWrapAtTheFiguresWidth()
    {
        const QString note = QStringLiteral("majority vote of the 54 lesioned networks: 94.00%, full network: 94.00%; "
                                            "mean disagreement of two lesioned networks: 2.79%");
        auto plot = figures::disagreement(QStringLiteral("How often two lesioned networks disagree — a model with a long "
                                                         "file name, 10000 test images"),
                                          {0, 2}, {{0, 0.02, 0.5}, {0.02, 0, 0.49}, {0.5, 0.49, 0}}, {false, false, false}, note);
        plot->setViewport(QRect(0, 0, 1200, 400)); // as a resize of the shown figure, or an export, sets it
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(figures::wrappedTextGrowth(*plot), 0); // as written, one line each
        const int oneLine = QFontMetrics(plot->font()).boundingRect(note).width();
        const int minimumWidth = static_cast<QWidget *>(plot.get())->minimumSizeHint().width();
        QVERIFY2(minimumWidth < 400 && oneLine > 400, qPrintable(QStringLiteral("%1, %2").arg(minimumWidth).arg(oneLine)));
        plot->setViewport(QRect(0, 0, 350, 400));
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const int growth = figures::wrappedTextGrowth(*plot);
        QVERIFY2(growth >= QFontMetrics(plot->font()).lineSpacing() * (oneLine / 350), qPrintable(QString::number(growth)));
        for (QCPLayoutElement *element : plot->plotLayout()->elements(true))
            if (auto *text = qobject_cast<QCPTextElement *>(element)) {
                const QRect needed = QFontMetrics(text->font()).boundingRect(text->rect(), text->textFlags(), text->text());
                QVERIFY2(text->rect().contains(needed), qPrintable(text->text())); // not clipped
            }
    }

    // The effective window's shading shows in the dark theme too (it was 47 on 31 grey, 1.2:1),
    // and comes back as it was in the light one.
    void effectiveWindowShowsInTheDark()
    {
        GradientResult gradients = steepGradients();
        gradients.effectiveFrom = 6;
        gradients.effectiveTo = 15;
        gradients.effectiveShare = 0.001;
        auto plot = figures::gradients(QStringLiteral("Gradients — test"), gradients);
        plot->setViewport(QRect(0, 0, 800, 400));
        const auto shadeAndPlain = [&] {
            plot->replot(QCustomPlot::rpImmediateRefresh);
            const QImage image = plot->toPixmap(800, 400).toImage();
            const int y = plot->axisRect()->rect().top() + 6;
            return std::pair(image.pixelColor(int(plot->xAxis->coordToPixel(11.5)), y).lightness(),
                             image.pixelColor(int(plot->xAxis->coordToPixel(24.5)), y).lightness());
        };
        const auto light = shadeAndPlain();
        QVERIFY2(light.second - light.first >= 15, qPrintable(QStringLiteral("%1 on %2").arg(light.first).arg(light.second)));
        figures::setDark(*plot, true, QColor(30, 30, 32));
        const auto dark = shadeAndPlain();
        QVERIFY2(dark.first - dark.second >= 35, qPrintable(QStringLiteral("%1 on %2").arg(dark.first).arg(dark.second)));
        figures::setDark(*plot, false);
        QVERIFY(shadeAndPlain() == light);
    }

    // On a log axis spanning 20 decades the first and last means keep their markers inside the
    // axes (a factor 2 of margin was 2 px at 120 px, and the markers were cut; issue 25).
    void gradientMarkersStayInsideTheAxes()
    {
        GradientResult gradients = steepGradients();
        auto plot = figures::gradients(QStringLiteral("Gradients — test"), gradients);
        plot->setViewport(QRect(0, 0, 600, 250));
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const QRect axes = plot->axisRect()->rect();
        QVERIFY2(axes.height() >= 120 && axes.height() < 200, qPrintable(QString::number(axes.height())));
        constexpr double markerRadius = 3;
        for (double mean : {gradients.mean.front(), gradients.mean.back()}) {
            const double y = plot->yAxis->coordToPixel(mean);
            QVERIFY2(y >= axes.top() + markerRadius && y <= axes.bottom() - markerRadius,
                     qPrintable(QStringLiteral("%1 at %2 px, axes %3..%4").arg(mean).arg(y).arg(axes.top()).arg(axes.bottom())));
        }
    }

    // The surviving-paths legend sits under the axes: in their top right corner it covered the
    // histogram's peak in a narrow pane (1024x700, tour steps 4 and 10).
    void survivingPathsLegendLeavesTheBarsFree()
    {
        auto plot = figures::paths(QStringLiteral("Paths"), pathLengthDistribution(54), {{10, survivingFraction(54, 10)}});
        plot->setViewport(QRect(0, 0, 450, 320));
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(!plot->axisRect()->rect().intersects(plot->legend->outerRect()));
        QVERIFY2(plot->axisRect()->rect().height() >= 120, qPrintable(QString::number(plot->axisRect()->rect().height())));
    }

    // A mean of two samples has t = 12.7 (1.96 standard errors claimed 95 % there); its bars stay
    // inside 0-100 %, where an accuracy lies (they ran below 0 % and were cut by the frame).
    void sweepIntervalsAreStudentsAndInsideTheScale()
    {
        SweepResult result;
        result.baseline = 0.9;
        SweepPoint point;
        point.accuracies = {0.1, 0.9};
        point.mean = 0.5;
        point.standardError = 0.4;
        result.points.push_back(point);
        point.k = 1;
        point.accuracies = {0.94, 0.96};
        point.mean = 0.95;
        point.standardError = 0.01;
        result.points.push_back(point);
        auto plot = figures::sweep(QStringLiteral("x"), result, false);
        QCPErrorBars *bars = nullptr;
        for (int i = 0; i < plot->plottableCount() && !bars; ++i)
            bars = qobject_cast<QCPErrorBars *>(plot->plottable(i));
        QVERIFY(bars);
        QCOMPARE(bars->data()->at(0).errorMinus, 50.0);
        QCOMPARE(bars->data()->at(0).errorPlus, 50.0);
        PL_COMPARE_NEAR(bars->data()->at(1).errorMinus, 12.7062047362, 1e-6);
        PL_COMPARE_NEAR(bars->data()->at(1).errorPlus, 5.0, 1e-9);
    }

    // Counting axes tick at whole numbers: the plain control's 15 blocks were at 0, 2.5, 5, ...
    void countingAxesTickAtWholeNumbers()
    {
        figures::LesionSeries series;
        series.label = QStringLiteral("plain");
        series.baseline = 0.9;
        series.accuracy.assign(15, 0.1);
        series.downsampling.assign(15, false);
        std::vector<std::unique_ptr<QCustomPlot>> plots;
        plots.push_back(figures::lesion(QStringLiteral("x"), {series}));
        plots.push_back(figures::sweep(QStringLiteral("y"), sampleSweep(), false));
        for (auto &plot : plots) {
            plot->setGeometry(0, 0, 800, 500);
            plot->replot();
            const QVector<double> ticks = plot->xAxis->tickVector();
            QVERIFY(ticks.size() >= 3);
            for (double tick : ticks)
                QVERIFY2(tick == std::round(tick), qPrintable(QString::number(tick)));
        }
    }

    void badTargetsAreExplained()
    {
        auto plot = figures::sweep(QStringLiteral("x"), sampleSweep(), false);
        PL_EXPECT_ERROR(figures::save(*plot, QStringLiteral("/tmp/figure.gif")), "figure.gif", "unknown figure format");
        PL_EXPECT_ERROR(figures::save(*plot, QStringLiteral("/no/such/folder/figure.png")), "/no/such/folder/figure.png");
    }
};

QTEST_MAIN(TestFigures)
#include "tst_figures.moc"
