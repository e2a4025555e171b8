#include "pathgraph.h"

#include "error.h"
#include "paths.h"
#include "safefile.h"

#include <QBuffer>
#include <QComboBox>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QStandardItemModel>
#include <QSpinBox>
#include <QSvgGenerator>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <array>
#include <bitset>
#include <cmath>
#include <functional>

namespace pathlens {
namespace {

// Wheel zooms around the cursor; dragging pans.
// Zooms with the wheel; until the user has zoomed, it keeps the whole graph fitted as it is resized.
class ZoomingView final : public QGraphicsView
{
public:
    using QGraphicsView::QGraphicsView;
    bool userZoomed = false;
    std::function<void()> refit;

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        const double factor = std::pow(1.0015, event->angleDelta().y());
        setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
        scale(factor, factor);
        userZoomed = true;
    }
    void resizeEvent(QResizeEvent *event) override
    {
        QGraphicsView::resizeEvent(event);
        if (!userZoomed && refit)
            refit();
    }
};

QColor lengthColour(int k, int maxLength, const QPalette &palette)
{
    // Dark blue (short) to orange (long): distinct in hue and in lightness, so grey-scale prints keep
    // it. On a dark background light blue to orange: the dark blue of length 0 all but vanished there.
    const double t = maxLength > 0 ? double(k) / maxLength : 0.0;
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsvF(0.62 - 0.55 * t, dark ? 0.6 : 0.85, dark ? 0.85 + 0.15 * t : 0.45 + 0.45 * t);
}

int pathLength(unsigned mask) // residual branches taken
{
    return int(std::bitset<32>(mask).count());
}

QString countText(double count)
{
    return count < 1e9 ? QLocale().toString(qint64(std::llround(count))) : QString::number(count, 'g', 4);
}

} // namespace

PathGraph::PathGraph(QWidget *parent)
    : QWidget(parent)
    , m_scene(new QGraphicsScene(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *controls = new QHBoxLayout;
    m_modeBox = new QComboBox(this);
    // Short item texts, the long ones as tooltips: at 1024x700 the boxes get about 14 characters,
    // and "Unraveled (window of blocks)" showed as "Unraveled (wir".
    m_modeBox->addItem(tr("Unraveled"));
    m_modeBox->setItemData(0, tr("Unraveled (window of blocks)"), Qt::ToolTipRole);
    m_modeBox->addItem(tr("Lattice"));
    m_modeBox->setItemData(1, tr("Lattice (whole network, by length)"), Qt::ToolTipRole);
    m_modeBox->setToolTip(tr("Unraveled: every path through a window of blocks. Lattice: the whole network, paths "
                             "grouped by length"));
    m_first = new QSpinBox(this);
    m_first->setPrefix(tr("from slot "));
    m_size = new QSpinBox(this);
    m_size->setRange(1, 6);
    m_size->setValue(3);
    m_size->setPrefix(tr("window "));
    m_widthBox = new QComboBox(this);
    m_widthBox->addItem(tr("By paths"));
    m_widthBox->setItemData(0, tr("Width by number of paths"), Qt::ToolTipRole);
    m_widthBox->addItem(tr("By gradient"));
    m_widthBox->setItemData(1, tr("Width by gradient mass"), Qt::ToolTipRole);
    m_widthBox->setToolTip(tr("Edge width by the number of paths or by gradient mass; gradient mass needs the gradients "
                              "measured for the current arrangement (Gradients tab)"));
    auto *fitButton = new QPushButton(tr("Fit"), this);
    // The combo boxes shrink (their text elided) instead of setting the window's minimum width:
    // the whole row once needed 711 px, more than the left panel gets at 1024x700.
    for (QComboBox *box : {m_modeBox, m_widthBox}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    controls->addWidget(m_modeBox);
    controls->addWidget(m_first);
    controls->addWidget(m_size);
    controls->addWidget(m_widthBox);
    controls->addStretch(1);
    controls->addWidget(fitButton);
    auto *view = new ZoomingView(m_scene, this);
    view->refit = [this] { fit(); };
    m_view = view;
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    m_view->setRenderHint(QPainter::Antialiasing);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);

    connect(m_modeBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setMode(index == 0 ? Mode::Unraveled : Mode::Lattice); });
    connect(m_first, &QSpinBox::valueChanged, this, [this] { redraw(); });
    connect(m_size, &QSpinBox::valueChanged, this, [this] { redraw(); });
    connect(m_widthBox, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(fitButton, &QPushButton::clicked, this, &PathGraph::fit);
    m_widthBox->setEnabled(false); // the Unraveled view comes first
    setGradientMagnitudes({});
}

void PathGraph::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        redraw(); // the scene's colours come from the palette
    QWidget::changeEvent(event);
}

