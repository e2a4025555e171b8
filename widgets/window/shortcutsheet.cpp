#include "shortcutsheet.h"

#include "mainwindow.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>

#include <functional>
#include <vector>

namespace pathlens {

// Generated from the actions themselves, so that it cannot disagree with what the keys do; the
// mouse and strip keys, which are no actions, come first.
QString shortcutSheet(const QMainWindow &window)
{
    std::vector<std::pair<QString, QString>> rows = {
        {MainWindow::tr("Click, Space"), MainWindow::tr("delete or restore the block")},
        {MainWindow::tr("Drag a block onto another"), MainWindow::tr("move it there")},
        {MainWindow::tr("← →"), MainWindow::tr("move the focus along the blocks")},
        {MainWindow::tr("Ctrl+← Ctrl+→"), MainWindow::tr("move the focused block")},
        {MainWindow::tr("Mouse wheel, drag"), MainWindow::tr("zoom and pan the path graph")},
    };
    std::function<void(const QList<QAction *> &)> collect = [&](const QList<QAction *> &actions) {
        for (QAction *action : actions) {
            if (action->menu()) {
                collect(action->menu()->actions());
                continue;
            }
            if (action->shortcuts().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            QString what = action->text().isEmpty() ? action->toolTip() : action->text();
            what.remove(QRegularExpression(QStringLiteral("&(?!&)"))).remove(QChar(0x2026)); // the menu's mnemonic and "…"
            rows.emplace_back(keys.join(QStringLiteral(", ")), what);
        }
    };
    collect(window.menuBar()->actions());
    collect(window.actions()); // the window's own, e.g. Esc
    QString html = QStringLiteral("<table cellspacing=\"6\">");
    for (const auto &[keys, what] : rows)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    return html + QStringLiteral("</table>");
}

} // namespace pathlens
