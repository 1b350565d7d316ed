#include "headless_report.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

#include "report_builder.h"

namespace uegr::studio {
namespace {

int fail(int status, const QString& message) {
    std::fprintf(stderr, "error: %s\n", qPrintable(message));
    return status;
}

}  // namespace

int writeReportHeadless(const QString& runDir, const QString& outPath) {
    const QString native = QDir::toNativeSeparators(runDir);
    if (!QFileInfo(QDir(runDir).filePath(QStringLiteral("config.json"))).isFile())
        return fail(2, QStringLiteral("%1 is not a run folder (it has no config.json)").arg(native));
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("html") && suffix != QLatin1String("htm"))
        return fail(2, QStringLiteral("--out %1: the report is written as .pdf or .html").arg(outPath));
    RunReport report = collectRunReport(runDir);
    renderReportFigures(report);
    const QString error =
        suffix == QLatin1String("pdf") ? writePdfReport(report, outPath) : writeHtmlReport(report, outPath);
    return error.isEmpty() ? 0 : fail(1, error);
}

}  // namespace uegr::studio
