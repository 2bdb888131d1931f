// The toy playground: the attack runs to the end on its worker thread and reproduces App. D.2's analytic radii;
// cancel stops it; probe circles measure the distance to each boundary.
#include "export/plot_export.h"
#include "i18n/language.h"
#include "toy/toy_engine.h"
#include "toy/toy_playground.h"

#include "plot_test_support.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QtTest/QtTest>

#include "plots/qcustomplot_include.h"

#include <algorithm>
#include <cmath>

using namespace pacd::ui;

class TestToyPlayground : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void defaultsAreThePapers();
    void analyticBoundaryIsTheBisector();
    void probeBeforeARunUsesTheBayesBoundary();
    void attackRunsToTheEndAndMovesTheBoundary();
    void cancelStopsTheAttack();
    void retranslatesOnALanguageSwitch();
    void oneUnitIsAsLongOnBothAxes();
    void sliderRerunsAndGreysTheOldResult();
    void newValueCancelsTheRunUnderWay();
    void draggedPointShowsTheDistanceToTheBoundary();
    void radiusMapIsTheSignedDistance();
    void replayShowsTheRecordedSteps();
    void screenshots();
};

void TestToyPlayground::defaultsAreThePapers() {
    const auto defaults = defaultToySettings();
    QCOMPARE(defaults.epsilon, 0.1);
    QCOMPARE(defaults.sigma, 0.25);
    QCOMPARE(defaults.upperSteps, std::int64_t(40));
    ToyPlayground playground;
    QCOMPARE(playground.settings().epsilon, 0.1);
    QCOMPARE(playground.settings().pointsPerClass, defaults.pointsPerClass);
    const auto data = toyData(playground.settings());
    QCOMPARE(static_cast<std::int64_t>(data.negative.size()), defaults.pointsPerClass);
    QCOMPARE(data.positive.size(), data.negative.size());
}

void TestToyPlayground::analyticBoundaryIsTheBisector() {
    // x + y = μ₋ + μ₊ (+ shift): the class −1 mean (0.2, 0.2) is 0.6/√2 = 0.4243 from it, 0.5/√2 = 0.3536 after −ε.
    const auto clean = analyticToyBoundary(0.2, 0.8, 0.0);
    const auto poisoned = analyticToyBoundary(0.2, 0.8, -0.1);
    QVERIFY(std::abs(clean.distance(0.2, 0.2) - 0.6 / std::sqrt(2.0)) < 1e-12);
    QVERIFY(std::abs(poisoned.distance(0.2, 0.2) - 0.5 / std::sqrt(2.0)) < 1e-12);
    QVERIFY(clean.side(0.2, 0.2) > 0 && clean.side(0.8, 0.8) < 0); // class −1 on the positive side
}

void TestToyPlayground::probeBeforeARunUsesTheBayesBoundary() {
    ToyPlayground playground;
    playground.addProbe(0.2, 0.2);
    QCOMPARE(playground.probeCount(), 1);
    QVERIFY(std::abs(playground.probeRadii(0).first - 0.42426) < 1e-4);
    QCOMPARE(playground.probeRadii(0).second, -1.0);
    playground.clearProbes();
    QCOMPARE(playground.probeCount(), 0);
}

