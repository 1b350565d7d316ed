#include "text/vocabulary.h"

#include <algorithm>
#include <string_view>

#include "util/atomic_file.h"
#include "util/error.h"
#include "util/utf8.h"

namespace uegr {
namespace {

const std::vector<std::string>& specialTokens() {
    static const std::vector<std::string> specials{"<pad>", "<unk>", "<sep>"};
    return specials;
}

bool isSpecial(const std::string& token) {
    const auto& specials = specialTokens();
    return std::find(specials.begin(), specials.end(), token) != specials.end();
}

}  // namespace

// maxSize counts the special tokens too, so it is the embedding table's row count; <= 0: no limit.
Vocabulary Vocabulary::build(const std::vector<std::vector<std::string>>& tokenizedTexts, int minCount,
                             int maxSize) {
    std::unordered_map<std::string, std::int64_t> counts;
    for (const auto& tokens : tokenizedTexts) {
        for (const std::string& token : tokens) ++counts[token];
    }
    std::vector<std::pair<std::string, std::int64_t>> ranked;
    ranked.reserve(counts.size());
    for (auto& [token, count] : counts) {
        if (count >= minCount && !isSpecial(token)) ranked.emplace_back(token, count);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    Vocabulary vocabulary;
    const std::size_t specials = specialTokens().size();
    std::size_t capacity = specials + ranked.size();
    if (maxSize > 0) capacity = std::min(capacity, std::max(specials, static_cast<std::size_t>(maxSize)));
    vocabulary.tokens_ = specialTokens();
    vocabulary.tokens_.reserve(capacity);
    for (std::size_t i = 0; vocabulary.tokens_.size() < capacity; ++i)
        vocabulary.tokens_.push_back(ranked[i].first);
    vocabulary.ids_.reserve(capacity);
    for (std::size_t id = 0; id < vocabulary.tokens_.size(); ++id) {
        vocabulary.ids_.emplace(vocabulary.tokens_[id], static_cast<std::int64_t>(id));
    }
    return vocabulary;
}

Vocabulary Vocabulary::load(const std::string& path) {
    const std::string content = readFile(path);
    if (content.empty()) throw InputError(path, 1, "file is empty");
    const std::string_view text(content);
    Vocabulary vocabulary;
    std::size_t position = 0;
    std::size_t line = 0;
    while (position < text.size()) {
        ++line;
        const std::size_t newline = text.find('\n', position);
        const std::size_t next = newline == std::string_view::npos ? text.size() : newline;
        std::string_view token = text.substr(position, next - position);
        if (!token.empty() && token.back() == '\r') token.remove_suffix(1);
        position = next + 1;
        if (utf8::findInvalid(token) != std::string_view::npos) throw InputError(path, line, "invalid UTF-8");
        if (token.empty()) throw InputError(path, line, "empty token");
        std::string owned(token);
        const std::size_t id = vocabulary.tokens_.size();
        if (id < specialTokens().size() && owned != specialTokens()[id]) {
            throw InputError(path, line,
                             "expected the special token '" + specialTokens()[id] + "', got '" + owned + "'");
        }
        const auto [existing, inserted] = vocabulary.ids_.emplace(owned, static_cast<std::int64_t>(id));
        if (!inserted) {
            throw InputError(path, line,
                             "duplicate token '" + owned + "' (first on line " +
                                 std::to_string(existing->second + 1) + ")");
        }
        vocabulary.tokens_.push_back(std::move(owned));
    }
    if (vocabulary.tokens_.size() < specialTokens().size()) {
        throw InputError(path, line,
                         "expected the special tokens <pad>, <unk>, <sep> on the first three lines");
    }
    return vocabulary;
}

void Vocabulary::save(const std::string& path) const {
    std::string content;
    for (const std::string& token : tokens_) {
        if (token.find_first_of("\r\n") != std::string::npos) {
            throw Error("vocabulary token contains a line break and cannot be saved one per line");
        }
        content += token;
        content += '\n';
    }
    writeFileAtomically(path, content);
}

std::int64_t Vocabulary::idOf(const std::string& token) const {
    const auto found = ids_.find(token);
    return found == ids_.end() ? kUnk : found->second;
}

const std::string& Vocabulary::token(std::int64_t id) const {
    if (id < 0 || id >= size()) {
        throw Error("token id " + std::to_string(id) + " out of range (vocabulary of " +
                    std::to_string(size()) + ")");
    }
    return tokens_[static_cast<std::size_t>(id)];
}

std::vector<std::int64_t> Vocabulary::encode(const std::vector<std::string>& tokens) const {
    std::vector<std::int64_t> ids;
    ids.reserve(tokens.size());
    for (const std::string& token : tokens) ids.push_back(idOf(token));
    return ids;
}

}  // namespace uegr