void PathGraph::setGradientMagnitudes(const std::vector<double> &perLength)
{
    m_gradient = perLength;
    if (perLength.empty())
        m_widthBox->setCurrentIndex(0);
    // "Width by gradient mass" can be chosen only once there are gradients to draw with.
    if (auto *items = qobject_cast<QStandardItemModel *>(m_widthBox->model()))
        if (QStandardItem *item = items->item(1))
            item->setEnabled(!perLength.empty());
    redraw();
}

bool PathGraph::widthByGradient() const
{
    return m_widthBox->currentIndex() == 1 && int(m_gradient.size()) == activeCount(m_arrangement) + 1;
}

void PathGraph::setWidthByGradient(bool on)
{
    m_widthBox->setCurrentIndex(on ? 1 : 0);
}

void PathGraph::setNetwork(const NetworkInfo &info)
{
    m_info = info;
    m_arrangement = identityArrangement(int(info.blocks.size()));
    m_first->setRange(0, std::max(0, int(info.blocks.size()) - 1));
    redraw();
    fit();
}

void PathGraph::setArrangement(const Arrangement &arrangement)
{
    m_arrangement = arrangement;
    redraw();
}

void PathGraph::setMode(Mode mode)
{
    // Each view keeps its own zoom: the unraveled window and the lattice differ in size by far.
    auto *view = static_cast<ZoomingView *>(m_view);
    const int from = m_mode == Mode::Unraveled ? 0 : 1;
    const int to = mode == Mode::Unraveled ? 0 : 1;
    m_zoom[from] = view->userZoomed ? std::optional<QTransform>(m_view->transform()) : std::nullopt;
    m_mode = mode;
    const QSignalBlocker blocker(m_modeBox);
    m_modeBox->setCurrentIndex(mode == Mode::Unraveled ? 0 : 1);
    m_first->setEnabled(mode == Mode::Unraveled);
    m_size->setEnabled(mode == Mode::Unraveled);
    m_widthBox->setEnabled(mode == Mode::Lattice);
    redraw();
    if (m_zoom[to]) {
        m_view->setTransform(*m_zoom[to]);
        view->userZoomed = true;
    } else {
        fit();
    }
}

int PathGraph::windowFirst() const
{
    return m_first->value();
}

int PathGraph::windowSize() const
{
    return m_size->value();
}

void PathGraph::setWindow(int firstSlot, int size)
{
    m_first->setValue(firstSlot);
    m_size->setValue(size);
}

QString PathGraph::modeName() const
{
    return m_mode == Mode::Unraveled ? QStringLiteral("unraveled") : QStringLiteral("lattice");
}

void PathGraph::setModeName(const QString &name)
{
    if (name == QLatin1String("unraveled"))
        setMode(Mode::Unraveled);
    else if (name == QLatin1String("lattice"))
        setMode(Mode::Lattice);
}

void PathGraph::fit()
{
    static_cast<ZoomingView *>(m_view)->userZoomed = false;
    m_view->fitInView(m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10), Qt::KeepAspectRatio);
}

void PathGraph::redraw()
{
    m_scene->clear();
    m_drawnPaths = 0;
    if (m_arrangement.empty())
        return;
    if (m_mode == Mode::Unraveled)
        drawUnraveled();
    else
        drawLattice();
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10));
}

