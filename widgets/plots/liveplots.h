#pragma once

#include "arrangement.h"

#include "analysis.h"

#include <QWidget>

#include <memory>

class QCustomPlot;
class QCPGraph;
class QCPErrorBars;
class QBoxLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QVBoxLayout;

namespace pathlens {

// A tooltip with the nearest data point under the mouse, on any QCustomPlot.
void installHoverReadout(QCustomPlot *plot);

// The live plots beside the block strip: accuracy after each edit against the original (with
// the running estimate and its 95% interval while the worker is busy), and in tabs below it the
// distribution of path lengths of the current arrangement against the original network's, the
// fraction of paths of each length that survive the current deletions, and on request the
// gradient magnitude per path length and the single-deletion accuracies, filling in while they
// are measured. The last two are publication figures (figures.h), as the CLI writes them.
class LivePlots final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LivePlots)

public:
    enum class Series { Main, Compare }; // the loaded model, and a second one beside it

    explicit LivePlots(QWidget *parent = nullptr);

    void clear(int blocks, bool plain);                           // a new network with `blocks` blocks (plain: no shortcuts)
    void setCompareName(const QString &name);                     // empty: no second model
    void setOriginalAccuracy(Series series, double accuracy);
    void showEstimate(int edit, double accuracy, double halfWidth); // main model, running, not yet final
    void addResult(Series series, int edit, double accuracy);     // the finished number after edit `edit`
    void setArrangement(const Arrangement &arrangement);          // path lengths of the current arrangement
    void setPresentation(bool on);                                // thicker lines for a projector
    void setSingleFigure(bool on);                                // the accuracy plot alone (lecture layout)
    // Presentation on a small screen: the accuracy plot or the tab that showTab chose, not both
    // in half the height each (the lecture tour's gradient figure got about 140 px at 1280x720).
    void setOneFigureAtATime(bool on);
    bool isOneFigureAtATime() const { return m_oneFigureAtATime; }

    // Figures measured on request; `title` names the model and the images.
    void showLesion(const Analysis::Lesion &lesion, const QString &title);
    void showGradients(const GradientResult &result, int samplesDone, int samplesTotal, const QString &title);
    // Fig. 5a (delete k) or 5b (reorder: per swap count and against Kendall's tau), titled
    // `title`; while it runs, the status line shows `progress`, and the figures the samples so far
    // when the update carries them.
    void showSweep(const Analysis::Sweep &sweep, const QString &title, const QString &progress = {});
    // The current arrangement against the original, per class: accuracy with 95% intervals and the
    // change of the confusion matrix.
    void showClassComparison(const Analysis::ClassComparison &comparison, const QString &title);
    void setClassesStale(bool stale);
    // Measurements of an earlier arrangement stay visible, marked as such.
    void setGradientsStale(bool stale);
    // The measurements on request, each with its Stop on its own tabs.
    enum class Measured { Any, Gradients, SingleDeletions, Sweep, Classes };
    // Measure everywhere disabled while one runs, Stop enabled only on the tabs of `which`: a tab
    // that said "Done" beside an enabled Stop (of another tab's measurement) contradicted itself.
    void setMeasuring(bool running, Measured which = Measured::Any);
    // Per class reports only when done: until then its tab says what runs (a new user saw "press
    // Measure" for a minute after pressing it).
    void setClassesMeasuring(qint64 images);
    void setLesionProgress(const QString &text); // before the first counts: how far it is
    void showStopped(Measured which, const QString &text); // in the status lines of `which`
    // Said at once when a measurement starts: its first numbers take seconds, and until then the
    // tab still read "press Measure".
    void setLesionMeasuring(qint64 images);
    void setGradientsMeasuring(int samplesPerLength);
    int gradientSamples() const; // samples per path length asked for
    int sweepSamples() const;    // random arrangements per k asked for

    // Every plot by its name, for export: "accuracy", "path-lengths", "surviving-paths",
    // "gradients", "single-deletion", "per-class", "confusion-change", "single-deletion-classes",
    // "disagreement", "delete-k", "reorder", "reorder-tau"; null while a measured figure has not
    // been made yet.
    QCustomPlot *plot(const QString &name);
    static QStringList plotNames();

    // The tab that holds the plot `name`; "accuracy" is above the tabs, or their first tab where
    // the plots are too short for both (below heightForBoth); an unknown name changes nothing.
    void showTab(const QString &name);
    QString currentTabName() const;

    QCustomPlot *accuracyPlot() const { return m_accuracy; }
    QCustomPlot *pathPlot() const { return m_paths; }
    int resultCount() const { return m_results; }

