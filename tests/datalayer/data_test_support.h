#pragma once
// Helpers shared by the dataset-layer tests: scratch files and InputError expectations.
#include <QtTest/QtTest>

#include <fstream>
#include <functional>
#include <string>

#include "util/error.h"

namespace uegr::testing {

// Writes `content` byte for byte (no newline translation) into `directory` and returns the path.
inline std::string writeScratchFile(const QTemporaryDir& directory, const std::string& name,
                                    const std::string& content) {
    const std::string path = directory.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream out(path, std::ios::binary);
    out << content;
    return path;
}

inline std::string fixturePath(const std::string& name) {
    return std::string(UEGR_TEST_DATA_DIR) + "/datalayer/" + name;
}

// Runs `action`, which must throw InputError for `file` at `line` with `fragment` in what().
inline void expectInputError(const std::function<void()>& action, const std::string& file, std::size_t line,
                             const std::string& fragment) {
    try {
        action();
    } catch (const InputError& error) {
        const std::string what = error.what();
        QVERIFY2(error.file() == file, what.c_str());
        QVERIFY2(error.line() == line, (what + " (expected line " + std::to_string(line) + ")").c_str());
        QVERIFY2(what.rfind(InputError::format(file, line, ""), 0) == 0, what.c_str());
        QVERIFY2(what.find(fragment) != std::string::npos, (what + " (expected '" + fragment + "')").c_str());
        return;
    }
    QFAIL(("no InputError; expected " + file + ":" + std::to_string(line) + ": ..." + fragment).c_str());
}

}  // namespace uegr::testing
