#include "attack/approx_grad.h"

#include "models/precision_scope.h"
#include "support/error.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <limits>

namespace pacd {
namespace {

constexpr double kBeta1 = 0.9, kBeta2 = 0.999, kAdamEps = 1e-8;

using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<torch::Tensor> zerosLike(const std::vector<torch::Tensor>& tensors) {
    std::vector<torch::Tensor> out;
    for (const auto& t : tensors)
        out.push_back(torch::zeros_like(t).detach());
    return out;
}

// Sums over a list of tensors stay on the device as 0-dim float64 tensors: the solver's inner loops (CG's step
// lengths, the finite-difference step) use them there, so an iteration never waits for the device. Each term is
// summed in the tensors' own precision and accumulated in float64, as the host sums they replace were.
torch::Tensor dotOnDevice(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    torch::Tensor sum;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto term = (a[i] * b[i]).sum().to(torch::kDouble);
        sum = sum.defined() ? sum + term : term;
    }
    return sum.defined() ? sum : torch::zeros({}, torch::kDouble);
}

torch::Tensor squaredNormOnDevice(const std::vector<torch::Tensor>& tensors) {
    return dotOnDevice(tensors, tensors);
}

// For statistics, once per upper step: one host copy, not one per tensor.
double squaredNorm(const std::vector<torch::Tensor>& tensors) {
    return squaredNormOnDevice(tensors).item<double>();
}

// Gradients of `output` w.r.t. `inputs`; parameters the objective does not touch get zeros, not an error.
std::vector<torch::Tensor> gradients(const torch::Tensor& output, const std::vector<torch::Tensor>& inputs, bool createGraph,
                                     bool retainGraph) {
    auto grads = torch::autograd::grad({output}, inputs, {}, retainGraph, createGraph, /*allow_unused=*/true);
    for (std::size_t i = 0; i < grads.size(); ++i)
        if (!grads[i].defined()) grads[i] = torch::zeros_like(inputs[i]);
    return grads;
}

// Moves θ to θ + s·v for as long as it lives, then puts back the exact θ it found (a copy, not θ − s·v, whose
// rounding would drift θ by one ulp per product over a whole solve).
class ShiftedParameters {
  public:
    /// `s`: a 0-dim tensor on the parameters' device (no host round trip for the step length).
    ShiftedParameters(std::vector<torch::Tensor>& parameters, const std::vector<torch::Tensor>& v, const torch::Tensor& s)
        : m_parameters(parameters) {
        torch::NoGradGuard noGrad;
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            m_saved.push_back(parameters[i].detach().clone());
            parameters[i].add_(v[i] * s.to(v[i].scalar_type()));
        }
    }
    ~ShiftedParameters() {
        torch::NoGradGuard noGrad;
        for (std::size_t i = 0; i < m_parameters.size(); ++i)
            m_parameters[i].copy_(m_saved[i]);
    }
    ShiftedParameters(const ShiftedParameters&) = delete;
    ShiftedParameters& operator=(const ShiftedParameters&) = delete;

  private:
    std::vector<torch::Tensor>& m_parameters;
    std::vector<torch::Tensor> m_saved;
};

} // namespace

void ApproxGradConfig::validate() const {
    require(lowerSteps >= 0, "attack setting 'T1' (lower steps) must be >= 0, got ", lowerSteps);
    require(lowerLearningRate > 0, "attack setting 'lower learning rate' must be > 0, got ", lowerLearningRate);
    require(linearSteps >= 1 || solver == LinearSolver::FirstOrder,
            "attack setting 'T2' (linear-system steps) must be >= 1, got ", linearSteps);
    require(linearLearningRate > 0, "attack setting 'beta' (linear-system learning rate) must be > 0, got ", linearLearningRate);
    require(damping >= 0, "attack setting 'rho' (damping) must be >= 0, got ", damping);
    require(poisonLearningRate > 0, "attack setting 'poison learning rate' must be > 0, got ", poisonLearningRate);
    require(signStep >= 0, "attack setting 'sign step' must be >= 0, got ", signStep);
    require(epsilon >= 0 && std::isfinite(epsilon), "attack setting 'epsilon' must be >= 0, got ", epsilon);
    require(finiteDifferenceStep > 0 && finiteDifferenceStep < 1,
            "attack setting 'fd step' (finite-difference step c) must be in (0, 1), got ", finiteDifferenceStep);
}

