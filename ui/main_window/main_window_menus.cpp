// MainWindow's menus, language, presentation mode and data-set fetching (the layout and runs are in
// main_window.cpp).
#include "main_window/main_window.h"

#include "engine/engine_info.h"
#include "experiment/collapsible_section.h"
#include "experiment/experiment_form.h"
#include "i18n/language.h"
#include "main_window/log_panel.h"
#include "main_window/run_panel.h"
#include "plots/plots_view.h"
#include "session/recent_files.h"
#include "session/results_browser.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>

#include <exception>

namespace pacd::ui {

void MainWindow::buildMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    m_openAction = m_fileMenu->addAction(QString(), QKeySequence::Open, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open experiment"), QString(), tr("Experiments (*.json);;All files (*)"));
        if (!path.isEmpty()) openSession(path);
    });
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_saveAction = m_fileMenu->addAction(QString(), QKeySequence::Save, this, [this] {
        if (!m_sessionPath.isEmpty())
            saveSession(m_sessionPath);
        else
            m_saveAsAction->trigger();
    });
    m_saveAsAction = m_fileMenu->addAction(QString(), QKeySequence::SaveAs, this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Save experiment"), QString(), tr("Experiments (*.json)"));
        if (path.isEmpty()) return;
        if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
        saveSession(path);
    });
    m_fileMenu->addSeparator();
    m_browseAction = m_fileMenu->addAction(QString(), this, [this] {
        ResultsBrowser browser(m_options.resultsStore, this);
        if (browser.exec() != QDialog::Accepted) return;
        try {
            showRecord(browser.selectedRecord());
        } catch (const std::exception& e) {
            showMessage(QMessageBox::Warning, tr("Cannot open the run"), QString::fromUtf8(e.what()));
        }
    });
    m_fileMenu->addSeparator();
    buildExportMenu();
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);

    m_runMenu = menuBar()->addMenu(QString());
    m_startAction = m_runMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_R), this, &MainWindow::startRun);
    m_pauseAction = m_runMenu->addAction(QString(), this, [this] {
        if (m_controller->state() == RunController::State::Paused)
            m_controller->resume();
        else
            m_controller->pause();
    });
    m_cancelAction = m_runMenu->addAction(QString(), this, [this] { m_controller->cancel(); });
    m_pauseAction->setEnabled(false);
    m_cancelAction->setEnabled(false);

    m_viewMenu = menuBar()->addMenu(QString());
    m_presentationAction = m_viewMenu->addAction(QString(), QKeySequence(Qt::Key_F11), this, &MainWindow::setPresentationMode);
    m_presentationAction->setCheckable(true);

    m_languageMenu = menuBar()->addMenu(QString());
    auto* group = new QActionGroup(this);
    for (const auto& language : LanguageManager::available()) {
        auto* action = m_languageMenu->addAction(language.native, this, [this, code = language.code] { setLanguage(code); });
        action->setCheckable(true);
        action->setData(language.code);
        action->setChecked(language.code == QLatin1String("en"));
        group->addAction(action);
    }
    connect(m_languages, &LanguageManager::languageChanged, this, [this](const QString& code) {
        for (auto* action : m_languageMenu->actions())
            action->setChecked(action->data().toString() == code);
    });

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About pacd-studio"),
                           tr("<p><b>pacd-studio %1</b></p><p>Explores the PACD attack: bilevel, clean-label data poisoning "
                              "that shrinks the certified radius of randomized-smoothing defenses (Mehra et al., "
                              "<i>How Robust are Randomized Smoothing based Defenses to Data Poisoning?</i>).</p>")
                               .arg(QStringLiteral(PACD_VERSION)));
    });
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const auto files = m_recent->files();
    for (const auto& file : files)
        m_recentMenu->addAction(QFileInfo(file).fileName(), this, [this, file] { openSession(file); })->setToolTip(file);
    if (!files.isEmpty()) m_recentMenu->addSeparator();
    auto* clear = m_recentMenu->addAction(tr("Clear list"), m_recent, &RecentFiles::clear);
    clear->setEnabled(!files.isEmpty());
}

