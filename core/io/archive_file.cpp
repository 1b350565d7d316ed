#include "io/archive_file.h"

#include <torch/serialize.h>

#include <functional>

#include "util/atomic_file.h"

namespace uegr {
namespace {

// The writer LibTorch calls with each chunk of the archive; appending to memory cannot fail short.
std::function<std::size_t(const void*, std::size_t)> appendTo(std::string& bytes) {
    return [&bytes](const void* data, std::size_t size) {
        bytes.append(static_cast<const char*>(data), size);
        return size;
    };
}

}  // namespace

std::string archiveBytes(torch::serialize::OutputArchive& archive) {
    std::string bytes;
    archive.save_to(appendTo(bytes));
    return bytes;
}

std::string tensorBytes(const torch::Tensor& tensor) {
    std::string bytes;
    torch::save(tensor, appendTo(bytes));
    return bytes;
}

void saveArchiveAtomically(torch::serialize::OutputArchive& archive, const std::string& path) {
    writeFileAtomically(path, archiveBytes(archive));
}

void saveTensorAtomically(const torch::Tensor& tensor, const std::string& path) {
    writeFileAtomically(path, tensorBytes(tensor));
}

}  // namespace uegr
