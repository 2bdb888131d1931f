#pragma once
#include "export/plot_export.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pacd::ui {

/// Asks for file, format, size (px or cm) and dpi, then exports the plot; errors are shown in a message box.
class PlotExportDialog : public QDialog {
    Q_OBJECT
  public:
    PlotExportDialog(QCustomPlot& plot, QWidget* parent = nullptr);

    PlotExportSettings settings() const;
    void setSettings(const PlotExportSettings& settings);
    QString path() const;
    void setPath(const QString& path);

  public Q_SLOTS:
    void accept() override;

  private:
    void browse();
    void onUnitChanged();
    void refreshSummary();

    QCustomPlot& m_plot;
    QLineEdit* m_path = nullptr;
    QComboBox* m_format = nullptr;
    QComboBox* m_unit = nullptr;
    QDoubleSpinBox* m_width = nullptr;
    QDoubleSpinBox* m_height = nullptr;
    QSpinBox* m_dpi = nullptr;
    QLabel* m_summary = nullptr;
    int m_lastUnit = 1;
};

} // namespace pacd::ui
