#include "blocktablemodel.h"

#include "arrangementeditor.h"

#include <QLocale>

namespace pathlens {

BlockTableModel::BlockTableModel(ArrangementEditor *editor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_editor(editor)
{
    connect(editor, &ArrangementEditor::arrangementChanged, this, &BlockTableModel::follow);
}

void BlockTableModel::follow(const Arrangement &arrangement)
{
    const NetworkInfo &info = m_editor->network();
    if (info.path != m_path || int(info.blocks.size()) != m_rows) {
        beginResetModel();
        m_path = info.path;
        m_rows = int(info.blocks.size());
        endResetModel();
        return;
    }
    if (!arrangement.empty())
        Q_EMIT dataChanged(index(0, Active), index(m_rows - 1, Active), {Qt::CheckStateRole});
}

int BlockTableModel::positionOf(int block) const
{
    const Arrangement &arrangement = m_editor->arrangement();
    for (size_t position = 0; position < arrangement.size(); ++position)
        if (arrangement[position].block == block)
            return int(position);
    return -1;
}

int BlockTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int BlockTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BlockTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const BlockInfo &block = m_editor->network().blocks[size_t(index.row())];
    if (role == Qt::CheckStateRole && index.column() == Active) {
        const int position = positionOf(block.index);
        return position >= 0 && m_editor->arrangement()[size_t(position)].active ? Qt::Checked : Qt::Unchecked;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Index: return block.index;
    case Name: return QString::fromStdString(block.name);
    case Kind: return QString::fromStdString(block.unit.empty() ? block.kind : block.kind + " " + block.unit);
    case Stage: return block.stage;
    case Input: // its own input; a fixed link's change of shape is the link's (it ran before the block)
        return QString::fromStdString(block.link.empty() ? toString(block.inputShape)
                                                         : toString(block.inputShape) + " → link → " + toString(block.linkOutputShape));
    case Output: return QString::fromStdString(toString(block.outputShape));
    case Downsampling: return block.downsampling ? tr("yes") : QString();
    case Parameters: return QLocale().toString(qint64(block.parameters));
    default: return {};
    }
}

bool BlockTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != Active || index.row() >= m_rows)
        return false;
    const int position = positionOf(m_editor->network().blocks[size_t(index.row())].index);
    if (position < 0)
        return false;
    const bool wanted = value.value<Qt::CheckState>() == Qt::Checked;
    if (m_editor->arrangement()[size_t(position)].active == wanted)
        return true;
    if (const QString why = m_editor->toggle(position); !why.isEmpty()) {
        Q_EMIT refused(why);
        return false;
    }
    return true;
}

Qt::ItemFlags BlockTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == Active)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant BlockTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString titles[] = {tr("Active"), tr("#"), tr("Block"), tr("Kind"), tr("Stage"), tr("Input"),
                              tr("Output"), tr("Downsampling"), tr("Parameters")};
    return section >= 0 && section < ColumnCount ? titles[section] : QVariant();
}

} // namespace pathlens
