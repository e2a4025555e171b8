#include "liveplots.h"
#include "figures_p.h"

#include "figures.h"
#include "paths.h"
#include "results.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace pathlens {

// Okabe and Ito's colour-blind-safe palette: the comparison model gets its own colour (and a
// square marker), never a grey that sinks into the original's dashed line.
namespace okabeIto {
const QColor orange(230, 159, 0);
const QColor skyBlue(86, 180, 233);
const QColor blue(0, 114, 178);
const QColor vermillion(213, 94, 0);
} // namespace okabeIto

void installHoverReadout(QCustomPlot *plot)
{
    // The value under the mouse: the nearest data point of any graph, as a tooltip.
    QObject::connect(plot, &QCustomPlot::mouseMove, plot, [plot](QMouseEvent *event) {
        const QPointF at = event->position();
        double best = 30; // pixels
        QString text;
        for (int i = 0; i < plot->graphCount(); ++i) {
            QCPGraph *graph = plot->graph(i);
            if (!graph->visible() || graph->data()->isEmpty())
                continue;
            for (auto point = graph->data()->constBegin(); point != graph->data()->constEnd(); ++point) {
                const QPointF pixel = graph->coordsToPixels(point->key, point->value);
                const double distance = QLineF(pixel, at).length();
                if (distance < best) {
                    best = distance;
                    text = QStringLiteral("%1\n%2 = %3, %4 = %5")
                               .arg(graph->name(), graph->keyAxis()->label())
                               .arg(point->key, 0, 'g', 4)
                               .arg(graph->valueAxis()->label())
                               .arg(point->value, 0, 'g', 5);
                }
            }
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, plot);
    });
}

namespace {

QCustomPlot *newPlot(QWidget *parent, const QString &x, const QString &y)
{
    auto *plot = new QCustomPlot(parent);
    plot->xAxis->setLabel(x);
    plot->yAxis->setLabel(y);
    plot->legend->setVisible(true);
    plot->legend->setFont(parent->font());
    // The legend in a row of its own above the axes: it never hides a point of the data.
    figures::legendInRow(*plot, 0);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setMargins(QMargins(4, 2, 4, 2));
    plot->setMinimumHeight(180);
    installHoverReadout(plot);
    return plot;
}

std::pair<QVector<double>, QVector<double>> distribution(const std::vector<double> &fractions)
{
    QVector<double> lengths, shares;
    for (size_t k = 0; k < fractions.size(); ++k) {
        lengths << double(k);
        shares << 100.0 * fractions[k];
    }
    return {lengths, shares};
}

// Where a measured tab's explanation and progress go: beside its buttons, or on a line of their
// own under them where the buttons leave too little room (beside Delete k's four controls at
// 1024x700 the text wrapped into a column eight lines tall and pushed the figures down). Beside is
// the default: a line of its own costs the figures 20 px, and at 1024x700 and in presentation
// mode at 1920x1080 their pages then scrolled or their axes fell below 120 px.
enum class StatusPlace { BesideControls, OwnLine };

// A tab with a row of controls above a figure (or figures side by side, `direction`) that is
// redrawn as results come in.
QWidget *measuredTab(QWidget *parent, const QString &explanation, QList<QWidget *> controlWidgets, QBoxLayout *&area,
                     QLabel *&status, QBoxLayout::Direction direction = QBoxLayout::TopToBottom,
                     StatusPlace place = StatusPlace::BesideControls)
{
    auto *tab = new QWidget(parent);
    auto *layout = new QVBoxLayout(tab);
    auto *controls = new QWidget(tab);
    controls->setObjectName(QStringLiteral("measureControls")); // hidden while presenting one figure at a time
    auto *rows = new QVBoxLayout(controls);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *buttonRow = new QHBoxLayout;
    for (QWidget *control : controlWidgets)
        buttonRow->addWidget(control);
    rows->addLayout(buttonRow);
    status = new QLabel(explanation, tab);
    status->setWordWrap(true);
    if (place == StatusPlace::OwnLine) {
        buttonRow->addStretch(1);
        rows->addWidget(status);
    } else {
        buttonRow->addWidget(status, 1);
    }
    layout->addWidget(controls, 0, Qt::AlignTop); // before the first figure too: it sat in the middle of an empty tab
    area = new QBoxLayout(direction);
    layout->addLayout(area, 1);
    return tab;
}

QString classExplanation()
{
    return QCoreApplication::translate("pathlens::LivePlots", "Accuracy per class of the current arrangement against "
                                                              "the original, and how the confusion matrix changes: press Measure.");
}

QString sweepExplanation()
{
    return QCoreApplication::translate("pathlens::LivePlots", "Accuracy after deleting k random blocks, or swapping k "
                                                              "random pairs, of the original network: press Delete k or Reorder.");
}

QString lesionClassExplanation()
{
    return QCoreApplication::translate("pathlens::LivePlots", "Which classes pay for each single deletion, and how often "
                                                              "the lesioned networks disagree: measured with Single deletion.");
}

} // namespace

