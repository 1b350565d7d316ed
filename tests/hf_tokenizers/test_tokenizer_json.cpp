// The tokenizer.json reader against the vocabulary-file tokenizers it reuses: for BERT,
// RoBERTa and ALBERT fixtures the ids (and type ids, tokens) from tokenizer.json must equal those
// from vocab.txt, vocab.json + merges.txt and spiece.model (run by the SentencePiece library, an
// independent implementation of the Unigram model and its normalizer) on the same texts; hand
// derivations check the shared expectations. Fixtures: tests/data/hf_tokenizers/*_json, written
// by make_tokenizer_json.py from the vocabulary fixtures beside them. albert_rules/spiece.model
// (58 pieces) was trained as albert/spiece.model (see test_hf_tokenizers.cpp) plus the line
//   ﬁne ① ＡＢ dogs… queen
// with --vocab_size=70 and --normalization_rule_tsv holding the rules FB01->"fi", 2460->"1",
// FF21->"A", FF22->"B", 2026->"...", "qu"->"kw", so that its tokenizer.json has a small
// Precompiled charsmap compiled by SentencePiece's own builder.
#include <QtTest/QtTest>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "model/hf_architecture.h"
#include "text/precompiled_charsmap.h"
#include "text/sentencepiece_tokenizer.h"
#include "text/subword_tokenizer.h"
#include "text/tokenizer_json.h"
#include "util/error.h"

using namespace uegr;
using Ids = std::vector<std::int64_t>;
using Strings = std::vector<std::string>;
using Json = nlohmann::json;

namespace {

const std::string kDataDir = std::string(UEGR_TEST_DATA_DIR) + "/hf_tokenizers";

Json fixture(const std::string& folder) {
    std::ifstream in(kDataDir + "/" + folder + "/tokenizer.json", std::ios::binary);
    return Json::parse(in);
}

std::unique_ptr<SubwordTokenizer> fromJson(const Json& document) {
    return tokenizerFromJson(document.dump(), "tokenizer.json");
}

Ids idsOf(const SubwordTokenizer& tokenizer, const std::string& text) {
    return tokenizer.encode(text, std::nullopt, 512).ids;
}

// The message of the InputError that tokenizerFromJson throws for `document`, or a note that
// it threw something else or nothing.
std::string errorOf(const std::string& text) {
    try {
        tokenizerFromJson(text, "tokenizer.json");
    } catch (const InputError& error) {
        if (error.file() != "tokenizer.json") return "wrong file " + error.file();
        if (std::string(error.what()).size() > 300) return "message over 300 bytes";
        return error.what();
    } catch (const std::exception& error) {
        return std::string("not an InputError: ") + error.what();
    }
    return "no error";
}

void expectError(const Json& document, const std::string& expected) {
    const std::string message = errorOf(document.dump());
    QVERIFY2(message.find(expected) != std::string::npos,
             ("expected \"" + expected + "\" in: " + message).c_str());
}

// Same ids, type ids and tokens from both tokenizers, for each text alone and for text pairs.
void expectSameEncodings(const SubwordTokenizer& reference, const SubwordTokenizer& fromJson,
                         const Strings& texts, int maxLength = 512) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string& text = texts[i];
        const SubwordEncoding expected = reference.encode(text, std::nullopt, maxLength);
        const SubwordEncoding actual = fromJson.encode(text, std::nullopt, maxLength);
        QVERIFY2(actual.ids == expected.ids, ("ids differ for: " + text).c_str());
        QVERIFY2(actual.tokens == expected.tokens, ("tokens differ for: " + text).c_str());
        const std::string& pair = texts[(i + 1) % texts.size()];
        const SubwordEncoding expectedPair = reference.encode(text, std::string_view(pair), maxLength);
        const SubwordEncoding actualPair = fromJson.encode(text, std::string_view(pair), maxLength);
        QVERIFY2(actualPair.ids == expectedPair.ids, ("pair ids differ for: " + text + " / " + pair).c_str());
        QVERIFY2(actualPair.typeIds == expectedPair.typeIds, ("type ids differ for: " + text).c_str());
    }
}

}  // namespace

class TokenizerJsonTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // bert/vocab.txt ids: [PAD]0 [UNK]1 [CLS]2 [SEP]3 [MASK]4 un5 ##aff6 ##able7 ##a8 una9 the10
    // cafe11 ,12 !13 $14 hello15 world16 中17 文18 ##ff19 a20 b21 c22 d23 e24 ##s25 run26 ##ning27
    // .28 Cafe29

    void bertMatchesVocabTxt() {
        const auto reference = loadSubwordTokenizer(kDataDir + "/bert");
        const auto json = loadSubwordTokenizer(kDataDir + "/bert_json");
        QCOMPARE(json->kind(), std::string("wordpiece"));
        // Lower-cased, then greedy longest match: una ##ff ##able, run ##ning.
        QCOMPARE(idsOf(*json, "UNAFFABLE running"), (Ids{2, 9, 19, 7, 26, 27, 3}));
        const SubwordEncoding pair = json->encode("hello", std::string_view("world"), 64);
        QCOMPARE(pair.ids, (Ids{2, 15, 3, 16, 3}));
        QCOMPARE(pair.typeIds, (Ids{0, 0, 0, 1, 1}));
        expectSameEncodings(*reference, *json,
                            {"UNwant\u00e9d,running", "hello,world! $hello", "Caf\u00e9 CAF\u00c9 Cafe\u0301",
                             "hello\u4e2d\u6587 unx the", "hel\x01lo\twor\u200bld\nthe", "a [MASK] b [SEP]c",
                             std::string(101, 'a'), "running runs . ,", ""});
        expectSameEncodings(*reference, *json, {"a b c d e", "d e hello", "hello world a"}, 7);
    }

    // roberta/vocab.json ids: <s>0 <pad>1 </s>2 <unk>3 a4 b5 c6 bc7 ab8 Ġ9 Ġa10 Ã11 ©12 Ã©13 â14
    // Ĥ15 ¬16 <mask>17 x18 Ġx19; merges by rank: "b c", "a b", "Ġ a", "Ã ©", "Ġ x".

    void robertaMatchesVocabJsonAndMerges() {
        const auto reference = loadSubwordTokenizer(kDataDir + "/roberta");
        const Json document = fixture("roberta_json");
        const auto json = fromJson(document);
        QCOMPARE(json->kind(), std::string("bpe"));
        // " abc": "b c" (rank 0) first, then "Ġ a" (rank 2): x Ġa bc. <mask> takes the space before it.
        QCOMPARE(idsOf(*json, "x abc"), (Ids{0, 18, 10, 7, 2}));
        QCOMPARE(idsOf(*json, "x <mask>"), (Ids{0, 18, 17, 2}));
        QCOMPARE(json->encode("ab", std::string_view("x"), 16).ids, (Ids{0, 8, 2, 2, 18, 2}));
        const Strings texts{"abc",      "x ab",       "x abc x",      "d",    "\u00e9 \u20ac",
                            "x <mask>", "ab<s>x</s>", "it's  a\n\nb", "a a a"};
        expectSameEncodings(*reference, *json, texts);
        expectSameEncodings(*reference, *json, texts, 6);

        // Merges as [first, second] pairs (newer tokenizers) read the same.
        Json pairs = document;
        for (Json& merge : pairs["model"]["merges"]) {
            const std::string text = merge.get<std::string>();
            merge = Json::array({text.substr(0, text.find(' ')), text.substr(text.find(' ') + 1)});
        }
        expectSameEncodings(*reference, *fromJson(pairs), texts);

        // The same layout as a TemplateProcessing with string pieces.
        Json templated = document;
        templated["post_processor"] = {{"type", "TemplateProcessing"},
                                       {"single", "<s>:0 $A:0 </s>:0"},
                                       {"pair", "<s>:0 $A:0 </s>:0 </s>:0 $B:0 </s>:0"},
                                       {"special_tokens",
                                        {{"<s>", {{"id", "<s>"}, {"ids", {0}}, {"tokens", {"<s>"}}}},
                                         {"</s>", {{"id", "</s>"}, {"ids", {2}}, {"tokens", {"</s>"}}}}}}};
        expectSameEncodings(*reference, *fromJson(templated), texts);
    }

    // albert/spiece.model pieces: <pad>0 <unk>1 [CLS]2 [SEP]3 [MASK]4 ▁5 ... ▁fox25 ▁dog27.

    void albertUnigramMatchesSentencePiece() {
        const auto json = loadSubwordTokenizer(kDataDir + "/albert_json");
        QCOMPARE(json->kind(), std::string("unigram"));
        QCOMPARE(json->vocabSize(), std::int64_t{50});
        QCOMPARE(json->padId(), std::int64_t{0});
        QCOMPARE(json->unkId(), std::int64_t{1});
        // What the SentencePiece processor gives (test_hf_tokenizers' sentencePieceMatchesProcessor).
        QCOMPARE(idsOf(*json, "The quick brown fox."),
                 (Ids{2, 14, 11, 6, 5, 20, 16, 12, 17, 22, 5, 21, 10, 13, 18, 9, 25, 1, 3}));
        // "☃☃ fox" -> "▁☃☃" "▁fox": no piece holds "☃", so each is the unknown piece, and the
        // two adjacent unknowns fuse into one token.
        const SubwordEncoding unknown = json->encode("\u2603\u2603 fox", std::nullopt, 16);
        QCOMPARE(unknown.ids, (Ids{2, 5, 1, 25, 3}));
        QCOMPARE(unknown.tokens[2], std::string("\u2603\u2603"));
        if (!sentencePieceAvailable()) QSKIP("built without SentencePiece: no reference to compare with");
        const auto reference = loadSubwordTokenizer(kDataDir + "/albert");
        // Not compared: a "<digit>," piece (AlbertTokenizer alone splits its comma), tabs and
        // trailing spaces (ALBERT's Python preprocessing removes them, tokenizer.json keeps them).
        expectSameEncodings(
            *reference, *json,
            {"the quick brown fox.", "  The QUICK brown  fox.", "A lazy DOG jumps", "``brown'' dogs",
             "caf\u00e9 na\u00efve \u00c9t\u00e9", "lazy dog[SEP]jumps", "\u2603 over 19 the dogs"});
        expectSameEncodings(*reference, *json, {"the quick brown fox.", "a lazy dog jumps"}, 12);
    }

    void precompiledCharsmapMatchesSentencePiece() {
        const Json document = fixture("albert_rules_json");
        const std::string blob =
            decodeBase64(document["normalizer"]["normalizers"][5]["precompiled_charsmap"].get<std::string>());
        // The rules the model was trained with, longest match first: "qu" before "q".
        const PrecompiledCharsmap charsmap(blob);
        QCOMPARE(charsmap.normalize("qux q u \ufb01 \u2460 \uff21\uff22 \u2026"),
                 std::string("kwx q u fi 1 AB ..."));
        const auto json = fromJson(document);
        // "Quick" -> "quick" -> "kwick": ▁kw18 i10 c17 k20.
        QCOMPARE(idsOf(*json, "Quick"), (Ids{2, 18, 10, 17, 20, 3}));
        // "dogs…" -> "▁dogs..." : "." + ".." and ".." + "." score the same; as tokenizers, the
        // path found first (the shorter piece first) is kept: ▁dogs25 .34 ..42.
        QCOMPARE(idsOf(*json, "dogs\u2026"), (Ids{2, 25, 34, 42, 3}));
        if (!sentencePieceAvailable()) QSKIP("built without SentencePiece: no reference to compare with");
        const auto reference = loadSubwordTokenizer(kDataDir + "/albert_rules");
        expectSameEncodings(*reference, *json,
                            {"\ufb01ne \u2460 \uff21\uff22 queen", "Quick \uff21\uff22C qu", "q u",
                             "the quick brown fox jumps"});
    }

    void folderWithOnlyTokenizerJsonLoads() {
        for (const std::string folder : {"bert_json", "roberta_json", "albert_json"}) {
            const auto tokenizer = loadSubwordTokenizer(kDataDir + "/" + folder);
            QCOMPARE(tokenizer->files(), (Strings{"tokenizer.json"}));
            QCOMPARE(tokenizer->modelMaxLength(), std::nullopt);
        }
        QCOMPARE(loadSubwordTokenizer(kDataDir + "/roberta_json")->padId(), std::int64_t{1});
    }

    void tokenizerJsonIsPreferredAndConfigGivesRoles() {
        // vocab.txt says lower-case (the default); tokenizer.json says cased: it wins, so "Cafe"
        // is Cafe29, not cafe11.
        const QString folder = dir_.filePath("both");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(QString::fromStdString(kDataDir + "/bert/vocab.txt"), folder + "/vocab.txt"));
        Json document = fixture("bert_json");
        document["normalizer"]["lowercase"] = false;
        const auto write = [&folder](const QString& name, const std::string& text) {
            std::ofstream(QString(folder + "/" + name).toStdString(), std::ios::binary) << text;
        };
        write("tokenizer.json", document.dump());
        write("config.json", R"({"model_type": "bert"})");
        const auto cased = loadSubwordTokenizer(folder.toStdString());
        QCOMPARE(idsOf(*cased, "Cafe"), (Ids{2, 29, 3}));
        // tokenizer_config.json supplies the pad token (here [MASK]4) and model_max_length.
        write("tokenizer_config.json", R"({"pad_token": "[MASK]", "model_max_length": 128})");
        const auto configured = loadSubwordTokenizer(folder.toStdString());
        QCOMPARE(configured->padId(), std::int64_t{4});
        QCOMPARE(configured->modelMaxLength(), std::optional<int>(128));
        QCOMPARE(configured->files(), (Strings{"tokenizer.json", "tokenizer_config.json"}));
        // A malformed tokenizer.json is reported even though vocab.txt is there.
        write("tokenizer.json", "{\"model\": ");
        try {
            loadSubwordTokenizer(folder.toStdString());
            QFAIL("a malformed tokenizer.json loaded");
        } catch (const InputError& error) {
            QVERIFY(QString::fromStdString(error.file()).endsWith("tokenizer.json"));
        }
    }

    void modelFindsTheSeparatorInTokenizerJson() {
        // Token types switch after [SEP]; without vocab.txt or config.json's sep_token_id its id
        // comes from tokenizer.json's added tokens: 3 here, not BERT's conventional 102.
        const QString folder = dir_.filePath("fast_bert");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(QString::fromStdString(kDataDir + "/bert_json/tokenizer.json"),
                            folder + "/tokenizer.json"));
        std::ofstream(QString(folder + "/config.json").toStdString())
            << R"({"model_type": "bert", "vocab_size": 30, "hidden_size": 8, "num_hidden_layers": 1,
                  "num_attention_heads": 2, "intermediate_size": 16})";
        QCOMPARE(readHfArchitecture(folder.toStdString()).sepTokenId, std::int64_t{3});
    }

    void addedTokensHonoured() {
        Json document = fixture("bert_json");
        // An added token beyond the model's vocabulary keeps its id and is never split.
        document["added_tokens"].push_back({{"id", 30}, {"content", "<new>"}, {"special", false}});
        const auto tokenizer = fromJson(document);
        QCOMPARE(idsOf(*tokenizer, "hello<new>world"), (Ids{2, 15, 30, 16, 3}));
        QCOMPARE(tokenizer->tokenOf(30), std::string("<new>"));
        QCOMPARE(tokenizer->vocabSize(), std::int64_t{31});
        // BertProcessing gives the same frame as the template.
        document["post_processor"] = {
            {"type", "BertProcessing"}, {"sep", {"[SEP]", 3}}, {"cls", {"[CLS]", 2}}};
        QCOMPARE(fromJson(document)->encode("a", std::string_view("b"), 8).typeIds, (Ids{0, 0, 0, 1, 1}));
    }

    void malformedWordPieceFilesNameTheKey() {
        const Json bert = fixture("bert_json");
        const auto mutated = [&bert](const std::function<void(Json&)>& change) {
            Json copy = bert;
            change(copy);
            return copy;
        };
        expectError(mutated([](Json& j) { j["normalizer"]["type"] = "Foo"; }),
                    "tokenizer.json: normalizer.type \"Foo\" is not supported");
        expectError(mutated([](Json& j) { j["model"]["type"] = "WordLevel"; }),
                    "model.type \"WordLevel\" is not supported");
        expectError(mutated([](Json& j) { j["model"].erase("vocab"); }), "model.vocab is missing");
        expectError(mutated([](Json& j) { j["model"]["vocab"] = Json::array(); }),
                    "model.vocab must be an object");
        expectError(mutated([](Json& j) { j["model"]["vocab"]["hello"] = "x"; }),
                    "model.vocab.hello must be an integer");
        expectError(mutated([](Json& j) { j["model"]["unk_token"] = 5; }),
                    "model.unk_token must be a string");
        expectError(mutated([](Json& j) { j["normalizer"]["clean_text"] = false; }),
                    "normalizer.clean_text false is not supported");
        expectError(mutated([](Json& j) { j["normalizer"] = nullptr; }), "normalizer is missing or null");
        expectError(mutated([](Json& j) { j["pre_tokenizer"]["type"] = "Whitespace"; }),
                    "pre_tokenizer.type \"Whitespace\" is not supported");
        expectError(mutated([](Json& j) { j["post_processor"] = nullptr; }), "post_processor is null");
        expectError(mutated([](Json& j) { j["post_processor"]["type"] = "ByteLevel"; }),
                    "post_processor.type \"ByteLevel\" is not supported");
        expectError(mutated([](Json& j) { j["post_processor"]["special_tokens"]["[CLS]"]["ids"] = {5}; }),
                    "post_processor gives \"[CLS]\" the id 5 but the vocabulary gives 2");
        expectError(mutated([](Json& j) {
                        j["post_processor"]["single"].push_back(j["post_processor"]["single"][0]);
                    }),
                    "post_processor.single is not supported");
        expectError(mutated([](Json& j) { j["post_processor"]["pair"][3]["Sequence"]["id"] = "C"; }),
                    "post_processor.pair[3].Sequence.id must be \"A\" or \"B\"");
        expectError(mutated([](Json& j) { j["added_tokens"][1]["id"] = -1; }),
                    "added_tokens[1].id must be an integer in [0, 4194303]");
        expectError(mutated([](Json& j) { j["added_tokens"] = "none"; }), "added_tokens must be a list");
        expectError(mutated([](Json& j) {
                        j["model"]["vocab"].erase("[PAD]");
                        j["model"]["vocab"]["[NOT-PAD]"] = 0;  // ids stay 0..N-1
                        j["added_tokens"].erase(0);  // [PAD], which would otherwise add it back
                    }),
                    "tokenizer.json: the vocabulary has no [PAD] token");
        // An id past the vocabulary would size the id table (and the model) by itself.
        expectError(mutated([](Json& j) { j["model"]["vocab"]["zzz"] = 4000000; }),
                    "tokenizer.json: the id of token \"zzz\" is not an integer from 0 to");
        QVERIFY(errorOf("[1, 2]").find("tokenizer.json: the document must be an object") == 0);
        QVERIFY(errorOf("{\"model\":\n {\"type\": }").find("tokenizer.json:2:") == 0);
    }

    void malformedBpeAndUnigramFilesNameTheKey() {
        const Json roberta = fixture("roberta_json");
        const Json albert = fixture("albert_json");
        const auto mutated = [](Json copy, const std::function<void(Json&)>& change) {
            change(copy);
            return copy;
        };
        expectError(mutated(roberta, [](Json& j) { j["model"]["merges"][0] = "bc"; }),
                    "model.merges[0] must be two symbols separated by one space");
        expectError(mutated(roberta, [](Json& j) { j["model"]["merges"][1] = {"a"}; }),
                    "model.merges[1] must be a pair of symbols");
        expectError(mutated(roberta, [](Json& j) { j["model"]["dropout"] = 0.1; }),
                    "model.dropout is not supported (only null)");
        expectError(mutated(roberta, [](Json& j) { j["pre_tokenizer"]["use_regex"] = false; }),
                    "pre_tokenizer.use_regex false is not supported");
        expectError(mutated(roberta,
                            [](Json& j) {
                                j["normalizer"] = {{"type", "Lowercase"}};
                            }),
                    "normalizer.type \"Lowercase\" is not supported");
        expectError(mutated(roberta, [](Json& j) { j["post_processor"]["cls"] = {"<s>"}; }),
                    "post_processor.cls must be a [token, id] pair");
        expectError(mutated(albert, [](Json& j) { j["normalizer"]["normalizers"][2]["type"] = "Foo"; }),
                    "normalizer.normalizers[2].type \"Foo\" is not supported");
        expectError(
            mutated(albert, [](Json& j) { j["normalizer"]["normalizers"][5]["pattern"]["Regex"] = "\\s+"; }),
            "normalizer.normalizers[5].pattern.Regex \"\\s+\" is not supported");
        expectError(mutated(albert, [](Json& j) { j["model"]["vocab"][3] = {"x"}; }),
                    "model.vocab[3] must be a [piece, score] pair");
        expectError(mutated(albert, [](Json& j) { j["model"]["vocab"][3][1] = "high"; }),
                    "model.vocab[3][1] must be a number");
        expectError(mutated(albert, [](Json& j) { j["model"]["unk_id"] = 99; }),
                    "model.unk_id must be an integer in [0, 49]");
        expectError(mutated(albert,
                            [](Json& j) {
                                j["normalizer"]["normalizers"][0] = {{"type", "Precompiled"},
                                                                     {"precompiled_charsmap", "AAAA!"}};
                            }),
                    "normalizer.normalizers[0].precompiled_charsmap is not a valid SentencePiece charsmap");
        expectError(mutated(albert, [](Json& j) { j["pre_tokenizer"]["prepend_scheme"] = "sometimes"; }),
                    "pre_tokenizer.prepend_scheme \"sometimes\" is not supported");
        expectError(mutated(albert,
                            [](Json& j) {
                                j["pre_tokenizer"] = {{"type", "Sequence"},
                                                      {"pretokenizers", {{{"type", "Whitespace"}}}}};
                            }),
                    "pre_tokenizer.pretokenizers is not supported");

        // The older pre-tokenizer form, WhitespaceSplit then Metaspace with add_prefix_space,
        // reads the same as "prepend_scheme": "always".
        const Json older = mutated(albert, [](Json& j) {
            j["pre_tokenizer"] = {
                {"type", "Sequence"},
                {"pretokenizers",
                 {{{"type", "WhitespaceSplit"}},
                  {{"type", "Metaspace"}, {"replacement", "\u2581"}, {"add_prefix_space", true}}}}};
        });
        QCOMPARE(idsOf(*fromJson(older), "the lazy dog"), idsOf(*fromJson(albert), "the lazy dog"));
    }

private:
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TokenizerJsonTest)
#include "test_tokenizer_json.moc"
