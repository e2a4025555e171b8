#include "arrangementeditor.h"

#include "error.h"
#include "experiments.h"

#include <QUndoCommand>
#include <QUndoStack>

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
    Arrangement next = m_arrangement;
    const Slot moved = next[from];
    next.erase(next.begin() + from);
    next.insert(next.begin() + to, moved);
    const auto why = whyInvalid(m_info, next);
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
