#include "lecturetour.h"

#include "analysiscontroller.h"
#include "arrangementeditor.h"
#include "error.h"
#include "experiments.h"
#include "liveevaluation.h"
#include "liveplots.h"
#include "networkpanel.h"
#include "pathgraph.h"
#include "paths.h"
#include "workspace.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace pathlens {
namespace {

QString canonical(const QString &path)
{
    const QString resolved = QFileInfo(path).canonicalFilePath();
    return resolved.isEmpty() ? path : resolved;
}

QString percent(double fraction, const QLocale &locale, int decimals = 1)
{
    // German sets a space before the sign ("9,8 %"), English none ("9.8%").
    const QString number = locale.toString(100 * fraction, 'f', decimals);
    return locale.language() == QLocale::German ? number + QStringLiteral(" %") : number + QStringLiteral("%");
}

// How many paths, in words a projector shows: exact up to 2^30, else "1.8 × 10¹⁶".
QString pathCountText(double paths, const QLocale &locale)
{
    if (paths <= double(qint64(1) << 30))
        return locale.toString(qint64(std::llround(paths)));
    const double exponent = std::log10(paths);
    const int whole = int(std::floor(exponent));
    static const QString superscripts = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString power;
    for (const QChar digit : QString::number(whole))
        power += superscripts[digit.digitValue()];
    return QStringLiteral("%1 × 10%2").arg(locale.toString(std::pow(10.0, exponent - whole), 'f', 1), power);
}

} // namespace

LectureTour::LectureTour(const TourTargets &targets, QObject *parent)
    : QObject(parent)
    , m_targets(targets)
{
    // The caption across the window, the step and the buttons beside it in two rows: at 1280x720
    // in presentation mode every line the panel takes is one the plots lose.
    auto *panel = new QWidget;
    auto *layout = new QHBoxLayout(panel);
    layout->setContentsMargins(8, 2, 8, 4);
    m_caption = new QLabel(panel);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_caption, 1);
    auto *controls = new QGridLayout;
    m_counter = new QLabel(panel);
    m_back = new QPushButton(tr("◀ Back"), panel);
    m_back->setToolTip(tr("The previous step (Page Up)"));
    m_next = new QPushButton(tr("Next ▶"), panel);
    m_next->setToolTip(tr("The next step (Page Down)"));
    auto *close = new QPushButton(tr("End Tour"), panel);
    // Buttons never take the focus: the arrow keys stay with the block strip.
    for (QPushButton *button : {m_back, m_next, close})
        button->setFocusPolicy(Qt::NoFocus);
    controls->addWidget(m_counter, 0, 0, Qt::AlignCenter);
    controls->addWidget(close, 0, 1);
    controls->addWidget(m_back, 1, 0);
    controls->addWidget(m_next, 1, 1);
    layout->addLayout(controls);
    followFont(panel);
    panel->installEventFilter(this); // presentation mode changes the window's font; width, the lines

    m_dock = new QDockWidget(tr("Lecture Tour"), targets.window);
    m_dock->setObjectName(QStringLiteral("tourDock"));
    m_dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    m_dock->setWidget(panel);
    targets.window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    // Closing the panel ends the tour; a window that goes full screen or is minimised hides it
    // only for a moment, so this looks once the events of that change are through.
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible)
            QTimer::singleShot(0, this, [this] {
                if (m_running && !m_dock->isVisible() && m_targets.window->isVisible() && !m_targets.window->isMinimized())
                    stop();
            });
    });

    m_pageDown = new QAction(tr("Next Tour Step"), targets.window);
    m_pageDown->setShortcut(Qt::Key_PageDown);
    m_pageUp = new QAction(tr("Previous Tour Step"), targets.window);
    m_pageUp->setShortcut(Qt::Key_PageUp);
    for (QAction *action : {m_pageDown, m_pageUp}) {
        action->setShortcutContext(Qt::WindowShortcut);
        action->setEnabled(false);
        targets.window->addAction(action); // no menu holds them: the window's list makes the keys work
    }
    connect(m_pageDown, &QAction::triggered, this, &LectureTour::next);
    connect(m_pageUp, &QAction::triggered, this, &LectureTour::back);
    connect(m_next, &QPushButton::clicked, this, &LectureTour::next);
    connect(m_back, &QPushButton::clicked, this, &LectureTour::back);
    connect(close, &QPushButton::clicked, this, &LectureTour::stop);

    // The caption's numbers arrive with the evaluations.
    connect(targets.live, &LiveEvaluation::finished, this, &LectureTour::refresh);
    connect(targets.live, &LiveEvaluation::originalMeasured, this, &LectureTour::refresh);
    connect(targets.live, &LiveEvaluation::prefetchDone, this, &LectureTour::refresh);
}

