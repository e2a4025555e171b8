#include "figures.h"
#include "figures_impl.h"

#include "statistics.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace pathlens::figures {
namespace {

// Okabe and Ito's colour-blind-safe palette; orange and blue also differ in lightness, so the two
// series of a bar chart stay apart in grey-scale print.
const QColor orange(230, 159, 0);
const QColor blue(0, 114, 178);
const QColor vermillion(213, 94, 0);
const QColor paper(247, 247, 247); // the colour of zero: no change, no disagreement

QCPColorGradient diverging()
{
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, vermillion);
    gradient.setColorStopAt(0.5, paper);
    gradient.setColorStopAt(1.0, blue);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

QCPColorGradient sequential()
{
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, paper);
    gradient.setColorStopAt(1.0, blue);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

QSharedPointer<QCPAxisTickerText> namedTicks(const QStringList &names, double first = 0)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < names.size(); ++i)
        ticker->addTick(first + i, names[i]);
    return ticker;
}

// Every fifth index, as the lesion figure's axis reads (0, 5, 10, ...), and `extra` at -1.
QSharedPointer<QCPAxisTickerText> indexTicks(int count, const QString &extra = {})
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    if (!extra.isEmpty())
        ticker->addTick(-1, extra);
    for (int i = 0; i < count; i += 5)
        ticker->addTick(i, QString::number(i));
    return ticker;
}

// A colour map of `columns` x `rows` cells at x = firstX.., y = firstY.., with its scale on the
// right, labelled `scaleLabel`; cell (x, y) gets value(x, y).
QCPColorMap *addCells(QCustomPlot &plot, int columns, int rows, double firstX, double firstY,
                      const std::function<double(int, int)> &value, const QCPColorGradient &gradient, const QCPRange &range,
                      const QString &scaleLabel)
{
    auto *map = new QCPColorMap(plot.xAxis, plot.yAxis);
    map->setName(scaleLabel);
    map->data()->setSize(columns, rows);
    map->data()->setRange(QCPRange(firstX, firstX + columns - 1), QCPRange(firstY, firstY + rows - 1));
    for (int x = 0; x < columns; ++x)
        for (int y = 0; y < rows; ++y)
            map->data()->setCell(x, y, value(x, y));
    map->setInterpolate(false);
    map->setGradient(gradient);
    map->setDataRange(range);
    keepColours(*map);
    auto *scale = new QCPColorScale(&plot);
    plot.plotLayout()->addElement(plot.plotLayout()->rowCount() - 1, 1, scale);
    scale->setType(QCPAxis::atRight);
    scale->setLabel(scaleLabel);
    scale->setGradient(gradient);
    scale->setDataRange(range);
    scale->axis()->setBasePen(QPen(Qt::black));
    scale->axis()->setTickPen(QPen(Qt::black));
    scale->axis()->setSubTickPen(QPen(Qt::black));
    map->setColorScale(scale);
    // The scale as tall as the cells.
    auto *margins = new QCPMarginGroup(&plot);
    plot.axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    plot.xAxis->setRange(firstX - 0.5, firstX + columns - 0.5);
    plot.yAxis->setRange(firstY - 0.5, firstY + rows - 0.5);
    for (QCPAxis *axis : {plot.xAxis, plot.yAxis})
        axis->grid()->setVisible(false);
    plot.legend->setVisible(false); // the scale says what the colours mean
    return map;
}

// A line under the title, outside the axes.
void addNote(QCustomPlot &plot, const QString &note)
{
    if (note.isEmpty())
        return;
    QFont font = plot.font();
    font.setPointSizeF(9);
    plot.plotLayout()->insertRow(1); // row 0 is the title
    plot.plotLayout()->addElement(1, 0, new QCPTextElement(&plot, note, font));
}

// The largest |value| among the columns that are not marked, at least `floor`: the scale of a
// heat map whose marked columns (downsampling blocks) would otherwise wash out the rest.
double scaleOfUnmarked(const std::vector<std::vector<double>> &columns, const std::vector<bool> &marked, double floor)
{
    double largest = floor;
    for (size_t c = 0; c < columns.size(); ++c)
        if (c >= marked.size() || !marked[c])
            for (double v : columns[c])
                if (std::isfinite(v))
                    largest = std::max(largest, std::abs(v));
    return largest;
}

} // namespace

