#include "figures.h"
#include "figures_p.h"

#include "statistics.h"

#include <qcustomplot.h>

#include <cmath>
#include <numeric>

namespace pathlens::figures {
namespace {

// Distinguishable without colour: solid black, dashed dark grey, dotted mid grey, ...
const QColor shades[] = {QColor(0, 0, 0), QColor(90, 90, 90), QColor(140, 140, 140), QColor(60, 60, 60)};
const Qt::PenStyle dashes[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
const QCPScatterStyle::ScatterShape markers[] = {QCPScatterStyle::ssDisc, QCPScatterStyle::ssSquare,
                                                 QCPScatterStyle::ssTriangle, QCPScatterStyle::ssDiamond};

QPen pen(int series, double width = 1.6)
{
    return QPen(shades[series % 4], width, dashes[series % 4]);
}

QCPScatterStyle marker(int series, double size = 6)
{
    return QCPScatterStyle(markers[series % 4], shades[series % 4], series % 2 ? Qt::white : shades[series % 4], size);
}

// A title or note that wraps at the width it is given instead of asking for its whole text on
// one line: one unwrapped note line asked 536 px, and the class figures scrolled 672 px sideways
// in a 1024x700 window's plot pane (issue 25). Its row grows by the wrapped lines (QCPTextElement
// caps its height at one run of the text, so wrapped lines were clipped).
class WrappingText final : public QCPTextElement
{
public:
    WrappingText(QCustomPlot *plot, const QString &text, const QFont &font)
        : QCPTextElement(plot, text, font)
    {
        setTextFlags(Qt::AlignCenter | Qt::TextWordWrap);
    }

    // How much taller the wrapped text is than the text on its own lines.
    int growth() const { return wrapped().height() - unwrapped().height(); }

    QSize minimumOuterSizeHint() const override
    {
        // Narrow enough for half a 1024 px screen; wider text wraps.
        constexpr int narrowest = 200;
        const QSize size = wrapped();
        return {std::min(size.width(), narrowest), size.height()};
    }

    QSize maximumOuterSizeHint() const override { return {QWIDGETSIZE_MAX, wrapped().height()}; }

private:
    // The width of its column: the figure's, less the other columns' (a heat map's colour scale).
    // QCPLayoutGrid fills a column of equal stretch up to its elements' maximum width, so that is
    // what the others take (at most half, at least their minimum).
    int columnWidth() const
    {
        const int figure = mParentPlot->viewport().width();
        const auto *grid = qobject_cast<const QCPLayoutGrid *>(layout());
        if (!grid)
            return figure;
        // Per other column, what its elements take (empty cells are null). Not this column's:
        // another wrapping text there would ask this one back.
        int mine = 0;
        int row = 0;
        for (int index = 0; index < grid->elementCount(); ++index)
            if (grid->elementAt(index) == this)
                grid->indexToRowCol(index, row, mine);
        std::vector<int> taken(size_t(grid->columnCount()), 0);
        for (int index = 0; index < grid->elementCount(); ++index) {
            const QCPLayoutElement *element = grid->elementAt(index);
            int column = 0;
            grid->indexToRowCol(index, row, column);
            if (element && column != mine)
                taken[size_t(column)] = std::max({taken[size_t(column)], minimumWidth(*element),
                                                  std::min(maximumWidth(*element), figure / 2)});
        }
        int width = figure;
        for (int column = 0; column < grid->columnCount(); ++column)
            if (column != mine && taken[size_t(column)] > 0)
                width -= taken[size_t(column)] + grid->columnSpacing();
        return width;
    }
    // An element's outer width limits as QCPLayout takes them: a size set on it, else its hint.
    static int marginsOf(const QCPLayoutElement &element)
    {
        return element.sizeConstraintRect() == QCPLayoutElement::scrInnerRect
                   ? element.margins().left() + element.margins().right()
                   : 0;
    }
    static int minimumWidth(const QCPLayoutElement &element)
    {
        return element.minimumSize().width() > 0 ? element.minimumSize().width() + marginsOf(element)
                                                 : element.minimumOuterSizeHint().width();
    }
    static int maximumWidth(const QCPLayoutElement &element)
    {
        return element.maximumSize().width() < QWIDGETSIZE_MAX ? element.maximumSize().width() + marginsOf(element)
                                                               : element.maximumOuterSizeHint().width();
    }
    QSize withMargins(const QRect &text) const
    {
        return text.size() + QSize(mMargins.left() + mMargins.right(), mMargins.top() + mMargins.bottom());
    }
    QSize wrapped() const
    {
        const int width = std::max(1, columnWidth() - mMargins.left() - mMargins.right());
        return withMargins(QFontMetrics(mFont).boundingRect(QRect(0, 0, width, 0), mTextFlags, mText));
    }
    QSize unwrapped() const { return withMargins(QFontMetrics(mFont).boundingRect(QRect(), Qt::TextDontClip, mText)); }
};

} // namespace

void addText(QCustomPlot &plot, int row, const QString &text, double pointSize)
{
    QFont font = plot.font();
    font.setPointSizeF(pointSize);
    plot.plotLayout()->insertRow(row);
    plot.plotLayout()->addElement(row, 0, new WrappingText(&plot, text, font));
}

int wrappedTextGrowth(const QCustomPlot &plot)
{
    int growth = 0;
    for (QCPLayoutElement *element : plot.plotLayout()->elements(true))
        if (auto *text = dynamic_cast<const WrappingText *>(element))
            growth += text->growth();
    return growth;
}

std::unique_ptr<QCustomPlot> newPlot(const QString &title)
{
    auto plot = std::make_unique<QCustomPlot>();
    plot->setBackground(Qt::white); // exports fill the background
    // "What — model, data": the part after the dash goes on a second line so long names fit.
    QString text = title;
    text.replace(QStringLiteral(" — "), QStringLiteral("\n"));
    addText(*plot, 0, text, 10);
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 230));
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        axis->setBasePen(QPen(Qt::black, 1));
        axis->setTickPen(QPen(Qt::black, 1));
        axis->setSubTickPen(QPen(Qt::black, 1));
        axis->grid()->setPen(QPen(QColor(220, 220, 220), 1, Qt::DotLine));
    }
    return plot;
}