void TestToyPlayground::attackRunsToTheEndAndMovesTheBoundary() {
    ToyPlayground playground;
    QSignalSpy finished(&playground, &ToyPlayground::finished);
    QSignalSpy stepped(&playground, &ToyPlayground::stepped);
    QElapsedTimer timer;
    timer.start();
    playground.start();
    QVERIFY(playground.isRunning());
    QVERIFY(finished.wait(120000));
    qInfo("default toy attack in the playground: %.2f s (engine %.2f s)", timer.elapsed() / 1000.0,
          playground.outcome()->seconds);
    QVERIFY(!playground.isRunning());
    QVERIFY(stepped.count() >= 1);
    QCOMPARE(stepped.last().at(0).toLongLong(), qint64(40)); // the last step is always sent
    QCOMPARE(stepped.last().at(1).toLongLong(), qint64(40));

    const auto& outcome = *playground.outcome();
    const double eps = playground.settings().epsilon;
    QVERIFY(std::abs(outcome.analyticClean - 0.42426) < 1e-4);
    QVERIFY(std::abs(outcome.analyticPoisoned - 0.35355) < 1e-4);
    // Measured radii of the class −1 mean near the analytic ones, and the boundary moved towards class −1 by
    // about ε/√2 (App. D.2).
    QVERIFY2(std::abs(outcome.cleanRadius - outcome.analyticClean) < 0.02, qPrintable(QString::number(outcome.cleanRadius)));
    QVERIFY2(std::abs(outcome.poisonedRadius - outcome.analyticPoisoned) < 0.02,
             qPrintable(QString::number(outcome.poisonedRadius)));
    const double drop = outcome.cleanRadius - outcome.poisonedRadius;
    QVERIFY2(std::abs(drop - eps / std::sqrt(2.0)) < 0.02, qPrintable(QString::number(drop)));

    // A low window (a projector), the results shown and a far point clicked: the panel scrolls, and what scrolls
    // is read-out text, never a control (the map choice, Clear points and Replay steps came after the text once).
    playground.setPresentation(true);
    playground.resize(1000, 460);
    playground.show();
    QVERIFY(QTest::qWaitForWindowExposed(&playground));
    playground.addProbe(0.2, 0.2);
    playground.addProbe(0.95, 0.75);
    QTest::qWait(100);
    auto* panel = playground.findChild<QScrollArea*>(QStringLiteral("toyPanelScroll"));
    QVERIFY(panel);
    QVERIFY(panel->verticalScrollBar()->maximum() > 0);         // the window is low enough to test the order
    const auto hidden = test::controlsOutOfView(*panel, false); // its width is the panel's business
    QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join(QStringLiteral("; "))));
    QVERIFY(outcome.poisonedBoundary.distance(0.2, 0.2) < outcome.cleanBoundary.distance(0.2, 0.2));
    QVERIFY(outcome.poisonedBoundary.side(0.2, 0.2) > 0); // still on class −1's side: moved towards it, not past
    // Every poison moved away from class +1 by the budget.
    QVERIFY(outcome.meanShiftX < -0.09 && outcome.meanShiftY < -0.09);
    QCOMPARE(playground.poisonCount(), static_cast<int>(outcome.data.negative.size()));

    // A probe now measures both retrained boundaries.
    playground.addProbe(0.2, 0.2);
    QVERIFY(std::abs(playground.probeRadii(0).first - outcome.cleanRadius) < 1e-6);
    QVERIFY(std::abs(playground.probeRadii(0).second - outcome.poisonedRadius) < 1e-6);

    // Another ε: the measured results stay for comparison, marked stale (the analytic column moves at once);
    // back to the run's ε, they are current again.
    QVERIFY(!playground.isStale());
    QVERIFY(!playground.resultsText().contains(QStringLiteral("Stale")));
    auto other = playground.settings();
    other.epsilon = 0.2;
    playground.setSettings(other);
    QVERIFY(playground.isStale());
    QVERIFY2(playground.resultsText().contains(QStringLiteral("Stale: measured at ε = 0.100")),
             qPrintable(playground.resultsText()));
    QVERIFY(playground.resultsText().contains(QStringLiteral("0.141"))); // analytic drop ε/√2 at the new ε
    other.epsilon = eps;
    playground.setSettings(other);
    QVERIFY(!playground.isStale());
    QVERIFY(!playground.resultsText().contains(QStringLiteral("Stale")));
}

void TestToyPlayground::cancelStopsTheAttack() {
    ToyPlayground playground;
    auto settings = playground.settings();
    settings.upperSteps = 5000; // minutes if not cancelled
    playground.setSettings(settings);
    QSignalSpy stepped(&playground, &ToyPlayground::stepped);
    QSignalSpy cancelled(&playground, &ToyPlayground::cancelled);
    QSignalSpy finished(&playground, &ToyPlayground::finished);
    playground.start();
    QVERIFY(stepped.wait(60000));
    QElapsedTimer timer;
    timer.start();
    playground.cancel();
    QVERIFY(cancelled.wait(10000));
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(!playground.isRunning());
    QCOMPARE(finished.count(), 0);
    QVERIFY(!playground.outcome().has_value());
    QVERIFY(stepped.last().at(0).toLongLong() < 5000);

    // It can run again after a cancel.
    settings.upperSteps = 3;
    settings.pointsPerClass = 200;
    playground.setSettings(settings);
    playground.start();
    QVERIFY(finished.wait(60000));
    QVERIFY(playground.outcome().has_value());
}