LivePlots::LivePlots(QWidget *parent)
    : QWidget(parent)
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_accuracy = newPlot(this, tr("edit"), tr("accuracy (%)"));
    m_accuracy->xAxis->setTicker(figures::wholeNumberTicks());
    m_original = m_accuracy->addGraph();
    m_original->setName(tr("original network"));
    m_history = m_accuracy->addGraph();
    m_history->setName(tr("after each edit"));
    m_compareOriginal = m_accuracy->addGraph();
    m_compareHistory = m_accuracy->addGraph();
    m_compareHistory->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 6));
    setCompareName({});
    m_estimate = m_accuracy->addGraph();
    m_estimate->setName(tr("running estimate (95%)"));
    m_estimate->setLineStyle(QCPGraph::lsNone);
    m_estimate->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::darkGray, 1.5), Qt::white, 9));
    m_estimateBars = new QCPErrorBars(m_accuracy->xAxis, m_accuracy->yAxis);
    m_estimateBars->setDataPlottable(m_estimate);
    m_estimateBars->removeFromLegend();

    m_paths = newPlot(this, tr("path length"), tr("share of paths (%)"));
    m_originalPaths = m_paths->addGraph();
    m_originalPaths->setName(tr("original"));
    m_currentPaths = m_paths->addGraph();
    m_currentPaths->setName(tr("current arrangement"));
    // Path lengths are whole numbers: steps one length wide, not lines between them (a plain
    // network's one path at length 15 was drawn as a ramp from 14 to 15).
    for (QCPGraph *graph : {m_originalPaths, m_currentPaths})
        graph->setLineStyle(QCPGraph::lsStepCenter);

    m_tabs = new QTabWidget(this);
    QWidget *pathsTab = addScrollingTab(m_paths, tr("Path lengths"));
    auto *survivingPage = new QWidget(m_tabs);
    m_survivingArea = new QVBoxLayout(survivingPage);
    QWidget *survivingTab = addScrollingTab(survivingPage, tr("Surviving paths"));

    auto buttons = [this](Measured measured) {
        auto *measure = new QPushButton(tr("Measure"), this);
        auto *stop = new QPushButton(tr("Stop"), this);
        stop->setEnabled(false);
        connect(stop, &QPushButton::clicked, this, &LivePlots::stopRequested);
        m_measureButtons << measure;
        m_stopButtons << std::pair{stop, measured};
        return std::pair{measure, stop};
    };
    const auto [measureGradients, stopGradients] = buttons(Measured::Gradients);
    measureGradients->setToolTip(tr("Sample the gradient that paths of each length carry (the paper's Section 5), "
                                    "on training images, for the arrangement as it is now"));
    connect(measureGradients, &QPushButton::clicked, this, &LivePlots::gradientsRequested);
    m_samples = new QSpinBox(this);
    m_samples->setObjectName(QStringLiteral("gradientSamples"));
    m_samples->setRange(1, 1000);
    m_samples->setValue(5);
    m_samples->setSuffix(tr(" per length"));
    m_samples->setToolTip(tr("Random batches per path length (the paper used 1000)"));
    QWidget *gradientTab = measuredTab(m_tabs, tr("Gradient magnitude per path length: press Measure."),
                                       {measureGradients, stopGradients, m_samples}, m_gradientArea, m_gradientStatus);
    m_gradientStatus->setObjectName(QStringLiteral("gradientStatus"));
    gradientTab = addScrollingTab(gradientTab, tr("Gradients"));
    const auto [measureLesion, stopLesion] = buttons(Measured::SingleDeletions);
    measureLesion->setToolTip(tr("Accuracy with each block deleted alone (the paper's Fig. 3), on the live images"));
    connect(measureLesion, &QPushButton::clicked, this, &LivePlots::lesionRequested);
    QWidget *lesionTab = measuredTab(m_tabs, tr("Accuracy of the original network with each single block deleted: press Measure."),
                                     {measureLesion, stopLesion}, m_lesionArea, m_lesionStatus);
    m_lesionStatus->setObjectName(QStringLiteral("lesionStatus"));
    lesionTab = addScrollingTab(lesionTab, tr("Single deletion"));
    const auto [deleteK, stopSweep] = buttons(Measured::Sweep);
    deleteK->setText(tr("Delete k"));
    deleteK->setToolTip(tr("Accuracy after deleting k random blocks of the original network, k = 0 to 20 (the paper's "
                           "Fig. 5a), on the live images"));
    connect(deleteK, &QPushButton::clicked, this, [this] { Q_EMIT sweepRequested(false); });
    auto *reorder = new QPushButton(tr("Reorder"), this);
    m_measureButtons << reorder;
    reorder->setToolTip(tr("Accuracy after swapping k random pairs of blocks of one stage, k = 0 to 20 (the paper's "
                           "Fig. 5b), on the live images"));
    connect(reorder, &QPushButton::clicked, this, [this] { Q_EMIT sweepRequested(true); });
    m_sweepSamples = new QSpinBox(this);
    m_sweepSamples->setObjectName(QStringLiteral("sweepSamples"));
    m_sweepSamples->setRange(1, 1000);
    m_sweepSamples->setValue(10);
    m_sweepSamples->setSuffix(tr(" per k"));
    m_sweepSamples->setToolTip(tr("Random arrangements drawn for each k"));
    QWidget *sweepTab = measuredTab(m_tabs, sweepExplanation(), {deleteK, reorder, stopSweep, m_sweepSamples},
                                    m_sweepArea, m_sweepStatus, QBoxLayout::LeftToRight, StatusPlace::OwnLine);
    m_sweepStatus->setObjectName(QStringLiteral("sweepStatus"));
    sweepTab = addScrollingTab(sweepTab, tr("Delete k · reorder"));
    const auto [measureClasses, stopClasses] = buttons(Measured::Classes);
    measureClasses->setToolTip(tr("Accuracy per class and the confusion matrix, the current arrangement against the "
                                  "original, on the live images"));
    connect(measureClasses, &QPushButton::clicked, this, &LivePlots::classesRequested);
    QWidget *classTab = measuredTab(m_tabs, classExplanation(), {measureClasses, stopClasses}, m_classArea,
                                    m_classStatus, QBoxLayout::LeftToRight);
    classTab = addScrollingTab(classTab, tr("Per class"));
    const auto [measureLesionClasses, stopLesionClasses] = buttons(Measured::SingleDeletions);
    measureLesionClasses->setToolTip(measureLesion->toolTip());
    connect(measureLesionClasses, &QPushButton::clicked, this, &LivePlots::lesionRequested);
    QWidget *lesionClassTab = measuredTab(m_tabs, lesionClassExplanation(), {measureLesionClasses, stopLesionClasses},
                                          m_lesionClassArea, m_lesionClassStatus, QBoxLayout::LeftToRight);
    lesionClassTab = addScrollingTab(lesionClassTab, tr("Deletion × class"));
    m_tabOfPlot = {m_accuracy, pathsTab,   survivingTab,   gradientTab, lesionTab, classTab,
                   classTab,   lesionClassTab, lesionClassTab, sweepTab,   sweepTab,  sweepTab};

    connect(m_tabs, &QTabWidget::currentChanged, this, [this, survivingTab](int index) {
        if (m_tabs->widget(index) == survivingTab)
            drawSurviving();
    });
    // The tabs twice the accuracy plot's share: their figures carry titles, notes and legends.
    m_layout->addWidget(m_accuracy, 1);
    m_layout->addWidget(m_tabs, 2);
    for (QCustomPlot *plot : {m_accuracy, m_paths})
        fitPresentation(plot); // their minimum heights (the measured figures get theirs when drawn)
    followPalette(); // pens and colours
}

