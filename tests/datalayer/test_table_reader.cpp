// Reading CSV / TSV / JSONL into rows, column mapping, UTF-8 validation and every malformed-input
// error with its file and line.
#include <QtTest/QtTest>

#include "data/table_reader.h"
#include "datalayer/data_test_support.h"
#include "util/utf8.h"

using namespace uegr;
using uegr::testing::expectInputError;
using uegr::testing::writeScratchFile;

namespace {

const ColumnMapping kDefaultMapping{ColumnRef{"text", -1}, ColumnRef{}, ColumnRef{"label", -1}};

std::vector<std::string> fieldsOf(const RawTable& table, std::size_t row) {
    return table.rows.at(row).fields;
}

}  // namespace

class TableReaderTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    std::string write(const std::string& name, const std::string& content) {
        return writeScratchFile(dir_, name, content);
    }

    // Reads `content` as `name` and expects InputError at `line` mentioning `fragment`,
    // whether it comes from reading or from the default column mapping.
    void expectBadFile(const std::string& name, const std::string& content, std::size_t line,
                       const std::string& fragment) {
        const std::string path = write(name, content);
        expectInputError([&] { mapColumns(readTable(path, "auto", false), kDefaultMapping, false); }, path,
                         line, fragment);
    }

private Q_SLOTS:
    void csvQuotingFollowsRfc4180() {
        const std::string path = write("quoting.csv",
                                       "text,label\n"
                                       "\"a, b\",x\n"
                                       "\"say \"\"hi\"\"\",y\n"
                                       "\"line one\nline two\",z\n"
                                       "plain,w\n"
                                       "\"\",\"\"\n"
                                       "last,v");
        const RawTable table = readTable(path, "auto", false);
        QCOMPARE(table.format, TableFormat::Csv);
        QCOMPARE(table.header, (std::vector<std::string>{"text", "label"}));
        QCOMPARE(table.rows.size(), std::size_t{6});
        QCOMPARE(fieldsOf(table, 0), (std::vector<std::string>{"a, b", "x"}));
        QCOMPARE(fieldsOf(table, 1), (std::vector<std::string>{"say \"hi\"", "y"}));
        QCOMPARE(fieldsOf(table, 2), (std::vector<std::string>{"line one\nline two", "z"}));
        QCOMPARE(fieldsOf(table, 3), (std::vector<std::string>{"plain", "w"}));
        QCOMPARE(fieldsOf(table, 4), (std::vector<std::string>{"", ""}));
        QCOMPARE(fieldsOf(table, 5), (std::vector<std::string>{"last", "v"}));
        std::vector<std::size_t> lines;
        for (const RawRow& row : table.rows) lines.push_back(row.line);
        QCOMPARE(lines, (std::vector<std::size_t>{2, 3, 4, 6, 7, 8}));
    }

    void csvWithCrlfLineEnds() {
        const std::string path = write("crlf.csv", "text,label\r\n\"multi\r\nline\",x\r\n\r\nlast,y\r\n");
        const RawTable table = readTable(path, "csv", false);
        QCOMPARE(table.header, (std::vector<std::string>{"text", "label"}));
        QCOMPARE(table.rows.size(), std::size_t{2});
        QCOMPARE(fieldsOf(table, 0), (std::vector<std::string>{"multi\r\nline", "x"}));
        QCOMPARE(table.rows[0].line, std::size_t{2});
        QCOMPARE(fieldsOf(table, 1), (std::vector<std::string>{"last", "y"}));
        QCOMPARE(table.rows[1].line, std::size_t{5});
    }

    void byteOrderMarkIsSkipped() {
        const std::string path = write("bom.csv", "\xEF\xBB\xBFtext,label\nhello,a\n");
        const LabelledRows rows = mapColumns(readTable(path, "auto", false), kDefaultMapping, false);
        QCOMPARE(rows.texts, (std::vector<std::string>{"hello"}));
    }

    void tsvInGlueLayout() {
        const std::string path = write("glue.tsv",
                                       "index\tsentence1\tsentence2\tlabel\r\n"
                                       "0\tIt's \"quoted\", raw\tsecond, one\tentailment\r\n"
                                       "1\tno quoting at all\t\"x\tnot_entailment\n");
        const RawTable table = readTable(path, "auto", false);
        QCOMPARE(table.format, TableFormat::Tsv);
        QCOMPARE(table.header, (std::vector<std::string>{"index", "sentence1", "sentence2", "label"}));
        QCOMPARE(fieldsOf(table, 0),
                 (std::vector<std::string>{"0", "It's \"quoted\", raw", "second, one", "entailment"}));
        QCOMPARE(fieldsOf(table, 1),
                 (std::vector<std::string>{"1", "no quoting at all", "\"x", "not_entailment"}));
        QCOMPARE(table.rows[1].line, std::size_t{3});

        const LabelledRows rows =
            mapColumns(table, {ColumnRef{"", 1}, ColumnRef{"sentence2", -1}, ColumnRef{"", 3}}, false);
        QCOMPARE(rows.texts, (std::vector<std::string>{"It's \"quoted\", raw", "no quoting at all"}));
        QCOMPARE(rows.pairs, (std::vector<std::string>{"second, one", "\"x"}));
        QCOMPARE(rows.labels, (std::vector<std::string>{"entailment", "not_entailment"}));
        QCOMPARE(rows.lines, (std::vector<std::size_t>{2, 3}));
    }

    void jsonlWithStringAndIntegerValues() {
        const std::string path =
            write("rows.jsonl",
                  "{\"text\": \"first\", \"label\": 1, \"id\": \"a\"}\n"
                  "\n"
                  "   \n"
                  "{\"label\": \"neg\", \"text\": \"second\", \"extra\": true, \"id\": 7}\n"
                  "{\"text\": \"third\", \"label\": -3}\n");
        const RawTable table = readTable(path, "auto", false);
        QCOMPARE(table.format, TableFormat::Jsonl);
        QCOMPARE(table.header, (std::vector<std::string>{"text", "label", "id"}));
        // The missing "id" only matters when "id" is mapped.
        const LabelledRows rows = mapColumns(table, kDefaultMapping, false);
        QCOMPARE(rows.texts, (std::vector<std::string>{"first", "second", "third"}));
        QCOMPARE(rows.labels, (std::vector<std::string>{"1", "neg", "-3"}));
        QCOMPARE(rows.lines, (std::vector<std::size_t>{1, 4, 5}));
        expectInputError(
            [&] {
                mapColumns(table, {ColumnRef{"id", -1}, ColumnRef{}, ColumnRef{"label", -1}}, false);
            },
            path, 5, "key 'id' is missing");
    }

    void formatFromExtensionOrContent() {
        QCOMPARE(detectFormat("a/b.CSV", "x\ty\n"), TableFormat::Csv);
        QCOMPARE(detectFormat("b.tsv", "x,y\n"), TableFormat::Tsv);
        QCOMPARE(detectFormat("b.ndjson", "x,y\n"), TableFormat::Jsonl);
        QCOMPARE(detectFormat("b.jsonl", ""), TableFormat::Jsonl);
        QCOMPARE(detectFormat("dir.v2/data", "\n  {\"text\": \"a, b\"}\n"), TableFormat::Jsonl);
        QCOMPARE(detectFormat("data.txt", "\xEF\xBB\xBFsentence\tlabel\n"), TableFormat::Tsv);
        QCOMPARE(detectFormat("data.txt", "text,label\n"), TableFormat::Csv);
        QCOMPARE(parseFormat("tsv", "data.csv", "a,b"), TableFormat::Tsv);
        QCOMPARE(parseFormat("auto", "data.csv", "a\tb"), TableFormat::Csv);
        QVERIFY_THROWS_EXCEPTION(ConfigError, parseFormat("xml", "data.csv", ""));
        QCOMPARE(formatName(TableFormat::Jsonl), std::string("jsonl"));
    }

    void columnsByNameAndIndex() {
        const std::string path = write("columns.csv", "id,sentence,gold\n1,hello there,pos\n2,bad day,neg\n");
        const RawTable table = readTable(path, "auto", false);
        const LabelledRows byName =
            mapColumns(table, {ColumnRef{"sentence", -1}, ColumnRef{}, ColumnRef{"gold", -1}}, false);
        const LabelledRows byIndex =
            mapColumns(table, {ColumnRef{"", 1}, ColumnRef{}, ColumnRef{"", 2}}, false);
        QCOMPARE(byName.texts, (std::vector<std::string>{"hello there", "bad day"}));
        QCOMPARE(byName.labels, (std::vector<std::string>{"pos", "neg"}));
        QVERIFY(byName.pairs.empty());
        QCOMPARE(byIndex.texts, byName.texts);
        QCOMPARE(byIndex.labels, byName.labels);
        // Integer labels from an index column; surrounding blanks in labels are dropped.
        const LabelledRows idsAsLabels =
            mapColumns(table, {ColumnRef{"sentence", -1}, ColumnRef{}, ColumnRef{"", 0}}, false);
        QCOMPARE(idsAsLabels.labels, (std::vector<std::string>{"1", "2"}));
    }

    void emptyFile() {
        expectBadFile("empty.csv", "", 1, "file is empty");
        expectBadFile("blank.tsv", "\n\r\n\n", 1, "file is empty");
        expectBadFile("bom_only.jsonl", "\xEF\xBB\xBF", 1, "file is empty");
    }

    void missingColumnNamesItAndListsTheOthers() {
        expectBadFile("missing.csv", "text,target\nhi,a\n", 1,
                      "label column 'label' not found in the header; available columns: text, target");
        const std::string path = write("index.csv", "text,label\nhi,a\n");
        expectInputError(
            [&] {
                mapColumns(readTable(path, "auto", false), {ColumnRef{"", 0}, ColumnRef{}, ColumnRef{"", 2}},
                           false);
            },
            path, 1, "label column #2 is out of range: the header has 2 columns (text, label)");
        // File-level: skipping bad rows does not help.
        expectInputError(
            [&] {
                mapColumns(readTable(path, "auto", true),
                           {ColumnRef{"body", -1}, ColumnRef{}, ColumnRef{"label", -1}}, true);
            },
            path, 1, "text column 'body' not found");
    }

    void duplicateHeaderColumn() {
        expectBadFile("duplicate.csv", "\n\ntext,label,text\na,b,c\n", 3,
                      "duplicate column 'text' in the header (columns #0 and #2)");
        const std::string path = write("duplicate.tsv", "text\tlabel\tlabel\na\tb\tc\n");
        expectInputError([&] { readTable(path, "auto", true); }, path, 1, "duplicate column 'label'");
    }

    void wrongFieldCount() {
        expectBadFile("too_many.csv", "text,label\na,b\n\"x,\ny\",b,c\n", 3,
                      "expected 2 fields as in the header, got 3");
        expectBadFile("too_few.tsv", "text\tlabel\na\tb\nonly text\n", 3,
                      "expected 2 fields as in the header, got 1");
    }

    void unterminatedQuoteReportsWhereItOpened() {
        expectBadFile("open_quote.csv", "text,label\na,b\nc,\"open\nmore,x\nand more,y\n", 3,
                      "unterminated quoted field");
        expectBadFile("open_header.csv", "\"text,label\nx,y\n", 1, "unterminated quoted field");
        expectBadFile("after_quote.csv", "text,label\n\"a\"b,x\n", 2,
                      "unexpected character 'b' after a closing quote");
        expectBadFile("after_quote_utf8.csv", "text,label\nok,x\n\"a\"\xC3\xA9,x\n", 3,
                      "unexpected byte 0xC3 after a closing quote");
    }

    void invalidUtf8NamesTheLineOfTheBadByte() {
        const std::vector<std::pair<std::string, std::string>> badSequences{
            {"overlong slash", "\xC0\xAF"},
            {"overlong three-byte", "\xE0\x80\xAF"},
            {"overlong four-byte", "\xF0\x80\x80\xAF"},
            {"surrogate", "\xED\xA0\x80"},
            {"above U+10FFFF", "\xF4\x90\x80\x80"},
            {"lone continuation", "\x80"},
            {"truncated", "\xE2\x82"},
            {"invalid lead", "\xFF"}};
        for (std::size_t i = 0; i < badSequences.size(); ++i) {
            const std::string& bytes = badSequences[i].second;
            const std::string file = "bad_" + std::to_string(i) + ".csv";
            expectBadFile(file, "text,label\nfine,a\n\"two\nlines " + bytes + "\",b\n", 4, "invalid UTF-8");
            expectBadFile("end_" + file, "text,label\nfine,a\n" + bytes, 3, "invalid UTF-8");
        }
        expectBadFile("bad.tsv", "text\tlabel\nx\xC3\tb\n", 2, "invalid UTF-8");
        expectBadFile("bad.jsonl",
                      "{\"text\": \"a\", \"label\": 1}\n{\"text\": \"\xED\xBF\xBF\", \"label\": 2}\n", 2,
                      "invalid UTF-8");
        expectBadFile("bad_header.csv", "te\xF8xt,label\nfine,a\n", 1, "invalid UTF-8");
    }

    void validUtf8IsAccepted() {
        const std::string text = "caf\xC3\xA9 \xE2\x98\x95 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF \xEF\xBF\xBD";
        const std::string path = write("valid.csv", "text,label\n" + text + ",a\n");
        QCOMPARE(mapColumns(readTable(path, "auto", false), kDefaultMapping, false).texts,
                 std::vector<std::string>{text});
        char32_t codePoint = 0;
        QCOMPARE(utf8::decode("\xF0\x9F\x98\x80", 0, codePoint), std::size_t{4});
        QCOMPARE(static_cast<std::uint32_t>(codePoint), std::uint32_t{0x1F600});
        QCOMPARE(utf8::findInvalid("ab\xC3\xA9\xC3"), std::size_t{4});
        std::string encoded;
        utf8::append(encoded, 0x10FFFF);
        QCOMPARE(encoded, std::string("\xF4\x8F\xBF\xBF"));
    }

    void emptyTextOrLabel() {
        expectBadFile("empty_text.csv", "text,label\nok,a\n\"\",b\n", 3, "empty text in column 'text'");
        expectBadFile("blank_text.csv", "text,label\n  \t ,b\n", 2, "empty text in column 'text'");
        expectBadFile("empty_label.csv", "text,label\nok,a\n\"multi\nline\",\n", 3,
                      "empty label in column 'label'");
        expectBadFile("null_label.jsonl", "{\"text\": \"a\", \"label\": null}\n", 1,
                      "key 'label' must be a string or an integer, got null");
        expectBadFile("float_label.jsonl",
                      "{\"text\": \"a\", \"label\": 1}\n{\"text\": \"b\", \"label\": 0.5}\n", 2,
                      "got number");
        expectBadFile("missing_label.jsonl", "{\"text\": \"a\", \"label\": 1}\n\n{\"text\": \"b\"}\n", 3,
                      "key 'label' is missing");
    }

    void jsonlLineThatIsNotAnObject() {
        expectBadFile("array.jsonl", "{\"text\": \"a\", \"label\": 1}\n[1, 2]\n", 2,
                      "expected a JSON object, got array");
        expectBadFile("string.jsonl", "\"text\"\n", 1, "expected a JSON object, got string");
        expectBadFile("broken.jsonl", "{\"text\": \"a\", \"label\": 1}\n\n{\"text\": \"b\", \n", 3,
                      "not valid JSON");
    }

    void skipBadRowsRecordsEveryBadRow() {
        const std::string path = write("mixed.csv",
                                       "text,label\n"
                                       "good one,a\n"          // 2
                                       "a,b,c\n"               // 3: field count
                                       "\"\",b\n"              // 4: empty text
                                       "good two,b\n"          // 5
                                       "no label,\n"           // 6: empty label
                                       "\"x\"y,a\n"            // 7: junk after quote
                                       "bad \xC0\xAF,a\n"      // 8: invalid UTF-8
                                       "good three,a\n"        // 9
                                       "\"never closed,a\n");  // 10: unterminated
        const RawTable table = readTable(path, "auto", true);
        QCOMPARE(table.rows.size(), std::size_t{5});
        QCOMPARE(table.skipped.size(), std::size_t{4});
        const LabelledRows rows = mapColumns(table, kDefaultMapping, true);
        QCOMPARE(rows.texts, (std::vector<std::string>{"good one", "good two", "good three"}));
        QCOMPARE(rows.lines, (std::vector<std::size_t>{2, 5, 9}));
        std::vector<std::size_t> skippedLines;
        for (const SkippedRow& row : rows.skipped) {
            QCOMPARE(row.file, path);
            QVERIFY(!row.reason.empty());
            skippedLines.push_back(row.line);
        }
        QCOMPARE(skippedLines, (std::vector<std::size_t>{3, 4, 6, 7, 8, 10}));
        QVERIFY(rows.skipped[0].reason.find("got 3") != std::string::npos);
        QVERIFY(rows.skipped[1].reason.find("empty text") != std::string::npos);
        QVERIFY(rows.skipped[4].reason.find("invalid UTF-8") != std::string::npos);
        QVERIFY(rows.skipped[5].reason.find("unterminated") != std::string::npos);

        const std::string jsonl = write(
            "mixed.jsonl", "oops\n{\"text\": \"a\", \"label\": 1}\n[]\n{\"text\": \"b\", \"label\": 2}\n");
        const LabelledRows jsonRows = mapColumns(readTable(jsonl, "auto", true), kDefaultMapping, true);
        QCOMPARE(jsonRows.texts, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(jsonRows.skipped.size(), std::size_t{2});
        QCOMPARE(jsonRows.skipped[0].line, std::size_t{1});
        QCOMPARE(jsonRows.skipped[1].line, std::size_t{3});
    }
};

QTEST_APPLESS_MAIN(TableReaderTest)
#include "test_table_reader.moc"
