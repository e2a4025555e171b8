#pragma once

// What the layout tests check of a main window at a given screen size (tst_layout, tst_scenario):
// tiles in view and under the mouse, plots tall enough with tick labels that do not overlap,
// nothing that widens the window beyond the screen. Each check returns what is wrong (empty: fine)
// so that a failure names the state, the size and the part.

#include "blockstrip.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QStringList>
#include <QTest>
#include <QWindow>
#include <qcustomplot.h>

#include <cmath>
#include <vector>

namespace testing {

using pathlens::BlockStrip;
using pathlens::MainWindow;

// Every tile's rectangle in window coordinates.
inline std::vector<QRect> tilesInWindow(MainWindow &window)
{
    BlockStrip *strip = window.blockStrip();
    std::vector<QRect> tiles;
    for (size_t i = 0; i < window.arrangement().size(); ++i) {
        const QRect tile = strip->tileRect(int(i));
        tiles.emplace_back(strip->mapTo(&window, tile.topLeft()), tile.size());
    }
    return tiles;
}

// Lets the layout follow whatever changed, as the event loop does between two clicks.
inline void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
}

// A click where the user's mouse is, in window coordinates: whichever widget is there gets it.
inline void clickAt(MainWindow &window, const QPoint &at)
{
    QTest::mouseClick(window.windowHandle(), Qt::LeftButton, Qt::NoModifier, at);
}

// The widgets whose own minimum width exceeds `limit` while none of their children's does: the
// ones that make the window wider than the screen, named for the failure message.
inline QStringList tooWide(QWidget *widget, int limit)
{
    QStringList names;
    for (QWidget *child : widget->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (child->isVisible())
            names += tooWide(child, limit);
    }
    const int minimum = std::max(widget->minimumSizeHint().width(), widget->minimumWidth());
    if (names.isEmpty() && minimum > limit && widget->isVisible())
        names << QStringLiteral("%1 '%2' (%3 px)").arg(QString::fromLatin1(widget->metaObject()->className()),
                                                       widget->objectName()).arg(minimum);
    return names;
}

// Tiles that are not wholly in the window and the strip's visible part, smaller than 20x20 px, or
// whose centre a click would not reach (another widget on top, or the strip naming another tile).
inline QStringList tilesOutOfReach(MainWindow &window)
{
    QStringList problems;
    BlockStrip *strip = window.blockStrip();
    const QRegion visible = strip->visibleRegion();
    const std::vector<QRect> tiles = tilesInWindow(window);
    for (int i = 0; i < int(tiles.size()); ++i) {
        const QRect tile = tiles[size_t(i)];
        const QRect local = strip->tileRect(i);
        const QWidget *under = window.childAt(tile.center());
        const bool reached = under && (under == strip || strip->isAncestorOf(under))
                             && strip->tileAt(strip->mapFrom(&window, tile.center())) == i;
        if (tile.width() < 20 || tile.height() < 20 || !window.rect().contains(tile)
            || visible.intersected(local) != QRegion(local) || !reached)
            problems << QStringLiteral("tile %1 at %2,%3 %4x%5%6").arg(i).arg(tile.x()).arg(tile.y()).arg(tile.width())
                            .arg(tile.height()).arg(reached ? QString() : QStringLiteral(" (a click lands elsewhere)"));
    }
    return problems;
}

// Tick labels of `axis` that overlap their neighbours, as QCustomPlot draws them: the labels of
// the ticks inside the range, each of its font's size, turned by the axis' tick label rotation.
// Two turned labels are parallel strips as thick as a line of text; they overlap when the distance
// between the strips is less than that (1 px of rounding allowed).
inline QString overlappingTickLabels(QCPAxis *axis)
{
    if (!axis->visible() || !axis->tickLabels())
        return {};
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    const QFontMetrics metrics(axis->tickLabelFont());
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const double angle = axis->tickLabelRotation() * M_PI / 180.0;
    double previousAt = 0;
    QString previous;
    for (int i = 0; i < std::min(ticks.size(), labels.size()); ++i) {
        if (!axis->range().contains(ticks[i]) || labels[i].isEmpty())
            continue;
        const double at = axis->coordToPixel(ticks[i]);
        if (!previous.isEmpty()) {
            const double distance = std::abs(at - previousAt);
            double needed = metrics.height();
            double apart = distance * (horizontal ? std::abs(std::sin(angle)) : std::abs(std::cos(angle)));
            if (horizontal && std::abs(std::sin(angle)) < 1e-6) { // side by side: half of each label's width
                needed = (metrics.horizontalAdvance(previous) + metrics.horizontalAdvance(labels[i])) / 2.0;
                apart = distance;
            }
            if (apart + 1 < needed)
                return QStringLiteral("tick labels '%1' and '%2' %3 px apart, %4 px needed")
                    .arg(previous, labels[i]).arg(apart, 0, 'f', 1).arg(needed, 0, 'f', 1);
        }
        previous = labels[i];
        previousAt = at;
    }
    return {};
}

// What makes a plot in view unreadable: axes shorter than `minimumHeight`, tick labels on top of
// each other, an axis title longer than its axes.
inline QStringList unreadable(QCustomPlot *plot, int minimumHeight)
{
    QStringList problems;
    if (!plot || !plot->isVisible() || plot->visibleRegion().isEmpty())
        return problems;
    plot->replot(QCustomPlot::rpImmediateRefresh); // the tick vectors of the current size
    for (QCPAxisRect *axes : plot->axisRects()) {
        if (axes->height() < minimumHeight)
            problems << QStringLiteral("axes %1 px tall").arg(axes->height());
        for (QCPAxis *axis : axes->axes()) {
            if (const QString overlap = overlappingTickLabels(axis); !overlap.isEmpty())
                problems << overlap;
            // Centred on the axes, a title longer than them by more than the margins runs into the
            // title lines above (the gradient figure's notes) or off the plot.
            const int extent = axis->orientation() == Qt::Horizontal ? axes->width() : axes->height();
            int longest = 0; // of the title's lines
            for (const QString &line : axis->label().split(QLatin1Char('\n')))
                longest = std::max(longest, QFontMetrics(axis->labelFont()).horizontalAdvance(line));
            if (axis->visible() && longest > extent + 30)
                problems << QStringLiteral("axis title '%1' longer than its %2 px axes").arg(axis->label()).arg(extent);
        }
    }
    return problems;
}

} // namespace testing
