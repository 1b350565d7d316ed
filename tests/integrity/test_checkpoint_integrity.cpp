// Damaged checkpoints are refused before LibTorch reads them: every file of a checkpoint is
// listed in its progress.json with its size and CRC-32, and a resume names the damaged file.
// The manifest reader itself names the key of every malformed progress.json.
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "../support/tiny_run.h"
#include "rejection_checks.h"
#include "train/checkpoint.h"
#include "train/checkpoint_manifest.h"
#include "util/atomic_file.h"
#include "util/crc32.h"
#include "util/error.h"

using namespace uegr;
using uegr::testing::CliResult;
using uegr::testing::runCli;
using uegr::testing::trainTinyRun;
using uegr::testing::verifyRejection;
namespace fs = std::filesystem;

namespace {

const QString kRun = QStringLiteral("run");

// The message a malformed progress.json gets, or "" when it is read.
std::string manifestError(const nlohmann::json& json, const QTemporaryDir& dir) {
    const std::string file = dir.filePath("progress.json").toStdString();
    writeFileAtomically(file, json.dump());
    try {
        readCheckpointManifest(file);
        return "";
    } catch (const Error& error) {
        return error.what();
    }
}

nlohmann::json validManifest() {
    return {
        {"step", 40},
        {"epoch", 2},
        {"next_batch", 0},
        {"elapsed_seconds", 1.5},
        {"best",
         {{"step", 20}, {"epoch", 1}, {"accuracy", 0.75}, {"macro_f1", 0.7}, {"mcc", 0.5}, {"loss", 0.6}}},
        {"files", {{"model.pt", {{"bytes", 3}, {"crc32", "352441c2"}}}}}};
}

// A complete checkpoint of the same run other than `latest`.
fs::path olderCheckpoint(const std::string& latest) {
    for (const auto& entry : fs::directory_iterator(fs::path(latest).parent_path()))
        if (entry.path() != fs::path(latest) && fs::exists(entry.path() / "progress.json"))
            return entry.path();
    return {};
}

}  // namespace

