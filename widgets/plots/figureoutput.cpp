// How a figure is shown and written: the dark theme's inverted ink, presentation mode's larger
// type, and the PDF, SVG, PNG and CSV files (figures.h). The figures themselves are in figures.cpp
// and classfigures.cpp.

#include "figures.h"
#include "figures_p.h"

#include "error.h"
#include "safefile.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace pathlens::figures {

namespace {

// The property that holds a dark figure's background; absent while it shows print colours.
const char darkBackground[] = "pathlens_darkBackground";

QColor inverted(const QColor &colour)
{
    return QColor(255 - colour.red(), 255 - colour.green(), 255 - colour.blue(), colour.alpha());
}

QPen inverted(QPen pen)
{
    pen.setColor(inverted(pen.color()));
    return pen;
}

QBrush inverted(QBrush brush)
{
    brush.setColor(inverted(brush.color()));
    return brush;
}

// A colour map's neutral (grey) stops inverted, its hues kept: the zero of a diverging map was a
// near-white block on the dark theme (issue 25).
QCPColorGradient withNeutralInverted(QCPColorGradient gradient)
{
    QMap<double, QColor> stops = gradient.colorStops();
    for (QColor &colour : stops)
        if (colour.red() == colour.green() && colour.green() == colour.blue())
            colour = inverted(colour);
    gradient.setColorStops(stops);
    return gradient;
}

// Every colour of the figure but its background, inverted: black ink turns white, the greys
// swap lightness; inverting twice gives the print colours back exactly.
void invertColours(QCustomPlot &plot)
{
    plot.legend->setBrush(inverted(plot.legend->brush()));
    plot.legend->setBorderPen(inverted(plot.legend->borderPen()));
    plot.legend->setTextColor(inverted(plot.legend->textColor()));
    for (QCPAxis *axis : plot.axisRect()->axes()) {
        axis->setBasePen(inverted(axis->basePen()));
        axis->setTickPen(inverted(axis->tickPen()));
        axis->setSubTickPen(inverted(axis->subTickPen()));
        axis->setTickLabelColor(inverted(axis->tickLabelColor()));
        axis->setLabelColor(inverted(axis->labelColor()));
        axis->grid()->setPen(inverted(axis->grid()->pen()));
        axis->grid()->setSubGridPen(inverted(axis->grid()->subGridPen()));
        axis->grid()->setZeroLinePen(inverted(axis->grid()->zeroLinePen()));
    }
    for (QCPLayoutElement *element : plot.plotLayout()->elements(true)) {
        if (auto *text = qobject_cast<QCPTextElement *>(element))
            text->setTextColor(inverted(text->textColor()));
        if (auto *scale = qobject_cast<QCPColorScale *>(element)) { // its colours stay, its ink turns
            scale->setGradient(withNeutralInverted(scale->gradient())); // and its maps'
            QCPAxis *axis = scale->axis();
            axis->setBasePen(inverted(axis->basePen()));
            axis->setTickPen(inverted(axis->tickPen()));
            axis->setSubTickPen(inverted(axis->subTickPen()));
            axis->setTickLabelColor(inverted(axis->tickLabelColor()));
            axis->setLabelColor(inverted(axis->labelColor()));
        }
    }
    for (int i = 0; i < plot.plottableCount(); ++i) {
        QCPAbstractPlottable *plottable = plot.plottable(i);
        if (plottable->property(fixedColours).toBool())
            continue;
        plottable->setPen(inverted(plottable->pen()));
        plottable->setBrush(inverted(plottable->brush()));
        if (auto *graph = qobject_cast<QCPGraph *>(plottable)) {
            QCPScatterStyle marker = graph->scatterStyle();
            if (marker.isPenDefined())
                marker.setPen(inverted(marker.pen()));
            marker.setBrush(inverted(marker.brush()));
            graph->setScatterStyle(marker);
        }
    }
    for (int i = 0; i < plot.itemCount(); ++i)
        if (auto *text = qobject_cast<QCPItemText *>(plot.item(i)); text && text->property(otherInk).isValid()) {
            const QColor ink = text->color(); // swapped: twice gives the first back
            text->setColor(text->property(otherInk).value<QColor>());
            text->setProperty(otherInk, ink);
        } else if (text && !text->property(fixedColours).toBool())
            text->setColor(inverted(text->color()));
        else if (auto *rect = qobject_cast<QCPItemRect *>(plot.item(i))) {
            rect->setPen(inverted(rect->pen()));
            QColor brush = inverted(rect->brush().color());
            if (rect->property(darkAlpha).isValid()) // more of it on dark, where the eye sees less
                brush.setAlpha(rect->property(brush.lightness() > 127 ? darkAlpha : lightAlpha).toInt());
            rect->setBrush(brush);
        }
}

void saveAsShown(QCustomPlot &plot, const QString &path, const Size &size)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("svg") && suffix != QLatin1String("png"))
        throw Error(path.toStdString() + ": unknown figure format '" + suffix.toStdString() + "', use .pdf, .svg or .png");
    if (size.width < 16 || size.height < 16 || size.dpi < 10)
        throw Error(path.toStdString() + ": figure size or DPI too small");
    // Drawn into memory, then written by core's writeFileSafely: a device or FIFO is written
    // into, never replaced, and a failed write (a full disk) keeps the old file.
    QByteArray bytes;
    QBuffer file(&bytes);
    file.open(QIODevice::WriteOnly);
    const QSize shownSize = plot.size(); // a plot on screen gets its size back afterwards
    plot.resize(size.width, size.height);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    bool painted = true;
    if (suffix == QLatin1String("png")) {
        const double scale = size.dpi / 96.0;
        QImage image = plot.toPixmap(size.width, size.height, scale).toImage();
        image.setDotsPerMeterX(qRound(size.dpi / 0.0254));
        image.setDotsPerMeterY(qRound(size.dpi / 0.0254));
        painted = image.save(&file, "PNG");
    } else {
        // Vector output: no cosmetic pens, so lines keep their width when the figure is scaled.
        std::unique_ptr<QPaintDevice> device;
        if (suffix == QLatin1String("pdf")) {
            auto pdf = std::make_unique<QPdfWriter>(&file);
            pdf->setCreator(QStringLiteral("pathlens"));
            pdf->setResolution(96);
            pdf->setPageSize(QPageSize(QSizeF(size.width, size.height) / 96.0 * 72.0, QPageSize::Point));
            pdf->setPageMargins(QMarginsF(0, 0, 0, 0));
            device = std::move(pdf);
        } else {
            auto svg = std::make_unique<QSvgGenerator>();
            svg->setOutputDevice(&file);
            svg->setSize(QSize(size.width, size.height));
            svg->setViewBox(QRect(0, 0, size.width, size.height));
            svg->setTitle(QStringLiteral("pathlens figure"));
            device = std::move(svg);
        }
        QCPPainter painter;
        painted = painter.begin(device.get());
        if (painted) {
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            painter.setMode(QCPPainter::pmNonCosmetic);
            plot.toPainter(&painter, size.width, size.height);
            painter.end();
        }
    }
    if (plot.parentWidget()) {
        plot.resize(shownSize);
        plot.replot(QCustomPlot::rpQueuedReplot);
    }
    // QPdfWriter wrote its trailer when `device` went out of scope above: the bytes are complete.
    if (!painted)
        throw Error(path.toStdString() + ": cannot draw the figure");
    file.close();
    writeFileSafely(path.toStdString(), bytes.toStdString());
}

} // namespace

