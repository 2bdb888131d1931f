// The controls produce the spec they show; ε's three views agree; problems are reported, not run.
#include "controls/advanced_panel.h"
#include "controls/epsilon_control.h"
#include "controls/experiment_form.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSlider>
#include <QSpinBox>
#include <QtTest/QtTest>

using pacd::ui::ExperimentForm;

class TestExperimentForm : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    // The wheel over an editor that has no focus scrolls the panel instead of editing (victim epochs went 8 -> 6
    // while scrolling); with focus it edits as usual.
    void wheelEditsOnlyWithFocus() {
        ExperimentForm form;
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto* sigma = form.sigmaBox();
        form.scaleBox()->setFocus();
        QCoreApplication::processEvents();
        const auto wheel = [&](QWidget* target) {
            const QPoint at = target->rect().center();
            QWheelEvent event(at, target->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(target, &event);
        };
        wheel(sigma);
        QCOMPARE(sigma->value(), 0.25);
        QCOMPARE(form.defenseBox()->currentIndex(), 0);
        wheel(form.defenseBox());
        QCOMPARE(form.defenseBox()->currentIndex(), 0);
        sigma->setFocus();
        QTRY_VERIFY(sigma->hasFocus());
        wheel(sigma);
        QCOMPARE(sigma->value(), 0.30);
    }
    // A typed character the spin box cannot take is refused with the allowed range, not dropped in silence
    // ("-1" for σ became 1.000).
    void invalidTypingIsRefusedWithTheRange() {
        ExperimentForm form;
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto* sigma = form.sigmaBox();
        sigma->setFocus();
        sigma->selectAll();
        QTest::keyClick(sigma, Qt::Key_Minus, Qt::NoModifier);
        const QString refusal = sigma->property("refusal").toString();
        QVERIFY2(refusal.contains(QStringLiteral("0.010 to 4.000")), qPrintable(refusal));
        QCOMPARE(sigma->value(), 0.25);
        // A good character clears it.
        QTest::keyClick(sigma, Qt::Key_1, Qt::NoModifier);
        QVERIFY(sigma->property("refusal").toString().isEmpty());
    }
    void startsOnMnistDemo() {
        ExperimentForm form;
        const auto spec = form.spec();
        QCOMPARE(spec.dataset, std::string("mnist")); // bootstrap provisions MNIST
        QCOMPARE(spec.scale, std::string("demo"));
        QCOMPARE(spec.target, std::int64_t(8));
        QCOMPARE(spec.poisonDefense, std::string("ga"));
        QCOMPARE(spec.sigma, 0.25);
        QCOMPARE(*spec.epsilon, 0.1);
        QCOMPARE(form.targetBox()->count(), 10);
        QVERIFY2(form.problem().isEmpty(), qPrintable(form.problem()));
    }
    void controlsProduceTheSpec_data() {
        QTest::addColumn<int>("defense");
        QTest::addColumn<int>("target");
        QTest::addColumn<double>("sigma");
        QTest::addColumn<double>("epsilon");
        QTest::addColumn<int>("scale");
        QTest::addColumn<QString>("defenseName");
        QTest::addColumn<QString>("scaleName");
        QTest::newRow("ga demo") << 0 << 8 << 0.25 << 0.1 << 0 << "ga"
                                 << "demo";
        QTest::newRow("macer paper") << 1 << 3 << 0.5 << 0.05 << 1 << "macer"
                                     << "paper";
        QTest::newRow("smoothadv demo") << 2 << 0 << 1.0 << 0.0 << 0 << "smoothadv"
                                        << "demo";
    }
    void controlsProduceTheSpec() {
        QFETCH(int, defense);
        QFETCH(int, target);
        QFETCH(double, sigma);
        QFETCH(double, epsilon);
        QFETCH(int, scale);
        QFETCH(QString, defenseName);
        QFETCH(QString, scaleName);
        ExperimentForm form;
        form.defenseBox()->setCurrentIndex(defense);
        form.targetBox()->setCurrentIndex(target);
        form.sigmaBox()->setValue(sigma);
        form.epsilon()->spinBox()->setValue(epsilon);
        form.scaleBox()->setCurrentIndex(scale);
        auto spec = form.spec();
        QCOMPARE(QString::fromStdString(spec.poisonDefense), defenseName);
        QCOMPARE(QString::fromStdString(spec.retrainDefense), defenseName); // the victims use the same defense
        QCOMPARE(spec.target, std::int64_t(target));
        QCOMPARE(spec.sigma, sigma);
        QCOMPARE(*spec.epsilon, epsilon);
        QCOMPARE(QString::fromStdString(spec.scale), scaleName);
        // The advanced panel shows the scale's defaults, so the spec carries them explicitly.
        pacd::ExperimentSpec defaults;
        defaults.scale = scaleName.toStdString();
        const auto expected = pacd::resolve(defaults).spec;
        QCOMPARE(spec.attackEpochs, expected.attackEpochs);
        QCOMPARE(spec.n, expected.n);
        QCOMPARE(spec.seeds, expected.seeds);
        QVERIFY(spec.n.has_value());
    }
    void advancedEditsReachTheSpec() {
        ExperimentForm form;
        auto* t1 = qobject_cast<QSpinBox*>(form.advanced()->editor(QStringLiteral("T1")));
        auto* n = qobject_cast<QSpinBox*>(form.advanced()->editor(QStringLiteral("n")));
        QVERIFY(t1 && n);
        QVERIFY(!t1->toolTip().isEmpty());
        QVERIFY(t1->toolTip().contains(QStringLiteral("App. E.3")));
        t1->setValue(3);
        n->setValue(500);
        QCOMPARE(*form.spec().lowerSteps, std::int64_t(3));
        QCOMPARE(*form.spec().n, std::int64_t(500));
        t1->setValue(-1); // "default"
        QVERIFY(!form.spec().lowerSteps.has_value());
        // A plain field has no "default": T2 cannot go below 1.
        auto* t2 = qobject_cast<QSpinBox*>(form.advanced()->editor(QStringLiteral("T2")));
        QVERIFY(t2);
        QCOMPARE(t2->minimum(), 1);
    }
    // Points mode's own budget (App. D.6: ε = 0.06) reaches the spec when the mode is switched.
    void pointsModeGetsItsBudget() {
        ExperimentForm form;
        QCOMPARE(*form.spec().epsilon, 0.1);
        auto* mode = qobject_cast<QComboBox*>(form.advanced()->editor(QStringLiteral("mode")));
        QVERIFY(mode);
        mode->setCurrentIndex(mode->findData(QStringLiteral("points")));
        const auto spec = form.spec();
        QCOMPARE(spec.mode, std::string("points"));
        QCOMPARE(*spec.epsilon, 0.06);
        const auto plan = form.resolved();
        QVERIFY(plan.has_value());
        QCOMPARE(plan->attack.epsilon, 0.06);
        mode->setCurrentIndex(mode->findData(QStringLiteral("class")));
        QCOMPARE(*form.spec().epsilon, 0.1);
    }
    void specRoundTrips() {
        ExperimentForm form;
        pacd::ExperimentSpec spec;
        spec.name = "round trip";
        spec.target = 2;
        spec.poisonDefense = spec.retrainDefense = "macer";
        spec.sigma = 0.5;
        spec.epsilon = 0.0625;
        spec.scale = "paper";
        spec.seeds = 3;
        spec.trainEpochs = 7;
        spec.weightDecay = 0.01;
        spec.watermark = false;
        spec = pacd::resolve(spec).spec;
        form.setSpec(spec);
        const auto back = form.spec();
        QCOMPARE(back.toJson(), spec.toJson());
    }
    void epsilonViewsAgree() {
        pacd::ui::EpsilonControl eps;
        eps.setValue(0.1);
        QCOMPARE(eps.slider()->value(), 100);
        QCOMPARE(eps.pixelText(), QStringLiteral("≈ 25.5 / 255"));
        eps.slider()->setValue(30);
        QCOMPARE(eps.value(), 0.03);
        QCOMPARE(eps.pixelText(), QStringLiteral("≈ 7.6 / 255"));
        eps.setValue(0.5); // beyond the slider's range: the spin box keeps it, the slider pins at its end
        QCOMPARE(eps.value(), 0.5);
        QCOMPARE(eps.slider()->value(), eps.slider()->maximum());
    }
    void cifarGetsItsBudget() {
        ExperimentForm form;
        const int cifar = form.datasetBox()->findData(QStringLiteral("cifar10"));
        QVERIFY(cifar >= 0);
        form.datasetBox()->setCurrentIndex(cifar);
        QCOMPARE(*form.spec().epsilon, 0.03); // App. E.3
    }
    void missingDataSetIsAProblem() {
        QTemporaryDir empty;
        ExperimentForm form;
        form.setDataDir(empty.path());
        QVERIFY(form.datasetBox()->itemText(0).contains(QStringLiteral("not downloaded")));
        const QString problem = form.problem();
        QVERIFY2(problem.contains(QStringLiteral("mnist")) && problem.contains(empty.path()), qPrintable(problem));
        QVERIFY(problem.contains(QStringLiteral("bootstrap.sh"))); // how to get it
    }
};

QTEST_MAIN(TestExperimentForm)
#include "tst_experiment_form.moc"
