#pragma once

#include "arrangement.h"
#include "network.h"

#include <QAbstractTableModel>

namespace pathlens {

class ArrangementEditor;

// The blocks of the network as a table, one row per block in the original order: a check box
// (active), index, name, kind, stage, shapes, downsampling, parameters. It reads the editor's
// arrangement, so there is one copy of it; unchecking a box is an edit through the editor (undoable,
// refused with the reason where the arrangement could not run).
class BlockTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlockTableModel)

public:
    enum Column { Active, Index, Name, Kind, Stage, Input, Output, Downsampling, Parameters, ColumnCount };

    explicit BlockTableModel(ArrangementEditor *editor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void refused(const QString &reason);

private:
    void follow(const Arrangement &arrangement);
    int positionOf(int block) const; // the slot holding `block`, -1 for none

    ArrangementEditor *m_editor;
    std::string m_path; // the network shown, to tell a new network from an edit
    int m_rows = 0;
};

} // namespace pathlens
