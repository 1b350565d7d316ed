#pragma once
// The safetensors format (https://github.com/huggingface/safetensors): an 8-byte little-endian
// header length N, N bytes of JSON {name: {dtype, shape, data_offsets: [begin, end]},
// "__metadata__": {string: string}}, then the raw little-endian tensor data. It is the
// interchange format for trained models: Python tools read it without our code.
//
// Integrity: every file written here carries, per tensor, a CRC-32 of its dtype, shape and data
// in __metadata__ ("uegr_crc32:NAME": 8 hex digits; metadata values must be strings for other
// readers). CRC-32 catches the corruption a copy or a disk produces (every burst of up to 32
// bits; util/crc32.h).
#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <string>

namespace uegr {

struct SafetensorsContent {
    std::map<std::string, torch::Tensor> tensors;  // CPU, contiguous
    std::map<std::string, std::string> metadata;
};

// Supported dtypes: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL.
// Names are written sorted, data contiguous in that order, the header padded with spaces so
// the data starts at a multiple of 8 bytes. Throws uegr::Error for an unsupported dtype.
std::string serializeSafetensors(const std::map<std::string, torch::Tensor>& tensors,
                                 const std::map<std::string, std::string>& metadata = {});
void writeSafetensors(const std::string& path, const std::map<std::string, torch::Tensor>& tensors,
                      const std::map<std::string, std::string>& metadata = {});  // atomic

// Validates everything before touching the data (header length, JSON, dtypes, shapes, offsets
// covering the data region exactly once), then the checksums when the file has them (files of
// other tools have none; a file with some must have one for every tensor) and that every
// floating-point value is finite. Any problem is an InputError(source, 0, ...) naming the tensor.
// The checksums are not part of the returned metadata.
SafetensorsContent parseSafetensors(const std::string& bytes, const std::string& source);
SafetensorsContent readSafetensors(const std::string& path);

// "[768, 3072]": a tensor's shape as the messages about stored tensors write it.
std::string shapeText(const torch::Tensor& tensor);

}  // namespace uegr