Q_SIGNALS:
    void lesionRequested();
    void gradientsRequested();
    void classesRequested();
    void sweepRequested(bool reorder);
    void stopRequested();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Adds `page` as a tab inside a scroll area; returns the tab's widget.
    QWidget *addScrollingTab(QWidget *page, const QString &title);
    void followPalette();
    void followPalette(QCustomPlot *figure); // a measured figure
    void fitPresentation(QCustomPlot *plot) const; // its minimum height and legend for the mode
    void showFigures(); // which of the accuracy plot and the tabs are in view, and where
    void arrangePairs();
    void showControls(); // the Measure rows: hidden while presenting one figure at a time, unless measuring // the pages of two figures: side by side where they fit, else one above the other
    bool accuracyIsATab() const;
    int heightForBoth() const;
    void drawSurviving(); // the surviving-paths figure of the current arrangement, unless drawn
    // Puts a freshly drawn figure where `slot` was (the layout takes it over).
    void replaceFigure(QBoxLayout *area, QCustomPlot *&slot, std::unique_ptr<QCustomPlot> figure);
    // The per-class heat map and the disagreement of a finished single-deletion study.
    void showLesionClasses(const Analysis::Lesion &lesion, const std::vector<bool> &downsampling, const QString &title);

    QCustomPlot *m_accuracy = nullptr;
    QCustomPlot *m_paths = nullptr;
    QCPGraph *m_history = nullptr;
    QCPGraph *m_original = nullptr;
    QCPGraph *m_estimate = nullptr;
    QCPErrorBars *m_estimateBars = nullptr;
    QCPGraph *m_compareHistory = nullptr;
    QCPGraph *m_compareOriginal = nullptr;
    QCPGraph *m_originalPaths = nullptr;
    QCPGraph *m_currentPaths = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QTabWidget *m_tabs = nullptr;
    QVBoxLayout *m_survivingArea = nullptr;
    QBoxLayout *m_gradientArea = nullptr;
    QBoxLayout *m_lesionArea = nullptr;
    QBoxLayout *m_classArea = nullptr;
    QBoxLayout *m_lesionClassArea = nullptr;
    QCustomPlot *m_surviving = nullptr;
    QCustomPlot *m_gradientFigure = nullptr;
    QCustomPlot *m_lesionFigure = nullptr;
    QCustomPlot *m_classFigure = nullptr;
    QCustomPlot *m_confusionFigure = nullptr;
    QCustomPlot *m_lesionClassFigure = nullptr;
    QCustomPlot *m_disagreementFigure = nullptr;
    QBoxLayout *m_sweepArea = nullptr;
    QCustomPlot *m_deleteKFigure = nullptr;
    QCustomPlot *m_reorderFigure = nullptr;
    QCustomPlot *m_tauFigure = nullptr;
    QLabel *m_sweepStatus = nullptr;
    QSpinBox *m_sweepSamples = nullptr;
    QList<QWidget *> m_tabOfPlot; // in the order of plotNames(), the tab holding each plot
    QLabel *m_gradientStatus = nullptr;
    QLabel *m_lesionStatus = nullptr;
    QLabel *m_classStatus = nullptr;
    QLabel *m_lesionClassStatus = nullptr;
    QSpinBox *m_samples = nullptr;
    QList<QPushButton *> m_measureButtons;
    QList<std::pair<QPushButton *, Measured>> m_stopButtons;
    int m_blocks = 0;
    bool m_plain = false; // no shortcuts: one path
    int m_active = 0; // active blocks of the current arrangement
    Arrangement m_arrangement; // its parallel groups change the path lengths (core's pathsResult)
    bool m_survivingDrawn = false;
    double m_lineScale = 1;
    bool m_singleFigure = false;
    bool m_oneFigureAtATime = false;
    bool m_measuring = false;
    bool m_tabChosen = false; // the last showTab named a tab, not the accuracy plot
    int m_results = 0;
    int m_lastEdit = 0;
    double m_originalAccuracy = -1;
    double m_compareOriginalAccuracy = -1;

    void rescale();
};

} // namespace pathlens
