#pragma once
// Error types shared by every core module. Front ends map them to exit codes / dialogs:
// InputError and ConfigError are the user's to fix (CLI exit code 2), Error is anything else.
// Their what() is one line of at most kMaxMessageBytes, whatever input the message quotes.
#include <cstddef>
#include <stdexcept>
#include <string>

#include "util/message_text.h"

namespace uegr {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// A problem in an input file. what() reads "FILE:LINE: message" (or "FILE: message" when
// line is 0), the format compilers use, so editors and terminals can jump to it.
class InputError : public Error {
public:
    InputError(std::string file, std::size_t line, std::string message)
        : Error(format(file, line, message)), file_(std::move(file)), line_(line),
          message_(oneLine(message)) {}

    const std::string& file() const { return file_; }
    std::size_t line() const { return line_; }
    const std::string& message() const { return message_; }

    static std::string format(const std::string& file, std::size_t line, const std::string& message) {
        return oneLine(line > 0 ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message);
    }

private:
    std::string file_;
    std::size_t line_;
    std::string message_;
};

// A problem in a run configuration; key is the dotted JSON path, e.g. "uegr.dropout_max".
// The message is complete on its own and names the key, e.g.
// "uegr.dropout_max must be in [uegr.dropout_min, 1) (got 1.2)".
class ConfigError : public Error {
public:
    ConfigError(std::string key, const std::string& message)
        : Error(oneLine(message)), key_(std::move(key)) {}
    const std::string& key() const { return key_; }

private:
    std::string key_;
};

}  // namespace uegr
