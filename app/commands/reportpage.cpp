// report's index.html: the key numbers next to the paper's, and the figures.

#include "commands.h"

#include "papercriteria.h"
#include "paths.h"
#include "statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pathlens::cli {
namespace {

// The experiments' JSON (Outcome::json) as the page reads it: a missing key or a null (NaN) reads 0.
double number(const Json &object, const char *key)
{
    return json::toDouble(json::member(object, key));
}

int whole(const Json &object, const char *key)
{
    return json::toInt(json::member(object, key));
}

// The half width of a mean's 95% interval (Student's t with samples - 1 degrees of freedom) of a
// point (its "accuracies") or a group of its samples ("samples"); 0 for one sample, whose spread
// is unknown (as its standard error of 0 said before).
double halfWidth95(const Json &point)
{
    const int samples = json::contains(point, "samples") ? whole(point, "samples")
                                                        : int(json::array(json::member(point, "accuracies")).size());
    return samples < 2 ? 0.0 : studentQuantile(0.95, samples - 1) * number(point, "standard_error");
}

// Fig. 5a/5b: the points' means and the half widths of their 95% intervals.
Verdict sweepVerdict(const Json &points, const std::string &axis)
{
    std::vector<double> means, halfWidths;
    for (const Json &point : points) {
        means.push_back(number(point, "mean"));
        halfWidths.push_back(halfWidth95(point));
    }
    return nonIncreasingVerdict(means, halfWidths, axis);
}

QString verdictCell(const Verdict &verdict)
{
    return (!verdict.comparable ? QStringLiteral("<b>not comparable</b>")
            : verdict.matches   ? QStringLiteral("<b>matches the paper</b>")
                                : QStringLiteral("<b>differs</b>"))
           + QStringLiteral(": %1 (criterion: %2)")
                 .arg(QString::fromStdString(verdict.finding).toHtmlEscaped(),
                      QString::fromStdString(verdict.criterion).toHtmlEscaped());
}

} // namespace