QVector<double> toVector(const std::vector<double> &values)
{
    return QVector<double>(values.begin(), values.end());
}

QVector<double> range(size_t count, double start)
{
    QVector<double> x(static_cast<qsizetype>(count));
    std::iota(x.begin(), x.end(), start);
    return x;
}

void keepColours(QObject &element)
{
    element.setProperty(fixedColours, true);
}

namespace {

QCPGraph *addLine(QCustomPlot &plot, const QString &name, const QVector<double> &x, const QVector<double> &y, int series,
                  QCPAxis *valueAxis = nullptr)
{
    QCPGraph *graph = plot.addGraph(plot.xAxis, valueAxis ? valueAxis : plot.yAxis);
    graph->setName(name);
    graph->setData(x, y, true);
    graph->setPen(pen(series));
    graph->setScatterStyle(marker(series));
    return graph;
}

void addHorizontalLine(QCustomPlot &plot, double y, const QString &name, int series)
{
    QCPGraph *graph = plot.addGraph();
    graph->setName(name);
    graph->setData({plot.xAxis->range().lower, plot.xAxis->range().upper}, {y, y}, true);
    graph->setPen(QPen(shades[series % 4], 1.2, Qt::DashLine));
}

// Error bars `below` and `above` each point (a Wilson interval is not centred on its proportion).
void addErrorBars(QCustomPlot &plot, QCPGraph *graph, const std::vector<double> &below, const std::vector<double> &above)
{
    auto *bars = new QCPErrorBars(plot.xAxis, graph->valueAxis());
    bars->removeFromLegend();
    bars->setDataPlottable(graph);
    bars->setData(toVector(below), toVector(above));
    bars->setPen(QPen(graph->pen().color(), 1.2));
}

// Symmetric error bars; on a logarithmic axis the lower bar is clipped at a tenth of the value,
// since mean - std may be zero or negative there.
void addErrorBars(QCustomPlot &plot, QCPGraph *graph, const std::vector<double> &errors)
{
    if (graph->valueAxis()->scaleType() != QCPAxis::stLogarithmic)
        return addErrorBars(plot, graph, errors, errors);
    std::vector<double> below;
    for (int i = 0; i < graph->data()->size() && i < int(errors.size()); ++i)
        below.push_back(std::min(errors[i], 0.9 * (graph->data()->begin() + i)->value));
    addErrorBars(plot, graph, below, errors);
}

} // namespace

