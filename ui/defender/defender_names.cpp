#include "defender/defender_names.h"

namespace pacd::ui {

QString DefenderNames::detector(const QString& name) {
    if (name == QLatin1String("spectral")) return tr("Spectral signatures");
    if (name == QLatin1String("activation-clustering")) return tr("Activation clustering");
    if (name == QLatin1String("deep-knn")) return tr("Deep k-NN");
    return name;
}

QString DefenderNames::poisonKind(const QString& data) {
    if (data == QLatin1String("poison")) return tr("PACD");
    if (data == QLatin1String("watermark")) return tr("watermark");
    if (data == QLatin1String("random")) return tr("random ±ε");
    if (data == QLatin1String("clean")) return tr("clean");
    return data;
}

QString DefenderNames::sanitizer(const QString& name) {
    if (name == QLatin1String("bit-depth")) return tr("Bit-depth reduction");
    if (name == QLatin1String("jpeg")) return tr("JPEG re-encoding");
    if (name == QLatin1String("median")) return tr("Median filter");
    if (name == QLatin1String("blur")) return tr("Gaussian blur");
    if (name == QLatin1String("none")) return tr("none");
    return name;
}

QString DefenderNames::parameterName(const QString& sanitizer) {
    if (sanitizer == QLatin1String("bit-depth")) return tr("bits");
    if (sanitizer == QLatin1String("jpeg")) return tr("quality");
    if (sanitizer == QLatin1String("median")) return tr("kernel");
    if (sanitizer == QLatin1String("blur")) return tr("s.d. (px)");
    return {};
}

} // namespace pacd::ui
