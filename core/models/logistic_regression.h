#pragma once
#include "models/classifier.h"

#include <torch/nn/modules/linear.h>

namespace pacd {

/// Multinomial logistic regression (one linear layer on the flattened input): the paper's toy model (App. D.2).
/// With two classes it is ordinary logistic regression on the logit difference.
class LogisticRegressionImpl : public ClassifierImpl {
  public:
    explicit LogisticRegressionImpl(const ModelSpec& spec);
    torch::nn::Linear& linear() { return m_linear; }

  protected:
    torch::Tensor body(const torch::Tensor& x) override;
    torch::Tensor penultimate(const torch::Tensor& x) override;

  private:
    torch::nn::Linear m_linear{nullptr};
};

} // namespace pacd