LinearSolver parseLinearSolver(const std::string& name) {
    return parseName<LinearSolver>(name);
}

void projectPoisons(torch::Tensor& poisons, const torch::Tensor& base, double epsilon, bool clampToUnit) {
    torch::NoGradGuard noGrad;
    poisons.copy_(torch::max(torch::min(poisons, base + epsilon), base - epsilon));
    if (clampToUnit) poisons.clamp_(0.0, 1.0);
}

ApproxGrad::ApproxGrad(std::vector<torch::Tensor> parameters, std::vector<std::int64_t> poisonShape, ApproxGradConfig config)
    : m_parameters(std::move(parameters)), m_config(config) {
    m_config.validate();
    require(!m_parameters.empty(), "ApproxGrad needs lower-level parameters");
    const auto options = m_parameters.front().options().requires_grad(false);
    m_poisonM = torch::zeros(poisonShape, options);
    m_poisonV = torch::zeros(poisonShape, options);
    m_poisonT = torch::zeros({poisonShape.at(0)}, options.dtype(torch::kLong));
    resetLowerLevel();
}

void ApproxGrad::resetLowerLevel() {
    m_thetaM = zerosLike(m_parameters);
    m_thetaV = zerosLike(m_parameters);
    m_q = zerosLike(m_parameters);
    m_qM = zerosLike(m_parameters);
    m_qV = zerosLike(m_parameters);
    m_thetaT = m_qT = 0;
}

void ApproxGrad::adamOnParameters(std::vector<torch::Tensor>& targets, const std::vector<torch::Tensor>& grads,
                                  std::vector<torch::Tensor>& m, std::vector<torch::Tensor>& v, std::int64_t& t, double lr) {
    torch::NoGradGuard noGrad;
    ++t;
    const double correction1 = 1.0 - std::pow(kBeta1, static_cast<double>(t));
    const double correction2 = 1.0 - std::pow(kBeta2, static_cast<double>(t));
    for (std::size_t i = 0; i < targets.size(); ++i) {
        m[i].mul_(kBeta1).add_(grads[i], 1.0 - kBeta1);
        v[i].mul_(kBeta2).addcmul_(grads[i], grads[i], 1.0 - kBeta2);
        const auto denominator = (v[i] / correction2).sqrt_().add_(kAdamEps);
        targets[i].addcdiv_(m[i], denominator, -lr / correction1);
    }
}

std::vector<torch::Tensor> ApproxGrad::autogradProduct(const std::vector<torch::Tensor>& gradZeta,
                                                       const std::vector<torch::Tensor>& v) {
    torch::Tensor inner = torch::zeros({}, gradZeta.front().options());
    for (std::size_t i = 0; i < gradZeta.size(); ++i)
        inner = inner + (gradZeta[i] * v[i]).sum();
    auto hv = gradients(inner, m_parameters, false, true);
    for (std::size_t i = 0; i < hv.size(); ++i)
        hv[i] = hv[i].detach().add_(v[i], m_config.damping);
    return hv;
}

torch::Tensor ApproxGrad::finiteDifferenceStepFor(const std::vector<torch::Tensor>& v) const {
    // On the device: h = 0 for v = 0 (the products below are then 0, whatever they divide by).
    const auto vNorm = squaredNormOnDevice(v).sqrt();
    const auto h = m_config.finiteDifferenceStep * (1.0 + squaredNormOnDevice(m_parameters).sqrt()) / vNorm;
    return torch::where(vNorm > 0, h, torch::zeros_like(h));
}

