// LivePlots' layout: where the accuracy plot goes (beside the tabs or as their first), the heat
// maps' direction, and the heights of figures in and out of presentation mode (issue 25), apart
// from what the figures show (liveplots.cpp, measuredfigures.cpp).
#include "liveplots.h"
#include "figures.h"

#include <qcustomplot.h>

#include <QBoxLayout>
#include <QTabBar>
#include <QTabWidget>

namespace pathlens {

namespace {

// The per-class figures' turned class names, and the gradient figure's three note lines under its
// title, ask more than the 290 px of another measured figure (tst_scenario: axes at least 120 px
// tall, no tick labels overlapping; 310 px lets the page fit a 1024x700 screen). Wrapped titles and
// notes add their lines to either (fitPresentation).
constexpr int tallFigureHeight = 310;

} // namespace

bool LivePlots::accuracyIsATab() const
{
    return m_tabs->indexOf(m_accuracy) >= 0;
}

// Below this height the accuracy plot and a measured figure do not both fit: at 1280x720 and
// 1024x700 the tab pages kept 130-170 px, so a figure's title or its x axis was always scrolled
// out of view (issue 25). Its controls, the tab bar and the margins take about 120 px (measured:
// the per-class page scrolled by 48 px with 360 px for its figures).
int LivePlots::heightForBoth() const
{
    return m_accuracy->minimumHeight() + tallFigureHeight + 120;
}

void LivePlots::showFigures()
{
    // Short of room, the accuracy plot is the first tab (the accuracy stays in the blocks panel's
    // line above the strip); the lecture layout and a presentation's one figure at a time keep
    // their own choice.
    const bool asTab = !m_singleFigure && !m_oneFigureAtATime && height() < heightForBoth();
    if (asTab != accuracyIsATab()) {
        if (asTab) {
            const bool userChose = m_tabs->currentIndex() > 0; // else the first tab, path lengths, as at start
            m_layout->removeWidget(m_accuracy);
            m_tabs->insertTab(0, m_accuracy, tr("Accuracy"));
            if (!userChose)
                m_tabs->setCurrentIndex(0);
        } else {
            m_tabs->removeTab(m_tabs->indexOf(m_accuracy));
            m_layout->insertWidget(0, m_accuracy); // its stretch below
        }
    }
    if (asTab) {
        m_tabs->setVisible(true);
        return;
    }
    // Presenting on a large screen, the accuracy plot takes half the height, three sevenths where a
    // step is about a measured figure (at 1920x1080 the gradient figure's axes kept 106 px beside
    // it at half, the accuracy's 94 px at a third).
    const bool presenting = m_lineScale > 1;
    m_layout->setStretchFactor(m_accuracy, presenting ? (m_tabChosen ? 3 : 2) : 1);
    m_layout->setStretchFactor(m_tabs, presenting && m_tabChosen ? 4 : 2);
    m_accuracy->setVisible(!(m_oneFigureAtATime && m_tabChosen));
    m_tabs->setVisible(m_oneFigureAtATime ? m_tabChosen : !m_singleFigure);
}

void LivePlots::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showFigures();
    arrangePairs();
}

// Two heat maps side by side need about 440 px each for their class names, 54 columns and colour
// scale; in the plot pane of a 1024x700 or 1280x720 window (480 and 720 px) they asked 1153 px and
// the page scrolled 672 px sideways (issue 25). There the second goes under the first and the page
// scrolls down to it.
void LivePlots::arrangePairs()
{
    constexpr int sideBySideWidth = 880;
    const auto direction = width() >= sideBySideWidth ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    for (QBoxLayout *area : {m_classArea, m_lesionClassArea})
        if (area->direction() != direction)
            area->setDirection(direction);
}

void LivePlots::setSingleFigure(bool on)
{
    // The tab a tour's step chose is kept: entering presentation mode on a small screen turns the
    // lecture layout on, and forgot it (step 7 at 1280x720 showed the accuracy, not its gradients).
    m_singleFigure = on;
    showFigures();
}

void LivePlots::setOneFigureAtATime(bool on)
{
    m_oneFigureAtATime = on;
    // Presenting on a small screen, a figure needs every pixel: at 1280x720 the tour's step 7 kept
    // 80 px for the gradient figure's axes below its Measure row. Leaving presentation brings it back.
    // The tab bar too: the tour's step chooses the figure there ("strip, one big plot, caption").
    showControls();
    m_tabs->tabBar()->setVisible(!on);
    showFigures();
}

// The Measure rows, with their progress and Stop, are hidden while presenting one figure at a
// time, except while a measurement runs: presenting, its progress was nowhere to be seen.
void LivePlots::showControls()
{
    for (QWidget *controls : m_tabs->findChildren<QWidget *>(QStringLiteral("measureControls")))
        controls->setVisible(!m_oneFigureAtATime || m_measuring);
}

void LivePlots::setPresentation(bool on)
{
    m_lineScale = on ? 2 : 1;
    showFigures(); // presenting, the accuracy after each edit is the lecture's figure: half the height, not a third
    // At 1280x720 with type half as large again, the plots, the network panel and the lecture
    // tour's caption fit only with lower plots and the legends in two columns.
    for (QCustomPlot *plot : {m_accuracy, m_paths, m_surviving, m_gradientFigure, m_lesionFigure, m_deleteKFigure,
                              m_reorderFigure, m_tauFigure})
        if (plot)
            fitPresentation(plot);
    followPalette();
}

void LivePlots::fitPresentation(QCustomPlot *plot) const
{
    const bool on = m_lineScale > 1;
    // A measured figure carries a title of up to two lines, a legend and axis titles: at 160 px
    // its axes kept 25 px at 1024x700 (issue 25). Its tab page scrolls instead of squeezing it.
    // Not in presentation mode: there the lecture tour's step shows the figure in a small tab
    // area, where scrolling would leave only its title in view.
    // Out of presentation mode the axes keep at least 120 px at every size (issue 25): the
    // accuracy's and the path lengths' legend rows and axis titles take 85 px of the plot; the
    // per-class figures' turned class names take 70 px more than a measured figure's numbers; the
    // gradient figure's notes under its title take three lines, and its axis titles on both sides
    // ran into them.
    const bool tall = plot == m_classFigure || plot == m_confusionFigure || plot == m_gradientFigure;
    const int normal = plot == m_accuracy || plot == m_paths ? 205 : tall ? tallFigureHeight : 290;
    const int height = (on ? 110 : normal) + figures::wrappedTextGrowth(*plot);
    if (plot->minimumHeight() != height)
        plot->setMinimumHeight(height);
    // A transformer's single deletion lists its unit kinds too: in one column its legend took four
    // lines and left the axes 111 px at 1280x720 (the tour's "Transformers too"); in two, three.
    const bool kindsToo = plot == m_lesionFigure && plot->legend->itemCount() >= 3;
    plot->legend->setWrap(on || kindsToo ? 2 : 0);
    plot->legend->setFillOrder(plot->legend->fillOrder(), true); // the items already there move too
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace pathlens
