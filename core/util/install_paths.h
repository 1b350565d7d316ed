#pragma once
// Where the programs find their installed data. Everything is located relative to the running
// executable (<prefix>/bin/uegr -> <prefix>/share/uegr-studio), so the build tree (build/bin,
// build/share) and any install prefix, or a moved or unpacked package, work alike; nothing
// depends on the build machine's source folder.
#include <filesystem>
#include <string>

namespace uegr {

// The folder of the running executable (/proc/self/exe); empty if it cannot be read.
std::filesystem::path executableDirectory();

// <executable folder>/../share/uegr-studio.
std::filesystem::path sharedDataDirectory();

// <executable folder>/../share/doc/uegr: README.md and docs/, as the uegr package installs them.
std::filesystem::path documentationDirectory();

// The bundled demo dataset's folder (train.csv, dev.csv, test.csv): $UEGR_DEMO_DIR when set,
// otherwise sharedDataDirectory()/demo.
std::string demoDataDirectory();

}  // namespace uegr
