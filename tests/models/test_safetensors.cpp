// safetensors: round trips for every dtype, the byte layout, a hand-built file, and every kind
// of malformed input (built byte by byte here), each of which must be an InputError.
#include <QtTest/QtTest>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>

#include "io/safetensors.h"
#include "util/error.h"

using namespace uegr;

namespace {

const std::string kSource = "weights.safetensors";

std::string lengthPrefix(std::uint64_t length) {
    std::string bytes;
    for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((length >> (8 * i)) & 0xff));
    return bytes;
}

std::string fileWith(const std::string& header, const std::string& data) {
    return lengthPrefix(header.size()) + header + data;
}

std::string floatBytes(std::initializer_list<float> values) {
    std::string bytes;
    for (float value : values) {
        char raw[4];
        std::memcpy(raw, &value, 4);
        bytes.append(raw, 4);
    }
    return bytes;
}

// Parsing must throw an InputError naming the source whose message contains `fragment`.
void expectRejected(const std::string& bytes, const std::string& fragment) {
    try {
        parseSafetensors(bytes, kSource);
        QFAIL(("accepted malformed input, expected: " + fragment).c_str());
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.file()), QString::fromStdString(kSource));
        QVERIFY2(error.message().find(fragment) != std::string::npos,
                 ("message \"" + error.message() + "\" lacks \"" + fragment + "\"").c_str());
    }
}

}  // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryDtype() {
        torch::manual_seed(1);
        std::map<std::string, torch::Tensor> tensors{
            {"f64", torch::randn({2, 3}, torch::kFloat64)},
            {"f32", torch::randn({4}, torch::kFloat32)},
            {"f16", torch::randn({3, 1}).to(torch::kFloat16)},
            {"bf16", torch::randn({5}).to(torch::kBFloat16)},
            {"i64", torch::tensor({std::int64_t{-5}, std::int64_t{0}, std::int64_t{1} << 40}, torch::kInt64)},
            {"i32", torch::tensor({-7, 3}, torch::kInt32)},
            {"i16", torch::tensor({-300, 300}, torch::kInt16)},
            {"i8", torch::tensor({-3, 4}, torch::kInt8)},
            {"u8", torch::tensor({250, 4}, torch::kUInt8)},
            {"bool", torch::tensor({true, false, true})},
            {"scalar", torch::tensor(2.5f)},
            {"empty", torch::zeros({0, 3})},
            {"strided", torch::arange(12, torch::kFloat32).view({3, 4}).t()},  // non-contiguous
        };
        const std::map<std::string, std::string> metadata{{"format", "pt"}, {"note", "ünïcode"}};
        const SafetensorsContent content = parseSafetensors(serializeSafetensors(tensors, metadata), kSource);
        QCOMPARE(content.metadata, metadata);
        QCOMPARE(content.tensors.size(), tensors.size());
        for (const auto& [name, tensor] : tensors) {
            const torch::Tensor& loaded = content.tensors.at(name);
            QVERIFY2(loaded.scalar_type() == tensor.scalar_type(), name.c_str());
            QVERIFY2(loaded.sizes() == tensor.sizes(), name.c_str());
            QVERIFY2(torch::equal(loaded, tensor), name.c_str());
        }
    }

    void layoutIsSortedContiguousAndAligned() {
        const std::string bytes = serializeSafetensors(
            {{"b", torch::tensor({1.0f, 2.0f})}, {"a", torch::tensor({7}, torch::kInt64)}},
            {{"format", "pt"}});
        std::uint64_t headerLength = 0;
        for (int i = 7; i >= 0; --i)
            headerLength = (headerLength << 8) | static_cast<unsigned char>(bytes[i]);
        QCOMPARE((8 + headerLength) % 8, std::uint64_t{0});
        QCOMPARE(bytes.size(), 8 + headerLength + 16);
        const nlohmann::json header = nlohmann::json::parse(bytes.substr(8, headerLength));
        QCOMPARE(header.at("a").at("data_offsets"), nlohmann::json::parse("[0, 8]"));
        QCOMPARE(header.at("b").at("data_offsets"), nlohmann::json::parse("[8, 16]"));
        QCOMPARE(header.at("b").at("dtype").get<std::string>(), std::string("F32"));
        QCOMPARE(header.at("__metadata__").at("format").get<std::string>(), std::string("pt"));
        // Little-endian payload: int64 7, then float32 1.0 (0x3f800000) and 2.0 (0x40000000).
        const std::string data = bytes.substr(8 + headerLength);
        QCOMPARE(data, std::string("\x07\0\0\0\0\0\0\0", 8) + std::string("\0\0\x80\x3f\0\0\0\x40", 8));
    }

    void readsHandBuiltFile() {
        const std::string header =
            R"({"w":{"dtype":"I32","shape":[2],"data_offsets":[0,8]},"__metadata__":{"format":"pt"},)"
            R"("v":{"dtype":"F32","shape":[1,1],"data_offsets":[8,12]}})";
        std::string data("\x05\0\0\0\xfe\xff\xff\xff", 8);
        data += floatBytes({-1.5f});
        const SafetensorsContent content = parseSafetensors(fileWith(header, data), kSource);
        QVERIFY(torch::equal(content.tensors.at("w"), torch::tensor({5, -2}, torch::kInt32)));
        QCOMPARE(content.tensors.at("v").item<float>(), -1.5f);
        QCOMPARE(content.metadata.at("format"), std::string("pt"));
    }

    void writesAndReadsFiles() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("m.safetensors").toStdString();
        writeSafetensors(path, {{"x", torch::ones({2, 2})}});
        QVERIFY(torch::equal(readSafetensors(path).tensors.at("x"), torch::ones({2, 2})));
        try {
            readSafetensors(dir.filePath("missing.safetensors").toStdString());
            QFAIL("read a missing file");
        } catch (const InputError& error) {
            QVERIFY(error.file().find("missing.safetensors") != std::string::npos);
        }
    }

    void rejectsMalformedInput() {
        const std::string f32 = R"("dtype":"F32")";
        expectRejected(std::string("\x10\0\0", 3), "shorter than the 8-byte header length");
        expectRejected(lengthPrefix(200'000'000) + "{}", "100 MB");
        expectRejected(lengthPrefix(64) + "{}", "beyond the end of the file");
        expectRejected(fileWith("{\"a\": ", ""), "not valid JSON");
        expectRejected(fileWith("[1, 2]", ""), "not a JSON object");
        expectRejected(fileWith(R"({"a": 5})", ""), "not a JSON object");
        expectRejected(fileWith(R"({"a": {"shape": [1], "data_offsets": [0, 4]}})", floatBytes({1})),
                       "no \"dtype\"");
        expectRejected(fileWith(R"({"a": {"dtype": "F8", "shape": [1], "data_offsets": [0, 1]}})", "x"),
                       "unknown dtype \"F8\"");
        expectRejected(
            fileWith(R"({"a": {"dtype": 3, "shape": [1], "data_offsets": [0, 4]}})", floatBytes({1})),
            "dtype must be a string");
        expectRejected(
            fileWith(R"({"a": {)" + f32 + R"(, "shape": [-1], "data_offsets": [0, 4]}})", floatBytes({1})),
            "non-negative integer");
        expectRejected(
            fileWith(R"({"a": {)" + f32 + R"(, "shape": [1.5], "data_offsets": [0, 4]}})", floatBytes({1})),
            "non-negative integer");
        expectRejected(
            fileWith(R"({"a": {)" + f32 + R"(, "shape": 4, "data_offsets": [0, 4]}})", floatBytes({1})),
            "shape must be an array");
        expectRejected(
            fileWith(R"({"a": {)" + f32 +
                         R"(, "shape": [4294967296, 4294967296, 4294967296], "data_offsets": [0, 4]}})",
                     floatBytes({1})),
            "more elements than the file holds");
        expectRejected(
            fileWith(R"({"a": {)" + f32 + R"(, "shape": [18446744073709551615], "data_offsets": [0, 4]}})",
                     floatBytes({1})),
            "too large");
        expectRejected(
            fileWith(R"({"a": {)" + f32 + R"(, "shape": [2], "data_offsets": [0, 8]}})", floatBytes({1})),
            "beyond the data region");
        expectRejected(
            fileWith(R"({"a": {)" + f32 + R"(, "shape": [1], "data_offsets": [4, 0]}})", floatBytes({1})),
            "is after end");
        expectRejected(
            fileWith(R"({"a": {)" + f32 + R"(, "shape": [1], "data_offsets": [0]}})", floatBytes({1})),
            "data_offsets must be an array [begin, end]");
        expectRejected(
            fileWith(R"({"a": {)" + f32 + R"(, "shape": [3], "data_offsets": [0, 8]}})", floatBytes({1, 2})),
            "need 12");
        expectRejected(fileWith(R"({"a": {)" + f32 + R"(, "shape": [2], "data_offsets": [0, 8]}, "b": {)" +
                                    f32 + R"(, "shape": [2], "data_offsets": [4, 12]}})",
                                floatBytes({1, 2, 3})),
                       "overlap");
        expectRejected(fileWith(R"({"a": {)" + f32 + R"(, "shape": [1], "data_offsets": [0, 4]}, "b": {)" +
                                    f32 + R"(, "shape": [1], "data_offsets": [8, 12]}})",
                                floatBytes({1, 2, 3})),
                       "belong to no tensor");
        expectRejected(
            fileWith(R"({"a": {)" + f32 + R"(, "shape": [1], "data_offsets": [0, 4]}})", floatBytes({1, 2})),
            "trailing bytes");
        expectRejected(fileWith(R"({"__metadata__": [1]})", ""), "__metadata__ must be a JSON object");
        expectRejected(fileWith(R"({"__metadata__": {"k": 1}})", ""), "must be a string");
    }

    void rejectsTruncatedFile() {
        const std::string bytes = serializeSafetensors({{"x", torch::ones({4, 4})}, {"y", torch::ones({3})}});
        for (std::size_t cut : {std::size_t{1}, std::size_t{12}, bytes.size() / 2, bytes.size() - 20})
            QVERIFY_THROWS_EXCEPTION(InputError,
                                     parseSafetensors(bytes.substr(0, bytes.size() - cut), kSource));
    }

    void acceptsEmptyTensorWithLargeDimension() {
        const std::string header = R"({"e": {"dtype": "F32", "shape": [5, 0], "data_offsets": [0, 0]}})";
        const SafetensorsContent content = parseSafetensors(fileWith(header, ""), kSource);
        QCOMPARE(content.tensors.at("e").sizes().vec(), (std::vector<std::int64_t>{5, 0}));
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
