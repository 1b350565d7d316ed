#pragma once
// Each `uegr` sub-command registers itself on the CLI11 app. `action` is set to the code that
// runs when the sub-command was chosen; it returns the process exit code (see exit_codes.h).
#include <CLI/CLI.hpp>

#include <functional>

namespace uegr::cli {

using Action = std::function<int()>;

void registerDataCommands(CLI::App& app, Action& action);
void registerConfigCommands(CLI::App& app, Action& action);
void registerEvalCommands(CLI::App& app, Action& action);
void registerPredictCommands(CLI::App& app, Action& action);
void registerTrainCommand(CLI::App& app, Action& action);
void registerAttackCommand(CLI::App& app, Action& action);
void registerReportCommand(CLI::App& app, Action& action);
void registerSweepCommand(CLI::App& app, Action& action);

}  // namespace uegr::cli
