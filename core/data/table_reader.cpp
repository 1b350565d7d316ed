#include "data/table_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string_view>
#include <unordered_map>

#include "config/run_config.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/json_text.h"
#include "util/message_text.h"
#include "util/utf8.h"

namespace uegr {
namespace {

std::string_view trimAscii(std::string_view text) {
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
    };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

std::string lowercaseAscii(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string extensionOf(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    const std::size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    return lowercaseAscii(path.substr(dot));
}

// 'x' for printable ASCII, else the byte in hex, so messages stay valid UTF-8.
std::string describeByte(char byte) {
    const auto value = static_cast<unsigned char>(byte);
    if (value >= 0x20 && value < 0x7F) return std::string("character '") + byte + "'";
    static const char* const kHex = "0123456789ABCDEF";
    return std::string("byte 0x") + kHex[value >> 4] + kHex[value & 0xF];
}

std::size_t countNewlines(std::string_view text, std::size_t begin, std::size_t end) {
    return static_cast<std::size_t>(std::count(text.begin() + begin, text.begin() + end, '\n'));
}

// Collects the header and rows of one file, enforcing the checks every format shares.
class TableBuilder {
public:
    TableBuilder(RawTable& table, std::string_view content, bool skipBadRows)
        : table_(table), content_(content), skipBadRows_(skipBadRows) {}

    bool hasHeader() const { return headerSeen_; }

    // A row error: thrown, or recorded when bad rows are skipped.
    void reject(std::size_t line, const std::string& reason) {
        if (!skipBadRows_) throw InputError(table_.file, line, reason);
        table_.skipped.push_back({table_.file, line, reason});
    }

    // A malformed delimited record: before the header is known the whole file is unusable.
    void rejectRecord(std::size_t line, const std::string& reason) {
        if (!headerSeen_) throw InputError(table_.file, line, reason);
        reject(line, reason);
    }

    // True when bytes [begin, end) of the file, which start on `line`, are valid UTF-8;
    // otherwise the row is rejected at the line of the first bad byte.
    bool checkUtf8(std::size_t line, std::size_t begin, std::size_t end, bool isHeader) {
        const std::size_t bad = utf8::findInvalid(content_.substr(begin, end - begin));
        if (bad == std::string_view::npos) return true;
        const std::size_t badLine = line + countNewlines(content_, begin, begin + bad);
        const std::string reason = "invalid UTF-8 (byte " + std::to_string(begin + bad + 1) + " of the file)";
        if (isHeader) throw InputError(table_.file, badLine, reason);
        reject(badLine, reason);
        return false;
    }

    void addHeader(std::size_t line, std::vector<std::string> header) {
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < header.size(); ++i) {
            const auto [existing, inserted] = seen.emplace(header[i], i);
            if (!inserted) {
                throw InputError(table_.file, line,
                                 "duplicate column '" + excerpt(header[i]) + "' in the header (columns #" +
                                     std::to_string(existing->second) + " and #" + std::to_string(i) + ")");
            }
        }
        table_.header = std::move(header);
        table_.headerLine = line;
        headerSeen_ = true;
    }

    void addRow(std::size_t line, std::vector<std::string> fields) {
        if (fields.size() != table_.header.size()) {
            reject(line, "expected " + std::to_string(table_.header.size()) +
                             " fields as in the header, got " + std::to_string(fields.size()));
            return;
        }
        table_.rows.push_back({line, std::move(fields), {}});
    }

    // A delimited record: the first one is the header.
    void addRecord(std::size_t line, std::size_t begin, std::size_t end, std::vector<std::string> fields) {
        if (!checkUtf8(line, begin, end, !headerSeen_)) return;
        if (!headerSeen_) {
            addHeader(line, std::move(fields));
        } else {
            addRow(line, std::move(fields));
        }
    }

private:
    RawTable& table_;
    std::string_view content_;
    bool skipBadRows_;
    bool headerSeen_ = false;
};

// RFC 4180. Lines end in LF or CRLF; blank lines between records are ignored.
void parseCsv(std::string_view content, std::size_t start, TableBuilder& builder) {
    const std::size_t size = content.size();
    std::size_t position = start;
    std::size_t line = 1;
    std::vector<std::string> fields;
    const auto skipToNextLine = [&] {
        const std::size_t newline = content.find('\n', position);
        position = newline == std::string_view::npos ? size : newline + 1;
        ++line;
    };
    while (position < size) {
        if (content[position] == '\n') {
            ++position;
            ++line;
            continue;
        }
        if (content.compare(position, 2, "\r\n") == 0) {
            position += 2;
            ++line;
            continue;
        }
        const std::size_t recordLine = line;
        const std::size_t recordBegin = position;
        fields.clear();
        bool malformed = false;
        while (true) {
            std::string field;
            if (position < size && content[position] == '"') {
                const std::size_t quoteLine = line;
                ++position;
                bool closed = false;
                while (position < size) {
                    const std::size_t quote = content.find('"', position);
                    const std::size_t chunkEnd = quote == std::string_view::npos ? size : quote;
                    line += countNewlines(content, position, chunkEnd);
                    field.append(content.substr(position, chunkEnd - position));
                    position = chunkEnd;
                    if (quote == std::string_view::npos) break;
                    if (position + 1 < size && content[position + 1] == '"') {
                        field.push_back('"');
                        position += 2;
                        continue;
                    }
                    ++position;
                    closed = true;
                    break;
                }
                if (!closed) {
                    // Everything after the opening quote belongs to the field: nothing to resume.
                    builder.rejectRecord(quoteLine,
                                         "unterminated quoted field (the quote opens on this line)");
                    return;
                }
                const bool atFieldEnd =
                    position == size || content[position] == ',' || content[position] == '\n' ||
                    (content[position] == '\r' && (position + 1 == size || content[position + 1] == '\n'));
                if (!atFieldEnd) {
                    const std::string reason =
                        "unexpected " + describeByte(content[position]) + " after a closing quote";
                    builder.rejectRecord(line, reason);
                    skipToNextLine();
                    malformed = true;
                    break;
                }
            } else {
                const std::size_t fieldStart = position;
                while (position < size && content[position] != ',' && content[position] != '\n') ++position;
                std::size_t fieldEnd = position;
                if (fieldEnd > fieldStart && content[fieldEnd - 1] == '\r' &&
                    (position == size || content[position] == '\n')) {
                    --fieldEnd;
                }
                field.assign(content.substr(fieldStart, fieldEnd - fieldStart));
            }
            fields.push_back(std::move(field));
            if (position < size && content[position] == ',') {
                ++position;
                continue;
            }
            break;
        }
        if (malformed) continue;
        const std::size_t recordEnd = position;
        if (position < size && content[position] == '\r') ++position;
        if (position < size && content[position] == '\n') {
            ++position;
            ++line;
        }
        builder.addRecord(recordLine, recordBegin, recordEnd, std::move(fields));
    }
}

// Calls `visit(line, begin, end)` for every line (without its LF or CRLF) that is not blank.
template <typename Visit>
void forEachLine(std::string_view content, std::size_t start, Visit visit) {
    std::size_t position = start;
    std::size_t line = 1;
    while (position < content.size()) {
        const std::size_t newline = content.find('\n', position);
        const std::size_t next = newline == std::string_view::npos ? content.size() : newline;
        std::size_t end = next;
        if (end > position && content[end - 1] == '\r') --end;
        if (end > position) visit(line, position, end);
        position = next + 1;
        ++line;
    }
}

// GLUE layout: tab-separated, no quoting, the first line is the header.
void parseTsv(std::string_view content, std::size_t start, TableBuilder& builder) {
    forEachLine(content, start, [&](std::size_t line, std::size_t begin, std::size_t end) {
        std::vector<std::string> fields;
        std::size_t position = begin;
        while (true) {
            const std::size_t tab = content.find('\t', position);
            const std::size_t fieldEnd = tab == std::string_view::npos || tab > end ? end : tab;
            fields.emplace_back(content.substr(position, fieldEnd - position));
            if (fieldEnd == end) break;
            position = fieldEnd + 1;
        }
        builder.addRecord(line, begin, end, std::move(fields));
    });
}

void parseJsonl(std::string_view content, std::size_t start, RawTable& table, TableBuilder& builder) {
    forEachLine(content, start, [&](std::size_t line, std::size_t begin, std::size_t end) {
        const std::string_view text = trimAscii(content.substr(begin, end - begin));
        if (text.empty()) return;
        if (!builder.checkUtf8(line, begin, end, false)) return;
        nlohmann::ordered_json object;
        try {
            object = nlohmann::ordered_json::parse(text);
        } catch (const nlohmann::json::exception& error) {
            builder.reject(line, "not valid JSON: " + jsonErrorDescription(error));
            return;
        }
        if (!object.is_object()) {
            builder.reject(line, std::string("expected a JSON object, got ") + object.type_name());
            return;
        }
        if (!builder.hasHeader()) {
            std::vector<std::string> keys;
            for (const auto& item : object.items()) keys.push_back(item.key());
            builder.addHeader(line, std::move(keys));
        }
        RawRow row;
        row.line = line;
        row.fields.resize(table.header.size());
        for (std::size_t i = 0; i < table.header.size(); ++i) {
            const std::string& key = table.header[i];
            const auto value = object.find(key);
            std::string problem;
            if (value == object.end()) {
                problem = "key '" + excerpt(key) + "' is missing";
            } else if (value->is_string()) {
                row.fields[i] = value->get<std::string>();
            } else if (value->is_number_integer()) {
                row.fields[i] = value->dump();
            } else {
                problem =
                    "key '" + excerpt(key) + "' must be a string or an integer, got " + value->type_name();
            }
            if (!problem.empty()) {
                row.fieldErrors.resize(table.header.size());
                row.fieldErrors[i] = std::move(problem);
            }
        }
        table.rows.push_back(std::move(row));
    });
}

std::size_t resolveColumn(const RawTable& table, const ColumnRef& column, const std::string& role) {
    std::string available;
    for (const std::string& name : table.header)
        available += (available.empty() ? "" : ", ") + excerpt(name, 30);
    if (available.empty()) available = "(none)";
    if (column.index >= 0) {
        if (static_cast<std::size_t>(column.index) >= table.header.size()) {
            throw InputError(table.file, table.headerLine,
                             role + " column #" + std::to_string(column.index) +
                                 " is out of range: the header has " + std::to_string(table.header.size()) +
                                 " columns (" + available + ")");
        }
        return static_cast<std::size_t>(column.index);
    }
    const auto found = std::find(table.header.begin(), table.header.end(), column.name);
    if (found == table.header.end()) {
        throw InputError(table.file, table.headerLine,
                         role + " column '" + excerpt(column.name) +
                             "' not found in the header; available columns: " + available);
    }
    return static_cast<std::size_t>(found - table.header.begin());
}

// Classic Mac OS files end lines in CR alone; read as one huge line they would give a
// misleading error about the header or the first row.
void requireLineFeeds(const std::string& path, std::string_view content) {
    if (content.find('\n') != std::string_view::npos) return;
    const std::size_t carriageReturn = content.find('\r');
    if (carriageReturn == std::string_view::npos || carriageReturn + 1 == content.size()) return;
    throw InputError(path, 1,
                     "lines end in a carriage return (CR) alone, the old Mac OS convention; convert the file "
                     "to LF or CRLF line endings (e.g. tr '\\r' '\\n')");
}

}  // namespace

TableFormat detectFormat(const std::string& path, const std::string& content) {
    const std::string extension = extensionOf(path);
    if (extension == ".csv") return TableFormat::Csv;
    if (extension == ".tsv") return TableFormat::Tsv;
    if (extension == ".jsonl" || extension == ".ndjson") return TableFormat::Jsonl;
    std::string_view rest(content);
    if (utf8::startsWithBom(rest)) rest.remove_prefix(3);
    while (!rest.empty()) {
        const std::size_t newline = rest.find('\n');
        const std::string_view line = trimAscii(rest.substr(0, newline));
        if (!line.empty()) {
            if (line.front() == '{') return TableFormat::Jsonl;
            const auto tabs = std::count(line.begin(), line.end(), '\t');
            const auto commas = std::count(line.begin(), line.end(), ',');
            return tabs > commas ? TableFormat::Tsv : TableFormat::Csv;
        }
        if (newline == std::string_view::npos) break;
        rest.remove_prefix(newline + 1);
    }
    return TableFormat::Csv;
}

TableFormat parseFormat(const std::string& name, const std::string& path, const std::string& content) {
    const std::string lower = lowercaseAscii(name);
    if (lower == "auto" || lower.empty()) return detectFormat(path, content);
    if (lower == "csv") return TableFormat::Csv;
    if (lower == "tsv") return TableFormat::Tsv;
    if (lower == "jsonl" || lower == "ndjson") return TableFormat::Jsonl;
    throw ConfigError("data.format", "unknown format '" + name + "' (expected auto, csv, tsv or jsonl)");
}

std::string formatName(TableFormat format) {
    switch (format) {
        case TableFormat::Csv:
            return "csv";
        case TableFormat::Tsv:
            return "tsv";
        case TableFormat::Jsonl:
            return "jsonl";
    }
    return "csv";
}

RawTable readTable(const std::string& path, const std::string& format, bool skipBadRows) {
    if (std::filesystem::is_directory(path))
        throw InputError(path, 0, "is a folder, not a data file (CSV, TSV or JSONL)");
    const std::string content = readFile(path);
    requireLineFeeds(path, content);
    RawTable table;
    table.file = path;
    table.format = parseFormat(format, path, content);
    const std::size_t start = utf8::startsWithBom(content) ? 3 : 0;
    TableBuilder builder(table, content, skipBadRows);
    switch (table.format) {
        case TableFormat::Csv:
            parseCsv(content, start, builder);
            break;
        case TableFormat::Tsv:
            parseTsv(content, start, builder);
            break;
        case TableFormat::Jsonl:
            parseJsonl(content, start, table, builder);
            break;
    }
    if (!builder.hasHeader()) {
        if (!table.skipped.empty()) {
            const SkippedRow& first = table.skipped.front();
            throw InputError(path, first.line,
                             "no usable row in the file; the first bad one: " + first.reason);
        }
        throw InputError(path, 1, "file is empty");
    }
    return table;
}

LabelledRows mapColumns(const RawTable& table, const ColumnMapping& mapping, bool skipBadRows) {
    const std::size_t textColumn = resolveColumn(table, mapping.text, "text");
    const std::size_t labelColumn = resolveColumn(table, mapping.label, "label");
    const bool hasPair = !mapping.pair.empty();
    const std::size_t pairColumn = hasPair ? resolveColumn(table, mapping.pair, "pair") : 0;

    LabelledRows result;
    result.file = table.file;
    result.skipped = table.skipped;
    const auto reject = [&](std::size_t line, const std::string& reason) {
        if (!skipBadRows) throw InputError(table.file, line, reason);
        result.skipped.push_back({table.file, line, reason});
    };
    const std::size_t rowCount = table.rows.size();
    result.texts.reserve(rowCount);
    result.labels.reserve(rowCount);
    result.lines.reserve(rowCount);
    if (hasPair) result.pairs.reserve(rowCount);
    for (const RawRow& row : table.rows) {
        std::string problem;
        if (!row.fieldErrors.empty()) {
            for (const std::size_t column : {textColumn, labelColumn, hasPair ? pairColumn : textColumn}) {
                if (!row.fieldErrors[column].empty()) {
                    problem = row.fieldErrors[column];
                    break;
                }
            }
        }
        if (!problem.empty()) {
            reject(row.line, problem);
            continue;
        }
        const std::string& text = row.fields[textColumn];
        const std::string_view label = trimAscii(row.fields[labelColumn]);
        if (trimAscii(text).empty()) {
            reject(row.line, "empty text in column '" + table.header[textColumn] + "'");
            continue;
        }
        if (label.empty()) {
            reject(row.line, "empty label in column '" + table.header[labelColumn] + "'");
            continue;
        }
        result.texts.push_back(text);
        result.labels.emplace_back(label);
        if (hasPair) result.pairs.push_back(row.fields[pairColumn]);
        result.lines.push_back(row.line);
    }
    std::stable_sort(result.skipped.begin(), result.skipped.end(),
                     [](const SkippedRow& a, const SkippedRow& b) { return a.line < b.line; });
    return result;
}

}  // namespace uegr
