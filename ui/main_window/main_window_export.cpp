// The window's Export menu: plots as figures (ui/export), the inspector grid, results as CSV (core's report), and
// the poisoned data set of the last run (ui/export's background dialog). Dialog-free slots do the work, so that
// tests and scripts can call them.
#include "main_window/main_window.h"

#include "results/report.h"
#include "plan/experiment_plan.h"
#include "export/dataset_export_dialog.h"
#include "export/plot_export.h"
#include "inspector/image_inspector.h"
#include "plots/live_plot.h"
#include "plots/plots_view.h"
#include "toy/toy_playground.h"

#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QSaveFile>

namespace pacd::ui {

void MainWindow::buildExportMenu() {
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportPlotsAction = m_exportMenu->addAction(QString(), this, [this] {
        const auto dir = QFileDialog::getExistingDirectory(this, tr("Folder for the figures"));
        if (dir.isEmpty()) return;
        QString error;
        const auto files = exportPlots(dir, {QStringLiteral("png"), QStringLiteral("pdf"), QStringLiteral("svg")}, &error);
        if (!error.isEmpty()) return showMessage(QMessageBox::Warning, tr("Export failed"), error);
        showMessage(QMessageBox::Information, tr("Figures written"),
                    tr("%n file(s) in %1 (16 × 10 cm, 300 dpi).", nullptr, static_cast<int>(files.size())).arg(dir));
    });
    m_exportGridAction = m_exportMenu->addAction(QString(), this, [this] {
        const auto path = QFileDialog::getSaveFileName(this, tr("Image grid"), QStringLiteral("poisons.png"), tr("PNG images (*.png)"));
        QString error;
        if (!path.isEmpty() && !exportInspectorGrid(path, &error)) showMessage(QMessageBox::Warning, tr("Export failed"), error);
    });
    m_exportCsvAction = m_exportMenu->addAction(QString(), this, [this] {
        const auto path = QFileDialog::getSaveFileName(this, tr("Results"), QStringLiteral("results.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportResultsCsv(path, &error)) showMessage(QMessageBox::Warning, tr("Export failed"), error);
    });
    m_exportPoisonsAction = m_exportMenu->addAction(QString(), this, [this] {
        auto* dialog = new DatasetExportDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (m_record) {
            DatasetExportRequest request = dialog->request();
            // The first PACD poison set of the run (points mode has one per attacked point).
            const auto poisons = pacd::artefactsOfKind(*m_record, pacd::StageKind::Poison);
            if (!poisons.empty()) request.manifest = QString::fromStdString(poisons.front());
            request.dataDir = m_options.dataDir;
            // The victims trained on the spec's stratified subset: export that view, not the full training part.
            try {
                request.subset = pacd::resolve(pacd::ExperimentSpec::fromJson(m_record->specJson, "run record")).subset;
            } catch (const std::exception&) {
                // a record without a readable spec: the dialog's subset field stays for the user to set
            }
            dialog->setRequest(request);
        }
        dialog->show();
    });
}

QStringList MainWindow::exportPlots(const QString& directory, const QStringList& suffixes, QString* error) {
    QList<QPair<QString, QCustomPlot*>> plots;
    for (auto* plot : m_plots->plots()) plots.append({plot->objectName(), plot});
    plots.append({QStringLiteral("toyPlot"), m_toy->plot()});
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

bool MainWindow::exportResultsCsv(const QString& path, QString* error) {
    if (!m_record) {
        if (error) *error = tr("There are no results yet: run an experiment or open one first.");
        return false;
    }
    QSaveFile file(path); // atomic: a failed write leaves no half-written file
    const auto text = renderReport({*m_record}, ReportFormat::Csv);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) < 0 || !file.commit()) {
        if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool MainWindow::exportInspectorGrid(const QString& path, QString* error) {
    if (m_inspector->rowCount() == 0) {
        if (error) *error = tr("The image inspector is empty: start a run to see the poisons.");
        return false;
    }
    return saveImagePng(m_inspector->gridImage(), path, error);
}

} // namespace pacd::ui
