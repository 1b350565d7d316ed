#include "util/atomic_file.h"

#include "util/error.h"

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <streambuf>

namespace uegr {
namespace {

std::string temporarySibling(const std::string& path) {
    std::random_device device;
    return path + kTemporaryMarker + std::to_string(::getpid()) + "-" + std::to_string(device());
}

Error writeError(const std::string& path, int error) {
    return Error("cannot write " + path + ": " + std::strerror(error));
}

// A stream buffer over a POSIX file descriptor that remembers the first write error, which
// std::ofstream does not report.
class DescriptorBuffer : public std::streambuf {
public:
    explicit DescriptorBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
    int error() const { return error_; }

protected:
    int_type overflow(int_type c) override {
        if (sync() != 0) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

    std::streamsize xsputn(const char* data, std::streamsize size) override {
        if (size < epptr() - pptr()) return std::streambuf::xsputn(data, size);
        if (sync() != 0 || (error_ = writeFully(fd_, data, static_cast<std::size_t>(size))) != 0) return 0;
        return size;
    }

    int sync() override {
        if (error_ == 0) error_ = writeFully(fd_, pbase(), static_cast<std::size_t>(pptr() - pbase()));
        setp(buffer_, buffer_ + sizeof buffer_);
        return error_ == 0 ? 0 : -1;
    }

private:
    int fd_;
    int error_ = 0;
    char buffer_[1 << 16];
};

// Writes the temporary file completely and fsyncs it; returns 0 or the errno that failed.
int writeTemporary(const std::string& temporary, const std::function<void(std::ostream&)>& write) {
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return errno;
    DescriptorBuffer buffer(fd);
    std::ostream out(&buffer);
    try {
        write(out);
    } catch (...) {
        ::close(fd);
        throw;
    }
    out.flush();
    int error = buffer.error();
    if (error == 0 && !out) error = EIO;
    if (error == 0 && ::fsync(fd) != 0) error = errno;
    if (::close(fd) != 0 && error == 0) error = errno;
    return error;
}

}  // namespace

int writeFully(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return written < 0 ? errno : ENOSPC;
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return 0;
}

bool isTemporaryName(const std::string& fileName) {
    return fileName.find(kTemporaryMarker) != std::string::npos;
}

void syncDirectory(const std::string& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw Error("cannot open folder " + dir + ": " + std::strerror(errno));
    const int error = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    if (error != 0 && error != EINVAL) throw Error("cannot sync folder " + dir + ": " + std::strerror(error));
}

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    const std::filesystem::path target(path);
    const std::string parent = target.parent_path().string();
    std::error_code created;
    if (!parent.empty()) std::filesystem::create_directories(parent, created);
    if (created) throw Error("cannot create folder " + parent + ": " + created.message());
    const std::string temporary = temporarySibling(path);
    try {
        if (const int error = writeTemporary(temporary, write)) throw writeError(path, error);
        if (::rename(temporary.c_str(), path.c_str()) != 0) throw writeError(path, errno);
    } catch (...) {
        ::unlink(temporary.c_str());
        throw;
    }
    syncDirectory(parent);
}

void writeFileAtomically(const std::string& path, const std::string& content) {
    writeFileAtomically(path, [&content](std::ostream& out) {
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
    });
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
