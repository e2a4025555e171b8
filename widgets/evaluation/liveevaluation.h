#pragma once

#include "arrangement.h"
#include "evaluationthread.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <optional>
#include <tuple>

namespace pathlens {

// Live evaluation of one model as the arrangement is edited: the original network first (every
// later number is shown against it), then always the latest arrangement ("latest request wins":
// a newer request cancels the one in flight), with running estimates on the way. Every finished
// number is kept in a cache keyed by the arrangement, so undo, redo, reset and revisiting an
// arrangement answer at once without running anything. One evaluator (one model, one set of
// images, one device) per cache: setEvaluator() empties it. The main window has two: the loaded
// model and the comparison model.
class LiveEvaluation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveEvaluation)

public:
    explicit LiveEvaluation(QObject *parent = nullptr);
    ~LiveEvaluation() override;

    // A new evaluator for networks of `blocks` blocks on `images` images; an empty one stops.
    // `source` (e.g. the engine) only identifies the evaluator: engineUsed() returns it.
    // `cacheKey` names everything that shapes the numbers (Engine::resultKey: the model file's
    // contents, the images and their normalisation, the device, the precision): the numbers of an
    // earlier evaluator with the same key come back (the original's too, announced with the next
    // request), so returning to a model, as a lecture tour does, evaluates nothing again. The
    // shelf keeps the last `maxShelved` evaluators' numbers.
    void setEvaluator(Evaluator evaluator, int blocks, qint64 images, const void *source = nullptr,
                      const QString &cacheKey = {});
    const void *engineUsed() const { return m_source; }
    bool hasEvaluator() const { return bool(m_evaluator); }
    qint64 imageCount() const { return m_images; }

    // The number for `arrangement`, shown as the result of edit `edit` (the x of the history plot).
    void request(const Arrangement &arrangement, int edit);
    void cancel(); // nothing in flight arrives any more
    void forgetResults() { m_cache.clear(); } // every number but the original's is measured again

    double originalAccuracy() const { return m_original; } // -1 while unknown
    bool isRunning() const { return m_running; }
    int evaluationsStarted() const { return m_started; } // requests that reached the worker
    bool isCached(const Arrangement &arrangement) const { return m_cache.contains(key(arrangement)); }
    // The finished number of `arrangement` (accuracy, images) when the cache holds it.
    std::optional<std::pair<double, qint64>> cached(const Arrangement &arrangement) const;

    // Arrangements to evaluate into the cache while nothing else runs (the lecture tour's next
    // step, while the room reads the caption). Nothing is shown for them; a request() goes first,
    // and takes over the evaluation in flight when it asks for the same arrangement. Replaces the
    // arrangements still waiting.
    void prefetch(const std::vector<Arrangement> &arrangements);
    bool isPrefetching() const { return m_prefetching || !m_prefetchQueue.empty(); }
    int prefetchesStarted() const { return m_prefetchesStarted; } // not counted in evaluationsStarted

    // Milliseconds from the latest request to its first running estimate and to its final number.
    struct Timing
    {
        qint64 firstEstimateMs = -1;
        qint64 finishedMs = -1;
    };
    Timing lastTiming() const { return m_timing; }

Q_SIGNALS:
    void prefetchDone(); // nothing waits to be prefetched any more
    void started(int edit, bool original); // the worker runs, the number shown is stale
    void estimate(int edit, double accuracy, double halfWidth, qint64 done, qint64 total);
    void originalMeasured(double accuracy);
    void finished(int edit, double accuracy, qint64 images, double seconds, bool cached);
    void failed(const QString &message);

private:
    static QString key(const Arrangement &arrangement);
    void run(const Arrangement &arrangement, bool original);
    void onProgress(int requestId, qint64 correct, qint64 done, qint64 total);
    void onFinished(int requestId, double accuracy, qint64 images, double seconds);
    void onFailed(int requestId, const QString &message);
    void startPrefetch(); // the next waiting arrangement, when nothing runs

    EvaluationThread *m_thread = nullptr;
    Evaluator m_evaluator;
    const void *m_source = nullptr;
    int m_blocks = 0;
    qint64 m_images = 0;
    using Cache = QHash<QString, std::pair<double, qint64>>; // accuracy and images, by arrangement
    Cache m_cache;
    QString m_cacheKey;
    QHash<QString, std::pair<Cache, double>> m_shelf; // earlier evaluators' caches and originals, by key
    QStringList m_shelfOrder;                          // the shelf's keys, least recently left first
    static constexpr int maxShelved = 8;
    bool m_announceOriginal = false; // the original came from the shelf: the next request says so
    Arrangement m_wanted;       // the latest request's arrangement
    int m_wantedEdit = 0;
    Arrangement m_runningArrangement;
    int m_latestId = 0;
    bool m_running = false;
    bool m_measuringOriginal = false;
    double m_original = -1;
    int m_started = 0;
    std::vector<Arrangement> m_prefetchQueue;
    bool m_prefetching = false; // what runs is a prefetch: its estimates are not shown
    int m_prefetchesStarted = 0;
    QElapsedTimer m_clock;
    Timing m_timing;
};

} // namespace pathlens
