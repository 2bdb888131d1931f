#include "main_window/main_window.h"

#include "controls/collapsible_section.h"
#include "controls/experiment_form.h"
#include "defender/defender_view.h"
#include "engine/engine_info.h"
#include "engine/poison_set_preview.h"
#include "i18n/language.h"
#include "inspector/image_inspector.h"
#include "main_window/dataset_fetcher.h"
#include "main_window/export_controller.h"
#include "main_window/log_panel.h"
#include "main_window/run_panel.h"
#include "main_window/window_actions.h"
#include "plots/plots_view.h"
#include "results/results_store.h"
#include "session/recent_files.h"
#include "session/replay_banner.h"
#include "session/results_browser.h"
#include "session/session_file.h"
#include "test_image/test_image_view.h"
#include "toy/toy_playground.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace pacd::ui {
namespace {
constexpr int kStoredPoisonRows = 1000; ///< poisons of a stored run's set loaded into the inspector
}

MainWindow::MainWindow(const MainWindowOptions& options, QWidget* parent)
    : QMainWindow(parent), m_options(options), m_controller(new RunController(this)), m_languages(new LanguageManager(this)),
      m_recent(new RecentFiles(this)), m_fetcher(new DatasetFetcher(options.dataDir, this)) {
    setObjectName(QStringLiteral("pacdStudio"));
    m_normalFont = font();
    buildLayout();
    m_exports = new ExportController(*this);
    m_actions = new WindowActions(*this, m_controller, m_languages, m_recent, m_exports);
    connectController();
    m_device = new QLabel(this);
    statusBar()->addPermanentWidget(m_device);
    retranslate();
    if (m_options.restoreSettings) restoreState();
    updateEstimate();
    resize(1280, 820);
    if (m_options.restoreSettings) restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout() {
    m_form = new ExperimentForm;
    m_form->setDataDir(m_options.dataDir);
    m_runPanel = new RunPanel;
    auto* formHolder = new QWidget;
    auto* formLayout = new QVBoxLayout(formHolder);
    formLayout->addWidget(m_form);
    formLayout->addStretch(1);
    m_controls = new QScrollArea;
    m_controls->setObjectName(QStringLiteral("formScroll"));
    m_controls->setWidget(formHolder);
    m_controls->setWidgetResizable(true);
    m_controls->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the form follows the column's width
    // Start, Pause, Cancel and the progress stay in view below the form, whatever the advanced panel's state.
    auto* left = new QWidget;
    m_left = left;
    left->setMinimumWidth(380);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("presentationSummary"));
    m_summary->setWordWrap(false); // one line: its height is the strip's
    m_summary->hide();
    m_leftLayout = new QVBoxLayout(left);
    m_leftLayout->setContentsMargins(0, 0, 0, 0);
    m_leftLayout->addWidget(m_summary, 1);
    m_leftLayout->addWidget(m_controls, 1);
    m_leftLayout->addWidget(m_runPanel);

    m_plots = new PlotsView;
    m_log = new LogPanel;
    m_inspector = new ImageInspector;
    m_toy = new ToyPlayground;
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_plots, QString());
    m_tabs->addTab(m_inspector, QString());
    m_tabs->addTab(m_toy, QString());
    m_tabs->addTab(m_log, QString());
    m_testImage = new TestImageView;
    m_tabs->addTab(m_testImage, QString());
    m_defender = new DefenderView;
    m_tabs->addTab(m_defender, QString());

    // The banner over the tabs says when the plots show a stored run or its replay rather than a live run.
    m_banner = new ReplayBanner;
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(2);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_tabs, 1);

    m_splitter = new QSplitter;
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({400, 880});
    setCentralWidget(m_splitter);

    connect(m_form, &ExperimentForm::fetchRequested, m_fetcher, &DatasetFetcher::fetch);
    connect(m_fetcher, &DatasetFetcher::started, this, [this] { m_tabs->setCurrentWidget(m_log); });
    connect(m_fetcher, &DatasetFetcher::logLine, m_log, &LogPanel::append);
    connect(m_fetcher, &DatasetFetcher::finished, m_form, &ExperimentForm::refreshDatasets);
    connect(m_fetcher, &DatasetFetcher::problem, this,
            [this](const QString& title, const QString& text) { showMessage(QMessageBox::Warning, title, text); });
    connect(m_runPanel, &RunPanel::startClicked, this, &MainWindow::startRun);
    connect(m_form, &ExperimentForm::specChanged, this, &MainWindow::updateEstimate);
    connect(m_runPanel, &RunPanel::pauseClicked, m_controller, &RunController::pause);
    connect(m_runPanel, &RunPanel::resumeClicked, m_controller, &RunController::resume);
    connect(m_runPanel, &RunPanel::cancelClicked, m_controller, &RunController::cancel);
    connect(m_banner, &ReplayBanner::replayRequested, this, &MainWindow::replayShownRun);
    connect(m_banner, &ReplayBanner::stopRequested, m_controller, &RunController::stopReplay);
    connect(m_banner, &ReplayBanner::speedChanged, m_controller, &RunController::setReplaySpeed);
    connect(m_banner, &ReplayBanner::closeRequested, m_banner, &QWidget::hide);
}

