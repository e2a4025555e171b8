#include "accuracypanel.h"

#include "statistics.h"

#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace pathlens {
namespace {

QString percent(double fraction)
{
    return QStringLiteral("%1%").arg(100.0 * fraction, 0, 'f', 2);
}

// "1 block deleted", "2 blocks deleted": plural forms from the translations (English included).
QString blocksDeleted(int n)
{
    return AccuracyPanel::tr("%n block(s) deleted", nullptr, n);
}

// Slots whose block is not the one the original has there: reordered blocks. A repeat shifts every
// later slot, so an arrangement with repeats counts none (they are named as repeats).
int movedCount(const Arrangement &arrangement)
{
    int moved = 0;
    for (size_t slot = 0; slot < arrangement.size(); ++slot)
        moved += arrangement[slot].block != int(slot) ? 1 : 0;
    return moved;
}

} // namespace

AccuracyPanel::AccuracyPanel(QWidget *parent)
    : QWidget(parent)
    , m_accuracy(new QLabel(this))
    , m_compare(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_accuracy);
    layout->addWidget(m_compare);
    setPresentation(false);
    m_compare->hide();
    m_progress->setMaximumWidth(240);
    m_progress->hide();
}

QString AccuracyPanel::text() const
{
    return m_accuracy->text();
}

bool AccuracyPanel::isStale() const
{
    return !m_accuracy->isEnabled();
}

void AccuracyPanel::clear()
{
    m_accuracy->clear();
}

void AccuracyPanel::setPresentation(bool on)
{
    QFont big = QApplication::font();
    big.setPointSizeF(big.pointSizeF() * (on ? 1.5 * 1.6 : 1.6));
    m_accuracy->setFont(big);
    fixHeights();
}

// Labels of a fixed number of lines: their text wraps inside the width they are given and never
// widens or heightens the panel (a longer "stale" text used to reflow the tiles under the mouse).
void AccuracyPanel::fixHeights()
{
    for (QLabel *label : {m_accuracy, m_compare}) {
        label->setWordWrap(true);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        label->setFixedHeight(QFontMetrics(label->font()).lineSpacing() * 2 + 4);
    }
}

QString AccuracyPanel::showStarted(const Arrangement &arrangement, bool original, qint64 images)
{
    m_progress->setValue(0);
    m_progress->show();
    if (!m_accuracy->text().isEmpty() && m_accuracy->isEnabled()) {
        m_accuracy->setEnabled(false);
        m_accuracy->setText(tr("%1 — stale, recomputing…").arg(m_accuracy->text()));
    }
    const int moved = movedCount(arrangement);
    const int deleted = int(arrangement.size()) - activeCount(arrangement);
    return original || (moved == 0 && deleted == 0)
               ? tr("Evaluating the original network on %1 test images…").arg(images)
               : tr("Evaluating the network with %1 and %2 moved on %3 test images…")
                     .arg(blocksDeleted(deleted))
                     .arg(moved)
                     .arg(images);
}

void AccuracyPanel::showEstimate(double accuracy, double halfWidth, qint64 done, qint64 total)
{
    m_accuracy->setEnabled(true);
    m_progress->setMaximum(int(total));
    m_progress->setValue(int(done));
    m_accuracy->setText(tr("Accuracy %1 ± %2 (estimate on %3 of %4 images)")
                            .arg(percent(accuracy), percent(halfWidth))
                            .arg(done)
                            .arg(total));
}

void AccuracyPanel::showResult(double accuracy, qint64 images, double original, const Arrangement &arrangement)
{
    const int deleted = int(arrangement.size()) - activeCount(arrangement);
    m_accuracy->setEnabled(true);
    // The accuracy is a proportion of `images`: its 95% Wilson interval says how far another
    // sample of as many images could move it (at 93% on 2,000 images about ±1.1 points).
    const int64_t correct = std::llround(accuracy * double(images));
    const Interval interval = images > 0 ? wilsonInterval(std::clamp<int64_t>(correct, 0, images), images) : Interval{};
    // Parallel groups change the network as much as deletions do: named beside them.
    int groups = 0;
    for (size_t slot = 0; slot + 1 < arrangement.size(); ++slot)
        groups += arrangement[slot].join == Join::Chain && arrangement[slot + 1].join != Join::Chain ? 1 : 0;
    // Moves and repeats too: a reversed span read "0 blocks deleted" beside a changed accuracy.
    std::set<int> distinct;
    for (const Slot &slot : arrangement)
        distinct.insert(slot.block);
    const int repeated = int(arrangement.size()) - int(distinct.size());
    QString edits = blocksDeleted(deleted);
    if (repeated > 0)
        edits = tr("%1; %2 repeated").arg(edits).arg(repeated);
    else if (const int moved = movedCount(arrangement); moved > 0)
        edits = tr("%1; %2 moved").arg(edits).arg(moved);
    if (groups > 0)
        edits = tr("%1; %n parallel group(s)", nullptr, groups).arg(edits);
    m_accuracy->setText(tr("Accuracy %1 [%2–%3] on %4 images; original %5; %6")
                            .arg(percent(accuracy), percent(interval.lower), percent(interval.upper))
                            .arg(images)
                            .arg(original >= 0 ? percent(original) : tr("—"))
                            .arg(edits));
    m_accuracy->setToolTip(tr("In brackets: the 95% Wilson interval of the accuracy on these images."));
    m_progress->hide();
}

void AccuracyPanel::showFailed()
{
    m_progress->hide();
}

} // namespace pathlens
