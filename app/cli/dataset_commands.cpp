#include "cli_context.h"

#include "data/catalog.h"
#include "data/image_folder.h"

namespace pacd::cli {

void addDatasetCommands(CLI::App& app, GlobalOptions& options) {
    auto* list = app.add_subcommand("datasets", "List the known data sets, whether each is present, and where");
    list->callback([&options] {
        const auto dataDir = options.resolvedDataDir();
        nlohmann::ordered_json out{{"data_dir", dataDir.string()},
                                   {"image_folders_supported", imageFolderSupported()},
                                   {"datasets", nlohmann::ordered_json::array()}};
        for (const auto& entry : knownDatasets()) {
            const auto status = datasetStatus(entry.name, dataDir);
            nlohmann::ordered_json item{{"name", entry.name}, {"description", entry.description}, {"present", status.present}};
            item["path"] =
                status.dir.empty() ? nlohmann::ordered_json("(generated)") : nlohmann::ordered_json(status.dir.string());
            if (!status.present) {
                item["missing"] = status.missing;
                item["how_to_get"] = entry.howToGet;
            }
            out["datasets"].push_back(item);
        }
        printJson(out);
    });

    struct InfoArgs {
        std::string dataset, split = "train";
        std::uint64_t seed = 0;
        std::int64_t validation = 5000;
    };
    auto args = std::make_shared<InfoArgs>();
    auto* info = app.add_subcommand(
        "dataset-info",
        "Print a data set split's size, image shape and class counts as JSON.\n"
        "Splits: 'train' is the whole official training file (MNIST: 60,000); the paper (App. E.1) divides it, with a "
        "seeded uniform split, into 'paper-train' (MNIST 55,000, CIFAR-10 45,000) and 'val' (5,000: the attack's "
        "upper-level data); 'test' is the official test file; 'all' is training + test file.");
    info->add_option("--dataset", args->dataset, "Data set name (see 'pacd-cli datasets')")->required();
    info->add_option("--split", args->split, "train | paper-train | val | test | all")
        ->check(CLI::IsMember(splitNames()))
        ->default_val("train");
    info->add_option("--split-seed", args->seed, "Seed of the train/validation split")->default_val(0);
    info->add_option("--validation-count", args->validation, "Size of the validation part")->default_val(5000);
    info->callback([&options, args] {
        const auto data =
            loadSplit(args->dataset, args->split, options.resolvedDataDir(), SplitConfig{args->validation, args->seed});
        auto shape = data.images.sizes().vec();
        shape.erase(shape.begin());
        printJson({{"name", args->dataset},
                   {"split", args->split},
                   {"count", data.size()},
                   {"shape", shape},
                   {"class_counts", data.classCounts()},
                   {"class_names", data.classNames}});
    });
}

} // namespace pacd::cli
