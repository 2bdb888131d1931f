// pacd-bench experiment: wall time of a whole experiment (default: the demo-scale Table 2 row, MNIST, GA, σ = 0.25)
// by stage, in a fresh work folder so that nothing is reused.
#include "bench.h"

#include "experiment/runner.h"
#include "plan/presets.h"
#include "plan/vocabulary.h"
#include "support/cancel.h"
#include "support/paths.h"
#include "support/runtime.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <map>

namespace pacd::bench {

void addExperimentBench(CLI::App& app, BenchOptions& options) {
    auto preset = std::make_shared<std::string>("table2-mnist");
    auto row = std::make_shared<std::string>("mnist σ=0.25");
    auto scale = std::make_shared<std::string>("demo");
    auto seeds = std::make_shared<std::int64_t>(0);
    auto* command =
        app.add_subcommand("experiment", "Wall time of one experiment row end to end, by stage kind (a fresh work "
                                         "folder: nothing reused). Default: Table 2's MNIST σ = 0.25 row at demo scale.");
    command->add_option("--preset", *preset, "Preset")->default_val("table2-mnist");
    command->add_option("--row", *row, "Row of the preset")->default_val("mnist σ=0.25");
    command->add_option("--scale", *scale, "demo or paper")->default_val("demo");
    command->add_option("--seeds", *seeds, "Override the number of victims per data kind (0 = the scale's)")->default_val(0);
    command->callback([&options, preset, row, scale, seeds] {
        configureThreads(options.threads);
        ExperimentSpec spec;
        bool found = false;
        for (const auto& candidate : findPreset(*preset).specs(*scale))
            if (candidate.name == *row) {
                spec = candidate;
                found = true;
            }
        if (!found) throw CLI::ValidationError("--row", "no row '" + *row + "' in preset " + *preset);
        if (*seeds > 0) spec.seeds = *seeds;
        const auto work = std::filesystem::temp_directory_path() / ("pacd-bench-experiment-" + std::to_string(::getpid()));
        RunOptions runOptions;
        runOptions.workRoot = work;
        runOptions.dataDir = resolveDataDir(options.dataDir);
        runOptions.device = options.device;
        ExperimentRunner runner(spec, runOptions);
        CancelToken cancel;
        const auto start = Clock::now();
        const auto record = runner.run(cancel);
        const double wall = secondsSince(start);

        // One timing per planned stage, in plan order.
        const auto stages = runner.stages();
        std::map<std::string, double> byKind;
        double stagesTotal = 0;
        for (std::size_t i = 0; i < record.timings.size() && i < stages.size(); ++i) {
            byKind[nameOf(stages[i].kind)] += record.timings[i].seconds;
            stagesTotal += record.timings[i].seconds;
        }
        std::filesystem::remove_all(work);
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const auto& s : record.summaries())
            rows.push_back({{"data", s.data}, {"acr", s.acrMean}, {"acr_sd", s.acrSd}, {"aca", s.acaMean}, {"aca_sd", s.acaSd}});
        nlohmann::ordered_json out{{"preset", *preset},
                                   {"row", *row},
                                   {"scale", *scale},
                                   {"device", describeDevice(parseDevice(options.device))},
                                   {"threads", torch::get_num_threads()},
                                   {"seeds", runner.plan().seeds},
                                   {"wall_seconds", wall},
                                   {"seconds_by_stage", byKind},
                                   {"stages_over_wall", stagesTotal / wall},
                                   {"acr_drop", record.acrDrop()},
                                   {"summary", rows}};
        std::cout << out.dump(2) << std::endl;
    });
}

} // namespace pacd::bench
