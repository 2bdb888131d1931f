#include "models/precision_scope.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <dlfcn.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace pacd {
namespace {

// LibTorch 2.4 replaced the per-device functions with ones taking the device type.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool autocastEnabled(c10::DeviceType type) {
    return at::autocast::is_autocast_enabled(type);
}
c10::ScalarType autocastType(c10::DeviceType type) {
    return at::autocast::get_autocast_dtype(type);
}
void setAutocast(c10::DeviceType type, bool enabled, c10::ScalarType scalarType) {
    at::autocast::set_autocast_enabled(type, enabled);
    at::autocast::set_autocast_dtype(type, scalarType);
}
#else
bool autocastEnabled(c10::DeviceType type) {
    return type == c10::DeviceType::CPU ? at::autocast::is_cpu_enabled() : at::autocast::is_enabled();
}
c10::ScalarType autocastType(c10::DeviceType type) {
    return type == c10::DeviceType::CPU ? at::autocast::get_autocast_cpu_dtype() : at::autocast::get_autocast_gpu_dtype();
}
void setAutocast(c10::DeviceType type, bool enabled, c10::ScalarType scalarType) {
    if (type == c10::DeviceType::CPU) {
        at::autocast::set_cpu_enabled(enabled);
        at::autocast::set_autocast_cpu_dtype(scalarType);
    } else {
        at::autocast::set_enabled(enabled);
        at::autocast::set_autocast_gpu_dtype(scalarType);
    }
}
#endif

// The CPU's bf16 units, as oneDNN uses them: AMX tiles (Sapphire Rapids and later) or AVX512-BF16 dot products
// (Cooper Lake, AMD Zen 4). Without either, bf16 is converted to fp32 around every product: slower, not faster.
enum class CpuBf16 { None, Avx512, Amx };
CpuBf16 cpuBf16() {
#if defined(__x86_64__) || defined(__i386__)
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return CpuBf16::None;
    constexpr unsigned kAmxBf16 = 1u << 22, kAmxTile = 1u << 24; // CPUID.(7,0):EDX
    if ((edx & kAmxBf16) && (edx & kAmxTile)) return CpuBf16::Amx;
    constexpr unsigned kAvx512F = 1u << 16; // CPUID.(7,0):EBX
    const bool avx512 = ebx & kAvx512F;
    if (!__get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx)) return CpuBf16::None;
    constexpr unsigned kAvx512Bf16 = 1u << 5; // CPUID.(7,1):EAX
    return avx512 && (eax & kAvx512Bf16) ? CpuBf16::Avx512 : CpuBf16::None;
#else
    return CpuBf16::None;
#endif
}

// The CUDA runtime is looked up at run time, so that core needs no CUDA header (as support/memory.cpp does).
int cudaComputeMajor(const c10::Device& device) {
    using GetAttribute = int (*)(int*, int, int);
    auto getAttribute = reinterpret_cast<GetAttribute>(dlsym(RTLD_DEFAULT, "cudaDeviceGetAttribute"));
    if (!getAttribute) return 0;
    constexpr int kComputeCapabilityMajor = 75; // cudaDevAttrComputeCapabilityMajor
    int major = 0;
    if (getAttribute(&major, kComputeCapabilityMajor, device.has_index() ? device.index() : 0) != 0) return 0;
    return major;
}

} // namespace

bool hasNativeBf16(const c10::Device& device) {
    if (device.is_cpu()) return cpuBf16() != CpuBf16::None;
    if (device.is_cuda()) return cudaComputeMajor(device) >= 8;
    return false;
}

Precision resolvePrecision(Precision requested, const c10::Device& device) {
    if (requested != Precision::Auto) return requested;
    return hasNativeBf16(device) ? Precision::Bf16 : Precision::Fp32;
}

std::string describePrecision(Precision requested, const c10::Device& device) {
    const auto resolved = resolvePrecision(requested, device);
    const bool native = hasNativeBf16(device);
    const auto cpu = cpuBf16();
    const std::string units = !device.is_cpu()         ? "tensor cores"
                              : cpu == CpuBf16::Amx    ? "AMX"
                              : cpu == CpuBf16::Avx512 ? "AVX512-BF16"
                                                       : "AMX or AVX512-BF16";
    if (resolved == Precision::Fp32) return requested == Precision::Auto ? "fp32 (auto: no native bf16 " + units + ")" : "fp32";
    return "bf16 (" + (native ? units : "emulated: no native bf16 " + units) + ")";
}

PrecisionScope::PrecisionScope(Precision precision, const c10::Device& device)
    : m_precision(resolvePrecision(precision, device)), m_type(device.type()) {
    m_managed = m_type == c10::DeviceType::CPU || m_type == c10::DeviceType::CUDA;
    if (!m_managed) {
        m_precision = Precision::Fp32; // no autocast here: everything runs as the weights are
        return;
    }
    m_wasEnabled = autocastEnabled(m_type);
    m_previousType = autocastType(m_type);
    if (m_precision == Precision::Bf16) {
        setAutocast(m_type, true, c10::ScalarType::BFloat16);
        at::autocast::increment_nesting();
    } else if (m_wasEnabled) {
        setAutocast(m_type, false, m_previousType); // fp32 inside a bf16 scope: exact products for this part
    }
}

PrecisionScope::~PrecisionScope() {
    if (!m_managed) return;
    // The outermost scope drops the cached bf16 copies of the weights, as autocast's own context does.
    if (m_precision == Precision::Bf16 && at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    if (m_precision == Precision::Bf16 || m_wasEnabled) setAutocast(m_type, m_wasEnabled, m_previousType);
}

} // namespace pacd
