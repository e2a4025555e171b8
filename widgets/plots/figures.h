#pragma once

// Publication figures of the paper's experiments, drawn with QCustomPlot and saved as PDF, SVG
// or PNG. Colours are black and greys with distinct markers and dash patterns, so that every
// figure stays readable in grey-scale print.

#include "experiments.h"
#include "gradients.h"
#include "predictors.h"
#include "results.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

class QCustomPlot;

namespace pathlens::figures {

struct Size
{
    int width = 640;  // logical pixels at 96 dpi; PDF and SVG keep this as their page size
    int height = 420;
    int dpi = 96;     // PNG only: the image has width * dpi / 96 pixels
};

// On screen in a dark theme: the figure on `background` with light ink (every colour but the
// background inverted); `dark` false gives the print colours back, black on white.
void setDark(QCustomPlot &plot, bool dark, const QColor &background = QColor(Qt::white));

// On screen in presentation mode: every text of the figure `scale` times the size it was drawn
// at; 1 gives the drawn sizes back. Exports always use the drawn sizes.
void setTextScale(QCustomPlot &plot, double scale);

// The legend in a row of its own at `row` of the figure's layout, where it cannot hide a point.
// Without a frame: QCPLegend draws it on its outer rect, which in a row spans the figure's width and
// ends on its last pixel column, so the frame's right line fell outside the figure and the legend
// looked cut off (issue 25: Single deletion, Per class, Accuracy at 1024x700).
void legendInRow(QCustomPlot &plot, int row);

// How many pixels the figure's wrapped titles and notes take beyond their unwrapped lines, as
// last laid out: a figure shown in a narrow pane grows by this much instead of squeezing its axes.
int wrappedTextGrowth(const QCustomPlot &plot);

// Writes the figure to `path`; the format follows the suffix (.pdf, .svg, .png), always in print
// colours. The file is replaced atomically, so an interruption leaves the previous one intact.
// Throws Error.
void save(QCustomPlot &plot, const QString &path, const Size &size = {});

// The data behind the figure as CSV, one row per point: series,x,y (series = the legend name).
// Written atomically. Throws Error.
void saveCsv(QCustomPlot &plot, const QString &path);

struct LesionSeries
{
    QString label;
    double baseline = 0;
    std::vector<double> accuracy;      // per block, with that block deleted (the span from it)
    std::vector<bool> downsampling;
    std::vector<QString> unit; // per block, its kind (attention, MLP, ...) where known
    // For 95% Wilson intervals: correct images per block (-1: none) out of `images`; no bars
    // when `images` is 0.
    std::vector<int64_t> correct;
    int64_t images = 0;
    int64_t baselineCorrect = -1;
    int span = 1; // blocks deleted together
    QString done = QStringLiteral("deleted"); // what was done to them (interventionDone)
};

// One model's single deletions as a series of the lesion figure.
LesionSeries lesionSeries(const LesionResult &result, const QString &label);

// Fig. 3 / Fig. 8: accuracy with each single block deleted, one series per model with 95% Wilson
// intervals, baselines dashed.
std::unique_ptr<QCustomPlot> lesion(const QString &title, const std::vector<LesionSeries> &series);

// Fig. 5a (deletion) and 5b per swap count (reorder, with mean Kendall's tau on the right axis):
// means with 95% intervals; with `critical` blocks, also the means of the samples that touched
// one of them and of those that did not.
std::unique_ptr<QCustomPlot> sweep(const QString &title, const SweepResult &result, bool reorder,
                                   const std::vector<int> &critical = {});

// Fig. 5b against Kendall's tau, one point per sample (the paper plots the error; here accuracy,
// as in the figure beside it).
std::unique_ptr<QCustomPlot> reorderByTau(const QString &title, const SweepResult &result);

// Fig. 6a and 7: the path-length distribution, and the fraction of paths of each length that
// survive deleting d blocks (right axis); `curveName`, when given, names the curves instead.
std::unique_ptr<QCustomPlot> paths(const QString &title, const std::vector<double> &distribution,
                                   const std::map<int, std::vector<double>> &surviving, const QString &curveName = {});

// Fig. 6b and 6c: mean gradient magnitude per path length and total contribution, log axes,
// effective windows (90% and 95% of the total) shaded and named.
std::unique_ptr<QCustomPlot> gradients(const QString &title, const GradientResult &result);

// Fig. 6c on the paper's linear axis: the total gradient per length, windows shaded.
std::unique_ptr<QCustomPlot> gradientTotal(const QString &title, const GradientResult &result);

// A cheap predictor against the truth (issue 28): each run's predictor on x (block influence for
// single blocks, else the angular distance over the run), the change of accuracy its deletion
// causes on y, each point labelled with its first block; Spearman's rho and its interval in the
// legend, and the run with the smallest angular distance (the one Gromov et al. delete) marked.
std::unique_ptr<QCustomPlot> predictors(const QString &title, const PredictorResult &result);

// Per-class figures (classfigures.cpp). Heat maps use a diverging scale centred at 0 (Okabe and
// Ito's vermillion for a loss, blue for a gain) or a sequential one from white to blue; their
// colours stay in a dark theme, only their ink turns.

struct ClassSeries
{
    QString label;
    std::vector<int64_t> correct; // per class
    std::vector<int64_t> images;  // per class
};

// Accuracy per class as grouped bars with 95% Wilson intervals, one colour per series.
std::unique_ptr<QCustomPlot> classAccuracy(const QString &title, const QStringList &classNames,
                                           const std::vector<ClassSeries> &series);

// after - before per cell of the confusion matrix (rows: true class, columns: predicted class),
// the counts written into the cells that changed.
std::unique_ptr<QCustomPlot> confusionChange(const QString &title, const QStringList &classNames,
                                             const std::vector<std::vector<int64_t>> &before,
                                             const std::vector<std::vector<int64_t>> &after);

// Blocks x classes: the change of each class's accuracy, in percentage points, when that block
// alone is deleted; `accuracy[b]` empty for a block that cannot be deleted (left blank). The
// scale spans the 95th percentile of |change|: a catastrophic block saturates, and a note under
// the title names the most extreme ones with their values.
std::unique_ptr<QCustomPlot> classLesion(const QString &title, const QStringList &classNames,
                                         const std::vector<double> &baseline,
                                         const std::vector<std::vector<double>> &accuracy,
                                         const std::vector<bool> &downsampling);

// The fraction of images on which two variants disagree: the full network (row and column -1)
// and the network without block b (b = 0, 1, ...; `blocks` names them). `note` goes under the
// title (the majority vote's accuracy). Scaled like classLesion.
std::unique_ptr<QCustomPlot> disagreement(const QString &title, const std::vector<int> &blocks,
                                          const std::vector<std::vector<double>> &matrix,
                                          const std::vector<bool> &downsampling, const QString &note);

} // namespace pathlens::figures
