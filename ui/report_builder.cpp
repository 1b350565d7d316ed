#include "report_builder.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "config/config_diff.h"
#include "config/run_config.h"
#include "data/table_reader.h"
#include "eval/metrics.h"
#include "live_plot.h"
#include "parameter_heatmap.h"
#include "report_pagination.h"
#include "robustness_comparison.h"
#include "robustness_plot.h"
#include "runs_plots.h"
#include "saliency_colours.h"
#include "saliency_source.h"
#include "util/atomic_file.h"
#include "util/install_paths.h"

namespace uegr::studio {
namespace {

// Free functions have no ReportStrings::tr(); this class gives the report's strings one translation context
// that lupdate understands.
class ReportStrings {
    Q_DECLARE_TR_FUNCTIONS(uegr::studio::RunReport)
};

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

QString escaped(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

QString number(double value, int decimals = 4) {
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QString::number(value);
}

// The run's config.json, flattened, and the keys whose values differ from a default config's
// (compared as JSON, as the Runs page's config diff does).
void readConfig(const QString& runDir, RunReport& report) {
    const std::string path = QDir(runDir).filePath(QStringLiteral("config.json")).toStdString();
    FlatConfig config;
    try {
        config = flattenConfig(nlohmann::json::parse(readFile(path)));
    } catch (const std::exception& error) {
        report.configError = QString::fromStdString(error.what());
        return;
    }
    const auto entry = [](const std::string& key, const nlohmann::json& value) {
        return std::pair(QString::fromStdString(key), QString::fromStdString(configValueText(value)));
    };
    for (const auto& [key, value] : config) report.config.push_back(entry(key, value));
    for (const ConfigDifference& difference : diffConfigs(config, flattenConfig(toJson(RunConfig{}))))
        if (difference.left) report.changedConfig.push_back(entry(difference.key, *difference.left));
}

// Statistics of the whole training file as the run's column mapping reads it.
void readDataset(const QString& runDir, RunReport& report) {
    try {
        const RunConfig config =
            loadRunConfig(QDir(runDir).filePath(QStringLiteral("config.json")).toStdString());
        const DataConfig& data = config.data;
        const bool demo = data.train.empty();
        const std::string train = demo ? demoDataDirectory() + "/train.csv" : data.train;
        report.datasetFile = QString::fromStdString(train);
        const RawTable table = readTable(train, demo ? "csv" : data.format, /*skipBadRows=*/true);
        const ColumnMapping mapping =
            demo ? ColumnMapping{ColumnRef{"text", -1}, ColumnRef{}, ColumnRef{"label", -1}}
                 : ColumnMapping{data.textColumn, data.pairColumn, data.labelColumn};
        LabelledRows rows = mapColumns(table, mapping, /*skipBadRows=*/true);
        rows.skipped.insert(rows.skipped.begin(), table.skipped.begin(), table.skipped.end());
        report.dataset = computeStatistics(rows, data.lowercase);
    } catch (const std::exception& error) {
        report.datasetError = QString::fromStdString(error.what());
    }
}

constexpr int kParameterSaliencyExamples = 32;
constexpr int kTokenSaliencyExamples = 3;

QString splitName(SaliencySource::Split split) {
    switch (split) {
        case SaliencySource::Split::Dev:
            return ReportStrings::tr("dev");
        case SaliencySource::Split::Test:
            return ReportStrings::tr("test");
        case SaliencySource::Split::Train:
            return ReportStrings::tr("training");
        case SaliencySource::Split::None:
            break;
    }
    return {};
}

// The model bundle's saliency on the run's dev examples (SaliencySource falls back to the test or
// training split when the run has no dev split).
void computeSaliency(const QString& runDir, RunReport& report) {
    report.hasModelBundle = QDir(runDir).exists(QStringLiteral("model"));
    if (!report.hasModelBundle) return;
    try {
        const std::shared_ptr<SaliencySource> source = SaliencySource::open(runDir, DataConfig{});
        if (source->examples().empty()) {
            report.saliencyError = source->examplesError();
            return;
        }
        report.saliencySplit = splitName(source->examplesSplit());
        report.parameterSaliency = source->parameterSnapshot(kParameterSaliencyExamples);
        const int count = std::min<int>(kTokenSaliencyExamples, static_cast<int>(source->examples().size()));
        for (int i = 0; i < count; ++i) {
            const TokenSaliencyResult result = source->explainExample(
                i, TokenSaliencyMethod::GradientTimesInput, /*steps=*/1, /*target=*/-1);
            ReportTokenSaliency explained;
            explained.tokens = result.tokens;
            explained.scores = result.scores;
            explained.predictedLabel = source->labels().value(result.predicted);
            explained.trueLabel = source->examples()[static_cast<std::size_t>(i)].trueLabel;
            report.tokenSaliency.push_back(std::move(explained));
        }
    } catch (const std::exception& error) {
        report.saliencyError = QString::fromStdString(error.what());
        report.parameterSaliency.reset();
        report.tokenSaliency.clear();
    }
}

bool hasNamedValues(const RunMetrics& metrics, NamedValues StepTelemetry::*member) {
    for (const StepTelemetry& step : metrics.steps)
        if (!(step.*member).empty()) return true;
    return false;
}

QImage render(LivePlot& plot, QSize size) {
    plot.fitView();
    return plot.toPixmap(size.width(), size.height()).toImage();
}

QString pngDataUrl(const QImage& image) {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

// The tokens as spans coloured like the Saliency page's signed scale (gamma 1), scaled to the
// example's largest |score|; the score is the span's tooltip.
QString tokenSpans(const ReportTokenSaliency& explained) {
    double scale = 0;
    for (double score : explained.scores) scale = std::max(scale, std::abs(score));
    QStringList spans;
    for (int i = 0; i < explained.tokens.size(); ++i) {
        const double score = explained.scores.value(i);
        const QColor background = saliencyColour(score, scale, /*signedScale=*/true, /*gamma=*/1.0);
        spans << QStringLiteral("<span style=\"background-color:%1;color:%2\" title=\"%3\">%4</span>")
                     .arg(background.name(), saliencyTextColour(background).name(),
                          QString::number(score, 'g', 3), escaped(explained.tokens[i]));
    }
    return spans.join(QLatin1Char(' '));
}

QString row(const QString& key, const QString& value) {
    return QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>\n")
        .arg(escaped(key), escaped(value));
}

QString metricsTable(const RunReport& report) {
    const RunOverview& run = report.overview;
    if (!run.hasBestDev && !run.hasTest)
        return QStringLiteral("<p>%1</p>\n").arg(escaped(ReportStrings::tr("No evaluation yet.")));
    QString html = QStringLiteral(
                       "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<tr><th></th><th>%1</th>"
                       "<th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
                       .arg(escaped(ReportStrings::tr("step")), escaped(ReportStrings::tr("accuracy")),
                            escaped(ReportStrings::tr("macro-F1")), escaped(ReportStrings::tr("MCC")),
                            escaped(ReportStrings::tr("loss")));
    const auto line = [&html](const QString& name, const EvalTelemetry& eval) {
        html += QStringLiteral(
                    "<tr><th "
                    "align=\"left\">%1</th><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
                    .arg(escaped(name))
                    .arg(eval.step)
                    .arg(number(eval.accuracy), number(eval.macroF1), number(eval.mcc), number(eval.loss));
    };
    if (run.hasBestDev) line(ReportStrings::tr("Best dev"), run.bestDev);
    if (run.hasTest) line(ReportStrings::tr("Test (best dev model)"), run.test);
    return html + QStringLiteral("</table>\n");
}

// Precision, recall, F1 and support per label, then the confusion matrix (rows: true label).
QString classTables(const QString& title, const LabelledConfusion& confusion) {
    const auto header = [](const QString& text) { return QStringLiteral("<th>%1</th>").arg(escaped(text)); };
    QString html =
        QStringLiteral("<h3>%1</h3>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<tr>")
            .arg(escaped(title));
    for (const QString& name :
         {ReportStrings::tr("label"), ReportStrings::tr("precision"), ReportStrings::tr("recall"),
          ReportStrings::tr("F1"), ReportStrings::tr("support")})
        html += header(name);
    html += QStringLiteral("</tr>\n");
    const std::vector<ClassScores> scores = perClassScores(confusion.matrix);
    for (std::size_t k = 0; k < scores.size(); ++k)
        html += QStringLiteral(
                    "<tr><th align=\"left\">%1</th><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>\n")
                    .arg(escaped(confusion.labels[k]))
                    .arg(number(scores[k].precision, 3), number(scores[k].recall, 3), number(scores[k].f1, 3))
                    .arg(scores[k].support);
    html +=
        QStringLiteral("</table>\n<p>%1</p>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<tr>")
            .arg(escaped(
                ReportStrings::tr("Confusion matrix: rows are true labels, columns predicted labels.")));
    html += header(QString());
    for (const std::string& label : confusion.labels) html += header(QString::fromStdString(label));
    html += QStringLiteral("</tr>\n");
    for (std::size_t row = 0; row < confusion.labels.size(); ++row) {
        html += QStringLiteral("<tr><th align=\"left\">%1</th>").arg(escaped(confusion.labels[row]));
        for (std::int64_t count : confusion.matrix.counts[row])
            html += QStringLiteral("<td align=\"right\">%1</td>").arg(count);
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

// Nothing for runs without per-class results (no dev or test split, or older summaries).
QString perClassSection(const RunReport& report) {
    const RunOverview& run = report.overview;
    QString html;
    if (run.hasBestDev && !run.bestDev.confusion.empty())
        html += classTables(ReportStrings::tr("Best dev"), run.bestDev.confusion);
    if (run.hasTest && !run.test.confusion.empty())
        html += classTables(ReportStrings::tr("Test (best dev model)"), run.test.confusion);
    if (html.isEmpty()) return html;
    return QStringLiteral("<h2>%1</h2>\n").arg(escaped(ReportStrings::tr("Per-class results"))) + html;
}

QString datasetSection(const RunReport& report) {
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(escaped(ReportStrings::tr("Training data")));
    if (!report.dataset)
        return html + QStringLiteral("<p>%1</p>\n")
                          .arg(escaped(ReportStrings::tr("Not available: %1").arg(report.datasetError)));
    const DatasetStatistics& statistics = *report.dataset;
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
    html += row(ReportStrings::tr("File"), QDir::toNativeSeparators(report.datasetFile));
    html += row(ReportStrings::tr("Rows"), QString::number(statistics.rows));
    html += row(ReportStrings::tr("Skipped rows"), QString::number(statistics.skippedRows));
    html += row(ReportStrings::tr("Average tokens"), number(statistics.avgTokens, 1));
    html += row(ReportStrings::tr("Longest text (tokens)"), QString::number(statistics.maxTokens));
    for (const auto& [label, count] : statistics.labelCounts)
        html += row(ReportStrings::tr("Label %1").arg(QString::fromStdString(label)),
                    QStringLiteral("%1 (%2 %)")
                        .arg(count)
                        .arg(number(statistics.rows ? 100.0 * static_cast<double>(count) /
                                                          static_cast<double>(statistics.rows)
                                                    : 0,
                                    1)));
    return html + QStringLiteral("</table>\n");
}

QString runtimeSection(const RunReport& report) {
    const RuntimeSummary& runtime = report.runtime;
    QString html =
        QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n")
            .arg(escaped(ReportStrings::tr("Runtime")),
                 escaped(ReportStrings::tr("Of the machine that made this report.")));
    html += row(ReportStrings::tr("UEGR"), runtime.uegrVersion);
    html += row(ReportStrings::tr("LibTorch"), runtime.torchVersion);
    html +=
        row(ReportStrings::tr("BLAS"), QStringLiteral("%1 (%2)").arg(runtime.blasKind, runtime.blasLibrary));
    html += row(ReportStrings::tr("Intra-op threads"), QString::number(runtime.intraOpThreads));
    html += row(ReportStrings::tr("CUDA"),
                runtime.cudaAvailable ? ReportStrings::tr("%n device(s)", nullptr, runtime.cudaDevices)
                                      : ReportStrings::tr("not available"));
    return html + QStringLiteral("</table>\n");
}

QString saliencySection(const RunReport& report, ReportImages images) {
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(escaped(ReportStrings::tr("Saliency")));
    if (!report.saliencyError.isEmpty())
        return html + QStringLiteral("<p>%1</p>\n")
                          .arg(escaped(ReportStrings::tr("Not available: %1").arg(report.saliencyError)));
    if (report.parameterSaliency) {
        html +=
            QStringLiteral("<h3>%1</h3>\n<p>%2</p>\n")
                .arg(escaped(ReportStrings::tr("Parameter saliency")),
                     escaped(ReportStrings::tr("|θ ⊙ ∂L/∂θ| of each parameter tensor on one batch of up to "
                                               "%1 examples of the %2 data.")
                                 .arg(kParameterSaliencyExamples)
                                 .arg(report.saliencySplit)));
        if (report.saliencyFigure) {
            const QImage& image = report.saliencyFigure->image;
            const QString source =
                images == ReportImages::Embedded ? pngDataUrl(image) : saliencyFigureResourceName();
            html += QStringLiteral("<p><img src=\"%1\" width=\"%2\" alt=\"%3\"></p>\n")
                        .arg(source)
                        .arg(std::min(image.width(), 640))
                        .arg(escaped(report.saliencyFigure->title));
        }
    }
    if (!report.tokenSaliency.empty()) {
        html += QStringLiteral("<h3>%1</h3>\n<p>%2</p>\n")
                    .arg(escaped(ReportStrings::tr("Token saliency")),
                         escaped(ReportStrings::tr("Gradient × input toward the predicted class on the first "
                                                   "examples of the %1 data: red tokens speak for it, blue "
                                                   "ones against it.")
                                     .arg(report.saliencySplit)));
        for (const ReportTokenSaliency& explained : report.tokenSaliency)
            html += QStringLiteral("<p class=\"tokens\">%1</p>\n<p>%2</p>\n")
                        .arg(tokenSpans(explained),
                             escaped(ReportStrings::tr("Predicted: %1; true: %2")
                                         .arg(explained.predictedLabel, explained.trueLabel)));
    }
    return html;
}

// The side-by-side table of the workspace's runs (this one in bold on a tinted background) and the
// accuracy-versus-ε figure.
QString robustnessSection(const RunReport& report, ReportImages images) {
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(escaped(ReportStrings::tr("Robustness")));
    const RobustnessComparison comparison(report.robustness);
    html += QStringLiteral("<p>%1</p>\n")
                .arg(escaped(ReportStrings::tr(
                    "Runs of this run's workspace with saved attack results (Robustness page or its "
                    "robustness/ folder). Accuracies are on each run's attacked sample; the success rate "
                    "is over the examples the model classified correctly; PGD's figures are those at its "
                    "largest ε. This run is in bold.")));
    // Runs side by side as columns (a row per run would need 14 columns, too wide for a page);
    // each attack's metrics under a row naming it.
    const QString current = normalizedRunDir(QString::fromStdString(report.overview.dir));
    const auto& runs = comparison.rows();
    const auto cell = [&](const QString& text, std::size_t run, bool header) {
        const bool highlighted = runs[run].runDir == current;
        return QStringLiteral("<%1%2%3>%4</%1>")
            .arg(header ? QStringLiteral("th") : QStringLiteral("td"),
                 header ? QString() : QStringLiteral(" align=\"right\""),
                 highlighted ? QStringLiteral(" class=\"current\" bgcolor=\"#fff3c4\"") : QString(),
                 highlighted ? QStringLiteral("<b>%1</b>").arg(escaped(text)) : escaped(text));
    };
    html += QStringLiteral(
        "<table class=\"robustness\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<tr><th></th>");
    for (std::size_t run = 0; run < runs.size(); ++run) html += cell(runs[run].runName, run, true);
    html += QStringLiteral("</tr>\n");
    for (int column = 1; column < comparison.columnCount(); ++column) {
        if (column >= 2 && (column - 2) % 4 == 0)
            html += QStringLiteral("<tr><th align=\"left\" colspan=\"%1\">%2</th></tr>\n")
                        .arg(runs.size() + 1)
                        .arg(escaped(attackDisplayName(comparison.attackOf(column))));
        html +=
            QStringLiteral("<tr><th align=\"left\">%1</th>").arg(escaped(comparison.metricHeader(column)));
        for (std::size_t run = 0; run < runs.size(); ++run)
            html += cell(comparison.text(static_cast<int>(run), column), run, false);
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");
    for (const QString& error : report.robustnessErrors)
        html += QStringLiteral("<p>%1</p>\n").arg(escaped(ReportStrings::tr("Not read: %1").arg(error)));
    if (report.robustnessFigure) {
        const QImage& image = report.robustnessFigure->image;
        const QString source =
            images == ReportImages::Embedded ? pngDataUrl(image) : robustnessFigureResourceName();
        html += QStringLiteral("<h3>%1</h3>\n<p><img src=\"%2\" width=\"%3\" alt=\"%1\"></p>\n")
                    .arg(escaped(report.robustnessFigure->title), source)
                    .arg(std::min(image.width(), 640));
    }
    return html;
}

QString statusText(RunStatus status) {
    switch (status) {
        case RunStatus::Finished:
            return ReportStrings::tr("finished");
        case RunStatus::Stopped:
            return ReportStrings::tr("stopped");
        case RunStatus::Failed:
            return ReportStrings::tr("failed");
        case RunStatus::Running:
            return ReportStrings::tr("running");
    }
    return {};
}

}  // namespace

RunReport collectRunReport(const QString& runDir) {
    RunReport report;
    report.generated = QDateTime::currentDateTime();
    report.overview = readRunOverview(runDir.toStdString());
    try {
        report.metrics = readMetricsLog(QDir(runDir).filePath(QStringLiteral("metrics.jsonl")).toStdString());
    } catch (const std::exception& error) {
        report.metricsError = QString::fromStdString(error.what());
    }
    readConfig(runDir, report);
    readDataset(runDir, report);
    computeSaliency(runDir, report);
    report.robustness =
        loadWorkspaceRobustness(QFileInfo(normalizedRunDir(runDir)).path(), &report.robustnessErrors);
    report.runtime = queryRuntime();
    return report;
}

void renderReportFigures(RunReport& report, QSize size) {
    report.figures.clear();
    LivePlot losses(ReportStrings::tr("step"), ReportStrings::tr("loss"));
    plotLosses(losses, report.metrics);
    report.figures.push_back({ReportStrings::tr("Training losses"), render(losses, size)});
    LivePlot dev(ReportStrings::tr("step"), ReportStrings::tr("dev metric"));
    plotDevMetrics(dev, report.metrics);
    report.figures.push_back({ReportStrings::tr("Dev metrics"), render(dev, size)});
    if (hasNamedValues(report.metrics, &StepTelemetry::maskDensity)) {
        LivePlot mask(ReportStrings::tr("step"), ReportStrings::tr("kept fraction"));
        plotMaskDensity(mask, report.metrics);
        report.figures.push_back({ReportStrings::tr("Mask density"), render(mask, size)});
    }
    if (hasNamedValues(report.metrics, &StepTelemetry::dropoutRates)) {
        LivePlot dropout(ReportStrings::tr("step"), ReportStrings::tr("dropout rate"));
        plotDropoutRates(dropout, report.metrics);
        report.figures.push_back({ReportStrings::tr("Dropout rates"), render(dropout, size)});
    }
    report.saliencyFigure.reset();
    if (report.parameterSaliency) {
        ParameterHeatmap heatmap;
        heatmap.setSnapshot(*report.parameterSaliency, ReportStrings::tr("Model bundle"));
        std::vector<std::string> layers;
        for (const SaliencyTensorMap& map : report.parameterSaliency->tensors)
            if (std::find(layers.begin(), layers.end(), map.layer) == layers.end())
                layers.push_back(map.layer);
        // Room for each layer's row of tiles and their names.
        const int height = std::max(size.height(), static_cast<int>(layers.size()) * 90 + 60);
        report.saliencyFigure = ReportFigure{ReportStrings::tr("Parameter saliency"),
                                             heatmap.plot()->toPixmap(size.width(), height).toImage()};
    }
    report.robustnessFigure.reset();
    LivePlot epsilon(ReportStrings::tr("ε"), ReportStrings::tr("accuracy under attack"));
    if (plotAccuracyVersusEpsilon(epsilon, report.robustness) > 0)
        report.robustnessFigure = ReportFigure{ReportStrings::tr("Accuracy under PGD against ε"),
                                               epsilon.toPixmap(size.width(), size.height()).toImage()};
}

QString configTable(const std::vector<std::pair<QString, QString>>& entries) {
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
    for (const auto& [key, value] : entries) html += row(key, value);
    return html + QStringLiteral("</table>\n");
}

// What makes this run different: the keys not at their defaults. The whole configuration is
// in the appendix.
QString changedConfigSection(const RunReport& report) {
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(escaped(ReportStrings::tr("Configuration")));
    if (!report.configError.isEmpty())
        return html +
               QStringLiteral("<p>%1</p>\n")
                   .arg(escaped(
                       ReportStrings::tr("config.json could not be read: %1").arg(report.configError)));
    if (report.changedConfig.empty())
        return html + QStringLiteral("<p>%1</p>\n")
                          .arg(escaped(ReportStrings::tr("Every key has its default value.")));
    return html +
           QStringLiteral("<p>%1</p>\n")
               .arg(escaped(ReportStrings::tr(
                   "The keys that differ from the defaults; the appendix lists them all."))) +
           configTable(report.changedConfig);
}

QString configAppendix(const RunReport& report) {
    if (!report.configError.isEmpty()) return {};
    return QStringLiteral("<h2 style=\"page-break-before: always\">%1</h2>\n")
               .arg(escaped(ReportStrings::tr("Appendix: the full configuration"))) +
           configTable(report.config);
}

QString figureResourceName(int index) {
    return QStringLiteral("figure-%1.png").arg(index);
}

QString saliencyFigureResourceName() {
    return QStringLiteral("saliency.png");
}

QString robustnessFigureResourceName() {
    return QStringLiteral("robustness.png");
}

QString reportHtml(const RunReport& report, ReportImages images) {
    const RunOverview& run = report.overview;
    const QString title = ReportStrings::tr("UEGR run report: %1").arg(QString::fromStdString(run.name));
    QString html = QStringLiteral(
                       "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n"
                       "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;}"
                       "table{border-collapse:collapse;}th,td{padding:0.2em 0.6em;}</style>\n"
                       "</head>\n<body>\n<h1>%1</h1>\n")
                       .arg(escaped(title));
    if (!run.error.empty())
        html += QStringLiteral("<p><b>%1</b> %2</p>\n")
                    .arg(escaped(ReportStrings::tr("Problem:")), escaped(run.error));

    html += QStringLiteral("<h2>%1</h2>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n")
                .arg(escaped(ReportStrings::tr("Overview")));
    html += row(ReportStrings::tr("Run folder"), QDir::toNativeSeparators(QString::fromStdString(run.dir)));
    html += row(ReportStrings::tr("Status"), statusText(run.status));
    html += row(ReportStrings::tr("Method"), QString::fromStdString(run.method));
    html += row(ReportStrings::tr("Model"), QString::fromStdString(run.modelType));
    html += row(ReportStrings::tr("Dataset"), QString::fromStdString(run.dataset));
    html += row(ReportStrings::tr("Steps"), run.totalSteps > 0
                                                ? QStringLiteral("%1 / %2").arg(run.steps).arg(run.totalSteps)
                                                : QString::number(run.steps));
    html +=
        row(ReportStrings::tr("Training time"), ReportStrings::tr("%1 s").arg(number(run.wallSeconds, 1)));
    html += row(ReportStrings::tr("Report made"), QLocale().toString(report.generated, QLocale::LongFormat));
    html += QStringLiteral("</table>\n");

    html += QStringLiteral("<h2>%1</h2>\n").arg(escaped(ReportStrings::tr("Final metrics"))) +
            metricsTable(report);
    html += perClassSection(report);

    html += QStringLiteral("<h2>%1</h2>\n").arg(escaped(ReportStrings::tr("Curves")));
    if (!report.metricsError.isEmpty())
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(escaped(
                        ReportStrings::tr("metrics.jsonl could not be read: %1").arg(report.metricsError)));
    for (std::size_t i = 0; i < report.figures.size(); ++i) {
        const ReportFigure& figure = report.figures[i];
        const QString source = images == ReportImages::Embedded ? pngDataUrl(figure.image)
                                                                : figureResourceName(static_cast<int>(i));
        html += QStringLiteral("<h3>%1</h3>\n<p><img src=\"%2\" width=\"%3\" alt=\"%1\"></p>\n")
                    .arg(escaped(figure.title), source)
                    .arg(std::min(figure.image.width(), 640));
    }

    if (report.hasModelBundle) html += saliencySection(report, images);
    if (!report.robustness.empty()) html += robustnessSection(report, images);

    html += changedConfigSection(report);
    html += datasetSection(report);
    html += runtimeSection(report);
    html += configAppendix(report);
    return html + QStringLiteral("</body>\n</html>\n");
}

QString writeHtmlReport(const RunReport& report, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ReportStrings::tr("Cannot write %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    file.write(reportHtml(report, ReportImages::Embedded).toUtf8());
    if (!file.commit())
        return ReportStrings::tr("Cannot write %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

QString writePdfReport(const RunReport& report, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ReportStrings::tr("Cannot write %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setTitle(
            ReportStrings::tr("UEGR run report: %1").arg(QString::fromStdString(report.overview.name)));
        writer.setCreator(QStringLiteral("UEGR Studio"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        QTextDocument document;
        for (std::size_t i = 0; i < report.figures.size(); ++i)
            document.addResource(QTextDocument::ImageResource, QUrl(figureResourceName(static_cast<int>(i))),
                                 report.figures[i].image);
        if (report.saliencyFigure)
            document.addResource(QTextDocument::ImageResource, QUrl(saliencyFigureResourceName()),
                                 report.saliencyFigure->image);
        if (report.robustnessFigure)
            document.addResource(QTextDocument::ImageResource, QUrl(robustnessFigureResourceName()),
                                 report.robustnessFigure->image);
        document.setHtml(reportHtml(report, ReportImages::Resources));
        printReport(document, writer);
    }  // the writer finishes the PDF when it goes
    if (!file.commit())
        return ReportStrings::tr("Cannot write %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

}  // namespace uegr::studio
