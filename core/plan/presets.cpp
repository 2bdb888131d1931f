#include "plan/presets.h"

#include "plan/cost_model.h"
#include "support/error.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace pacd {
namespace {

constexpr auto Mnist = DatasetId::Mnist;
constexpr auto Cifar10 = DatasetId::Cifar10;
constexpr auto Toy = DatasetId::ToyGaussians;
constexpr auto Standard = TrainMethod::Standard;
constexpr auto Ga = TrainMethod::GaussianAugmentation;
constexpr auto Macer = TrainMethod::Macer;
constexpr auto SmoothAdv = TrainMethod::SmoothAdv;

ExperimentSpec base(const std::string& name, DatasetId dataset, TrainMethod defense, double sigma) {
    ExperimentSpec spec;
    spec.name = name;
    spec.dataset = nameOf(dataset);
    spec.target = dataset == Toy ? 0 : 8; // digit 8 / "ship"; the toy poisons class y = −1
    spec.poisonDefense = nameOf(defense);
    spec.retrainDefense = nameOf(defense);
    spec.sigma = sigma;
    return spec;
}

std::string sigmaText(double sigma) {
    std::ostringstream out;
    out << sigma;
    return out.str();
}

std::vector<double> sigmasOf(DatasetId dataset) {
    return dataset == Cifar10 ? std::vector<double>{0.25, 0.5} : std::vector<double>{0.25, 0.5, 0.75};
}

// Tables 2-4: one defense, clean / watermarked / poisoned victims at every σ of the table.
std::vector<ExperimentSpec> defenseTable(DatasetId dataset, TrainMethod defense) {
    std::vector<ExperimentSpec> specs;
    for (const double sigma : sigmasOf(dataset))
        specs.push_back(base(nameOf(dataset) + " σ=" + sigmaText(sigma), dataset, defense, sigma));
    return specs;
}

// Table 1: poisons optimised against standard training, victims trained four ways; the base classifier's
// accuracy on the target class is the table's number.
std::vector<ExperimentSpec> table1(DatasetId dataset) {
    std::vector<ExperimentSpec> specs;
    for (const auto victim : {Standard, Ga, SmoothAdv, Macer}) {
        auto spec = base(nameOf(dataset) + " " + nameOf(victim), dataset, Standard, 0.25);
        spec.objective = nameOf(AttackObjective::CrossEntropy); // Eq. 4 (resolve's default for standard; stated here)
        spec.retrainDefense = nameOf(victim);
        spec.watermark = false;
        specs.push_back(spec);
    }
    return specs;
}

// Table 1 at demo scale. With the demo's defaults (a 20-epoch attack, victims trained 8 epochs on 6,000 images) the
// poisons took 13 points off the standard victim and 9 to 10.5 off the GA and MACER ones: the attack was too short to
// hurt standard training as the paper's does, and the certified-training victims were too short-trained to shake the
// poisons off. Measured on 2 cores, 2 seeds: 40 attack epochs took the standard victim from 98.5 to 71.5 % (20
// epochs: 87.5 %); 24 victim epochs kept the GA victim at 98.0 → 93.0 % (8 epochs: 97.0 → 88.0 %). Paper scale
// keeps App. E's settings; CIFAR-10's demo was not measured and keeps the demo defaults.
void table1AtScale(ExperimentSpec& spec, Scale scale) {
    if (scale != Scale::Demo || spec.dataset != nameOf(Mnist)) return;
    spec.attackEpochs = 40;
    spec.trainEpochs = 24;
}

std::vector<ExperimentSpec> table5(DatasetId dataset) {
    auto specs = defenseTable(dataset, Ga);
    for (auto& spec : specs) {
        spec.measurePgd = true;
        spec.watermark = false;
    }
    return specs;
}

std::vector<ExperimentSpec> transfer(DatasetId dataset, double sigma) {
    std::vector<ExperimentSpec> specs;
    for (const auto poison : {Ga, Macer, SmoothAdv})
        for (const auto victim : {Ga, Macer, SmoothAdv}) {
            auto spec = base(nameOf(dataset) + " " + nameOf(poison) + "→" + nameOf(victim), dataset, poison, sigma);
            spec.retrainDefense = nameOf(victim);
            spec.watermark = false;
            specs.push_back(spec);
        }
    return specs;
}

// Corollary 2 (App. A): poisoning a fraction α of the target class with budget ε̃ moves the linear boundary as far as
// poisoning all of it with ε = α ε̃. Checked on the CNN: (α = 0.5, ε̃ = 0.2) against the paper's (α = 1, ε = 0.1).
std::vector<ExperimentSpec> corollary2() {
    auto whole = base("mnist α=1 ε=0.1", Mnist, Ga, 0.25);
    whole.epsilon = 0.1;
    whole.watermark = false;
    auto half = base("mnist α=0.5 ε̃=0.2", Mnist, Ga, 0.25);
    half.epsilon = 0.2;
    half.poisonFraction = 0.5;
    half.watermark = false;
    return {whole, half};
}

// The defender (beyond the paper). Detectors need clean points of the class to tell the poisons from: half the
// digit-8 training points poisoned with ε̃ = 0.2 (Corollary 2's equivalent of the whole class at ε = 0.1), scored by
// every detector, then retrained after each detector's filter. Sanitisers need no clean points, and are worth
// measuring only against an attack that works: the whole class at the paper's ε = 0.1 (the demo row's attack), with
// every sanitiser. Watermark and random ±ε baselines on the same points throughout. One seed.
std::vector<ExperimentSpec> defender() {
    const auto row = [](const std::string& label, double fraction, double epsilon) {
        auto spec = base("mnist " + label, Mnist, Ga, 0.25);
        spec.epsilon = epsilon;
        if (fraction != 1.0) spec.poisonFraction = fraction;
        spec.randomBaseline = true;
        spec.seeds = 1;
        return spec;
    };
    std::vector<ExperimentSpec> specs;
    auto half = row("α=0.5 no defense", 0.5, 0.2);
    half.detect = true;
    specs.push_back(half);
    for (const auto detector : {Detector::Spectral, Detector::ActivationClustering, Detector::DeepKnn}) {
        auto spec = row("α=0.5 filter " + nameOf(detector), 0.5, 0.2);
        spec.filter = nameOf(detector);
        specs.push_back(spec);
    }
    specs.push_back(row("α=1 no defense", 1.0, 0.1));
    for (const auto sanitizer : {Sanitizer::BitDepth, Sanitizer::Jpeg, Sanitizer::Median, Sanitizer::Blur}) {
        auto spec = row("α=1 " + nameOf(sanitizer), 1.0, 0.1);
        spec.sanitizer = nameOf(sanitizer);
        specs.push_back(spec);
    }
    return specs;
}

std::vector<ExperimentSpec> everyClass(DatasetId dataset) {
    std::vector<ExperimentSpec> specs;
    for (std::int64_t target = 0; target < classCount(dataset); ++target) {
        auto spec = base(nameOf(dataset) + " class " + std::to_string(target), dataset, Ga, 0.25);
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
     [] { return table1(Mnist); }, table1AtScale},
    {"table1-cifar10", "Table 1 (CIFAR-10)", "As table1-mnist on CIFAR-10, class ship.", [] { return table1(Cifar10); }},
    {"table2-mnist", "Table 2 (MNIST)",
     "Gaussian augmentation, σ ∈ {0.25, 0.5, 0.75}: ACR / ACA of digit 8 for clean, "
     "watermarked and poisoned victims.",
     [] { return defenseTable(Mnist, Ga); }},
    {"table2-cifar10", "Table 2 (CIFAR-10)", "Gaussian augmentation, σ ∈ {0.25, 0.5}, class ship.",
     [] { return defenseTable(Cifar10, Ga); }},
    {"table3-mnist", "Table 3 (MNIST)", "MACER (poisoning k = 2, retraining k = 16), σ ∈ {0.25, 0.5, 0.75}.",
     [] { return defenseTable(Mnist, Macer); }},
    {"table3-cifar10", "Table 3 (CIFAR-10)", "MACER, σ ∈ {0.25, 0.5}, class ship.", [] { return defenseTable(Cifar10, Macer); }},
    {"table4-mnist", "Table 4 (MNIST)", "SmoothAdv (2-step PGD, m = 1), σ ∈ {0.25, 0.5, 0.75}.",
     [] { return defenseTable(Mnist, SmoothAdv); }},
    {"table4-cifar10", "Table 4 (CIFAR-10)", "SmoothAdv, σ ∈ {0.25, 0.5}, class ship.",
     [] { return defenseTable(Cifar10, SmoothAdv); }},
    {"table5-mnist", "Table 5 (MNIST)",
     "Mean ℓ2 PGD distortion against the smoothed GA victims, clean vs poisoned (the "
     "boundary moves toward the target class).",
     [] { return table5(Mnist); }},
    {"table5-cifar10", "Table 5 (CIFAR-10)", "As table5-mnist on CIFAR-10.", [] { return table5(Cifar10); }},
    {"table7", "Table 7 (App. D.5)",
     "Weight decay {0, 1e-4, 1e-2, 1e-1} for standard and GA victims (σ = 0.5) on poisons made against GA; 3 seeds.",
     [] {
         std::vector<ExperimentSpec> specs;
         for (const auto victim : {Standard, Ga})
             for (const double decay : {0.0, 1e-4, 1e-2, 1e-1}) {
                 std::ostringstream name;
                 name << "mnist " << nameOf(victim) << " wd=" << decay;
                 auto spec = base(name.str(), Mnist, Ga, 0.5);
                 spec.retrainDefense = nameOf(victim);
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
             auto spec = base("mnist ε=" + sigmaText(epsilon), Mnist, Ga, 0.25);
             spec.epsilon = epsilon;
             spec.watermark = false;
             specs.push_back(spec);
         }
         return specs;
     }},
    {"fig4-mnist", "Fig. 4 (MNIST)",
     "Transfer: poisons made against GA / MACER / SmoothAdv, victims trained with each (σ = 0.5).",
     [] { return transfer(Mnist, 0.5); }},
    {"fig4-cifar10", "Fig. 4 (CIFAR-10)", "Transfer matrix on CIFAR-10 (σ = 0.25).", [] { return transfer(Cifar10, 0.25); }},
    {"fig6-mnist", "Fig. 6 (MNIST)", "Every digit as the target class (GA, σ = 0.25); clean victims are shared.",
     [] { return everyClass(Mnist); }},
    {"fig6-cifar10", "Fig. 6 (CIFAR-10)", "Every class as the target (GA, σ = 0.25).", [] { return everyClass(Cifar10); }},
    {"fig7", "Fig. 7 (App. D.4)", "Poisons made on ResNet-20 against ResNet-20 / 56 / 110 victims (GA, σ = 0.5, 3 seeds).",
     [] {
         std::vector<ExperimentSpec> specs;
         for (const auto arch : {Arch::ResNet20, Arch::ResNet56, Arch::ResNet110}) {
             auto spec = base("cifar10 " + nameOf(arch), Cifar10, Ga, 0.5);
             spec.poisonArch = nameOf(Arch::ResNet20);
             spec.retrainArch = nameOf(arch);
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
             auto spec = base("toy σ=" + sigmaText(sigma), Toy, Ga, sigma);
             spec.watermark = false;
             specs.push_back(spec);
         }
         return specs;
     }},
    {"appD6", "App. D.6",
     "1 % targeted poisoning: the 500 bird images nearest to each of 5 bird test images (ε = 0.06, GA, "
     "σ = 0.25, 3 seeds); the paper: radius 0.63 → 0.26.",
     [] {
         auto spec = base("cifar10 bird points", Cifar10, Ga, 0.25);
         spec.target = 2;
         spec.mode = nameOf(PoisonMode::Points);
         spec.watermark = false;
         spec.seeds = 3;
         return std::vector<ExperimentSpec>{spec};
     }},
    {"appD6-mnist", "App. D.6 on MNIST",
     "The 1 % targeted setting on MNIST digit 8 (600 poisons per target point at paper scale).",
     [] {
         auto spec = base("mnist 8 points", Mnist, Ga, 0.25);
         spec.mode = nameOf(PoisonMode::Points);
         spec.watermark = false;
         return std::vector<ExperimentSpec>{spec};
     },
     [](ExperimentSpec& spec, Scale scale) {
         if (scale == Scale::Paper) spec.poisonCount = 600;
     }},
    {"corollary2-mnist", "Corollary 2 (App. A)",
     "Half the digit-8 training points poisoned with ε̃ = 0.2 against all of them with ε = 0.1 (GA, σ = 0.25): the "
     "corollary says the two ACR drops are equal for a linear model.",
     corollary2},
    {"defender-mnist", "Beyond the paper: the defender",
     "PACD, watermark and random ±ε poisons: half the class poisoned (α = 0.5, ε̃ = 0.2) scored by every detector (AUC, "
     "TPR at 5 % FPR) and retrained after each detector's filter (1.5 × the poison count removed); the whole class "
     "poisoned (α = 1, ε = 0.1) against no defense and the bit-depth, JPEG, median and blur sanitisers; one seed.",
     defender},
};

} // namespace

