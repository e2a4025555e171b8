#include "blockstrip.h"

#include "arrangementeditor.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QRegularExpression>
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

// A unit's kind in few letters, for narrow tiles: attn, MLP, tokens, conv.
QString unitAbbreviation(const QString &unit)
{
    if (unit == QLatin1String("attention"))
        return QStringLiteral("attn");
    if (unit == QLatin1String("token mixing"))
        return QStringLiteral("tokens");
    if (unit == QLatin1String("convolution"))
        return QStringLiteral("conv");
    return unit;
}

} // namespace

BlockStrip::BlockStrip(ArrangementEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
{
    setFocusPolicy(Qt::StrongFocus);
    // Its height comes from the stage count and the font, never from the width or any label.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(editor, &ArrangementEditor::arrangementChanged, this, [this] {
        m_focus = std::min<int>(m_focus, std::max<int>(0, int(m_editor->arrangement().size()) - 1));
        if (m_anchor >= int(m_editor->arrangement().size()))
            m_anchor = -1;
        relayout();
    });
}

// The height a tile would like: two lines of text (index, output shape). Tiles are laid out
// from the widget's own size, never from the text of any label around it.
int BlockStrip::preferredTileHeight() const
{
    return QFontMetrics(font()).height() * 2 + 10;
}

int BlockStrip::stageCount() const
{
    const Arrangement &arrangement = m_editor->arrangement();
    const NetworkInfo &info = m_editor->network();
    int rows = 0, stage = -1;
    for (const Slot &slot : arrangement) {
        const int blockStage = info.blocks[slot.block].stage;
        if (blockStage != stage)
            ++rows;
        stage = blockStage;
    }
    return rows;
}

// One row per stage, every block of the network in view: tiles share the width equally (the
// longest stage sets the column count) and the rows share the height, with a cap so that a
// small network does not get huge tiles (and is centred). Hundreds of blocks give tiles a few pixels wide (a
// compact band without text), still clickable and draggable.
std::vector<QRect> BlockStrip::layoutFor(const QSize &area) const
{
    const Arrangement &arrangement = m_editor->arrangement();
    const NetworkInfo &info = m_editor->network();
    std::vector<int> rowOf;
    std::vector<int> columnOf;
    int rows = 0, columns = 0, column = 0, stage = -1;
    for (const Slot &slot : arrangement) {
        const int blockStage = info.blocks[slot.block].stage;
        if (blockStage != stage) {
            ++rows;
            column = 0;
        }
        stage = blockStage;
        rowOf.push_back(rows - 1);
        columnOf.push_back(column++);
        columns = std::max(columns, column);
    }
    std::vector<QRect> tiles;
    if (rows == 0)
        return tiles;
    const int usableWidth = std::max(1, area.width() - 2 * margin);
    const int usableHeight = std::max(1, area.height() - 2 * margin);
    // Narrow tiles get a narrow gap, so that a long stage still fits.
    int gapX = gap;
    if ((usableWidth - (columns - 1) * gapX) / columns < 16)
        gapX = 1;
    const int tileWidth = std::max(1, (usableWidth - (columns - 1) * gapX) / columns);
    const int gapY = rows > 1 ? std::min(gap * 2, std::max(1, usableHeight / (rows * 8))) : 0;
    const int tileHeight = std::clamp((usableHeight - (rows - 1) * gapY) / rows, 1, preferredTileHeight() * 2);
    const int width = std::min(tileWidth, std::max(tileHeight * 4, preferredTileHeight() * 4));
    // Centred where the tiles reach their widest: at 2560x1440 a ResNet-110's strip stopped at
    // x = 2130 and left 430 px empty on the right (issue 25).
    const int left = margin + (usableWidth - (columns * width + (columns - 1) * gapX)) / 2;
    for (size_t i = 0; i < rowOf.size(); ++i)
        tiles.emplace_back(left + columnOf[i] * (width + gapX), margin + rowOf[i] * (tileHeight + gapY), width, tileHeight);
    return tiles;
}