std::unique_ptr<QCustomPlot> classAccuracy(const QString &title, const QStringList &classNames,
                                           const std::vector<ClassSeries> &series)
{
    auto plot = newPlot(title);
    plot->xAxis->setLabel(QObject::tr("class"));
    plot->yAxis->setLabel(QObject::tr("accuracy (%) with 95% Wilson interval"));
    plot->xAxis->setTicker(namedTicks(classNames));
    plot->xAxis->setTickLabelRotation(-30);
    plot->xAxis->grid()->setVisible(false);
    plot->xAxis->setRange(-0.6, classNames.size() - 0.4);
    auto *group = new QCPBarsGroup(plot.get());
    const QColor colours[] = {orange, blue, vermillion};
    double lowest = 100;
    const double width = 0.8 / double(std::max<size_t>(1, series.size()));
    for (size_t s = 0; s < series.size(); ++s) {
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(series[s].label);
        bars->setWidth(width);
        bars->setBarsGroup(group);
        const QColor colour = colours[s % 3];
        bars->setPen(QPen(colour.darker(130), 1));
        bars->setBrush(colour);
        keepColours(*bars);
        QVector<double> x;
        QVector<double> y;
        QVector<double> below;
        QVector<double> above;
        for (size_t c = 0; c < series[s].images.size() && c < size_t(classNames.size()); ++c) {
            if (series[s].images[c] <= 0)
                continue; // a class without images has no accuracy
            const double accuracy = 100.0 * double(series[s].correct[c]) / double(series[s].images[c]);
            const Interval interval = wilsonInterval(series[s].correct[c], series[s].images[c]);
            x << double(c);
            y << accuracy;
            below << accuracy - 100 * interval.lower;
            above << 100 * interval.upper - accuracy;
            lowest = std::min(lowest, 100 * interval.lower);
        }
        bars->setData(x, y, true);
        auto *errors = new QCPErrorBars(plot->xAxis, plot->yAxis);
        errors->removeFromLegend();
        errors->setDataPlottable(bars);
        errors->setData(below, above);
        errors->setPen(QPen(Qt::black, 1.2));
    }
    // Differences of a few points matter here: the axis starts near the lowest interval, not at 0.
    plot->yAxis->setRange(std::max(0.0, std::floor(lowest / 5) * 5 - 5), 101);
    // The legend in a row of its own under the title: inside the axes it hid bars.
    plot->plotLayout()->insertRow(1);
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    return plot;
}

std::unique_ptr<QCustomPlot> confusionChange(const QString &title, const QStringList &classNames,
                                             const std::vector<std::vector<int64_t>> &before,
                                             const std::vector<std::vector<int64_t>> &after)
{
    auto plot = newPlot(title);
    const int classes = int(std::min({size_t(classNames.size()), before.size(), after.size()}));
    auto change = [&](int predicted, int truth) {
        return double(after[size_t(truth)][size_t(predicted)] - before[size_t(truth)][size_t(predicted)]);
    };
    double largest = 1;
    for (int t = 0; t < classes; ++t)
        for (int p = 0; p < classes; ++p)
            largest = std::max(largest, std::abs(change(p, t)));
    // Rows from the top in class order, as a confusion matrix is read: y runs downwards.
    plot->yAxis->setRangeReversed(true);
    addCells(*plot, classes, classes, 0, 0, change, diverging(), QCPRange(-largest, largest),
             QObject::tr("change in images (after − before)"));
    plot->xAxis->setLabel(QObject::tr("predicted class"));
    plot->yAxis->setLabel(QObject::tr("true class"));
    plot->xAxis->setTicker(namedTicks(classNames.mid(0, classes)));
    plot->yAxis->setTicker(namedTicks(classNames.mid(0, classes)));
    plot->xAxis->setTickLabelRotation(-30);
    QFont small = plot->font();
    small.setPointSizeF(7.5);
    for (int t = 0; t < classes; ++t)
        for (int p = 0; p < classes; ++p) {
            const double value = change(p, t);
            if (value == 0)
                continue;
            auto *text = new QCPItemText(plot.get());
            text->position->setCoords(p, t);
            text->setText(QStringLiteral("%1%2").arg(value > 0 ? QStringLiteral("+") : QString()).arg(value));
            text->setFont(small);
            // White on the strongest colours, black elsewhere: readable on every cell.
            text->setColor(std::abs(value) > 0.6 * largest ? Qt::white : Qt::black);
            keepColours(*text);
        }
    addNote(*plot, QObject::tr("blue on the diagonal: more correct; blue off it: more confused"));
    return plot;
}

