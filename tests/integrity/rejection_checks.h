#pragma once
// What every rejection of the user's input looks like on the command line: exit code 2, and
// stderr lines of at most 300 bytes of valid UTF-8 that name what is wrong and carry no
// library text (nlohmann's exception ids, LibTorch's backtraces, our function names).
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtTest/QtTest>

#include <string_view>

#include "../support/cli_runner.h"
#include "util/utf8.h"

namespace uegr::testing {

inline const QList<QByteArray>& libraryTextMarkers() {
    static const QList<QByteArray> markers{"[json.exception",
                                           "frame #",
                                           "Exception raised from",
                                           "enforce fail",
                                           "DefaultCPUAllocator",
                                           "loadPretrainedModel",
                                           "c10::",
                                           "what():"};
    return markers;
}

// QVERIFY returns from this function only: callers check QTest::currentTestFailed().
inline void verifyRejection(const CliResult& result, const QStringList& fragments) {
    QVERIFY2(result.exitCode == 2,
             ("exit " + QByteArray::number(result.exitCode) + ": " + result.err).constData());
    const std::string_view err(result.err.constData(), static_cast<std::size_t>(result.err.size()));
    QVERIFY2(utf8::findInvalid(err) == std::string_view::npos, result.err.constData());
    for (const QByteArray& line : result.err.split('\n'))
        QVERIFY2(line.size() <= 300,
                 ("line of " + QByteArray::number(line.size()) + " bytes: " + line).constData());
    for (const QString& fragment : fragments)
        QVERIFY2(result.err.contains(fragment.toUtf8()),
                 ("no \"" + fragment.toUtf8() + "\" in: " + result.err).constData());
    for (const QByteArray& marker : libraryTextMarkers())
        QVERIFY2(!result.err.contains(marker),
                 ("library text \"" + marker + "\" in: " + result.err).constData());
}

}  // namespace uegr::testing

#define UEGR_VERIFY_REJECTION(result, ...)                                \
    do {                                                                  \
        uegr::testing::verifyRejection(result, QStringList{__VA_ARGS__}); \
        if (QTest::currentTestFailed()) return;                           \
    } while (false)
