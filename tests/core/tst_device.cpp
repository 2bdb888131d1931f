// The device checks (tests/device/device_checks.h) as Qt Test: a row per check and device, CPU always, CUDA
// skipped with the reason when this machine has none. The GPU server, which has no Qt, runs the same checks
// through pacd-device-check.
#include "test_helpers.h"

#include "device_checks.h"
#include "support/runtime.h"

using namespace pacd::device_checks;

class TestDevice : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void check_data();
    void check();
};

void TestDevice::check_data() {
    QTest::addColumn<QString>("device");
    QTest::addColumn<int>("index");
    for (const char* device : {"cpu", "cuda"})
        for (std::size_t i = 0; i < checks().size(); ++i)
            QTest::newRow((std::string(checks()[i].name) + "@" + device).c_str())
                << QString::fromLatin1(device) << static_cast<int>(i);
}

void TestDevice::check() {
    QFETCH(QString, device);
    QFETCH(int, index);
    const auto name = device.toStdString();
    if (const auto reason = unavailableReason(name); !reason.empty()) QSKIP(reason.c_str());
    const auto& check = checks()[static_cast<std::size_t>(index)];
    try {
        const auto outcome = check.run(pacd::parseDevice(name));
        qInfo("%s (%s): %s", check.name, name.c_str(), outcome.summary.c_str());
    } catch (const CheckFailed& e) {
        QFAIL(e.what());
    }
}

QTEST_GUILESS_MAIN(TestDevice)
#include "tst_device.moc"
