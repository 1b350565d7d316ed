#pragma once
// LibTorch archives (model.pt, engine.pt, rng.pt, best-model.pt) written through
// writeFileAtomically. The archive is serialised to memory first: LibTorch's own file writer
// finishes the zip in a destructor, so a full disk there aborts the process (SIGABRT) instead of
// throwing, and leaves a half-written file.
#include <torch/serialize/output-archive.h>
#include <torch/types.h>

#include <string>

namespace uegr {

// The bytes LibTorch would write to a file, for a caller that checksums them (train/checkpoint.cpp).
std::string archiveBytes(torch::serialize::OutputArchive& archive);
std::string tensorBytes(const torch::Tensor& tensor);  // torch::save's format

// Throws uegr::Error naming `path` when it cannot be written; the previous file stays.
void saveArchiveAtomically(torch::serialize::OutputArchive& archive, const std::string& path);

// The format of torch::save(tensor, path), which torch::load(tensor, path) reads.
void saveTensorAtomically(const torch::Tensor& tensor, const std::string& path);

}  // namespace uegr
