#pragma once
// Shared by the UI suites: a tiny experiment that runs every stage in seconds on a 2-core CPU.
#include "plan/spec.h"

namespace pacd::ui::test {

/// A few hundred MNIST points, one seed, one epoch each; names the folder so runs do not collide.
inline pacd::ExperimentSpec tinySpec(const char* name = "ui tiny") {
    return pacd::ExperimentSpec::fromJson(std::string(R"({"schema_version": 1, "name": ")") + name +
                                          R"(", "subset": 300, "attack_epochs": 1, "clean_batch": 60, "poison_batch": 10,
        "val_batch": 10, "k": 2, "T1": 2, "train_epochs": 1, "seeds": 1, "points": 5, "n": 100, "n0": 20})");
}

} // namespace pacd::ui::test