LesionSeries lesionSeries(const LesionResult &result, const QString &label)
{
    LesionSeries series;
    series.label = label;
    series.baseline = result.baseline;
    series.images = result.images;
    series.baselineCorrect = result.baselineCorrect;
    series.span = result.span;
    series.done = QString::fromStdString(interventionDone(result.intervention));
    for (const LesionBlock &block : result.blocks) {
        series.accuracy.push_back(block.accuracy);
        series.downsampling.push_back(block.downsampling);
        series.unit.push_back(QString::fromStdString(block.unit));
        series.correct.push_back(block.correct);
    }
    return series;
}

void legendInRow(QCustomPlot &plot, int row)
{
    plot.legend->setBorderPen(Qt::NoPen);
    plot.legend->setBrush(Qt::NoBrush); // the figure's own background, in a dark theme too
    if (plot.axisRect()->insetLayout()->elements(false).contains(plot.legend))
        plot.axisRect()->insetLayout()->take(plot.legend);
    plot.plotLayout()->insertRow(row);
    plot.plotLayout()->addElement(row, 0, plot.legend);
    plot.plotLayout()->setRowStretchFactor(row, 0.001);
}

namespace {

// The legend as a row of its own under the axes, where it cannot hide a point.
void legendBelowAxes(QCustomPlot &plot)
{
    legendInRow(plot, plot.plotLayout()->rowCount());
}

} // namespace

QSharedPointer<QCPAxisTicker> wholeNumberTicks()
{
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    return ticker;
}

