#pragma once

#include "arrangement.h"
#include "dataset.h"
#include "network.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QProgressBar;
class QTableWidget;
class QTableWidgetItem;

namespace pathlens {

class Engine;
class EvaluationThread;

// The main window: the blocks of the loaded network, each with a switch that deletes it, and the
// accuracy of the current arrangement, recomputed in the background after every edit.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Both show an error dialog and keep the previous state when the file cannot be used.
    bool openModel(const QString &path);
    bool openData(const QString &path);

    const Arrangement &arrangement() const { return m_arrangement; }
    QTableWidget *blockTable() const { return m_table; }
    QString accuracyText() const;
    QString lastError() const { return m_lastError; }

    static constexpr qint64 liveImages = 2000; // DESIGN.md section 9: the live subset

Q_SIGNALS:
    void evaluationFinished(double accuracy);

private:
    void chooseModel();
    void chooseData();
    bool rebuildEngine(const std::shared_ptr<Network> &network, const Dataset &data, const QString &file);
    void showNetwork();
    void setBlockActive(QTableWidgetItem *item);
    void requestEvaluation();
    void showProgress(int requestId, qint64 correct, qint64 done, qint64 total);
    void showResult(int requestId, double accuracy, qint64 images, double seconds);
    void showFailure(int requestId, const QString &message);
    void showError(const QString &title, const QString &message);

    std::shared_ptr<Network> m_network;
    NetworkInfo m_info;
    Dataset m_data;
    std::shared_ptr<Engine> m_engine;
    Arrangement m_arrangement;
    double m_originalAccuracy = -1;
    int m_latestRequest = 0;
    bool m_measuringOriginal = false;
    QString m_lastError;

    EvaluationThread *m_worker = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_accuracy = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace pathlens
