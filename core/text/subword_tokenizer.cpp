#include "text/subword_tokenizer.h"

#include <algorithm>
#include <climits>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "text/byte_level_bpe_tokenizer.h"
#include "text/sentencepiece_tokenizer.h"
#include "text/tokenizer_json.h"
#include "text/wordpiece_tokenizer.h"
#include "util/error.h"
#include "util/json_text.h"

namespace uegr {

std::pair<std::size_t, std::size_t> longestFirstLengths(std::size_t firstLength, std::size_t secondLength,
                                                        std::size_t budget) {
    // The reference removes one token at a time; this loop-free form gives the same lengths.
    // First the longer sequence shrinks to the shorter one's length...
    while (firstLength + secondLength > budget) {
        if (firstLength > secondLength) {
            const std::size_t excess = firstLength + secondLength - budget;
            firstLength -= std::min(excess, firstLength - secondLength);
        } else if (secondLength > firstLength) {
            const std::size_t excess = firstLength + secondLength - budget;
            secondLength -= std::min(excess, secondLength - firstLength);
        } else {
            // ...then, at equal lengths, removal alternates second, first, second, ...
            const std::size_t excess = firstLength + secondLength - budget;
            firstLength -= excess / 2;
            secondLength -= excess - excess / 2;
        }
    }
    return {firstLength, secondLength};
}

SubwordEncoding assembleEncoding(std::vector<SubwordPiece> first,
                                 std::optional<std::vector<SubwordPiece>> second, int maxLength,
                                 const SubwordPiece& cls, const SubwordPiece& sep,
                                 SpecialTokenLayout layout) {
    const std::size_t specials = !second ? 2 : (layout == SpecialTokenLayout::Bert ? 3 : 4);
    if (maxLength < 0 || static_cast<std::size_t>(maxLength) < specials) {
        throw Error("max_length " + std::to_string(maxLength) + " cannot hold the " +
                    std::to_string(specials) + " special tokens");
    }
    const auto [firstLength, secondLength] = longestFirstLengths(
        first.size(), second ? second->size() : 0, static_cast<std::size_t>(maxLength) - specials);
    first.resize(firstLength);
    if (second) second->resize(secondLength);

    SubwordEncoding encoding;
    const auto add = [&](const SubwordPiece& piece, std::int64_t typeId) {
        encoding.ids.push_back(piece.id);
        encoding.typeIds.push_back(typeId);
        encoding.tokens.push_back(piece.token);
    };
    add(cls, 0);
    for (const SubwordPiece& piece : first) add(piece, 0);
    add(sep, 0);
    if (second) {
        const std::int64_t secondType = layout == SpecialTokenLayout::Bert ? 1 : 0;
        if (layout == SpecialTokenLayout::Roberta) add(sep, 0);
        for (const SubwordPiece& piece : *second) add(piece, secondType);
        add(sep, secondType);
    }
    return encoding;
}

std::vector<SpecialTokenSplit> splitOnSpecialTokens(std::string_view text,
                                                    const std::vector<std::string>& specials) {
    std::vector<SpecialTokenSplit> segments;
    std::size_t plainStart = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        int best = -1;
        for (std::size_t i = 0; i < specials.size(); ++i) {
            const std::string& special = specials[i];
            if (special.empty() || text.compare(at, special.size(), special) != 0) continue;
            if (best < 0 || special.size() > specials[static_cast<std::size_t>(best)].size()) {
                best = static_cast<int>(i);
            }
        }
        if (best < 0) {
            ++at;
            continue;
        }
        if (at > plainStart) segments.push_back({text.substr(plainStart, at - plainStart), -1});
        const std::size_t length = specials[static_cast<std::size_t>(best)].size();
        segments.push_back({text.substr(at, length), best});
        at += length;
        plainStart = at;
    }
    if (plainStart < text.size()) segments.push_back({text.substr(plainStart), -1});
    return segments;
}

namespace {

namespace fs = std::filesystem;

std::optional<nlohmann::json> readJsonObject(const fs::path& path, bool required) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (!required && !fs::exists(path)) return std::nullopt;
        throw InputError(path.string(), 0, fs::exists(path) ? "cannot read the file" : "file not found");
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const nlohmann::json json = parseJsonText(text, path.string());
    if (!json.is_object()) throw InputError(path.string(), 0, "expected a JSON object");
    return json;
}

// tokenizer_config.json and special_tokens_map.json, merged as from_pretrained does: the
// special tokens map wins over the tokenizer config.
class TokenizerSettings {
public:
    TokenizerSettings(const fs::path& folder) {
        const fs::path configPath = folder / "tokenizer_config.json";
        const fs::path mapPath = folder / "special_tokens_map.json";
        if (auto config = readJsonObject(configPath, false)) {
            config_ = std::move(*config);
            configFile_ = configPath.string();
            files_.push_back("tokenizer_config.json");
        }
        if (auto map = readJsonObject(mapPath, false)) {
            specialMap_ = std::move(*map);
            mapFile_ = mapPath.string();
            files_.push_back("special_tokens_map.json");
        }
    }

