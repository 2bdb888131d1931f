#pragma once
// Puts a precision into force for the code inside a scope, over LibTorch's autocast, whose C++ API changed between
// 1.13 (set_cpu_enabled, set_autocast_cpu_dtype) and 2.x (set_autocast_enabled(device type, ...)): this is the
// one place that knows both.
#include "support/precision.h"

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <string>

namespace pacd {

/// Whether `device` computes bf16 products natively: AMX-BF16 or AVX512-BF16 on an x86-64 CPU (oneDNN's bf16
/// kernels), compute capability >= 8.0 (tensor cores with bf16) on CUDA.
bool hasNativeBf16(const c10::Device& device);

/// Fp32 or Bf16: `requested`, with Auto decided for `device` (hasNativeBf16). Explicit bf16 is honoured on any
/// device (emulated, slowly, without native units).
Precision resolvePrecision(Precision requested, const c10::Device& device);

/// "bf16 (AMX)", "fp32 (no native bf16 units)", ...: what resolvePrecision chose and why, for logs and the bench.
std::string describePrecision(Precision requested, const c10::Device& device);

/// While alive, convolutions and linear layers on `device` run in bf16 (autocast: weights stay fp32, outputs of
/// those layers are bf16, reductions and losses fp32); Fp32 (or Auto resolved to fp32) runs them in fp32, also
/// inside an enclosing bf16 scope. Restores the previous autocast state when it ends. Devices other than CPU and
/// CUDA run in fp32. Autocast caches each weight's bf16 copy until the outermost scope ends, so
/// a scope must not span an update of the weights: one around a whole certification, one per training step.
/// Not copyable; autocast state is per thread.
class PrecisionScope {
  public:
    PrecisionScope(Precision precision, const c10::Device& device);
    ~PrecisionScope();
    PrecisionScope(const PrecisionScope&) = delete;
    PrecisionScope& operator=(const PrecisionScope&) = delete;

    /// The precision in force: Fp32 or Bf16, never Auto.
    Precision precision() const { return m_precision; }

  private:
    Precision m_precision = Precision::Fp32;
    c10::DeviceType m_type = c10::DeviceType::CPU;
    bool m_managed = false; ///< CPU or CUDA: the devices with an autocast this scope drives
    bool m_wasEnabled = false;
    c10::ScalarType m_previousType = c10::ScalarType::BFloat16;
};

} // namespace pacd
