#include "arrangementeditor.h"

#include "error.h"
#include "experiments.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <random>

namespace pathlens {

// One structural edit: the arrangement before and after.
class SetArrangementCommand final : public QUndoCommand
{
public:
    SetArrangementCommand(ArrangementEditor *editor, Arrangement before, Arrangement after, const QString &text)
        : QUndoCommand(text)
        , m_editor(editor)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { m_editor->assign(m_after); }
    void undo() override { m_editor->assign(m_before); }

private:
    ArrangementEditor *m_editor;
    Arrangement m_before;
    Arrangement m_after;
};

ArrangementEditor::ArrangementEditor(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
}

ArrangementEditor::~ArrangementEditor() = default;

void ArrangementEditor::setNetwork(const NetworkInfo &info)
{
    m_info = info;
    m_undo->clear();
    assign(identityArrangement(int(info.blocks.size())));
    m_saved = m_arrangement;
}

void ArrangementEditor::markSaved()
{
    m_saved = m_arrangement;
    m_undo->setClean();
}

void ArrangementEditor::assign(const Arrangement &arrangement)
{
    m_arrangement = arrangement;
    Q_EMIT arrangementChanged(m_arrangement);
}

QString ArrangementEditor::apply(const Arrangement &next, const QString &text)
{
    if (const auto why = whyInvalid(m_info, next))
        return QString::fromStdString(*why);
    if (next != m_arrangement)
        m_undo->push(new SetArrangementCommand(this, m_arrangement, next, text));
    return {};
}

QString ArrangementEditor::set(const Arrangement &arrangement, const QString &text)
{
    if (arrangement.size() != m_arrangement.size())
        return tr("the arrangement has %1 slots but the network has %2 blocks").arg(arrangement.size()).arg(m_arrangement.size());
    return apply(arrangement, text);
}

QString ArrangementEditor::toggle(int position)
{
    if (position < 0 || position >= int(m_arrangement.size()))
        return tr("no block at position %1").arg(position);
    Arrangement next = m_arrangement;
    Slot &slot = next[position];
    slot.active = !slot.active;
    const QString name = QString::fromStdString(m_info.blocks[slot.block].name);
    return apply(next, slot.active ? tr("Restore block %1 (%2)").arg(slot.block).arg(name)
                                   : tr("Delete block %1 (%2)").arg(slot.block).arg(name));
}

std::pair<int, int> ArrangementEditor::groupAround(int position) const
{
    const int n = int(m_arrangement.size());
    if (position < 0 || position >= n)
        return {position, position};
    int first = position;
    while (first > 0 && m_arrangement[size_t(first)].join != Join::Chain)
        --first;
    int last = position;
    while (last + 1 < n && m_arrangement[size_t(last + 1)].join != Join::Chain)
        ++last;
    return {first, last};
}

QString ArrangementEditor::checkSpan(int first, int last) const
{
    const int n = int(m_arrangement.size());
    if (first < 0 || last >= n || first > last)
        return tr("no span of blocks at positions %1 to %2").arg(first).arg(last);
    return {};
}

// Every group that overlaps first..last becomes a chain again, as a whole.
Arrangement ArrangementEditor::withSequence(Arrangement arrangement, int first, int last) const
{
    const int from = groupAround(first).first;
    const int to = groupAround(last).second;
    for (int i = from; i <= to; ++i)
        arrangement[size_t(i)].join = Join::Chain;
    return arrangement;
}

QString ArrangementEditor::setSpanActive(int first, int last, bool active)
{
    if (const QString why = checkSpan(first, last); !why.isEmpty())
        return why;
    Arrangement next = m_arrangement;
    for (int i = first; i <= last; ++i)
        next[size_t(i)].active = active;
    const int a = m_arrangement[size_t(first)].block;
    const int b = m_arrangement[size_t(last)].block;
    return apply(next, first == last ? (active ? tr("Restore block %1").arg(a) : tr("Delete block %1").arg(a))
                                     : (active ? tr("Restore blocks %1–%2").arg(a).arg(b) : tr("Delete blocks %1–%2").arg(a).arg(b)));
}

QString ArrangementEditor::runInParallel(int first, int last, Join join)
{
    if (const QString why = checkSpan(first, last); !why.isEmpty())
        return why;
    if (first == last)
        return tr("a parallel group needs at least two blocks: select a span with Shift");
    try {
        const Arrangement next = withParallel(withSequence(m_arrangement, first, last), first, last, join);
        const int a = m_arrangement[size_t(first)].block;
        const int b = m_arrangement[size_t(last)].block;
        return apply(next, join == Join::Mean ? tr("Run blocks %1–%2 in parallel (mean of branches)").arg(a).arg(b)
                                              : tr("Run blocks %1–%2 in parallel (sum of branches)").arg(a).arg(b));
    } catch (const Error &e) {
        return QString::fromUtf8(e.what());
    }
}

QString ArrangementEditor::runInSequence(int first, int last)
{
    if (const QString why = checkSpan(first, last); !why.isEmpty())
        return why;
    const Arrangement next = withSequence(m_arrangement, first, last);
    if (next == m_arrangement)
        return tr("these blocks already run in sequence");
    return apply(next, tr("Run blocks in sequence again"));
}

QString ArrangementEditor::reverseSpan(int first, int last)
{
    if (const QString why = checkSpan(first, last); !why.isEmpty())
        return why;
    if (first == last)
        return tr("select at least two blocks to reverse (Shift+click)");
    if (groupAround(first) != std::make_pair(first, first) || groupAround(last) != std::make_pair(last, last)
        || withSequence(m_arrangement, first, last) != m_arrangement)
        return tr("blocks that run in parallel do not move: run them in sequence first (right-click)");
    Arrangement next = m_arrangement;
    std::reverse(next.begin() + first, next.begin() + last + 1);
    return apply(next, tr("Reverse blocks %1–%2").arg(m_arrangement[size_t(first)].block).arg(m_arrangement[size_t(last)].block));
}

QString ArrangementEditor::move(int from, int to)
{
    if (const QString why = whyNotMove(from, to); !why.isEmpty() || from == to)
        return why;
    Arrangement next = m_arrangement;
    const Slot moved = next[from];
    next.erase(next.begin() + from);
    next.insert(next.begin() + to, moved);
    return apply(next, tr("Move block %1 to position %2").arg(moved.block).arg(to));
}

QString ArrangementEditor::whyNotMove(int from, int to) const
{
    const int n = int(m_arrangement.size());
    if (from < 0 || from >= n || to < 0 || to >= n)
        return tr("no block at position %1").arg(from < 0 || from >= n ? from : to);
    // A group's members read the group's input, so a move in or out of one has no single meaning.
    if (from != to && (groupAround(from).first != groupAround(from).second || groupAround(to).first != groupAround(to).second))
        return tr("blocks that run in parallel do not move: run them in sequence first (right-click)");
    Arrangement next = m_arrangement;
    const Slot moved = next[from];
    next.erase(next.begin() + from);
    next.insert(next.begin() + to, moved);
    // The moved block's own rules first: the blocks after it shift by one, and the first rule broken
    // in slot order was often another block's (dragging block 20 onto 40 named downsampling block 36).
    std::optional<std::string> why;
    if (next.size() == m_info.blocks.size())
        why = whyNotAt(m_info, moved.block, to);
    if (!why)
        why = whyInvalid(m_info, next);
    return why ? QString::fromStdString(*why) : QString();
}

QString ArrangementEditor::reset()
{
    return apply(identityArrangement(int(m_info.blocks.size())), tr("Reset to the original network"));
}

// Random edits come from core's samplers, which throw when the network cannot take them.
template <typename Sample>
QString ArrangementEditor::applySampled(Sample &&sample, uint64_t seed, const QString &text)
{
    try {
        std::mt19937_64 random(seed);
        return apply(sample(random), text);
    } catch (const Error &e) {
        return QString::fromUtf8(e.what());
    }
}

QString ArrangementEditor::deleteRandom(int k, uint64_t seed)
{
    return applySampled([&](std::mt19937_64 &random) { return deleteRandomBlocks(m_info, m_arrangement, k, random); },
                        seed, tr("Delete %n random block(s)", nullptr, k));
}

QString ArrangementEditor::swapRandom(int pairs, uint64_t seed)
{
    return applySampled([&](std::mt19937_64 &random) { return swapRandomPairs(m_info, m_arrangement, pairs, random); },
                        seed, tr("Swap %n random pair(s)", nullptr, pairs));
}

} // namespace pathlens