// The caption a little larger than the window's type, and it follows that type (presentation
// mode makes it half as large again).
void LectureTour::followFont(QWidget *panel)
{
    QFont large = panel->font();
    large.setPointSizeF(large.pointSizeF() * 1.15);
    m_caption->setFont(large);
    fitCaption();
}

// A dock does not grow by height-for-width: the caption asks for the lines its text takes.
// QLabel's heightForWidth is never less than the label's minimum height, so that is freed first;
// without it the panel kept the height of the longest caption it had shown.
void LectureTour::fitCaption()
{
    m_caption->setMinimumHeight(0);
    if (const int height = m_caption->heightForWidth(m_caption->width()); height > 0)
        m_caption->setMinimumHeight(height);
    // Nor does a dock area shrink to a smaller minimum: the panel is held at what it needs.
    QWidget *panel = m_caption->parentWidget();
    panel->setMaximumHeight(QWIDGETSIZE_MAX);
    panel->layout()->activate();
    panel->setMaximumHeight(panel->minimumSizeHint().height());
}

bool LectureTour::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_dock->widget() && event->type() == QEvent::FontChange)
        followFont(m_dock->widget());
    else if (watched == m_dock->widget() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &LectureTour::fitCaption); // after the layout gave the caption its width
    return QObject::eventFilter(watched, event);
}

QString LectureTour::builtInTour()
{
    return QStringLiteral(":/tours/paper.json");
}

bool LectureTour::start(const QString &path)
{
    Tour tour;
    if (const QString why = loadTour(path, tour); !why.isEmpty()) {
        Q_EMIT failed(tr("Cannot start the tour"), why);
        return false;
    }
    m_tour = tour;
    m_running = true;
    ++m_generation;
    m_applying = false;
    m_target = -1;
    m_requested = -1;
    m_step = -1;
    m_targets.setLectureLayout(false); // the tour shows the path graph and the tabs
    m_dock->show();
    m_pageDown->setEnabled(true);
    m_pageUp->setEnabled(true);
    return go(0); // a first step that cannot be shown ends the tour (applied)
}

void LectureTour::stop()
{
    m_running = false;
    ++m_generation; // a step still being made (a model loading) is dropped when it arrives
    m_applying = false;
    m_target = -1;
    m_requested = -1;
    m_pageDown->setEnabled(false);
    m_pageUp->setEnabled(false);
    m_targets.live->prefetch({});
    m_dock->hide();
}

// From the step the presenter last asked for, shown or not yet.
bool LectureTour::next()
{
    const int from = m_requested >= 0 ? m_requested : m_applying ? m_target : m_step;
    return m_running && from + 1 < m_tour.steps.size() && go(from + 1);
}

bool LectureTour::back()
{
    const int from = m_requested >= 0 ? m_requested : m_applying ? m_target : m_step;
    return m_running && from > 0 && go(from - 1);
}

QString LectureTour::fail(const QString &why)
{
    const int step = m_applying ? m_target : m_step;
    const QString message = tr("%1, step %2: %3").arg(QDir::toNativeSeparators(m_tour.file)).arg(step + 1).arg(why);
    Q_EMIT failed(tr("Cannot show the tour step"), message);
    return message;
}

void LectureTour::openModelOf(int step, const std::function<void(bool)> &done)
{
    const QString name = m_tour.modelAt(step);
    if (name.isEmpty()) {
        done(true); // a step before any "open" shows whatever is loaded
        return;
    }
    const QString file = modelPath(m_tour, name, m_targets.modelsFolder());
    const QString loaded = QString::fromStdString(m_targets.work().info().path);
    if (!loaded.isEmpty() && canonical(loaded) == canonical(file) && m_targets.work().engine()) {
        done(true);
        return;
    }
    if (m_targets.work().data().size() == 0) {
        // The data first: a step whose images cannot be read is not shown (the model opened
        // without them would show the step with nothing to evaluate on).
        m_targets.openData(m_targets.dataPath, [this, file, done](bool opened) {
            if (opened)
                m_targets.openModel(file, done);
            else
                done(false);
        });
        return;
    }
    m_targets.openModel(file, done);
}