std::vector<ExperimentSpec> Preset::specs(const std::string& scale) const {
    const auto parsed = parseName<Scale>(scale);
    auto specs = build();
    for (auto& spec : specs) {
        spec.scale = scale;
        // The paper's own seed counts stay at paper scale; demo runs two victims per data kind at most.
        if (parsed == Scale::Demo && spec.seeds && *spec.seeds > 2) spec.seeds = 2;
        if (atScale) atScale(spec, parsed);
        try {
            PlanOptions checkOnly;
            checkOnly.planStages = false;
            (void)resolve(spec, checkOnly);
        } catch (const Error& e) {
            fail("preset ", name, ", row '", spec.name, "': ", e.what());
        }
    }
    return specs;
}

std::vector<ExperimentPlan> Preset::plans(const std::string& scale) const {
    std::vector<ExperimentPlan> out;
    for (const auto& spec : specs(scale))
        out.push_back(resolve(spec));
    return out;
}

double Preset::expectedMinutes(const std::string& scale) const {
    // Rows share stages (one attack for Table 1's four victims, clean victims across targets): the runner computes
    // each folder once, and so does the estimate.
    std::set<std::string> seen;
    double seconds = 0;
    for (const auto& plan : plans(scale))
        for (const auto& stage : plan.stages)
            if (seen.insert(stage.folder).second) seconds += stage.weight;
    return seconds / 60.0;
}

const std::vector<Preset>& presets() {
    return kPresets;
}

const Preset& findPreset(const std::string& name) {
    for (const auto& preset : kPresets)
        if (preset.name == name) return preset;
    std::string names;
    for (const auto& preset : kPresets)
        names += (names.empty() ? "" : ", ") + preset.name;
    fail("unknown preset '", name, "' (known: ", names, ")");
}

} // namespace pacd
