#pragma once
// A self-contained report of one run, as HTML (plots embedded as base64 PNG, so the one file
// can be mailed or archived) or PDF (the same HTML typeset by QTextDocument): overview, final
// metrics, curves, the full configuration, statistics of the training data and the runtime
// the report was made on. Sections whose source files are missing or corrupt say so instead.
#include <QDateTime>
#include <QImage>
#include <QSize>
#include <QString>
#include <optional>
#include <utility>
#include <vector>

#include "data/statistics.h"
#include "runtime_summary.h"
#include "train/run_reader.h"

namespace uegr::studio {

struct ReportFigure {
    QString title;
    QImage image;
};

struct RunReport {
    RunOverview overview;
    RunMetrics metrics;
    QString metricsError;
    std::vector<std::pair<QString, QString>> config;  // dotted key -> value, sorted by key
    QString configError;
    QString datasetFile;
    std::optional<DatasetStatistics> dataset;
    QString datasetError;
    RuntimeSummary runtime;
    QDateTime generated;
    std::vector<ReportFigure> figures;  // see renderReportFigures
};

// Reads the run's files and computes the training data's statistics. Blocks on file I/O; safe
// on any thread.
RunReport collectRunReport(const QString& runDir);

// Draws the curves (losses, dev metrics, and mask density / dropout rates where the run has
// them) into report.figures. Uses QCustomPlot, so call it on the GUI thread.
void renderReportFigures(RunReport& report, QSize size = QSize(800, 360));

enum class ReportImages {
    Embedded,   // <img src="data:image/png;base64,...">
    Resources,  // <img src="figure-N.png">, for a QTextDocument that holds them as resources
};
QString reportHtml(const RunReport& report, ReportImages images);
QString figureResourceName(int index);

// Both write atomically (QSaveFile) and return an empty string or an error message.
QString writeHtmlReport(const RunReport& report, const QString& path);
QString writePdfReport(const RunReport& report, const QString& path);

}  // namespace uegr::studio
