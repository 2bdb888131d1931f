#include "plan/vocabulary.h"

namespace pacd {

bool archFits(Arch arch, DatasetId dataset) {
    switch (dataset) {
    case DatasetId::ToyGaussians:
        return arch == Arch::Logistic;
    case DatasetId::Cifar10:
        return arch == Arch::ResNet20 || arch == Arch::ResNet56 || arch == Arch::ResNet110;
    case DatasetId::Mnist:
    case DatasetId::FashionMnist:
        return arch == Arch::MnistCnn;
    }
    return false;
}

int classCount(DatasetId dataset) {
    return dataset == DatasetId::ToyGaussians ? 2 : 10;
}

} // namespace pacd