// A language switch reaches the controls, the status line and the plot's legend.
void TestToyPlayground::retranslatesOnALanguageSwitch() {
    const auto hasButton = [](const QWidget& widget, const QString& text) {
        const auto buttons = widget.findChildren<QPushButton*>();
        return std::any_of(buttons.begin(), buttons.end(), [&](const QPushButton* b) { return b->text() == text; });
    };
    const auto hasLabel = [](const QWidget& widget, const QString& text) {
        const auto labels = widget.findChildren<QLabel*>();
        return std::any_of(labels.begin(), labels.end(), [&](const QLabel* label) { return label->text() == text; });
    };
    ToyPlayground playground;
    auto* box = playground.findChild<QGroupBox*>();
    QVERIFY(box);
    QCOMPARE(box->title(), QStringLiteral("Attack (App. D.2)"));
    QVERIFY(hasButton(playground, QStringLiteral("Run attack")));
    QVERIFY(hasLabel(playground, QStringLiteral("Points per class")));
    QVERIFY(hasLabel(playground, QStringLiteral("Click the plot to place points and see their certified radii.")));
    QCOMPARE(playground.plot()->graph(0)->name(), QStringLiteral("class +1"));

    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("de")));
    // QApplication posts LanguageChange to the top-level widgets: the strings change on the next event-loop turn.
    QTRY_COMPARE(box->title(), QStringLiteral("Angriff (Anh. D.2)"));
    QVERIFY(hasButton(playground, QStringLiteral("Angriff starten")));
    QVERIFY(!hasButton(playground, QStringLiteral("Run attack")));
    QVERIFY(hasButton(playground, QStringLiteral("Punkte löschen")));
    QVERIFY(hasLabel(playground, QStringLiteral("Punkte pro Klasse")));
    QVERIFY(hasLabel(
        playground, QStringLiteral("Klicken Sie in das Diagramm, um Punkte zu setzen und ihre zertifizierten Radien zu sehen.")));
    QCOMPARE(playground.plot()->graph(0)->name(), QStringLiteral("Klasse +1"));
    // The playground's controls of this round: the rerun switch, the replay, the radius map.
    QCOMPARE(playground.findChild<QCheckBox*>()->text(), QStringLiteral("Neu rechnen, wenn sich ε oder σ ändert"));
    QVERIFY(hasButton(playground, QStringLiteral("Schritte abspielen")));
    QVERIFY(hasLabel(playground, QStringLiteral("Radiuskarte")));
    QCOMPARE(playground.findChild<QComboBox*>()->itemText(1), QStringLiteral("sauberer Klassifikator"));

    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(box->title(), QStringLiteral("Attack (App. D.2)"));
    QVERIFY(hasButton(playground, QStringLiteral("Run attack")));
    QVERIFY(hasButton(playground, QStringLiteral("Replay steps")));
}

void TestToyPlayground::oneUnitIsAsLongOnBothAxes() {
    // Radius circles must be circles: on screen after a resize to a wide and to a tall window, and in an export
    // at a size of its own (the export lays the plot out again).
    ToyPlayground toy;
    toy.show();
    QVERIFY(QTest::qWaitForWindowExposed(&toy));
    auto* plot = toy.plot();
    const auto pixelsPerUnit = [plot] {
        const double x = plot->xAxis->coordToPixel(1.0) - plot->xAxis->coordToPixel(0.0);
        const double y = plot->yAxis->coordToPixel(0.0) - plot->yAxis->coordToPixel(1.0);
        return std::pair{x, y};
    };
    for (const QSize size : {QSize(1400, 500), QSize(700, 900)}) {
        toy.resize(size);
        plot->replot();
        const auto [x, y] = pixelsPerUnit();
        QVERIFY2(std::abs(x / y - 1.0) < 0.01,
                 qPrintable(QStringLiteral("%1 x %2: %3 vs %4 px per unit").arg(size.width()).arg(size.height()).arg(x).arg(y)));
    }
    std::pair<double, double> exported{0, 0};
    const auto connection = connect(plot, &QCustomPlot::afterLayout, plot, [&] { exported = pixelsPerUnit(); });
    (void)plot->toPixmap(1600, 500);
    disconnect(connection);
    QVERIFY2(exported.first > 0 && std::abs(exported.first / exported.second - 1.0) < 0.01,
             qPrintable(QStringLiteral("export: %1 vs %2 px per unit").arg(exported.first).arg(exported.second)));
}