void setDark(QCustomPlot &plot, bool dark, const QColor &background)
{
    const bool isDark = plot.property(darkBackground).isValid();
    if (dark != isDark)
        invertColours(plot);
    plot.setProperty(darkBackground, dark ? QVariant(background) : QVariant());
    plot.setBackground(dark ? background : QColor(Qt::white));
    plot.replot(QCustomPlot::rpQueuedReplot);
}

const char textScale[] = "pathlens_textScale";

void setTextScale(QCustomPlot &plot, double scale)
{
    const double current = plot.property(textScale).isValid() ? plot.property(textScale).toDouble() : 1.0;
    if (qFuzzyCompare(scale, current))
        return;
    const double ratio = scale / current;
    auto scaled = [ratio](QFont font) {
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * ratio);
        else
            font.setPixelSize(qMax(1, qRound(font.pixelSize() * ratio)));
        return font;
    };
    auto scaleAxes = [&](const QList<QCPAxis *> &axes) {
        for (QCPAxis *axis : axes) {
            axis->setTickLabelFont(scaled(axis->tickLabelFont()));
            axis->setLabelFont(scaled(axis->labelFont()));
        }
    };
    for (QCPAxisRect *rect : plot.axisRects())
        scaleAxes(rect->axes());
    for (QCPLayoutElement *element : plot.plotLayout()->elements(true)) { // legends in axis insets too
        if (auto *text = qobject_cast<QCPTextElement *>(element))
            text->setFont(scaled(text->font()));
        else if (auto *legend = qobject_cast<QCPLegend *>(element))
            legend->setFont(scaled(legend->font())); // and its items'
        else if (auto *colourScale = qobject_cast<QCPColorScale *>(element))
            scaleAxes({colourScale->axis()});
    }
    for (int i = 0; i < plot.itemCount(); ++i)
        if (auto *text = qobject_cast<QCPItemText *>(plot.item(i)))
            text->setFont(scaled(text->font()));
    plot.setProperty(textScale, qFuzzyCompare(scale, 1.0) ? QVariant() : QVariant(scale));
    plot.replot(QCustomPlot::rpQueuedReplot);
}