void BlockStrip::relayout()
{
    m_tiles = layoutFor(size());
    updateGeometry();
    update();
}

QSize BlockStrip::sizeHint() const
{
    const int rows = std::max(1, stageCount());
    return {800, rows * preferredTileHeight() + (rows - 1) * gap * 2 + 2 * margin};
}

// Small enough for 1024x700 with three or four stages, large enough for a 20 px target.
QSize BlockStrip::minimumSizeHint() const
{
    const int rows = std::max(1, stageCount());
    return {200, rows * 22 + (rows - 1) * 2 + 2 * margin};
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
    m_tiles = layoutFor(size());
}

void BlockStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Arrangement &arrangement = m_editor->arrangement();
    const NetworkInfo &info = m_editor->network();
    const QPalette &colours = palette();
    const QFontMetrics metrics(font());
    // Deleted tiles: the text colour at low alpha over the base colour keeps the contrast in
    // light and dark themes alike (Window.darker() vanished against a dark window). The label and
    // the cross nearly opaque: at alpha 150 over the fill, the dark theme's deleted labels had a
    // contrast of about 3:1 (issue 25); at 220 it is above 5:1 in both themes.
    QColor deletedFill = colours.color(QPalette::Text);
    deletedFill.setAlpha(80);
    QColor deletedText = colours.color(QPalette::Text);
    deletedText.setAlpha(220);
    for (size_t position = 0; position < m_tiles.size() && position < arrangement.size(); ++position) {
        const Slot &slot = arrangement[position];
        const BlockInfo &block = info.blocks[slot.block];
        const QRect tile = m_tiles[position];
        const bool moved = slot.block != int(position);
        const auto [selectedFirst, selectedLast] = selection();
        const bool selected = m_anchor >= 0 && int(position) >= selectedFirst && int(position) <= selectedLast;
        const bool focused = (position == size_t(m_focus) && hasFocus()) || selected;
        const bool compact = tile.width() < 14 || tile.height() < 14;
        const qreal radius = compact ? 1 : 4;
        painter.setPen(QPen(focused ? colours.color(QPalette::Highlight) : colours.color(QPalette::Mid),
                            focused ? 2.5 : compact ? 0.5 : 1.0));
        painter.setBrush(colours.color(QPalette::Base));
        painter.drawRoundedRect(QRectF(tile).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
        if (!slot.active) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(deletedFill);
            painter.drawRoundedRect(QRectF(tile).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
        }
        if (moved && compact) { // no room for bold text: a mark along the top edge instead
            painter.fillRect(QRect(tile.left(), tile.top(), tile.width(), std::max(2, tile.height() / 6)),
                             colours.color(QPalette::Highlight));
        }
        const QRect inner = tile.adjusted(2, 2, -2, -2);
        const QString title = QString::number(slot.block) + (block.downsampling ? QStringLiteral(" ↓") : QString());
        // A unit of a transformer layer says what it is (attention, MLP): its shape is the layer's.
        // Convolutional blocks show their shape, which tells the stages apart.
        const bool unitOfLayer = !block.unit.empty() && block.unit != "convolution" && block.unit != "other";
        QString detail = unitOfLayer ? QString::fromStdString(block.unit) : shapeText(block.outputShape);
        if (unitOfLayer && metrics.horizontalAdvance(detail) > inner.width()) // 24 units of a ViT-12 side by side
            detail = unitAbbreviation(detail);
        // Text only where it fits: index and shape (or unit), else the index, else nothing (the tooltip
        // still names the block).
        const bool twoLines = inner.height() >= metrics.height() * 2 && metrics.horizontalAdvance(detail) <= inner.width();
        const bool oneLine = inner.height() >= metrics.height() * 0.9 && metrics.horizontalAdvance(title) <= inner.width();
        painter.setPen(slot.active ? colours.color(QPalette::Text) : deletedText);
        QFont bold = font();
        bold.setBold(moved);
        painter.setFont(bold);
        if (twoLines) {
            painter.drawText(inner, Qt::AlignTop | Qt::AlignHCenter, title);
            painter.setFont(font());
            painter.drawText(inner, Qt::AlignBottom | Qt::AlignHCenter, detail);
        } else if (oneLine) {
            painter.drawText(inner, Qt::AlignCenter, title);
        } else {
            // A tile smaller than the text (large presentation fonts, many blocks): the index in a
            // font scaled down to fit, as long as it stays legible.
            const double scale = std::min(inner.height() / (metrics.height() * 0.95),
                                          inner.width() / double(std::max(1, metrics.horizontalAdvance(title))));
            QFont small = bold;
            small.setPointSizeF(std::max(1.0, bold.pointSizeF() * scale));
            if (QFontMetrics(small).height() >= 7) {
                painter.setFont(small);
                painter.drawText(inner, Qt::AlignCenter, title);
            }
        }
        painter.setFont(font());
        if (!slot.active) {
            painter.setPen(QPen(deletedText, compact ? 1.0 : 1.5));
            painter.drawLine(tile.bottomLeft() + QPoint(2, -2), tile.topRight() + QPoint(-2, 2));
        }
    }
    paintGroups(painter);
    if (m_dragging && m_pressed >= 0) {
        // Where the block would go, in the highlight colour; red with a cross where the drop
        // would be refused (before, nothing showed it until the drop, issue 25).
        const int target = tileAt(m_dragPoint);
        const bool refused = target >= 0 && !m_editor->whyNotMove(m_pressed, target).isEmpty();
        const QColor mark = refused ? QColor(200, 30, 30) : colours.color(QPalette::Highlight);
        if (target >= 0) {
            const QRect site = m_tiles[target];
            painter.setPen(QPen(mark, 3));
            const int x = target > m_pressed ? site.right() + gap / 2 : site.left() - gap / 2;
            painter.drawLine(x, site.top(), x, site.bottom());
            if (refused) {
                painter.drawLine(site.topLeft() + QPoint(3, 3), site.bottomRight() - QPoint(3, 3));
                painter.drawLine(site.topRight() + QPoint(-3, 3), site.bottomLeft() + QPoint(3, -3));
            }
        }
        QRect ghost = m_tiles[m_pressed];
        ghost.moveCenter(m_dragPoint);
        QColor highlight = mark;
        highlight.setAlpha(90);
        painter.setPen(Qt::NoPen);
        painter.setBrush(highlight);
        painter.drawRoundedRect(ghost, 4, 4);
    }
}

