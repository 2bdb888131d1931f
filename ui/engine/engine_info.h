#pragma once
// What the window needs to know about the engine, without torch: the device, the data sets on disk, and a
// thumbnail per class. Implemented over core/ in engine_info.cpp (the one place here that includes torch).
#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>

namespace pacd::ui {

/// A data set the engine knows, and whether its files are in the data directory.
struct DatasetInfo {
    QString name; ///< "mnist", "fashion-mnist", "cifar10"
    QString description;
    QString howToGet; ///< the command that provisions it
    bool present = false;
};

/// The data sets an experiment can run on (the toy has its own playground), present or not.
QVector<DatasetInfo> experimentDatasets(const QString& dataDir = {});
/// The data directory in force (override, $PACD_DATA_DIR, XDG...).
QString resolvedDataDir(const QString& dataDir = {});

/// Sets LibTorch's intra-op threads (0 = one per core); returns the count in force.
int configureEngineThreads(int threads = 0);
/// "CPU (2 threads)" or the GPU's name, for device `device` (auto | cpu | cuda | cuda:N); the error's text when
/// the device cannot be used.
QString describeEngineDevice(const QString& device = QStringLiteral("auto"));

/// One image and name per class of a data set (the first test image of each class), for the target picker.
/// Empty when the data set is missing or unreadable.
struct ClassThumbnails {
    QStringList classNames;
    QVector<QImage> images;
};
ClassThumbnails classThumbnails(const QString& dataset, const QString& dataDir = {});

} // namespace pacd::ui
