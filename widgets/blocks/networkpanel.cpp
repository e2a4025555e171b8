#include "networkpanel.h"

#include "blocktablemodel.h"
#include "pathgraph.h"
#include "workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace pathlens {

NetworkPanel::NetworkPanel(ArrangementEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_pathGraph(new PathGraph(this))
{
    m_summary->setObjectName(QStringLiteral("networkSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    showLoading({});
    auto *tableModel = new BlockTableModel(editor, m_table);
    m_table->setModel(tableModel);
    connect(tableModel, &BlockTableModel::refused, this, &NetworkPanel::refused);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *tabs = m_tabs = new QTabWidget(this);
    tabs->addTab(m_pathGraph, tr("Path graph"));
    tabs->addTab(m_table, tr("Blocks"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_summary);
    layout->addWidget(tabs, 1);
}

void NetworkPanel::showSummary(const Workspace &work, bool all)
{
    const Dataset &data = work.data();
    const NetworkInfo &info = work.info();
    const qint64 live = work.liveImageCount();
    const QString dataText = data.size() ? tr("%1 (%2 images, %3; %4)")
                                               .arg(QString::fromStdString(data.path))
                                               .arg(data.size())
                                               .arg(QString::fromStdString(data.format),
                                                    all || live == data.size()
                                                        ? tr("evaluating all of them")
                                                        : tr("live subset: %1 class-balanced images").arg(live))
                                         : tr("none");
    const int blocks = int(info.blocks.size());
    const QString structure = info.plain ? tr("%n layer(s) without shortcuts", nullptr, blocks)
                                         : tr("%n block(s) in %1", nullptr, blocks).arg(tr("%n stage(s)", nullptr, info.stageCount));
    const QString hint = info.plain ? tr("Click a layer to delete it, drag it to move it.")
                                    : tr("Click a block to delete its residual branch, drag it to move it.");
    m_showsModel = true;
    m_summary->setText(tr("<b>%1</b><br>%2, input %3, %4 classes, %5 parameters, %6.<br>Data: %7. %8")
                           .arg(QString::fromStdString(info.path).toHtmlEscaped(), QString::fromStdString(info.family),
                                QString::fromStdString(toString(info.inputShape)))
                           .arg(info.classCount)
                           .arg(QLocale().toString(qint64(info.parameters)), structure, dataText.toHtmlEscaped(), hint));
}

void NetworkPanel::showLoading(const QString &what)
{
    if (!m_showsModel)
        m_summary->setText(what.isEmpty() ? tr("No model loaded. Use File → Open Model.") : what.toHtmlEscaped());
}

void NetworkPanel::showPathGraph()
{
    m_tabs->setCurrentWidget(m_pathGraph);
}

void NetworkPanel::setSummaryShown(bool shown)
{
    m_summary->setVisible(shown);
}

bool NetworkPanel::showsPathGraph() const
{
    return m_tabs->currentWidget() == m_pathGraph;
}

} // namespace pathlens