// A parallel group: a bar in the highlight colour just below its tiles and across the gaps
// between them, solid where the branches are summed, dashed where they are averaged (the tooltip
// says which). Inside the tiles it was hidden by the selection's outline and crowded the labels.
void BlockStrip::paintGroups(QPainter &painter) const
{
    const Arrangement &arrangement = m_editor->arrangement();
    const int n = std::min<int>(int(arrangement.size()), int(m_tiles.size()));
    for (int first = 0; first < n; ++first) {
        const auto [groupFirst, last] = m_editor->groupAround(first);
        if (groupFirst != first || last == first)
            continue;
        QPen pen(palette().color(QPalette::Highlight), 3, arrangement[size_t(first + 1)].join == Join::Mean ? Qt::DashLine : Qt::SolidLine,
                 Qt::FlatCap);
        painter.setPen(pen);
        int rowStart = first;
        for (int position = first; position <= last && position < n; ++position) {
            const bool rowEnds = position == last || position + 1 >= n
                                 || m_tiles[size_t(position + 1)].top() != m_tiles[size_t(position)].top();
            if (!rowEnds)
                continue;
            const int y = m_tiles[size_t(position)].bottom() + 3;
            painter.drawLine(m_tiles[size_t(rowStart)].left() + 1, y, m_tiles[size_t(position)].right() - 1, y);
            rowStart = position + 1;
        }
        first = last;
    }
}

