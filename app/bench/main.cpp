// pacd-bench: speed and memory figures as JSON (never timed unit tests). Each subcommand prints one document.
#include "bench.h"

#include <iostream>

int main(int argc, char** argv) {
    using namespace pacd::bench;
    CLI::App app{"pacd-bench: throughput figures of the engine as JSON"};
    app.require_subcommand(1);
    app.fallthrough();
    BenchOptions options;
    app.add_option("--threads", options.threads, "LibTorch intra-op threads; 0 = one per core");
    app.add_option("--device", options.device, "auto, cpu, cuda or cuda:N");
    app.add_option("--data-dir", options.dataDir, "Data directory (real MNIST test points when present)");
    addModelsBench(app, options);
    addCertifyBench(app, options);
    addAttackBench(app, options);
    addTrainBench(app, options);
    addExperimentBench(app, options);
    addStageRatesBench(app, options);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const std::exception& e) {
        std::string message = e.what();
        std::cerr << "pacd-bench: error: " << message.substr(0, message.find('\n')) << std::endl;
        return 1;
    }
    return 0;
}