    const std::vector<std::string>& files() const { return files_; }

    std::optional<bool> flag(const std::string& key) const {
        if (!config_.contains(key) || config_[key].is_null()) return std::nullopt;
        if (!config_[key].is_boolean())
            throw InputError(configFile_, 0, key + " must be true, false or null");
        return config_[key].get<bool>();
    }

    std::optional<int> modelMaxLength() const {
        if (!config_.contains("model_max_length") || config_["model_max_length"].is_null())
            return std::nullopt;
        const nlohmann::json& value = config_["model_max_length"];
        if (!value.is_number()) throw InputError(configFile_, 0, "model_max_length must be a number");
        // transformers writes int(1e30) for "no limit"; it parses as a float here.
        if (value.is_number_float() || value.get<double>() > INT_MAX || value.get<double>() < 1)
            return std::nullopt;
        return value.get<int>();
    }

    // A special token given as "text" or as an AddedToken object {"content": "text", ...}.
    void specialToken(const std::string& key, std::string& token) const {
        if (auto found = tokenEntry(specialMap_, mapFile_, key))
            token = *found;
        else if (auto fromConfig = tokenEntry(config_, configFile_, key))
            token = *fromConfig;
    }

    std::optional<std::string> specialToken(const std::string& key) const {
        std::string token;
        specialToken(key, token);
        if (token.empty()) return std::nullopt;
        return token;
    }

