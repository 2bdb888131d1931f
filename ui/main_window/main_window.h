#pragma once
// pacd-studio's window: the experiment's controls and run buttons on the left; plots, inspector, toy playground
// and log in tabs on the right; menus for sessions, export, presentation mode and language (window_actions.h), the
// exports (export_controller.h) and data-set fetching (dataset_fetcher.h) in classes of their own.
#include "engine/run_controller.h"
#include "plan/experiment_plan.h"
#include "results/run_record.h"

#include <QHash>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include <memory>
#include <optional>

class QBoxLayout;
class QLabel;
class QScrollArea;
class QSplitter;
class QTabWidget;

namespace pacd::ui {

class DatasetFetcher;
class DefenderView;
class ExperimentForm;
class ExportController;
class ImageInspector;
class LanguageManager;
class LogPanel;
class PlotsView;
class RecentFiles;
class ReplayBanner;
class RunPanel;
class TestImageView;
class ToyPlayground;
class WindowActions;

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
    TestImageView* testImageView() const { return m_testImage; }
    DefenderView* defenderView() const { return m_defender; }
    RunController* controller() const { return m_controller; }
    LanguageManager* languages() const { return m_languages; }
    WindowActions* actions() const { return m_actions; }
    ExportController* exports() const { return m_exports; }
    DatasetFetcher* fetcher() const { return m_fetcher; }
    QTabWidget* tabs() const { return m_tabs; }
    ReplayBanner* replayBanner() const { return m_banner; }
    /// The results store that Browse past runs lists: the one opened last (File ▸ Open results store…), else the one
    /// runs are recorded in (--store / MainWindowOptions::resultsStore), else results.sqlite in the data folder.
    QString resultsStorePath() const;
    /// Whether the run shown (showRecord) has an event log that can be replayed.
    bool canReplay() const { return static_cast<bool>(m_eventLog); }
    const MainWindowOptions& options() const { return m_options; }
    /// The session file last opened or saved ("" = none yet).
    QString sessionPath() const { return m_sessionPath; }
    /// The last message box shown (errors, results), nullptr when none is open.
    QMessageBox* message() const { return m_message; }
    const std::optional<pacd::RunRecord>& lastRecord() const { return m_record; }
    bool isPresentationMode() const { return m_presentation; }

  public Q_SLOTS:
    /// Checks the form and starts a run; a problem (missing data set, invalid value) is shown, not run.
    bool startRun();
    void openSession(const QString& path);
    bool saveSession(const QString& path);
    /// Shows a stored run: its spec in the form, every plot and the result card from its event log (its victims
    /// only, for runs recorded before event logs), its poisons in the inspector, and the banner saying which run.
    void showRecord(const pacd::RunRecord& record);
    /// Replays the run shown at `speed` (1-60×) through the live plots; false when it has no event log or a run is
    /// busy.
    bool replayShownRun(double speed);
    /// The shown run's recorded length in seconds (its event log's last event; 0 without one).
    double shownRunSeconds() const;
    /// Lists the runs of a results store (any .sqlite) and shows the one picked; later browsing lists this store.
    void openResultsStore(const QString& path);
    /// Shows run `id` of the current results store; false (with a message) when it cannot be read.
    bool openStoredRun(qint64 id);
    void setPresentationMode(bool on);
    void setLanguage(const QString& code);
    /// A message over the window (`icon` a QMessageBox::Icon), non-modal: the window and a run go on meanwhile.
    void showMessage(int icon, const QString& title, const QString& text);

  protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildLayout();
    void connectController();
    void retranslate();
    void onFinished(const pacd::RunRecord& record);
    /// The run's expected duration on the panel before Start, from the cost model; the presentation strip's summary.
    void updateEstimate();
    void restoreState();
    /// Empties the plots and the inspector and sets them up for `plan`'s run (epochs, objective, radius cap, ε).
    void preparePlots(const pacd::ExperimentPlan& plan);
    void saveState() const;

    MainWindowOptions m_options;
    RunController* m_controller;
    LanguageManager* m_languages;
    RecentFiles* m_recent;
    DatasetFetcher* m_fetcher;
    ExportController* m_exports = nullptr;
    WindowActions* m_actions = nullptr;
    ExperimentForm* m_form = nullptr;
    RunPanel* m_runPanel = nullptr;
    PlotsView* m_plots = nullptr;
    LogPanel* m_log = nullptr;
    QTabWidget* m_tabs = nullptr;
    QScrollArea* m_controls = nullptr;
    QSplitter* m_splitter = nullptr;
    QLabel* m_device = nullptr;
    QLabel* m_summary = nullptr;        ///< presentation mode's one line instead of the form
    QBoxLayout* m_leftLayout = nullptr; ///< the form above the run panel, or (presentation) a strip beside it
    QWidget* m_left = nullptr;
    ImageInspector* m_inspector = nullptr;
    ToyPlayground* m_toy = nullptr;
    TestImageView* m_testImage = nullptr;
    DefenderView* m_defender = nullptr;
    QPointer<QMessageBox> m_message;
    std::optional<pacd::RunRecord> m_record;
    ReplayBanner* m_banner = nullptr;
    std::shared_ptr<const pacd::EventLog> m_eventLog; ///< the shown run's, when it has one
    QHash<qint64, qint64> m_poisonSetSizes;           ///< per attack stage: its poisons (the "poisons" metric)
    QString m_storePath;                              ///< opened with File ▸ Open results store…
    QString m_sessionPath;
    bool m_presentation = false;
    QFont m_normalFont;
};

} // namespace pacd::ui
