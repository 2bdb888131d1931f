#include "run_command.h"

#include "experiment/runner.h"
#include "interrupt_scope.h"
#include "plan/presets.h"
#include "results/recorded_run.h"
#include "results/report.h"
#include "results/results_store.h"
#include "support/atomic_file.h"
#include "support/cancel.h"
#include "support/error.h"
#include "support/paths.h"

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace pacd::cli {

std::vector<std::pair<ExperimentSpec, std::string>> specsOf(const RunArgs& args) {
    std::vector<std::pair<ExperimentSpec, std::string>> out;
    require(args.specFiles.empty() != args.preset.empty(), "give either --spec FILE (one or more) or --preset NAME");
    for (const auto& file : args.specFiles)
        out.emplace_back(ExperimentSpec::fromJson(readFile(file), file), "");
    if (!args.preset.empty()) {
        const auto& preset = findPreset(args.preset);
        for (auto& spec : preset.specs(args.scale))
            if (args.only.empty() || spec.name == args.only) out.emplace_back(spec, preset.name);
        require(!out.empty(), "--only '", args.only, "' names no row of preset ", preset.name);
    }
    if (!args.precision.empty())
        for (auto& entry : out)
            entry.first.precision = args.precision;
    return out;
}

namespace {

std::string fixed(double value, int digits) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << value;
    return out.str();
}

// "Table 2"-style lines on stderr: mean ± s.d. per data kind.
void printTable(const RunRecord& record) {
    std::cerr << "\n" << (record.name.empty() ? std::string("run") : record.name) << " (" << record.precision() << ")\n";
    std::cerr << "  data        victims  ACR              ACA (%)          base acc. (%)\n";
    for (const auto& s : record.summaries()) {
        std::ostringstream line;
        line << "  " << std::left << std::setw(12) << s.data << std::setw(9) << s.victims << std::setw(17)
             << (fixed(s.acrMean, 3) + " ± " + fixed(s.acrSd, 3)) << fixed(100 * s.acaMean, 2) << " ± " << std::setw(9)
             << fixed(100 * s.acaSd, 2) << fixed(100 * s.baseAccuracyMean, 2) << " ± " << fixed(100 * s.baseAccuracySd, 2);
        std::cerr << line.str() << "\n";
    }
    std::cerr << "  (" << kSpreadConvention << ")\n";
}

nlohmann::ordered_json summaryJson(const RunRecord& record) {
    auto rows = nlohmann::ordered_json::array();
    for (const auto& s : record.summaries())
        rows.push_back({{"data", s.data},
                        {"victims", s.victims},
                        {"acr_mean", s.acrMean},
                        {"acr_sd", s.acrSd},
                        {"aca_mean", s.acaMean},
                        {"aca_sd", s.acaSd},
                        {"base_accuracy_mean", s.baseAccuracyMean},
                        {"pgd_mean", s.pgdMean}});
    return {{"id", record.id},
            {"name", record.name},
            {"status", record.status},
            {"work_dir", record.workDir},
            {"wall_seconds", record.wallSeconds},
            {"acr_drop", record.acrDrop()},
            {"precision", record.precision()},
            {"summary", rows}};
}

// Runs one spec with the store kept up to date: a row when it starts (reused when an unfinished run of the same
// spec is resumed), its status and results when it ends, whatever the ending.
RunRecord runOne(const ExperimentSpec& spec, const std::string& preset, const RunArgs& args, const GlobalOptions& options,
                 ResultsStore* store, CancelToken& cancel) {
    RunOptions runOptions;
    runOptions.workRoot = args.workRoot;
    runOptions.dataDir = options.resolvedDataDir();
    runOptions.device = options.device;
    runOptions.fresh = args.fresh;
    runOptions.certifyBatch = args.certifyBatch;
    ExperimentRunner runner(spec, runOptions);
    RecordedRun recorded(store, {runner.spec().name, runner.spec().toJson(), runner.runDir(), preset, runOptions.certifyBatch});
    try {
        RunObserver observer;
        observer.progress = terminalProgress(options);
        // Said on stderr, so that a Slurm task's log shows it shares the stage with another task.
        observer.stageWaiting = [](const StagePlan& stage) {
            std::cerr << "pacd-cli: waiting for stage '" << stage.name << "': another process is computing " << stage.dir.string()
                      << " (it is then reused)" << std::endl;
        };
        return recorded.finish(runner.run(cancel, observer));
    } catch (const Cancelled& stop) {
        recorded.cancelled(stoppedStatus(stop.reason()));
        throw;
    } catch (const std::exception& e) {
        recorded.failed(e.what());
        throw;
    }
}

} // namespace