// Each tab page scrolls inside its tab instead of widening the window: a tab widget is as wide
// as its widest page, and two heat maps side by side with 54 rows of class names asked for 1153 px,
// which made the window 1692 px wide on a 1024 px projector (issue 25).
QWidget *LivePlots::addScrollingTab(QWidget *page, const QString &title)
{
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    m_tabs->addTab(scroll, title);
    return scroll;
}

QStringList LivePlots::plotNames()
{
    return {QStringLiteral("accuracy"), QStringLiteral("path-lengths"), QStringLiteral("surviving-paths"),
            QStringLiteral("gradients"), QStringLiteral("single-deletion"), QStringLiteral("per-class"),
            QStringLiteral("confusion-change"), QStringLiteral("single-deletion-classes"), QStringLiteral("disagreement"),
            QStringLiteral("delete-k"), QStringLiteral("reorder"), QStringLiteral("reorder-tau")};
}

void LivePlots::showTab(const QString &name)
{
    const int index = int(plotNames().indexOf(name));
    if (index > 0 || (index == 0 && accuracyIsATab())) { // "accuracy" is above the tabs unless short of room
        m_tabs->setCurrentWidget(m_tabOfPlot[index]);
        // The figure in view: from the page's top with its Measure row where both fit, else from
        // the figure's own top (the second of two may be under the first in a narrow pane).
        // Scrolled just far enough, a 1024x700 window cut the Measure row in half (issue 25).
        auto *page = qobject_cast<QScrollArea *>(m_tabOfPlot[index]);
        if (QCustomPlot *figure = page ? plot(name) : nullptr) {
            const QRect inPage(figure->mapTo(page->widget(), QPoint(0, 0)), figure->size());
            page->verticalScrollBar()->setValue(inPage.bottom() < page->viewport()->height() ? 0 : inPage.top());
        }
    }
    m_tabChosen = index > 0;
    showFigures();
}

