#include "cli_context.h"

#include "results/report.h"
#include "results/results_store.h"
#include "support/atomic_file.h"
#include "support/error.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace pacd::cli {
namespace {

std::filesystem::path storePath(const std::string& store, const GlobalOptions& options) {
    return store.empty() ? ResultsStore::defaultPath(options.resolvedDataDir()) : std::filesystem::path(store);
}

// Reading commands do not create a store where none is (a mistyped --store would otherwise leave an empty one).
std::filesystem::path existingStore(const std::string& store, const GlobalOptions& options) {
    const auto file = storePath(store, options);
    require(std::filesystem::exists(file), "results store ", file,
            " does not exist (pacd-cli run creates it; --store FILE reads another)");
    return file;
}

} // namespace

void addResultsCommands(CLI::App& app, GlobalOptions& options) {
    auto* results =
        app.add_subcommand("results", "Browse and export the results store (SQLite; every `pacd-cli run` records there).");
    results->require_subcommand(1);
    auto store = std::make_shared<std::string>();
    results->add_option("--store", *store, "Results store (default: results.sqlite in the data directory)");

    auto asJson = std::make_shared<bool>(false);
    auto* list = results->add_subcommand("list", "Every run, newest first: id, status, name, mean ACR clean / poisoned.");
    list->add_option("--store", *store, "Results store");
    list->add_flag("--json", *asJson, "Print JSON");
    list->callback([&options, store, asJson] {
        const auto file = storePath(*store, options);
        const auto rows = std::filesystem::exists(file) ? ResultsStore(file).list() : std::vector<RunListing>{};
        if (*asJson) {
            auto out = nlohmann::ordered_json::array();
            for (const auto& r : rows)
                out.push_back({{"id", r.id},
                               {"name", r.name},
                               {"preset", r.preset},
                               {"status", r.status},
                               {"started_at", r.startedAt},
                               {"wall_seconds", r.wallSeconds},
                               {"acr_clean", r.acrClean},
                               {"acr_poison", r.acrPoison}});
            return printJson(out);
        }
        std::printf("%4s  %-9s  %-20s  %-16s  %-28s  %9s  %9s\n", "id", "status", "started", "preset", "name", "ACR clean",
                    "ACR pois.");
        for (const auto& r : rows) {
            const auto acr = [](double v) { return v < 0 ? std::string("-") : std::to_string(v).substr(0, 5); };
            std::printf("%4lld  %-9s  %-20s  %-16s  %-28s  %9s  %9s\n", static_cast<long long>(r.id), r.status.c_str(),
                        r.startedAt.c_str(), r.preset.c_str(), r.name.substr(0, 28).c_str(), acr(r.acrClean).c_str(),
                        acr(r.acrPoison).c_str());
        }
    });

    auto showId = std::make_shared<std::int64_t>(0);
    auto* show = results->add_subcommand("show", "One run: spec, environment, per-victim metrics, stage timings, artefacts.");
    show->add_option("id", *showId, "Run id (see results list)")->required();
    show->add_option("--store", *store, "Results store");
    show->add_flag("--json", *asJson, "Print the whole record as JSON");
    show->callback([&options, store, showId, asJson] {
        const ResultsStore db(existingStore(*store, options));
        const auto run = db.get(*showId);
        if (*asJson) return printJson(nlohmann::ordered_json::parse(run.toJson()));
        std::cout << "run " << run.id << ": " << run.name << " (" << run.status << (run.error.empty() ? "" : ": " + run.error)
                  << ")\n"
                  << "started " << run.startedAt << ", finished " << run.finishedAt << ", " << run.wallSeconds << " s\n"
                  << "work dir " << run.workDir << "\n\n"
                  << renderReport({run}, ReportFormat::Markdown) << "\nvictims:\n";
        for (const auto& v : run.victims)
            std::printf("  %-10s seed %-3lld ACR %.3f  ACA %.3f  mean pA %.3f  at cap %.2f  base acc %.3f  train %.0f s  certify "
                        "%.0f s\n",
                        v.data.c_str(), static_cast<long long>(v.seed), v.acr, v.aca, v.meanPA, v.fractionAtCap, v.baseAccuracy,
                        v.trainSeconds, v.certifySeconds);
        std::cout << "\nstages:\n";
        for (const auto& t : run.timings)
            std::printf("  %-40s %8.1f s%s\n", t.stage.c_str(), t.seconds, t.reused ? "  (reused)" : "");
    });

    auto exportIds = std::make_shared<std::vector<std::int64_t>>();
    auto format = std::make_shared<std::string>("markdown");
    auto out = std::make_shared<std::string>();
    auto* exporter =
        results->add_subcommand("export", "Runs as a paper-style table (markdown, latex: mean ± s.d. per data kind), "
                                          "CSV (one line per victim) or JSON (full records).");
    exporter->add_option("ids", *exportIds, "Run ids")->required();
    exporter->add_option("--format", *format, "csv, json, markdown or latex")->default_val("markdown");
    exporter->add_option("--out", *out, "Write to this file (atomically) instead of stdout");
    exporter->add_option("--store", *store, "Results store");
    exporter->callback([&options, store, exportIds, format, out] {
        const auto kind = parseReportFormat(*format);
        const ResultsStore db(existingStore(*store, options));
        std::vector<RunRecord> runs;
        for (const auto id : *exportIds)
            runs.push_back(db.get(id));
        const auto text = renderReport(runs, kind);
        if (out->empty())
            std::cout << text;
        else
            writeTextAtomically(*out, text);
    });

    auto other = std::make_shared<std::string>();
    auto* merge =
        results->add_subcommand("merge", "Copy every run of another store into this one (Slurm array tasks write one each); "
                                         "merging again refreshes runs merged before instead of doubling them.");
    merge->add_option("file", *other, "The other store")->required();
    merge->add_option("--store", *store, "Results store to merge into");
    merge->callback([&options, store, other] {
        ResultsStore db(storePath(*store, options));
        const auto counts = db.merge(*other);
        printJson({{"added", counts.added},
                   {"updated", counts.updated},
                   {"unchanged", counts.unchanged},
                   {"from", *other},
                   {"into", db.file().string()}});
    });

    auto deleteIds = std::make_shared<std::vector<std::int64_t>>();
    auto* remove = results->add_subcommand(
        "delete", "Delete runs from the store (their rows only; artefact files stay in the work folder).");
    remove->add_option("ids", *deleteIds, "Run ids")->required();
    remove->add_option("--store", *store, "Results store");
    remove->callback([&options, store, deleteIds] {
        ResultsStore db(existingStore(*store, options));
        std::sort(deleteIds->begin(), deleteIds->end());
        deleteIds->erase(std::unique(deleteIds->begin(), deleteIds->end()), deleteIds->end());
        for (const auto id : *deleteIds)
            db.get(id); // every id exists, or nothing is deleted
        for (const auto id : *deleteIds)
            db.remove(id);
        printJson({{"deleted", *deleteIds}, {"store", db.file().string()}});
    });
}

} // namespace pacd::cli