std::vector<torch::Tensor> ApproxGrad::finiteDifferenceProduct(const torch::Tensor& poisonRows, const LowerObjective& lower,
                                                               std::int64_t draw, const std::vector<torch::Tensor>& v) {
    const auto h = finiteDifferenceStepFor(v);
    auto gradientAt = [&](const torch::Tensor& s) {
        const ShiftedParameters shifted(m_parameters, v, s);
        return gradients(lower(poisonRows, draw), m_parameters, false, false);
    };
    const auto plus = gradientAt(h);
    const auto minus = gradientAt(-h);
    // With h = 0 both gradients are taken at θ itself and their difference is exactly 0: divide by 1 instead.
    const auto twiceH = torch::where(h > 0, 2.0 * h, torch::ones_like(h));
    std::vector<torch::Tensor> hv;
    for (std::size_t i = 0; i < plus.size(); ++i)
        hv.push_back((plus[i] - minus[i]).div_(twiceH.to(plus[i].scalar_type())).add_(v[i], m_config.damping).detach());
    return hv;
}

UpperStepStats ApproxGrad::step(torch::Tensor& poisons, const torch::Tensor& base, const torch::Tensor& rows,
                                const LowerObjective& lower, const UpperObjective& upper, const PoisonShare& poisonShare) {
    require(poisons.sizes() == base.sizes(), "ApproxGrad: poisons ", poisons.sizes(), " and base ", base.sizes(),
            " differ in shape");
    require(poisons.size(0) == m_poisonT.size(0), "ApproxGrad: poison set has ", poisons.size(0), " rows, expected ",
            m_poisonT.size(0));
    UpperStepStats stats;
    const auto started = Clock::now();
    const auto index = rows.to(poisons.device(), torch::kLong);

    // 1. T1 lower-level steps on θ with the poisons fixed, fresh noise each step.
    auto stepStart = Clock::now();
    const auto fixedPoisons = poisons.index_select(0, index).detach();
    // The losses stay on the device until the T1 steps are done: one host copy per upper step, not one per step.
    std::vector<torch::Tensor> losses;
    for (std::int64_t t = 0; t < m_config.lowerSteps; ++t) {
        const PrecisionScope scope(m_config.precision, fixedPoisons.device());
        const auto loss = lower(fixedPoisons, m_draw++);
        losses.push_back(loss.detach().to(torch::kDouble));
        auto grads = gradients(loss, m_parameters, false, false);
        adamOnParameters(m_parameters, grads, m_thetaM, m_thetaV, m_thetaT, m_config.lowerLearningRate);
    }
    if (!losses.empty()) {
        const auto values = torch::stack(losses).cpu();
        const auto* value = values.data_ptr<double>();
        for (std::int64_t t = 0; t < values.numel(); ++t)
            require(std::isfinite(value[t]), "lower-level loss became ", value[t], " at upper step ", m_steps, ", lower step ", t,
                    " (lower the lower-level learning rate)");
    }
    stats.secondsLower = since(stepStart);

    // 2-3. The hypergradient at the θ the lower steps reached.
    const auto hypergradient = this->hypergradient(fixedPoisons, lower, upper, &stats, poisonShare);
    if (std::isnan(stats.lower) && !losses.empty()) stats.lower = losses.back().item<double>(); // ζ not evaluated whole

    // 4. Move the poisons and project them back into the budget.
    stepStart = Clock::now();
    {
        torch::NoGradGuard noGrad;
        auto batch = fixedPoisons.clone();
        if (m_config.poisonStep == PoisonStep::Sign) {
            const double step = m_config.signStep > 0 ? m_config.signStep : m_config.epsilon / 10.0;
            batch.sub_(hypergradient.sign() * step);
        } else {
            auto m = m_poisonM.index_select(0, index).mul_(kBeta1).add_(hypergradient, 1.0 - kBeta1);
            auto v = m_poisonV.index_select(0, index).mul_(kBeta2).addcmul_(hypergradient, hypergradient, 1.0 - kBeta2);
            auto t = m_poisonT.index_select(0, index).add_(1);
            m_poisonM.index_copy_(0, index, m);
            m_poisonV.index_copy_(0, index, v);
            m_poisonT.index_copy_(0, index, t);
            // Per-row bias correction: rows are visited a different number of times.
            std::vector<std::int64_t> broadcast(static_cast<std::size_t>(batch.dim()), 1);
            broadcast[0] = -1;
            const auto tf = t.to(batch.scalar_type()).view(broadcast);
            const auto correction1 = 1.0 - torch::pow(kBeta1, tf);
            const auto correction2 = 1.0 - torch::pow(kBeta2, tf);
            batch.sub_(m_config.poisonLearningRate * (m / correction1) / ((v / correction2).sqrt() + kAdamEps));
        }
        auto baseRows = base.index_select(0, index);
        projectPoisons(batch, baseRows, m_config.epsilon, m_config.clampToUnit);
        poisons.index_copy_(0, index, batch);
        const auto delta = (poisons - base).abs();
        stats.meanAbsPerturbation = delta.mean().item<double>();
        stats.fractionAtBudget =
            m_config.epsilon > 0 ? delta.ge(m_config.epsilon - 1e-5).to(torch::kFloat).mean().item<double>() : 1.0;
    }
    stats.secondsUpdate = since(stepStart);
    stats.secondsTotal = since(started);
    ++m_steps;
    return stats;
}