const StoredResults *LectureTour::storedResults(const QString &modelFile, QString *why) const
{
    const QString key = canonical(modelFile);
    if (!m_stored.contains(key)) {
        StoredResults results;
        if (const QString reason = loadStoredResults(modelFile, results); !reason.isEmpty()) {
            if (why)
                *why = reason;
            return nullptr;
        }
        m_stored.insert(key, results);
    }
    return &m_stored[key];
}

bool LectureTour::applyStored(int step)
{
    const QString file = QString::fromStdString(m_targets.work().info().path);
    for (int i = std::max(0, m_tour.openStepOf(step)); i <= step; ++i)
        for (const TourAction &action : m_tour.steps[i].actions) {
            if (action.kind != TourAction::Kind::Stored)
                continue;
            QString why;
            const StoredResults *stored = storedResults(file, &why);
            if (!stored) {
                fail(why);
                return false;
            }
            const StoredResults &results = *stored;
            if (action.name == QLatin1String("gradients")) {
                if (!results.gradients) {
                    fail(tr("%1 holds no gradients per path length").arg(QDir::toNativeSeparators(results.file)));
                    return false;
                }
                m_targets.analyses->showStoredGradients(*results.gradients);
            } else {
                m_targets.analyses->showStoredLesion(*results.lesion);
            }
        }
    return true;
}

bool LectureTour::go(int step)
{
    if (!m_running || step < 0 || step >= m_tour.steps.size())
        return false;
    if (m_applying) { // the last step asked for wins; it is made when this one stands
        m_requested = step;
        return true;
    }
    m_clock.start();
    m_stepMs = -1;
    m_applying = true; // the caption waits until the step stands
    m_target = step;
    m_requested = -1;
    const bool forward = step == m_step + 1;
    openModelOf(step, [this, step, forward, generation = m_generation](bool opened) {
        if (!m_running || generation != m_generation) // the tour ended, or started again, meanwhile
            return;
        if (opened && show(step, forward)) {
            m_step = step;
            m_applying = false;
            Q_EMIT stepShown(step);
        }
        applied();
    });
    return true;
}

void LectureTour::applied()
{
    m_applying = false;
    m_target = -1;
    if (m_step < 0) { // the first step could not be shown: there is no tour
        stop();
        return;
    }
    const int requested = std::exchange(m_requested, -1);
    if (requested >= 0 && requested != m_step) {
        // The caption of the step now shown stays while the one asked for loads its model: under
        // a clicker's burst the strip showed step 3 with step 2's caption for seconds.
        showCaption();
        go(requested);
    } else {
        refresh();
    }
}

bool LectureTour::show(int step, bool forward)
{
    const NetworkInfo &info = m_targets.work().info();
    const QString text = tr("Lecture tour, step %1").arg(step + 1);
    try {
        // Forward, the step's edits are made one by one, each its own point in the accuracy
        // plot (the random deletions fall step by step); any other way there, in one edit.
        QList<int> ends;
        const QList<TourAction> &actions = m_tour.steps[step].actions;
        for (int j = 0; forward && j < actions.size(); ++j)
            if (actions[j].changesArrangement())
                ends << j + 1;
        if (ends.isEmpty())
            ends << -1;
        for (const int end : ends) {
            const Arrangement target = m_tour.arrangementAt(step, info, end);
            if (target == m_targets.editor->arrangement())
                continue;
            if (const QString why = m_targets.editor->set(target, text); !why.isEmpty()) {
                fail(why);
                return false;
            }
        }
    } catch (const Error &e) {
        fail(QString::fromUtf8(e.what()));
        return false;
    }
    showView(step);
    if (!applyStored(step))
        return false;
    m_targets.graph->setWidthByGradient(m_tour.viewAt(step).widthByGradient); // after the stored gradients it draws with
    return true;
}

void LectureTour::showView(int step)
{
    const NetworkInfo &info = m_targets.work().info();
    const TourView view = m_tour.viewAt(step);
    m_targets.networkDock->show();
    m_targets.networkPanel->showPathGraph();
    m_targets.graph->setModeName(view.graph);
    if (view.graph == QLatin1String("unraveled"))
        m_targets.graph->setWindow(std::min(view.first, std::max(0, int(info.blocks.size()) - view.size)), view.size);
    m_targets.plots->showTab(view.tab);
    // A step that names no tab of its own is about the accuracy: where one figure is shown at a
    // time (presentation on a small screen), that is the accuracy plot. (Where the accuracy plot
    // is a tab for want of height, the step's tab stays: the accuracy is in the line above the strip.)
    const auto &actions = m_tour.steps.at(step).actions;
    if (m_targets.plots->isOneFigureAtATime() && std::none_of(actions.begin(), actions.end(), [](const TourAction &action) {
            return action.kind == TourAction::Kind::Stored
                   || (action.kind == TourAction::Kind::Show && action.name != QLatin1String("unraveled")
                       && action.name != QLatin1String("lattice"));
        }))
        m_targets.plots->showTab(QStringLiteral("accuracy"));
}

