#include "exportcontroller.h"

#include "analysiscontroller.h"
#include "error.h"
#include "figures.h"
#include "liveplots.h"
#include "pathgraph.h"
#include "recentfiles.h"
#include "safefile.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

#include <exception>

namespace pathlens {
namespace {

// Width, height (logical pixels; PDF and SVG page size) and PNG resolution, remembered between exports.
bool askFigureSize(QWidget *parent, figures::Size &size)
{
    QSettings settings;
    QDialog dialog(parent);
    dialog.setWindowTitle(ExportController::tr("Figure Size"));
    auto *form = new QFormLayout(&dialog);
    auto spinBox = [&](const QString &key, int value, int maximum, const QString &suffix) {
        auto *box = new QSpinBox(&dialog);
        box->setRange(16, maximum);
        box->setValue(settings.value(key, value).toInt());
        box->setSuffix(suffix);
        return box;
    };
    QSpinBox *width = spinBox(QStringLiteral("export/width"), 800, 10000, ExportController::tr(" px"));
    QSpinBox *height = spinBox(QStringLiteral("export/height"), 500, 10000, ExportController::tr(" px"));
    QSpinBox *dpi = spinBox(QStringLiteral("export/dpi"), 192, 1200, ExportController::tr(" dpi"));
    form->addRow(ExportController::tr("&Width:"), width);
    form->addRow(ExportController::tr("&Height:"), height);
    form->addRow(ExportController::tr("PNG &resolution:"), dpi);
    // What the file will measure: width and height are at 96 dpi (a PDF's page at 72 pt per inch),
    // and a PNG at 192 dpi has twice as many pixels; "800 px" gave a 1600-pixel file unannounced.
    auto *outcome = new QLabel(&dialog);
    const auto describe = [=] {
        const double scale = dpi->value() / 96.0;
        outcome->setText(ExportController::tr("PNG: %1 × %2 pixels; PDF and SVG: %3 × %4 pt")
                             .arg(qRound(width->value() * scale))
                             .arg(qRound(height->value() * scale))
                             .arg(qRound(width->value() * 0.75))
                             .arg(qRound(height->value() * 0.75)));
    };
    describe();
    for (QSpinBox *box : {width, height, dpi})
        QObject::connect(box, &QSpinBox::valueChanged, &dialog, describe);
    form->addRow(outcome);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    size = figures::Size{width->value(), height->value(), dpi->value()};
    settings.setValue(QStringLiteral("export/width"), size.width);
    settings.setValue(QStringLiteral("export/height"), size.height);
    settings.setValue(QStringLiteral("export/dpi"), size.dpi);
    return true;
}

} // namespace

ExportController::ExportController(QWidget *window, LivePlots *plots, const AnalysisController *analyses, PathGraph *graph,
                                   RecentFiles *files)
    : QObject(window)
    , m_window(window)
    , m_plots(plots)
    , m_analyses(analyses)
    , m_graph(graph)
    , m_files(files)
{
}

void ExportController::exportPlot(const QString &name)
{
    QCustomPlot *plot = m_plots->plot(name);
    if (!plot) {
        Q_EMIT failed(tr("Nothing to export"), tr("The %1 plot is made on request: press Measure in its tab first.").arg(name));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export"), m_files->startFolder(name + QStringLiteral(".pdf")),
                                                      tr("PDF (*.pdf);;SVG (*.svg);;PNG (*.png);;Data as CSV (*.csv);;Data as JSON (*.json)"));
    if (path.isEmpty())
        return;
    try {
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == QLatin1String("csv") || suffix == QLatin1String("json")) {
            writeData(name, path);
        } else {
            figures::Size size;
            if (!askFigureSize(m_window, size))
                return;
            figures::save(*plot, path, size);
        }
        m_files->rememberWritten(path);
        Q_EMIT written(path);
    } catch (const std::exception &e) {
        Q_EMIT failed(tr("Cannot export"), QString::fromUtf8(e.what()));
    } catch (...) { // a slot's boundary: nothing thrown may reach Qt's event loop
        Q_EMIT failed(tr("Cannot export"), tr("%1: unknown error").arg(path));
    }
}

void ExportController::writeData(const QString &name, const QString &path) const
{
    const bool json = QFileInfo(path).suffix().toLower() == QLatin1String("json");
    if (const auto files = m_analyses->resultFiles(name)) {
        writeFileSafely(path.toStdString(), json ? files->json : files->csv);
        return;
    }
    // The accuracy after each edit is no experiment with a result in core: its CSV is the plot's
    // series (series,x,y).
    QCustomPlot *plot = m_plots->plot(name);
    if (name == QLatin1String("accuracy") && plot) {
        if (json)
            throw Error(tr("The accuracy history has no JSON form; export it as CSV.").toStdString());
        figures::saveCsv(*plot, path);
        return;
    }
    throw Error(tr("The %1 plot has no data to export yet.").arg(name).toStdString());
}

void ExportController::exportPathGraph()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export"), m_files->startFolder(tr("path-graph") + QStringLiteral(".pdf")),
                                                      tr("PDF (*.pdf);;SVG (*.svg);;PNG (*.png)"));
    if (path.isEmpty())
        return;
    try {
        m_graph->exportTo(path);
        m_files->rememberWritten(path);
        Q_EMIT written(path);
    } catch (const std::exception &e) {
        Q_EMIT failed(tr("Cannot export"), QString::fromUtf8(e.what()));
    } catch (...) { // a slot's boundary: nothing thrown may reach Qt's event loop
        Q_EMIT failed(tr("Cannot export"), tr("%1: unknown error").arg(path));
    }
}

} // namespace pathlens
