// Hugging Face tokenizers against expectations derived by hand from the published algorithms
// (transformers' BertTokenizer, RobertaTokenizer, AlbertTokenizer); each test shows its
// derivation. The *ReferenceCases tests use the toy vocabularies, inputs and outputs that
// transformers' own test suite asserts (tests/models/{bert,roberta}/test_tokenization_*.py). Fixtures:
// tests/data/hf_tokenizers/{bert,roberta,albert}. albert/spiece.model (50 pieces, 677 bytes) was trained with
// SentencePieceTrainer::Train on 40 copies of
//   the quick brown fox jumps over the lazy dog and the quick cat
//   a lazy dog sleeps while the quick fox runs 9, 19, 29, 39, 99,
//   brown dogs and brown foxes jump 9, times over 9, lazy dogs
// with --vocab_size=70 --hard_vocab_limit=false --model_type=unigram --pad_id=0 --unk_id=1
// --bos_id=-1 --eos_id=-1 --control_symbols=[CLS],[SEP],[MASK] --split_by_number=false
// --normalization_rule_name=identity (so that "9," is one of its pieces).
#include <QtTest/QtTest>

#include <algorithm>
#include <fstream>

#include "text/bpe_pretokenizer.h"
#include "text/byte_level_bpe_tokenizer.h"
#include "text/sentencepiece_tokenizer.h"
#include "text/subword_tokenizer.h"
#include "text/unicode_text.h"
#include "text/wordpiece_tokenizer.h"
#include "util/error.h"

using namespace uegr;
using Ids = std::vector<std::int64_t>;
using Strings = std::vector<std::string>;

namespace {

const std::string kDataDir = std::string(UEGR_TEST_DATA_DIR) + "/hf_tokenizers";

Ids idsOf(const std::vector<SubwordPiece>& pieces) {
    Ids ids;
    for (const SubwordPiece& piece : pieces) ids.push_back(piece.id);
    return ids;
}

Strings tokensOf(const std::vector<SubwordPiece>& pieces) {
    Strings tokens;
    for (const SubwordPiece& piece : pieces) tokens.push_back(piece.token);
    return tokens;
}

Strings utf8Pieces(const std::vector<std::u32string>& pieces) {
    Strings out;
    for (const std::u32string& piece : pieces) out.push_back(unicode::encodeUtf8(piece));
    return out;
}

void writeFile(const QString& path, const std::string& content) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << content;
}

WordPieceTokenizer bertTokenizer(WordPieceOptions options = {}) {
    return WordPieceTokenizer(kDataDir + "/bert/vocab.txt", std::move(options));
}

ByteLevelBpeTokenizer robertaTokenizer(ByteLevelBpeOptions options = {}) {
    return ByteLevelBpeTokenizer(kDataDir + "/roberta/vocab.json", kDataDir + "/roberta/merges.txt",
                                 std::move(options));
}

// Runs `action`, expecting an InputError about a file whose name ends with `fileSuffix`.
template <typename Action>
InputError expectInputError(Action action, const std::string& fileSuffix) {
    try {
        action();
    } catch (const InputError& error) {
        const std::string& file = error.file();
        if (file.size() < fileSuffix.size() ||
            file.compare(file.size() - fileSuffix.size(), fileSuffix.size(), fileSuffix) != 0) {
            throw std::runtime_error("InputError names " + file + ", expected " + fileSuffix + ": " +
                                     error.what());
        }
        return error;
    }
    throw std::runtime_error("no InputError about " + fileSuffix);
}

}  // namespace

class HfTokenizersTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // bert/vocab.txt ids (line index): [PAD]0 [UNK]1 [CLS]2 [SEP]3 [MASK]4 un5 ##aff6 ##able7
    // ##a8 una9 the10 cafe11 ,12 !13 $14 hello15 world16 中17 文18 ##ff19 a20 b21 c22 d23 e24
    // ##s25 run26 ##ning27 .28 Cafe29

    void wordPieceGreedyLongestMatchFirst() {
        const WordPieceTokenizer tokenizer = bertTokenizer();
        // "unaffable": the longest prefix in the vocabulary is "una" (not "un"), then from "ff..."
        // the longest "##" piece is "##ff", then "##able": una ##ff ##able.
        QCOMPARE(tokensOf(tokenizer.tokenize("unaffable")), (Strings{"una", "##ff", "##able"}));
        QCOMPARE(idsOf(tokenizer.tokenize("unaffable")), (Ids{9, 19, 7}));
        // "running": run + ##ning; "runs": run + ##s.
        QCOMPARE(idsOf(tokenizer.tokenize("running runs")), (Ids{26, 27, 26, 25}));
        // "unx": "un" matches but "##x" does not: the whole word is [UNK], not un [UNK].
        QCOMPARE(tokensOf(tokenizer.tokenize("unx the")), (Strings{"[UNK]", "the"}));
    }

    void wordPieceOverlongWordIsUnknown() {
        const WordPieceTokenizer tokenizer = bertTokenizer();
        // 100 characters is the limit: "a" then 99 x "##a"; 101 characters -> [UNK].
        const std::vector<SubwordPiece> hundred = tokenizer.tokenize(std::string(100, 'a'));
        QCOMPARE(hundred.size(), std::size_t{100});
        QCOMPARE(hundred.front().id, std::int64_t{20});
        QCOMPARE(hundred.back().id, std::int64_t{8});
        QCOMPARE(idsOf(tokenizer.tokenize(std::string(101, 'a'))), (Ids{1}));
    }

    void wordPieceLowerCasesAndStripsAccents() {
        const WordPieceTokenizer tokenizer = bertTokenizer();
        // "CAFÉ" -> lower "café" -> NFD "cafe" + U+0301 -> the Mn mark dropped -> "cafe" (11).
        // The decomposed spelling "Cafe\u0301" gives the same.
        QCOMPARE(idsOf(tokenizer.tokenize("CAF\u00c9 Caf\u00e9 Cafe\u0301")), (Ids{11, 11, 11}));

        WordPieceOptions cased;
        cased.doLowerCase = false;  // strip_accents unset follows do_lower_case: accents stay
        QCOMPARE(idsOf(bertTokenizer(cased).tokenize("Caf\u00e9 Cafe")), (Ids{1, 29}));
        cased.stripAccents = true;  // explicit strip_accents without lower-casing
        QCOMPARE(idsOf(bertTokenizer(cased).tokenize("Caf\u00e9")), (Ids{29}));
    }

    void wordPieceSplitsPunctuationAndCleansText() {
        const WordPieceTokenizer tokenizer = bertTokenizer();
        // "," and "!" are Unicode punctuation; "$" is a currency symbol (Sc) that BERT still
        // counts as punctuation because it is ASCII 33-47.
        QCOMPARE(tokensOf(tokenizer.tokenize("hello,world! $hello")),
                 (Strings{"hello", ",", "world", "!", "$", "hello"}));
        // U+0001 (Cc) and U+200B (Cf) are dropped, NUL and U+FFFD too; tab and newline separate.
        QCOMPARE(idsOf(tokenizer.tokenize(std::string("hel\x01lo\twor\u200bld\nthe") + std::string(1, '\0') +
                                          "\ufffd")),
                 (Ids{15, 16, 10}));
    }

    void wordPieceSplitsCjkIdeographs() {
        const WordPieceTokenizer tokenizer = bertTokenizer();
        // Each CJK ideograph becomes a word of its own, even inside "hello中文".
        QCOMPARE(tokensOf(tokenizer.tokenize("hello\u4e2d\u6587")), (Strings{"hello", "\u4e2d", "\u6587"}));
        WordPieceOptions noCjk;
        noCjk.tokenizeChineseChars = false;  // "中文" then stays one word, unknown as a whole
        QCOMPARE(idsOf(bertTokenizer(noCjk).tokenize("\u4e2d\u6587")), (Ids{1}));
    }

    void wordPieceKeepsSpecialTokensWhole() {
        const WordPieceTokenizer tokenizer = bertTokenizer();
        // "[SEP]" typed in the text is the special token, not "[", "sep", "]".
        QCOMPARE(idsOf(tokenizer.tokenize("hello [SEP]world")), (Ids{15, 3, 16}));
    }

    void wordPiecePairLayoutAndTypeIds() {
        const SubwordEncoding encoding = bertTokenizer().encode("hello", std::string_view("world"), 128);
        // [CLS] hello [SEP] world [SEP]; type 0 through the first [SEP], 1 after.
        QCOMPARE(encoding.ids, (Ids{2, 15, 3, 16, 3}));
        QCOMPARE(encoding.typeIds, (Ids{0, 0, 0, 1, 1}));
        QCOMPARE(encoding.tokens, (Strings{"[CLS]", "hello", "[SEP]", "world", "[SEP]"}));
        const SubwordEncoding single = bertTokenizer().encode("hello", std::nullopt, 128);
        QCOMPARE(single.ids, (Ids{2, 15, 3}));
        QCOMPARE(single.typeIds, (Ids{0, 0, 0}));
    }

    void truncationLongestFirst() {
        // One token at a time from the longer sequence, from the second on ties:
        // (10, 3) to 8: the first alone shrinks 10 -> 5.
        QCOMPARE(longestFirstLengths(10, 3, 8), (std::pair<std::size_t, std::size_t>{5, 3}));
        // (4, 4) to 5: (4,3) (3,3) (3,2).
        QCOMPARE(longestFirstLengths(4, 4, 5), (std::pair<std::size_t, std::size_t>{3, 2}));
        // (2, 7) to 3: second 7 -> 2 (equal), then (2,1).
        QCOMPARE(longestFirstLengths(2, 7, 3), (std::pair<std::size_t, std::size_t>{2, 1}));
        QCOMPARE(longestFirstLengths(6, 0, 4), (std::pair<std::size_t, std::size_t>{4, 0}));
        QCOMPARE(longestFirstLengths(2, 3, 9), (std::pair<std::size_t, std::size_t>{2, 3}));

        const WordPieceTokenizer tokenizer = bertTokenizer();
        // "a b c d e" (5) + "hello world" (2), max 8 -> 5 for text: first shrinks to 3.
        SubwordEncoding encoding = tokenizer.encode("a b c d e", std::string_view("hello world"), 8);
        QCOMPARE(encoding.ids, (Ids{2, 20, 21, 22, 3, 15, 16, 3}));
        // (3, 3) with max 7 -> 4 for text: the tie takes from the pair first: (3,2) then (2,2).
        encoding = tokenizer.encode("a b c", std::string_view("d e hello"), 7);
        QCOMPARE(encoding.ids, (Ids{2, 20, 21, 3, 23, 24, 3}));
        QCOMPARE(encoding.typeIds, (Ids{0, 0, 0, 0, 1, 1, 1}));
        // A single text: max 4 leaves 2 tokens.
        QCOMPARE(tokenizer.encode("a b c d e", std::nullopt, 4).ids, (Ids{2, 20, 21, 3}));
        QVERIFY_THROWS_EXCEPTION(Error, tokenizer.encode("a", std::string_view("b"), 2));
    }

    void gpt2PreTokenisation() {
        // Contractions are their own pieces (lower-case only: "'S" is punctuation then a word).
        QCOMPARE(utf8Pieces(gpt2PreTokenize(U"it's they'll we've I'm IT'S")),
                 (Strings{"it", "'s", " they", "'ll", " we", "'ve", " I", "'m", " IT", "'", "S"}));
        // Numbers and letters separate; an optional single space leads each run; punctuation
        // runs together; of two spaces before a word the first stands alone (\s+(?!\S)).
        QCOMPARE(utf8Pieces(gpt2PreTokenize(U"abc 123x!? a  b\n\nc  ")),
                 (Strings{"abc", " 123", "x", "!?", " a", " ", " b", "\n", "\n", "c", "  "}));
        // Non-ASCII letters are \p{L}: "é" stays in its word.
        QCOMPARE(utf8Pieces(gpt2PreTokenize(U"caf\u00e9 \u00e9t\u00e9")),
                 (Strings{"caf\u00e9", " \u00e9t\u00e9"}));
    }

    // roberta/vocab.json ids: <s>0 <pad>1 </s>2 <unk>3 a4 b5 c6 bc7 ab8 Ġ9 Ġa10 Ã11 ©12 Ã©13
    // â14 Ĥ15 ¬16 <mask>17 x18 Ġx19; merges by rank: 0 "b c", 1 "a b", 2 "Ġ a", 3 "Ã ©", 4 "Ġ x".

    void bpeMergeRankDecides() {
        const ByteLevelBpeTokenizer tokenizer = robertaTokenizer();
        // "abc": pairs (a,b) rank 1 and (b,c) rank 0: "bc" merges first, then (a,bc) is no
        // merge -> a bc. Left to right would have given ab c.
        QCOMPARE(tokensOf(tokenizer.tokenize("abc")), (Strings{"a", "bc"}));
        QCOMPARE(idsOf(tokenizer.tokenize("abc")), (Ids{4, 7}));
        // " ab" after "x": Ġ a b has (Ġ,a) rank 2 and (a,b) rank 1: "ab" first -> Ġ ab.
        QCOMPARE(tokensOf(tokenizer.tokenize("x ab")), (Strings{"x", "\u0120", "ab"}));
        // " abc": bc (0), then (Ġ,a) rank 2 -> Ġa bc.
        QCOMPARE(idsOf(tokenizer.tokenize("x abc")), (Ids{18, 10, 7}));
        // A symbol missing from the vocabulary maps to <unk>.
        QCOMPARE(idsOf(tokenizer.tokenize("d")), (Ids{3}));
    }

    void bpeByteLevelMapping() {
        const ByteLevelBpeTokenizer tokenizer = robertaTokenizer();
        // Space 0x20 is the 33rd unprintable byte: U+0100 + 32 = U+0120 "Ġ" (" x" -> Ġx, merge 4).
        QCOMPARE(tokensOf(tokenizer.tokenize("x x")), (Strings{"x", "\u0120x"}));
        // "é" = C3 A9: both bytes printable Latin-1, so "Ã" "©", merged by rank 3 -> "Ã©".
        QCOMPARE(idsOf(tokenizer.tokenize("\u00e9")), (Ids{13}));
        // "€" = E2 82 AC: E2 -> "â", AC -> "¬"; 0x82 is unprintable: 0x00-0x20 (33), 0x7F (1),
        // then 0x80, 0x81, 0x82 -> index 36 -> U+0124 "Ĥ".
        QCOMPARE(tokensOf(tokenizer.tokenize("\u20ac")), (Strings{"\u00e2", "\u0124", "\u00ac"}));
        QCOMPARE(idsOf(tokenizer.tokenize("\u20ac")), (Ids{14, 15, 16}));
    }

    void bpeSpecialTokensAndPairs() {
        const ByteLevelBpeTokenizer tokenizer = robertaTokenizer();
        // <s> ab </s></s> x </s>, all type ids 0.
        const SubwordEncoding encoding = tokenizer.encode("ab", std::string_view("x"), 16);
        QCOMPARE(encoding.ids, (Ids{0, 8, 2, 2, 18, 2}));
        QCOMPARE(encoding.typeIds, (Ids{0, 0, 0, 0, 0, 0}));
        QCOMPARE(tokenizer.padId(), std::int64_t{1});
        QCOMPARE(tokenizer.unkId(), std::int64_t{3});
        // Pair truncation keeps 4 special tokens: "a a a" (3) + "x" (1), max 6 -> 2: (1,1).
        QCOMPARE(tokenizer.encode("a a a", std::string_view("x"), 6).ids, (Ids{0, 4, 2, 2, 18, 2}));
        // <mask> takes the whitespace before it (lstrip): x <mask> -> x <mask>, no "Ġ".
        QCOMPARE(idsOf(tokenizer.tokenize("x <mask>")), (Ids{18, 17}));
        ByteLevelBpeOptions noLstrip;
        noLstrip.maskLstrip = false;
        QCOMPARE(idsOf(robertaTokenizer(noLstrip).tokenize("x <mask>")), (Ids{18, 9, 17}));
        // add_prefix_space: "ab" is read as " ab" -> Ġ ab.
        ByteLevelBpeOptions prefixed;
        prefixed.addPrefixSpace = true;
        QCOMPARE(idsOf(robertaTokenizer(prefixed).tokenize("ab")), (Ids{9, 8}));
        QCOMPARE(tokenizer.tokenOf(10), std::string("\u0120a"));
        QCOMPARE(tokenizer.vocabSize(), std::int64_t{20});
    }

    void albertPreprocessing() {
        // Whitespace collapsed, `` and '' -> ", NFKD (é -> e + U+0301, the mark dropped;
        // the ligature "ﬁ" -> "fi"), then lower-cased.
        const SentencePieceOptions options;
        QCOMPARE(albertPreprocess("  H\u00e9llo\tWORLD  ``x'' \ufb01ne ", options),
                 std::string("hello world \"x\" fine"));
        SentencePieceOptions cased;
        cased.doLowerCase = false;
        cased.keepAccents = true;
        QCOMPARE(albertPreprocess("H\u00e9llo  X", cased), std::string("H\u00e9llo X"));
    }

    void sentencePieceMatchesProcessor() {
        if (!sentencePieceAvailable()) QSKIP("built without SentencePiece");
        const std::string model = kDataDir + "/albert/spiece.model";
        const std::unique_ptr<SubwordTokenizer> tokenizer = makeSentencePieceTokenizer(model, {});
        const SentencePieceModel processor(model);
        QCOMPARE(processor.pieceToId("[CLS]"), 2);  // as trained: <pad> 0, <unk> 1, the control symbols
        QCOMPARE(processor.pieceToId("[SEP]"), 3);
        // The processor sees ALBERT's preprocessed text: whitespace collapsed, lower case.
        const std::vector<int> text = processor.encodeAsIds("the quick brown fox.");
        const std::vector<int> pair = processor.encodeAsIds("a lazy dog jumps");
        // What the processor gave when the fixture was made: "▁t h e ▁ q u i c k ▁ b r o w n ▁fox ."
        QCOMPARE(text, (std::vector<int>{14, 11, 6, 5, 20, 16, 12, 17, 22, 5, 21, 10, 13, 18, 9, 25, 1}));
        Ids expected{2};
        expected.insert(expected.end(), text.begin(), text.end());
        expected.push_back(3);
        const std::size_t firstSep = expected.size();
        expected.insert(expected.end(), pair.begin(), pair.end());
        expected.push_back(3);
        const SubwordEncoding encoding =
            tokenizer->encode("  The QUICK\tbrown  fox.", std::string_view("A lazy DOG jumps"), 512);
        QCOMPARE(encoding.ids, expected);
        for (std::size_t i = 0; i < encoding.typeIds.size(); ++i) {
            QCOMPARE(encoding.typeIds[i], std::int64_t{i < firstSep ? 0 : 1});
        }
        QCOMPARE(encoding.tokens[1], std::string("\u2581t"));
        QCOMPARE(tokenizer->padId(), std::int64_t{0});
        QCOMPARE(tokenizer->unkId(), std::int64_t{1});
        QCOMPARE(tokenizer->vocabSize(), std::int64_t{50});
        QCOMPARE(tokenizer->kind(), std::string("sentencepiece"));
        // Truncation as BERT's: (17, 9) to 12 - 3 = 9 for the texts: the first shrinks to 9,
        // then the tie alternates second, first, ... : (9,9) -> ... -> (5,4).
        const SubwordEncoding truncated =
            tokenizer->encode("the quick brown fox.", std::string_view("a lazy dog jumps"), 12);
        QCOMPARE(truncated.ids.size(), std::size_t{12});
        QCOMPARE(truncated.ids[6], std::int64_t{3});  // [CLS] + 5 + [SEP]
    }

    void sentencePieceSplitsDigitComma() {
        if (!sentencePieceAvailable()) QSKIP("built without SentencePiece");
        // The processor cuts "fox 9, dog" into "▁fox" "▁" "9," "▁dog" (ids 25 5 7 27).
        // AlbertTokenizer re-encodes a piece "<digit>," without its comma: "9" -> "▁9"; as "9,"
        // did not start with "▁", the "▁" is taken off that first piece -> "9" (49); then ","
        // (48) follows: ▁fox ▁ 9 , ▁dog.
        const std::string model = kDataDir + "/albert/spiece.model";
        const SentencePieceModel processor(model);
        QCOMPARE(processor.encodeAsPieces("fox 9, dog"), (Strings{"\u2581fox", "\u2581", "9,", "\u2581dog"}));
        QCOMPARE(processor.encodeAsPieces("9"), (Strings{"\u25819"}));
        const std::unique_ptr<SubwordTokenizer> tokenizer = makeSentencePieceTokenizer(model, {});
        const SubwordEncoding encoding = tokenizer->encode("fox 9, dog", std::nullopt, 64);
        QCOMPARE(encoding.tokens, (Strings{"[CLS]", "\u2581fox", "\u2581", "9", ",", "\u2581dog", "[SEP]"}));
        QCOMPARE(encoding.ids, (Ids{2, 25, 5, 49, 48, 27, 3}));
    }

    void loaderReadsFolders() {
        const std::unique_ptr<SubwordTokenizer> bert = loadSubwordTokenizer(kDataDir + "/bert");
        QCOMPARE(bert->kind(), std::string("wordpiece"));
        QCOMPARE(bert->files(), (Strings{"vocab.txt", "tokenizer_config.json"}));
        QCOMPARE(bert->modelMaxLength(), std::optional<int>(512));
        QCOMPARE(bert->vocabSize(), std::int64_t{30});
        QCOMPARE(bert->padId(), std::int64_t{0});
        QCOMPARE(bert->tokenOf(9), std::string("una"));
        QCOMPARE(bert->encode("Caf\u00e9!", std::nullopt, 16).ids, (Ids{2, 11, 13, 3}));

        const std::unique_ptr<SubwordTokenizer> roberta = loadSubwordTokenizer(kDataDir + "/roberta");
        QCOMPARE(roberta->kind(), std::string("bpe"));
        QCOMPARE(roberta->files(), (Strings{"vocab.json", "merges.txt", "tokenizer_config.json"}));
        QCOMPARE(roberta->modelMaxLength(), std::nullopt);  // 1e30 means "no limit"
        QCOMPARE(roberta->encode("abc", std::nullopt, 16).ids, (Ids{0, 4, 7, 2}));
    }

    void loaderSettingsAndKindWithoutModelType() {
        // No config.json: vocab.txt alone means WordPiece; do_lower_case false keeps "Cafe".
        const QString folder = dir_.filePath("plain_bert");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(QString::fromStdString(kDataDir + "/bert/vocab.txt"), folder + "/vocab.txt"));
        writeFile(folder + "/tokenizer_config.json",
                  R"({"do_lower_case": false, "cls_token": {"content": "[MASK]"}})");
        const std::unique_ptr<SubwordTokenizer> tokenizer = loadSubwordTokenizer(folder.toStdString());
        QCOMPARE(tokenizer->kind(), std::string("wordpiece"));
        // cls_token given as an AddedToken object replaces [CLS] (id 4 instead of 2).
        QCOMPARE(tokenizer->encode("Cafe", std::nullopt, 8).ids, (Ids{4, 29, 3}));
        // special_tokens_map.json wins over tokenizer_config.json.
        writeFile(folder + "/special_tokens_map.json", R"({"cls_token": "[PAD]"})");
        QCOMPARE(loadSubwordTokenizer(folder.toStdString())->encode("Cafe", std::nullopt, 8).ids,
                 (Ids{0, 29, 3}));
    }

    void loaderErrorsNameTheFile() {
        const QString missingVocab = dir_.filePath("missing_vocab");
        QVERIFY(QDir().mkpath(missingVocab));
        writeFile(missingVocab + "/config.json", R"({"model_type": "bert"})");
        expectInputError([&] { loadSubwordTokenizer(missingVocab.toStdString()); }, "vocab.txt");

        const QString badJson = dir_.filePath("bad_json");
        QVERIFY(QDir().mkpath(badJson));
        writeFile(badJson + "/config.json", R"({"model_type": "roberta"})");
        writeFile(badJson + "/vocab.json", "{\"a\": 0,\n \"b\": }\n");
        writeFile(badJson + "/merges.txt", "#version: 0.2\na b\n");
        const InputError error =
            expectInputError([&] { loadSubwordTokenizer(badJson.toStdString()); }, "vocab.json");
        QCOMPARE(error.line(), std::size_t{2});

        writeFile(badJson + "/vocab.json", R"({"a": 0, "b": "one"})");
        expectInputError([&] { loadSubwordTokenizer(badJson.toStdString()); }, "vocab.json");
        // An id past the vocabulary would size the id table (and the model) by itself.
        writeFile(badJson + "/vocab.json", R"({"a": 0, "b": 99999999999})");
        QVERIFY(
            QString(
                expectInputError([&] { loadSubwordTokenizer(badJson.toStdString()); }, "vocab.json").what())
                .contains("is not an integer from 0 to 1"));
        writeFile(badJson + "/vocab.json", R"({"a": 1, "b": 1})");
        QVERIFY(
            QString(
                expectInputError([&] { loadSubwordTokenizer(badJson.toStdString()); }, "vocab.json").what())
                .contains("id 1 is given to two tokens"));
        writeFile(badJson + "/vocab.json", R"({"<s>": 0, "</s>": 1, "<pad>": 2, "<unk>": 3, "a": 4})");
        writeFile(badJson + "/merges.txt", "#version: 0.2\na b\nabc\n");
        QCOMPARE(expectInputError([&] { loadSubwordTokenizer(badJson.toStdString()); }, "merges.txt").line(),
                 std::size_t{3});
        QVERIFY(QFile::remove(badJson + "/merges.txt"));
        expectInputError([&] { loadSubwordTokenizer(badJson.toStdString()); }, "merges.txt");

        writeFile(missingVocab + "/config.json", R"({"model_type": "gpt2"})");
        expectInputError([&] { loadSubwordTokenizer(missingVocab.toStdString()); }, "config.json");
        writeFile(missingVocab + "/config.json", "{\"model_type\": ");
        expectInputError([&] { loadSubwordTokenizer(missingVocab.toStdString()); }, "config.json");
        QVERIFY(
            QFile::copy(QString::fromStdString(kDataDir + "/bert/vocab.txt"), missingVocab + "/vocab.txt"));
        writeFile(missingVocab + "/config.json", R"({"model_type": "bert"})");
        writeFile(missingVocab + "/tokenizer_config.json", R"({"do_lower_case": "yes"})");
        expectInputError([&] { loadSubwordTokenizer(missingVocab.toStdString()); }, "tokenizer_config.json");

        const QString empty = dir_.filePath("empty");
        QVERIFY(QDir().mkpath(empty));
        expectInputError([&] { loadSubwordTokenizer(empty.toStdString()); }, "empty");
    }

    void loaderAlbertFolder() {
        const QString folder = dir_.filePath("albert");
        QVERIFY(QDir().mkpath(folder));
        writeFile(folder + "/config.json", R"({"model_type": "albert"})");
        if (sentencePieceAvailable()) {
            expectInputError([&] { loadSubwordTokenizer(folder.toStdString()); }, "spiece.model");
            QVERIFY(QFile::copy(QString::fromStdString(kDataDir + "/albert/spiece.model"),
                                folder + "/spiece.model"));
            const std::unique_ptr<SubwordTokenizer> albert = loadSubwordTokenizer(folder.toStdString());
            QCOMPARE(albert->kind(), std::string("sentencepiece"));
            QCOMPARE(albert->files(), (Strings{"spiece.model"}));
            const std::unique_ptr<SubwordTokenizer> fixture = loadSubwordTokenizer(kDataDir + "/albert");
            QCOMPARE(fixture->encode("Fox", std::nullopt, 8).ids, (Ids{2, 25, 3}));
            return;
        }
        try {
            loadSubwordTokenizer(folder.toStdString());
            QFAIL("an ALBERT folder loaded without SentencePiece");
        } catch (const InputError&) {
            QFAIL("expected the missing-SentencePiece error, not an input error");
        } catch (const Error& error) {
            QVERIFY(std::string(error.what()).find("SentencePiece") != std::string::npos);
        }
    }

    void wordPieceReferenceCases() {
        // transformers' BertTokenizationTest vocabulary; ids are line indices.
        const QString vocab = dir_.filePath("reference_bert_vocab.txt");
        writeFile(
            vocab,
            "[UNK]\n[CLS]\n[SEP]\n[PAD]\n[MASK]\nwant\n##want\n##ed\nwa\nun\nrunn\n##ing\n,\nlow\nlowest\n");
        const WordPieceTokenizer tokenizer(vocab.toStdString(), {});
        // test_full_tokenizer
        QCOMPARE(tokensOf(tokenizer.tokenize("UNwant\u00E9d,running")),
                 (Strings{"un", "##want", "##ed", ",", "runn", "##ing"}));
        QCOMPARE(idsOf(tokenizer.tokenize("UNwant\u00E9d,running")), (Ids{9, 6, 7, 12, 10, 11}));
        // test_wordpiece_tokenizer
        QCOMPARE(tokensOf(tokenizer.tokenize("unwanted running")),
                 (Strings{"un", "##want", "##ed", "runn", "##ing"}));
        QCOMPARE(tokensOf(tokenizer.tokenize("unwantedX running")), (Strings{"[UNK]", "runn", "##ing"}));
        QVERIFY(tokenizer.tokenize("").empty());
        // test_clean_text: the soft hyphen (a format character) vanishes; "Test" is unknown here.
        QCOMPARE(tokensOf(tokenizer.tokenize("Test")), (Strings{"[UNK]"}));
        QVERIFY(tokenizer.tokenize("\u00AD").empty());
        // Control and format characters are removed (left-to-right and right-to-left marks).
        QVERIFY(tokenizer.tokenize("\u200E\u200F").empty());

        // The basic-tokenizer cases, through a vocabulary holding each expected word so the
        // WordPiece stage passes them through unchanged.
        const QString words = dir_.filePath("reference_bert_words.txt");
        writeFile(
            words,
            "[UNK]\n[CLS]\n[SEP]\n[PAD]\n[MASK]\nhello\n!\nhow\nare\nyou\n?\nh\u00E9llo\nhallo\nh\u00E4llo\n"
            "HeLLo\nAre\nyoU\nHaLLo\nH\u00E4LLo\nah\n\u535A\n\u63A8\nzz\na\n'\nll\nto\nd\nof\n,\ncan\nt\n."
            "\n");
        const auto basic = [&words](bool lower, std::optional<bool> strip, const std::string& text) {
            WordPieceOptions options;
            options.doLowerCase = lower;
            options.stripAccents = strip;
            return tokensOf(WordPieceTokenizer(words.toStdString(), options).tokenize(text));
        };
        const std::string hello = " \tHeLLo!how  \n Are yoU?  ";
        const std::string umlaut = " \tH\u00E4LLo!how  \n Are yoU?  ";
        QCOMPARE(basic(true, std::nullopt, hello), (Strings{"hello", "!", "how", "are", "you", "?"}));
        QCOMPARE(basic(true, std::nullopt, "H\u00E9llo"), (Strings{"hello"}));
        QCOMPARE(basic(true, false, umlaut), (Strings{"h\u00E4llo", "!", "how", "are", "you", "?"}));
        QCOMPARE(basic(true, false, "H\u00E9llo"), (Strings{"h\u00E9llo"}));
        QCOMPARE(basic(true, true, umlaut), (Strings{"hallo", "!", "how", "are", "you", "?"}));
        QCOMPARE(basic(true, std::nullopt, umlaut), (Strings{"hallo", "!", "how", "are", "you", "?"}));
        QCOMPARE(basic(false, std::nullopt, hello), (Strings{"HeLLo", "!", "how", "Are", "yoU", "?"}));
        QCOMPARE(basic(false, false, umlaut), (Strings{"H\u00E4LLo", "!", "how", "Are", "yoU", "?"}));
        QCOMPARE(basic(false, true, umlaut), (Strings{"HaLLo", "!", "how", "Are", "yoU", "?"}));
        // test_chinese and test_basic_tokenizer_splits_on_punctuation
        QCOMPARE(basic(true, std::nullopt, "ah\u535A\u63A8zz"), (Strings{"ah", "\u535A", "\u63A8", "zz"}));
        QCOMPARE(basic(true, std::nullopt, "a\n'll !!to?'d of, can't."),
                 (Strings{"a", "'", "ll", "!", "!", "to", "?", "'", "d", "of", ",", "can", "'", "t", "."}));
    }

    void byteLevelBpeReferenceCases() {
        // transformers' RobertaTokenizationTest vocabulary (after Sennrich et al.) and merges;
        // <s>, </s> and <pad>, which our loader requires, are appended after its 20 ids.
        const QString vocab = dir_.filePath("reference_roberta_vocab.json");
        const QString merges = dir_.filePath("reference_roberta_merges.txt");
        writeFile(
            vocab,
            "{\"l\": 0, \"o\": 1, \"w\": 2, \"e\": 3, \"r\": 4, \"s\": 5, \"t\": 6, \"i\": 7, \"d\": 8, "
            "\"n\": 9, \"\u0120\": 10, \"\u0120l\": 11, \"\u0120n\": 12, \"\u0120lo\": 13, "
            "\"\u0120low\": 14, \"er\": 15, \"\u0120lowest\": 16, \"\u0120newer\": 17, "
            "\"\u0120wider\": 18, \"<unk>\": 19, \"<s>\": 20, \"</s>\": 21, \"<pad>\": 22}\n");
        writeFile(merges, "#version: 0.2\n\u0120 l\n\u0120l o\n\u0120lo w\ne r\n");
        const ByteLevelBpeTokenizer tokenizer(vocab.toStdString(), merges.toStdString(), {});
        // test_full_tokenizer: "Ġn" is in the vocabulary but "Ġ n" is no merge, so it stays two.
        QCOMPARE(tokensOf(tokenizer.tokenize("lower newer")),
                 (Strings{"l", "o", "w", "er", "\u0120", "n", "e", "w", "er"}));
        QCOMPARE(idsOf(tokenizer.tokenize("lower newer")), (Ids{0, 1, 2, 15, 10, 9, 3, 2, 15}));
    }

private:
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(HfTokenizersTest)
#include "test_hf_tokenizers.moc"
