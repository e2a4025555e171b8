#include "comparison.h"

#include "arrangementeditor.h"
#include "liveevaluation.h"
#include "liveplots.h"
#include "workspace.h"

#include <QFileInfo>
#include <QLabel>

namespace pathlens {
namespace {

QString percent(double fraction)
{
    return QStringLiteral("%1%").arg(100.0 * fraction, 0, 'f', 2);
}

} // namespace

Comparison::Comparison(Workspace *workspace, ArrangementEditor *editor, LivePlots *plots, QLabel *label, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_editor(editor)
    , m_plots(plots)
    , m_label(label)
    , m_live(new LiveEvaluation(this))
{
    connect(m_live, &LiveEvaluation::started, m_label, [this] { m_label->setEnabled(false); }); // stale until its number
    connect(m_live, &LiveEvaluation::finished, this,
            [this](int edit, double accuracy, qint64 images, double, bool) { show(edit, accuracy, images); });
    connect(m_live, &LiveEvaluation::originalMeasured, m_plots,
            [this](double accuracy) { m_plots->setOriginalAccuracy(LivePlots::Series::Compare, accuracy); });
    connect(m_live, &LiveEvaluation::failed, this,
            [this](const QString &message) { Q_EMIT failed(tr("Evaluation of the comparison model failed"), message); });
}

bool Comparison::isOpen() const
{
    return m_workspace->compareEngine() != nullptr;
}

void Comparison::close()
{
    m_workspace->closeCompare();
    m_live->setEvaluator({}, 0, 0);
    m_label->hide();
    m_plots->setCompareName({});
}

void Comparison::useEngine()
{
    const auto &engine = m_workspace->compareEngine();
    if (!engine)
        return;
    const QString path = QString::fromStdString(m_workspace->compareInfo().path);
    m_live->setEvaluator(engineEvaluator(engine, engine->imageCount()), int(m_workspace->compareInfo().blocks.size()),
                         engine->imageCount(), engine.get());
    m_plots->setCompareName(QFileInfo(path).completeBaseName());
    m_label->setText(tr("Comparison: %1 — evaluating…").arg(QFileInfo(path).fileName()));
    m_label->show();
}

Arrangement Comparison::arrangement() const
{
    return m_workspace->compareArrangement(m_editor->arrangement());
}

void Comparison::request(int edit)
{
    if (isOpen())
        m_live->request(arrangement(), edit);
}

void Comparison::show(int edit, double accuracy, qint64 images)
{
    m_plots->addResult(LivePlots::Series::Compare, edit, accuracy);
    m_label->setEnabled(true);
    const Arrangement mapped = arrangement();
    const QString name = QFileInfo(QString::fromStdString(m_workspace->compareInfo().path)).fileName();
    const int deleted = int(mapped.size()) - activeCount(mapped);
    QString text = tr("Comparison: %1 — accuracy %2 on %3 images; original %4; %5")
                       .arg(name, percent(accuracy))
                       .arg(images)
                       .arg(percent(m_live->originalAccuracy()))
                       .arg(tr("%n block(s) deleted", nullptr, deleted));
    // Deletions the comparison model cannot follow are named, not silently dropped.
    QStringList missing;
    for (const Slot &slot : m_editor->arrangement())
        if (!slot.active && (slot.block >= int(mapped.size()) || mapped[size_t(slot.block)].active))
            missing << QString::number(slot.block);
    if (!missing.isEmpty())
        text += QStringLiteral(" (") + tr("blocks %1 have no counterpart in %2").arg(missing.join(QStringLiteral(", ")), name) + QLatin1Char(')');
    // Parallel groups carry over only where the second model runs the same arrangement.
    if (hasRepeatsOrParallel(m_editor->arrangement()) && !hasRepeatsOrParallel(mapped))
        text += QStringLiteral(" (") + tr("the parallel groups do not apply to %1: its blocks differ").arg(name) + QLatin1Char(')');
    m_label->setText(text);
    Q_EMIT finished(accuracy);
}

} // namespace pathlens
