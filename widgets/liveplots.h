#pragma once

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPErrorBars;

namespace pathlens {

// The live plots beside the block strip: accuracy after each edit against the original (with
// the running estimate and its 95% interval while the worker is busy), and the distribution of
// path lengths of the current arrangement against the original network's.
class LivePlots final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LivePlots)

public:
    enum class Series { Main, Compare }; // the loaded model, and a second one beside it

    explicit LivePlots(QWidget *parent = nullptr);

    void clear(int blocks);                                       // a new network with `blocks` blocks
    void setCompareName(const QString &name);                     // empty: no second model
    void setOriginalAccuracy(Series series, double accuracy);
    void showEstimate(int edit, double accuracy, double halfWidth); // main model, running, not yet final
    void addResult(Series series, int edit, double accuracy);     // the finished number after edit `edit`
    void setActiveBlocks(int active);                             // path lengths of the current arrangement

    QCustomPlot *accuracyPlot() const { return m_accuracy; }
    QCustomPlot *pathPlot() const { return m_paths; }
    int resultCount() const { return m_results; }

private:
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
    int m_results = 0;
    int m_lastEdit = 0;
    double m_originalAccuracy = -1;
    double m_compareOriginalAccuracy = -1;

    void rescale();
};

} // namespace pathlens
