#pragma once
// The experiment's vocabularies: one enum and one name table each. Specs and the command line spell them as in
// the tables; the GUI's lists, the CLI's allowed values and the error messages all come from here. The victims'
// defenses are TrainMethod (training/train_config.h) and the attack's solvers LinearSolver
// (attack/approx_grad_config.h), each with its table beside its enum; the stage and data kinds of a run are in
// support/progress.h, since every progress event carries them.
#include "support/names.h"
#include "support/progress.h"

namespace pacd {

enum class DatasetId { Mnist, FashionMnist, Cifar10, ToyGaussians };
enum class Scale { Demo, Paper };
enum class Arch { MnistCnn, ResNet20, ResNet56, ResNet110, Logistic };
/// What is poisoned: every target-class training point, or the points nearest to single test points (App. D.6).
enum class PoisonMode { Class, Points };

template <> struct NameTable<DatasetId> {
    static constexpr const char* what = "data set";
    static constexpr std::array<std::pair<DatasetId, const char*>, 4> entries{{{DatasetId::Mnist, "mnist"},
                                                                               {DatasetId::FashionMnist, "fashion-mnist"},
                                                                               {DatasetId::Cifar10, "cifar10"},
                                                                               {DatasetId::ToyGaussians, "toy-gaussians"}}};
};

template <> struct NameTable<Scale> {
    static constexpr const char* what = "scale";
    static constexpr std::array<std::pair<Scale, const char*>, 2> entries{{{Scale::Demo, "demo"}, {Scale::Paper, "paper"}}};
};

template <> struct NameTable<Arch> {
    static constexpr const char* what = "architecture";
    static constexpr std::array<std::pair<Arch, const char*>, 5> entries{{{Arch::MnistCnn, "mnist-cnn"},
                                                                          {Arch::ResNet20, "resnet20"},
                                                                          {Arch::ResNet56, "resnet56"},
                                                                          {Arch::ResNet110, "resnet110"},
                                                                          {Arch::Logistic, "logistic"}}};
};

template <> struct NameTable<PoisonMode> {
    static constexpr const char* what = "mode";
    static constexpr std::array<std::pair<PoisonMode, const char*>, 2> entries{
        {{PoisonMode::Class, "class"}, {PoisonMode::Points, "points"}}};
};

template <> struct NameTable<StageKind> {
    static constexpr const char* what = "stage kind";
    static constexpr std::array<std::pair<StageKind, const char*>, 7> entries{{{StageKind::None, ""},
                                                                               {StageKind::Poison, "poison"},
                                                                               {StageKind::Watermark, "watermark"},
                                                                               {StageKind::Train, "train"},
                                                                               {StageKind::Certify, "certify"},
                                                                               {StageKind::Random, "random"},
                                                                               {StageKind::Detect, "detect"}}};
};

template <> struct NameTable<DataKind> {
    static constexpr const char* what = "data kind";
    static constexpr std::array<std::pair<DataKind, const char*>, 5> entries{{{DataKind::None, ""},
                                                                              {DataKind::Clean, "clean"},
                                                                              {DataKind::Watermark, "watermark"},
                                                                              {DataKind::Poison, "poison"},
                                                                              {DataKind::Random, "random"}}};
};

/// Whether a data set's inputs fit an architecture: the toy takes logistic regression, CIFAR-10 a ResNet,
/// MNIST-like data the paper's CNN.
bool archFits(Arch arch, DatasetId dataset);
/// Classes of a data set (the toy has two).
int classCount(DatasetId dataset);

} // namespace pacd