QString reportPage(const QString &modelPath, const std::vector<Outcome> &outcomes, bool quick, double seconds)
{
    // Found by name: a plain network's report has no gradients (one path has no distribution over
    // lengths), that of a network with one block per stage no reordering.
    auto experiment = [&](const char *name) {
        for (const Outcome &outcome : outcomes)
            if (outcome.name == QLatin1String(name))
                return json::object(outcome.json);
        return Json::object();
    };
    const Json lesion = experiment("lesion");
    const Json deletion = experiment("delete-k");
    const Json reorder = experiment("reorder");
    const Json paths = experiment("paths");
    const Json gradients = experiment("gradients");
    auto percent = [](double fraction) { return QStringLiteral("%1%").arg(100 * fraction, 0, 'f', 2); };
    // A sweep point's mean and its interval within 0-100 %: with --quick's 2 samples it read
    // "55.00% ± 247.77%".
    const auto meanWithInterval = [&](const Json &point) {
        const double mean = number(point, "mean"), half = halfWidth95(point);
        return QStringLiteral("mean %1 (95% interval of the mean %2–%3)")
            .arg(percent(mean), percent(std::max(0.0, mean - half)), percent(std::min(1.0, mean + half)));
    };

    const Json &deletionPoints = json::array(json::member(deletion, "points"));
    const Json tenDeleted = deletionPoints.empty()       ? Json::object()
                            : deletionPoints.size() > 10 ? json::object(deletionPoints[10])
                                                         : json::object(deletionPoints.back());
    // Smoothness of the reorder curve: the largest drop of mean accuracy between neighbours.
    double largestStep = 0;
    const Json &reorderPoints = json::array(json::member(reorder, "points"));
    for (size_t i = 1; i < reorderPoints.size(); ++i)
        largestStep = std::max(largestStep, number(reorderPoints[i - 1], "mean") - number(reorderPoints[i], "mean"));
    const int active = whole(paths, "active");
    const Json &effective = json::object(json::member(gradients, "effective"));
    EffectiveWindow window;
    const Json &windows = json::array(json::member(gradients, "windows"));
    if (const Json &w = windows.empty() ? windows : json::object(windows[0]); !w.empty()) {
        // [low, high]: the bootstrap interval of one end of the window.
        auto end = [&](const char *key, size_t i) {
            const Json &interval = json::array(json::member(w, key));
            return i < interval.size() ? json::toInt(interval[i]) : 0;
        };
        window.from = whole(w, "from");
        window.to = whole(w, "to");
        window.fromLow = end("from_interval_95", 0);
        window.fromHigh = end("from_interval_95", 1);
        window.toLow = end("to_interval_95", 0);
        window.toHigh = end("to_interval_95", 1);
    }

    QString rows;
    auto row = [&](const QString &figure, const QString &ours, const QString &paper, const QString &verdict = QString()) {
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n").arg(figure, ours, paper, verdict);
    };
    // With critical blocks, the two groups of samples beside the overall mean.
    auto splitText = [&](const Json &point) {
        const Json &touching = json::object(json::member(point, "touching_critical"));
        const Json &sparing = json::object(json::member(point, "sparing_critical"));
        if (touching.empty())
            return QString();
        auto group = [&](const Json &g) {
            const int samples = whole(g, "samples");
            if (samples < 2)
                return samples ? QStringLiteral("%1 (1 sample)").arg(percent(number(g, "mean"))) : QStringLiteral("no samples");
            return QStringLiteral("%1 ± %2 (%3 samples)")
                .arg(percent(number(g, "mean")), percent(halfWidth95(g)))
                .arg(samples);
        };
        QStringList blocks;
        for (const Json &block : json::array(json::member(deletion, "critical_blocks")))
            blocks << QString::number(json::toInt(block));
        return QStringLiteral("; samples with critical block(s) %1: %2, without: %3")
            .arg(blocks.join(QStringLiteral(", ")), group(touching), group(sparing));
    };
    // Fig. 3 for the model, Fig. 8 for the compared ones (--compare): a plain control against
    // chance, a residual network by the median drop over its non-downsampling blocks.
    // `accuracy[b]` is null for a layer that cannot be deleted.
    auto lesionRow = [&](const QString &figure, const Json &model, const Json &accuracy, const Json &downsampling) {
        std::vector<double> deletable, residual;
        for (size_t b = 0; b < accuracy.size(); ++b) {
            if (!accuracy[b].is_number())
                continue;
            deletable.push_back(json::toDouble(accuracy[b]));
            if (!(b < downsampling.size() && json::toBool(downsampling[b])))
                residual.push_back(json::toDouble(accuracy[b]));
        }
        const double baseline = number(model, "baseline");
        if (json::toBool(json::member(model, "plain"))) {
            const int classes = whole(model, "classes");
            QString ours = QStringLiteral("no layer can be deleted");
            if (!deletable.empty()) {
                const auto [low, high] = std::minmax_element(deletable.begin(), deletable.end());
                ours = QStringLiteral("baseline %1; %2 of %3 layers deletable, accuracies %4 to %5; chance %6")
                           .arg(percent(baseline)).arg(deletable.size()).arg(accuracy.size())
                           .arg(percent(*low), percent(*high), percent(1.0 / std::max(1, classes)));
            }
            row(figure + QStringLiteral(", plain control"), ours,
                QStringLiteral("plain (VGG-like) network: every deletion drops to chance level"),
                verdictCell(plainControlVerdict(deletable, classes)));
            return;
        }
        const double mean = residual.empty() ? 0 : std::accumulate(residual.begin(), residual.end(), 0.0) / residual.size();
        const double worst = residual.empty() ? 0 : *std::min_element(residual.begin(), residual.end());
        row(figure, QStringLiteral("baseline %1; mean %2 and worst %3 over non-downsampling blocks")
                        .arg(percent(baseline), percent(mean), percent(worst)),
            QStringLiteral("ResNet: small drops except at downsampling blocks; stochastic depth: smaller still"),
            verdictCell(singleDeletionVerdict(baseline, residual)));
    };
    Json accuracy = Json::array(), downsampling = Json::array();
    for (const Json &block : json::array(json::member(lesion, "blocks"))) {
        accuracy.push_back(json::member(block, "accuracy"));
        downsampling.push_back(json::member(block, "downsampling"));
    }
    lesionRow(QStringLiteral("Fig. 3, single deletion"), lesion, accuracy, downsampling);
    // One comparison is an object, several an array of them.
    const Json &compareValue = json::member(lesion, "compare");
    for (const Json &other : compareValue.is_array() ? compareValue : Json::array({compareValue}))
        if (!json::object(other).empty())
            lesionRow(QStringLiteral("Fig. 8, <code>%1</code>")
                          .arg(QString::fromStdString(json::toString(json::member(other, "model"))).toHtmlEscaped()),
                      other, json::array(json::member(other, "accuracy")),
                      json::array(json::member(other, "downsampling")));
    row(QStringLiteral("Fig. 5a, random deletion"),
        QStringLiteral("%1 blocks deleted: %2, spread %3%4")
            .arg(whole(tenDeleted, "deleted"))
            .arg(meanWithInterval(tenDeleted), percent(number(tenDeleted, "std")), splitText(tenDeleted)),
        QStringLiteral("accuracy falls smoothly with the number of deleted blocks"),
        verdictCell(sweepVerdict(deletionPoints, "k")));
    if (reorder.empty())
        row(QStringLiteral("Fig. 5b, reordering"), QStringLiteral("no two blocks of this network can trade places"),
            QStringLiteral("accuracy falls smoothly as Kendall's tau decreases"),
            QStringLiteral("not measured: one block per stage"));
    else
        row(QStringLiteral("Fig. 5b, reordering"),
            QStringLiteral("largest drop between neighbouring swap counts: %1 pp").arg(100 * largestStep, 0, 'f', 2),
            QStringLiteral("accuracy falls smoothly as Kendall's tau decreases"),
            verdictCell(sweepVerdict(reorderPoints, "the number of swaps (1 - tau grows with it)")));
    if (gradients.empty()) { // a plain network
        row(QStringLiteral("Fig. 6, paths"), QStringLiteral("a plain network: one path, of length %1").arg(active),
            QStringLiteral("the plain control has a single path; the paper measures paths of the ResNet only"),
            QStringLiteral("not comparable: no gradient per path length without shortcuts"));
    } else {
    row(QStringLiteral("Fig. 6a, path lengths"),
        QStringLiteral("%1 active blocks; lengths 5–17 hold %2 of paths").arg(active).arg(percent(shareOfPaths(active, 5, 17))),
        QStringLiteral("54 blocks; lengths 5–17 hold 0.45%, 19–35 more than 95%"));
    row(QStringLiteral("Fig. 6b/c, effective paths"),
        QStringLiteral("lengths %1–%2, %3 of all paths")
            .arg(whole(effective, "from")).arg(whole(effective, "to"))
            .arg(percent(number(effective, "share_of_paths"))),
        QStringLiteral("lengths 5–17, 0.45% of all paths"),
        verdictCell(effectiveWindowVerdict(active, window)));
    }

    // A transformer's units (issue 28): each kind deleted alone, and the predictors against the truth.
    QStringList kindTexts;
    for (const Outcome &outcome : outcomes)
        if (outcome.name.startsWith(QLatin1String("delete-k-"))) {
            const Json &points = json::array(json::member(outcome.json, "points"));
            if (points.empty())
                continue;
            const Json &last = json::object(points.back());
            kindTexts << QStringLiteral("%1 %2 units deleted: %3")
                             .arg(whole(last, "deleted"))
                             .arg(QString::fromStdString(json::toString(json::member(outcome.json, "kind"))).toHtmlEscaped())
                             .arg(meanWithInterval(last));
        }
    if (!kindTexts.isEmpty())
        row(QStringLiteral("Units by kind (He et al., 2024)"), kindTexts.join(QStringLiteral("; ")),
            QStringLiteral("ViTs lose little to any one deleted layer (Bhojanapalli et al., 2021); "
                           "attention units are cheaper to delete than MLP units (He et al., 2024)"),
            QStringLiteral("not compared: other networks and data"));
    const Json predictors = experiment("predictors");
    if (!predictors.empty()) {
        const Json &influence = json::object(json::member(predictors, "block_influence_vs_cost"));
        const Json &interval = json::array(json::member(influence, "interval_95"));
        row(QStringLiteral("Block influence as a predictor"),
            QStringLiteral("Spearman's ρ against the cost of deletion %1 (95%: %2 to %3, %4 units)")
                .arg(number(influence, "rho"), 0, 'f', 2)
                .arg(interval.size() == 2 ? json::toDouble(interval[0]) : std::nan(""), 0, 'f', 2)
                .arg(interval.size() == 2 ? json::toDouble(interval[1]) : std::nan(""), 0, 'f', 2)
                .arg(whole(influence, "pairs")),
            QStringLiteral("ShortGPT (2025) removes the layers of least influence 1 − cos(x_in, x_out)"),
            QStringLiteral("not compared: other networks and data"));
    }

    QString figuresHtml;
    auto figure = [&](const QString &stem, const QString &caption, const QString &data) {
        figuresHtml += QStringLiteral("<figure><img src=\"%1.png\" alt=\"%1\"><figcaption>%1: %2. "
                                      "<a href=\"%1.pdf\">PDF</a> · <a href=\"%1.svg\">SVG</a>%3</figcaption></figure>\n")
                           .arg(stem, caption.toHtmlEscaped(), data);
    };
    for (const Outcome &outcome : outcomes) {
        figure(outcome.name, outcome.caption,
               QStringLiteral(" · <a href=\"%1.csv\">CSV</a> · <a href=\"%1.json\">JSON</a>").arg(outcome.name));
        for (const Outcome::View &view : outcome.moreFigures)
            figure(outcome.name + "-" + view.tag, view.caption + "; " + outcome.caption,
                   QStringLiteral(" · numbers in <a href=\"%1.csv\">%1.csv</a>").arg(outcome.name));
    }
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>pathlens report</title>\n"
               "<style>body{font-family:sans-serif;max-width:1400px;margin:2em auto;color:#111}"
               "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;text-align:left}"
               "figure{display:inline-block;margin:1em;width:640px}img{width:100%}</style></head><body>\n"
               "<h1>pathlens report</h1>\n<p>Model <code>%1</code>. %2 Written in %3 s.</p>\n"
               "<h2>Key numbers next to the paper's</h2>\n<table><tr><th>figure</th><th>ours</th>"
               "<th>Veit et al. 2016 (CIFAR-10, ResNet-110)</th><th>verdict</th></tr>\n%4</table>\n<h2>Figures</h2>\n%5</body></html>\n")
        .arg(modelPath.toHtmlEscaped(),
             quick ? QStringLiteral("Quick version: few images and samples, numbers are rough.")
                   : QStringLiteral("Single deletion on 2,000 test images, sweeps on 1,000 with 20 samples per point, "
                                    "gradients from 10 batches of 32 training images per length. "
                                    "Intervals are 95%: Wilson's for an accuracy, Student's t for a mean of "
                                    "samples, bootstrap (1,000 resamples) for the ends of an effective window."))
        .arg(seconds, 0, 'f', 0)
        .arg(rows, figuresHtml);
}

} // namespace pathlens::cli
