#include "main_window/window_actions.h"

#include "i18n/language.h"
#include "main_window/export_controller.h"
#include "main_window/main_window.h"
#include "session/recent_files.h"
#include "session/results_browser.h"

#include <QAction>
#include <QActionGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

#include <exception>

namespace pacd::ui {

WindowActions::WindowActions(MainWindow& window, RunController* controller, LanguageManager* languages, RecentFiles* recent,
                             ExportController* exports)
    : QObject(&window), m_window(window), m_controller(controller), m_languages(languages), m_recent(recent), m_exports(exports) {
    buildFileMenu();
    buildRunMenu();
    m_viewMenu = m_window.menuBar()->addMenu(QString());
    m_presentationAction =
        m_viewMenu->addAction(QString(), QKeySequence(Qt::Key_F11), &m_window, &MainWindow::setPresentationMode);
    m_presentationAction->setCheckable(true);
    buildLanguageMenu();
    m_helpMenu = m_window.menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(&m_window, tr("About pacd-studio"),
                           tr("<p><b>pacd-studio %1</b></p><p>Explores the PACD attack: bilevel, clean-label data poisoning "
                              "that shrinks the certified radius of randomized-smoothing defenses (Mehra et al., "
                              "<i>How Robust are Randomized Smoothing based Defenses to Data Poisoning?</i>).</p>")
                               .arg(QStringLiteral(PACD_VERSION)));
    });
    connect(m_recent, &RecentFiles::changed, this, &WindowActions::rebuildRecentMenu);
    connect(m_controller, &RunController::stateChanged, this, &WindowActions::setRunState);
    rebuildRecentMenu();
}

void WindowActions::buildFileMenu() {
    m_fileMenu = m_window.menuBar()->addMenu(QString());
    m_openAction = m_fileMenu->addAction(QString(), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(&m_window, tr("Open experiment"), QString(),
                                                          tr("Experiments (*.json);;Results stores (*.sqlite);;All files (*)"));
        if (!path.isEmpty()) m_window.openSession(path);
    });
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_saveAction = m_fileMenu->addAction(QString(), QKeySequence::Save, this, [this] {
        if (!m_window.sessionPath().isEmpty())
            m_window.saveSession(m_window.sessionPath());
        else
            m_saveAsAction->trigger();
    });
    m_saveAsAction = m_fileMenu->addAction(QString(), QKeySequence::SaveAs, this, [this] {
        QString path = QFileDialog::getSaveFileName(&m_window, tr("Save experiment"), QString(), tr("Experiments (*.json)"));
        if (path.isEmpty()) return;
        if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
        m_window.saveSession(path);
    });
    m_fileMenu->addSeparator();
    m_openStoreAction = m_fileMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getOpenFileName(&m_window, tr("Open results store"),
                                                          QFileInfo(m_window.resultsStorePath()).absolutePath(),
                                                          tr("Results stores (*.sqlite);;All files (*)"));
        if (!path.isEmpty()) m_window.openResultsStore(path);
    });
    m_browseAction = m_fileMenu->addAction(QString(), this, &WindowActions::browsePastRuns);
    m_fileMenu->addSeparator();
    buildExportMenu();
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, &m_window, &QWidget::close);
}

void WindowActions::buildExportMenu() {
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportPlotsAction = m_exportMenu->addAction(QString(), m_exports, &ExportController::exportPlotsWithDialog);
    m_exportGridAction = m_exportMenu->addAction(QString(), m_exports, &ExportController::exportInspectorGridWithDialog);
    m_exportCsvAction = m_exportMenu->addAction(QString(), m_exports, &ExportController::exportResultsCsvWithDialog);
    m_exportPoisonsAction = m_exportMenu->addAction(QString(), m_exports, &ExportController::openDatasetExport);
}

void WindowActions::buildRunMenu() {
    m_runMenu = m_window.menuBar()->addMenu(QString());
    m_startAction = m_runMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_R), &m_window, &MainWindow::startRun);
    m_pauseAction = m_runMenu->addAction(QString(), this, [this] {
        if (m_controller->state() == RunController::State::Paused)
            m_controller->resume();
        else
            m_controller->pause();
    });
    m_cancelAction = m_runMenu->addAction(QString(), this, [this] { m_controller->cancel(); });
    m_pauseAction->setEnabled(false);
    m_cancelAction->setEnabled(false);
}

void WindowActions::buildLanguageMenu() {
    m_languageMenu = m_window.menuBar()->addMenu(QString());
    auto* group = new QActionGroup(this);
    for (const auto& language : LanguageManager::available()) {
        auto* action =
            m_languageMenu->addAction(language.native, this, [this, code = language.code] { m_window.setLanguage(code); });
        action->setCheckable(true);
        action->setData(language.code);
        action->setChecked(language.code == QLatin1String("en"));
        group->addAction(action);
    }
    connect(m_languages, &LanguageManager::languageChanged, this, [this](const QString& code) {
        for (auto* action : m_languageMenu->actions())
            action->setChecked(action->data().toString() == code);
    });
}

void WindowActions::rebuildRecentMenu() {
    m_recentMenu->clear();
    const auto files = m_recent->files();
    for (const auto& file : files)
        m_recentMenu->addAction(QFileInfo(file).fileName(), this, [this, file] { m_window.openSession(file); })->setToolTip(file);
    if (!files.isEmpty()) m_recentMenu->addSeparator();
    auto* clear = m_recentMenu->addAction(tr("Clear list"), m_recent, &RecentFiles::clear);
    clear->setEnabled(!files.isEmpty());
}

void WindowActions::browsePastRuns() {
    ResultsBrowser browser(m_window.resultsStorePath(), &m_window);
    if (browser.exec() != QDialog::Accepted) return;
    try {
        m_window.showRecord(browser.selectedRecord());
    } catch (const std::exception& e) {
        m_window.showMessage(QMessageBox::Warning, tr("Cannot open the run"), QString::fromUtf8(e.what()));
    }
}

void WindowActions::setRunState(RunController::State state) {
    const bool busy = state == RunController::State::Running || state == RunController::State::Pausing ||
                      state == RunController::State::Cancelling;
    m_startAction->setEnabled(state == RunController::State::Idle || state == RunController::State::Replaying);
    m_pauseAction->setEnabled(state == RunController::State::Running || state == RunController::State::Paused);
    m_cancelAction->setEnabled(busy || state == RunController::State::Paused || state == RunController::State::Replaying);
    m_pauseAction->setText(state == RunController::State::Paused ? tr("&Resume") : tr("&Pause"));
}

void WindowActions::retranslate() {
    m_fileMenu->setTitle(tr("&File"));
    m_openAction->setText(tr("&Open experiment…"));
    m_recentMenu->setTitle(tr("Open &recent"));
    m_saveAction->setText(tr("&Save experiment"));
    m_saveAsAction->setText(tr("Save experiment &as…"));
    m_openStoreAction->setText(tr("Open results &store…"));
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
    rebuildRecentMenu();
}

} // namespace pacd::ui
