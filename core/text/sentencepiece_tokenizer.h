#pragma once
// ALBERT's SentencePiece tokenizer (spiece.model), as transformers' AlbertTokenizer: the text
// is preprocessed (whitespace collapsed, `` and '' -> ", accents stripped by NFKD unless
// keep_accents, lower-cased when do_lower_case), cut into pieces by the SentencePiece model,
// and a piece ending in "<digit>," has its comma split off as the reference does.
// SentencePiece is optional at build time (UEGR_HAVE_SENTENCEPIECE); without it the factory
// throws.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/subword_tokenizer.h"

namespace uegr {

struct SentencePieceOptions {
    bool doLowerCase = true;  // ALBERT's default
    bool keepAccents = false;
    bool removeSpace = true;
    std::string clsToken = "[CLS]";
    std::string sepToken = "[SEP]";
    std::string unkToken = "<unk>";
    std::string padToken = "<pad>";
    std::string maskToken = "[MASK]";
    std::vector<std::string> additionalSpecialTokens;
    std::vector<std::string> files{"spiece.model"};
    std::optional<int> modelMaxLength;
};

// SentencePiece's own processor for one .model file. Debian's libsentencepiece cannot share a
// process's global symbols with LibTorch (both export protobuf), so the processor lives in the
// module libuegr_sentencepiece.so, loaded in isolation on first use. It is looked for at
// $UEGR_SENTENCEPIECE_MODULE, then next to the executable, then in <executable>/../lib/uegr/.
class SentencePieceModel {
public:
    // Throws InputError when the model cannot be loaded, Error when the module is unavailable.
    explicit SentencePieceModel(const std::string& modelPath);
    ~SentencePieceModel();
    SentencePieceModel(const SentencePieceModel&) = delete;
    SentencePieceModel& operator=(const SentencePieceModel&) = delete;

    std::vector<std::string> encodeAsPieces(std::string_view text) const;
    std::vector<int> encodeAsIds(std::string_view text) const;
    int pieceToId(std::string_view piece) const;  // the unknown id when absent
    std::string idToPiece(int id) const;          // "" when out of range
    int pieceCount() const;
    int unkId() const;

private:
    void* processor_ = nullptr;
};

// True when this build has SentencePiece and its module can be loaded.
bool sentencePieceAvailable();

// Loads spiece.model. Throws InputError when the model is missing or unreadable, and Error
// when the build has no SentencePiece.
std::unique_ptr<SubwordTokenizer> makeSentencePieceTokenizer(const std::string& modelPath,
                                                             SentencePieceOptions options);

// ALBERT's preprocess_text, exposed for tests: the text the SentencePiece model sees.
std::string albertPreprocess(std::string_view text, const SentencePieceOptions& options);

}  // namespace uegr
