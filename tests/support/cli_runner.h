#pragma once
// Runs the `uegr` binary under test as a user would, for the CLI tests of every area.
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace uegr::testing {

struct CliResult {
    int exitCode = -1;  // -1 when the process did not start, crashed or timed out
    QByteArray out, err;
};

// `input` is written to standard input, which is then closed.
inline CliResult runCli(const QStringList& arguments, const QByteArray& input = {}) {
    QProcess process;
    process.start(QStringLiteral(UEGR_CLI_PATH), arguments);
    if (!process.waitForStarted(10000)) return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

}  // namespace uegr::testing
