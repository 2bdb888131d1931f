#pragma once
// ApproxGrad's settings, torch-free so that plans and front ends can hold them without LibTorch's headers.
#include "support/names.h"
#include "support/precision.h"

#include <cstdint>
#include <string>

namespace pacd {

/// How ApproxGrad solves (∇²θθζ + ρI)·q = ∇θξ for the Hessian-inverse-vector product.
enum class LinearSolver {
    Adam,              ///< minimise the residual's squared norm with Adam (the paper's choice)
    ConjugateGradient, ///< T2 conjugate-gradient iterations (stops early on negative curvature)
    FirstOrder,        ///< q = ∇θξ: no Hessian at all (cheapest, crudest)
};

/// How ApproxGrad multiplies ∇²θθζ (and the mixed partial ∇²uθζ) by a vector.
enum class HessianProduct {
    Autograd,         ///< double backward through ∇θζ's graph: exact, keeps that graph alive for the whole solve
    FiniteDifference, ///< central differences of gradients at θ ± h·v: no second-order graph, O(h²) error, 2 passes
};

/// How the poisons move along the hypergradient.
enum class PoisonStep {
    Adam, ///< per-poison Adam (the paper's code, lr 0.1): hypergradients are ~1e-6, plain steps do not move
    Sign, ///< u ← u − step·sign(p), step = ε/10 unless set
};

/// Settings of ApproxGrad (paper Alg. 2, App. E.3); defaults are the paper's MNIST ones except where the
/// measured notes in the attack issue say otherwise (β = 1e-3: 0.01 diverges on the 431k-parameter CNN).
struct ApproxGradConfig {
    std::int64_t lowerSteps = 10;     ///< T1: lower-level Adam steps on θ per upper step
    double lowerLearningRate = 1e-3;  ///< Adam's lr on θ
    std::int64_t linearSteps = 10;    ///< T2: iterations of the linear-system solver
    double linearLearningRate = 1e-3; ///< β: Adam's lr on q
    double damping = 1e-3;            ///< ρ: makes ∇²θθζ + ρI positive definite enough to invert
    LinearSolver solver = LinearSolver::Adam;
    PoisonStep poisonStep = PoisonStep::Adam;
    double poisonLearningRate = 0.1; ///< Adam's lr on the poisons (PoisonStep::Adam)
    double signStep = 0.0;           ///< step of PoisonStep::Sign; 0 = ε/10
    double epsilon = 0.1;            ///< ℓ∞ budget: ‖u − x_base‖∞ ≤ ε
    bool clampToUnit = true;         ///< also project onto [0, 1] (images; off for the 2-D toy)
    HessianProduct hessianProduct = HessianProduct::Autograd;
    /// c of the finite-difference step h = c·(1 + ‖θ‖)/‖v‖: θ moves by about c relative to its own size, far
    /// above fp32's rounding (1e-7) and small enough that ReLU networks rarely change activation pattern.
    double finiteDifferenceStep = 1e-3;
    /// The T1 lower steps' and ξ's forward/backward arithmetic. The curvature (ζ's gradient for the solve, the
    /// Hessian products, the mixed partial) is always fp32: bf16's 8-bit mantissa is below the differences a
    /// second-order solve needs.
    Precision precision = Precision::Fp32;

    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
};

/// "approxgrad" (alias "adam") | "cg" | "first-order", as specs and the CLI spell them.
LinearSolver parseLinearSolver(const std::string& name);

template <> struct NameTable<LinearSolver> {
    static constexpr const char* what = "linear solver";
    static constexpr std::array<std::pair<LinearSolver, const char*>, 4> entries{{{LinearSolver::Adam, "approxgrad"},
                                                                                  {LinearSolver::ConjugateGradient, "cg"},
                                                                                  {LinearSolver::FirstOrder, "first-order"},
                                                                                  {LinearSolver::Adam, "adam"}}};
};

template <> struct NameTable<PoisonStep> {
    static constexpr const char* what = "poison step";
    static constexpr std::array<std::pair<PoisonStep, const char*>, 2> entries{
        {{PoisonStep::Adam, "adam"}, {PoisonStep::Sign, "sign"}}};
};

template <> struct NameTable<HessianProduct> {
    static constexpr const char* what = "Hessian-vector product";
    static constexpr std::array<std::pair<HessianProduct, const char*>, 3> entries{
        {{HessianProduct::Autograd, "autograd"},
         {HessianProduct::FiniteDifference, "finite-difference"},
         {HessianProduct::FiniteDifference, "fd"}}};
};

} // namespace pacd