void save(QCustomPlot &plot, const QString &path, const Size &size)
{
    // Exports are for print: a figure shown dark or enlarged (presentation mode) is saved black on
    // white at its drawn sizes, then shown as before.
    const QVariant background = plot.property(darkBackground);
    const double scale = plot.property(textScale).isValid() ? plot.property(textScale).toDouble() : 1.0;
    auto showAgain = [&] {
        if (background.isValid())
            setDark(plot, true, background.value<QColor>());
        setTextScale(plot, scale);
    };
    setDark(plot, false);
    setTextScale(plot, 1);
    try {
        saveAsShown(plot, path, size);
    } catch (...) {
        showAgain();
        throw;
    }
    showAgain();
}

void saveCsv(QCustomPlot &plot, const QString &path)
{
    // A heat map has a value per cell: the rows gain a fourth column (empty for points).
    bool cells = false;
    for (int p = 0; p < plot.plottableCount(); ++p)
        cells = cells || qobject_cast<QCPColorMap *>(plot.plottable(p));
    QByteArray csv(cells ? "series,x,y,value\n" : "series,x,y\n");
    for (int p = 0; p < plot.plottableCount(); ++p) {
        QCPAbstractPlottable *plottable = plot.plottable(p);
        if (auto *map = qobject_cast<QCPColorMap *>(plottable)) {
            QCPColorMapData *data = map->data(); // cell() is not const in QCustomPlot 2.1
            for (int x = 0; x < data->keySize(); ++x)
                for (int y = 0; y < data->valueSize(); ++y) {
                    double key = 0;
                    double value = 0;
                    data->cellToCoord(x, y, &key, &value);
                    csv += QStringLiteral("\"%1\",%2,%3,%4\n")
                               .arg(map->name())
                               .arg(key, 0, 'g', 10)
                               .arg(value, 0, 'g', 10)
                               .arg(data->cell(x, y), 0, 'g', 10)
                               .toUtf8();
                }
            continue;
        }
        QCPPlottableInterface1D *points = plottable->interface1D();
        if (!points || qobject_cast<QCPErrorBars *>(plottable)) // error bars repeat their graph's points
            continue;
        QString name = plottable->name().isEmpty() ? QStringLiteral("series %1").arg(p + 1) : plottable->name();
        name.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        for (int i = 0; i < points->dataCount(); ++i)
            csv += QStringLiteral("\"%1\",%2,%3%4\n")
                       .arg(name)
                       .arg(points->dataMainKey(i), 0, 'g', 10)
                       .arg(points->dataMainValue(i), 0, 'g', 10)
                       .arg(cells ? QStringLiteral(",") : QString())
                       .toUtf8();
    }
    writeFileSafely(path.toStdString(), csv.toStdString());
}

} // namespace pathlens::figures