// A figure whose titles and notes wrap grows by the wrapped lines (fitPresentation) instead of
// squeezing its axes; it knows its new width once its own resize event has passed.
bool LivePlots::eventFilter(QObject *watched, QEvent *event)
{
    auto *plot = qobject_cast<QCustomPlot *>(watched); // the measured figures (replaceFigure)
    if (!plot)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::Resize)
        QTimer::singleShot(0, plot, [this, plot] { fitPresentation(plot); });
    // The wheel over a figure scrolls its page: QCustomPlot takes every wheel event, so the second
    // of two figures one above the other was reached only by the scroll bar.
    if (event->type() == QEvent::Wheel)
        for (QWidget *parent = plot->parentWidget(); parent; parent = parent->parentWidget())
            if (auto *page = qobject_cast<QScrollArea *>(parent))
                return QCoreApplication::sendEvent(page->verticalScrollBar(), event);
    return QWidget::eventFilter(watched, event);
}

// The first plot name of the tab shown.
QString LivePlots::currentTabName() const
{
    return plotNames().value(int(m_tabOfPlot.indexOf(m_tabs->currentWidget())));
}

void LivePlots::drawSurviving()
{
    if (m_survivingDrawn)
        return;
    m_survivingDrawn = true;
    const int deleted = m_blocks - m_active;
    const std::vector<double> original = pathsResult(m_blocks, m_blocks, {}, m_plain).distribution;
    if (hasRepeatsOrParallel(m_arrangement)) {
        // A group keeps the paths through at most one of its members (a trial found the tab saying
        // "every path survives" beside a group of 8); a repeat makes paths the original lacks.
        const bool repeats = int(m_arrangement.size()) > m_blocks;
        const QString title = repeats ? tr("Repeated blocks make paths the original network does not have: no share of "
                                           "its paths to draw")
                                      : tr("Paths of each length that the parallel groups and %n deletion(s) keep", nullptr,
                                           deleted);
        std::map<int, std::vector<double>> kept;
        if (!repeats)
            kept[deleted] = keptPathFraction(m_blocks, activeGroupSizes(m_arrangement));
        replaceFigure(m_survivingArea, m_surviving, figures::paths(title, original, kept, tr("kept by the current arrangement")));
        followPalette(m_surviving);
        return;
    }
    // A plain network has one path, through every layer, broken by any deletion (core's paths).
    const PathsResult current = pathsResult(m_blocks, m_active, {}, m_plain);
    const QString title = deleted == 0 ? tr("No block deleted: every path survives")
                          : m_plain    ? tr("A plain network's one path passes every layer: %n deletion(s) break it", nullptr, deleted)
                                       : tr("Paths of each length that survive %n deletion(s)", nullptr, deleted);
    replaceFigure(m_survivingArea, m_surviving, figures::paths(title, original, current.surviving));
    followPalette(m_surviving);
}

QCustomPlot *LivePlots::plot(const QString &name)
{
    if (name == QLatin1String("surviving-paths"))
        drawSurviving();
    QCustomPlot *const plots[] = {m_accuracy,         m_paths,          m_surviving,     m_gradientFigure,
                                  m_lesionFigure,     m_classFigure,    m_confusionFigure, m_lesionClassFigure,
                                  m_disagreementFigure, m_deleteKFigure, m_reorderFigure, m_tauFigure};
    const int index = int(plotNames().indexOf(name));
    return index < 0 ? nullptr : plots[index];
}

