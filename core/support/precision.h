#pragma once
// The arithmetic precision of the network's forward and backward passes, torch-free so that specs, plans and
// front ends can name it. Vote counting, statistics, radii, optimiser state and master weights stay fp32 in
// every precision; see models/precision_scope.h for how a precision is put into force.
#include "support/names.h"

namespace pacd {

enum class Precision {
    Fp32, ///< every matrix product in fp32: the exact reference path
    Bf16, ///< matrix products (convolutions, linear layers) in bfloat16 through LibTorch's autocast
    Auto, ///< bf16 where the device computes bf16 natively (AMX, AVX512-BF16, CUDA compute capability >= 8.0), else fp32
};

template <> struct NameTable<Precision> {
    static constexpr const char* what = "precision";
    static constexpr std::array<std::pair<Precision, const char*>, 3> entries{
        {{Precision::Fp32, "fp32"}, {Precision::Bf16, "bf16"}, {Precision::Auto, "auto"}}};
};

} // namespace pacd
