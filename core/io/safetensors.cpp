#include "io/safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <limits>
#include <sstream>
#include <vector>

#include "util/atomic_file.h"
#include "util/crc32.h"
#include "util/error.h"
#include "util/json_text.h"
#include "util/message_text.h"

// The format stores data little-endian; copying bytes verbatim is only right on such hosts.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "safetensors I/O assumes a little-endian host");

namespace uegr {
namespace {

constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;
const std::string kChecksumPrefix = "uegr_crc32:";

struct DtypeInfo {
    const char* name;
    torch::ScalarType type;
    std::uint64_t bytes;
};

const std::vector<DtypeInfo>& dtypes() {
    static const std::vector<DtypeInfo> table{
        {"F64", torch::kFloat64, 8},   {"F32", torch::kFloat32, 4}, {"F16", torch::kFloat16, 2},
        {"BF16", torch::kBFloat16, 2}, {"I64", torch::kInt64, 8},   {"I32", torch::kInt32, 4},
        {"I16", torch::kInt16, 2},     {"I8", torch::kInt8, 1},     {"U8", torch::kUInt8, 1},
        {"BOOL", torch::kBool, 1},
    };
    return table;
}

const DtypeInfo* dtypeByName(const std::string& name) {
    for (const DtypeInfo& info : dtypes())
        if (name == info.name) return &info;
    return nullptr;
}

const DtypeInfo& dtypeOf(const std::string& tensorName, torch::ScalarType type) {
    for (const DtypeInfo& info : dtypes())
        if (info.type == type) return info;
    throw Error("cannot store tensor \"" + tensorName + "\" in safetensors: unsupported dtype " +
                std::string(c10::toString(type)));
}

std::uint64_t readLittleEndian64(const unsigned char* bytes) {
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i) value = (value << 8) | bytes[i];
    return value;
}

void appendLittleEndian64(std::string& out, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

// A field of one tensor entry: a JSON integer >= 0 (nlohmann parses those as unsigned).
std::uint64_t nonNegativeInteger(const nlohmann::json& value, const std::string& what,
                                 const std::string& source) {
    if (!value.is_number_unsigned()) throw InputError(source, 0, what + " must be a non-negative integer");
    return value.get<std::uint64_t>();
}

struct EntryLayout {
    std::string name;
    const DtypeInfo* dtype = nullptr;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0, end = 0;
};

EntryLayout parseEntry(const std::string& name, const nlohmann::json& entry, std::uint64_t dataBytes,
                       const std::string& source) {
    const std::string where = "tensor \"" + name + "\"";
    if (!entry.is_object()) throw InputError(source, 0, where + ": header entry is not a JSON object");
    for (const char* key : {"dtype", "shape", "data_offsets"})
        if (!entry.contains(key))
            throw InputError(source, 0, where + ": header entry has no \"" + key + "\"");

    EntryLayout layout;
    layout.name = name;
    const nlohmann::json& dtype = entry.at("dtype");
    if (!dtype.is_string()) throw InputError(source, 0, where + ": dtype must be a string");
    layout.dtype = dtypeByName(dtype.get<std::string>());
    if (!layout.dtype)
        throw InputError(source, 0, where + ": unknown dtype \"" + dtype.get<std::string>() + "\"");

    const nlohmann::json& shape = entry.at("shape");
    if (!shape.is_array()) throw InputError(source, 0, where + ": shape must be an array");
    for (const nlohmann::json& dim : shape) {
        const std::uint64_t size = nonNegativeInteger(dim, where + ": every shape dimension", source);
        if (size > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            throw InputError(source, 0, where + ": shape dimension too large");
        layout.shape.push_back(static_cast<std::int64_t>(size));
    }
    // The product of the non-zero dimensions must fit the data region (or, for an empty
    // tensor, int64 strides), so a hostile shape can neither overflow nor make us allocate
    // more than the file holds.
    const bool empty = std::find(layout.shape.begin(), layout.shape.end(), 0) != layout.shape.end();
    const std::uint64_t limit = empty ? (std::uint64_t{1} << 62) : dataBytes;
    std::uint64_t product = 1;
    for (std::int64_t size : layout.shape) {
        if (size == 0) continue;
        if (product > limit / static_cast<std::uint64_t>(size))
            throw InputError(source, 0, where + ": shape describes more elements than the file holds");
        product *= static_cast<std::uint64_t>(size);
    }
    const std::uint64_t elements = empty ? 0 : product;

    const nlohmann::json& offsets = entry.at("data_offsets");
    if (!offsets.is_array() || offsets.size() != 2)
        throw InputError(source, 0, where + ": data_offsets must be an array [begin, end]");
    layout.begin = nonNegativeInteger(offsets[0], where + ": data_offsets begin", source);
    layout.end = nonNegativeInteger(offsets[1], where + ": data_offsets end", source);
    if (layout.begin > layout.end)
        throw InputError(source, 0,
                         where + ": data_offsets begin " + std::to_string(layout.begin) + " is after end " +
                             std::to_string(layout.end));
    if (layout.end > dataBytes)
        throw InputError(source, 0,
                         where + ": data_offsets end " + std::to_string(layout.end) +
                             " is beyond the data region (" + std::to_string(dataBytes) + " bytes)");
    const std::uint64_t expected = elements * layout.dtype->bytes;  // elements <= dataBytes: no overflow
    if (layout.end - layout.begin != expected)
        throw InputError(source, 0,
                         where + ": data_offsets span " + std::to_string(layout.end - layout.begin) +
                             " bytes but shape and dtype need " + std::to_string(expected));
    return layout;
}

// Every byte of the data region belongs to exactly one tensor.
void checkCoverage(std::vector<EntryLayout>& layouts, std::uint64_t dataBytes, const std::string& source) {
    std::sort(layouts.begin(), layouts.end(), [](const EntryLayout& a, const EntryLayout& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::uint64_t position = 0;
    const EntryLayout* previous = nullptr;
    for (const EntryLayout& layout : layouts) {
        if (layout.begin < position)
            throw InputError(source, 0,
                             "tensors \"" + previous->name + "\" and \"" + layout.name + "\" overlap");
        if (layout.begin > position)
            throw InputError(source, 0,
                             "bytes " + std::to_string(position) + ".." + std::to_string(layout.begin) +
                                 " of the data region belong to no tensor");
        position = layout.end;
        previous = &layout;
    }
    if (position != dataBytes)
        throw InputError(source, 0,
                         "the data region has " + std::to_string(dataBytes - position) +
                             " trailing bytes that belong to no tensor");
}

// CRC-32 of "DTYPE[d0,d1,...]" then the data, so a corrupted shape or dtype is caught too.
std::string tensorChecksum(const char* dtype, c10::IntArrayRef shape, const char* data, std::uint64_t bytes) {
    std::string description = std::string(dtype) + "[";
    for (std::size_t i = 0; i < shape.size(); ++i) description += (i ? "," : "") + std::to_string(shape[i]);
    description += "]";
    return Crc32().add(description).add(data, bytes).hex();
}

// Checksums of our own files: all present and matching, or none at all (other tools' files).
void verifyChecksums(const std::vector<EntryLayout>& layouts,
                     const std::map<std::string, std::string>& checksums, const char* data,
                     const std::string& source) {
    if (checksums.empty()) return;
    for (const auto& [name, checksum] : checksums) {
        const bool known =
            std::any_of(layouts.begin(), layouts.end(),
                        [&name = name](const EntryLayout& layout) { return layout.name == name; });
        if (!known)
            throw InputError(
                source, 0,
                "checksum for tensor \"" + name + "\", which the file does not hold (corrupt header?)");
    }
    for (const EntryLayout& layout : layouts) {
        const auto found = checksums.find(layout.name);
        if (found == checksums.end())
            throw InputError(source, 0, "tensor \"" + layout.name + "\" has no checksum (corrupt header?)");
        const std::string actual =
            tensorChecksum(layout.dtype->name, layout.shape, data + layout.begin, layout.end - layout.begin);
        if (actual != found->second)
            throw InputError(source, 0,
                             "tensor \"" + layout.name + "\" is corrupt: its checksum is " + actual +
                                 ", the file recorded " + excerpt(found->second, 16));
    }
}

void requireFinite(const std::string& name, const torch::Tensor& tensor, const std::string& source) {
    if (!tensor.is_floating_point() || tensor.numel() == 0) return;
    if (torch::isfinite(tensor).all().item<bool>()) return;
    const bool hasNan = torch::isnan(tensor).any().item<bool>();
    throw InputError(source, 0,
                     "tensor \"" + name + "\" holds " + (hasNan ? "NaN" : "infinite") +
                         " values: the model is corrupt (a diverged training run?) and cannot be used");
}

}  // namespace

std::string serializeSafetensors(const std::map<std::string, torch::Tensor>& tensors,
                                 const std::map<std::string, std::string>& metadata) {
    nlohmann::json header = nlohmann::json::object();
    std::map<std::string, std::string> headerMetadata;
    for (const auto& [key, value] : metadata) {
        if (key.rfind(kChecksumPrefix, 0) == 0)
            throw Error("metadata key \"" + key + "\" is reserved for the tensor checksums");
        headerMetadata[key] = value;
    }
    std::vector<torch::Tensor> contiguous;  // in name order: std::map iterates sorted
    std::uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        if (name == "__metadata__")
            throw Error("\"__metadata__\" is reserved in safetensors and cannot name a tensor");
        const DtypeInfo& dtype = dtypeOf(name, tensor.scalar_type());
        torch::Tensor data = tensor.detach().to(torch::kCPU).contiguous();
        const std::uint64_t bytes = static_cast<std::uint64_t>(data.numel()) * dtype.bytes;
        header[name] = {
            {"dtype", dtype.name}, {"shape", data.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        headerMetadata[kChecksumPrefix + name] =
            tensorChecksum(dtype.name, data.sizes(), static_cast<const char*>(data.data_ptr()), bytes);
        offset += bytes;
        contiguous.push_back(std::move(data));
    }
    if (!headerMetadata.empty()) header["__metadata__"] = headerMetadata;
    std::string headerText = header.dump();
    headerText.append((8 - headerText.size() % 8) % 8, ' ');

    std::string out;
    out.reserve(8 + headerText.size() + offset);
    appendLittleEndian64(out, headerText.size());
    out += headerText;
    for (const torch::Tensor& data : contiguous) {
        const std::size_t bytes = static_cast<std::size_t>(data.numel()) * data.element_size();
        if (bytes > 0) out.append(static_cast<const char*>(data.data_ptr()), bytes);
    }
    return out;
}

void writeSafetensors(const std::string& path, const std::map<std::string, torch::Tensor>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    const std::string bytes = serializeSafetensors(tensors, metadata);
    writeFileAtomically(path, [&bytes](std::ostream& out) {
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    });
}

SafetensorsContent parseSafetensors(const std::string& bytes, const std::string& source) {
    if (bytes.size() < 8)
        throw InputError(source, 0,
                         "not a safetensors file: " + std::to_string(bytes.size()) +
                             " bytes, shorter than the 8-byte header length");
    const std::uint64_t headerBytes =
        readLittleEndian64(reinterpret_cast<const unsigned char*>(bytes.data()));
    if (headerBytes > kMaxHeaderBytes)
        throw InputError(source, 0,
                         "safetensors header length " + std::to_string(headerBytes) +
                             " exceeds the 100 MB limit (corrupt file?)");
    if (headerBytes > bytes.size() - 8)
        throw InputError(source, 0,
                         "safetensors header length " + std::to_string(headerBytes) +
                             " is beyond the end of the file (" + std::to_string(bytes.size()) +
                             " bytes; truncated?)");

    nlohmann::json header;
    try {
        header = nlohmann::json::parse(bytes.begin() + 8,
                                       bytes.begin() + 8 + static_cast<std::ptrdiff_t>(headerBytes));
    } catch (const nlohmann::json::exception& error) {
        throw InputError(source, 0, "safetensors header is not valid JSON: " + jsonErrorDescription(error));
    }
    if (!header.is_object()) throw InputError(source, 0, "safetensors header is not a JSON object");

    const std::uint64_t dataStart = 8 + headerBytes;
    const std::uint64_t dataBytes = bytes.size() - dataStart;
    SafetensorsContent content;
    std::map<std::string, std::string> checksums;
    std::vector<EntryLayout> layouts;
    for (const auto& [name, entry] : header.items()) {
        if (name == "__metadata__") {
            if (!entry.is_object()) throw InputError(source, 0, "__metadata__ must be a JSON object");
            for (const auto& [key, value] : entry.items()) {
                if (!value.is_string())
                    throw InputError(source, 0, "__metadata__ value of \"" + key + "\" must be a string");
                if (key.rfind(kChecksumPrefix, 0) == 0)
                    checksums[key.substr(kChecksumPrefix.size())] = value.get<std::string>();
                else
                    content.metadata[key] = value.get<std::string>();
            }
            continue;
        }
        layouts.push_back(parseEntry(name, entry, dataBytes, source));
    }
    checkCoverage(layouts, dataBytes, source);
    verifyChecksums(layouts, checksums, bytes.data() + dataStart, source);

    for (const EntryLayout& layout : layouts) {
        torch::Tensor tensor = torch::empty(layout.shape, torch::TensorOptions().dtype(layout.dtype->type));
        const std::uint64_t size = layout.end - layout.begin;
        if (size > 0) std::memcpy(tensor.data_ptr(), bytes.data() + dataStart + layout.begin, size);
        requireFinite(layout.name, tensor, source);
        content.tensors.emplace(layout.name, std::move(tensor));
    }
    return content;
}

SafetensorsContent readSafetensors(const std::string& path) {
    return parseSafetensors(readFile(path), path);
}

std::string shapeText(const torch::Tensor& tensor) {
    std::ostringstream text;
    text << tensor.sizes();
    return text.str();
}

}  // namespace uegr
