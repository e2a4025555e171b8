#include "windowlayout.h"

#include "accuracypanel.h"
#include "liveplots.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QSettings>
#include <QVBoxLayout>

namespace pathlens {

// Their geometry depends on the window and the fonts only, never on the text of a label.
WindowLayout::WindowLayout(QMainWindow *window, AccuracyPanel *accuracy, QWidget *strip, QWidget *networkPanel,
                           LivePlots *plots)
    : QObject(window)
    , m_window(window)
    , m_plots(plots)
    , m_accuracy(accuracy)
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
}

void WindowLayout::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), m_window->saveGeometry());
    settings.setValue(QStringLiteral("window/state"), m_window->saveState());
}

void WindowLayout::setLecture(bool on)
{
    m_networkDock->setVisible(!on);
    m_plots->setSingleFigure(on);
    if (on)
        m_window->resizeDocks({m_blocksDock}, {m_blocksDock->sizeHint().height()}, Qt::Vertical);
}

void WindowLayout::setPresentation(bool on, Preferences::Theme theme)
{
    QFont font = QApplication::font();
    if (on) {
        m_normalFont = font;
        font.setPointSizeF(font.pointSizeF() * 1.5);
        m_window->setFont(font);
        applyHighContrast();
        m_plots->setPresentation(true);
        m_window->showFullScreen();
    } else {
        m_window->setFont(m_normalFont);
        applyTheme(theme);
        m_plots->setPresentation(false);
        m_window->showNormal();
    }
    m_accuracy->setPresentation(on); // after the window's font, which the comparison line follows
}

} // namespace pathlens