void LivePlots::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        followPalette();
    QWidget::changeEvent(event);
}

// The measured figures follow a dark theme on screen (their exports stay black on white).
void LivePlots::followPalette(QCustomPlot *figure)
{
    const QColor base = palette().color(QPalette::Base);
    figures::setDark(*figure, base.lightness() < 128, base);
    // Presenting, the window's type is larger than the application's: a measured figure's text
    // grows too (its export keeps the drawn sizes). At 2560x1440 its 10 pt ticks were the smallest
    // text on the projector (issue 25). By the square root of the window's factor: grown by all
    // of it, the gradient figure's axes kept 108 px at 1920x1080 and its log ticks overlapped.
    const double windowFont = font().pointSizeF(), applicationFont = QApplication::font().pointSizeF();
    figures::setTextScale(*figure, windowFont > 0 && applicationFont > 0 ? std::sqrt(windowFont / applicationFont) : 1.0);
}

// The live plots follow the theme and the font (larger in presentation mode), the measured
// figures the theme and the font's scale.
void LivePlots::followPalette()
{
    for (QCustomPlot *figure : {m_gradientFigure, m_lesionFigure, m_surviving, m_classFigure, m_confusionFigure,
                                m_lesionClassFigure, m_disagreementFigure, m_deleteKFigure, m_reorderFigure, m_tauFigure})
        if (figure)
            followPalette(figure);
    const QColor text = palette().color(QPalette::Text);
    for (QCustomPlot *plot : {m_accuracy, m_paths}) {
        plot->legend->setFont(font());
        plot->setBackground(palette().color(QPalette::Base));
        plot->legend->setBrush(palette().color(QPalette::Base));
        plot->legend->setTextColor(text);
        for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
            axis->setBasePen(QPen(text));
            axis->setTickPen(QPen(text));
            axis->setSubTickPen(QPen(text));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->setTickLabelFont(font());
            axis->setLabelFont(font());
        }
    }
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QColor main = dark ? Qt::white : Qt::black;
    m_history->setPen(QPen(main, 2 * m_lineScale));
    m_currentPaths->setPen(QPen(main, 2 * m_lineScale));
    m_currentPaths->setBrush(dark ? QColor(255, 255, 255, 50) : QColor(0, 0, 0, 40));
    m_history->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(main, 1.5 * m_lineScale), Qt::NoBrush, 6 * m_lineScale));
    m_original->setPen(QPen(okabeIto::orange, 1.5 * m_lineScale, Qt::DashLine));
    m_originalPaths->setPen(QPen(okabeIto::orange, 1.5 * m_lineScale, Qt::DashLine));
    m_compareOriginal->setPen(QPen(okabeIto::vermillion, 1.5 * m_lineScale, Qt::DashDotLine));
    m_compareHistory->setPen(QPen(okabeIto::vermillion, 2 * m_lineScale));
    m_compareHistory->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(okabeIto::vermillion, 1.5 * m_lineScale),
                                                      okabeIto::vermillion, 7 * m_lineScale));
    const QColor estimate = dark ? okabeIto::skyBlue : okabeIto::blue;
    m_estimateBars->setPen(QPen(estimate, 1.5 * m_lineScale));
    m_estimate->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(estimate, 1.5 * m_lineScale),
                                                palette().color(QPalette::Base), 9 * m_lineScale));
    m_accuracy->replot(QCustomPlot::rpQueuedReplot);
    m_paths->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlots::clear(int blocks, bool plain)
{
    m_blocks = blocks;
    m_plain = plain;
    delete m_gradientFigure;
    m_gradientFigure = nullptr;
    delete m_lesionFigure;
    m_lesionFigure = nullptr;
    for (QCustomPlot **figure : {&m_classFigure, &m_confusionFigure, &m_lesionClassFigure, &m_disagreementFigure,
                                 &m_deleteKFigure, &m_reorderFigure, &m_tauFigure}) {
        delete *figure;
        *figure = nullptr;
    }
    m_classStatus->setText(classExplanation());
    m_lesionClassStatus->setText(lesionClassExplanation());
    m_sweepStatus->setText(sweepExplanation());
    m_gradientStatus->setText(tr("Gradient magnitude per path length: press Measure."));
    m_lesionStatus->setText(tr("Accuracy of the original network with each single block deleted: press Measure."));
    m_results = 0;
    m_lastEdit = 0;
    m_originalAccuracy = -1;
    m_compareOriginalAccuracy = -1;
    for (QCPGraph *graph : {m_history, m_original, m_estimate, m_compareHistory, m_compareOriginal})
        graph->data()->clear();
    m_estimateBars->data()->clear();
    const auto [lengths, shares] = distribution(pathsResult(blocks, blocks, {}, plain).distribution);
    m_originalPaths->setData(lengths, shares);
    m_paths->xAxis->setRange(-0.5, std::max(1, blocks) + 0.5);
    setArrangement(identityArrangement(blocks));
    rescale();
}

