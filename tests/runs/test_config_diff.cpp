// core/config/config_diff: flattening a run config into dotted keys, the differences between two
// configs and the keys that differ among several, checked against hand-written expectations.
#include <QtTest/QtTest>

#include "config/config_diff.h"

using namespace uegr;
using nlohmann::json;

class TestConfigDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void flattensNestedObjectsIntoDottedKeys() {
        const json config = json::parse(R"({"training": {"method": "uegr", "lr": 0.001},
            "uegr": {"keep_ratio": 0.5, "mask_exempt": ["embedding", "classifier"]},
            "model": {"kernel_sizes": [2, 3], "extra": {}}, "seed": 7})");
        const FlatConfig flat = flattenConfig(config);
        QCOMPARE(flat.size(), std::size_t(7));
        QCOMPARE(flat.at("training.method"), json("uegr"));
        QCOMPARE(flat.at("training.lr"), json(0.001));
        QCOMPARE(flat.at("uegr.keep_ratio"), json(0.5));
        QCOMPARE(flat.at("uegr.mask_exempt"), json::parse(R"(["embedding", "classifier"])"));
        QCOMPARE(flat.at("model.kernel_sizes"), json::parse("[2, 3]"));
        QCOMPARE(flat.at("model.extra"), json::object());  // an empty object is a value
        QCOMPARE(flat.at("seed"), json(7));
        QVERIFY(flattenConfig(json(3)).empty());
    }

    void valuesReadAsAPersonWritesThem() {
        QCOMPARE(configValueText(json("uegr")), std::string("uegr"));
        QCOMPARE(configValueText(json(0.5)), std::string("0.5"));
        QCOMPARE(configValueText(json(12)), std::string("12"));
        QCOMPARE(configValueText(json(true)), std::string("true"));
        QCOMPARE(configValueText(json::parse("[2, 3]")), std::string("[2,3]"));
        QCOMPARE(configValueText(json()), std::string("null"));
    }

    void diffListsChangedAndOneSidedKeys() {
        const FlatConfig left = flattenConfig(
            json::parse(R"({"training": {"method": "vanilla", "epochs": 2, "lr": 1}, "old": {"key": 1}})"));
        const FlatConfig right = flattenConfig(json::parse(
            R"({"training": {"method": "uegr", "epochs": 2, "lr": 1.0}, "uegr": {"keep_ratio": 0.25}})"));
        const std::vector<ConfigDifference> differences = diffConfigs(left, right);
        QCOMPARE(differences.size(), std::size_t(3));  // 1 and 1.0 are the same number
        QCOMPARE(differences[0].key, std::string("old.key"));
        QCOMPARE(*differences[0].left, json(1));
        QVERIFY(!differences[0].right.has_value());
        QCOMPARE(differences[1].key, std::string("training.method"));
        QCOMPARE(*differences[1].left, json("vanilla"));
        QCOMPARE(*differences[1].right, json("uegr"));
        QCOMPARE(differences[2].key, std::string("uegr.keep_ratio"));
        QVERIFY(!differences[2].left.has_value());
        QCOMPARE(*differences[2].right, json(0.25));
        QVERIFY(diffConfigs(left, left).empty());
    }

    void keysThatDifferAmongSeveralConfigs() {
        const FlatConfig a = flattenConfig(json::parse(R"({"m": "uegr", "k": 0.5, "s": 1, "same": "x"})"));
        const FlatConfig b = flattenConfig(json::parse(R"({"m": "uegr", "k": 0.5, "s": 2, "same": "x"})"));
        const FlatConfig c =
            flattenConfig(json::parse(R"({"m": "vanilla", "k": 0.5, "same": "x", "new": 1})"));
        QCOMPARE(keysThatDiffer({&a, &b}), std::vector<std::string>({"s"}));
        QCOMPARE(keysThatDiffer({&a, &b, &c}), std::vector<std::string>({"m", "new", "s"}));
        QCOMPARE(keysThatDiffer({&a, &a, &a}), std::vector<std::string>());
        QCOMPARE(keysThatDiffer({&c}), std::vector<std::string>());  // one run differs from nothing
        QCOMPARE(keysThatDiffer({}), std::vector<std::string>());
    }
};

QTEST_APPLESS_MAIN(TestConfigDiff)
#include "test_config_diff.moc"
