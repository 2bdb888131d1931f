#pragma once
// What the per-test-image view shows, computed without widgets: a run's certificates of one test image (from the
// victims' Cohen TSV files) and the noisy draws x + N(0, σ²I) the smoothed classifier votes on.
#include "results/run_record.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace pacd::ui {

/// One victim's certificate of one test image: a line of its certify.tsv.
struct ImageCertificate {
    QString data; ///< clean | watermark | poison
    qint64 seed = 0;
    qint64 label = -1, predicted = -1; ///< predicted −1: abstained
    double radius = 0.0;               ///< as certified; 0 counts when the prediction is wrong
    bool correct = false;
};

/// A victim's certify.tsv: test index → certificate (the victim's data kind and seed filled in). Throws
/// std::runtime_error naming the file when it cannot be read or a line is malformed.
QMap<qint64, ImageCertificate> readCertificates(const QString& path, const QString& data, qint64 seed);

/// Every certificate of the record's victims, per test index (victims whose file is gone are skipped; `missing`
/// gets their paths).
QMap<qint64, QVector<ImageCertificate>> certificatesByImage(const pacd::RunRecord& record, QStringList* missing = nullptr);

/// The mean certified radius (0 when wrong or abstained, as the ACR counts it) of one data kind's victims; −1 when
/// none of them certified the image.
double meanRadius(const QVector<ImageCertificate>& certificates, const QString& data);

/// `count` draws of x + N(0, σ²I) with a seeded generator, unclamped (the classifier sees values outside [0, 1];
/// the display clamps them).
QVector<QVector<float>> noisyDraws(const QVector<float>& image, double sigma, int count, quint64 seed);

} // namespace pacd::ui
