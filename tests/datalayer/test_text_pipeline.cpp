// Tokenizer, vocabulary (build, save, load, corrupt files) and batching (padding, masks,
// truncation, sentence pairs, batch order).
#include <QtTest/QtTest>

#include <torch/torch.h>

#include "datalayer/data_test_support.h"
#include "text/batching.h"
#include "text/tokenizer.h"
#include "text/vocabulary.h"
#include "util/atomic_file.h"

using namespace uegr;
using uegr::testing::expectInputError;
using uegr::testing::writeScratchFile;
using Tokens = std::vector<std::string>;

namespace {

std::vector<std::int64_t> rowOf(const torch::Tensor& tensor, std::int64_t row) {
    const torch::Tensor values = tensor[row].to(torch::kInt64).contiguous();
    return std::vector<std::int64_t>(values.data_ptr<std::int64_t>(),
                                     values.data_ptr<std::int64_t>() + values.numel());
}

Example example(const std::string& text, const std::string& pair, int label) {
    Example result;
    result.text = text;
    result.pair = pair;
    result.label = label;
    return result;
}

}  // namespace

class TextPipelineTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    // <pad> <unk> <sep> the cat a b c d e mat on sat x y z (counts decide the order).
    static Vocabulary sampleVocabulary() {
        return Vocabulary::build({tokenize("the cat sat on the mat", true), tokenize("the cat", true),
                                  tokenize("a b c d e x y z", true)},
                                 1, 0);
    }