class TestCheckpointIntegrity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void crc32MatchesTheStandardCheckValue() {
        // The check value of CRC-32/ISO-HDLC (zlib's) for "123456789".
        QCOMPARE(QString::fromStdString(crc32Hex("123456789")), QStringLiteral("cbf43926"));
        QCOMPARE(QString::fromStdString(crc32Hex("abc")), QStringLiteral("352441c2"));
        QCOMPARE(QString::fromStdString(crc32Hex("")), QStringLiteral("00000000"));
    }

    void manifestRoundTrips() {
        QTemporaryDir dir;
        const std::string file = dir.filePath("progress.json").toStdString();
        CheckpointManifest written;
        written.progress.step = 41;
        written.progress.epoch = 3;
        written.progress.nextBatch = 7;
        written.progress.elapsedSeconds = 2.25;
        written.progress.hasBest = true;
        written.progress.best.accuracy = 0.875;
        written.progress.best.step = 40;
        written.files["model.pt"] = describeCheckpointFile("abc");
        writeFileAtomically(file, manifestJson(written));

        const CheckpointManifest read = readCheckpointManifest(file);
        QCOMPARE(read.progress.step, 41);
        QCOMPARE(read.progress.epoch, 3);
        QCOMPARE(read.progress.nextBatch, 7);
        QCOMPARE(read.progress.elapsedSeconds, 2.25);
        QVERIFY(read.progress.hasBest);
        QCOMPARE(read.progress.best.accuracy, 0.875);
        QCOMPARE(read.files.at("model.pt").bytes, std::uint64_t{3});
        QCOMPARE(QString::fromStdString(read.files.at("model.pt").crc32), QStringLiteral("352441c2"));
    }

    void malformedManifestsNameTheKey_data() {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");  // empty: the key is removed
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const char* pointer, const char* value, const char* message) {
            QTest::newRow(name) << pointer << value << message;
        };
        row("negative step", "/step", "-1", "step must be an integer in [0, 9223372036854775807]");
        row("huge epoch", "/epoch", "1e20", "epoch must be an integer in [1, 2147483647]");
        row("fractional batch", "/next_batch", "1.5", "next_batch must be an integer in [0,");
        row("text time", "/elapsed_seconds", "\"1\"", "elapsed_seconds must be a finite number");
        row("best a list", "/best", "[]", "best must be an object");
        row("best without loss", "/best/loss", "", "best.loss is missing");
        row("best epoch huge", "/best/epoch", "4294967296",
            "best.epoch must be an integer in [0, 2147483647]");
        row("file entry a string", "/files/model.pt", "\"x\"", "files.model.pt must be an object");
        row("short checksum", "/files/model.pt/crc32", "\"abc\"",
            "files.model.pt.crc32 must be 8 lowercase hex");
        row("upper-case checksum", "/files/model.pt/crc32", "\"352441C2\"", "crc32 must be 8 lowercase hex");
        row("size above 2^63", "/files/model.pt/bytes", "18446744073709551615",
            "files.model.pt.bytes must be an integer");
    }

    void malformedManifestsNameTheKey() {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QTemporaryDir dir;
        nlohmann::json json = validManifest();
        const nlohmann::json::json_pointer at(pointer.toStdString());
        if (value.isEmpty())
            json[at.parent_pointer()].erase(at.back());
        else
            json[at] = nlohmann::json::parse(value.toStdString());
        const std::string error = manifestError(json, dir);
        QVERIFY2(error.find("progress.json: ") != std::string::npos, error.c_str());
        QVERIFY2(error.find(message.toStdString()) != std::string::npos, error.c_str());
        QVERIFY2(error.size() <= 300, error.c_str());
    }

    // A user's damaged files: a flipped bit, a truncation, a file from another checkpoint, a
    // checksum edited by hand. `uegr train --resume` names the file; LibTorch never sees it.
    void damagedCheckpointsAreRefusedNamingTheFile_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, const char* file, const char* damage, const char* expected) {
            QTest::newRow(name) << file << damage << expected;
        };
        row("model.pt bit", "model.pt", "flip", "model.pt: checksum mismatch");
        row("engine.pt cut", "engine.pt", "truncate", "engine.pt: holds");
        row("rng.pt bit", "rng.pt", "flip", "rng.pt: checksum mismatch");
        row("model.pt of the other checkpoint", "model.pt", "swap", "model.pt: ");
        row("checksum edited", "progress.json", "checksum", "engine.pt: checksum mismatch");
        row("written before checksums", "progress.json", "legacy", "progress.json: lists no checksums");
    }

    void damagedCheckpointsAreRefusedNamingTheFile() {
        QFETCH(QString, file);
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString run = dir.filePath(kRun);
        const CliResult trained = trainTinyRun(run, {.epochs = 2, .keepCheckpoints = 2});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        const std::string latest = latestCheckpoint(run.toStdString());
        const std::string target = (fs::path(latest) / file.toStdString()).string();
        std::string bytes = readFile(target);
        if (damage == "flip") {
            bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x10);
        } else if (damage == "truncate") {
            bytes.resize(bytes.size() - 100);
        } else if (damage == "swap") {
            const fs::path other = olderCheckpoint(latest);
            QVERIFY2(!other.empty(), latest.c_str());
            bytes = readFile((other / "model.pt").string());
        } else {
            nlohmann::json json = nlohmann::json::parse(bytes);
            if (damage == "legacy") {
                json.erase("files");
            } else {
                std::string& crc = json["files"]["engine.pt"]["crc32"].get_ref<std::string&>();
                crc[0] = crc[0] == '0' ? '1' : '0';
            }
            bytes = json.dump(2);
        }
        writeFileAtomically(target, bytes);

        const CliResult resumed = runCli({QStringLiteral("train"), QStringLiteral("--resume"), run});
        verifyRejection(resumed, {expected, QString::fromStdString(fs::path(latest).filename().string())});
    }
};

QTEST_GUILESS_MAIN(TestCheckpointIntegrity)
#include "test_checkpoint_integrity.moc"