void MainWindow::connectController() {
    auto* c = m_controller;
    connect(c, &RunController::stateChanged, m_runPanel, &RunPanel::setState);
    connect(c, &RunController::stateChanged, this, [this](RunController::State state) {
        const bool busy = state == RunController::State::Running || state == RunController::State::Pausing ||
                          state == RunController::State::Cancelling;
        m_form->setEnabled(!busy && state != RunController::State::Paused); // the menu's actions: WindowActions
    });
    connect(c, &RunController::progressChanged, m_runPanel, &RunPanel::setProgress);
    connect(c, &RunController::stageStarted, m_runPanel, &RunPanel::setStage);
    connect(c, &RunController::stageStarted, this, [this](const StageInfo& stage) {
        m_log->append(
            stage.reused
                ? tr("stage %1 of %2: %3 (reusing its stored result)").arg(stage.index + 1).arg(stage.total).arg(stage.name)
                : tr("stage %1 of %2: %3").arg(stage.index + 1).arg(stage.total).arg(stage.name));
    });
    connect(c, &RunController::metricsArrived, m_plots, &PlotsView::addMetrics);
    // Each attack stage tells its poison set's size with every step: the inspector says "1–8 of 582" while the
    // previews (a sample every 2 s) are still arriving. Points mode has an attack stage per point: their sum.
    connect(c, &RunController::metricsArrived, this, [this](const QVector<MetricSample>& samples) {
        bool changed = false;
        for (const auto& sample : samples) {
            const auto size = sample.metrics.constFind(QStringLiteral("poisons"));
            if (sample.stageKind != pacd::StageKind::Poison || size == sample.metrics.constEnd()) continue;
            const auto count = static_cast<qint64>(*size);
            changed = changed || m_poisonSetSizes.value(sample.stageIndex) != count;
            m_poisonSetSizes[sample.stageIndex] = count;
        }
        if (!changed) return;
        qint64 total = 0;
        for (const qint64 count : std::as_const(m_poisonSetSizes))
            total += count;
        m_inspector->setPoisonTotal(total);
    });
    // The attack's poisons as they change: clean | poisoned | amplified δ (the controller throttles the preview).
    connect(c, &RunController::poisonPreview, this, [this](const PoisonPreview& p) {
        // Merged by index: the inspector gathers the poisons batch by batch, to scroll and filter through.
        m_inspector->mergeImages(p.rows, p.poisoned, p.clean, p.channels, p.height, p.width);
    });
    connect(c, &RunController::victimFinished, m_plots, &PlotsView::addVictim);
    connect(c, &RunController::victimFinished, this, [this](const pacd::VictimResult& v) {
        m_log->append(tr("victim %1 seed %2: ACR %3, ACA %4")
                          .arg(QString::fromStdString(v.data))
                          .arg(v.seed)
                          .arg(v.acr, 0, 'f', 3)
                          .arg(v.aca, 0, 'f', 3));
    });
    connect(c, &RunController::logMessage, m_log, &LogPanel::append);
    connect(c, &RunController::stateChanged, this, [this](RunController::State state) {
        // A replay stopped by hand or by its end: the banner says which.
        if (state != RunController::State::Replaying && m_banner->mode() == ReplayBanner::Mode::Replaying)
            m_banner->setMode(ReplayBanner::Mode::Recorded);
    });
    connect(c, &RunController::replayFinished, this, [this](double seconds) {
        m_banner->setMode(ReplayBanner::Mode::Replayed, seconds);
        m_log->append(tr("replay finished after %1 s").arg(seconds, 0, 'f', 1));
    });
    connect(c, &RunController::finished, this, &MainWindow::onFinished);
    connect(c, &RunController::paused, this, [this] { m_log->append(tr("paused; Resume continues from the last checkpoint")); });
    connect(c, &RunController::cancelled, this, [this] {
        m_log->append(tr("cancelled"));
        m_runPanel->setOutcome(RunPanel::Outcome::Cancelled);
        m_runPanel->reset();
    });
    connect(c, &RunController::failed, this, [this](const QString& message) {
        m_log->append(tr("failed: %1").arg(message));
        m_runPanel->setOutcome(RunPanel::Outcome::Failed, message);
        showMessage(QMessageBox::Critical, tr("The run stopped"),
                    tr("The experiment could not run:\n\n%1\n\nChange the setting it names and start again.").arg(message));
    });
}