std::unique_ptr<QCustomPlot> lesion(const QString &title, const std::vector<LesionSeries> &series)
{
    auto plot = newPlot(title);
    size_t blocks = 0;
    for (const auto &s : series)
        blocks = std::max(blocks, s.accuracy.size());
    const int span = series.empty() ? 1 : series.front().span;
    const QString done = series.empty() ? QStringLiteral("deleted") : series.front().done;
    const bool deleted = done == QLatin1String("deleted");
    plot->xAxis->setLabel(span > 1   ? (deleted ? QObject::tr("first block of the %1 deleted (0-based index)").arg(span)
                                                : QObject::tr("first block of the %1 %2 (0-based index)").arg(span).arg(done))
                          : deleted ? QObject::tr("deleted block (0-based index)")
                                    : QObject::tr("%1 block (0-based index)").arg(done));
    plot->yAxis->setLabel(QObject::tr("test accuracy (%)"));
    plot->xAxis->setRange(-1, double(blocks));
    plot->xAxis->setTicker(wholeNumberTicks());
    plot->yAxis->setRange(0, 100);
    for (size_t i = 0; i < series.size(); ++i) {
        std::vector<double> percent(series[i].accuracy.size());
        std::transform(series[i].accuracy.begin(), series[i].accuracy.end(), percent.begin(), [](double a) { return 100 * a; });
        const LesionSeries &s = series[i];
        const bool intervals = s.images > 0 && s.correct.size() == s.accuracy.size();
        // One legend entry per model, its baseline (the dashed line) in it: with a line of its own
        // each, three models' legend covered the plot.
        QString baseline = QString::number(100 * s.baseline, 'f', 1) + QLatin1Char('%');
        if (intervals && s.baselineCorrect >= 0) {
            const Interval wilson = wilsonInterval(s.baselineCorrect, s.images);
            baseline += QStringLiteral(" [%1–%2]").arg(100 * wilson.lower, 0, 'f', 1).arg(100 * wilson.upper, 0, 'f', 1);
        }
        QCPGraph *graph = addLine(*plot, (deleted ? QObject::tr("%1\ndashed: no block deleted, %2")
                                                  : QObject::tr("%1\ndashed: the original network, %2")).arg(s.label, baseline),
                                  range(percent.size()), toVector(percent), int(i));
        if (intervals) {
            std::vector<double> below(percent.size(), 0), above(percent.size(), 0);
            for (size_t b = 0; b < percent.size(); ++b)
                if (s.correct[b] >= 0) {
                    const Interval wilson = wilsonInterval(s.correct[b], s.images);
                    below[b] = percent[b] - 100 * wilson.lower;
                    above[b] = 100 * wilson.upper - percent[b];
                }
            addErrorBars(*plot, graph, below, above);
            plot->yAxis->setLabel(QObject::tr("test accuracy (%)\n95% Wilson intervals")); // two lines: 142 px tall axes at 1280x720
        }
        addHorizontalLine(*plot, 100 * s.baseline, QObject::tr("%1, no block deleted").arg(s.label), int(i));
        plot->graph(plot->graphCount() - 1)->removeFromLegend();
        // Downsampling blocks, marked with a large hollow circle (the paper's Fig. 3 shows them as outliers).
        QVector<double> x;
        QVector<double> y;
        for (size_t b = 0; b < series[i].downsampling.size() && b < percent.size(); ++b)
            if (series[i].downsampling[b]) {
                x.append(double(b));
                y.append(percent[b]);
            }
        if (!x.isEmpty()) {
            QCPGraph *marks = plot->addGraph();
            marks->setName(i == 0 ? QObject::tr("downsampling block") : QString());
            marks->setData(x, y, true);
            marks->setLineStyle(QCPGraph::lsNone);
            marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), Qt::NoBrush, 13));
            if (i > 0)
                marks->removeFromLegend();
        }
        // Units of several kinds (a transformer's attention and MLP): one marker shape per kind, so
        // that single deletion reads by kind (Bhojanapalli et al., 2021; He et al., 2024).
        QStringList kinds;
        for (const QString &unit : s.unit)
            if (!unit.isEmpty() && !kinds.contains(unit))
                kinds << unit;
        if (kinds.size() > 1 && i == 0) {
            const QCPScatterStyle::ScatterShape shapes[] = {QCPScatterStyle::ssDisc, QCPScatterStyle::ssSquare,
                                                            QCPScatterStyle::ssTriangle, QCPScatterStyle::ssDiamond};
            graph->setScatterStyle(QCPScatterStyle::ssNone);
            for (int k = 0; k < kinds.size(); ++k) {
                QVector<double> kx, ky;
                for (size_t b = 0; b < s.unit.size() && b < percent.size(); ++b)
                    if (s.unit[b] == kinds[k]) {
                        kx.append(double(b));
                        ky.append(percent[b]);
                    }
                QCPGraph *kind = plot->addGraph();
                kind->setName(QObject::tr("%1 unit").arg(kinds[k]));
                kind->setData(kx, ky, true);
                kind->setLineStyle(QCPGraph::lsNone);
                const QColor colour = k % 2 == 0 ? graph->pen().color() : QColor(213, 94, 0); // Okabe-Ito vermillion
                kind->setScatterStyle(QCPScatterStyle(shapes[k % 4], colour, colour, 8));
            }
        }
    }
    legendBelowAxes(*plot); // inside, it hid the low points (a plain control's, near chance)
    return plot;
}