void LivePlots::setCompareName(const QString &name)
{
    m_compareHistory->setName(tr("%1 after each edit").arg(name));
    m_compareOriginal->setName(tr("%1, original").arg(name));
    for (QCPGraph *graph : {m_compareHistory, m_compareOriginal}) {
        graph->data()->clear();
        graph->setVisible(!name.isEmpty());
        if (name.isEmpty())
            graph->removeFromLegend();
        else
            graph->addToLegend();
    }
    m_compareOriginalAccuracy = -1;
    rescale();
}

void LivePlots::setOriginalAccuracy(Series series, double accuracy)
{
    (series == Series::Main ? m_originalAccuracy : m_compareOriginalAccuracy) = 100 * accuracy;
    rescale();
}

void LivePlots::showEstimate(int edit, double accuracy, double halfWidth)
{
    m_lastEdit = std::max(m_lastEdit, edit);
    m_estimate->setData({double(edit)}, {100 * accuracy});
    m_estimateBars->setData(QVector<double>{100 * halfWidth});
    rescale();
}

void LivePlots::addResult(Series series, int edit, double accuracy)
{
    m_lastEdit = std::max(m_lastEdit, edit);
    if (series == Series::Main) {
        m_estimate->data()->clear();
        m_estimateBars->data()->clear();
        m_history->addData(edit, 100 * accuracy);
        ++m_results;
    } else {
        m_compareHistory->addData(edit, 100 * accuracy);
    }
    rescale();
}

// Whole-number edits on x, the originals as lines across, everything in view.
void LivePlots::rescale()
{
    const double right = std::max(1, m_lastEdit) + 0.5;
    m_original->data()->clear();
    m_compareOriginal->data()->clear();
    if (m_originalAccuracy >= 0)
        m_original->setData({-0.5, right}, {m_originalAccuracy, m_originalAccuracy});
    if (m_compareOriginalAccuracy >= 0)
        m_compareOriginal->setData({-0.5, right}, {m_compareOriginalAccuracy, m_compareOriginalAccuracy});
    m_accuracy->rescaleAxes(true);
    m_accuracy->yAxis->scaleRange(1.1);
    // An accuracy lies within 0-100 %: the margin and an estimate's interval must not take the
    // axis beyond (the tour's plot ran from 25 to 150 % after Page Up to its first step).
    QCPRange accuracies = m_accuracy->yAxis->range();
    accuracies.lower = std::max(0.0, accuracies.lower);
    accuracies.upper = std::min(100.0, accuracies.upper);
    if (accuracies.size() < 2) // one value, or all at 0 or 100 %: two points around them
        accuracies = QCPRange(std::clamp(accuracies.center() - 1, 0.0, 98.0), std::clamp(accuracies.center() + 1, 2.0, 100.0));
    m_accuracy->yAxis->setRange(accuracies);
    m_accuracy->xAxis->setRange(-0.5, right);
    m_accuracy->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlots::setArrangement(const Arrangement &arrangement)
{
    m_active = activeCount(arrangement);
    m_arrangement = arrangement;
    m_survivingDrawn = false;
    if (m_tabs->currentWidget() == m_tabOfPlot.value(2)) // the surviving paths' tab (a scroll area)
        drawSurviving(); // else when it is shown: each edit's redraw costs the evaluation CPU time
    // Parallel groups: the paths through at most one member of each group (prod (1 + m z)).
    const auto [lengths, shares] = distribution(pathsResult(m_blocks, arrangement, {}, m_plain).distribution);
    m_currentPaths->setData(lengths, shares);
    m_paths->yAxis->rescale();
    // Headroom above the peak, which grows as blocks are deleted (it looked clipped flat).
    m_paths->yAxis->setRange(0, m_paths->yAxis->range().upper * 1.1);
    m_paths->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace pathlens