    std::optional<bool> specialTokenLstrip(const std::string& key) const {
        for (const nlohmann::json* json : {&specialMap_, &config_}) {
            if (json->contains(key) && (*json)[key].is_object()) {
                const nlohmann::json& entry = (*json)[key];
                if (entry.contains("lstrip") && entry["lstrip"].is_boolean())
                    return entry["lstrip"].get<bool>();
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    std::vector<std::string> tokenList(const std::string& key) const {
        const bool inMap = specialMap_.contains(key);
        const nlohmann::json& json = inMap ? specialMap_ : config_;
        const std::string& file = inMap ? mapFile_ : configFile_;
        std::vector<std::string> tokens;
        if (!json.contains(key) || json[key].is_null()) return tokens;
        if (!json[key].is_array()) throw InputError(file, 0, key + " must be a list of tokens");
        for (const nlohmann::json& entry : json[key]) tokens.push_back(tokenText(entry, file, key));
        return tokens;
    }

private:
    static std::string tokenText(const nlohmann::json& entry, const std::string& file,
                                 const std::string& key) {
        if (entry.is_string()) return entry.get<std::string>();
        if (entry.is_object() && entry.contains("content") && entry["content"].is_string()) {
            return entry["content"].get<std::string>();
        }
        throw InputError(file, 0, key + " must be a token string or an object with a \"content\" string");
    }

    static std::optional<std::string> tokenEntry(const nlohmann::json& json, const std::string& file,
                                                 const std::string& key) {
        if (!json.contains(key) || json[key].is_null()) return std::nullopt;
        return tokenText(json[key], file, key);
    }

    nlohmann::json config_ = nlohmann::json::object();
    nlohmann::json specialMap_ = nlohmann::json::object();
    std::string configFile_, mapFile_;
    std::vector<std::string> files_;
};

enum class TokenizerKind { WordPiece, BytePair, SentencePiece };

TokenizerKind chooseKind(const fs::path& folder) {
    const fs::path configPath = folder / "config.json";
    if (auto config = readJsonObject(configPath, false); config && config->contains("model_type")) {
        const nlohmann::json& modelType = (*config)["model_type"];
        if (!modelType.is_string()) throw InputError(configPath.string(), 0, "model_type must be a string");
        const std::string type = modelType.get<std::string>();
        if (type == "bert") return TokenizerKind::WordPiece;
        if (type == "roberta") return TokenizerKind::BytePair;
        if (type == "albert") return TokenizerKind::SentencePiece;
        throw InputError(configPath.string(), 0,
                         "model_type \"" + type + "\" has no supported tokenizer (bert, roberta or albert)");
    }
    if (fs::exists(folder / "spiece.model")) return TokenizerKind::SentencePiece;
    if (fs::exists(folder / "vocab.json") || fs::exists(folder / "merges.txt"))
        return TokenizerKind::BytePair;
    if (fs::exists(folder / "vocab.txt")) return TokenizerKind::WordPiece;
    throw InputError(
        folder.string(), 0,
        "no tokenizer files (tokenizer.json, vocab.txt, vocab.json + merges.txt or spiece.model) "
        "and no model_type in config.json");
}

std::vector<std::string> withSettingsFiles(std::vector<std::string> files,
                                           const TokenizerSettings& settings) {
    files.insert(files.end(), settings.files().begin(), settings.files().end());
    return files;
}

std::unique_ptr<SubwordTokenizer> loadWordPiece(const fs::path& folder, const TokenizerSettings& settings) {
    WordPieceOptions options;
    options.doLowerCase = settings.flag("do_lower_case").value_or(true);
    options.stripAccents = settings.flag("strip_accents");
    options.tokenizeChineseChars = settings.flag("tokenize_chinese_chars").value_or(true);
    settings.specialToken("unk_token", options.unkToken);
    settings.specialToken("sep_token", options.sepToken);
    settings.specialToken("pad_token", options.padToken);
    settings.specialToken("cls_token", options.clsToken);
    settings.specialToken("mask_token", options.maskToken);
    options.additionalSpecialTokens = settings.tokenList("additional_special_tokens");
    options.neverSplit = settings.tokenList("never_split");
    options.files = withSettingsFiles({"vocab.txt"}, settings);
    options.modelMaxLength = settings.modelMaxLength();
    return std::make_unique<WordPieceTokenizer>((folder / "vocab.txt").string(), std::move(options));
}

std::unique_ptr<SubwordTokenizer> loadBytePair(const fs::path& folder, const TokenizerSettings& settings) {
    ByteLevelBpeOptions options;
    options.addPrefixSpace = settings.flag("add_prefix_space").value_or(false);
    settings.specialToken("bos_token", options.bosToken);
    settings.specialToken("eos_token", options.eosToken);
    settings.specialToken("unk_token", options.unkToken);
    settings.specialToken("pad_token", options.padToken);
    settings.specialToken("mask_token", options.maskToken);
    options.maskLstrip = settings.specialTokenLstrip("mask_token").value_or(true);
    options.additionalSpecialTokens = settings.tokenList("additional_special_tokens");
    options.files = withSettingsFiles({"vocab.json", "merges.txt"}, settings);
    options.modelMaxLength = settings.modelMaxLength();
    return std::make_unique<ByteLevelBpeTokenizer>((folder / "vocab.json").string(),
                                                   (folder / "merges.txt").string(), std::move(options));
}

std::unique_ptr<SubwordTokenizer> loadSentencePiece(const fs::path& folder,
                                                    const TokenizerSettings& settings) {
    SentencePieceOptions options;
    options.doLowerCase = settings.flag("do_lower_case").value_or(true);
    options.keepAccents = settings.flag("keep_accents").value_or(false);
    options.removeSpace = settings.flag("remove_space").value_or(true);
    settings.specialToken("cls_token", options.clsToken);
    settings.specialToken("sep_token", options.sepToken);
    settings.specialToken("unk_token", options.unkToken);
    settings.specialToken("pad_token", options.padToken);
    settings.specialToken("mask_token", options.maskToken);
    options.additionalSpecialTokens = settings.tokenList("additional_special_tokens");
    options.files = withSettingsFiles({"spiece.model"}, settings);
    options.modelMaxLength = settings.modelMaxLength();
    const fs::path model = folder / "spiece.model";
    if (sentencePieceAvailable() && !fs::exists(model)) throw InputError(model.string(), 0, "file not found");
    return makeSentencePieceTokenizer(model.string(), std::move(options));
}

std::unique_ptr<SubwordTokenizer> loadTokenizerJson(const fs::path& path, const TokenizerSettings& settings) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string(), 0, "cannot read the file");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    TokenizerJsonRoles roles;
    roles.padToken = settings.specialToken("pad_token");
    roles.maskToken = settings.specialToken("mask_token");
    roles.unkToken = settings.specialToken("unk_token");
    roles.files = withSettingsFiles({"tokenizer.json"}, settings);
    roles.modelMaxLength = settings.modelMaxLength();
    return tokenizerFromJson(text, path.string(), roles);
}

}  // namespace

std::unique_ptr<SubwordTokenizer> loadSubwordTokenizer(const std::string& folder) {
    const fs::path root(folder);
    if (!fs::is_directory(root)) throw InputError(folder, 0, "not a model folder");
    if (fs::exists(root / "tokenizer.json"))
        return loadTokenizerJson(root / "tokenizer.json", TokenizerSettings(root));
    const TokenizerKind kind = chooseKind(root);
    const TokenizerSettings settings(root);
    switch (kind) {
        case TokenizerKind::WordPiece:
            return loadWordPiece(root, settings);
        case TokenizerKind::BytePair:
            return loadBytePair(root, settings);
        case TokenizerKind::SentencePiece:
            return loadSentencePiece(root, settings);
    }
    throw Error("unknown tokenizer kind");
}

}  // namespace uegr
