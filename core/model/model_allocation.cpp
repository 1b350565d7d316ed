#include "model/model_allocation.h"

#include <cstdio>

#include "util/message_text.h"

namespace uegr {

std::string modelBuildFailure(const std::string& torchMessage) {
    // DefaultCPUAllocator: "... you tried to allocate 4398046511104 bytes. Error code 12 ..."
    const std::string marker = "tried to allocate ";
    const std::size_t at = torchMessage.find(marker);
    if (at != std::string::npos) {
        const double bytes = std::strtod(torchMessage.c_str() + at + marker.size(), nullptr);
        char size[32];
        std::snprintf(size, sizeof size, "%.1f GB", bytes / 1e9);
        return std::string("describes a model too large for memory (one tensor needs ") + size +
               "): check its dimensions";
    }
    std::string message = torchMessage.substr(0, torchMessage.find('\n'));
    // "[enforce fail at file.cpp:12] reason" -> "reason"
    if (message.rfind("[enforce fail at ", 0) == 0 && message.find("] ") != std::string::npos)
        message = message.substr(message.find("] ") + 2);
    return "describes a model that cannot be built (" + excerpt(message, 120) + "): check its dimensions";
}

}  // namespace uegr