private Q_SLOTS:
    void tokenizerSplitsWordsAndPunctuation() {
        QCOMPARE(tokenize("Hello, World!", true), (Tokens{"hello", ",", "world", "!"}));
        QCOMPARE(tokenize("Hello, World!", false), (Tokens{"Hello", ",", "World", "!"}));
        // Apostrophes are punctuation like any other, so contractions split into three tokens.
        QCOMPARE(tokenize("Don't stop", true), (Tokens{"don", "'", "t", "stop"}));
        QCOMPARE(tokenize("abc123 x2 3.14", true), (Tokens{"abc123", "x2", "3", ".", "14"}));
        QCOMPARE(tokenize("<sep>--(a)", true), (Tokens{"<", "sep", ">", "-", "-", "(", "a", ")"}));
        QCOMPARE(tokenize("", true), Tokens{});
        QCOMPARE(tokenize(" \t\r\n ", true), Tokens{});
    }

    void tokenizerIsUtf8Aware() {
        // No-break space, ideographic space, line separator and zero-width space separate words.
        QCOMPARE(tokenize("a\xC2\xA0"
                          "b\xE3\x80\x80"
                          "c\xE2\x80\xA8"
                          "d\xE2\x80\x8B"
                          "e",
                          true),
                 (Tokens{"a", "b", "c", "d", "e"}));
        // Curly quotes, em dash, ellipsis, euro sign, multiplication sign and emoji stand alone.
        QCOMPARE(tokenize("\xE2\x80\x9Cquoted\xE2\x80\x9D\xE2\x80\x94"
                          "dash\xE2\x80\xA6",
                          true),
                 (Tokens{"\xE2\x80\x9C", "quoted", "\xE2\x80\x9D", "\xE2\x80\x94", "dash", "\xE2\x80\xA6"}));
        QCOMPARE(tokenize("5\xE2\x82\xAC 3\xC3\x97"
                          "4 hi\xF0\x9F\x98\x80there",
                          true),
                 (Tokens{"5", "\xE2\x82\xAC", "3", "\xC3\x97", "4", "hi", "\xF0\x9F\x98\x80", "there"}));
        // Letters of other scripts and combining marks stay inside words.
        QCOMPARE(tokenize("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E caf"
                          "e\xCC\x81",
                          true),
                 (Tokens{"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "cafe\xCC\x81"}));
        // Bytes that are not UTF-8 become U+FFFD tokens.
        QCOMPARE(tokenize("a\xFF"
                          "b",
                          true),
                 (Tokens{"a", "\xEF\xBF\xBD", "b"}));
    }

    void tokenizerLowercasesLatinLetters() {
        QCOMPARE(tokenize("\xC3\x89"
                          "COLE \xC3\x84rger STRA\xC3\x9F"
                          "E",
                          true),
                 (Tokens{"\xC3\xA9"
                         "cole",
                         "\xC3\xA4rger",
                         "stra\xC3\x9F"
                         "e"}));
        // Ł Ó D Ź -> ł ó d ź (Latin Extended-A and Latin-1).
        QCOMPARE(tokenize("\xC5\x81\xC3\x93"
                          "D\xC5\xB9",
                          true),
                 (Tokens{"\xC5\x82\xC3\xB3"
                         "d\xC5\xBA"}));
        // İ -> i, Ÿ -> ÿ, Ǆ -> ǆ, Ȁ -> ȁ; Greek is left alone.
        QCOMPARE(tokenize("\xC4\xB0 \xC5\xB8 \xC7\x84 \xC8\x80 \xCE\x91", true),
                 (Tokens{"i", "\xC3\xBF", "\xC7\x86", "\xC8\x81", "\xCE\x91"}));
        QCOMPARE(tokenize("\xC3\x89"
                          "COLE",
                          false),
                 (Tokens{"\xC3\x89"
                         "COLE"}));
    }

    void vocabularyOrderAndLimits() {
        const std::vector<Tokens> texts{{"b", "a", "c", "a"}, {"a", "b", "d", "<unk>"}};
        const Vocabulary all = Vocabulary::build(texts, 1, 0);
        QCOMPARE(all.size(), std::int64_t{7});
        Tokens order;
        for (std::int64_t id = 0; id < all.size(); ++id) order.push_back(all.token(id));
        QCOMPARE(order, (Tokens{"<pad>", "<unk>", "<sep>", "a", "b", "c", "d"}));
        QCOMPARE(all.idOf("<pad>"), Vocabulary::kPad);
        QCOMPARE(all.idOf("<sep>"), Vocabulary::kSep);
        QCOMPARE(all.idOf("never"), Vocabulary::kUnk);
        QCOMPARE(all.encode({"d", "a", "zzz"}), (std::vector<std::int64_t>{6, 3, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, all.token(7));

        QCOMPARE(Vocabulary::build(texts, 2, 0).size(), std::int64_t{5});  // c and d occur once
        const Vocabulary capped = Vocabulary::build(texts, 1, 6);          // the size includes the specials
        QCOMPARE(capped.size(), std::int64_t{6});
        QCOMPARE(capped.token(5), std::string("c"));  // c and d tie; c sorts first
        QCOMPARE(capped.idOf("d"), Vocabulary::kUnk);
        QCOMPARE(Vocabulary::build(texts, 1, 1).size(), std::int64_t{3});
    }

    void vocabularySaveLoadRoundTrip() {
        const Vocabulary vocabulary = sampleVocabulary();
        const QString subdirectory = dir_.filePath("vocab_dir");
        const std::string path = (subdirectory + "/vocab.txt").toStdString();
        vocabulary.save(path);
        QCOMPARE(QDir(subdirectory).entryList(QDir::Files),
                 QStringList{"vocab.txt"});  // no temporary left behind
        const std::string content = readFile(path);
        QVERIFY(content.rfind("<pad>\n<unk>\n<sep>\nthe\ncat\n", 0) == 0);
        const Vocabulary loaded = Vocabulary::load(path);
        QCOMPARE(loaded.size(), vocabulary.size());
        for (std::int64_t id = 0; id < vocabulary.size(); ++id) {
            QCOMPARE(loaded.token(id), vocabulary.token(id));
            QCOMPARE(loaded.idOf(vocabulary.token(id)), id);
        }
        const Vocabulary crlf =
            Vocabulary::load(writeScratchFile(dir_, "crlf.txt", "<pad>\r\n<unk>\r\n<sep>\r\nword\r\n"));
        QCOMPARE(crlf.idOf("word"), std::int64_t{3});
    }

    void corruptVocabularyFiles() {
        const auto expectBad = [&](const std::string& name, const std::string& content, std::size_t line,
                                   const std::string& fragment) {
            const std::string path = writeScratchFile(dir_, name, content);
            expectInputError([&] { Vocabulary::load(path); }, path, line, fragment);
        };
        expectBad("empty.txt", "", 1, "file is empty");
        expectBad("order.txt", "<unk>\n<pad>\n<sep>\na\n", 1,
                  "expected the special token '<pad>', got '<unk>'");
        expectBad("no_sep.txt", "<pad>\n<unk>\nword\n", 3, "expected the special token '<sep>'");
        expectBad("short.txt", "<pad>\n<unk>\n", 2, "expected the special tokens");
        expectBad("duplicate.txt", "<pad>\n<unk>\n<sep>\na\nb\na\n", 6,
                  "duplicate token 'a' (first on line 4)");
        expectBad("blank.txt", "<pad>\n<unk>\n<sep>\na\n\nb\n", 5, "empty token");
        expectBad("utf8.txt", "<pad>\n<unk>\n<sep>\n\xC0\xAF\n", 4, "invalid UTF-8");
    }

    void batchesArePaddedAndMasked() {
        const Vocabulary vocabulary = sampleVocabulary();
        Dataset dataset;
        dataset.examples = {example("The cat", "", 1), example("the cat sat on the mat", "", 0),
                            example("dog", "", 2), example("   ", "", 0)};
        const EncodedDataset encoded(dataset, TextEncoder::words(vocabulary, true), 4);
        QCOMPARE(encoded.size(), std::size_t{4});
        const std::int64_t the = vocabulary.idOf("the"), cat = vocabulary.idOf("cat"),
                           sat = vocabulary.idOf("sat");
        const std::int64_t on = vocabulary.idOf("on");
        QCOMPARE(encoded.ids(1), (std::vector<std::int64_t>{the, cat, sat, on}));  // truncated to max_length
        QCOMPARE(encoded.ids(3), std::vector<std::int64_t>{Vocabulary::kUnk});     // never all padding
        QCOMPARE(encoded.label(2), 2);

        const Batch batch = encoded.makeBatch({0, 1, 2});
        QCOMPARE(batch.inputIds.sizes().vec(), (std::vector<std::int64_t>{3, 4}));
        QCOMPARE(batch.inputIds.scalar_type(), torch::kInt64);
        QCOMPARE(batch.attentionMask.scalar_type(), torch::kBool);
        QCOMPARE(batch.labels.scalar_type(), torch::kInt64);
        QCOMPARE(rowOf(batch.inputIds, 0),
                 (std::vector<std::int64_t>{the, cat, Vocabulary::kPad, Vocabulary::kPad}));
        QCOMPARE(rowOf(batch.inputIds, 1), (std::vector<std::int64_t>{the, cat, sat, on}));
        QCOMPARE(rowOf(batch.inputIds, 2), (std::vector<std::int64_t>{Vocabulary::kUnk, 0, 0, 0}));
        QCOMPARE(rowOf(batch.attentionMask, 0), (std::vector<std::int64_t>{1, 1, 0, 0}));
        QCOMPARE(rowOf(batch.attentionMask, 1), (std::vector<std::int64_t>{1, 1, 1, 1}));
        QCOMPARE(rowOf(batch.attentionMask, 2), (std::vector<std::int64_t>{1, 0, 0, 0}));
        QCOMPARE(rowOf(batch.labels.unsqueeze(0), 0), (std::vector<std::int64_t>{1, 0, 2}));
        QCOMPARE(batch.exampleIndices, (std::vector<std::size_t>{0, 1, 2}));

        // Only as long as the longest member of the batch.
        const Batch shorter = encoded.makeBatch({2, 0});
        QCOMPARE(shorter.inputIds.sizes().vec(), (std::vector<std::int64_t>{2, 2}));
        QCOMPARE(rowOf(shorter.inputIds, 1), (std::vector<std::int64_t>{the, cat}));

        const Batch moved = batch.to(torch::Device(torch::kCPU));
        QVERIFY(torch::equal(moved.inputIds, batch.inputIds));
        QVERIFY(torch::equal(moved.attentionMask, batch.attentionMask));
        QCOMPARE(moved.exampleIndices, batch.exampleIndices);
        QVERIFY_THROWS_EXCEPTION(Error, encoded.makeBatch({4}));
    }

    void pairsAreJoinedAndTruncatedFromTheLongerSide() {
        const Vocabulary vocabulary = sampleVocabulary();
        const auto id = [&](const char* token) { return vocabulary.idOf(token); };
        Dataset dataset;
        dataset.examples = {example("a b c d e", "x y", 0), example("a b c", "x y z", 1),
                            example("a", "x", 0)};
        const EncodedDataset encoded(dataset, TextEncoder::words(vocabulary, true), 6);
        // Budget 5 besides <sep>: the text (longer) loses d and e.
        QCOMPARE(encoded.ids(0),
                 (std::vector<std::int64_t>{id("a"), id("b"), id("c"), Vocabulary::kSep, id("x"), id("y")}));
        // Equal lengths: the pair loses its last token.
        QCOMPARE(encoded.ids(1),
                 (std::vector<std::int64_t>{id("a"), id("b"), id("c"), Vocabulary::kSep, id("x"), id("y")}));
        QCOMPARE(encoded.ids(2), (std::vector<std::int64_t>{id("a"), Vocabulary::kSep, id("x")}));
        const EncodedDataset tight(dataset, TextEncoder::words(vocabulary, true), 5);
        // Budget 4: the pair loses z on the tie, then the now longer text loses c.
        QCOMPARE(tight.ids(1),
                 (std::vector<std::int64_t>{id("a"), id("b"), Vocabulary::kSep, id("x"), id("y")}));
        const Batch batch = encoded.makeBatch({0, 2});
        QCOMPARE(rowOf(batch.attentionMask, 1), (std::vector<std::int64_t>{1, 1, 1, 0, 0, 0}));
    }

    // spell() gives the written form of exactly the ids encode() returns, cut the same way.
    void spellingFollowsTheIds() {
        Vocabulary vocabulary = Vocabulary::build({{"a", "b", "x"}}, 1, 100);
        const TextEncoder encoder = TextEncoder::words(vocabulary, true);
        const std::string text = "A Zebra b, c";
        QCOMPARE(encoder.encode(text, "", 10),
                 (std::vector<std::int64_t>{vocabulary.idOf("a"), Vocabulary::kUnk, vocabulary.idOf("b"),
                                            Vocabulary::kUnk, Vocabulary::kUnk}));
        QCOMPARE(encoder.spell(text, "", 10), (std::vector<std::string>{"A", "Zebra", "b", ",", "c"}));
        QCOMPARE(encoder.spell(text, "X y", 5), (std::vector<std::string>{"A", "Zebra", "<sep>", "X", "y"}));
        QCOMPARE(encoder.encode(text, "X y", 5).size(), std::size_t{5});
        QCOMPARE(encoder.spell("   ", "", 4), std::vector<std::string>{"<unk>"});
    }

    void batchIndicesAreSeeded() {
        using Batches = std::vector<std::vector<std::size_t>>;
        QCOMPARE(makeBatchIndices(10, 4, false, 1), (Batches{{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9}}));
        // The permutation of reference_permutation.py for (10, 13).
        QCOMPARE(makeBatchIndices(10, 4, true, 13), (Batches{{0, 6, 9, 4}, {7, 8, 5, 3}, {2, 1}}));
        QCOMPARE(makeBatchIndices(10, 4, true, 13), makeBatchIndices(10, 4, true, 13));
        QVERIFY(makeBatchIndices(10, 4, true, 14) != makeBatchIndices(10, 4, true, 13));
        QVERIFY(makeBatchIndices(0, 4, true, 13).empty());
        QCOMPARE(makeBatchIndices(3, 8, true, 7).size(), std::size_t{1});
        QVERIFY_THROWS_EXCEPTION(Error, makeBatchIndices(10, 0, true, 1));
    }
};

QTEST_APPLESS_MAIN(TextPipelineTest)
#include "test_text_pipeline.moc"
