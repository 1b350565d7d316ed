// The shared object that holds SentencePiece (libuegr_sentencepiece.so). Debian's
// libsentencepiece exports a bundled protobuf-lite that clashes with LibTorch's libprotobuf, so
// it never joins the process's global symbol scope: core dlopens this module with RTLD_LOCAL |
// RTLD_DEEPBIND and reaches it only through these C functions (no C++ types or exceptions cross).
#include <sentencepiece_processor.h>

#include <cstddef>
#include <exception>
#include <memory>
#include <string>
#include <vector>

extern "C" {

using UegrSpmErrorSink = void (*)(void* context, const char* message);
using UegrSpmPieceSink = void (*)(void* context, const char* piece, std::size_t size);
using UegrSpmIdSink = void (*)(void* context, int id);

int uegr_spm_abi_version() {
    return 1;
}

void* uegr_spm_load(const char* path, UegrSpmErrorSink onError, void* context) {
    try {
        auto processor = std::make_unique<sentencepiece::SentencePieceProcessor>();
        const auto status = processor->Load(path);
        if (!status.ok()) {
            onError(context, status.ToString().c_str());
            return nullptr;
        }
        return processor.release();
    } catch (const std::exception& error) {
        onError(context, error.what());
        return nullptr;
    }
}

void uegr_spm_free(void* processor) {
    delete static_cast<sentencepiece::SentencePieceProcessor*>(processor);
}

int uegr_spm_piece_count(const void* processor) {
    return static_cast<const sentencepiece::SentencePieceProcessor*>(processor)->GetPieceSize();
}

int uegr_spm_unk_id(const void* processor) {
    return static_cast<const sentencepiece::SentencePieceProcessor*>(processor)->unk_id();
}

int uegr_spm_piece_to_id(const void* processor, const char* piece, std::size_t size) {
    return static_cast<const sentencepiece::SentencePieceProcessor*>(processor)->PieceToId(
        std::string(piece, size));
}

// The piece of a valid id, NUL-terminated and owned by the processor.
const char* uegr_spm_id_to_piece(const void* processor, int id) {
    return static_cast<const sentencepiece::SentencePieceProcessor*>(processor)->IdToPiece(id).c_str();
}

// Returns 0 on success; pieces arrive through `emit` in order.
int uegr_spm_encode_pieces(const void* processor, const char* text, std::size_t size, UegrSpmPieceSink emit,
                           void* context) {
    try {
        std::vector<std::string> pieces;
        const auto status = static_cast<const sentencepiece::SentencePieceProcessor*>(processor)->Encode(
            std::string(text, size), &pieces);
        if (!status.ok()) return 1;
        for (const std::string& piece : pieces) emit(context, piece.data(), piece.size());
        return 0;
    } catch (const std::exception&) {
        return 1;
    }
}

int uegr_spm_encode_ids(const void* processor, const char* text, std::size_t size, UegrSpmIdSink emit,
                        void* context) {
    try {
        std::vector<int> ids;
        const auto status = static_cast<const sentencepiece::SentencePieceProcessor*>(processor)->Encode(
            std::string(text, size), &ids);
        if (!status.ok()) return 1;
        for (const int id : ids) emit(context, id);
        return 0;
    } catch (const std::exception&) {
        return 1;
    }
}

}  // extern "C"
