#include "text/token_id_table.h"

#include "util/error.h"

namespace uegr {

std::vector<std::string> tokenIdTable(const std::unordered_map<std::string, std::int64_t>& vocab,
                                      const std::string& source) {
    if (vocab.empty()) throw InputError(source, 0, "the vocabulary is empty");
    const auto tokenCount = static_cast<std::int64_t>(vocab.size());
    std::vector<std::string> table(vocab.size());
    std::vector<bool> taken(vocab.size());
    for (const auto& [token, id] : vocab) {
        if (id < 0 || id >= tokenCount)
            throw InputError(source, 0,
                             "the id of token \"" + token + "\" is not an integer from 0 to " +
                                 std::to_string(tokenCount - 1) + " (the vocabulary has " +
                                 std::to_string(tokenCount) + " tokens)");
        const auto index = static_cast<std::size_t>(id);
        if (taken[index])
            throw InputError(source, 0, "id " + std::to_string(index) + " is given to two tokens");
        taken[index] = true;
        table[index] = token;
    }
    return table;
}

}  // namespace uegr
