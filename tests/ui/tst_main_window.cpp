// The window: constructs, shows problems as messages, switches language, toggles presentation mode.
#include "experiment/experiment_form.h"
#include "i18n/language.h"
#include "main_window/main_window.h"
#include "main_window/run_panel.h"

#include <QMessageBox>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QLabel>
#include <QTabWidget>
#include <QtTest/QtTest>

using namespace pacd::ui;

namespace {
MainWindowOptions testOptions(const QString& dataDir = {}) {
    MainWindowOptions options;
    options.dataDir = dataDir;
    options.restoreSettings = false;
    return options;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("pacd-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    }
    void constructs() {
        MainWindow window(testOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.tabs()->count(), 4);
        QVERIFY(window.runPanel()->startButton()->isEnabled());
        QVERIFY(!window.runPanel()->cancelButton()->isEnabled());
        QCOMPARE(window.form()->spec().dataset, std::string("mnist"));
        QVERIFY(window.statusBar()->findChildren<QLabel*>().size() > 0);
    }
    void missingDataSetShowsAMessage() {
        QTemporaryDir empty;
        MainWindow window(testOptions(empty.path()));
        QVERIFY(!window.startRun());
        QVERIFY(window.message());
        QVERIFY2(window.message()->text().contains(QStringLiteral("mnist")), qPrintable(window.message()->text()));
        QCOMPARE(window.controller()->state(), RunController::State::Idle);
        window.message()->close();
    }
    void invalidSpecFileShowsAMessage() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("eps.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"schema_version": 1, "dataset": "mnist", "epsilon": 1.5})");
        file.close();
        MainWindow window(testOptions());
        window.openSession(path);
        QVERIFY(window.message());
        QVERIFY2(window.message()->text().contains(QStringLiteral("epsilon")), qPrintable(window.message()->text()));
        QCOMPARE(window.form()->spec().epsilon, 0.1); // the form is unchanged and usable
        QVERIFY(window.form()->isEnabled());
    }
    void languageSwitchChangesStrings() {
        MainWindow window(testOptions());
        QCOMPARE(window.tabs()->tabText(0), QStringLiteral("Plots"));
        QCOMPARE(window.runPanel()->startButton()->text(), QStringLiteral("Start"));
        window.setLanguage(QStringLiteral("de"));
        QCOMPARE(window.languages()->current(), QStringLiteral("de"));
        QCOMPARE(window.tabs()->tabText(0), QStringLiteral("Diagramme"));
        QCOMPARE(window.runPanel()->startButton()->text(), QStringLiteral("Starten"));
        window.setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(window.runPanel()->startButton()->text(), QStringLiteral("开始"));
        window.setLanguage(QStringLiteral("en"));
        QCOMPARE(window.tabs()->tabText(0), QStringLiteral("Plots"));
    }
    void presentationMode() {
        MainWindow window(testOptions());
        window.show();
        const qreal normal = window.font().pointSizeF();
        window.setPresentationMode(true);
        QVERIFY(window.isPresentationMode());
        QVERIFY(window.font().pointSizeF() > normal * 1.4);
        QVERIFY(!window.statusBar()->isVisible());
        window.setPresentationMode(false);
        QCOMPARE(window.font().pointSizeF(), normal);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
