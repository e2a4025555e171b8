#include "windowlayout.h"
#include "networkpanel.h"

#include "accuracypanel.h"
#include "liveplots.h"

#include <QApplication>
#include <QPointer>
#include <QScopeGuard>
#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>
#include <QTimer>
#include <QSettings>
#include <QVBoxLayout>

namespace pathlens {

// Their geometry depends on the window and the fonts only, never on the text of a label.
WindowLayout::WindowLayout(QMainWindow *window, AccuracyPanel *accuracy, QWidget *strip, NetworkPanel *networkPanel,
                           LivePlots *plots)
    : QObject(window)
    , m_window(window)
    , m_plots(plots)
    , m_networkPanel(networkPanel)
    , m_accuracy(accuracy)
    , m_strip(strip)
{
    auto *blocksPanel = new QWidget(window);
    auto *layout = new QVBoxLayout(blocksPanel);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(2);
    layout->addWidget(accuracy);
    layout->addWidget(strip, 1);
    // The block strip across the top (full width, so every tile has room), the path graph and
    // block table on the left, the plots in the middle.
    m_blocksDock = addPanel(blocksPanel, tr("Blocks"), QStringLiteral("blocksDock"), Qt::TopDockWidgetArea);
    m_networkDock = addPanel(networkPanel, tr("Network"), QStringLiteral("graphDock"), Qt::LeftDockWidgetArea);
    window->setCentralWidget(plots);
    window->installEventFilter(this);
}

void WindowLayout::fitBlocksDock()
{
    m_window->resizeDocks({m_blocksDock}, {m_blocksDock->sizeHint().height()}, Qt::Vertical);
}

bool WindowLayout::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Resize && m_fitBlocksOnResize) {
        m_fitBlocksOnResize = false;
        QTimer::singleShot(0, this, &WindowLayout::fitBlocksDock); // after the main window's own layout
    }
    return QObject::eventFilter(watched, event);
}

QDockWidget *WindowLayout::addPanel(QWidget *content, const QString &title, const QString &name, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, m_window);
    dock->setObjectName(name); // the key of its place in the saved layout
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    dock->setWidget(content);
    m_window->addDockWidget(area, dock);
    return dock;
}

void WindowLayout::restore()
{
    QSettings settings;
    m_window->restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_window->restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    fitToScreen(); // a geometry saved on a larger screen (or, before, one widened by a measurement)
}

void WindowLayout::fitToScreen()
{
    const QScreen *screen = m_window->screen();
    if (!screen || m_window->isFullScreen())
        return;
    const QRect available = screen->availableGeometry();
    if (!m_window->isVisible()) {
        // Not framed yet (a restored geometry, before show): restoreGeometry has already fitted the
        // saved frame, whose margins it keeps, into the screen. Guessing the frame here instead
        // moved a window that fitted to the screen's corner, its title bar above the screen
        // (openbox at 1024x700; tests/widgets/window_manager.sh). Left: a window larger than it.
        if (available.size().expandedTo(m_window->size()) == available.size())
            return;
        const QSize decoration = frameAllowance();
        const int border = decoration.width() / 2;
        m_window->resize(m_window->size().boundedTo(available.size() - decoration));
        m_window->move(available.topLeft() + QPoint(border, decoration.height() - border));
        return;
    }
    const QSize decoration = m_window->frameGeometry().size() - m_window->size();
    if (available.contains(QRect(m_window->frameGeometry().topLeft(), m_window->size() + decoration)))
        return;
    m_window->resize(m_window->size().boundedTo(available.size() - decoration));
    m_window->move(available.topLeft());
}

void WindowLayout::save() const
{
    QSettings settings;
    // The geometry to come back to: in presentation mode, the one before it.
    settings.setValue(QStringLiteral("window/geometry"), m_presenting ? m_normalGeometry : m_window->saveGeometry());
    settings.setValue(QStringLiteral("window/state"), m_presenting ? m_normalState : m_window->saveState());
}

void WindowLayout::setLecture(bool on)
{
    const bool changed = on != m_lecture;
    m_lecture = on;
    m_networkDock->setVisible(!on);
    m_plots->setSingleFigure(on);
    if (!changed)
        return;
    // Both ways: left during a tour step in presentation mode, the strip kept the height the
    // lecture layout had given it beside the accuracy plot, one row of 22 px tiles without their
    // "attn"/"MLP" (issue 25). Again when the window has its new size (full screen comes later,
    // from the window manager): the main window gives the docks' heights out anew then.
    fitBlocksDock();
    m_fitBlocksOnResize = true;
}

double WindowLayout::presentationScale(const QSize &screen)
{
    // Measured with the bundled ResNet-110 (tst_layout::presentationFitsTheScreen): at 1.5 the
    // 18 tiles of a stage and the accuracy line need about 1300 px.
    if (screen.width() >= 1600 && screen.height() >= 900)
        return 1.5;
    return screen.width() >= 1280 ? 1.25 : 1.1;
}

void WindowLayout::setPresentation(bool on, Preferences::Theme theme, const QSize &screen)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    // Keyboard focus stays where it was (on the strip, whose arrow keys move along the blocks): the
    // font change handed it to the k box, whose arrow keys changed k instead. Where that widget is
    // hidden now (a Measure button while presenting one figure at a time), it goes to the strip.
    QPointer<QWidget> focused = QApplication::focusWidget();
    const auto restoreFocus = qScopeGuard([this, &focused] {
        (focused && focused->isVisible() ? focused.data() : m_strip)->setFocus(Qt::OtherFocusReason);
    });
    if (on) {
        m_normalGeometry = m_window->saveGeometry();
        m_normalState = m_window->saveState(); // the docks' sizes, which the large font widens
        m_lectureBeforePresentation = m_lecture;
        m_normalFont = QApplication::font();
        QFont font = m_normalFont;
        font.setPointSizeF(font.pointSizeF() * presentationScale(screen));
        m_window->setFont(font);
        applyHighContrast();
        m_plots->setPresentation(true);
        // The path graph (the tour's "left") gets the whole panel: under the model's summary it
        // kept about 80 px at 1280x720, its labels 3 px tall.
        m_networkPanel->setSummaryShown(false);
        const bool small = screen.width() < 1600 || screen.height() < 900;
        if (small)
            setLecture(true);
        m_plots->setOneFigureAtATime(small);
        m_accuracy->setPresentation(true); // after the window's font, which the comparison line follows
        m_window->showFullScreen();
    } else {
        m_window->setFont(m_normalFont);
        m_accuracy->setPresentation(false);
        applyTheme(theme);
        m_plots->setPresentation(false);
        m_networkPanel->setSummaryShown(true);
        m_plots->setOneFigureAtATime(false);
        setLecture(m_lectureBeforePresentation);
        // The minimum size still follows the large font until the layouts have seen the change:
        // restored before that, a window from a 2560-wide screen came back 32 px wider.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        m_window->showNormal();
        // The docks' sizes and places from before; the tour's panel stays as the tour has it (a
        // tour started during the presentation would end when its panel was hidden again).
        QDockWidget *tourPanel = m_window->findChild<QDockWidget *>(QStringLiteral("tourDock"));
        const bool touring = tourPanel && tourPanel->isVisible();
        m_window->restoreState(m_normalState);
        if (tourPanel)
            tourPanel->setVisible(touring);
        m_window->restoreGeometry(m_normalGeometry);
    }
}

} // namespace pathlens
