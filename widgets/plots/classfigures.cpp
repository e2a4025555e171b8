#include "figures.h"
#include "figures_p.h"

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

// Every fifth index, as the lesion figure's axis reads (5, 10, ...), the downsampling blocks
// marked as the block strip marks them ("18 ↓"), and `extra` at -1 (else 0 at 0).
QSharedPointer<QCPAxisTickerText> indexTicks(int count, const std::vector<bool> &downsampling, const QString &extra = {})
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    if (!extra.isEmpty())
        ticker->addTick(-1, extra);
    auto marked = [&](int i) { return i >= 0 && i < int(downsampling.size()) && downsampling[size_t(i)]; };
    // No number within 4 of a marked block: the labels stay at least 5 rows apart, as far as the
    // numbers are from each other ("15" sat 8 px from "18 ↓" in a 54-row heat map at 1280x720).
    auto nearMarked = [&](int i) {
        for (int j = i - 4; j <= i + 4; ++j)
            if (marked(j))
                return true;
        return false;
    };
    for (int i = extra.isEmpty() ? 0 : 5; i < count; i += 5)
        if (!nearMarked(i))
            ticker->addTick(i, QString::number(i));
    for (int i = 0; i < count; ++i)
        if (marked(i))
            ticker->addTick(i, QStringLiteral("%1 ↓").arg(i));
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
    addText(plot, 1, note, 9); // row 0 is the title
}

// The scale of a heat map: the 95th percentile of |value| over its cells (at least `floor`). A
// few extreme cells (a block whose deletion breaks the network) would otherwise wash every other
// cell out to the colour of zero; they saturate instead, and saturatedNote names them.
double robustScale(const std::vector<std::vector<double>> &columns, double floor)
{
    std::vector<double> magnitudes;
    for (const auto &column : columns)
        for (double v : column)
            if (std::isfinite(v))
                magnitudes.push_back(std::abs(v));
    if (magnitudes.empty())
        return floor;
    const auto at = magnitudes.begin() + std::ptrdiff_t(0.95 * double(magnitudes.size() - 1));
    std::nth_element(magnitudes.begin(), at, magnitudes.end());
    return std::max(floor, *at);
}

// "beyond the scale of ±6.0: block 0 (-100.0), block 2 (-32.0) and 3 more": the columns with a
// cell beyond ±scale, the most extreme first, with that value; `name(c)` names column c. Empty
// when nothing saturates. Short, since a figure is as wide as its longest line.
QString saturatedNote(const std::vector<std::vector<double>> &columns, double scale,
                      const std::function<QString(int)> &name, bool symmetric = true)
{
    std::vector<std::pair<double, int>> extremes; // (value, column)
    for (size_t c = 0; c < columns.size(); ++c) {
        double extreme = 0;
        for (double v : columns[c])
            if (std::isfinite(v) && std::abs(v) > std::abs(extreme))
                extreme = v;
        if (std::abs(extreme) > scale)
            extremes.emplace_back(extreme, int(c));
    }
    if (extremes.empty())
        return {};
    std::stable_sort(extremes.begin(), extremes.end(),
                     [](const auto &a, const auto &b) { return std::abs(a.first) > std::abs(b.first); });
    const size_t shown = 3;
    QStringList parts;
    for (size_t i = 0; i < extremes.size() && i < shown; ++i)
        parts << QStringLiteral("%1 (%2)").arg(name(extremes[i].second)).arg(extremes[i].first, 0, 'f', 1);
    QString list = parts.join(QStringLiteral(", "));
    if (extremes.size() > shown)
        list = QObject::tr("%1 and %2 more").arg(list).arg(extremes.size() - shown);
    const QString bound = (symmetric ? QStringLiteral("±") : QString()) + QString::number(scale, 'f', 1);
    return QObject::tr("beyond the scale of %1: %2").arg(bound, list);
}

} // namespace

