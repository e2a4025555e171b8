#pragma once

#include "arrangement.h"
#include "network.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <utility>

class QUndoStack;

namespace pathlens {

// The arrangement being edited in the GUI and its undo history. Every structural edit (toggle,
// move, reset, random deletions and swaps) is one undoable command; edits that would make the
// arrangement unrunnable are refused with the reason and change nothing. No widgets here, so the
// rules are testable without a window.
class ArrangementEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArrangementEditor)

public:
    explicit ArrangementEditor(QObject *parent = nullptr);
    ~ArrangementEditor() override;

    // A new network: the identity arrangement and an empty history.
    void setNetwork(const NetworkInfo &info);
    const NetworkInfo &network() const { return m_info; }
    const Arrangement &arrangement() const { return m_arrangement; }
    QUndoStack *undoStack() const { return m_undo; }
    // What was saved (a session written or read; a new network counts as saved) and whether the
    // arrangement differs from it: edits that end where they started change nothing worth saving.
    void markSaved();
    bool hasUnsavedChanges() const { return m_arrangement != m_saved; }

    // Each returns an empty string when done, else why the edit was refused.
    QString toggle(int position);                  // delete or restore the block at `position`
    QString move(int from, int to);                // take the block at `from` and insert it at `to`
    QString whyNotMove(int from, int to) const;    // what move() would refuse, without moving
    QString reset();                               // the original network
    QString deleteRandom(int k, uint64_t seed);    // k more random deletable blocks
    QString swapRandom(int pairs, uint64_t seed);  // `pairs` random compatible swaps
    QString set(const Arrangement &arrangement, const QString &text); // any valid arrangement
    // Spans of positions first..last (DESIGN.md section 3; the interventions of issue 28): delete
    // or restore them all; run them as one parallel group (x + the sum or mean of their branches),
    // dissolving any group they overlap first; run every group they touch in sequence again.
    QString setSpanActive(int first, int last, bool active);
    QString runInParallel(int first, int last, Join join);
    QString runInSequence(int first, int last);
    QString reverseSpan(int first, int last); // the span's blocks in reverse order (Sun et al., 2025)
    // The positions of the parallel group around `position` (first, last); (position, position)
    // for a slot in no group.
    std::pair<int, int> groupAround(int position) const;

Q_SIGNALS:
    void arrangementChanged(const pathlens::Arrangement &arrangement);

private:
    friend class SetArrangementCommand;
    QString apply(const Arrangement &next, const QString &text);
    template <typename Sample>
    QString applySampled(Sample &&sample, uint64_t seed, const QString &text);
    void assign(const Arrangement &arrangement);
    QString checkSpan(int first, int last) const;
    Arrangement withSequence(Arrangement arrangement, int first, int last) const;

    NetworkInfo m_info;
    Arrangement m_arrangement;
    Arrangement m_saved;
    QUndoStack *m_undo = nullptr;
};

} // namespace pathlens