// The window position (0-based within the window starting at slot `first`) where the parallel
// group holding window position j starts; 0 when it starts before the window.
int PathGraph::groupStartInWindow(int first, int j) const
{
    while (j > 0 && m_arrangement[size_t(first + j)].join != Join::Chain)
        --j;
    return j;
}

// One row per path through the window: it passes each slot either through the residual branch
// (a box) or along the shortcut (a straight line). Rows sorted by length.
void PathGraph::drawUnraveled()
{
    const int n = int(m_arrangement.size());
    const int first = std::min(m_first->value(), n - 1);
    const int w = std::min(m_size->value(), n - first);
    const double columnWidth = 90, rowHeight = 24, boxWidth = 56, boxHeight = 16, left = 60;
    const QFont font = this->font();
    const QColor text = palette().color(QPalette::Text);
    const QPen line(text, 1.2);
    const QColor boxFill = palette().color(QPalette::Base);
    const QColor grey = palette().color(QPalette::PlaceholderText);

    // Header: the blocks of the window, "(deleted)" on a line of its own: on one line "block 27
    // (deleted)" is wider than a column and ran into its neighbours' names (issue 25).
    for (int j = 0; j < w; ++j) {
        const Slot &slot = m_arrangement[first + j];
        QStringList lines{tr("block %1").arg(slot.block)};
        if (slot.join != Join::Chain)
            lines[0] = QStringLiteral("∥ ") + lines[0]; // runs in parallel with the block before it
        if (!slot.active)
            lines << tr("(deleted)");
        double y = -rowHeight * 1.4;
        for (auto line = lines.crbegin(); line != lines.crend(); ++line) {
            auto *label = m_scene->addSimpleText(*line, font);
            label->setBrush(slot.active ? text : grey);
            y -= line == lines.crbegin() ? 0 : label->boundingRect().height();
            label->setPos(left + columnWidth * (j + 0.5) - label->boundingRect().width() / 2, y);
        }
    }

    std::vector<unsigned> masks;
    for (unsigned mask = 0; mask < (1u << w); ++mask) {
        bool usesDeleted = false;
        bool skipsActive = false;
        bool twoOfAGroup = false; // a path passes at most one branch of a parallel group
        for (int j = 0; j < w; ++j) {
            usesDeleted |= (mask >> j & 1u) && !m_arrangement[first + j].active;
            skipsActive |= !(mask >> j & 1u) && m_arrangement[first + j].active;
            twoOfAGroup |= j > 0 && (mask >> j & 1u) && m_arrangement[first + j].join != Join::Chain
                           && (mask & ((1u << j) - 1u)) >> groupStartInWindow(first, j) != 0;
        }
        // A plain network has no shortcuts: its one path takes every layer that is not deleted.
        if (!usesDeleted && !twoOfAGroup && !(m_info.plain && skipsActive))
            masks.push_back(mask);
    }
    std::stable_sort(masks.begin(), masks.end(),
                     [](unsigned a, unsigned b) { return pathLength(a) < pathLength(b); });
    const double right = left + columnWidth * w;
    for (size_t row = 0; row < masks.size(); ++row) {
        const unsigned mask = masks[row];
        const double y = rowHeight * double(row);
        const QColor colour = lengthColour(pathLength(mask), w, palette());
        m_scene->addLine(left - 30, y, right + 10, y, QPen(colour, 1.6));
        for (int j = 0; j < w; ++j) {
            if (!(mask >> j & 1u))
                continue;
            const double x = left + columnWidth * (j + 0.5) - boxWidth / 2;
            m_scene->addRect(x, y - boxHeight / 2, boxWidth, boxHeight, QPen(colour, 1.4), boxFill);
            auto *name = m_scene->addSimpleText(QStringLiteral("f%1").arg(m_arrangement[first + j].block), font);
            name->setBrush(text);
            name->setPos(x + (boxWidth - name->boundingRect().width()) / 2, y - name->boundingRect().height() / 2);
        }
        auto *length = m_scene->addSimpleText(tr("length %1").arg(pathLength(mask)), font);
        length->setBrush(text);
        length->setPos(right + 16, y - length->boundingRect().height() / 2);
    }
    // Input and sum nodes that all paths leave from and meet at.
    const double bottom = rowHeight * double(std::max<size_t>(1, masks.size()) - 1);
    m_scene->addLine(left - 30, 0, left - 30, bottom, line);
    m_scene->addLine(right + 10, 0, right + 10, bottom, line);
    auto *input = m_scene->addSimpleText(tr("input of slot %1").arg(first), font);
    input->setBrush(text);
    input->setPos(left - 30 - input->boundingRect().width() / 2, bottom + rowHeight * 0.6);
    auto *sum = m_scene->addSimpleText(m_info.plain ? tr("output of slot %1").arg(first + w - 1)
                                                    : tr("sum after slot %1").arg(first + w - 1), font);
    sum->setBrush(text);
    sum->setPos(right + 10 - sum->boundingRect().width() / 2, bottom + rowHeight * 0.6);
    m_drawnPaths = int(masks.size());
}

