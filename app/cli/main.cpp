// pacd-cli: the headless front end. JSON on stdout, progress and logs on stderr, a one-line reason and a
// non-zero exit status on error.
#include "certify_command.h"
#include "cli_context.h"
#include "train_command.h"

#include "support/cancel.h"
#include "support/error.h"
#include "support/runtime.h"

#include <iostream>

int main(int argc, char** argv) {
    using namespace pacd::cli;
    CLI::App app{"pacd-cli: poisoning against certified defenses (PACD), headless.\n"
                 "Datasets live in --data-dir, else $PACD_DATA_DIR, else $XDG_DATA_HOME/pacd-studio/datasets "
                 "(default ~/.local/share/pacd-studio/datasets)."};
    app.set_version_flag("--version", std::string("pacd-cli ") + PACD_VERSION + " (LibTorch " + pacd::torchVersion() + ")");
    app.require_subcommand(1);
    app.fallthrough();
    GlobalOptions options;
    app.add_option("--data-dir", options.dataDir, "Data directory (overrides PACD_DATA_DIR)");
    app.add_option("--threads", options.threads, "LibTorch intra-op threads; 0 = one per core")->check(CLI::NonNegativeNumber);
    app.add_option("--device", options.device, "auto, cpu, cuda or cuda:N")->default_val("auto");
    app.add_flag("--events", options.events, "Progress as JSON lines on stderr instead of a progress bar");

    addDatasetCommands(app, options);
    addFetchCommand(app, options);
    addModelCommands(app, options);
    addDemoCommand(app, options);
    addCertifyCommands(app, options);
    addToyCommand(app, options);
    addTrainCommand(app, options);
    addPoisonCommands(app, options);
    addSpecCommand(app, options);
    addRunCommands(app, options);
    addSweepCommand(app, options);
    addResultsCommands(app, options);
    addDetectCommand(app, options);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const pacd::Cancelled&) {
        std::cerr << "pacd-cli: cancelled" << std::endl;
        return 130;
    } catch (const std::exception& e) {
        std::string message = e.what();
        // LibTorch errors carry a C++ backtrace after the first line; users need only the reason.
        message = message.substr(0, message.find('\n'));
        std::cerr << "pacd-cli: error: " << message << std::endl;
        return 1;
    }
    return 0;
}
