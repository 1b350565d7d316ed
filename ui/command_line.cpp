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
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        failWithUsageError(QCoreApplication::translate("CommandLine", "Give at most one file to open."));
    if (!positional.isEmpty()) options.fileToOpen = positional.front();
    return options;
}

}  // namespace uegr::studio
