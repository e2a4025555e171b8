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
    explicit LivePlots(QWidget *parent = nullptr);

    void clear(int blocks);                                  // a new network with `blocks` blocks
    void setOriginalAccuracy(double accuracy);
    void showEstimate(double accuracy, double halfWidth);    // running, not yet final
    void addResult(double accuracy);                         // the finished number of one edit
    void setActiveBlocks(int active);                        // path lengths of the current arrangement

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
    QCPGraph *m_originalPaths = nullptr;
    QCPGraph *m_currentPaths = nullptr;
    int m_blocks = 0;
    int m_results = 0;
    double m_originalAccuracy = -1;
};

} // namespace pathlens
