#pragma once
#include "export/dataset_export.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
template <typename T> class QFutureWatcher;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pacd::ui {

/// Exports a poison set's training set (IDX, float IDX or PNG class folders) on a background thread; shows what
/// was written or the engine's message.
class DatasetExportDialog : public QDialog {
    Q_OBJECT
  public:
    explicit DatasetExportDialog(QWidget* parent = nullptr);

    DatasetExportRequest request() const;
    void setRequest(const DatasetExportRequest& request);
    bool isBusy() const { return m_busy; }

  public Q_SLOTS:
    /// Starts the export (what the Export button does).
    void startExport();

  Q_SIGNALS:
    void exportFinished(const pacd::ui::DatasetExportResult& result);

  private:
    void setBusy(bool busy);
    void onFinished(const DatasetExportResult& result);

    QLineEdit* m_manifest = nullptr;
    QLineEdit* m_outDir = nullptr;
    QComboBox* m_format = nullptr;
    QSpinBox* m_subset = nullptr;
    QSpinBox* m_splitSeed = nullptr;
    QCheckBox* m_poisonsOnly = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QFutureWatcher<DatasetExportResult>* m_watcher = nullptr;
    QString m_dataDir;
    bool m_busy = false;
};

} // namespace pacd::ui

Q_DECLARE_METATYPE(pacd::ui::DatasetExportResult)
