#include "text/sentencepiece_tokenizer.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "text/unicode_text.h"
#include "util/error.h"
#include "util/install_paths.h"

namespace uegr {
namespace {

const std::u32string kWordStart = U"\u2581";  // SentencePiece's "▁", which marks a word start

}  // namespace

std::string albertPreprocess(std::string_view text, const SentencePieceOptions& options) {
    std::u32string chars = unicode::decodeUtf8(text);
    if (options.removeSpace) {  // " ".join(text.strip().split())
        std::u32string joined;
        for (const std::u32string& word : unicode::splitOnPythonSpace(chars)) {
            if (!joined.empty()) joined += U' ';
            joined += word;
        }
        chars = std::move(joined);
    }
    chars = unicode::replaceAll(unicode::replaceAll(std::move(chars), U"``", U"\""), U"''", U"\"");
    if (!options.keepAccents) {
        std::u32string stripped;
        for (const char32_t c : unicode::normalizeNfkd(chars)) {
            if (!unicode::isCombining(c)) stripped.push_back(c);
        }
        chars = std::move(stripped);
    }
    if (options.doLowerCase) chars = unicode::toLower(chars);
    return unicode::encodeUtf8(chars);
}

namespace {

// The C functions of libuegr_sentencepiece.so (text/sentencepiece_tokenizer_module.cpp).
using ErrorSink = void (*)(void*, const char*);
using PieceSink = void (*)(void*, const char*, std::size_t);
using IdSink = void (*)(void*, int);
struct SentencePieceModule {
    void* (*load)(const char*, ErrorSink, void*) = nullptr;
    void (*free)(void*) = nullptr;
    int (*pieceCount)(const void*) = nullptr;
    int (*unkId)(const void*) = nullptr;
    int (*pieceToId)(const void*, const char*, std::size_t) = nullptr;
    const char* (*idToPiece)(const void*, int) = nullptr;
    int (*encodePieces)(const void*, const char*, std::size_t, PieceSink, void*) = nullptr;
    int (*encodeIds)(const void*, const char*, std::size_t, IdSink, void*) = nullptr;
};

constexpr const char* kModuleName = "libuegr_sentencepiece.so";

#if UEGR_HAVE_SENTENCEPIECE
constexpr int kModuleAbiVersion = 1;

std::vector<std::filesystem::path> moduleCandidates() {
    std::vector<std::filesystem::path> candidates;
    if (const char* explicitPath = std::getenv("UEGR_SENTENCEPIECE_MODULE"))
        candidates.emplace_back(explicitPath);
    const std::filesystem::path executableFolder = executableDirectory();
    if (!executableFolder.empty()) {
        candidates.push_back(executableFolder / kModuleName);
        candidates.push_back(executableFolder.parent_path() / "lib" / "uegr" / kModuleName);
    }
    return candidates;
}

template <typename Function>
void bind(void* handle, const char* name, Function& function) {
    function = reinterpret_cast<Function>(dlsym(handle, name));
    if (!function) throw Error(std::string(kModuleName) + " lacks " + name);
}
#endif

// Loads the module once per process; a failure is remembered and reported on every use.
const SentencePieceModule& sentencePieceModule() {
    static std::once_flag once;
    static SentencePieceModule module;
    static std::string failure;
    std::call_once(once, [] {
#if UEGR_HAVE_SENTENCEPIECE
        std::string tried;
        for (const std::filesystem::path& candidate : moduleCandidates()) {
            // RTLD_LOCAL keeps SentencePiece's protobuf out of the global scope; RTLD_DEEPBIND
            // makes SentencePiece bind to its own copy rather than to LibTorch's libprotobuf.
            void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
            if (!handle) {
                tried += "\n  " + std::string(dlerror());
                continue;
            }
            try {
                int (*abiVersion)() = nullptr;
                bind(handle, "uegr_spm_abi_version", abiVersion);
                if (abiVersion() != kModuleAbiVersion)
                    throw Error(candidate.string() + " is from another build");
                bind(handle, "uegr_spm_load", module.load);
                bind(handle, "uegr_spm_free", module.free);
                bind(handle, "uegr_spm_piece_count", module.pieceCount);
                bind(handle, "uegr_spm_unk_id", module.unkId);
                bind(handle, "uegr_spm_piece_to_id", module.pieceToId);
                bind(handle, "uegr_spm_id_to_piece", module.idToPiece);
                bind(handle, "uegr_spm_encode_pieces", module.encodePieces);
                bind(handle, "uegr_spm_encode_ids", module.encodeIds);
                return;
            } catch (const Error& error) {
                module = {};
                tried += "\n  " + std::string(error.what());
            }
        }
        failure = std::string("cannot load the SentencePiece module ") + kModuleName + ":" + tried;
#else
        failure = "this build has no SentencePiece support (built without SentencePiece), so ALBERT "
                  "tokenizers cannot be loaded; install libsentencepiece-dev and rebuild";
#endif
    });
    if (!failure.empty()) throw Error(failure);
    return module;
}

}  // namespace

SentencePieceModel::SentencePieceModel(const std::string& modelPath) {
    const SentencePieceModule& module = sentencePieceModule();
    std::string error;
    const ErrorSink keepError = [](void* context, const char* message) {
        *static_cast<std::string*>(context) = message;
    };
    processor_ = module.load(modelPath.c_str(), keepError, &error);
    if (!processor_) throw InputError(modelPath, 0, "cannot load the SentencePiece model: " + error);
}

SentencePieceModel::~SentencePieceModel() {
    sentencePieceModule().free(processor_);
}

std::vector<std::string> SentencePieceModel::encodeAsPieces(std::string_view text) const {
    std::vector<std::string> pieces;
    const PieceSink collect = [](void* context, const char* piece, std::size_t size) {
        static_cast<std::vector<std::string>*>(context)->emplace_back(piece, size);
    };
    if (sentencePieceModule().encodePieces(processor_, text.data(), text.size(), collect, &pieces) != 0) {
        throw Error("SentencePiece could not encode a text");
    }
    return pieces;
}

std::vector<int> SentencePieceModel::encodeAsIds(std::string_view text) const {
    std::vector<int> ids;
    const IdSink collect = [](void* context, int id) {
        static_cast<std::vector<int>*>(context)->push_back(id);
    };
    if (sentencePieceModule().encodeIds(processor_, text.data(), text.size(), collect, &ids) != 0) {
        throw Error("SentencePiece could not encode a text");
    }
    return ids;
}

int SentencePieceModel::pieceToId(std::string_view piece) const {
    return sentencePieceModule().pieceToId(processor_, piece.data(), piece.size());
}

std::string SentencePieceModel::idToPiece(int id) const {
    if (id < 0 || id >= pieceCount()) return "";
    return sentencePieceModule().idToPiece(processor_, id);
}

int SentencePieceModel::pieceCount() const {
    return sentencePieceModule().pieceCount(processor_);
}

int SentencePieceModel::unkId() const {
    return sentencePieceModule().unkId(processor_);
}

bool sentencePieceAvailable() {
    try {
        sentencePieceModule();
        return true;
    } catch (const Error&) {
        return false;
    }
}

namespace {

class SentencePieceTokenizer : public SubwordTokenizer {
public:
    SentencePieceTokenizer(const std::string& modelPath, SentencePieceOptions options)
        : options_(std::move(options)), processor_(modelPath) {
        cls_ = requireToken(modelPath, options_.clsToken);
        sep_ = requireToken(modelPath, options_.sepToken);
        unk_ = {processor_.unkId(), processor_.idToPiece(processor_.unkId())};
        const int pad = processor_.pieceToId(options_.padToken);
        pad_ = {pad, options_.padToken};
        specialTokens_ = {options_.clsToken, options_.sepToken, options_.unkToken, options_.padToken,
                          options_.maskToken};
        specialTokens_.insert(specialTokens_.end(), options_.additionalSpecialTokens.begin(),
                              options_.additionalSpecialTokens.end());
    }

