#include "command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace uegr::studio {
namespace {

[[noreturn]] void failWithUsageError(const QString& message) {
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(message));
    std::exit(2);
}

}  // namespace

StudioOptions parseCommandLine(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "UEGR Studio: train text classifiers for generalisation and robustness."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption quitAfter(
        QStringLiteral("quit-after-ms"),
        QCoreApplication::translate("CommandLine",
                                    "Close the window after <ms> milliseconds (for smoke tests)."),
        QCoreApplication::translate("CommandLine", "ms"));
    parser.addOption(quitAfter);
    const QCommandLineOption report(
        QStringLiteral("report"),
        QCoreApplication::translate("CommandLine",
                                    "Write the report of the run folder <run> to the --out file and exit."),
        QCoreApplication::translate("CommandLine", "run"));
    const QCommandLineOption reportOut(
        QStringLiteral("out"), QCoreApplication::translate("CommandLine", "The report file (.pdf or .html)."),
        QCoreApplication::translate("CommandLine", "file"));
    parser.addOption(report);
    parser.addOption(reportOut);
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("CommandLine",
                                    "A dataset (CSV, TSV, JSONL) or a run config (JSON) to open."),
        QStringLiteral("[file]"));
    parser.process(arguments);

    StudioOptions options;
    if (parser.isSet(quitAfter)) {
        bool valid = false;
        options.quitAfterMs = parser.value(quitAfter).toInt(&valid);
        if (!valid || options.quitAfterMs < 0)
            failWithUsageError(
                QCoreApplication::translate("CommandLine", "--quit-after-ms needs a non-negative integer."));
    }
    if (parser.isSet(report) != parser.isSet(reportOut))
        failWithUsageError(QCoreApplication::translate("CommandLine", "--report and --out go together."));
    options.reportRun = parser.value(report);
    options.reportOut = parser.value(reportOut);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        failWithUsageError(QCoreApplication::translate("CommandLine", "Give at most one file to open."));
    if (!positional.isEmpty()) options.fileToOpen = positional.front();
    return options;
}

}  // namespace uegr::studio
