#pragma once

// Private to the figure sources (figures.cpp, classfigures.cpp, liveplots.cpp): the common frame of a figure.

#include <QString>
#include <QSharedPointer>
#include <QVector>

#include <memory>
#include <vector>

class QCPAxisTicker;
class QCustomPlot;
class QObject;

namespace pathlens::figures {

// A white figure with `title` above the axes ("What — model, data" on two lines), a legend and
// black axes with dotted grids.
std::unique_ptr<QCustomPlot> newPlot(const QString &title);

// A line of text (a title, a note) in a row of its own at `row` of the figure's layout, wrapped at
// the figure's width.
void addText(QCustomPlot &plot, int row, const QString &text, double pointSize);

QVector<double> toVector(const std::vector<double> &values);

// Ticks at whole numbers only, for axes that count (blocks, deleted blocks, edits): the default
// ticker put the plain control's 15 blocks at 0, 2.5, 5, 7.5, ... (issue 25).
QSharedPointer<QCPAxisTicker> wholeNumberTicks();
QVector<double> range(size_t count, double start = 0);

// The dynamic property that keeps a plottable's or a text item's colours when a dark theme
// inverts the figure's ink: colour scales and the labels drawn on coloured cells mean the same
// on any background.
inline constexpr char fixedColours[] = "pathlens_fixedColours";
// A shaded band's alpha on a dark and on a light background (QCPItemRect): inverted with its light alpha, the
// gradient figure's effective window was 46 on 30 grey in the dark theme (1.2:1, issue 25).
inline constexpr char darkAlpha[] = "pathlens_darkAlpha";
inline constexpr char lightAlpha[] = "pathlens_lightAlpha";
// A text's colour on the dark theme (QCPItemText; swapped with its colour when the theme turns):
// black on a colour map's light cells, white where those cells turn dark.
inline constexpr char otherInk[] = "pathlens_otherInk";
void keepColours(QObject &element);

} // namespace pathlens::figures
