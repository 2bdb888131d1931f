#pragma once
// A fixed two-class linear classifier for smoothing tests, shared by the suites that need an analytic answer.
#include "models/classifier.h"

#include <torch/torch.h>

#include <algorithm>
#include <vector>

namespace pacd::test {

/// A two-class classifier on R^2 whose logit difference is w·x + b, with no parameters, counting the rows it
/// classifies. Its smoothed classifier is itself, so the exact certified radius at x, and the smallest ℓ2
/// perturbation that changes the smoothed prediction, is the distance to the boundary |w·x + b| / ‖w‖
/// (Cohen et al., Example 1).
class FixedLinearImpl : public ClassifierImpl {
  public:
    FixedLinearImpl(std::vector<float> w, float b) : ClassifierImpl(spec()), m_w(torch::tensor(w)), m_b(b) {}
    static ModelSpec spec() {
        ModelSpec s;
        s.arch = "logistic";
        s.inputShape = {2};
        s.numClasses = 2;
        return s;
    }
    std::int64_t rows = 0, calls = 0, largestCall = 0;

  protected:
    torch::Tensor body(const torch::Tensor& x) override {
        rows += x.size(0);
        ++calls;
        largestCall = std::max(largestCall, x.size(0));
        const auto margin = torch::mv(x, m_w) + m_b;
        return torch::stack({torch::zeros_like(margin), margin}, 1);
    }

  private:
    torch::Tensor m_w;
    float m_b;
};

} // namespace pacd::test
