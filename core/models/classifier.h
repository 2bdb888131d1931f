#pragma once
#include <torch/nn/module.h>
#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pacd {

/// Everything needed to rebuild a classifier: stored in every checkpoint next to the weights.
struct ModelSpec {
    std::string arch = "mnist-cnn";                  ///< one of architectures()
    std::vector<std::int64_t> inputShape{1, 28, 28}; ///< [C, H, W] for images, [D] for vectors
    std::int64_t numClasses = 10;
    std::vector<double> mean;   ///< per-channel normalisation inside the model; empty = none
    std::vector<double> stddev; ///< same length as mean
    double dropout = 0.25;      ///< MNIST CNN's dropout rate (train mode only)

    bool operator==(const ModelSpec& other) const;
    bool operator!=(const ModelSpec& other) const { return !(*this == other); }
};

/// Base of every model in the engine. forward() takes inputs in pixel space ([0, 1]) and normalises inside,
/// so smoothing noise is added before normalisation, as in Cohen et al.'s code. Returns logits [N, classes].
class ClassifierImpl : public torch::nn::Module {
  public:
    explicit ClassifierImpl(ModelSpec spec);
    const ModelSpec& spec() const { return m_spec; }
    torch::Tensor forward(const torch::Tensor& pixels);
    /// The penultimate layer's activations [N, D] (what the last linear layer reads): the representation the
    /// poisoning detectors of defense/ work on (spectral signatures, activation clustering, deep k-NN). fp32.
    torch::Tensor features(const torch::Tensor& pixels);

  protected:
    /// The network proper, on normalised inputs.
    virtual torch::Tensor body(const torch::Tensor& normalised) = 0;
    /// The network up to its last linear layer, on normalised inputs (body() = last layer of penultimate()). The
    /// engine's models override it; the default throws (a model that does not expose its features).
    virtual torch::Tensor penultimate(const torch::Tensor& normalised);

  private:
    ModelSpec m_spec;
    torch::Tensor m_mean, m_stddev; // buffers, shaped to broadcast over [N, C, H, W]
};

using Classifier = std::shared_ptr<ClassifierImpl>;

/// Names accepted by makeClassifier(): "mnist-cnn", "resnet20", "resnet56", "resnet110", "logistic".
const std::vector<std::string>& architectures();

/// Builds a freshly initialised model; throws pacd::Error for an unknown architecture or a bad shape.
Classifier makeClassifier(const ModelSpec& spec);

/// The paper's pairing of architecture and data set (App. E.2), with the data set's normalisation.
ModelSpec defaultModelSpec(const std::string& arch, const std::string& dataset);

/// A deep copy with its own parameters and buffers, on the same device (for bilevel loops).
Classifier cloneClassifier(ClassifierImpl& model);

/// Number of trainable scalars.
std::int64_t parameterCount(const torch::nn::Module& module);

/// FNV-1a 64 over every parameter's and buffer's name and float bytes, as 16 hex digits: equal hashes mean
/// bit-identical weights (used to check that a resumed run ends where an uninterrupted one does).
std::string weightsHash(const torch::nn::Module& module);

} // namespace pacd