void LectureTour::reshowView()
{
    if (!m_running || m_applying || m_step < 0)
        return;
    m_targets.setLectureLayout(false); // the tour shows the path graph and the tabs
    showView(m_step);
}

QString LectureTour::language() const
{
    return QLocale().language() == QLocale::German ? QStringLiteral("de") : QStringLiteral("en");
}

QString LectureTour::caption(const QString &language) const
{
    if (m_step < 0)
        return {};
    return fillCaption(m_tour.steps[m_step].caption.in(language), [&](const QString &name) { return fact(name, language); });
}

bool LectureTour::captionComplete() const
{
    bool complete = true;
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")})
        for (const QString &name : captionPlaceholders(m_tour.steps.value(m_step).caption.in(language)))
            complete &= fact(name, language).has_value();
    return complete;
}

bool LectureTour::isSettled() const
{
    return m_running && m_step >= 0 && !m_applying && captionComplete() && !m_targets.live->isRunning() && !m_targets.live->isPrefetching();
}

void LectureTour::refresh()
{
    if (!m_running || m_step < 0 || m_applying)
        return;
    showCaption();
    if (!captionComplete())
        return;
    if (m_stepMs < 0) {
        m_stepMs = m_clock.elapsed();
        prefetchNext(); // while the room reads this caption
    }
    if (isSettled())
        Q_EMIT settled();
}

void LectureTour::showCaption()
{
    const QString language = this->language();
    m_dock->setWindowTitle(tr("Lecture Tour: %1").arg(m_tour.title.in(language)));
    m_counter->setText(tr("Step %1 of %2").arg(m_step + 1).arg(m_tour.steps.size()));
    m_caption->setText(caption(language));
    fitCaption();
    m_back->setEnabled(m_step > 0);
    m_next->setEnabled(m_step + 1 < m_tour.steps.size());
}

// The arrangements of every later step on the model shown now, the next step's first: the
// evaluation cache keeps them while the tour visits another model and comes back.
void LectureTour::prefetchNext()
{
    const QString model = m_tour.modelAt(m_step);
    std::vector<Arrangement> arrangements;
    for (int step = m_step + 1; step < m_tour.steps.size(); ++step) {
        if (m_tour.modelAt(step) != model)
            continue;
        try {
            const QList<TourAction> &actions = m_tour.steps[step].actions;
            for (int j = 0; j < actions.size(); ++j)
                if (actions[j].changesArrangement())
                    arrangements.push_back(m_tour.arrangementAt(step, m_targets.work().info(), j + 1));
        } catch (const Error &) {
            continue; // reported when the step is shown
        }
    }
    m_targets.live->prefetch(arrangements);
}

std::optional<QString> LectureTour::storedFact(const StoredResults &results, const QString &name, const QLocale &locale) const
{
    if (name.startsWith(QLatin1String("lesion.")) && results.lesion) {
        const Analysis::Lesion &lesion = *results.lesion;
        const std::vector<LesionBlock> &blocks = lesion.result.blocks;
        const double baseline = lesion.result.baseline;
        double sum = 0;
        int count = 0;
        int worst = -1;
        for (size_t i = 0; i < blocks.size(); ++i) {
            if (std::isnan(blocks[i].accuracy))
                continue;
            sum += blocks[i].accuracy;
            ++count;
            if (worst < 0 || blocks[i].accuracy < blocks[size_t(worst)].accuracy)
                worst = int(i);
        }
        const QString key = name.mid(7);
        if (key == QLatin1String("baseline"))
            return percent(baseline, locale);
        if (key == QLatin1String("images"))
            return locale.toString(lesion.imagesTotal);
        if (count == 0)
            return std::nullopt;
        if (key == QLatin1String("mean"))
            return percent(sum / count, locale);
        if (key == QLatin1String("mean-drop"))
            return locale.toString(100 * (baseline - sum / count), 'f', 1);
        if (key == QLatin1String("worst"))
            return percent(blocks[size_t(worst)].accuracy, locale);
        if (key == QLatin1String("worst-block"))
            return locale.toString(worst);
        return std::nullopt;
    }
    if (name.startsWith(QLatin1String("gradients.")) && results.gradients) {
        const GradientResult &gradients = *results.gradients;
        const QString key = name.mid(10);
        if (key == QLatin1String("from"))
            return locale.toString(gradients.effectiveFrom);
        if (key == QLatin1String("to"))
            return locale.toString(gradients.effectiveTo);
        if (key == QLatin1String("share"))
            return locale.toString(100 * gradients.effectiveShare, 'g', 2)
                   + (locale.language() == QLocale::German ? QStringLiteral(" %") : QStringLiteral("%"));
        if (key == QLatin1String("samples"))
            return locale.toString(results.gradientSamplesPerLength);
    }
    return std::nullopt;
}