namespace {
// The boundary retrained on the poisons: the last line (QCPCurve) of the plot.
QCPCurve* poisonedBoundaryOf(ToyPlayground& toy) {
    QCPCurve* last = nullptr;
    for (int i = 0; i < toy.plot()->plottableCount(); ++i)
        if (auto* curve = qobject_cast<QCPCurve*>(toy.plot()->plottable(i))) last = curve;
    return last;
}

// A quick toy: 200 points per class, 12 upper steps (sign steps of ε/10: the whole budget is spent).
ToySettings quickSettings() {
    auto settings = defaultToySettings();
    settings.pointsPerClass = 200;
    settings.upperSteps = 12;
    return settings;
}
} // namespace

// A slider move reruns the attack by itself after a pause: meanwhile the last result stays, greyed and marked
// stale; the new result arrives with the new ε and is current.
void TestToyPlayground::sliderRerunsAndGreysTheOldResult() {
    ToyPlayground playground;
    playground.setSettings(quickSettings());
    QSignalSpy started(&playground, &ToyPlayground::started);
    QSignalSpy finished(&playground, &ToyPlayground::finished);
    // Before any run a slider moves the analytic lines only.
    playground.epsilonSlider()->setValue(playground.epsilonSlider()->value() + 2);
    QTest::qWait(ToyPlayground::kRerunDelayMs + 200);
    QCOMPARE(started.count(), 0);
    playground.start();
    QVERIFY(finished.wait(60000));
    const auto first = *playground.outcome();
    QVERIFY(!playground.isStale());
    QVERIFY(poisonedBoundaryOf(playground));
    const QColor current = poisonedBoundaryOf(playground)->pen().color();

    playground.epsilonSlider()->setValue(40); // ε = 0.2
    QCOMPARE(playground.settings().epsilon, 0.2);
    QVERIFY(playground.isStale());
    QCOMPARE(started.count(), 1); // not yet: it waits for the slider to rest
    QVERIFY(started.wait(ToyPlayground::kRerunDelayMs * 5));
    QVERIFY(playground.isRunning());
    // The old result is still there, greyed, until the new one arrives.
    QVERIFY(playground.outcome().has_value());
    QVERIFY(playground.isStale());
    QVERIFY(playground.resultsText().contains(QStringLiteral("Stale")));
    auto* poisonedBoundary = poisonedBoundaryOf(playground);
    QVERIFY(poisonedBoundary);
    QVERIFY(poisonedBoundary->pen().color() != current);
    QCOMPARE(poisonedBoundary->pen().style(), Qt::DashLine);
    QVERIFY(finished.wait(60000));
    QVERIFY(!playground.isStale());
    QCOMPARE(playground.outcomeSettings().epsilon, 0.2);
    QCOMPARE(poisonedBoundary->pen().color(), current);
    // A larger budget moves the boundary further: the class −1 mean's radius drops by more (analytic ε/√2).
    QVERIFY2(playground.outcome()->poisonedRadius < first.poisonedRadius - 0.03,
             qPrintable(QStringLiteral("%1 vs %2").arg(playground.outcome()->poisonedRadius).arg(first.poisonedRadius)));
    QVERIFY(!playground.resultsText().contains(QStringLiteral("Stale")));

    // Off: a slider move only marks the result stale.
    playground.setAutoRerun(false);
    playground.sigmaSlider()->setValue(playground.sigmaSlider()->value() + 5);
    QTest::qWait(ToyPlayground::kRerunDelayMs + 200);
    QCOMPARE(started.count(), 2);
    QVERIFY(playground.isStale());
}

// Values arriving while a rerun runs cancel it; the run that ends is the last value's.
void TestToyPlayground::newValueCancelsTheRunUnderWay() {
    ToyPlayground playground;
    auto settings = quickSettings();
    settings.pointsPerClass = 1000; // long enough to be caught running
    settings.upperSteps = 40;
    playground.setSettings(settings);
    QSignalSpy finished(&playground, &ToyPlayground::finished);
    QSignalSpy cancelled(&playground, &ToyPlayground::cancelled);
    QSignalSpy started(&playground, &ToyPlayground::started);
    playground.start();
    QVERIFY(finished.wait(60000));
    playground.epsilonSlider()->setValue(30);
    QVERIFY(started.wait(ToyPlayground::kRerunDelayMs * 5));
    QVERIFY(playground.isRunning());
    playground.sigmaSlider()->setValue(40); // σ = 0.4 while ε = 0.15 runs
    QVERIFY(cancelled.wait(30000));
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(!playground.isRunning());
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(playground.outcomeSettings().epsilon, 0.15);
    QCOMPARE(playground.outcomeSettings().sigma, 0.4);
    QVERIFY(!playground.isStale());
}

