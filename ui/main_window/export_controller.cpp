#include "main_window/export_controller.h"

#include "defender/defender_view.h"
#include "export/dataset_export_dialog.h"
#include "export/plot_export.h"
#include "inspector/image_inspector.h"
#include "main_window/main_window.h"
#include "plan/experiment_plan.h"
#include "plots/live_plot.h"
#include "plots/plots_view.h"
#include "results/report.h"
#include "toy/toy_playground.h"

#include <QDir>
#include <QFileDialog>
#include <QList>
#include <QMessageBox>
#include <QPair>
#include <QSaveFile>

#include <exception>

namespace pacd::ui {

ExportController::ExportController(MainWindow& window) : QObject(&window), m_window(window) {}

QStringList ExportController::exportPlots(const QString& directory, const QStringList& suffixes, QString* error) {
    QList<QPair<QString, QCustomPlot*>> plots;
    for (auto* plot : m_window.plots()->plots())
        plots.append({plot->objectName(), plot});
    plots.append({QStringLiteral("toyPlot"), m_window.toyPlayground()->plot()});
    // The Defender tab's ROC curves and defense bars when it shows a defended run (not empty frames otherwise).
    if (!m_window.defenderView()->showsEmptyState())
        for (auto* plot : m_window.defenderView()->plots())
            plots.append({plot->objectName(), plot});
    QStringList written;
    if (!QDir().mkpath(directory)) {
        if (error) *error = tr("Cannot create the folder %1").arg(directory);
        return written;
    }
    for (const auto& [name, plot] : plots)
        for (const auto& suffix : suffixes) {
            const auto path = QDir(directory).filePath(name + QLatin1Char('.') + suffix);
            PlotExportSettings settings; // 16 × 10 cm at 300 dpi
            settings.format = plotFormatForFile(path);
            if (!exportPlot(*plot, path, settings, error)) return written;
            written << path;
        }
    return written;
}

bool ExportController::exportResultsCsv(const QString& path, QString* error) {
    const auto& record = m_window.lastRecord();
    if (!record) {
        if (error) *error = tr("There are no results yet: run an experiment or open one first.");
        return false;
    }
    QSaveFile file(path); // atomic: a failed write leaves no half-written file
    const auto text = renderReport({*record}, ReportFormat::Csv);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) < 0 || !file.commit()) {
        if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ExportController::exportInspectorGrid(const QString& path, QString* error) {
    if (m_window.inspector()->rowCount() == 0) {
        if (error) *error = tr("The image inspector is empty: start a run to see the poisons.");
        return false;
    }
    return saveImagePng(m_window.inspector()->gridImage(), path, error);
}

void ExportController::exportPlotsWithDialog() {
    const auto dir = QFileDialog::getExistingDirectory(&m_window, tr("Folder for the figures"));
    if (dir.isEmpty()) return;
    QString error;
    const auto files = exportPlots(dir, {QStringLiteral("png"), QStringLiteral("pdf"), QStringLiteral("svg")}, &error);
    if (!error.isEmpty()) return m_window.showMessage(QMessageBox::Warning, tr("Export failed"), error);
    m_window.showMessage(QMessageBox::Information, tr("Figures written"),
                         tr("%n file(s) in %1 (16 × 10 cm, 300 dpi).", nullptr, static_cast<int>(files.size())).arg(dir));
}

void ExportController::exportInspectorGridWithDialog() {
    const auto path =
        QFileDialog::getSaveFileName(&m_window, tr("Image grid"), QStringLiteral("poisons.png"), tr("PNG images (*.png)"));
    QString error;
    if (!path.isEmpty() && !exportInspectorGrid(path, &error))
        m_window.showMessage(QMessageBox::Warning, tr("Export failed"), error);
}

void ExportController::exportResultsCsvWithDialog() {
    const auto path =
        QFileDialog::getSaveFileName(&m_window, tr("Results"), QStringLiteral("results.csv"), tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportResultsCsv(path, &error))
        m_window.showMessage(QMessageBox::Warning, tr("Export failed"), error);
}

void ExportController::openDatasetExport() {
    auto* dialog = new DatasetExportDialog(&m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto& record = m_window.lastRecord()) {
        DatasetExportRequest request = dialog->request();
        // The first PACD poison set of the run (points mode has one per attacked point).
        const auto poisons = pacd::artefactsOfKind(*record, pacd::StageKind::Poison);
        if (!poisons.empty()) request.manifest = QString::fromStdString(poisons.front());
        request.dataDir = m_window.options().dataDir;
        // The victims trained on the spec's stratified subset: export that view, not the full training part.
        try {
            request.subset = pacd::resolve(pacd::ExperimentSpec::fromJson(record->specJson, "run record")).subset;
        } catch (const std::exception&) {
            // a record without a readable spec: the dialog's subset field stays for the user to set
        }
        dialog->setRequest(request);
    }
    dialog->show();
}

} // namespace pacd::ui
