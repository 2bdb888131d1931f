#pragma once
#include "attack/approx_grad_config.h"

#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pacd {

/// ζ(θ, u) on the current minibatch (u: the poison rows, requires grad when the hypergradient is taken). `draw`
/// names a noise draw: the same draw must give the same noise, so the q-solve and the mixed partial see one
/// fixed sample while the T1 lower steps see fresh ones.
using LowerObjective = std::function<torch::Tensor(const torch::Tensor& poisons, std::int64_t draw)>;
/// The poisons' own share of ζ at the same draw: ζ minus the terms that do not depend on u (for a row-separable
/// loss, the poison rows' terms with the whole batch's normalisation and the same noise). Its mixed partial
/// ∇²uθ is ζ's, at a fraction of the rows; see ApproxGrad::step.
using PoisonShare = LowerObjective;
/// ξ(θ), minimised by the attacker (the soft ACR of the validation batch), with the same draw convention.
using UpperObjective = std::function<torch::Tensor(std::int64_t draw)>;

/// What one upper step measured (the streams the GUI plots) and where its time went.
struct UpperStepStats {
    double upper = 0.0;          ///< ξ after the lower steps
    double lower = 0.0;          ///< ζ after the lower steps (with a poison share: the last lower step's ζ)
    double residualBefore = 0.0; ///< ‖(H + ρI)q − ∇θξ‖ with the warm-started q (NaN for FirstOrder)
    double residualAfter = 0.0;  ///< the same after the solve
    /// ‖(H + ρI)q − ∇θξ‖ before the solve and after each of its T2 iterations (empty for FirstOrder): how fast the
    /// solve converges, which residualBefore/After alone cannot show when warm starts hide a diverging solve.
    std::vector<double> residualTrace;
    double rhsNorm = 0.0;             ///< ‖∇θξ‖
    double hypergradientNorm = 0.0;   ///< ‖p‖ over the batch
    double meanAbsPerturbation = 0.0; ///< mean |u − x_base| over the whole poison set
    double fractionAtBudget = 0.0;    ///< fraction of the poison set's coordinates at ±ε
    double secondsLower = 0.0, secondsLinear = 0.0, secondsMixed = 0.0, secondsUpdate = 0.0, secondsTotal = 0.0;
};

/// ApproxGrad over a fixed list of lower-level parameters θ and a poison set. Keeps the lower-level Adam state,
/// the warm-started q and the poisons' per-row Adam state across upper steps until resetLowerLevel().
class ApproxGrad {
  public:
    /// `poisonShape`: the whole poison set's shape [N, ...]; per-row optimiser state is kept for every row.
    ApproxGrad(std::vector<torch::Tensor> parameters, std::vector<std::int64_t> poisonShape, ApproxGradConfig config);

    /// One upper step on the poison rows `rows` (int64 indices): T1 lower steps, the q-solve, the hypergradient
    /// p = −∇²uθζ·q (ξ does not depend on u directly), the update of those rows of `poisons` (in place) and
    /// the projection onto the ε-ball around `base` (and [0, 1]). `poisonShare`, when given, is used by the
    /// first-order solver with autograd products, which needs no Hessian of ζ, only its mixed partial: the double
    /// backward then runs through the poisons' rows alone (20 of the demo's 200) instead of the whole minibatch.
    UpperStepStats step(torch::Tensor& poisons, const torch::Tensor& base, const torch::Tensor& rows, const LowerObjective& lower,
                        const UpperObjective& upper, const PoisonShare& poisonShare = {});

    /// The hypergradient dξ/du = ∇uξ − ∇²uθζ·q at the current θ for the poison rows `poisonRows` (no lower
    /// steps, no update): steps 2 and 3 of step(). Fills the linear-system figures of `stats` when given.
    torch::Tensor hypergradient(const torch::Tensor& poisonRows, const LowerObjective& lower, const UpperObjective& upper,
                                UpperStepStats* stats = nullptr, const PoisonShare& poisonShare = {});

    /// Forgets the lower-level optimiser state and q (the caller re-initialises θ itself). The poisons'
    /// optimiser state survives: it belongs to the upper level.
    void resetLowerLevel();

    /// Upper steps taken so far.
    std::int64_t steps() const { return m_steps; }

    /// Everything needed to resume exactly (q, optimiser moments, counters), as named tensors.
    std::vector<std::pair<std::string, torch::Tensor>> state() const;
    void loadState(const std::vector<std::pair<std::string, torch::Tensor>>& state);

    const ApproxGradConfig& config() const { return m_config; }

  private:
    /// (∇²θθζ + ρI)·v by double backward through ∇θζ's graph.
    std::vector<torch::Tensor> autogradProduct(const std::vector<torch::Tensor>& gradZeta, const std::vector<torch::Tensor>& v);
    /// The same by central differences of ∇θζ at θ ± h·v (ζ evaluated on `poisonRows` with noise draw `draw`).
    std::vector<torch::Tensor> finiteDifferenceProduct(const torch::Tensor& poisonRows, const LowerObjective& lower,
                                                       std::int64_t draw, const std::vector<torch::Tensor>& v);
    /// h = c·(1 + ‖θ‖)/‖v‖, or 0 when v = 0: a 0-dim float64 tensor on the parameters' device (no host sync).
    torch::Tensor finiteDifferenceStepFor(const std::vector<torch::Tensor>& v) const;
    void adamOnParameters(std::vector<torch::Tensor>& targets, const std::vector<torch::Tensor>& grads,
                          std::vector<torch::Tensor>& m, std::vector<torch::Tensor>& v, std::int64_t& t, double lr);

    std::vector<torch::Tensor> m_parameters;
    ApproxGradConfig m_config;
    // Lower-level Adam (θ), q and its Adam, kept as plain tensors so that they can be saved and restored.
    std::vector<torch::Tensor> m_thetaM, m_thetaV, m_q, m_qM, m_qV;
    std::int64_t m_thetaT = 0, m_qT = 0;
    // Per-row Adam on the poisons.
    torch::Tensor m_poisonM, m_poisonV, m_poisonT;
    std::int64_t m_steps = 0;
    std::int64_t m_draw = 0;
};

/// Projects poisons onto {‖u − base‖∞ ≤ ε} (∩ [0, 1] when clampToUnit), in place.
void projectPoisons(torch::Tensor& poisons, const torch::Tensor& base, double epsilon, bool clampToUnit);

} // namespace pacd
