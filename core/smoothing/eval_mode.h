#pragma once
#include "models/classifier.h"

namespace pacd {

/// Puts a model in eval mode (no dropout, frozen batch-norm statistics) for a scope and restores its mode after.
class EvalModeScope {
  public:
    explicit EvalModeScope(ClassifierImpl& model) : m_model(model), m_wasTraining(model.is_training()) { model.eval(); }
    ~EvalModeScope() { m_model.train(m_wasTraining); }
    EvalModeScope(const EvalModeScope&) = delete;
    EvalModeScope& operator=(const EvalModeScope&) = delete;

  private:
    ClassifierImpl& m_model;
    bool m_wasTraining;
};

/// The device of the model's first parameter (CPU for a model without parameters).
inline torch::Device modelDevice(ClassifierImpl& model) {
    const auto parameters = model.parameters();
    return parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
}

/// The floating-point type of the model's parameters (float for a model without parameters).
inline torch::ScalarType modelDtype(ClassifierImpl& model) {
    const auto parameters = model.parameters();
    return parameters.empty() ? torch::kFloat : parameters.front().scalar_type();
}

} // namespace pacd
