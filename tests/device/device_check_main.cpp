// pacd-device-check: the device checks (device_checks.h) without Qt, for the GPU server (no Qt there; the same
// checks run as the Qt Test suite tst_device here). Prints one line per check and device, then
// "N passed, M failed, K skipped"; --json writes the figures. Exit status 1 when a check failed.
#include "device_checks.h"

#include "support/runtime.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    using namespace pacd::device_checks;
    CLI::App app{"pacd-device-check: device-generic correctness checks (CPU reference vs each device)"};
    std::vector<std::string> devices{"cpu", "cuda"};
    std::vector<std::string> only;
    std::string json;
    int threads = 0;
    app.add_option("--device", devices, "Devices to check: cpu, cuda, cuda:N (default: cpu cuda; cuda is skipped without a GPU)");
    app.add_option("--check", only, "Run only these checks (default: all)");
    app.add_option("--json", json, "Write every result with its figures to this file");
    app.add_option("--threads", threads, "LibTorch intra-op threads; 0 = one per core");
    CLI11_PARSE(app, argc, argv);
    pacd::configureThreads(threads);

    int passed = 0, failed = 0, skipped = 0;
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const auto& device : devices) {
        const auto reason = unavailableReason(device);
        for (const auto& check : checks()) {
            if (!only.empty() && std::find(only.begin(), only.end(), check.name) == only.end()) continue;
            nlohmann::ordered_json row{{"check", check.name}, {"device", device}, {"asserts", check.assertion}};
            if (!reason.empty()) {
                ++skipped;
                row["status"] = "skipped";
                row["reason"] = reason;
                std::cout << "SKIP " << check.name << " (" << device << "): " << reason << std::endl;
                results.push_back(row);
                continue;
            }
            const auto started = std::chrono::steady_clock::now();
            try {
                const auto outcome = check.run(pacd::parseDevice(device));
                ++passed;
                row["status"] = "passed";
                row["summary"] = outcome.summary;
                row["figures"] = outcome.figures;
                std::cout << "PASS " << check.name << " (" << device << "): " << outcome.summary << std::endl;
            } catch (const std::exception& e) {
                ++failed;
                row["status"] = "failed";
                row["message"] = e.what();
                std::cout << "FAIL " << check.name << " (" << device << "): " << e.what() << std::endl;
            }
            row["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            results.push_back(row);
        }
    }
    if (!json.empty()) {
        std::ofstream out(json);
        out << nlohmann::ordered_json{{"libtorch", pacd::torchVersion()},
                                      {"passed", passed},
                                      {"failed", failed},
                                      {"skipped", skipped},
                                      {"results", results}}
                   .dump(2)
            << std::endl;
    }
    std::cout << "device checks: " << passed << " passed, " << failed << " failed, " << skipped << " skipped" << std::endl;
    return failed > 0 ? 1 : 0;
}