std::unique_ptr<QCustomPlot> classLesion(const QString &title, const QStringList &classNames,
                                         const std::vector<double> &baseline,
                                         const std::vector<std::vector<double>> &accuracy,
                                         const std::vector<bool> &downsampling)
{
    auto plot = newPlot(title);
    const int blocks = int(accuracy.size());
    const int classes = int(std::min(size_t(classNames.size()), baseline.size()));
    std::vector<std::vector<double>> change(static_cast<size_t>(blocks));
    double worst = 0;
    for (int b = 0; b < blocks; ++b)
        for (int c = 0; c < classes; ++c) {
            const double value = size_t(c) < accuracy[size_t(b)].size() ? 100 * (accuracy[size_t(b)][size_t(c)] - baseline[size_t(c)])
                                                                        : std::nan("");
            change[size_t(b)].push_back(value);
            if (std::isfinite(value))
                worst = std::min(worst, value);
        }
    const double largest = scaleOfUnmarked(change, downsampling, 0.5);
    addCells(*plot, blocks, classes, 0, 0,
             [&](int b, int c) { return std::clamp(change[size_t(b)][size_t(c)], -largest, largest); }, diverging(),
             QCPRange(-largest, largest), QObject::tr("change in class accuracy (points)"));
    plot->yAxis->setRangeReversed(true);
    plot->xAxis->setLabel(QObject::tr("deleted block (0-based index)"));
    plot->yAxis->setLabel(QObject::tr("class"));
    plot->xAxis->setTicker(indexTicks(blocks));
    plot->yAxis->setTicker(namedTicks(classNames.mid(0, classes)));
    QStringList marked;
    for (int b = 0; b < blocks && b < int(downsampling.size()); ++b)
        if (downsampling[size_t(b)])
            marked << QString::number(b);
    if (!marked.isEmpty() && worst < -largest)
        addNote(*plot, QObject::tr("downsampling blocks %1 lose up to %2 points: beyond the scale")
                           .arg(marked.join(QStringLiteral(", ")))
                           .arg(-worst, 0, 'f', 1));
    return plot;
}

std::unique_ptr<QCustomPlot> disagreement(const QString &title, const std::vector<int> &blocks,
                                          const std::vector<std::vector<double>> &matrix,
                                          const std::vector<bool> &downsampling, const QString &note)
{
    auto plot = newPlot(title);
    const int columns = blocks.empty() ? 0 : blocks.back() + 2; // -1 (full) .. the last block
    // Cell (x, y): x = -1 is the full network, x = b the network without block b; blocks that
    // could not be deleted stay blank.
    std::vector<int> row(size_t(columns), -1);
    row[0] = 0;
    for (size_t j = 0; j < blocks.size(); ++j)
        row[size_t(blocks[j] + 1)] = int(j + 1);
    std::vector<std::vector<double>> percent(size_t(columns), std::vector<double>(size_t(columns), std::nan("")));
    std::vector<bool> marked(size_t(columns), false);
    for (int x = 0; x < columns; ++x) {
        marked[size_t(x)] = x > 0 && size_t(x - 1) < downsampling.size() && downsampling[size_t(x - 1)];
        for (int y = 0; y < columns; ++y)
            if (row[size_t(x)] >= 0 && row[size_t(y)] >= 0)
                percent[size_t(x)][size_t(y)] = 100 * matrix[size_t(row[size_t(x)])][size_t(row[size_t(y)])];
    }
    // The scale spans the pairs without a downsampling block; those saturate.
    std::vector<std::vector<double>> unmarkedPairs;
    for (int x = 0; x < columns; ++x) {
        unmarkedPairs.emplace_back();
        for (int y = 0; y < columns; ++y)
            if (!marked[size_t(y)])
                unmarkedPairs.back().push_back(percent[size_t(x)][size_t(y)]);
    }
    const double largest = scaleOfUnmarked(unmarkedPairs, marked, 0.5);
    addCells(*plot, columns, columns, -1, -1,
             [&](int x, int y) { return std::min(percent[size_t(x)][size_t(y)], largest); }, sequential(),
             QCPRange(0, largest), QObject::tr("images classified differently (%)"));
    plot->yAxis->setRangeReversed(true);
    plot->xAxis->setLabel(QObject::tr("deleted block"));
    plot->yAxis->setLabel(QObject::tr("deleted block"));
    plot->xAxis->setTicker(indexTicks(columns - 1, QObject::tr("none")));
    plot->yAxis->setTicker(indexTicks(columns - 1, QObject::tr("none")));
    addNote(*plot, note);
    return plot;
}

} // namespace pathlens::figures