torch::Tensor ApproxGrad::hypergradient(const torch::Tensor& poisonRows, const LowerObjective& lower, const UpperObjective& upper,
                                        UpperStepStats* stats, const PoisonShare& poisonShare) {
    UpperStepStats local;
    const auto device = poisonRows.device();
    // 2. One fixed draw for ξ, the q-solve and the mixed partial: they must describe the same ζ.
    auto stepStart = Clock::now();
    const std::int64_t fixedDraw = m_draw++;
    std::vector<torch::Tensor> rhs;
    {
        const PrecisionScope scope(m_config.precision, device);
        const auto xi = upper(fixedDraw);
        local.upper = xi.item<double>();
        rhs = gradients(xi, m_parameters, false, false);
    }
    local.rhsNorm = std::sqrt(squaredNorm(rhs));
    // The curvature in fp32 whatever the precision of the lower steps (see ApproxGradConfig::precision).
    const PrecisionScope exact(Precision::Fp32, device);
    const bool finiteDifference = m_config.hessianProduct == HessianProduct::FiniteDifference;
    auto u = poisonRows.detach().clone().requires_grad_(true);
    const auto fixedRows = poisonRows.detach();
    // Autograd keeps ∇θζ's graph for the double backward; finite differences need only ζ's value here.
    std::vector<torch::Tensor> gradZeta;
    // First-order needs no Hessian of ζ, only its mixed partial, which the poisons' share carries whole.
    const bool shareOnly = poisonShare && !finiteDifference && m_config.solver == LinearSolver::FirstOrder;
    if (finiteDifference) {
        torch::NoGradGuard noGrad;
        local.lower = lower(fixedRows, fixedDraw).item<double>();
    } else if (shareOnly) {
        local.lower = std::numeric_limits<double>::quiet_NaN(); // step() reports the last lower step's ζ
        gradZeta = gradients(poisonShare(u, fixedDraw), m_parameters, true, true);
    } else {
        const auto zeta = lower(u, fixedDraw);
        local.lower = zeta.item<double>();
        gradZeta = gradients(zeta, m_parameters, true, true);
    }
    auto product = [&](const std::vector<torch::Tensor>& v) {
        return finiteDifference ? finiteDifferenceProduct(fixedRows, lower, fixedDraw, v) : autogradProduct(gradZeta, v);
    };

    auto residualOf = [&](const std::vector<torch::Tensor>& q) {
        auto r = product(q);
        for (std::size_t i = 0; i < r.size(); ++i)
            r[i].sub_(rhs[i]);
        return r;
    };
    switch (m_config.solver) {
    case LinearSolver::FirstOrder:
        for (std::size_t i = 0; i < m_q.size(); ++i)
            m_q[i] = rhs[i].detach().clone();
        local.residualBefore = local.residualAfter = std::numeric_limits<double>::quiet_NaN();
        break;
    case LinearSolver::Adam: {
        // Minimise ½‖(H + ρI)q − g‖²: its gradient is (H + ρI)r, one more Hessian-vector product per step.
        std::vector<torch::Tensor> trace; // ‖r‖² per iteration on the device, read back once after the loop
        for (std::int64_t t = 0; t < m_config.linearSteps; ++t) {
            const auto r = residualOf(m_q);
            trace.push_back(squaredNormOnDevice(r));
            const auto grad = product(r);
            adamOnParameters(m_q, grad, m_qM, m_qV, m_qT, m_config.linearLearningRate);
        }
        trace.push_back(squaredNormOnDevice(residualOf(m_q)));
        const auto norms = torch::stack(trace).sqrt().to(torch::kCPU, torch::kDouble);
        for (std::int64_t t = 0; t < norms.size(0); ++t)
            local.residualTrace.push_back(norms[t].item<double>());
        local.residualBefore = local.residualTrace.front();
        local.residualAfter = local.residualTrace.back();
        break;
    }
    case LinearSolver::ConjugateGradient: {
        auto r = residualOf(m_q);
        for (auto& t : r)
            t.neg_();
        local.residualBefore = std::sqrt(squaredNorm(r));
        local.residualTrace.push_back(local.residualBefore);
        auto p = r;
        for (auto& t : p)
            t = t.clone();
        // All T2 iterations run with their scalars on the device: once the residual is 0 or the curvature is not
        // positive (CG's step would be meaningless), `active` turns 0 and every later step has length 0 (which is
        // where the host loop this replaces stopped), instead of the loop reading a scalar back each iteration.
        auto rr = squaredNormOnDevice(r);
        auto active = rr > 0;
        std::vector<torch::Tensor> trace; // ‖r‖² per iteration, read back once after the loop
        for (std::int64_t t = 0; t < m_config.linearSteps; ++t) {
            const auto ap = product(p);
            const auto curvature = dotOnDevice(p, ap);
            active = active.logical_and(curvature > 0);
            const auto alpha =
                torch::where(active, rr / torch::where(active, curvature, torch::ones_like(curvature)), torch::zeros_like(rr));
            for (std::size_t i = 0; i < m_q.size(); ++i) {
                m_q[i].add_(p[i] * alpha.to(p[i].scalar_type()));
                r[i].sub_(ap[i] * alpha.to(ap[i].scalar_type()));
            }
            const auto next = squaredNormOnDevice(r);
            const auto beta = torch::where(active, next / torch::where(active, rr, torch::ones_like(rr)), torch::zeros_like(rr));
            for (std::size_t i = 0; i < p.size(); ++i)
                p[i] = r[i] + p[i] * beta.to(p[i].scalar_type());
            rr = torch::where(active, next, rr);
            active = active.logical_and(rr > 0);
            trace.push_back(rr);
        }
        if (!trace.empty()) {
            const auto norms = torch::stack(trace).sqrt().to(torch::kCPU, torch::kDouble);
            for (std::int64_t t = 0; t < norms.size(0); ++t)
                local.residualTrace.push_back(norms[t].item<double>());
        }
        local.residualAfter = std::sqrt(rr.item<double>());
        break;
    }
    }
    local.secondsLinear = since(stepStart);

    // 3. Hypergradient p = ∇uξ − ∇²uθζ·q; ∇uξ = 0 because ξ is measured on clean validation points.
    stepStart = Clock::now();
    torch::Tensor mixed;
    if (finiteDifference) {
        // ∇²uθζ·q = d/ds ∇uζ(θ + s·q) at s = 0, by the same central difference (0 when q = 0, as h is then).
        const auto h = finiteDifferenceStepFor(m_q);
        auto gradientAt = [&](const torch::Tensor& s) {
            const ShiftedParameters shifted(m_parameters, m_q, s);
            auto rows = poisonRows.detach().clone().requires_grad_(true);
            auto grad = torch::autograd::grad({lower(rows, fixedDraw)}, {rows}, {}, false, false, true)[0];
            return grad.defined() ? grad : torch::zeros_like(rows);
        };
        const auto twiceH = torch::where(h > 0, 2.0 * h, torch::ones_like(h));
        mixed = (gradientAt(h) - gradientAt(-h)).div_(twiceH.to(poisonRows.scalar_type()));
    } else {
        torch::Tensor inner = torch::zeros({}, u.options().requires_grad(false));
        for (std::size_t i = 0; i < gradZeta.size(); ++i)
            inner = inner + (gradZeta[i] * m_q[i]).sum();
        mixed = torch::autograd::grad({inner}, {u}, {}, false, false, true)[0];
    }
    const auto result = mixed.defined() ? mixed.neg() : torch::zeros_like(u);
    local.hypergradientNorm = result.norm().item<double>();
    local.secondsMixed = since(stepStart);
    if (stats) {
        stats->upper = local.upper;
        stats->lower = local.lower;
        stats->rhsNorm = local.rhsNorm;
        stats->residualBefore = local.residualBefore;
        stats->residualAfter = local.residualAfter;
        stats->residualTrace = local.residualTrace;
        stats->hypergradientNorm = local.hypergradientNorm;
        stats->secondsLinear = local.secondsLinear;
        stats->secondsMixed = local.secondsMixed;
    }
    return result.detach();
}

