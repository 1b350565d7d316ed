// uegr: the headless front end of UEGR Studio. Same engine, same JSON run config as the studio.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "util/error.h"
#include "util/message_text.h"
#include "util/openmp_wait_policy.h"
#include "util/runtime_info.h"

namespace {

void printVersion() {
    uegr::configureThreads(0);  // report the thread count a run with training.threads = 0 gets
    const uegr::RuntimeInfo info = uegr::runtimeInfo();
    std::cout << "uegr " << info.uegrVersion << "\n"
              << "LibTorch " << info.torchVersion << "\n"
              << "BLAS: " << info.blasKind << (info.blasLibrary.empty() ? "" : " (" + info.blasLibrary + ")") << "\n"
              << "threads: " << info.intraOpThreads << "\n"
              << "OpenMP wait policy: " << (info.openMpWaitPolicy.empty() ? "default" : info.openMpWaitPolicy) << "\n"
              << "CUDA: " << (info.cudaAvailable ? "available, " + std::to_string(info.cudaDevices) + " device(s)" : "not available")
              << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    uegr::ensurePassiveOpenMpWait(argv);
    CLI::App app{"uegr: train and evaluate UEGR text classifiers from a JSON run config", "uegr"};
    app.require_subcommand(0, 1);
    bool showVersion = false;
    app.add_flag("--version", showVersion, "Print versions of uegr, LibTorch and BLAS, threads and CUDA availability");

    uegr::cli::Action action;
    uegr::cli::registerDataCommands(app, action);
    uegr::cli::registerConfigCommands(app, action);
    uegr::cli::registerEvalCommands(app, action);
    uegr::cli::registerPredictCommands(app, action);
    uegr::cli::registerTrainCommand(app, action);
    uegr::cli::registerAttackCommand(app, action);
    uegr::cli::registerReportCommand(app, action);
    uegr::cli::registerSweepCommand(app, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? uegr::cli::kExitOk : uegr::cli::kExitBadInput;
    }
    try {
        if (showVersion) {
            printVersion();
            return uegr::cli::kExitOk;
        }
        if (!action) {  // `uegr` alone: usage on stderr, as for any other usage error
            std::cerr << app.help();
            return uegr::cli::kExitBadInput;
        }
        return action();
    } catch (const uegr::InputError& error) {
        std::cerr << uegr::oneLine(error.what()) << "\n";
        return uegr::cli::kExitBadInput;
    } catch (const uegr::ConfigError& error) {
        // Most messages start with their key already; name it where one does not.
        const std::string message = error.what();
        const bool namesKey = error.key().empty() || message.rfind(error.key(), 0) == 0;
        std::cerr << uegr::oneLine("config error: " + (namesKey ? "" : error.key() + ": ") + message) << "\n";
        return uegr::cli::kExitBadInput;
    } catch (const std::exception& error) {
        std::cerr << uegr::oneLine(std::string("error: ") + error.what()) << "\n";
        return uegr::cli::kExitFailure;
    }
}
