#include "util/atomic_file.h"

#include "util/error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

namespace uegr {
namespace {

std::string temporarySibling(const std::string& path) {
    std::random_device device;
    return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(device());
}

void syncFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    const std::filesystem::path target(path);
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
    const std::string temporary = temporarySibling(path);
    try {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw Error("cannot create " + temporary + ": " + std::strerror(errno));
        write(out);
        out.flush();
        if (!out) throw Error("cannot write " + temporary + ": " + std::strerror(errno));
        out.close();
        syncFile(temporary);
        std::filesystem::rename(temporary, target);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
}

void writeFileAtomically(const std::string& path, const std::string& content) {
    writeFileAtomically(path, [&content](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); });
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, 0, std::string("cannot open file: ") + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw InputError(path, 0, "read error");
    return buffer.str();
}

}  // namespace uegr