bool MainWindow::startRun() {
    if (m_controller->isBusy()) return false;
    QString problem;
    const auto plan = m_form->resolved(&problem);
    if (!plan) {
        showMessage(QMessageBox::Warning, tr("Cannot start"), problem);
        return false;
    }
    RunJobOptions options;
    options.dataDir = m_options.dataDir;
    options.workRoot = m_options.workRoot;
    options.device = m_options.device;
    options.resultsStore = m_options.resultsStore;
    preparePlots(*plan);
    m_banner->hide(); // the plots show this live run now
    m_eventLog.reset();
    m_runPanel->reset();
    m_runPanel->clearOutcome();
    m_record.reset();
    m_log->append(tr("starting: %1 target %2, %3, σ = %4, ε = %5 (%6 scale)")
                      .arg(QString::fromStdString(plan->spec.dataset))
                      .arg(plan->target)
                      .arg(QString::fromStdString(pacd::nameOf(plan->poisonDefense)))
                      .arg(plan->spec.sigma)
                      .arg(plan->epsilon)
                      .arg(QString::fromStdString(pacd::nameOf(plan->scale))));
    QSettings().setValue(QStringLiteral("session/lastSpec"), QString::fromStdString(m_form->spec().toJson()));
    return m_controller->start(*plan, options);
}

void MainWindow::onFinished(const pacd::RunRecord& record) {
    m_record = record; // the worker recorded it in the results store
    m_testImage->setRecord(record, m_options.dataDir);
    m_defender->setRecord(record, resultsStorePath(), m_options.dataDir);
    QStringList lines;
    double clean = -1, poison = -1; // the outcome line's ACRs, from the same summaries as the log's lines
    for (const auto& s : record.summaries()) {
        if (s.data == "clean") clean = s.acrMean;
        if (s.data == "poison") poison = s.acrMean;
        lines << tr("%1: ACR %2 ± %3, ACA %4 ± %5 (%n victim(s))", nullptr, static_cast<int>(s.victims))
                     .arg(QString::fromStdString(s.data))
                     .arg(s.acrMean, 0, 'f', 3)
                     .arg(s.acrSd, 0, 'f', 3)
                     .arg(s.acaMean, 0, 'f', 3)
                     .arg(s.acaSd, 0, 'f', 3);
    }
    for (const auto& line : lines)
        m_log->append(line);
    const QString drop =
        tr("The poisoned victims' ACR is %1 % below the clean victims'.").arg(-record.acrDrop() * 100.0, 0, 'f', 1);
    m_log->append(drop);
    statusBar()->showMessage(drop, 15000);
    m_runPanel->setOutcome(RunPanel::Outcome::Finished,
                           clean >= 0 && poison >= 0
                               ? tr("ACR %1 → %2 (%3 %)")
                                     .arg(locale().toString(clean, 'f', 3), locale().toString(poison, 'f', 3))
                                     .arg(locale().toString(record.acrDrop() * 100.0, 'f', 1))
                               : QString());
}