std::unique_ptr<QCustomPlot> sweep(const QString &title, const SweepResult &result, bool reorder,
                                   const std::vector<int> &critical)
{
    auto plot = newPlot(title);
    std::vector<double> mean;
    std::vector<double> below, above; // the interval's arms, inside 0-100 %
    std::vector<double> tau;
    int samples = 0;
    for (const SweepPoint &point : result.points) {
        mean.push_back(100 * point.mean);
        const Interval interval = meanAccuracyInterval(point.mean, point.standardError, int(point.accuracies.size()));
        below.push_back(std::isnan(interval.lower) ? 0 : 100 * (point.mean - interval.lower));
        above.push_back(std::isnan(interval.upper) ? 0 : 100 * (interval.upper - point.mean));
        samples = std::max(samples, int(point.accuracies.size()));
        // NaN (a gap) for a point without samples yet: a running sweep's plot fills in
        tau.push_back(point.taus.empty() ? std::nan("")
                                         : std::accumulate(point.taus.begin(), point.taus.end(), 0.0) / double(point.taus.size()));
    }
    plot->xAxis->setLabel(reorder ? QObject::tr("number of swapped block pairs") : QObject::tr("number of deleted blocks"));
    plot->yAxis->setLabel(QObject::tr("test accuracy (%)"));
    plot->xAxis->setRange(-0.5, double(result.points.size()) - 0.5);
    plot->xAxis->setTicker(wholeNumberTicks());
    plot->yAxis->setRange(0, 100);
    QCPGraph *graph = addLine(*plot, QObject::tr("mean of %n sample(s), 95% interval (Student's t)", nullptr, samples),
                              range(mean.size()), toVector(mean), 0);
    addErrorBars(*plot, graph, below, above);
    addHorizontalLine(*plot, 100 * result.baseline, QObject::tr("original network"), 1);
    if (!critical.empty()) {
        // Two groups instead of one mean that lies between them and describes neither.
        QVector<double> touchingX, touchingY, sparingX, sparingY;
        for (const SweepPoint &point : result.points) {
            const CriticalSplit split = splitByCritical(point, critical);
            if (split.touching.samples > 0) {
                touchingX << point.k;
                touchingY << 100 * split.touching.mean;
            }
            if (split.sparing.samples > 0) {
                sparingX << point.k;
                sparingY << 100 * split.sparing.mean;
            }
        }
        QStringList names;
        for (int block : critical)
            names << QString::number(block);
        addLine(*plot, QObject::tr("samples that touched critical block(s) %1").arg(names.join(QStringLiteral(", "))),
                touchingX, touchingY, 2);
        addLine(*plot, QObject::tr("samples that did not"), sparingX, sparingY, 3);
    }
    if (reorder && std::any_of(tau.begin(), tau.end(), [](double t) { return !std::isnan(t); })) {
        plot->yAxis2->setVisible(true);
        plot->yAxis2->setLabel(QObject::tr("Kendall's tau"));
        plot->yAxis2->setRange(-1, 1);
        // Series 2 and 3 are the critical split's when it is drawn: 5 is square-marked dashed grey.
        addLine(*plot, QObject::tr("mean Kendall's tau"), range(tau.size()), toVector(tau), critical.empty() ? 2 : 5,
                plot->yAxis2);
    }
    legendBelowAxes(*plot); // inside, it covered the points of k = 10 to 20 at 1024x700
    return plot;
}

std::unique_ptr<QCustomPlot> reorderByTau(const QString &title, const SweepResult &result)
{
    auto plot = newPlot(title);
    QVector<double> tau;
    QVector<double> accuracy; // not the paper's error: the figure beside it and every other one show accuracy
    for (const SweepPoint &point : result.points)
        for (size_t s = 0; s < point.taus.size() && s < point.accuracies.size(); ++s) {
            tau << point.taus[s];
            accuracy << 100 * point.accuracies[s];
        }
    plot->xAxis->setLabel(QObject::tr("Kendall's tau of the block order (1: original)"));
    plot->yAxis->setLabel(QObject::tr("test accuracy (%)"));
    const double lowest = tau.isEmpty() ? 0.0 : *std::min_element(tau.begin(), tau.end());
    plot->xAxis->setRange(std::min(lowest, 0.9) - 0.01, 1.01);
    plot->xAxis->setRangeReversed(true); // as the paper: order falls away from the original to the right
    plot->yAxis->setRange(0, 100);
    QCPGraph *samples = addLine(*plot, QObject::tr("one sample each (%n arrangement(s))", nullptr, int(tau.size())), tau, accuracy, 0);
    samples->setLineStyle(QCPGraph::lsNone);
    addHorizontalLine(*plot, 100 * result.baseline, QObject::tr("original network"), 1);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight); // accuracy falls to the right
    return plot;
}

