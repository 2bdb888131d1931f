#include "cli_context.h"

#include "plan/experiment_plan.h"
#include "support/atomic_file.h"

namespace pacd::cli {

void addSpecCommand(CLI::App& app, GlobalOptions&) {
    auto file = std::make_shared<std::string>();
    auto scale = std::make_shared<std::string>("demo");
    auto* spec = app.add_subcommand(
        "spec", "Check an experiment spec (JSON, schema version 1) and print it with every default filled in; "
                "without --file, print a complete template for --scale. Errors name the field and what is allowed.");
    spec->add_option("--file", *file, "Spec to check");
    spec->add_option("--scale", *scale, "Template scale: demo (2-core CPU) or paper (GPU)")
        ->check(CLI::IsMember(namesOf<Scale>()))
        ->default_val("demo");
    spec->callback([file, scale] {
        const auto parsed = file->empty()
                                ? ExperimentSpec::fromJson(R"({"schema_version": 1, "scale": ")" + *scale + "\"}", "template")
                                : ExperimentSpec::fromJson(readFile(*file), *file);
        printJson(nlohmann::ordered_json::parse(resolve(parsed).spec.toJson()));
    });
}

} // namespace pacd::cli
