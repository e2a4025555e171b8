#include "blockstrip.h"

#include "arrangementeditor.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace pathlens {
namespace {

constexpr int margin = 6;
constexpr int gap = 4;

QString shapeText(const Shape &shape)
{
    QStringList parts;
    for (int64_t size : shape)
        parts << QString::number(size);
    return parts.join(QChar(0x00D7)); // ×
}

} // namespace

BlockStrip::BlockStrip(ArrangementEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(editor, &ArrangementEditor::arrangementChanged, this, [this] {
        m_focus = std::min<int>(m_focus, std::max<int>(0, int(m_editor->arrangement().size()) - 1));
        relayout();
    });
}

QSize BlockStrip::tileSize() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(QStringLiteral("64×28×28")) + 8, metrics.height() * 2 + 10};
}

// Tiles flow left to right; a new stage starts a new row, so stages read as groups.
std::vector<QRect> BlockStrip::layoutFor(int width) const
{
    const Arrangement &arrangement = m_editor->arrangement();
    const NetworkInfo &info = m_editor->network();
    const QSize size = tileSize();
    std::vector<QRect> tiles;
    int x = margin, y = margin, stage = -1;
    for (const Slot &slot : arrangement) {
        const int blockStage = info.blocks[slot.block].stage;
        const bool newStage = stage >= 0 && blockStage != stage;
        if (newStage || (x > margin && x + size.width() > width - margin)) {
            x = margin;
            y += size.height() + gap + (newStage ? gap * 2 : 0);
        }
        stage = blockStage;
        tiles.emplace_back(QPoint(x, y), size);
        x += size.width() + gap;
    }
    return tiles;
}

void BlockStrip::relayout()
{
    m_tiles = layoutFor(width());
    updateGeometry();
    update();
}

int BlockStrip::heightForWidth(int width) const
{
    const auto tiles = layoutFor(width);
    return tiles.empty() ? tileSize().height() + 2 * margin : tiles.back().bottom() + margin;
}

QSize BlockStrip::sizeHint() const
{
    return {800, heightForWidth(800)};
}

int BlockStrip::tileAt(const QPoint &point) const
{
    for (size_t i = 0; i < m_tiles.size(); ++i)
        if (m_tiles[i].contains(point))
            return int(i);
    return -1;
}

QRect BlockStrip::tileRect(int position) const
{
    return position >= 0 && position < int(m_tiles.size()) ? m_tiles[position] : QRect();
}

void BlockStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_tiles = layoutFor(width());
}

void BlockStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Arrangement &arrangement = m_editor->arrangement();
    const NetworkInfo &info = m_editor->network();
    const QPalette &colours = palette();
    for (size_t position = 0; position < m_tiles.size() && position < arrangement.size(); ++position) {
        const Slot &slot = arrangement[position];
        const BlockInfo &block = info.blocks[slot.block];
        const QRect tile = m_tiles[position];
        const bool moved = slot.block != int(position);
        QColor fill = slot.active ? colours.color(QPalette::Base) : colours.color(QPalette::Window).darker(115);
        painter.setPen(QPen(position == size_t(m_focus) && hasFocus() ? colours.color(QPalette::Highlight)
                                                                      : colours.color(QPalette::Mid),
                            position == size_t(m_focus) && hasFocus() ? 2.5 : 1.0));
        painter.setBrush(fill);
        painter.drawRoundedRect(QRectF(tile).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter.setPen(slot.active ? colours.color(QPalette::Text) : colours.color(QPalette::PlaceholderText));
        QFont bold = font();
        bold.setBold(moved);
        painter.setFont(bold);
        const QString title = QString::number(slot.block) + (block.downsampling ? QStringLiteral(" ↓") : QString());
        painter.drawText(tile.adjusted(4, 3, -4, -3), Qt::AlignTop | Qt::AlignHCenter, title);
        painter.setFont(font());
        painter.drawText(tile.adjusted(4, 3, -4, -3), Qt::AlignBottom | Qt::AlignHCenter, shapeText(block.outputShape));
        if (!slot.active) {
            painter.setPen(QPen(colours.color(QPalette::PlaceholderText), 1.5));
            painter.drawLine(tile.topLeft() + QPoint(4, tile.height() - 4), tile.topRight() + QPoint(-4, 4));
        }
    }
    if (m_dragging && m_pressed >= 0) {
        const int target = tileAt(m_dragPoint);
        if (target >= 0) {
            const QRect site = m_tiles[target];
            painter.setPen(QPen(colours.color(QPalette::Highlight), 3));
            const int x = target > m_pressed ? site.right() + gap / 2 : site.left() - gap / 2;
            painter.drawLine(x, site.top(), x, site.bottom());
        }
        QRect ghost = m_tiles[m_pressed];
        ghost.moveCenter(m_dragPoint);
        QColor highlight = colours.color(QPalette::Highlight);
        highlight.setAlpha(90);
        painter.setPen(Qt::NoPen);
        painter.setBrush(highlight);
        painter.drawRoundedRect(ghost, 4, 4);
    }
}

void BlockStrip::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressed = tileAt(event->position().toPoint());
    m_pressPoint = event->position().toPoint();
    m_dragging = false;
    if (m_pressed >= 0)
        m_focus = m_pressed;
    update();
}

void BlockStrip::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressed < 0 || !(event->buttons() & Qt::LeftButton))
        return;
    m_dragPoint = event->position().toPoint();
    if (!m_dragging && (m_dragPoint - m_pressPoint).manhattanLength() >= QApplication::startDragDistance())
        m_dragging = true;
    if (m_dragging)
        update();
}

void BlockStrip::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_pressed < 0)
        return QWidget::mouseReleaseEvent(event);
    const int from = m_pressed;
    const QPoint at = event->position().toPoint();
    m_pressed = -1;
    if (!m_dragging) {
        report(m_editor->toggle(from), at);
    } else {
        m_dragging = false;
        const int to = tileAt(at);
        if (to >= 0 && to != from) {
            report(m_editor->move(from, to), at);
            m_focus = to;
        }
    }
    update();
}

void BlockStrip::keyPressEvent(QKeyEvent *event)
{
    const int n = int(m_editor->arrangement().size());
    if (n == 0)
        return QWidget::keyPressEvent(event);
    const bool control = event->modifiers() & Qt::ControlModifier;
    const QPoint site = tileRect(m_focus).center();
    switch (event->key()) {
    case Qt::Key_Space:
        report(m_editor->toggle(m_focus), site);
        break;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int next = std::clamp(m_focus + (event->key() == Qt::Key_Left ? -1 : 1), 0, n - 1);
        if (control) {
            const QString why = m_editor->move(m_focus, next);
            report(why, site);
            if (why.isEmpty())
                m_focus = next;
        } else {
            m_focus = next;
        }
        break;
    }
    default:
        return QWidget::keyPressEvent(event);
    }
    update();
}

// A refused edit: the reason at the place where it was tried, and to whoever listens.
void BlockStrip::report(const QString &reason, const QPoint &where)
{
    m_lastRefusal = reason;
    if (reason.isEmpty())
        return;
    QToolTip::showText(mapToGlobal(where), reason, this);
    Q_EMIT refused(reason);
}

} // namespace pathlens
