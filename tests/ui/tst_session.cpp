// Sessions: save/open round trips, bare spec files, clear errors; recent files in QSettings.
#include "plan/experiment_plan.h"
#include "session/recent_files.h"
#include "session/session_file.h"

#include <QtTest/QtTest>

#include <stdexcept>

using namespace pacd::ui;

namespace {
QString errorOf(const QString& path) {
    try {
        loadSession(path);
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}
void write(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}
} // namespace

class TestSession : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("pacd-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_session"));
    }
    void roundTrip() {
        QTemporaryDir dir;
        Session session;
        session.spec.name = "saved";
        session.spec.target = 3;
        session.spec.sigma = 0.5;
        session.spec = pacd::resolve(session.spec).spec;
        pacd::RunRecord record;
        record.name = "saved";
        record.status = "finished";
        record.specJson = session.spec.toJson();
        pacd::VictimResult v;
        v.data = "poison";
        v.acr = 0.321;
        v.radii = {0.0, 0.5};
        v.certifiedAccuracy = {0.8, 0.1};
        record.victims.push_back(v);
        session.result = record;
        const QString path = dir.filePath(QStringLiteral("s.json"));
        saveSession(path, session);
        const auto back = loadSession(path);
        QCOMPARE(back.spec.toJson(), session.spec.toJson());
        QVERIFY(back.result.has_value());
        QCOMPARE(back.result->victims.size(), std::size_t(1));
        QCOMPARE(back.result->victims[0].acr, 0.321);
        QCOMPARE(back.result->victims[0].certifiedAccuracy, (std::vector<double>{0.8, 0.1}));
        QCOMPARE(back.result->name, record.name);
        QCOMPARE(back.result->status, record.status);
        QCOMPARE(pacd::ExperimentSpec::fromJson(back.result->specJson).toJson(), session.spec.toJson()); // re-indented, same spec
        // Saved again, it reads back the same (the first read fills the record's defaults).
        Session again = back;
        saveSession(path, again);
        QCOMPARE(loadSession(path).result->toJson(), back.result->toJson());
    }
    void bareSpecOpens() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("spec.json"));
        write(path, R"({"schema_version": 1, "dataset": "mnist", "target": 5, "sigma": 0.5})");
        const auto session = loadSession(path);
        QCOMPARE(session.spec.target, std::int64_t(5));
        QCOMPARE(session.spec.sigma, 0.5);
        QVERIFY(!session.result);
    }
    void errorsNameFileAndField() {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        write(bad, R"({"schema_version": 1, "epsilon": 1.5})");
        QString error = errorOf(bad);
        QVERIFY2(error.contains(QStringLiteral("epsilon")), qPrintable(error));
        write(bad, R"({"pacd_session": 7, "spec": {}})");
        error = errorOf(bad);
        QVERIFY2(error.contains(QStringLiteral("bad.json")) && error.contains(QStringLiteral("version 7")), qPrintable(error));
        write(bad, "not json");
        QVERIFY(errorOf(bad).contains(QStringLiteral("bad.json")));
        QVERIFY(errorOf(dir.filePath(QStringLiteral("missing.json"))).contains(QStringLiteral("missing.json")));
    }
    void recentFilesNewestFirstAndBounded() {
        RecentFiles recent;
        recent.clear();
        QSignalSpy changed(&recent, &RecentFiles::changed);
        for (int i = 0; i < RecentFiles::kMaximum + 3; ++i)
            recent.add(QStringLiteral("/tmp/s%1.json").arg(i));
        auto files = recent.files();
        QCOMPARE(files.size(), RecentFiles::kMaximum);
        QCOMPARE(files.first(), QStringLiteral("/tmp/s%1.json").arg(RecentFiles::kMaximum + 2));
        recent.add(QStringLiteral("/tmp/s5.json")); // again: moves to the front, no duplicate
        files = RecentFiles().files();              // another instance reads the same settings
        QCOMPARE(files.first(), QStringLiteral("/tmp/s5.json"));
        QCOMPARE(files.count(QStringLiteral("/tmp/s5.json")), 1);
        QCOMPARE(changed.count(), RecentFiles::kMaximum + 4);
        recent.clear();
        QVERIFY(recent.files().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
