#pragma once
// The window's menus and their actions: File (sessions, recent files, past runs, Export), Run, View (presentation
// mode), Language and Help. The actions call the window, its run controller and its export controller; the run's
// state enables them.
#include "engine/run_controller.h"

#include <QObject>

class QAction;
class QMenu;

namespace pacd::ui {

class ExportController;
class LanguageManager;
class MainWindow;
class RecentFiles;

class WindowActions : public QObject {
    Q_OBJECT
  public:
    /// Builds the menus in `window`'s menu bar.
    WindowActions(MainWindow& window, RunController* controller, LanguageManager* languages, RecentFiles* recent,
                  ExportController* exports);

    QAction* presentationAction() const { return m_presentationAction; }
    /// The menus' texts in the current language (the window calls it on QEvent::LanguageChange).
    void retranslate();

  private:
    void buildFileMenu();
    void buildExportMenu();
    void buildRunMenu();
    void buildLanguageMenu();
    void rebuildRecentMenu();
    void browsePastRuns();
    void setRunState(RunController::State state);

    MainWindow& m_window;
    RunController* m_controller;
    LanguageManager* m_languages;
    RecentFiles* m_recent;
    ExportController* m_exports;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_exportMenu = nullptr;
    QMenu* m_runMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_openStoreAction = nullptr;
    QAction* m_browseAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_exportPlotsAction = nullptr;
    QAction* m_exportCsvAction = nullptr;
    QAction* m_exportPoisonsAction = nullptr;
    QAction* m_exportGridAction = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_presentationAction = nullptr;
    QAction* m_aboutAction = nullptr;
};

} // namespace pacd::ui
