#pragma once
// Device-generic correctness checks (issue #16), written once in plain C++ and run by two front ends: the Qt Test
// suite tst_device (every developer build; CPU always, CUDA skipped with the reason when there is no GPU) and
// pacd-device-check, the Qt-free runner that the gpu preset builds for the GPU server, which has no Qt.
// Each check runs the engine on the device under test and compares it with a CPU reference: float64 where
// arithmetic is compared, an independent CPU sample (and the analytic answer) where randomness is. Every check
// states its tolerance; on the CPU row the comparison is fp32 against fp64 (or sample against sample), so the
// checks and their tolerances are exercised on every build, not only on a GPU.
#include <torch/types.h>

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace pacd::device_checks {

/// What a passing check measured: named figures (for the runner's JSON) and one line for people.
struct Outcome {
    std::map<std::string, double> figures;
    std::string summary;
};

/// Thrown when an assertion fails; the message names what differed, by how much, against which tolerance.
class CheckFailed : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Check {
    const char* name;
    const char* assertion; ///< what is asserted, with the tolerance
    std::function<Outcome(const torch::Device&)> run;
};

/// Every check, in the order the runner runs them.
const std::vector<Check>& checks();

/// Empty when `device` ("cpu", "cuda", "cuda:N") can run the checks here, else why not.
std::string unavailableReason(const std::string& device);

} // namespace pacd::device_checks
