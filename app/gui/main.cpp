// pacd-studio: the desktop application. Thin: options, threads, the window (ui/).
#include "controls/collapsible_section.h"
#include "controls/experiment_form.h"
#include "engine/engine_info.h"
#include "main_window/main_window.h"
#include "main_window/run_panel.h"
#include "toy/toy_playground.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace {

// --screenshot-dir DIR --screenshot-at S1,S2,...: grabs the window S seconds after start into DIR/window-S.png
// (documentation screenshots under Xvfb or -platform offscreen, before, during and after a run).
void scheduleScreenshots(pacd::ui::MainWindow& window, const QString& dir, const QString& times) {
    QDir().mkpath(dir);
    for (const auto& time : times.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const double seconds = time.toDouble();
        QTimer::singleShot(static_cast<int>(seconds * 1000), &window, [&window, dir, time] {
            window.grab().save(QDir(dir).filePath(QStringLiteral("window-%1.png").arg(time.trimmed())));
            // The image inspector's tab too, shown for the grab, then the tab the user had.
            auto* tabs = window.tabs();
            const int shown = tabs->currentIndex();
            tabs->setCurrentIndex(1);
            window.grab().save(QDir(dir).filePath(QStringLiteral("inspector-%1.png").arg(time.trimmed())));
            tabs->setCurrentIndex(shown);
        });
    }
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("pacd-studio"));
    QApplication::setApplicationName(QStringLiteral("pacd-studio"));
    QApplication::setApplicationVersion(QStringLiteral(PACD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Explore, watch and present the PACD poisoning attack on certified defenses."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Data directory (default: $PACD_DATA_DIR, XDG data home)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption workRoot(QStringLiteral("work-root"),
                                      QStringLiteral("Where runs keep their artefacts (default: the state directory's runs/)."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("auto | cpu | cuda | cuda:N"),
                                    QStringLiteral("DEVICE"), QStringLiteral("auto"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("LibTorch threads (0 = one per core)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open on MNIST with the demo-scale defaults (ignore the last session)."));
    const QCommandLineOption open(QStringLiteral("open"), QStringLiteral("Open an experiment (session or spec file)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("en | de | zh_CN"), QStringLiteral("CODE"));
    const QCommandLineOption start(QStringLiteral("start"), QStringLiteral("Press Start once the window is up."));
    const QCommandLineOption screenshotDir(QStringLiteral("screenshot-dir"),
                                           QStringLiteral("Save window screenshots here (with --screenshot-at)."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption screenshotAt(QStringLiteral("screenshot-at"),
                                          QStringLiteral("Seconds after start at which to save screenshots, comma-separated."),
                                          QStringLiteral("S,..."));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"), QStringLiteral("Close the window after this many seconds."),
                                       QStringLiteral("S"));
    const QCommandLineOption store(QStringLiteral("store"),
                                   QStringLiteral("Results store (.sqlite) that runs are recorded in and Browse past runs "
                                                  "lists (default: results.sqlite in the data directory)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption openRun(QStringLiteral("open-run"),
                                     QStringLiteral("Show run ID of the results store (plots, inspector, result card)."),
                                     QStringLiteral("ID"));
    const QCommandLineOption replay(
        QStringLiteral("replay"), QStringLiteral("Replay the run of --open-run at this speed (1-60)."), QStringLiteral("SPEED"));
    const QCommandLineOption quitWhenDone(
        QStringLiteral("quit-when-done"),
        QStringLiteral("With --replay: print how long the replay took (wall time from its start to its last event) and quit."));
    const QCommandLineOption advanced(QStringLiteral("show-advanced"),
                                      QStringLiteral("Open the advanced hyper-parameters panel."));
    const QCommandLineOption presentation(QStringLiteral("presentation"),
                                          QStringLiteral("Start in presentation mode (F11): full screen, large type."));
    const QCommandLineOption tab(QStringLiteral("tab"),
                                 QStringLiteral("Open on this tab: plots | inspector | toy | log | test-image | defender"),
                                 QStringLiteral("NAME"));
    const QCommandLineOption toyDemo(QStringLiteral("toy-demo"),
                                     QStringLiteral("Run the toy attack once and place three points (for screenshots)."));
    for (const auto& option : {dataDir, workRoot, device, threads, demo, open, language, start, screenshotDir, screenshotAt,
                               quitAfter, advanced, presentation, tab, toyDemo, store, openRun, replay, quitWhenDone})
        parser.addOption(option);
    parser.process(app);

    pacd::ui::configureEngineThreads(parser.value(threads).toInt());
    pacd::ui::MainWindowOptions options;
    options.dataDir = parser.value(dataDir);
    options.workRoot = parser.value(workRoot);
    options.device = parser.value(device);
    options.resultsStore = parser.value(store);
    options.restoreSettings = !parser.isSet(demo);
    pacd::ui::MainWindow window(options);
    if (parser.isSet(language)) window.setLanguage(parser.value(language));
    if (parser.isSet(open)) window.openSession(parser.value(open));
    if (parser.isSet(advanced)) window.form()->advancedSection()->setExpanded(true);
    if (parser.isSet(toyDemo)) {
        auto* toy = window.toyPlayground();
        QObject::connect(toy, &pacd::ui::ToyPlayground::finished, toy, [toy] {
            toy->addProbe(0.2, 0.2);
            toy->addProbe(0.55, 0.05);
            toy->addProbe(0.95, 0.75);
        });
        toy->start();
    }
    if (parser.isSet(presentation))
        window.setPresentationMode(true);
    else
        window.show();
    if (parser.isSet(quitWhenDone) && !(parser.isSet(openRun) && parser.isSet(replay))) {
        qCritical("--quit-when-done needs --open-run ID and --replay SPEED");
        return 2;
    }
    if (parser.isSet(openRun)) {
        const qint64 id = parser.value(openRun).toLongLong();
        if (!window.openStoredRun(id) && parser.isSet(quitWhenDone)) {
            qCritical("pacd-studio: run %lld of %s cannot be shown", id, qPrintable(window.resultsStorePath()));
            return 1;
        }
        if (parser.isSet(replay)) {
            const double speed = parser.value(replay).toDouble();
            const bool quit = parser.isSet(quitWhenDone);
            // The recorded run's own length beside the replay's, for timing a lecture's replay from a script.
            QObject::connect(window.controller(), &pacd::ui::RunController::replayFinished, &window,
                             [&window, id, speed, quit](double seconds) {
                                 std::printf("pacd-studio: replay of run %lld at x%g finished after %.1f s (recorded: %.1f s, "
                                             "%.1f s with idle gaps shortened)\n",
                                             id, speed, seconds, window.shownRunSeconds(), window.controller()->replayLength());
                                 std::fflush(stdout);
                                 if (quit) QTimer::singleShot(0, &window, &QWidget::close);
                             });
            QTimer::singleShot(300, &window, [&window, speed, quit] {
                if (!window.replayShownRun(speed) && quit) {
                    qCritical("pacd-studio: the run has no event log to replay");
                    QCoreApplication::exit(1);
                }
            });
        }
    }
    // After --open-run, which shows the plots: the tab asked for wins.
    if (parser.isSet(tab)) {
        const QStringList tabs{QStringLiteral("plots"), QStringLiteral("inspector"),  QStringLiteral("toy"),
                               QStringLiteral("log"),   QStringLiteral("test-image"), QStringLiteral("defender")};
        const int index = tabs.indexOf(parser.value(tab));
        if (index < 0) {
            qCritical("--tab %s: expected one of %s", qPrintable(parser.value(tab)), qPrintable(tabs.join(QStringLiteral(", "))));
            return 2;
        }
        window.tabs()->setCurrentIndex(index);
    }
    if (parser.isSet(start)) QTimer::singleShot(300, &window, [&window] { window.runPanel()->startButton()->click(); });
    if (parser.isSet(screenshotDir)) scheduleScreenshots(window, parser.value(screenshotDir), parser.value(screenshotAt));
    if (parser.isSet(quitAfter))
        QTimer::singleShot(static_cast<int>(parser.value(quitAfter).toDouble() * 1000), &window, &QWidget::close);
    return app.exec();
}