std::vector<std::pair<std::string, torch::Tensor>> ApproxGrad::state() const {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    auto add = [&](const std::string& prefix, const std::vector<torch::Tensor>& tensors) {
        for (std::size_t i = 0; i < tensors.size(); ++i)
            out.emplace_back(prefix + std::to_string(i), tensors[i]);
    };
    add("theta_m.", m_thetaM);
    add("theta_v.", m_thetaV);
    add("q.", m_q);
    add("q_m.", m_qM);
    add("q_v.", m_qV);
    out.emplace_back("poison_m", m_poisonM);
    out.emplace_back("poison_v", m_poisonV);
    out.emplace_back("poison_t", m_poisonT);
    out.emplace_back("counters", torch::tensor({m_thetaT, m_qT, m_steps, m_draw}, torch::kLong));
    return out;
}

void ApproxGrad::loadState(const std::vector<std::pair<std::string, torch::Tensor>>& state) {
    std::map<std::string, torch::Tensor> byName(state.begin(), state.end());
    auto take = [&](const std::string& name, const torch::Tensor& like) {
        const auto found = byName.find(name);
        require(found != byName.end(), "attack checkpoint lacks ApproxGrad state '", name, "'");
        require(found->second.sizes() == like.sizes(), "attack checkpoint: ApproxGrad state '", name, "' has shape ",
                found->second.sizes(), ", expected ", like.sizes());
        return found->second.to(like.device(), like.scalar_type()).clone();
    };
    auto takeAll = [&](const std::string& prefix, std::vector<torch::Tensor>& tensors) {
        for (std::size_t i = 0; i < tensors.size(); ++i)
            tensors[i] = take(prefix + std::to_string(i), tensors[i]);
    };
    takeAll("theta_m.", m_thetaM);
    takeAll("theta_v.", m_thetaV);
    takeAll("q.", m_q);
    takeAll("q_m.", m_qM);
    takeAll("q_v.", m_qV);
    m_poisonM = take("poison_m", m_poisonM);
    m_poisonV = take("poison_v", m_poisonV);
    m_poisonT = take("poison_t", m_poisonT);
    const auto counters = take("counters", torch::zeros({4}, torch::kLong)).cpu();
    m_thetaT = counters[0].item<std::int64_t>();
    m_qT = counters[1].item<std::int64_t>();
    m_steps = counters[2].item<std::int64_t>();
    m_draw = counters[3].item<std::int64_t>();
}

} // namespace pacd