void MainWindow::setLanguage(const QString& code) {
    if (!m_languages->setLanguage(code)) m_log->append(QStringLiteral("no translations for '%1' in this build").arg(code));
}

// Projectors: full screen, large type, only the controls that matter for a demonstration.
void MainWindow::setPresentationMode(bool on) {
    m_presentation = on;
    m_presentationAction->setChecked(on);
    QFont large = m_normalFont;
    large.setPointSizeF(m_normalFont.pointSizeF() * 1.5);
    setFont(on ? large : m_normalFont);
    m_plots->setLargeFonts(on);
    if (on) m_form->advancedSection()->setExpanded(false);
    statusBar()->setVisible(!on);
    m_tabs->setCurrentWidget(m_plots);
    if (on)
        showFullScreen();
    else
        showNormal();
}

// CIFAR-10 arrives through the CLI (download, MD5, extract): one code path for both front ends, and the
// download runs in its own process, so the window never waits on the network.
void MainWindow::fetchDataset(const QString& dataset) {
    if (m_fetch) return;
    const QString cli = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("pacd-cli"));
    if (!QFileInfo::exists(cli)) {
        showMessage(QMessageBox::Warning, tr("Cannot fetch %1").arg(dataset),
                    tr("pacd-cli was not found next to pacd-studio (%1). Run: pacd-cli fetch %2").arg(cli, dataset));
        return;
    }
    auto* process = new QProcess(this);
    m_fetch = process;
    QStringList arguments;
    if (!m_options.dataDir.isEmpty()) arguments << QStringLiteral("--data-dir") << m_options.dataDir;
    arguments << QStringLiteral("fetch") << dataset;
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::readyRead, this, [this, process] {
        for (const auto& line : QString::fromUtf8(process->readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            m_log->append(line.trimmed());
    });
    connect(process, &QProcess::finished, this, [this, process, dataset](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        m_form->refreshDatasets();
        if (status == QProcess::NormalExit && code == 0) {
            m_log->append(tr("%1 is installed").arg(dataset));
            return;
        }
        showMessage(QMessageBox::Warning, tr("Cannot fetch %1").arg(dataset),
                    tr("The download did not complete (are you online?). Offline, download cifar-10-binary.tar.gz elsewhere and "
                       "run: pacd-cli fetch cifar10 --from FILE. The log has the details."));
    });
    m_log->append(tr("fetching %1…").arg(dataset));
    m_tabs->setCurrentWidget(m_log);
    process->start(cli, arguments);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate() {
    setWindowTitle(tr("pacd-studio — poisoning certified defenses"));
    m_tabs->setTabText(0, tr("Plots"));
    m_tabs->setTabText(1, tr("Image inspector"));
    m_tabs->setTabText(2, tr("Toy playground"));
    m_tabs->setTabText(3, tr("Log"));
    m_fileMenu->setTitle(tr("&File"));
    m_openAction->setText(tr("&Open experiment…"));
    m_recentMenu->setTitle(tr("Open &recent"));
    m_saveAction->setText(tr("&Save experiment"));
    m_saveAsAction->setText(tr("Save experiment &as…"));
    m_browseAction->setText(tr("&Browse past runs…"));
    m_exportMenu->setTitle(tr("&Export"));
    m_exportPlotsAction->setText(tr("Plots as PNG, PDF or SVG…"));
    m_exportCsvAction->setText(tr("Results as CSV…"));
    m_exportPoisonsAction->setText(tr("Poisoned data set…"));
    m_exportGridAction->setText(tr("Image grid as PNG…"));
    m_quitAction->setText(tr("&Quit"));
    m_runMenu->setTitle(tr("&Run"));
    m_startAction->setText(tr("&Start"));
    m_pauseAction->setText(m_controller->state() == RunController::State::Paused ? tr("&Resume") : tr("&Pause"));
    m_cancelAction->setText(tr("&Cancel"));
    m_viewMenu->setTitle(tr("&View"));
    m_presentationAction->setText(tr("&Presentation mode"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About pacd-studio"));
    m_device->setText(tr("Device: %1").arg(describeEngineDevice(m_options.device)));
    rebuildRecentMenu();
}

} // namespace pacd::ui
