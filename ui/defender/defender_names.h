#pragma once
// The Defender tab's words for the spec's vocabularies (detectors, sanitisers, poison kinds), translated: one place,
// so that the legend, the image rows and the sanitiser's picker say the same.
#include <QCoreApplication>
#include <QString>

namespace pacd::ui {

class DefenderNames {
    Q_DECLARE_TR_FUNCTIONS(DefenderNames)
  public:
    /// "spectral" → "Spectral signatures"; unknown names as they are.
    static QString detector(const QString& name);
    /// "poison" → "PACD", "watermark" → "watermark", "random" → "random ±ε", "clean" → "clean".
    static QString poisonKind(const QString& data);
    /// "bit-depth" → "Bit-depth reduction" (the parameter's meaning: parameterName()).
    static QString sanitizer(const QString& name);
    /// "bits", "quality", "kernel", "s.d. (px)".
    static QString parameterName(const QString& sanitizer);
};

} // namespace pacd::ui