void MainWindow::updateEstimate() {
    QString problem;
    const auto plan = m_form->resolved(&problem);
    m_runPanel->setEstimate(plan ? plan->estimatedSeconds() : -1.0);
    m_summary->setText(plan ? m_form->summary(*plan, locale()) : problem);
}

void MainWindow::preparePlots(const pacd::ExperimentPlan& plan) {
    m_plots->startRun(plan.victims.empty() ? 1 : plan.victims.front().epochs, plan.attack.objective);
    m_plots->setCertification(plan.spec.sigma, plan.certify.n, plan.certify.alpha);
    m_inspector->clear();
    m_poisonSetSizes.clear();
    m_inspector->setEpsilon(plan.epsilon);
}

void MainWindow::showRecord(const pacd::RunRecord& record) {
    if (m_controller->isBusy()) {
        showMessage(QMessageBox::Information, tr("A run is going"),
                    tr("Stored runs can be shown when the current run has finished, been paused or cancelled."));
        return;
    }
    m_controller->stopReplay();
    m_record = record;
    try {
        m_form->setSpec(pacd::ExperimentSpec::fromJson(record.specJson, record.name));
    } catch (const std::exception& e) {
        m_log->append(tr("the run's spec cannot be shown: %1").arg(QString::fromUtf8(e.what())));
    }
    QString problem;
    const auto plan = m_form->resolved(&problem);
    if (plan)
        preparePlots(*plan);
    else
        m_inspector->clear();
    // The event log restores what the run showed (attack and training curves, previews); without one, the
    // record's victims fill the plots that need only them.
    m_eventLog.reset();
    const QString logPath = QDir(QString::fromStdString(record.workDir)).filePath(QString::fromUtf8(pacd::kEventLogFile));
    if (QFileInfo::exists(logPath)) {
        try {
            m_eventLog = std::make_shared<const pacd::EventLog>(pacd::readEventLog(logPath.toStdString()));
        } catch (const std::exception& e) {
            m_log->append(tr("the run's event log cannot be read: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    const bool logHasVictims =
        m_eventLog && std::any_of(m_eventLog->events.begin(), m_eventLog->events.end(),
                                  [](const pacd::RecordedEvent& e) { return e.type == pacd::RecordedEvent::Type::Victim; });
    // No victims in the log (none, or its certify stages were reused from another spec's run): the record's.
    if (!logHasVictims) m_plots->showRecord(record);
    if (m_eventLog) m_controller->showRecorded(*m_eventLog);
    // The inspector shows the run's final poisons from its poison set folder (the live preview was a sample).
    const auto poisons = pacd::artefactsOfKind(record, pacd::StageKind::Poison);
    if (!poisons.empty()) {
        try {
            // The whole set of a demo run (582 MNIST poisons: 3.6 MB of floats), a large one's first thousand.
            const auto preview = poisonSetPreview(QString::fromStdString(poisons.front()), m_options.dataDir, kStoredPoisonRows);
            m_inspector->updateImages(preview.rows, preview.poisoned, preview.clean, preview.channels, preview.height,
                                      preview.width);
            m_inspector->setPoisonTotal(preview.setSize);
        } catch (const std::exception& e) {
            m_log->append(tr("the run's poisons cannot be shown: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    m_banner->showRun(record, static_cast<bool>(m_eventLog));
    m_testImage->setRecord(record, m_options.dataDir);
    m_defender->setRecord(record, resultsStorePath(), m_options.dataDir);
    m_tabs->setCurrentWidget(m_plots);
    m_log->append(tr("showing run %1 (%2)").arg(record.id).arg(QString::fromStdString(record.status)));
}

bool MainWindow::replayShownRun(double speed) {
    if (!m_eventLog || !m_record || m_controller->isBusy()) return false;
    QString problem;
    if (const auto plan = m_form->resolved(&problem)) preparePlots(*plan);
    m_runPanel->reset();
    m_banner->setSpeed(speed);
    if (!m_controller->replay(*m_eventLog, speed)) return false;
    m_banner->setMode(ReplayBanner::Mode::Replaying);
    m_tabs->setCurrentWidget(m_plots);
    m_log->append(tr("replaying run %1 at ×%2").arg(m_record->id).arg(speed));
    return true;
}

double MainWindow::shownRunSeconds() const {
    return m_eventLog && !m_eventLog->events.empty() ? m_eventLog->events.back().t : 0.0;
}

QString MainWindow::resultsStorePath() const {
    if (!m_storePath.isEmpty()) return m_storePath;
    if (!m_options.resultsStore.isEmpty() && m_options.resultsStore != QLatin1String("none")) return m_options.resultsStore;
    return QString::fromStdString(pacd::ResultsStore::defaultPath(m_options.dataDir.toStdString()).string());
}

void MainWindow::openResultsStore(const QString& path) {
    if (!QFileInfo::exists(path)) {
        showMessage(QMessageBox::Warning, tr("Cannot open the results store"), tr("%1 does not exist.").arg(path));
        return;
    }
    m_storePath = path;
    m_log->append(tr("results store: %1").arg(path));
    ResultsBrowser browser(path, this);
    if (browser.exec() != QDialog::Accepted) return;
    try {
        showRecord(browser.selectedRecord());
    } catch (const std::exception& e) {
        showMessage(QMessageBox::Warning, tr("Cannot open the run"), QString::fromUtf8(e.what()));
    }
}

bool MainWindow::openStoredRun(qint64 id) {
    try {
        const pacd::ResultsStore store(resultsStorePath().toStdString());
        showRecord(store.get(id));
        return true;
    } catch (const std::exception& e) {
        showMessage(QMessageBox::Warning, tr("Cannot open the run"),
                    tr("Run %1 of %2: %3").arg(id).arg(resultsStorePath(), QString::fromUtf8(e.what())));
        return false;
    }
}

void MainWindow::openSession(const QString& path) {
    if (QFileInfo(path).suffix().compare(QLatin1String("sqlite"), Qt::CaseInsensitive) == 0) {
        openResultsStore(path); // File ▸ Open given a results store: list its runs
        return;
    }
    try {
        const auto session = loadSession(path);
        m_form->setSpec(session.spec);
        if (session.result) showRecord(*session.result);
        m_sessionPath = path;
        m_recent->add(path);
        m_log->append(tr("opened %1").arg(path));
    } catch (const std::exception& e) {
        m_recent->remove(path);
        showMessage(QMessageBox::Warning, tr("Cannot open the experiment"), QString::fromUtf8(e.what()));
    }
}

bool MainWindow::saveSession(const QString& path) {
    try {
        Session session;
        session.spec = m_form->spec();
        session.result = m_record;
        ::pacd::ui::saveSession(path, session);
        m_sessionPath = path;
        m_recent->add(path);
        m_log->append(tr("saved %1").arg(path));
        return true;
    } catch (const std::exception& e) {
        showMessage(QMessageBox::Warning, tr("Cannot save the experiment"), QString::fromUtf8(e.what()));
        return false;
    }
}

// Non-modal (open(), not exec()): the window, and a run's progress, go on while a message is shown.
void MainWindow::showMessage(int icon, const QString& title, const QString& text) {
    if (m_message) m_message->close();
    auto* box = new QMessageBox(static_cast<QMessageBox::Icon>(icon), title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("message"));
    m_message = box;
    box->open();
}

void MainWindow::restoreState() {
    QSettings settings;
    const QString spec = settings.value(QStringLiteral("session/lastSpec")).toString();
    if (!spec.isEmpty()) {
        try {
            m_form->setSpec(pacd::ExperimentSpec::fromJson(spec.toStdString(), "settings"));
        } catch (const std::exception&) {
            // A spec from another version: the defaults are a fine start.
        }
    }
    const QString language = settings.value(QStringLiteral("ui/language")).toString();
    if (!language.isEmpty()) setLanguage(language);
}

void MainWindow::saveState() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("session/lastSpec"), QString::fromStdString(m_form->spec().toJson()));
    settings.setValue(QStringLiteral("ui/language"), m_languages->current());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_options.restoreSettings) saveState();
    if (m_controller->isBusy()) m_controller->cancel(); // the controller's destructor waits for the checkpoint
    m_fetcher->stop();
    event->accept();
}

void MainWindow::setLanguage(const QString& code) {
    if (!m_languages->setLanguage(code)) {
        m_log->append(QStringLiteral("no translations for '%1' in this build").arg(code));
        return;
    }
    // Numbers in the chosen language's format: "6,000" training images read as six to a German reader.
    const QLocale locale(code);
    QLocale::setDefault(locale);
    setLocale(locale); // propagates to every widget; spin boxes re-render on LocaleChange
    if (LanguageManager::fontMissing(code))
        showMessage(QMessageBox::Warning, tr("No font for this language"),
                    tr("No installed font covers this language's script, so its text will show as empty boxes. Install "
                       "a font for it (Debian: sudo apt install fonts-wqy-microhei, or fonts-noto-cjk) and restart "
                       "pacd-studio."));
}

// Projectors: full screen, large type, only the controls that matter for a demonstration.
void MainWindow::setPresentationMode(bool on) {
    m_presentation = on;
    m_actions->presentationAction()->setChecked(on);
    QFont large = m_normalFont;
    large.setPointSizeF(m_normalFont.pointSizeF() * 1.5);
    setFont(on ? large : m_normalFont); // every plot's text follows the window's font (LivePlot)
    m_plots->setPresentation(on);
    m_toy->setPresentation(on);
    m_defender->setPresentation(on);
    if (on) m_form->advancedSection()->setExpanded(false);
    // The form collapses to a strip above the tabs: one line saying what runs, and the run buttons with progress.
    m_controls->setVisible(!on);
    m_summary->setVisible(on);
    m_runPanel->setCompact(on);
    m_leftLayout->setDirection(on ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    // The strip's text and buttons keep off the screen's edges (a projector may crop them), as the tabs' frame does.
    const int edge = on ? fontMetrics().averageCharWidth() * 2 : 0;
    m_leftLayout->setContentsMargins(edge, 0, edge, 0);
    m_leftLayout->setSpacing(on ? edge : -1); // -1: the style's
    m_left->setMinimumWidth(on ? 0 : 380);
    m_splitter->setOrientation(on ? Qt::Vertical : Qt::Horizontal);
    // The strip as low as its content (the run panel's buttons and bar), the rest of the height the plots'.
    m_runPanel->layout()->activate();
    const int strip = std::max(m_summary->sizeHint().height(), m_runPanel->sizeHint().height()) + 4;
    m_left->setMaximumHeight(on ? strip : QWIDGETSIZE_MAX);
    m_splitter->setSizes(on ? QList<int>{strip, 10000} : QList<int>{400, 880});
    statusBar()->setVisible(!on);
    if (on) {
        // Without a window manager (a projector's kiosk session, Xvfb) nobody resizes a full-screen window: take
        // the screen's size ourselves.
        if (screen()) setGeometry(screen()->geometry());
        showFullScreen();
    } else
        showNormal();
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
    m_tabs->setTabText(m_tabs->indexOf(m_testImage), tr("Test image"));
    m_tabs->setTabText(m_tabs->indexOf(m_defender), tr("Defender"));
    m_actions->retranslate();
    updateEstimate(); // the presentation summary's words
    m_device->setText(tr("Device: %1").arg(describeEngineDevice(m_options.device)));
}

} // namespace pacd::ui
