#include "support/runtime.h"

#include "support/error.h"

#include <torch/cuda.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <thread>

namespace pacd {

int configureThreads(int threads) {
    require(threads >= 0, "threads must be >= 0 (0 = one per core), got ", threads);
    if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    return torch::get_num_threads();
}

torch::Device parseDevice(const std::string& spec) {
    if (spec == "auto" || spec.empty())
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (spec == "cpu") return torch::Device(torch::kCPU);
    if (spec.rfind("cuda", 0) == 0) {
        require(torch::cuda::is_available(), "device '", spec,
                "' requested but CUDA is not available in this LibTorch build or machine");
        torch::Device device(torch::kCUDA, 0);
        try {
            device = torch::Device(spec);
        } catch (const std::exception&) {
            fail("device '", spec, "' is not of the form cuda or cuda:N");
        }
        require(device.index() < static_cast<int>(torch::cuda::device_count()), "device '", spec,
                "' does not exist: ", torch::cuda::device_count(), " CUDA device(s) present");
        return device;
    }
    fail("unknown device '", spec, "': use auto, cpu, cuda or cuda:N");
}

std::string describeDevice(const torch::Device& device) {
    if (device.is_cpu()) return detail::concat("CPU (", torch::get_num_threads(), " threads)");
    return detail::concat("CUDA:", static_cast<int>(device.index()), " (", torch::cuda::device_count(), " GPU(s) visible)");
}

std::string torchVersion() {
    return detail::concat(TORCH_VERSION_MAJOR, ".", TORCH_VERSION_MINOR, ".", TORCH_VERSION_PATCH);
}

} // namespace pacd
