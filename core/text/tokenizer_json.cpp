#include "text/tokenizer_json.h"

#include <algorithm>
#include <climits>
#include <unordered_map>

#include "text/byte_level_bpe_tokenizer.h"
#include "text/precompiled_charsmap.h"
#include "text/text_normalizer.h"
#include "text/tokenizer_json_post_processor.h"
#include "text/unicode_text.h"
#include "text/unigram_tokenizer.h"
#include "text/wordpiece_tokenizer.h"
#include "util/error.h"
#include "util/json_field.h"
#include "util/json_text.h"
#include "util/message_text.h"

namespace uegr {
namespace {

// Ids index a token table, so they are bounded (well above any real vocabulary) to keep a
// hostile file from allocating gigabytes.
constexpr std::int64_t kMaxTokenId = (std::int64_t{1} << 22) - 1;
// Nested normalizer Sequences deeper than this are refused rather than recursed into.
constexpr int kMaxNormalizerDepth = 8;

using TokenIdMap = std::unordered_map<std::string, std::int64_t>;

struct AddedToken {
    std::string content;
    std::int64_t id = 0;
    bool lstrip = false;
};

[[noreturn]] void unsupported(const JsonField& field, const std::string& value,
                              const std::string& supported) {
    field.fail("\"" + excerpt(value) + "\" is not supported (" + supported + ")");
}

std::string typeOf(const JsonField& component) {
    return component.at("type").asString();
}

std::vector<AddedToken> readAddedTokens(const JsonField& root) {
    std::vector<AddedToken> tokens;
    const std::optional<JsonField> list = root.find("added_tokens");
    if (!list) return tokens;
    for (const JsonField& entry : list->elements()) {
        AddedToken token{entry.at("content").asString(), entry.at("id").asInteger(0, kMaxTokenId),
                         entry.boolOr("lstrip", false)};
        if (token.content.empty()) entry.at("content").fail("must not be empty");
        tokens.push_back(std::move(token));
    }
    return tokens;
}

std::vector<std::string> contentsOf(const std::vector<AddedToken>& added) {
    std::vector<std::string> contents;
    for (const AddedToken& token : added) contents.push_back(token.content);
    return contents;
}

// model.vocab as {token: id}, with the added tokens (which may lie beyond it) merged in.
TokenIdMap readVocabularyObject(const JsonField& model, const std::vector<AddedToken>& added) {
    TokenIdMap vocab;
    for (const auto& [token, id] : model.at("vocab").members()) vocab[token] = id.asInteger(0, kMaxTokenId);
    for (const AddedToken& token : added) vocab[token.content] = token.id;
    return vocab;
}

// The post-processor's ids must be those the vocabulary gives its tokens.
void checkFrameIds(const JsonField& root, const SpecialTokenFrame& frame, const TokenIdMap& vocab) {
    for (const SubwordPiece& piece : {frame.cls, frame.sep}) {
        const auto found = vocab.find(piece.token);
        const JsonField processor = root.at("post_processor");
        if (found == vocab.end())
            processor.fail("names the token \"" + excerpt(piece.token) + "\", which the vocabulary lacks");
        if (found->second != piece.id) {
            processor.fail("gives \"" + excerpt(piece.token) + "\" the id " + std::to_string(piece.id) +
                           " but the vocabulary gives " + std::to_string(found->second));
        }
    }
}

std::optional<std::string> paddingToken(const JsonField& root) {
    const std::optional<JsonField> padding = root.find("padding");
    if (!padding) return std::nullopt;
    const std::optional<JsonField> token = padding->find("pad_token");
    if (!token) return std::nullopt;
    return token->asString();
}

std::string padTokenOf(const JsonField& root, const TokenizerJsonRoles& roles, const std::string& fallback) {
    if (roles.padToken) return *roles.padToken;
    return paddingToken(root).value_or(fallback);
}

// ---- WordPiece ----

void readBertNormalizer(const JsonField& root, WordPieceOptions& options) {
    const std::optional<JsonField> normalizer = root.find("normalizer");
    if (!normalizer)
        root.at("normalizer").fail("is missing or null: a WordPiece model needs a BertNormalizer");
    const std::string type = typeOf(*normalizer);
    if (type != "BertNormalizer")
        unsupported(normalizer->at("type"), type, "a WordPiece model needs BertNormalizer");
    if (!normalizer->boolOr("clean_text", true))
        normalizer->at("clean_text").fail("false is not supported (BERT always cleans the text)");
    options.tokenizeChineseChars = normalizer->boolOr("handle_chinese_chars", true);
    options.doLowerCase = normalizer->boolOr("lowercase", true);
    if (const std::optional<JsonField> strip = normalizer->find("strip_accents"))
        options.stripAccents = strip->asBool();
}

void requirePreTokenizer(const JsonField& root, const std::string& expected, const std::string& modelName) {
    const std::optional<JsonField> preTokenizer = root.find("pre_tokenizer");
    if (!preTokenizer)
        root.at("pre_tokenizer").fail("is missing or null: a " + modelName + " model needs " + expected);
    const std::string type = typeOf(*preTokenizer);
    if (type != expected)
        unsupported(preTokenizer->at("type"), type, "a " + modelName + " model needs " + expected);
}

std::unique_ptr<SubwordTokenizer> buildWordPiece(const JsonField& root, const JsonField& model,
                                                 const std::vector<AddedToken>& added,
                                                 const TokenizerJsonRoles& roles) {
    WordPieceOptions options;
    readBertNormalizer(root, options);
    requirePreTokenizer(root, "BertPreTokenizer", "WordPiece");
    options.unkToken = model.stringOr("unk_token", "[UNK]");
    options.continuingSubwordPrefix = model.stringOr("continuing_subword_prefix", "##");
    if (const std::optional<JsonField> limit = model.find("max_input_chars_per_word"))
        options.maxInputCharsPerWord = static_cast<std::size_t>(limit->asInteger(0, INT_MAX));
    const SpecialTokenFrame frame = readPostProcessor(root);
    const TokenIdMap vocab = readVocabularyObject(model, added);
    checkFrameIds(root, frame, vocab);
    options.clsToken = frame.cls.token;
    options.sepToken = frame.sep.token;
    options.layout = frame.layout;
    options.padToken = padTokenOf(root, roles, "[PAD]");
    options.maskToken = roles.maskToken.value_or("[MASK]");
    options.additionalSpecialTokens = contentsOf(added);
    options.files = roles.files;
    options.modelMaxLength = roles.modelMaxLength;
    return std::make_unique<WordPieceTokenizer>(vocab, std::move(options), root.file());
}

// ---- Byte-level BPE ----

void requireAbsentOr(const JsonField& model, const std::string& key, const std::string& allowed,
                     const nlohmann::json& allowedValue) {
    const std::optional<JsonField> value = model.find(key);
    if (value && value->json() != allowedValue) value->fail("is not supported (only " + allowed + ")");
}

void readByteLevelPreTokenizer(const JsonField& root, ByteLevelBpeOptions& options) {
    requirePreTokenizer(root, "ByteLevel", "BPE");
    const JsonField preTokenizer = root.at("pre_tokenizer");
    if (!preTokenizer.boolOr("use_regex", true))
        preTokenizer.at("use_regex").fail("false is not supported (the GPT-2 pattern splits the text)");
    options.addPrefixSpace = preTokenizer.boolOr("add_prefix_space", true);
}

std::vector<std::pair<std::string, std::string>> readMerges(const JsonField& model) {
    std::vector<std::pair<std::string, std::string>> merges;
    for (const JsonField& merge : model.at("merges").elements()) {
        if (merge.json().is_string()) {  // "a b"
            const std::string text = merge.asString();
            const std::size_t space = text.find(' ');
            if (space == std::string::npos || space == 0 || space + 1 == text.size() ||
                text.find(' ', space + 1) != std::string::npos) {
                merge.fail("must be two symbols separated by one space (got \"" + excerpt(text) + "\")");
            }
            merges.emplace_back(text.substr(0, space), text.substr(space + 1));
            continue;
        }
        const std::vector<JsonField> parts = merge.elements();  // ["a", "b"]
        if (parts.size() != 2) merge.fail("must be a pair of symbols");
        merges.emplace_back(parts[0].asString(), parts[1].asString());
    }
    return merges;
}

bool lstripOf(const std::vector<AddedToken>& added, const std::string& content, bool fallback) {
    for (const AddedToken& token : added) {
        if (token.content == content) return token.lstrip;
    }
    return fallback;
}

std::unique_ptr<SubwordTokenizer> buildBytePair(const JsonField& root, const JsonField& model,
                                                const std::vector<AddedToken>& added,
                                                const TokenizerJsonRoles& roles) {
    if (const std::optional<JsonField> normalizer = root.find("normalizer"))
        unsupported(normalizer->at("type"), typeOf(*normalizer), "a BPE model takes no normalizer");
    ByteLevelBpeOptions options;
    readByteLevelPreTokenizer(root, options);
    requireAbsentOr(model, "dropout", "null", nullptr);
    requireAbsentOr(model, "continuing_subword_prefix", "\"\"", "");
    requireAbsentOr(model, "end_of_word_suffix", "\"\"", "");
    requireAbsentOr(model, "byte_fallback", "false", false);
    requireAbsentOr(model, "ignore_merges", "false", false);
    const SpecialTokenFrame frame = readPostProcessor(root);
    TokenIdMap vocab = readVocabularyObject(model, added);
    checkFrameIds(root, frame, vocab);
    options.bosToken = frame.cls.token;
    options.eosToken = frame.sep.token;
    options.layout = frame.layout;
    options.unkToken =
        model.find("unk_token") ? model.at("unk_token").asString() : roles.unkToken.value_or("<unk>");
    options.padToken = padTokenOf(root, roles, "<pad>");
    options.maskToken = roles.maskToken.value_or("<mask>");
    options.maskLstrip = lstripOf(added, options.maskToken, true);
    options.additionalSpecialTokens = contentsOf(added);
    options.files = roles.files;
    options.modelMaxLength = roles.modelMaxLength;
    return std::make_unique<ByteLevelBpeTokenizer>(std::move(vocab), readMerges(model), std::move(options),
                                                   root.file());
}

// ---- Unigram ----

bool isRegexMeta(char32_t c) {
    return std::u32string_view(U".^$*+?()[]{}|\\").find(c) != std::u32string_view::npos;
}

// Replace's pattern: {"String": literal} or {"Regex": r}, where r may be a literal, or one
// character repeated ("<c>+", "<c>{n,}": ALBERT's " {2,}" collapses runs of spaces).
NormalizerStep readReplace(const JsonField& normalizer) {
    NormalizerStep step;
    step.content = unicode::decodeUtf8(normalizer.at("content").asString());
    const JsonField pattern = normalizer.at("pattern");
    if (const std::optional<JsonField> literal = pattern.find("String")) {
        step.pattern = unicode::decodeUtf8(literal->asString());
        return step;
    }
    const JsonField regexField = pattern.at("Regex");
    std::u32string regex = unicode::decodeUtf8(regexField.asString());
    const bool plain = std::none_of(regex.begin(), regex.end(), isRegexMeta);
    if (plain) {
        step.pattern = regex;
        return step;
    }
    std::size_t at = 0;
    if (regex.size() >= 2 && regex[0] == U'\\') ++at;  // an escaped character
    const std::u32string repeated = regex.substr(at, 1);
    const std::string quantifier = regex.size() > at + 1 ? unicode::encodeUtf8(regex.substr(at + 1)) : "";
    const bool escapedOk = at == 1 ? isRegexMeta(repeated[0]) : !isRegexMeta(repeated[0]);
    std::size_t minRun = 0;
    if (quantifier == "+") {
        minRun = 1;
    } else if (quantifier.size() >= 4 && quantifier.front() == '{' &&
               quantifier.substr(quantifier.size() - 2) == ",}" && quantifier.size() <= 9 &&
               quantifier.find_first_not_of("0123456789", 1) == quantifier.size() - 2) {
        minRun = std::stoul(quantifier.substr(1, quantifier.size() - 3));
    }
    if (repeated.empty() || !escapedOk || minRun == 0)
        regexField.fail("\"" + excerpt(regexField.asString()) +
                        "\" is not supported (only a literal, \"<c>+\" or \"<c>{n,}\")");
    step.kind = NormalizerStep::Kind::CollapseRuns;
    step.pattern = repeated;
    step.minRun = minRun;
    return step;
}

std::optional<NormalizerStep> readPrecompiled(const JsonField& normalizer) {
    const std::optional<JsonField> charsmap = normalizer.find("precompiled_charsmap");
    if (!charsmap || charsmap->asString().empty()) return std::nullopt;  // no rules: the identity
    const std::string base64 = charsmap->asString();
    NormalizerStep step;
    step.kind = NormalizerStep::Kind::Precompiled;
    try {
        step.charsmap = std::make_shared<const PrecompiledCharsmap>(decodeBase64(base64));
    } catch (const Error& error) {
        charsmap->fail(std::string("is not a valid SentencePiece charsmap: ") + error.what());
    }
    return step;
}

void appendNormalizer(const JsonField& normalizer, int depth, std::vector<NormalizerStep>& steps) {
    using Kind = NormalizerStep::Kind;
    static const std::unordered_map<std::string, Kind> kSimple{
        {"NFD", Kind::Nfd},   {"NFKD", Kind::Nfkd},           {"NFC", Kind::Nfc},
        {"NFKC", Kind::Nfkc}, {"Lowercase", Kind::Lowercase}, {"StripAccents", Kind::StripAccents}};
    const std::string type = typeOf(normalizer);
    if (type == "Sequence") {
        if (depth >= kMaxNormalizerDepth) normalizer.fail("nests Sequences too deeply");
        for (const JsonField& inner : normalizer.at("normalizers").elements())
            appendNormalizer(inner, depth + 1, steps);
    } else if (const auto simple = kSimple.find(type); simple != kSimple.end()) {
        NormalizerStep step;
        step.kind = simple->second;
        steps.push_back(step);
    } else if (type == "Replace") {
        steps.push_back(readReplace(normalizer));
    } else if (type == "Precompiled") {
        if (std::optional<NormalizerStep> step = readPrecompiled(normalizer))
            steps.push_back(std::move(*step));
    } else {
        unsupported(
            normalizer.at("type"), type,
            "a Unigram model takes Sequence, Replace, NFD, NFKD, NFC, NFKC, Lowercase, StripAccents or "
            "Precompiled");
    }
}

MetaspaceOptions readMetaspace(const JsonField& metaspace) {
    MetaspaceOptions options;
    options.replacement = metaspace.stringOr("replacement", options.replacement);
    if (unicode::decodeUtf8(options.replacement).size() != 1)
        metaspace.at("replacement").fail("must be one character");
    if (const std::optional<JsonField> scheme = metaspace.find("prepend_scheme")) {
        const std::string value = scheme->asString();
        if (value == "always") {
            options.prepend = MetaspaceOptions::Prepend::Always;
        } else if (value == "first") {
            options.prepend = MetaspaceOptions::Prepend::First;
        } else if (value == "never") {
            options.prepend = MetaspaceOptions::Prepend::Never;
        } else {
            unsupported(*scheme, value, "always, first or never");
        }
    } else {
        options.prepend = metaspace.boolOr("add_prefix_space", true) ? MetaspaceOptions::Prepend::Always
                                                                     : MetaspaceOptions::Prepend::Never;
    }
    options.split = metaspace.boolOr("split", true);
    return options;
}

// Metaspace, or a Sequence of Metaspace alone or after WhitespaceSplit.
MetaspaceOptions readUnigramPreTokenizer(const JsonField& root) {
    const std::optional<JsonField> preTokenizer = root.find("pre_tokenizer");
    if (!preTokenizer) root.at("pre_tokenizer").fail("is missing or null: a Unigram model needs Metaspace");
    const std::string type = typeOf(*preTokenizer);
    if (type == "Metaspace") return readMetaspace(*preTokenizer);
    if (type != "Sequence") unsupported(preTokenizer->at("type"), type, "a Unigram model needs Metaspace");
    const std::vector<JsonField> steps = preTokenizer->at("pretokenizers").elements();
    const bool whitespaceFirst = steps.size() == 2 && typeOf(steps[0]) == "WhitespaceSplit";
    if (steps.empty() || steps.size() > 2 || (steps.size() == 2 && !whitespaceFirst) ||
        typeOf(steps.back()) != "Metaspace") {
        preTokenizer->at("pretokenizers")
            .fail("is not supported (only [Metaspace] or [WhitespaceSplit, Metaspace])");
    }
    MetaspaceOptions options = readMetaspace(steps.back());
    options.whitespaceSplitFirst = whitespaceFirst;
    return options;
}

std::vector<std::pair<std::string, double>> readPieces(const JsonField& model) {
    std::vector<std::pair<std::string, double>> pieces;
    for (const JsonField& entry : model.at("vocab").elements()) {
        const std::vector<JsonField> parts = entry.elements();
        if (parts.size() != 2) entry.fail("must be a [piece, score] pair");
        pieces.emplace_back(parts[0].asString(), parts[1].asNumber());
    }
    if (static_cast<std::int64_t>(pieces.size()) > kMaxTokenId) model.at("vocab").fail("has too many pieces");
    return pieces;
}

std::unique_ptr<SubwordTokenizer> buildUnigram(const JsonField& root, const JsonField& model,
                                               const std::vector<AddedToken>& added,
                                               const TokenizerJsonRoles& roles) {
    UnigramOptions options;
    if (const std::optional<JsonField> normalizer = root.find("normalizer"))
        appendNormalizer(*normalizer, 0, options.normalizers);
    options.metaspace = readUnigramPreTokenizer(root);
    requireAbsentOr(model, "byte_fallback", "false", false);
    options.pieces = readPieces(model);
    const JsonField unkId = model.at("unk_id");
    if (unkId.isNull()) unkId.fail("null is not supported (the model needs an unknown piece)");
    options.unkId = unkId.asInteger(0, static_cast<std::int64_t>(options.pieces.size()) - 1);
    const SpecialTokenFrame frame = readPostProcessor(root);
    TokenIdMap vocab;
    for (std::size_t id = 0; id < options.pieces.size(); ++id)
        vocab[options.pieces[id].first] = static_cast<std::int64_t>(id);
    for (const AddedToken& token : added) {
        vocab[token.content] = token.id;
        options.addedTokens.emplace_back(token.content, token.id);
    }
    checkFrameIds(root, frame, vocab);
    options.clsToken = frame.cls.token;
    options.sepToken = frame.sep.token;
    options.layout = frame.layout;
    options.padToken = padTokenOf(root, roles, "<pad>");
    options.files = roles.files;
    options.modelMaxLength = roles.modelMaxLength;
    return std::make_unique<UnigramTokenizer>(std::move(options), root.file());
}

}  // namespace

std::unique_ptr<SubwordTokenizer> tokenizerFromJson(std::string_view jsonText, const std::string& source,
                                                    const TokenizerJsonRoles& roles) {
    const nlohmann::json document = parseJsonText(jsonText, source);
    const JsonField root(document, source);
    root.requireObject();
    const std::vector<AddedToken> added = readAddedTokens(root);
    const JsonField model = root.at("model");
    const std::string type = model.at("type").asString();
    if (type == "WordPiece") return buildWordPiece(root, model, added, roles);
    if (type == "BPE") return buildBytePair(root, model, added, roles);
    if (type == "Unigram") return buildUnigram(root, model, added, roles);
    unsupported(model.at("type"), type, "WordPiece, BPE or Unigram");
}

}  // namespace uegr