// Dragging a point shows its certified radius: for the linear classifier, its distance to the boundary (before a
// run the Bayes boundary x₁ + x₂ = 1), the circle drawn with that radius.
void TestToyPlayground::draggedPointShowsTheDistanceToTheBoundary() {
    ToyPlayground toy;
    toy.resize(900, 600);
    toy.show();
    QVERIFY(QTest::qWaitForWindowExposed(&toy));
    auto* plot = toy.plot();
    plot->replot();
    const auto pixel = [plot](double x, double y) {
        return QPointF(plot->xAxis->coordToPixel(x), plot->yAxis->coordToPixel(y)).toPoint();
    };
    const auto send = [plot](QEvent::Type type, QPoint at, Qt::MouseButtons buttons) {
        QMouseEvent event(type, at, plot->mapToGlobal(at), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                          Qt::NoModifier);
        QCoreApplication::sendEvent(plot, &event);
    };
    // Press places a point; the drag moves it to (0.5, 0.1) and then to (0.9, 0.6) on the other side.
    send(QEvent::MouseButtonPress, pixel(0.2, 0.2), Qt::LeftButton);
    QCOMPARE(toy.probeCount(), 1);
    send(QEvent::MouseMove, pixel(0.5, 0.1), Qt::LeftButton);
    const double pixelSize = 1.0 / (plot->xAxis->coordToPixel(1.0) - plot->xAxis->coordToPixel(0.0));
    const auto analytic = [](QPointF p) { return std::abs(p.x() + p.y() - 1.0) / std::sqrt(2.0); };
    QPointF at = toy.probePosition(0);
    QVERIFY2(std::abs(at.x() - 0.5) < 2 * pixelSize && std::abs(at.y() - 0.1) < 2 * pixelSize,
             qPrintable(QStringLiteral("%1, %2").arg(at.x()).arg(at.y())));
    QVERIFY(std::abs(toy.probeRadii(0).first - analytic(at)) < 1e-9);
    QVERIFY(std::abs(toy.probeRadii(0).first - 0.2828) < 3 * pixelSize);
    send(QEvent::MouseMove, pixel(0.9, 0.6), Qt::LeftButton);
    send(QEvent::MouseButtonRelease, pixel(0.9, 0.6), Qt::NoButton);
    QCOMPARE(toy.probeCount(), 1); // moved, not a new one
    at = toy.probePosition(0);
    QVERIFY(std::abs(toy.probeRadii(0).first - analytic(at)) < 1e-9);
    QVERIFY(std::abs(toy.probeRadii(0).first - 0.3536) < 3 * pixelSize);
    QVERIFY2(toy.probeText().contains(QLocale().toString(toy.probeRadii(0).first, 'f', 3)), qPrintable(toy.probeText()));
    // The circle has that radius on screen.
    plot->replot();
    QCPItemEllipse* circle = nullptr;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* e = qobject_cast<QCPItemEllipse*>(plot->item(i)); e && e->visible()) circle = e;
    QVERIFY(circle);
    const double radiusPixels = (circle->bottomRight->pixelPosition().x() - circle->topLeft->pixelPosition().x()) / 2;
    QVERIFY(std::abs(radiusPixels * pixelSize - toy.probeRadii(0).first) < 1e-6);
    // A press elsewhere, then a drag, moves a second point; the first stays.
    send(QEvent::MouseButtonPress, pixel(-0.3, 1.2), Qt::LeftButton);
    send(QEvent::MouseMove, pixel(-0.2, 1.0), Qt::LeftButton);
    send(QEvent::MouseButtonRelease, pixel(-0.2, 1.0), Qt::NoButton);
    QCOMPARE(toy.probeCount(), 2);
    QVERIFY(std::abs(toy.probePosition(0).x() - at.x()) < 1e-12);
    QVERIFY(std::abs(toy.probeRadii(1).first - analytic(toy.probePosition(1))) < 1e-9);
}