    SubwordEncoding encode(std::string_view text, std::optional<std::string_view> pair,
                           int maxLength) const override {
        std::optional<std::vector<SubwordPiece>> second;
        if (pair) second = tokenize(*pair);
        return assembleEncoding(tokenize(text), std::move(second), maxLength, cls_, sep_,
                                SpecialTokenLayout::Bert);
    }

    std::string tokenOf(std::int64_t id) const override {
        if (id < 0 || id >= processor_.pieceCount()) return "";
        return processor_.idToPiece(static_cast<int>(id));
    }
    std::int64_t padId() const override { return pad_.id; }
    std::int64_t unkId() const override { return unk_.id; }
    std::int64_t vocabSize() const override { return processor_.pieceCount(); }
    std::string kind() const override { return "sentencepiece"; }
    std::vector<std::string> files() const override { return options_.files; }
    std::optional<int> modelMaxLength() const override { return options_.modelMaxLength; }

private:
    SubwordPiece requireToken(const std::string& modelPath, const std::string& token) const {
        const int id = processor_.pieceToId(token);
        if (id == processor_.unkId() && token != processor_.idToPiece(id)) {
            throw InputError(modelPath, 0, "the SentencePiece model has no " + token + " piece");
        }
        return {id, token};
    }

    SubwordPiece piece(const std::string& token) const { return {processor_.pieceToId(token), token}; }

