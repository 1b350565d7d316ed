// Calls std::filesystem::remove_all, the function that upstream LibTorch's copy broke, in a program
// that also needs tests/link/fake_stdfs.cpp. Built once in the bad link order and once as every
// project binary is (see tests/link.cmake).
#include <iostream>

#include "fake_stdfs.h"

int main(int argc, char** argv) {
    if (fakeLibraryAnswer() != 42) return 1;
    std::cout << std::filesystem::remove_all(argc > 1 ? argv[1] : "") << '\n';
    return 0;
}