// The heat map holds the certified radius of each cell's centre, signed by the predicted class, for the clean and
// (before a run: the analytic) poisoned boundary.
void TestToyPlayground::radiusMapIsTheSignedDistance() {
    ToyPlayground toy;
    QVERIFY(std::isnan(toy.radiusMapValue(0.2, 0.2)));
    toy.setRadiusMap(ToyPlayground::RadiusMap::Clean);
    const double cell = 2.4 / 160; // the plotted box over the map's cells
    // Class −1's mean: 0.4243 from x₁ + x₂ = 1; class +1's mean on the other side, negative.
    QVERIFY2(std::abs(toy.radiusMapValue(0.2, 0.2) - 0.42426) < cell, qPrintable(QString::number(toy.radiusMapValue(0.2, 0.2))));
    QVERIFY(std::abs(toy.radiusMapValue(0.8, 0.8) + 0.42426) < cell);
    QVERIFY(std::abs(toy.radiusMapValue(0.5, 0.5)) < cell);
    toy.setRadiusMap(ToyPlayground::RadiusMap::Poisoned);
    // The boundary after class −1's mean moved by −ε = −0.1: x₁ + x₂ = 0.9, radius of (0.2, 0.2) 0.3536.
    QVERIFY(std::abs(toy.radiusMapValue(0.2, 0.2) - 0.35355) < cell);
    auto other = toy.settings();
    other.epsilon = 0.2;
    toy.setSettings(other);
    QVERIFY(std::abs(toy.radiusMapValue(0.2, 0.2) - 0.28284) < cell);
    auto* choice = toy.findChild<QComboBox*>();
    QVERIFY(choice);
    QCOMPARE(choice->currentIndex(), 2);
    choice->setCurrentIndex(0);
    QCOMPARE(toy.radiusMap(), ToyPlayground::RadiusMap::Off);
}

// The steps recorded during a run play again: the lower level's boundary moves, then the result is back.
void TestToyPlayground::replayShowsTheRecordedSteps() {
    ToyPlayground toy;
    toy.setSettings(quickSettings());
    QSignalSpy finished(&toy, &ToyPlayground::finished);
    toy.start();
    QVERIFY(finished.wait(60000));
    QVERIFY(toy.recordedSteps() >= 1);
    toy.replaySteps();
    QVERIFY(toy.isReplaying());
    QTRY_VERIFY_WITH_TIMEOUT(!toy.isReplaying(), 10000);
    QCOMPARE(toy.poisonCount(), static_cast<int>(toy.outcome()->poisons.size()));
}

void TestToyPlayground::screenshots() {
    // Always taken (offscreen in ctest, into a scratch folder); PACD_SCREENSHOT_DIR keeps them.
    QTemporaryDir scratch;
    const QString dir = qEnvironmentVariable("PACD_SCREENSHOT_DIR", scratch.path());
    ToyPlayground playground;
    playground.resize(1100, 650);
    playground.show();
    QVERIFY(QTest::qWaitForWindowExposed(&playground));
    QSignalSpy finished(&playground, &ToyPlayground::finished);
    // Mid-run: the poisons on their way and the lower level's boundary.
    bool grabbedRunning = false;
    connect(&playground, &ToyPlayground::stepped, this, [&](qint64 step, qint64) {
        if (grabbedRunning || step < 12) return;
        grabbedRunning = playground.grab().save(QDir(dir).filePath(QStringLiteral("toy-playground-running.png")));
    });
    playground.start();
    QVERIFY(finished.wait(120000));
    QVERIFY(grabbedRunning);
    playground.addProbe(0.2, 0.2);
    playground.addProbe(0.55, 0.05);
    playground.addProbe(0.95, 0.75);
    playground.plot()->replot();
    QTest::qWait(100);
    QVERIFY(playground.grab().save(QDir(dir).filePath(QStringLiteral("toy-playground.png"))));
    // The plot as a figure: 12 × 10 cm at 150 dpi (fonts keep their printed size).
    QString error;
    QVERIFY2(exportPlot(*playground.plot(), QDir(dir).filePath(QStringLiteral("toy-plot-export.png")),
                        PlotExportSettings{PlotFormat::Png, 12, 10, SizeUnit::Centimetres, 150}, &error),
             qPrintable(error));
}

QTEST_MAIN(TestToyPlayground)
#include "tst_toy_playground.moc"