// Node (i, k): after the first i slots, k residual branches taken; C(a_i, k) partial paths reach
// it, a_i being the active blocks among those slots. The paths along an edge out of (i, k) that
// end with length L number C(a_i, k) * C(r, L - k'), where k' is k or k + 1 at the edge's end and r
// the active blocks after slot i. An edge's weight sums them over L, each path counted once (width
// by paths) or by the measured gradient magnitude of its length (width by gradient mass, the
// paper's Section 5); its width shows the weight relative to the heaviest edge of its column.
void PathGraph::drawLattice()
{
    // Columns: a slot, or a parallel group of slots (DESIGN.md section 3) with m active branches
    // (m = 0 for a deleted block): a path passes a column along the shortcut or through exactly one
    // of its branches, so the counts are the coefficients of prod (1 + m z) (core's groupedPathCounts;
    // binomial coefficients when every m is 0 or 1).
    struct Column
    {
        int first;
        int last;
        int branches;
    };
    std::vector<Column> columns;
    for (int slot = 0; slot < int(m_arrangement.size()); ++slot) {
        const int branch = m_arrangement[slot].active ? 1 : 0;
        if (m_arrangement[slot].join != Join::Chain && !columns.empty()) {
            columns.back().last = slot;
            columns.back().branches += branch;
        } else {
            columns.push_back({slot, slot, branch});
        }
    }
    const int n = int(columns.size());
    std::vector<int> sizes;
    std::vector<int> reachBefore{0}; // the longest path after the first i columns
    bool grouped = false;
    double allPaths = 1;
    for (const Column &column : columns) {
        sizes.push_back(column.branches);
        reachBefore.push_back(reachBefore.back() + (column.branches > 0 ? 1 : 0));
        grouped = grouped || column.last > column.first;
        allPaths *= 1 + column.branches;
    }
    auto countsOf = [&](int from, int to) {
        return groupedPathCounts(std::vector<int>(sizes.begin() + from, sizes.begin() + to));
    };
    auto slotsBefore = [&](int column) { return column < n ? columns[size_t(column)].first : int(m_arrangement.size()); };
    const int total = reachBefore.back();
    const double dx = 26, dy = 9;
    // The gradient per length was measured on an arrangement without groups (gradients refuse them).
    const bool byGradient = widthByGradient() && !grouped;

    for (int i = 0; i < n; ++i) {
        const Column &column = columns[size_t(i)];
        const int a = reachBefore[size_t(i)];
        const bool active = column.branches > 0;
        const int after = total - reachBefore[size_t(i) + 1];
        const auto counts = countsOf(0, i);
        const auto rest = countsOf(i + 1, n);
        double restPaths = 0;
        for (double count : rest)
            restPaths += count;
        const bool group = column.last > column.first;
        const int block = m_arrangement[size_t(column.first)].block;
        // weight[k][residual]
        std::vector<std::array<double, 2>> weight(size_t(a + 1), {0, 0});
        double heaviest = 0;
        for (int k = 0; k <= a; ++k)
            for (int residual = 0; residual <= (active ? 1 : 0); ++residual) {
                double sum = 0;
                for (int j = 0; j <= after; ++j)
                    sum += rest[size_t(j)] * (byGradient ? m_gradient[size_t(k + residual + j)] : 1.0);
                weight[size_t(k)][size_t(residual)] = counts[size_t(k)] * (residual ? column.branches : 1) * sum;
                heaviest = std::max(heaviest, weight[size_t(k)][size_t(residual)]);
            }
        auto pen = [&](int k, int residual) {
            return QPen(lengthColour(k, total, palette()), 0.3 + 4.5 * (heaviest > 0 ? weight[size_t(k)][size_t(residual)] / heaviest : 0));
        };
        auto share = [&](int k, int residual) {
            return 100 * counts[size_t(k)] * (residual ? column.branches : 1) * restPaths / allPaths;
        };
        for (int k = 0; k <= a; ++k) {
            if (m_info.plain && k != a)
                continue; // no shortcuts: the one path has taken every layer before slot i
            const QPointF from(dx * i, dy * k);
            if (m_info.plain) {
                auto *edge = m_scene->addLine(QLineF(from, QPointF(dx * (i + 1), dy * (active ? k + 1 : k))), pen(k, active));
                edge->setToolTip(active ? tr("layer of slot %1 (block %2): the only path").arg(i).arg(block)
                                        : tr("slot %1 (block %2) deleted: the identity in its place").arg(i).arg(block));
                continue;
            }
            auto *skip = m_scene->addLine(QLineF(from, QPointF(dx * (i + 1), dy * k)), pen(k, 0));
            skip->setToolTip(group ? tr("shortcut of the parallel group of slots %1–%2: %3% of all paths")
                                         .arg(column.first).arg(column.last).arg(share(k, 0), 0, 'g', 3)
                                   : tr("shortcut of slot %1 (block %2): %3% of all paths")
                                         .arg(column.first).arg(block).arg(share(k, 0), 0, 'g', 3));
            if (active) {
                auto *residual = m_scene->addLine(QLineF(from, QPointF(dx * (i + 1), dy * (k + 1))), pen(k, 1));
                residual->setToolTip(group ? tr("one of the %1 branches of slots %2–%3, run in parallel: %4% of all paths")
                                                 .arg(column.branches).arg(column.first).arg(column.last).arg(share(k, 1), 0, 'g', 3)
                                           : tr("residual branch of slot %1 (block %2): %3% of all paths")
                                                 .arg(column.first).arg(block).arg(share(k, 1), 0, 'g', 3));
            }
        }
        if (group) { // the group's slots, above the column
            auto *bracket = m_scene->addLine(dx * i + 2, -dy * 0.6, dx * (i + 1) - 2, -dy * 0.6,
                                             QPen(palette().color(QPalette::Highlight), 3));
            bracket->setToolTip(tr("slots %1–%2 run in parallel: %3 active branches on the same input")
                                    .arg(column.first).arg(column.last).arg(column.branches));
        }
        if (!active && !m_info.plain) {
            auto *mark = m_scene->addLine(dx * (i + 0.5), -dy, dx * (i + 0.5), dy * (a + 1),
                                          QPen(palette().color(QPalette::PlaceholderText), 1, Qt::DashLine));
            mark->setToolTip(group ? tr("every block of slots %1–%2 deleted: only the shortcut remains").arg(column.first).arg(column.last)
                                   : tr("block %1 deleted: only its shortcut remains").arg(block));
        }
    }
    // Nodes last, on top, each with its count.
    for (int i = 0; i <= n; ++i) {
        const int a = reachBefore[size_t(i)];
        const auto counts = countsOf(0, i);
        for (int k = 0; k <= a; ++k) {
            if (m_info.plain && k != a)
                continue;
            auto *node = m_scene->addEllipse(dx * i - 2, dy * k - 2, 4, 4, Qt::NoPen, lengthColour(k, total, palette()));
            node->setToolTip(tr("after %1 slots, %2 residual branches taken: %3 paths")
                                 .arg(slotsBefore(i)).arg(k).arg(countText(counts[size_t(k)])));
        }
    }
    // Axes and caption in type sized to the lattice, which the view shrinks to fit: in the
    // window's own type the caption was about 4 px tall on screen (issue 25).
    QFont type = font();
    type.setPixelSize(std::max(10, int(dx * std::max(n, 1) / 45)));
    const QColor ink = palette().color(QPalette::Text);
    auto text = [&](const QString &words, const QPointF &at, Qt::Alignment alignment) {
        auto *item = m_scene->addSimpleText(words, type);
        item->setBrush(ink);
        const QRectF box = item->boundingRect();
        item->setPos(at.x() - (alignment & Qt::AlignRight ? box.width() : alignment & Qt::AlignHCenter ? box.width() / 2 : 0),
                     at.y() - (alignment & Qt::AlignBottom ? box.height() : alignment & Qt::AlignVCenter ? box.height() / 2 : 0));
        return item;
    };
    const double gap = type.pixelSize() * 0.4;
    const int slotStep = n > 20 ? 10 : n > 8 ? 5 : 1;
    for (int i = 0; i <= n; i += slotStep)
        text(QString::number(slotsBefore(i)), QPointF(dx * i, -dy - gap), Qt::AlignHCenter | Qt::AlignBottom);
    text(tr("slots →"), QPointF(dx * n, -dy - gap - type.pixelSize() * 1.4), Qt::AlignRight | Qt::AlignBottom);
    const int lengthStep = total > 20 ? 10 : total > 8 ? 5 : 1;
    for (int k = 0; k <= total; k += lengthStep)
        text(QString::number(k), QPointF(-gap, dy * k), Qt::AlignRight | Qt::AlignVCenter);
    // Clear of the slot axis's "0", centred on the first column (they touched: a new user's trial).
    text(tr("path length ↓"), QPointF(-gap - type.pixelSize(), -dy - gap), Qt::AlignRight | Qt::AlignBottom);
    text(m_info.plain ? tr("plain network, no shortcuts: one path, through its %1 layers that are not deleted").arg(total)
         : grouped ? tr("%1 active blocks, some in parallel groups: %2 paths, each through at most one branch of a group; "
                        "down = longer paths; width = number of paths")
                         .arg(activeCount(m_arrangement))
                         .arg(countText(allPaths))
         : (byGradient ? tr("%1 active blocks: 2^%1 = %2 paths; down = longer paths; width = gradient mass")
                       : tr("%1 active blocks: 2^%1 = %2 paths; down = longer paths; width = number of paths"))
               .arg(total)
               .arg(countText(allPaths)),
         QPointF(0, dy * total + 2 * gap), Qt::AlignLeft | Qt::AlignTop);
}

void PathGraph::exportTo(const QString &path) const
{
    const QRectF source = m_scene->sceneRect();
    const QString suffix = QFileInfo(path).suffix().toLower();
    // Drawn into memory, then written by core's writeFileSafely: a device or FIFO is written
    // into, never replaced, and a failed write keeps the old file.
    QByteArray bytes;
    QBuffer file(&bytes);
    file.open(QIODevice::WriteOnly);
    if (suffix == QLatin1String("png")) {
        QImage image((source.size() * 2).toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
        painter.end();
        image.save(&file, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(QStringLiteral("pathlens path graph"));
        QPainter painter(&svg);
        m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(source.size(), QPageSize::Point));
        pdf.setPageMargins(QMarginsF());
        pdf.setResolution(72);
        QPainter painter(&pdf);
        m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    } else {
        throw Error(path.toStdString() + ": unknown format '" + suffix.toStdString() + "' (use .pdf, .svg or .png)");
    }
    // The painters and QPdfWriter of the branches above are gone: the bytes are complete.
    file.close();
    writeFileSafely(path.toStdString(), bytes.toStdString());
}

} // namespace pathlens
