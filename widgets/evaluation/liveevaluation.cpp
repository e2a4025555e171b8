#include "liveevaluation.h"

#include <cmath>

namespace pathlens {

LiveEvaluation::LiveEvaluation(QObject *parent)
    : QObject(parent)
    , m_thread(new EvaluationThread(this))
{
    connect(m_thread, &EvaluationThread::progress, this, &LiveEvaluation::onProgress);
    connect(m_thread, &EvaluationThread::finished, this, &LiveEvaluation::onFinished);
    connect(m_thread, &EvaluationThread::failed, this, &LiveEvaluation::onFailed);
}

LiveEvaluation::~LiveEvaluation() = default;

QString LiveEvaluation::key(const Arrangement &arrangement)
{
    QString text;
    text.reserve(int(arrangement.size()) * 4);
    // A parallel group's members are marked: without the join, blocks 4-9 in parallel read as the
    // unedited network and got its number from the cache.
    for (const Slot &slot : arrangement)
        text += (slot.join == Join::Sum ? QStringLiteral("+") : slot.join == Join::Mean ? QStringLiteral("~") : QString())
                + QString::number(slot.block) + (slot.active ? QLatin1Char(',') : QLatin1Char('-'));
    return text;
}

void LiveEvaluation::setEvaluator(Evaluator evaluator, int blocks, qint64 images, const void *source,
                                  const QString &cacheKey)
{
    cancel();
    if (!m_cacheKey.isEmpty() && m_original >= 0) {
        m_shelf.insert(m_cacheKey, {m_cache, m_original});
        m_shelfOrder.removeAll(m_cacheKey);
        m_shelfOrder.append(m_cacheKey);
        while (m_shelfOrder.size() > maxShelved) // the least recently left evaluator goes first
            m_shelf.remove(m_shelfOrder.takeFirst());
    }
    m_source = source;
    m_evaluator = evaluator;
    m_thread->setEvaluator(std::move(evaluator));
    m_blocks = blocks;
    m_images = images;
    m_cache.clear(); // numbers on other images or of another model are not comparable
    m_prefetchQueue.clear();
    m_original = -1;
    m_measuringOriginal = false;
    m_announceOriginal = false;
    m_cacheKey = cacheKey;
    if (!cacheKey.isEmpty() && m_shelf.contains(cacheKey)) {
        std::tie(m_cache, m_original) = m_shelf.take(cacheKey);
        m_shelfOrder.removeAll(cacheKey);
        m_announceOriginal = true;
    }
}

void LiveEvaluation::cancel()
{
    m_thread->cancel();
    m_latestId = 0; // the thread numbers requests from 1: whatever was queued is recognised as stale
    m_running = false;
    m_measuringOriginal = false;
    m_prefetching = false;
}

std::optional<std::pair<double, qint64>> LiveEvaluation::cached(const Arrangement &arrangement) const
{
    const auto known = m_cache.constFind(key(arrangement));
    if (known == m_cache.constEnd())
        return std::nullopt;
    return *known;
}

void LiveEvaluation::prefetch(const std::vector<Arrangement> &arrangements)
{
    m_prefetchQueue.clear();
    for (const Arrangement &arrangement : arrangements)
        if (!isCached(arrangement) && !(m_running && arrangement == m_runningArrangement))
            m_prefetchQueue.push_back(arrangement);
    startPrefetch();
}

void LiveEvaluation::startPrefetch()
{
    if (m_running || !m_evaluator || m_original < 0)
        return;
    while (!m_prefetchQueue.empty() && isCached(m_prefetchQueue.front()))
        m_prefetchQueue.erase(m_prefetchQueue.begin());
    if (m_prefetchQueue.empty()) {
        Q_EMIT prefetchDone();
        return;
    }
    m_runningArrangement = m_prefetchQueue.front();
    m_prefetchQueue.erase(m_prefetchQueue.begin());
    m_prefetching = true;
    m_running = true;
    ++m_prefetchesStarted;
    m_latestId = m_thread->request(m_runningArrangement);
}

void LiveEvaluation::request(const Arrangement &arrangement, int edit)
{
    m_wanted = arrangement;
    m_wantedEdit = edit;
    if (!m_evaluator)
        return;
    m_clock.start();
    m_timing = {};
    if (m_announceOriginal) {
        m_announceOriginal = false;
        Q_EMIT originalMeasured(m_original);
    }
    if (m_original < 0) {
        // The original first; the edits made meanwhile are evaluated when it is done.
        if (!m_measuringOriginal)
            run(identityArrangement(m_blocks), true);
        else
            Q_EMIT started(edit, true);
        return;
    }
    if (m_prefetching) {
        m_prefetching = false;
        if (arrangement == m_runningArrangement && !isCached(arrangement)) {
            // The prefetch in flight is what is asked for: it goes on, now shown.
            Q_EMIT started(edit, false);
            return;
        }
        m_prefetchQueue.insert(m_prefetchQueue.begin(), m_runningArrangement); // resumed when idle
        m_thread->cancel();
        m_latestId = 0;
        m_running = false;
    }
    const auto known = m_cache.constFind(key(arrangement));
    if (known != m_cache.constEnd()) {
        if (m_running) { // a newer request wins over the one in flight, cached or not
            m_thread->cancel();
            m_latestId = 0;
            m_running = false;
        }
        m_timing = {0, 0};
        Q_EMIT finished(edit, known->first, known->second, 0, true);
        startPrefetch();
        return;
    }
    run(arrangement, false);
}

void LiveEvaluation::run(const Arrangement &arrangement, bool original)
{
    m_runningArrangement = arrangement;
    m_measuringOriginal = original;
    m_running = true;
    ++m_started;
    m_latestId = m_thread->request(arrangement);
    Q_EMIT started(m_wantedEdit, original);
}

void LiveEvaluation::onProgress(int requestId, qint64 correct, qint64 done, qint64 total)
{
    if (requestId != m_latestId || done <= 0 || m_prefetching) // stale, or not to be shown
        return;
    if (m_timing.firstEstimateMs < 0)
        m_timing.firstEstimateMs = m_clock.elapsed();
    const double accuracy = double(correct) / double(done);
    // Half-width of the normal-approximation 95% interval of an accuracy estimated on `done` images.
    const double halfWidth = 1.96 * std::sqrt(accuracy * (1 - accuracy) / double(done));
    Q_EMIT estimate(m_wantedEdit, accuracy, halfWidth, done, total);
}

void LiveEvaluation::onFinished(int requestId, double accuracy, qint64 images, double seconds)
{
    if (requestId != m_latestId)
        return;
    m_running = false;
    m_cache.insert(key(m_runningArrangement), {accuracy, images});
    if (m_prefetching) {
        m_prefetching = false;
        startPrefetch();
        return;
    }
    if (m_measuringOriginal) {
        m_measuringOriginal = false;
        m_original = accuracy;
        Q_EMIT originalMeasured(accuracy);
        if (m_wanted != m_runningArrangement) {
            request(m_wanted, m_wantedEdit); // the edits made while the original was measured
            return;
        }
    }
    if (m_timing.firstEstimateMs < 0)
        m_timing.firstEstimateMs = m_clock.elapsed();
    m_timing.finishedMs = m_clock.elapsed();
    Q_EMIT finished(m_wantedEdit, accuracy, images, seconds, false);
    startPrefetch();
}

void LiveEvaluation::onFailed(int requestId, const QString &message)
{
    if (requestId != m_latestId)
        return;
    m_running = false;
    m_measuringOriginal = false;
    if (m_prefetching) { // the request of that arrangement, if it comes, reports the failure
        m_prefetching = false;
        m_prefetchQueue.clear();
        Q_EMIT prefetchDone();
        return;
    }
    Q_EMIT failed(message);
}

} // namespace pathlens
