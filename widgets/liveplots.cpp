#include "liveplots.h"

#include "paths.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

namespace pathlens {
namespace {

QCustomPlot *newPlot(QWidget *parent, const QString &x, const QString &y)
{
    auto *plot = new QCustomPlot(parent);
    plot->xAxis->setLabel(x);
    plot->yAxis->setLabel(y);
    plot->legend->setVisible(true);
    plot->legend->setFont(parent->font());
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    plot->setMinimumHeight(180);
    return plot;
}

std::pair<QVector<double>, QVector<double>> distribution(int blocks)
{
    QVector<double> lengths, shares;
    const auto fractions = pathLengthDistribution(blocks);
    for (int k = 0; k <= blocks; ++k) {
        lengths << k;
        shares << 100.0 * fractions[k];
    }
    return {lengths, shares};
}

} // namespace

LivePlots::LivePlots(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_accuracy = newPlot(this, tr("edit"), tr("accuracy (%)"));
    auto wholeNumbers = QSharedPointer<QCPAxisTickerFixed>::create();
    wholeNumbers->setTickStep(1);
    wholeNumbers->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_accuracy->xAxis->setTicker(wholeNumbers);
    m_original = m_accuracy->addGraph();
    m_original->setName(tr("original network"));
    m_original->setPen(QPen(Qt::gray, 1.5, Qt::DashLine));
    m_history = m_accuracy->addGraph();
    m_history->setName(tr("after each edit"));
    m_history->setPen(QPen(Qt::black, 2));
    m_history->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_compareOriginal = m_accuracy->addGraph();
    m_compareOriginal->setPen(QPen(Qt::darkGray, 1.5, Qt::DashDotLine));
    m_compareHistory = m_accuracy->addGraph();
    m_compareHistory->setPen(QPen(Qt::darkGray, 2, Qt::DotLine));
    m_compareHistory->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 6));
    setCompareName({});
    m_estimate = m_accuracy->addGraph();
    m_estimate->setName(tr("running estimate (95%)"));
    m_estimate->setLineStyle(QCPGraph::lsNone);
    m_estimate->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::darkGray, 1.5), Qt::white, 9));
    m_estimateBars = new QCPErrorBars(m_accuracy->xAxis, m_accuracy->yAxis);
    m_estimateBars->setDataPlottable(m_estimate);
    m_estimateBars->setPen(QPen(Qt::darkGray, 1.5));
    m_estimateBars->removeFromLegend();

    m_paths = newPlot(this, tr("path length"), tr("share of paths (%)"));
    m_paths->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_originalPaths = m_paths->addGraph();
    m_originalPaths->setName(tr("original"));
    m_originalPaths->setPen(QPen(Qt::gray, 1.5, Qt::DashLine));
    m_currentPaths = m_paths->addGraph();
    m_currentPaths->setName(tr("current arrangement"));
    m_currentPaths->setPen(QPen(Qt::black, 2));
    m_currentPaths->setBrush(QColor(0, 0, 0, 40));

    layout->addWidget(m_accuracy, 1);
    layout->addWidget(m_paths, 1);
}

void LivePlots::clear(int blocks)
{
    m_results = 0;
    m_lastEdit = 0;
    m_originalAccuracy = -1;
    m_compareOriginalAccuracy = -1;
    for (QCPGraph *graph : {m_history, m_original, m_estimate, m_compareHistory, m_compareOriginal})
        graph->data()->clear();
    m_estimateBars->data()->clear();
    const auto [lengths, shares] = distribution(blocks);
    m_originalPaths->setData(lengths, shares);
    m_paths->xAxis->setRange(0, std::max(1, blocks));
    setActiveBlocks(blocks);
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
    m_accuracy->xAxis->setRange(-0.5, right);
    m_accuracy->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlots::setActiveBlocks(int active)
{
    const auto [lengths, shares] = distribution(active);
    m_currentPaths->setData(lengths, shares);
    m_paths->yAxis->rescale();
    m_paths->yAxis->setRangeLower(0);
    m_paths->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace pathlens
