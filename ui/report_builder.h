#pragma once
// A self-contained report of one run, as HTML (plots embedded as base64 PNG, so the one file
// can be mailed or archived) or PDF (the same HTML typeset by QTextDocument): overview, final
// metrics, per-class scores and confusion matrices, curves, saliency of the trained model (when
// the run has a model bundle), robustness (when runs of its workspace have attack results: the
// side-by-side table and accuracy against PGD's ε), the configuration keys not at their
// defaults, statistics of the training data, the runtime the report was made on, and the full
// configuration as an appendix. Sections whose source files are missing or corrupt say so instead.
#include <QDateTime>
#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>
#include <utility>
#include <vector>

#include "data/statistics.h"
#include "robustness_results.h"
#include "runtime_summary.h"
#include "train/run_reader.h"
#include "train/telemetry.h"

namespace uegr::studio {

struct ReportFigure {
    QString title;
    QImage image;
};

// Gradient × input on one example, toward the predicted class.
struct ReportTokenSaliency {
    QStringList tokens;
    QVector<double> scores;  // signed, one per token
    QString predictedLabel, trueLabel;
};

struct RunReport {
    RunOverview overview;
    RunMetrics metrics;
    QString metricsError;
    std::vector<std::pair<QString, QString>> config;  // dotted key -> value, sorted by key
    std::vector<std::pair<QString, QString>> changedConfig;  // the entries not at their default
    QString configError;
    QString datasetFile;
    std::optional<DatasetStatistics> dataset;
    QString datasetError;
    RuntimeSummary runtime;
    QDateTime generated;
    std::vector<ReportFigure> figures;  // see renderReportFigures

    // Saliency of the run's model bundle (model/) on its first dev examples; a run without a
    // bundle has no saliency section. saliencyError says why the section is empty.
    bool hasModelBundle = false;
    QString saliencyError;
    QString saliencySplit;  // which split the examples come from, as the report words it
    std::optional<SaliencySnapshot> parameterSaliency;
    std::vector<ReportTokenSaliency> tokenSaliency;
    std::optional<ReportFigure> saliencyFigure;  // the parameter heatmap; see renderReportFigures

    // Saved attack summaries (<run>/robustness/*.json) of every run in this run's workspace (the
    // folder holding it), this run's row highlighted; no section when there are none.
    std::vector<RunAttackResult> robustness;
    QStringList robustnessErrors;                  // result files that could not be read
    std::optional<ReportFigure> robustnessFigure;  // accuracy against PGD's ε; see renderReportFigures
};

// Reads the run's files, computes the training data's statistics and, from the model bundle,
// the parameter saliency (up to 32 dev examples) and token saliency (the first 3). Blocks on
// file I/O and LibTorch work; safe on any thread.
RunReport collectRunReport(const QString& runDir);

// Draws the curves (losses, dev metrics, and mask density / dropout rates where the run has
// them) into report.figures, the parameter saliency heatmap into report.saliencyFigure and the
// accuracy against PGD's ε into report.robustnessFigure.
// Uses QCustomPlot, so call it on the GUI thread.
void renderReportFigures(RunReport& report, QSize size = QSize(800, 360));

enum class ReportImages {
    Embedded,   // <img src="data:image/png;base64,...">
    Resources,  // <img src="figure-N.png">, for a QTextDocument that holds them as resources
};
QString reportHtml(const RunReport& report, ReportImages images);
QString figureResourceName(int index);
QString saliencyFigureResourceName();
QString robustnessFigureResourceName();

// Both write atomically (QSaveFile) and return an empty string or an error message.
QString writeHtmlReport(const RunReport& report, const QString& path);
QString writePdfReport(const RunReport& report, const QString& path);

}  // namespace uegr::studio