std::unique_ptr<QCustomPlot> predictors(const QString &title, const PredictorResult &result)
{
    auto plot = newPlot(title);
    const bool single = result.span == 1;
    const RankCorrelation &correlation = single ? result.influenceVsCost : result.angularVsCost;
    QVector<double> x, change;
    QVector<double> pickedX, pickedChange;
    for (const PredictorRow &row : result.rows) {
        x << (single ? row.blockInfluence : row.angularDistance);
        change << -100 * row.cost;
        if (row.first == result.pickedRun) {
            pickedX << x.back();
            pickedChange << change.back();
        }
    }
    plot->xAxis->setLabel(single ? QObject::tr("block influence 1 - cos(input, output), mean over images")
                                 : QObject::tr("angular distance arccos(cos(input, output)) / pi over the %1 blocks").arg(result.span));
    plot->yAxis->setLabel(single ? QObject::tr("accuracy change when the block is deleted (pp)")
                                 : QObject::tr("accuracy change when the span is deleted (pp)"));
    const QString rho = std::isnan(correlation.rho) ? QObject::tr("Spearman's rho: n/a")
                        : std::isnan(correlation.interval.lower)
                            ? QObject::tr("Spearman's rho %1").arg(correlation.rho, 0, 'f', 2)
                            : QObject::tr("Spearman's rho %1 (95%: %2..%3)")
                                  .arg(correlation.rho, 0, 'f', 2)
                                  .arg(correlation.interval.lower, 0, 'f', 2)
                                  .arg(correlation.interval.upper, 0, 'f', 2);
    QCPGraph *runs = addLine(*plot, QObject::tr("%n run(s), labelled by first block; %1", nullptr, int(x.size())).arg(rho), x, change, 0);
    runs->setLineStyle(QCPGraph::lsNone);
    runs->setData(x, change); // sorted by x here: the runs come in block order
    QCPGraph *picked = addLine(*plot, QObject::tr("smallest angular distance"), pickedX, pickedChange, 1);
    picked->setLineStyle(QCPGraph::lsNone);
    picked->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, Qt::black, 14));
    // Labels stay readable up to a ResNet-110's 54 blocks; beyond, points speak for themselves.
    if (x.size() <= 60) {
        QFont font = plot->font();
        font.setPointSizeF(7);
        for (int i = 0; i < x.size(); ++i) {
            auto *label = new QCPItemText(plot.get());
            label->position->setCoords(x[i], change[i]);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
            label->setPadding(QMargins(3, 0, 0, 1));
            label->setFont(font);
            label->setText(QString::number(result.rows[size_t(i)].first));
        }
    }
    plot->rescaleAxes();
    // A ResNet's blocks spread over orders of magnitude (influence 0.001 to 0.19 on ResNet-110):
    // on a linear axis all but the first few sit in one heap at the left.
    const bool logarithmic = !x.isEmpty() && *std::min_element(x.begin(), x.end()) > 0
                             && *std::max_element(x.begin(), x.end()) > 30 * *std::min_element(x.begin(), x.end());
    if (logarithmic) {
        plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
        plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        plot->xAxis->setRange(plot->xAxis->range().lower / 1.3, plot->xAxis->range().upper * 1.3);
    }
    for (QCPAxis *axis : logarithmic ? std::vector<QCPAxis *>{plot->yAxis} : std::vector<QCPAxis *>{plot->xAxis, plot->yAxis}) {
        const double margin = std::max(0.08 * axis->range().size(), 1e-3);
        axis->setRange(axis->range().lower - margin, axis->range().upper + margin);
    }
    legendBelowAxes(*plot); // points may lie in any corner
    return plot;
}

