#pragma once

namespace uegr::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;      // something went wrong while running (I/O, numerical)
constexpr int kExitBadInput = 2;     // bad command line, config or input file: the user's to fix
constexpr int kExitInterrupted = 130;

}  // namespace uegr::cli
