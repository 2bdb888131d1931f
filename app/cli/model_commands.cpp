#include "cli_context.h"
#include "plan/vocabulary.h"

#include "models/checkpoint.h"
#include "models/classifier.h"

namespace pacd::cli {

void addModelCommands(CLI::App& app, GlobalOptions& options) {
    auto* models = app.add_subcommand("models", "List the architectures with their parameter counts, or describe a checkpoint");
    auto checkpoint = std::make_shared<std::string>();
    models->add_option("--checkpoint", *checkpoint,
                       "Describe this checkpoint instead (architecture, sigma, method, data set, a hash of its weights)");
    models->callback([checkpoint] {
        if (!checkpoint->empty()) {
            const auto loaded = loadCheckpoint(*checkpoint);
            const auto& info = loaded.info;
            printJson({{"checkpoint", *checkpoint},
                       {"arch", info.spec.arch},
                       {"input_shape", info.spec.inputShape},
                       {"num_classes", info.spec.numClasses},
                       {"sigma", info.sigma},
                       {"method", info.method},
                       {"dataset", info.dataset},
                       {"epoch", info.epoch},
                       {"seed", info.seed},
                       {"parameters", parameterCount(*loaded.model)},
                       {"weights_hash", weightsHash(*loaded.model)}});
            return;
        }
        // Each architecture on a data set it fits.
        std::vector<std::pair<std::string, std::string>> pairs;
        for (const auto& arch : namesOf<Arch>())
            for (const auto& dataset : namesOf<DatasetId>())
                if (archFits(parseName<Arch>(arch), parseName<DatasetId>(dataset))) {
                    pairs.emplace_back(arch, dataset);
                    break;
                }
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto& [arch, dataset] : pairs) {
            const auto spec = defaultModelSpec(arch, dataset);
            out.push_back({{"arch", arch},
                           {"dataset", dataset},
                           {"input_shape", spec.inputShape},
                           {"parameters", parameterCount(*makeClassifier(spec))}});
        }
        printJson(out);
    });
}

} // namespace pacd::cli
