// A library that exports its own std::filesystem::remove_all, as upstream LibTorch's libtorch.so
// does, next to a function of its own that keeps it needed, as LibTorch's API does.
#include "fake_stdfs.h"

std::uintmax_t std::filesystem::remove_all(const std::filesystem::path&) {
    return 0;
}

int fakeLibraryAnswer() {
    return 42;
}