std::unique_ptr<QCustomPlot> classAccuracy(const QString &title, const QStringList &classNames,
                                           const std::vector<ClassSeries> &series)
{
    auto plot = newPlot(title);
    plot->xAxis->setLabel(QObject::tr("class"));
    plot->yAxis->setLabel(QObject::tr("accuracy (%), 95% interval"));
    plot->xAxis->setTicker(namedTicks(classNames));
    // Turned by 60°, not 30°: at 1024x700 the classes are 20 px apart, and names turned by 30°
    // lay 10 px apart, on top of each other (a line of text is 14 px).
    plot->xAxis->setTickLabelRotation(-60);
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
    legendInRow(*plot, 1);
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
    plot->xAxis->setTickLabelRotation(-60); // as classAccuracy's
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
            // White on the strongest colours, black elsewhere: readable on every cell. On the dark
            // theme, where the weak cells turn dark, white on all.
            text->setColor(std::abs(value) > 0.6 * largest ? Qt::white : Qt::black);
            text->setProperty(otherInk, QColor(Qt::white));
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
    for (int b = 0; b < blocks; ++b)
        for (int c = 0; c < classes; ++c)
            change[size_t(b)].push_back(size_t(c) < accuracy[size_t(b)].size()
                                            ? 100 * (accuracy[size_t(b)][size_t(c)] - baseline[size_t(c)])
                                            : std::nan(""));
    const double largest = robustScale(change, 0.5);
    addCells(*plot, blocks, classes, 0, 0,
             [&](int b, int c) { return std::clamp(change[size_t(b)][size_t(c)], -largest, largest); }, diverging(),
             QCPRange(-largest, largest), QObject::tr("change in class accuracy (points)"));
    plot->yAxis->setRangeReversed(true);
    plot->xAxis->setLabel(QObject::tr("deleted block (0-based index)"));
    plot->yAxis->setLabel(QObject::tr("class"));
    plot->xAxis->setTicker(indexTicks(blocks, downsampling));
    plot->yAxis->setTicker(namedTicks(classNames.mid(0, classes)));
    addNote(*plot, saturatedNote(change, largest, [](int b) { return QObject::tr("block %1").arg(b); }));
    return plot;
}

std::unique_ptr<QCustomPlot> disagreement(const QString &title, const std::vector<int> &blocks,
                                          const std::vector<std::vector<double>> &matrix,
                                          const std::vector<bool> &downsampling, const QString &note)
{
    auto plot = newPlot(title);
    const int columns = blocks.empty() ? 1 : blocks.back() + 2; // -1 (full) .. the last block
    // Cell (x, y): x = -1 is the full network, x = b the network without block b; blocks that
    // could not be deleted stay blank.
    std::vector<int> row(size_t(columns), -1);
    row[0] = 0;
    for (size_t j = 0; j < blocks.size(); ++j)
        row[size_t(blocks[j] + 1)] = int(j + 1);
    std::vector<std::vector<double>> percent(size_t(columns), std::vector<double>(size_t(columns), std::nan("")));
    for (int x = 0; x < columns; ++x)
        for (int y = 0; y < columns; ++y)
            if (row[size_t(x)] >= 0 && row[size_t(y)] >= 0 && size_t(row[size_t(x)]) < matrix.size()
                && size_t(row[size_t(y)]) < matrix.size())
                percent[size_t(x)][size_t(y)] = 100 * matrix[size_t(row[size_t(x)])][size_t(row[size_t(y)])];
    const double largest = robustScale(percent, 0.5);
    addCells(*plot, columns, columns, -1, -1,
             [&](int x, int y) { return std::min(percent[size_t(x)][size_t(y)], largest); }, sequential(),
             QCPRange(0, largest), QObject::tr("images classified differently (%)"));
    plot->yAxis->setRangeReversed(true);
    plot->xAxis->setLabel(QObject::tr("deleted block"));
    plot->yAxis->setLabel(QObject::tr("deleted block"));
    plot->xAxis->setTicker(indexTicks(columns - 1, downsampling, QObject::tr("none")));
    plot->yAxis->setTicker(indexTicks(columns - 1, downsampling, QObject::tr("none")));
    // Named: the variants whose disagreement with the full network lies beyond the scale (each
    // of them saturates a whole row and column).
    std::vector<std::vector<double>> withFull;
    for (int x = 1; x < columns; ++x)
        withFull.push_back({percent[size_t(x)][0]});
    const QString saturated = saturatedNote(
        withFull, largest, [](int x) { return QObject::tr("block %1").arg(x); }, false);
    addNote(*plot, saturated.isEmpty() ? note : note + QLatin1Char('\n') + saturated);
    return plot;
}

} // namespace pathlens::figures
