#pragma once
// pacd-studio's window: the experiment's controls and run buttons on the left; plots, inspector, toy playground
// and log in tabs on the right; menus for sessions, export, presentation mode and language.
#include "engine/run_controller.h"
#include "results/run_record.h"
#include "plan/experiment_plan.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include <optional>

class QAction;
class QLabel;
class QMenu;
class QProcess;
class QScrollArea;
class QSplitter;
class QTabWidget;

namespace pacd::ui {

class ExperimentForm;
class ImageInspector;
class LanguageManager;
class LogPanel;
class PlotsView;
class RecentFiles;
class RunPanel;
class ToyPlayground;

/// Where the window's runs read data and keep artefacts ("" = the engine's defaults).
struct MainWindowOptions {
    QString dataDir;
    QString workRoot;
    QString device = QStringLiteral("auto");
    QString resultsStore;        ///< runs are recorded here; "" = ResultsStore::defaultPath(dataDir), "none" = not at all
    bool restoreSettings = true; ///< read the last spec, language and geometry from QSettings
};

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(const MainWindowOptions& options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    ExperimentForm* form() const { return m_form; }
    RunPanel* runPanel() const { return m_runPanel; }
    PlotsView* plots() const { return m_plots; }
    LogPanel* log() const { return m_log; }
    ImageInspector* inspector() const { return m_inspector; }
    ToyPlayground* toyPlayground() const { return m_toy; }
    RunController* controller() const { return m_controller; }
    LanguageManager* languages() const { return m_languages; }
    QTabWidget* tabs() const { return m_tabs; }
    /// The last message box shown (errors, results), nullptr when none is open.
    QMessageBox* message() const { return m_message; }
    const std::optional<pacd::RunRecord>& lastRecord() const { return m_record; }
    bool isPresentationMode() const { return m_presentation; }

  public Q_SLOTS:
    /// Checks the form and starts a run; a problem (missing data set, invalid value) is shown, not run.
    bool startRun();
    void openSession(const QString& path);
    bool saveSession(const QString& path);
    void showRecord(const pacd::RunRecord& record);
    void setPresentationMode(bool on);
    void setLanguage(const QString& code);
    void fetchDataset(const QString& dataset);
    /// Writes every plot (the Plots tab's and the toy's) into `directory` as <name>.<suffix> for each format, at
    /// 16 × 10 cm and 300 dpi. Returns the files written; on failure, none more and `error` says why.
    QStringList exportPlots(const QString& directory, const QStringList& suffixes, QString* error = nullptr);
    /// The last run's victims as CSV (one line per victim, every metric); false with `error` when there is none.
    bool exportResultsCsv(const QString& path, QString* error = nullptr);
    /// The image inspector's grid as PNG.
    bool exportInspectorGrid(const QString& path, QString* error = nullptr);

  protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildLayout();
    void buildMenus();
    void buildExportMenu();
    void connectController();
    void retranslate();
    void rebuildRecentMenu();
    void showMessage(int icon, const QString& title, const QString& text);
    void onFinished(const pacd::RunRecord& record);
    void restoreState();
    void saveState() const;

    MainWindowOptions m_options;
    RunController* m_controller;
    LanguageManager* m_languages;
    RecentFiles* m_recent;
    ExperimentForm* m_form = nullptr;
    RunPanel* m_runPanel = nullptr;
    PlotsView* m_plots = nullptr;
    LogPanel* m_log = nullptr;
    QTabWidget* m_tabs = nullptr;
    QScrollArea* m_controls = nullptr;
    QSplitter* m_splitter = nullptr;
    QLabel* m_device = nullptr;
    ImageInspector* m_inspector = nullptr;
    ToyPlayground* m_toy = nullptr;
    QPointer<QMessageBox> m_message;
    QPointer<QProcess> m_fetch;
    std::optional<pacd::RunRecord> m_record;
    QString m_sessionPath;
    bool m_presentation = false;
    QFont m_normalFont;

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
