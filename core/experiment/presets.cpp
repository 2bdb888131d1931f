#include "experiment/presets.h"

#include "experiment/cost_model.h"

#include "experiment/runner.h"
#include "support/error.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace pacd {
namespace {

ExperimentSpec base(const std::string& name, const std::string& dataset, const std::string& defense, double sigma) {
    ExperimentSpec spec;
    spec.name = name;
    spec.dataset = dataset;
    spec.target = dataset == "toy-gaussians" ? 0 : 8; // digit 8 / "ship"; the toy poisons class y = −1
    spec.poisonDefense = defense;
    spec.retrainDefense = defense;
    spec.sigma = sigma;
    return spec;
}

std::string sigmaText(double sigma) {
    std::ostringstream out;
    out << sigma;
    return out.str();
}

std::vector<double> sigmasOf(const std::string& dataset) {
    return dataset == "cifar10" ? std::vector<double>{0.25, 0.5} : std::vector<double>{0.25, 0.5, 0.75};
}

// Tables 2-4: one defense, clean / watermarked / poisoned victims at every σ of the table.
std::vector<ExperimentSpec> defenseTable(const std::string& dataset, const std::string& defense) {
    std::vector<ExperimentSpec> specs;
    for (const double sigma : sigmasOf(dataset)) specs.push_back(base(dataset + " σ=" + sigmaText(sigma), dataset, defense, sigma));
    return specs;
}

// Table 1: poisons optimised against standard training, victims trained four ways; the base classifier's
// accuracy on the target class is the table's number.
std::vector<ExperimentSpec> table1(const std::string& dataset) {
    std::vector<ExperimentSpec> specs;
    for (const std::string victim : {"standard", "ga", "smoothadv", "macer"}) {
        auto spec = base(dataset + " " + victim, dataset, "standard", 0.25);
        spec.retrainDefense = victim;
        spec.watermark = false;
        specs.push_back(spec);
    }
    return specs;
}

std::vector<ExperimentSpec> table5(const std::string& dataset) {
    auto specs = defenseTable(dataset, "ga");
    for (auto& spec : specs) {
        spec.measurePgd = true;
        spec.watermark = false;
    }
    return specs;
}

std::vector<ExperimentSpec> transfer(const std::string& dataset, double sigma) {
    std::vector<ExperimentSpec> specs;
    for (const std::string poison : {"ga", "macer", "smoothadv"})
        for (const std::string victim : {"ga", "macer", "smoothadv"}) {
            auto spec = base(dataset + " " + poison + "→" + victim, dataset, poison, sigma);
            spec.retrainDefense = victim;
            spec.watermark = false;
            specs.push_back(spec);
        }
    return specs;
}

std::vector<ExperimentSpec> everyClass(const std::string& dataset) {
    std::vector<ExperimentSpec> specs;
    for (std::int64_t target = 0; target < 10; ++target) {
        auto spec = base(dataset + " class " + std::to_string(target), dataset, "ga", 0.25);
        spec.target = target;
        spec.watermark = false;
        specs.push_back(spec);
    }
    return specs;
}

const std::vector<Preset> kPresets{
    {"table1-mnist", "Table 1 (MNIST)",
     "Poisons optimised against standard training hurt standard victims but not GA / SmoothAdv / MACER ones: compare the "
     "victims' base accuracy on digit 8 (clean vs poisoned).",
     [] { return table1("mnist"); }},
    {"table1-cifar10", "Table 1 (CIFAR-10)", "As table1-mnist on CIFAR-10, class ship.", [] { return table1("cifar10"); }},
    {"table2-mnist", "Table 2 (MNIST)", "Gaussian augmentation, σ ∈ {0.25, 0.5, 0.75}: ACR / ACA of digit 8 for clean, "
     "watermarked and poisoned victims.", [] { return defenseTable("mnist", "ga"); }},
    {"table2-cifar10", "Table 2 (CIFAR-10)", "Gaussian augmentation, σ ∈ {0.25, 0.5}, class ship.",
     [] { return defenseTable("cifar10", "ga"); }},
    {"table3-mnist", "Table 3 (MNIST)", "MACER (poisoning k = 2, retraining k = 16), σ ∈ {0.25, 0.5, 0.75}.",
     [] { return defenseTable("mnist", "macer"); }},
    {"table3-cifar10", "Table 3 (CIFAR-10)", "MACER, σ ∈ {0.25, 0.5}, class ship.", [] { return defenseTable("cifar10", "macer"); }},
    {"table4-mnist", "Table 4 (MNIST)", "SmoothAdv (2-step PGD, m = 1), σ ∈ {0.25, 0.5, 0.75}.",
     [] { return defenseTable("mnist", "smoothadv"); }},
    {"table4-cifar10", "Table 4 (CIFAR-10)", "SmoothAdv, σ ∈ {0.25, 0.5}, class ship.", [] { return defenseTable("cifar10", "smoothadv"); }},
    {"table5-mnist", "Table 5 (MNIST)", "Mean ℓ2 PGD distortion against the smoothed GA victims, clean vs poisoned (the "
     "boundary moves toward the target class).", [] { return table5("mnist"); }},
    {"table5-cifar10", "Table 5 (CIFAR-10)", "As table5-mnist on CIFAR-10.", [] { return table5("cifar10"); }},
    {"table7", "Table 7 (App. D.5)",
     "Weight decay {0, 1e-4, 1e-2, 1e-1} for standard and GA victims (σ = 0.5) on poisons made against GA; 3 seeds.",
     [] {
         std::vector<ExperimentSpec> specs;
         for (const std::string victim : {"standard", "ga"})
             for (const double decay : {0.0, 1e-4, 1e-2, 1e-1}) {
                 std::ostringstream name;
                 name << "mnist " << victim << " wd=" << decay;
                 auto spec = base(name.str(), "mnist", "ga", 0.5);
                 spec.retrainDefense = victim;
                 spec.weightDecay = decay;
                 spec.seeds = 3;
                 spec.watermark = false;
                 specs.push_back(spec);
             }
         return specs;
     }},
    {"fig3", "Fig. 3", "ε ∈ {0, 0.1, 0.2, 0.3} against GA on MNIST (σ = 0.25): larger ε, smaller ACR, visible poisons.",
     [] {
         std::vector<ExperimentSpec> specs;
         for (const double epsilon : {0.0, 0.1, 0.2, 0.3}) {
             auto spec = base("mnist ε=" + sigmaText(epsilon), "mnist", "ga", 0.25);
             spec.epsilon = epsilon;
             spec.watermark = false;
             specs.push_back(spec);
         }
         return specs;
     }},
    {"fig4-mnist", "Fig. 4 (MNIST)", "Transfer: poisons made against GA / MACER / SmoothAdv, victims trained with each (σ = 0.5).",
     [] { return transfer("mnist", 0.5); }},
    {"fig4-cifar10", "Fig. 4 (CIFAR-10)", "Transfer matrix on CIFAR-10 (σ = 0.25).", [] { return transfer("cifar10", 0.25); }},
    {"fig6-mnist", "Fig. 6 (MNIST)", "Every digit as the target class (GA, σ = 0.25); clean victims are shared.",
     [] { return everyClass("mnist"); }},
    {"fig6-cifar10", "Fig. 6 (CIFAR-10)", "Every class as the target (GA, σ = 0.25).", [] { return everyClass("cifar10"); }},
    {"fig7", "Fig. 7 (App. D.4)", "Poisons made on ResNet-20 against ResNet-20 / 56 / 110 victims (GA, σ = 0.5, 3 seeds).",
     [] {
         std::vector<ExperimentSpec> specs;
         for (const std::string arch : {"resnet20", "resnet56", "resnet110"}) {
             auto spec = base("cifar10 " + arch, "cifar10", "ga", 0.5);
             spec.poisonArch = "resnet20";
             spec.retrainArch = arch;
             spec.seeds = 3;
             spec.watermark = false;
             specs.push_back(spec);
         }
         return specs;
     }},
    {"appD2-toy", "Table 6 (App. D.2)",
     "The two-Gaussian toy with logistic regression: ACR of class −1 falls by about ε/√2 (analytic 0.4243 → 0.3536).",
     [] {
         std::vector<ExperimentSpec> specs;
         for (const double sigma : {0.25, 0.5, 0.75}) {
             auto spec = base("toy σ=" + sigmaText(sigma), "toy-gaussians", "ga", sigma);
             spec.watermark = false;
             specs.push_back(spec);
         }
         return specs;
     }},
    {"appD6", "App. D.6", "1 % targeted poisoning: the 500 bird images nearest to each of 5 bird test images (ε = 0.06, GA, "
     "σ = 0.25, 3 seeds); the paper: radius 0.63 → 0.26.",
     [] {
         auto spec = base("cifar10 bird points", "cifar10", "ga", 0.25);
         spec.target = 2;
         spec.mode = "points";
         spec.watermark = false;
         spec.seeds = 3;
         return std::vector<ExperimentSpec>{spec};
     }},
    {"appD6-mnist", "App. D.6 on MNIST", "The 1 % targeted setting on MNIST digit 8 (600 poisons per target point at paper scale).",
     [] {
         auto spec = base("mnist 8 points", "mnist", "ga", 0.25);
         spec.mode = "points";
         spec.watermark = false;
         return std::vector<ExperimentSpec>{spec};
     }},
};

} // namespace

std::vector<ExperimentSpec> Preset::specs(const std::string& scale) const {
    require(scale == "demo" || scale == "paper", "preset ", name, ": scale '", scale, "' is not one of demo, paper");
    auto specs = build();
    for (auto& spec : specs) {
        spec.scale = scale;
        // The paper's own seed counts stay at paper scale; demo runs two victims per data kind at most.
        if (scale == "demo" && spec.seeds > 2) spec.seeds = 2;
        spec.applyDefaults();
        if (name == "appD6-mnist" && scale == "paper") spec.poisonCount = 600;
        spec.validate();
    }
    return specs;
}

double Preset::expectedMinutes(const std::string& scale) const {
    double total = 0;
    for (const auto& spec : specs(scale)) total += estimateMinutes(spec);
    return total;
}

const std::vector<Preset>& presets() { return kPresets; }

const Preset& findPreset(const std::string& name) {
    for (const auto& preset : kPresets)
        if (preset.name == name) return preset;
    std::string names;
    for (const auto& preset : kPresets) names += (names.empty() ? "" : ", ") + preset.name;
    fail("unknown preset '", name, "' (known: ", names, ")");
}

} // namespace pacd