std::unique_ptr<QCustomPlot> paths(const QString &title, const std::vector<double> &distribution,
                                   const std::map<int, std::vector<double>> &surviving, const QString &curveName)
{
    auto plot = newPlot(title);
    size_t lengths = distribution.size();
    for (const auto &entry : surviving)
        lengths = std::max(lengths, entry.second.size());
    plot->xAxis->setLabel(QObject::tr("path length (residual branches passed)"));
    // In percent, as the Path lengths tab beside it (there 0-10 %, here 0-0.1 for the same
    // distribution, issue 25).
    const auto percent = [](const std::vector<double> &fractions) {
        QVector<double> values;
        for (double fraction : fractions)
            values << 100 * fraction;
        return values;
    };
    plot->yAxis->setLabel(QObject::tr("share of paths (%)"));
    plot->xAxis->setRange(-0.5, double(lengths) - 0.5);
    auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(QObject::tr("distribution of path lengths"));
    bars->setData(range(distribution.size()), percent(distribution), true);
    bars->setPen(QPen(Qt::black, 0.8));
    bars->setBrush(QColor(200, 200, 200));
    bars->setWidth(0.9);
    plot->yAxis->setRange(0, 100 * *std::max_element(distribution.begin(), distribution.end()) * 1.1);
    if (!surviving.empty()) {
        plot->yAxis2->setVisible(true);
        plot->yAxis2->setLabel(QObject::tr("paths surviving (%)"));
        plot->yAxis2->setRange(0, 105);
        int series = 0;
        for (const auto &[deleted, fraction] : surviving)
            addLine(*plot, !curveName.isEmpty() ? curveName
                           : deleted == 1       ? QObject::tr("surviving after deleting 1 block")
                                                : QObject::tr("surviving after deleting %n block(s)", nullptr, deleted),
                    range(fraction.size()), percent(fraction), series++, plot->yAxis2)
                ->setScatterStyle(QCPScatterStyle::ssNone);
    }
    // Under the axes: in their top right corner it covered the histogram's peak in a narrow pane
    // (1024x700, tour steps 4 and 10; issue 25).
    legendBelowAxes(*plot);
    return plot;
}

