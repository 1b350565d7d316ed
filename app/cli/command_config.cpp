// `uegr config check FILE` and `uegr config defaults`.
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/commands.h"
#include "cli/config_warnings.h"
#include "cli/exit_codes.h"
#include "config/run_config.h"

namespace uegr::cli {

void registerConfigCommands(CLI::App& app, Action& action) {
    CLI::App* config = app.add_subcommand("config", "Validate and print run configs");
    config->require_subcommand(1);

    auto path = std::make_shared<std::string>();
    CLI::App* check = config->add_subcommand(
        "check", "Validate a run config and print it resolved (defaults filled in, data paths absolute)");
    check->add_option("FILE", *path, "Run config JSON")->required();
    check->callback([&action, path] {
        action = [path] {
            const RunConfig config = loadRunConfig(*path);
            printConfigWarnings(config, *path);
            std::cout << toJson(config).dump(2) << "\n";
            return kExitOk;
        };
    });

    CLI::App* defaults = config->add_subcommand("defaults", "Print the default run config");
    defaults->callback([&action] {
        action = [] {
            std::cout << toJson(RunConfig{}).dump(2) << "\n";
            return kExitOk;
        };
    });
}

}  // namespace uegr::cli