void addRunOptions(CLI::App* command, RunArgs& args) {
    command->add_option("--spec", args.specFiles, "Experiment spec file(s) (JSON; see `pacd-cli spec`)");
    command->add_option("--preset", args.preset, "A preset (see `pacd-cli presets`)");
    command->add_option("--scale", args.scale, "Preset scale: demo (2-core CPU) or paper (GPU)")
        ->check(CLI::IsMember(namesOf<Scale>()))
        ->default_val("demo");
    command->add_option("--only", args.only, "Run only the preset row with this name");
    command->add_option("--work", args.workRoot, "Artefact folder shared by runs (default: the state dir's runs/)");
    command->add_option("--store", args.store, "Results store (default: results.sqlite in the data directory)");
    command->add_flag("--no-store", args.noStore, "Do not record the run in the results store");
    command->add_flag("--fresh", args.fresh, "Discard this spec's artefacts and start over");
    command
        ->add_option("--certify-batch", args.certifyBatch,
                     "Noisy samples per noise draw while certifying (part of the results' address; the forward-pass "
                     "size is probed per device and only changes speed)")
        ->default_val(1000);
    command
        ->add_option(
            "--precision", args.precision,
            "Arithmetic of attack, training and certification, overriding the spec's: fp32 (exact reference), "
            "bf16 (autocast; the certificate is for the smoothed bf16 model) or auto (bf16 on CPUs with AMX or AVX512-BF16 and "
            "CUDA >= 8.0)")
        ->check(CLI::IsMember(namesOf<Precision>()));
}

void runAll(const RunArgs& args, const GlobalOptions& options) {
    options.applyThreads();
    const auto specs = specsOf(args);
    std::unique_ptr<ResultsStore> store;
    if (!args.noStore)
        store = std::make_unique<ResultsStore>(args.store.empty() ? ResultsStore::defaultPath(options.resolvedDataDir())
                                                                  : std::filesystem::path(args.store));
    CancelToken cancel;
    auto results = nlohmann::ordered_json::array();
    try {
        const InterruptScope interrupts(cancel);
        for (const auto& [spec, preset] : specs) {
            const auto record = runOne(spec, preset, args, options, store.get(), cancel);
            printTable(record);
            results.push_back(summaryJson(record));
        }
    } catch (const Cancelled&) {
        std::cerr << "\nstopped after a checkpoint; run the same command again to resume\n";
        printJson({{"status", "cancelled"}, {"runs", results}});
        throw CLI::RuntimeError(130);
    }
    printJson({{"status", "finished"}, {"store", store ? store->file().string() : ""}, {"runs", results}});
}

void addRunCommands(CLI::App& app, GlobalOptions& options) {
    auto args = std::make_shared<RunArgs>();
    auto* run = app.add_subcommand(
        "run", "Run an experiment end to end: poison -> retrain victims on clean, watermarked and poisoned data -> certify -> "
               "mean +- s.d. of the target class's ACR and ACA (Tables 2-4). Every stage checkpoints: the same command resumes "
               "where it stopped; Ctrl-C stops after a checkpoint. Several specs (or a preset's rows) run one after another.");
    addRunOptions(run, *args);
    run->callback([&options, args] { runAll(*args, options); });

    auto* list = app.add_subcommand("presets", "List the presets: what each reproduces and its expected cost at each scale.");
    auto asJson = std::make_shared<bool>(false);
    list->add_flag("--json", *asJson, "Print JSON instead of a table");
    list->callback([asJson] {
        auto out = nlohmann::ordered_json::array();
        for (const auto& preset : presets()) {
            const auto specs = preset.specs("demo");
            out.push_back({{"name", preset.name},
                           {"reproduces", preset.reproduces},
                           {"description", preset.description},
                           {"specs", specs.size()},
                           {"dataset", specs.front().dataset},
                           {"demo_minutes_cpu", std::round(preset.expectedMinutes("demo"))},
                           {"paper_hours_gpu", std::round(preset.expectedMinutes("paper") / 6.0) / 10.0},
                           {"paper_hours_gpu_measured", false}});
        }
        if (*asJson) return printJson(out);
        std::printf("%-15s %-22s %5s %14s %14s\n", "preset", "reproduces", "specs", "demo (CPU min)", "paper (GPU h)*");
        for (const auto& p : out)
            std::printf("%-15s %-22s %5d %14.0f %14.1f\n", p["name"].get<std::string>().c_str(),
                        p["reproduces"].get<std::string>().c_str(), p["specs"].get<int>(), p["demo_minutes_cpu"].get<double>(),
                        p["paper_hours_gpu"].get<double>());
        std::printf("\nCPU estimates from per-stage rates measured at demo scale on a 2-core CPU.\n"
                    "* GPU: an unmeasured guess (the CPU rates x 60) until scripts/gpu-check.sh has run on a GPU server\n"
                    "  (README \"GPU server\"). Details: pacd-cli presets --json. Run one: pacd-cli run --preset NAME --scale "
                    "demo|paper\n");
    });
}

} // namespace pacd::cli
