#pragma once
// Token <-> id mapping built from the training split: <pad> = 0, <unk> = 1, <sep> = 2 (joins sentence pairs), then tokens by
// descending count (ties by token), dropping those under min count and beyond max size.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace uegr {

class Vocabulary {
public:
    static constexpr std::int64_t kPad = 0;
    static constexpr std::int64_t kUnk = 1;
    static constexpr std::int64_t kSep = 2;

    static Vocabulary build(const std::vector<std::vector<std::string>>& tokenizedTexts, int minCount, int maxSize);
    static Vocabulary load(const std::string& path);  // one token per line; throws InputError
    void save(const std::string& path) const;          // atomic

    std::int64_t idOf(const std::string& token) const;  // kUnk when unknown
    const std::string& token(std::int64_t id) const;
    std::int64_t size() const { return static_cast<std::int64_t>(tokens_.size()); }
    std::vector<std::int64_t> encode(const std::vector<std::string>& tokens) const;

private:
    std::vector<std::string> tokens_;
    std::unordered_map<std::string, std::int64_t> ids_;
};

}  // namespace uegr