std::optional<QString> LectureTour::fact(const QString &name, const QString &language) const
{
    const QLocale locale(language == QLatin1String("de") ? QLocale::German : QLocale::English);
    if (name.contains(QLatin1Char('@'))) { // a stored number of another model of the tour
        const QString model = name.section(QLatin1Char('@'), 1);
        if (!m_tour.models.contains(model))
            return std::nullopt;
        const StoredResults *results = storedResults(modelPath(m_tour, model, m_targets.modelsFolder()));
        return results ? storedFact(*results, name.section(QLatin1Char('@'), 0, 0), locale) : std::nullopt;
    }
    const Workspace &work = m_targets.work();
    const Arrangement &arrangement = m_targets.editor->arrangement();
    const int blocks = int(arrangement.size());
    const int active = activeCount(arrangement);
    if (name == QLatin1String("model"))
        return QFileInfo(QString::fromStdString(work.info().path)).fileName();
    if (name == QLatin1String("blocks"))
        return locale.toString(blocks);
    if (name == QLatin1String("active"))
        return locale.toString(active);
    if (name == QLatin1String("deleted"))
        return locale.toString(blocks - active);
    // A parallel group of m active units is passed m + 1 ways, not 2^m (DESIGN.md section 3).
    const std::vector<int> groups = activeGroupSizes(arrangement);
    if (name == QLatin1String("paths")) {
        double paths = 1;
        for (const int members : groups)
            paths *= 1 + members;
        return pathCountText(paths, locale);
    }
    if (name == QLatin1String("tau"))
        return locale.toString(kendallTau(arrangement), 'f', 2);
    if (name == QLatin1String("images"))
        return locale.toString(m_targets.live->imageCount());
    if (name == QLatin1String("chance")) {
        const size_t classes = work.data().classNames.size();
        return classes > 0 ? std::optional(percent(1.0 / double(classes), locale, 0)) : std::nullopt;
    }
    if (name == QLatin1String("original") || name == QLatin1String("change") || name == QLatin1String("accuracy")) {
        const double original = m_targets.live->originalAccuracy();
        const auto current = m_targets.live->cached(arrangement);
        if (name == QLatin1String("original"))
            return original >= 0 ? std::optional(percent(original, locale)) : std::nullopt;
        if (!current)
            return std::nullopt;
        if (name == QLatin1String("accuracy"))
            return percent(current->first, locale);
        if (original < 0)
            return std::nullopt;
        return changeInPoints(current->first, original, locale);
    }
    if (name.startsWith(QLatin1String("lengths."))) {
        // The central lengths that hold at least 95% of the paths (Binomial(n, 1/2) without
        // parallel groups, DESIGN.md section 4).
        const std::vector<double> share = groupedPathLengthDistribution(groups);
        int from = 0, to = int(share.size()) - 1;
        double below = 0, above = 0;
        while (from < to && below + share[size_t(from)] <= 0.025)
            below += share[size_t(from++)];
        while (to > from && above + share[size_t(to)] <= 0.025)
            above += share[size_t(to--)];
        const QString key = name.mid(8);
        if (key == QLatin1String("from"))
            return locale.toString(from);
        if (key == QLatin1String("to"))
            return locale.toString(to);
        if (key == QLatin1String("share"))
            return percent(1 - below - above, locale);
        return std::nullopt;
    }
    const QString file = QString::fromStdString(work.info().path);
    if (name.startsWith(QLatin1String("lesion.")) || name.startsWith(QLatin1String("gradients."))) {
        const StoredResults *results = storedResults(file);
        return results ? storedFact(*results, name, locale) : std::nullopt;
    }
    return std::nullopt;
}

} // namespace pathlens