namespace {

// The effective windows shaded, the wider (95%) lighter; the paper names no rule, so the note
// beside the figure says which one this is.
void shadeWindows(QCustomPlot &plot, const GradientResult &result)
{
    std::vector<EffectiveWindow> windows = result.windows;
    if (windows.empty()) // a result summarised elsewhere: the 90% window alone
        windows.push_back({0.9, result.effectiveFrom, result.effectiveTo, result.effectiveShare});
    std::sort(windows.begin(), windows.end(), [](const auto &a, const auto &b) { return a.coverage > b.coverage; });
    int alpha = 18;
    for (const EffectiveWindow &window : windows) {
        auto *rect = new QCPItemRect(&plot);
        rect->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->topLeft->setCoords(window.from - 0.5, 0);
        rect->bottomRight->setCoords(window.to + 0.5, 1);
        rect->setPen(Qt::NoPen);
        rect->setBrush(QColor(0, 0, 0, alpha));
        rect->setProperty(darkAlpha, std::min(255, alpha * 5 / 2));
        rect->setProperty(lightAlpha, alpha);
        rect->setLayer(QStringLiteral("background"));
        alpha += 14;
    }
}

QString windowsNote(const GradientResult &result)
{
    if (result.windows.empty())
        return QObject::tr("effective paths: lengths %1–%2, %3% of all paths")
            .arg(result.effectiveFrom)
            .arg(result.effectiveTo)
            .arg(100 * result.effectiveShare, 0, 'g', 3);
    QStringList lines;
    for (const EffectiveWindow &w : result.windows)
        lines << (w.resamples == 0 // partial results while measuring: no bootstrap yet
                      ? QObject::tr("central %1% of the total gradient: lengths %2–%3, %4% of all paths")
                            .arg(qRound(100 * w.coverage))
                            .arg(w.from)
                            .arg(w.to)
                            .arg(100 * w.share, 0, 'g', 3)
                      : QObject::tr("central %1%: lengths %2–%3, ends within %4–%5 and %6–%7 (95% bootstrap), %8% of paths")
                            .arg(qRound(100 * w.coverage))
                            .arg(w.from)
                            .arg(w.to)
                            .arg(w.fromLow)
                            .arg(w.fromHigh)
                            .arg(w.toLow)
                            .arg(w.toHigh)
                            .arg(100 * w.share, 0, 'g', 3));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

std::unique_ptr<QCustomPlot> gradientTotal(const QString &title, const GradientResult &result)
{
    auto plot = newPlot(title);
    plot->xAxis->setLabel(QObject::tr("path length k"));
    plot->yAxis->setLabel(QObject::tr("total over the paths\nof length k"));
    const QVector<double> x = range(result.lengths.size());
    plot->xAxis->setRange(-0.5, double(x.size()) - 0.5);
    shadeWindows(*plot, result);
    addLine(*plot, QObject::tr("total: C(n, k) × mean"), x, toVector(result.total), 1);
    const double highest = result.total.empty() ? 1.0 : *std::max_element(result.total.begin(), result.total.end());
    plot->yAxis->setRange(0, highest > 0 ? highest * 1.1 : 1.0);
    addText(*plot, 1, windowsNote(result), 9);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    return plot;
}

std::unique_ptr<QCustomPlot> gradients(const QString &title, const GradientResult &result)
{
    auto plot = newPlot(title);
    plot->xAxis->setLabel(QObject::tr("path length k"));
    // Each axis names its curve by the curve's marker, instead of a legend: inside the axes a
    // legend covered one curve or the other wherever it sat (issue 25, at 1024x700).
    plot->legend->setVisible(false);
    plot->yAxis->setLabel(QObject::tr("gradient per path\n(mean ± std)") + QStringLiteral(" ●"));
    plot->yAxis2->setVisible(true);
    plot->yAxis2->setLabel(QObject::tr("total over the paths\nof length k") + QStringLiteral(" □"));
    for (QCPAxis *axis : {plot->yAxis, plot->yAxis2}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    }
    const QVector<double> x = range(result.lengths.size());
    plot->xAxis->setRange(-0.5, double(x.size()) - 0.5);
    shadeWindows(*plot, result);
    QCPGraph *mean = addLine(*plot, QObject::tr("mean gradient magnitude ± std"), x, toVector(result.mean), 0);
    addErrorBars(*plot, mean, result.std);
    addLine(*plot, QObject::tr("total: C(n, k) × mean"), x, toVector(result.total), 1, plot->yAxis2);
    auto positive = [](const std::vector<double> &values) {
        double lo = 1e300;
        double hi = 0;
        for (double v : values)
            if (v > 0) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        if (hi <= 0)
            return QCPRange(1e-6, 1);
        // A twentieth of the decades spanned beyond each end (at least a factor 2): over 20 decades
        // a factor 2 was 2 px, and the markers at either end were cut by the axes (issue 25).
        const double pad = std::pow(10.0, std::max(std::log10(2.0), 0.05 * std::log10(hi / lo)));
        return QCPRange(lo / pad, hi * pad);
    };
    plot->yAxis->setRange(positive(result.mean));
    plot->yAxis2->setRange(positive(result.total));
    // The effective range in a line of its own under the title, outside the axes, where it cannot
    // hide a curve. A log axis has no place for zero: lengths with a zero value are named there.
    QString note = windowsNote(result);
    // As runs ("32–54", not 23 numbers): the list made the figure wider than a 1280 px window.
    QStringList zero;
    for (size_t k = 0; k < result.mean.size() && k < result.total.size(); ++k) {
        if (result.mean[k] > 0 && result.total[k] > 0)
            continue;
        size_t last = k;
        while (last + 1 < result.mean.size() && last + 1 < result.total.size()
               && (result.mean[last + 1] <= 0 || result.total[last + 1] <= 0))
            ++last;
        zero << (last == k ? QString::number(k) : QStringLiteral("%1–%2").arg(k).arg(last));
        k = last;
    }
    if (!zero.isEmpty())
        note += QLatin1Char('\n') + QObject::tr("not shown, zero on a log axis: length(s) %1").arg(zero.join(QStringLiteral(", ")));
    addText(*plot, 1, note, 9); // row 0 is the title
    return plot;
}

} // namespace pathlens::figures