std::pair<int, int> BlockStrip::selection() const
{
    if (m_anchor < 0)
        return {m_focus, m_focus};
    return {std::min(m_anchor, m_focus), std::max(m_anchor, m_focus)};
}

// Space, or a click without a drag: the whole selected span is deleted (restored when every block
// of it is deleted already); without a span, the focused block is toggled.
void BlockStrip::toggleSelection(const QPoint &where)
{
    const auto [first, last] = selection();
    if (m_anchor < 0 || first == last)
        return report(m_editor->toggle(first), where);
    bool anyActive = false;
    for (int i = first; i <= last; ++i)
        anyActive = anyActive || m_editor->arrangement()[size_t(i)].active;
    report(m_editor->setSpanActive(first, last, !anyActive), where);
}

void BlockStrip::contextMenuEvent(QContextMenuEvent *event)
{
    const int position = event->reason() == QContextMenuEvent::Mouse ? tileAt(event->pos()) : m_focus;
    if (position < 0)
        return;
    auto [first, last] = selection();
    if (m_anchor < 0 || position < first || position > last) { // outside the span: the clicked tile
        m_anchor = -1;
        m_focus = position;
        first = last = position;
        update();
    }
    const Arrangement &arrangement = m_editor->arrangement();
    const int a = arrangement[size_t(first)].block;
    const int b = arrangement[size_t(last)].block;
    const QString span = first == last ? tr("block %1").arg(a) : tr("blocks %1–%2").arg(a).arg(b);
    bool anyActive = false, anyDeleted = false, grouped = false;
    for (int i = first; i <= last; ++i) {
        anyActive = anyActive || arrangement[size_t(i)].active;
        anyDeleted = anyDeleted || !arrangement[size_t(i)].active;
        const auto group = m_editor->groupAround(i);
        grouped = grouped || group.first != group.second;
    }
    const QPoint site = tileRect(first).center();
    QMenu menu(this);
    menu.addAction(tr("Delete %1").arg(span), this, [=] { report(m_editor->setSpanActive(first, last, false), site); })
        ->setEnabled(anyActive);
    menu.addAction(tr("Restore %1").arg(span), this, [=] { report(m_editor->setSpanActive(first, last, true), site); })
        ->setEnabled(anyDeleted);
    menu.addSeparator();
    menu.addAction(tr("Run %1 in parallel, branches summed\tP").arg(span), this,
                   [=] { report(m_editor->runInParallel(first, last, Join::Sum), site); })
        ->setEnabled(first < last);
    menu.addAction(tr("Run %1 in parallel, branches averaged\tM").arg(span), this,
                   [=] { report(m_editor->runInParallel(first, last, Join::Mean), site); })
        ->setEnabled(first < last);
    menu.addAction(tr("Run in sequence again\tS"), this, [=] { report(m_editor->runInSequence(first, last), site); })
        ->setEnabled(grouped);
    menu.addAction(tr("Reverse %1\tR").arg(span), this, [=] { report(m_editor->reverseSpan(first, last), site); })
        ->setEnabled(first < last && !grouped);
    if (first == last)
        menu.addSection(tr("Shift+click another block to select a span"));
    menu.exec(event->globalPos());
}

