#pragma once

#include <QRect>
#include <QWidget>

#include <utility>
#include <vector>

namespace pathlens {

class ArrangementEditor;

// Every block of the arrangement as a tile, one row per stage, in the order they run: index,
// output shape, a mark for downsampling, greyed and struck through when deleted. Click or Space
// deletes/restores; dragging a tile onto another moves it there (refused drops show the reason
// at the drop site); the arrow keys move the focus, Ctrl+arrows move the focused block.
// Shift+click two blocks, or Shift+arrows, to select a span of blocks; its context menu (right-click, or the
// Menu key) and keys delete or restore it (Space), run it in parallel with the branches summed
// (P) or averaged (M), or in sequence again (S), or reverse it (R). A parallel group has a bar under its tiles.
class BlockStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlockStrip)

public:
    explicit BlockStrip(ArrangementEditor *editor, QWidget *parent = nullptr);

    int tileAt(const QPoint &point) const; // position under `point`, -1 for none
    QRect tileRect(int position) const;
    QString lastRefusal() const { return m_lastRefusal; }
    // The selected span of positions (first, last); the focused tile alone when nothing is selected.
    std::pair<int, int> selection() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void refused(const QString &reason);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool event(QEvent *event) override; // a tooltip per tile

private:
    std::vector<QRect> layoutFor(const QSize &area) const;
    int stageCount() const;
    int preferredTileHeight() const;
    void relayout();
    void report(const QString &reason, const QPoint &where);
    void toggleSelection(const QPoint &where);
    void paintGroups(QPainter &painter) const;

    ArrangementEditor *m_editor;
    std::vector<QRect> m_tiles;
    int m_focus = 0;
    int m_anchor = -1; // the other end of the selected span, -1: no span
    int m_pressed = -1;
    QPoint m_pressPoint;
    QPoint m_dragPoint;
    bool m_dragging = false;
    QString m_lastRefusal;
};

} // namespace pathlens