    std::vector<SubwordPiece> tokenize(std::string_view text) const {
        std::vector<SubwordPiece> out;
        for (const SpecialTokenSplit& segment : splitOnSpecialTokens(text, specialTokens_)) {
            if (segment.specialIndex >= 0) {
                out.push_back(piece(std::string(segment.text)));
            } else {
                appendPieces(albertPreprocess(segment.text, options_), out);
            }
        }
        return out;
    }

    // AlbertTokenizer._tokenize: a piece like "▁9," (digit then comma) is re-encoded without
    // its comma, so the number gets the pieces it has elsewhere, and the comma follows alone.
    void appendPieces(const std::string& text, std::vector<SubwordPiece>& out) const {
        for (const std::string& pieceText : processor_.encodeAsPieces(text)) {
            const std::u32string chars = unicode::decodeUtf8(pieceText);
            const bool digitComma =
                chars.size() > 1 && chars.back() == U',' && unicode::isPythonDigit(chars[chars.size() - 2]);
            if (!digitComma) {
                out.push_back(piece(pieceText));
                continue;
            }
            const std::u32string number =
                unicode::replaceAll(chars.substr(0, chars.size() - 1), kWordStart, U"");
            std::vector<std::string> numberPieces = processor_.encodeAsPieces(unicode::encodeUtf8(number));
            if (chars.front() != kWordStart.front() && !numberPieces.empty()) {
                std::u32string first = unicode::decodeUtf8(numberPieces.front());
                if (!first.empty() && first.front() == kWordStart.front()) {
                    if (first.size() == 1) {
                        numberPieces.erase(numberPieces.begin());
                    } else {
                        numberPieces.front() = unicode::encodeUtf8(first.substr(1));
                    }
                }
            }
            for (const std::string& numberPiece : numberPieces) out.push_back(piece(numberPiece));
            out.push_back(piece(","));
        }
    }

    SentencePieceOptions options_;
    SentencePieceModel processor_;
    std::vector<std::string> specialTokens_;
    SubwordPiece cls_, sep_, unk_, pad_;
};

}  // namespace
std::unique_ptr<SubwordTokenizer> makeSentencePieceTokenizer(const std::string& modelPath,
                                                             SentencePieceOptions options) {
    return std::make_unique<SentencePieceTokenizer>(modelPath, std::move(options));
}

}  // namespace uegr