void BlockStrip::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)) {
        // Shift+click: the first one starts a span at this block, the next ones extend it to theirs;
        // nothing is toggled.
        const int position = tileAt(event->position().toPoint());
        if (position >= 0) {
            if (m_anchor < 0)
                m_anchor = position;
            m_focus = position;
            m_pressed = -1;
            update();
        }
        return;
    }
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressed = tileAt(event->position().toPoint());
    m_pressPoint = event->position().toPoint();
    m_dragging = false;
    // A press outside the selected span ends it here, before the focus moves: the release then
    // toggles the pressed block alone (the span once stretched to it, and a click deleted 13 units).
    const auto [first, last] = selection();
    if (m_anchor >= 0 && (m_pressed < first || m_pressed > last))
        m_anchor = -1;
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
        m_focus = from;
        toggleSelection(at);
    } else {
        m_anchor = -1;
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
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const QPoint site = tileRect(m_focus).center();
    const auto [first, last] = selection();
    switch (event->key()) {
    case Qt::Key_Space:
        toggleSelection(site);
        break;
    case Qt::Key_P:
    case Qt::Key_M:
        report(m_editor->runInParallel(first, last, event->key() == Qt::Key_P ? Join::Sum : Join::Mean), site);
        break;
    case Qt::Key_S:
        report(m_editor->runInSequence(first, last), site);
        break;
    case Qt::Key_R:
        report(m_editor->reverseSpan(first, last), site);
        break;
    case Qt::Key_Escape:
        if (m_anchor < 0)
            return QWidget::keyPressEvent(event); // Esc also leaves presentation mode
        m_anchor = -1;
        break;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int next = std::clamp(m_focus + (event->key() == Qt::Key_Left ? -1 : 1), 0, n - 1);
        if (shift && !control) {
            if (m_anchor < 0)
                m_anchor = m_focus;
            m_focus = next;
        } else if (control) {
            m_anchor = -1;
            const QString why = m_editor->move(m_focus, next);
            report(why, site);
            if (why.isEmpty())
                m_focus = next;
        } else {
            m_anchor = -1;
            m_focus = next;
        }
        break;
    }
    default:
        return QWidget::keyPressEvent(event);
    }
    update();
}

bool BlockStrip::event(QEvent *event)
{
    // Esc ends a selected span before any window shortcut on Esc (presentation mode) sees it.
    if (event->type() == QEvent::ShortcutOverride && m_anchor >= 0
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int position = tileAt(help->pos());
        if (position >= 0) {
            const Slot &slot = m_editor->arrangement()[size_t(position)];
            const BlockInfo &block = m_editor->network().blocks[size_t(slot.block)];
            QString text = tr("Block %1 (%2), stage %3, output %4").arg(slot.block).arg(QString::fromStdString(block.name)).arg(block.stage).arg(shapeText(block.outputShape));
            if (block.downsampling)
                text += tr(", downsampling");
            if (!block.link.empty())
                text += tr(", after the fixed link %1").arg(QString::fromStdString(block.link));
            if (!slot.active)
                text += tr(", deleted");
            const auto [groupFirst, groupLast] = m_editor->groupAround(position);
            if (groupFirst != groupLast)
                text += (m_editor->arrangement()[size_t(groupFirst + 1)].join == Join::Mean
                             ? tr(", runs in parallel with positions %1–%2 (mean of the branches)")
                             : tr(", runs in parallel with positions %1–%2 (sum of the branches)"))
                            .arg(groupFirst)
                            .arg(groupLast);
            if (!block.unit.empty())
                text += tr(", %1 unit").arg(QString::fromStdString(block.unit));
            QToolTip::showText(help->globalPos(), text, this, m_tiles[size_t(position)]);
            return true;
        }
    }
    return QWidget::event(event);
}

// A refused edit: the reason at the place where it was tried, and to whoever listens.
void BlockStrip::report(const QString &reason, const QPoint &where)
{
    m_lastRefusal = reason;
    if (reason.isEmpty())
        return;
    // At the mouse the whole reason without module names, in lines of about 40 characters, for
    // 3 s: on one line it covered ten tiles for seconds, and cut at 60 characters it said
    // "... and cannot move …" (issue 25). The status line, which listens, shows all of it.
    QString hint = reason;
    hint.remove(QRegularExpression(QStringLiteral(" \\([^)]*\\)")));
    QStringList lines{QString()};
    for (const QString &word : hint.split(QLatin1Char(' '))) {
        if (!lines.last().isEmpty() && lines.last().size() + 1 + word.size() > 40)
            lines << QString();
        lines.last() += (lines.last().isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    QToolTip::showText(mapToGlobal(where), lines.join(QLatin1Char('\n')), this, {}, 3000);
    Q_EMIT refused(reason);
}

} // namespace pathlens
