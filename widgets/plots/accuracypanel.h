#pragma once

#include "arrangement.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace pathlens {

// The accuracy of the current arrangement in large type, the comparison model's line under it,
// and a progress bar for the status bar. It only shows what the window hands it: the label is
// greyed and marked stale from the moment an edit is evaluated until its first estimate.
class AccuracyPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccuracyPanel)

public:
    explicit AccuracyPanel(QWidget *parent = nullptr);

    QLabel *compareLabel() const { return m_compare; }
    QProgressBar *progressBar() const { return m_progress; } // the window puts it in its status bar
    QString text() const;
    bool isStale() const; // the number shown belongs to an earlier edit
    void clear();
    void setPresentation(bool on); // larger type still, for the lecture hall

    // `arrangement` is being evaluated on `images` images: greys the number shown and returns
    // the status line that says what is computed.
    QString showStarted(const Arrangement &arrangement, bool original, qint64 images);
    void showEstimate(double accuracy, double halfWidth, qint64 done, qint64 total);
    // `original` < 0: not measured yet.
    void showResult(double accuracy, qint64 images, double original, const Arrangement &arrangement);
    void showFailed();

private:
    void fixHeights();

    QLabel *m_accuracy = nullptr;
    QLabel *m_compare = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace pathlens
