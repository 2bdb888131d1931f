#pragma once
// The window's exports: plots as figures (ui/export), the inspector grid, results as CSV (core's report), and the
// poisoned data set of the last run (ui/export's background dialog). The dialog-free functions do the work, so
// that tests and scripts can call them; the slots are what the File > Export menu's items do.
#include <QObject>
#include <QString>
#include <QStringList>

namespace pacd::ui {

class MainWindow;

class ExportController : public QObject {
    Q_OBJECT
  public:
    /// Exports what `window` shows; its dialogs and messages open over `window`.
    explicit ExportController(MainWindow& window);

    /// Writes every plot (the Plots tab's, the toy's, and the Defender tab's when it shows a defended run) into `directory` as
    /// <name>.<suffix> for each format, at 16 × 10 cm and 300 dpi. Returns the files written; on failure, none more and `error`
    /// says why.
    QStringList exportPlots(const QString& directory, const QStringList& suffixes, QString* error = nullptr);
    /// The last run's victims as CSV (one line per victim, every metric); false with `error` when there is none.
    bool exportResultsCsv(const QString& path, QString* error = nullptr);
    /// The image inspector's grid as PNG.
    bool exportInspectorGrid(const QString& path, QString* error = nullptr);

  public Q_SLOTS:
    /// Ask for a folder, write every plot as PNG, PDF and SVG, and say how many files.
    void exportPlotsWithDialog();
    void exportInspectorGridWithDialog();
    void exportResultsCsvWithDialog();
    /// The poisoned-data-set dialog, filled from the last run (its poison set, data directory and subset).
    void openDatasetExport();

  private:
    MainWindow& m_window;
};

} // namespace pacd::ui
