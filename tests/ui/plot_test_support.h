#pragma once
// Shared by the UI suites that measure plots on screen (the no-overlap checks).
#include "plots/qcustomplot_include.h"

#include <QList>
#include <QtTest/QtTest>

namespace pacd::ui::test {

/// Lets the rate-limited replots and their layout mends settle, then replots once more.
inline void settle(const QList<QCustomPlot*>& plots) {
    for (int round = 0; round < 10; ++round) {
        QTest::qWait(120);
        for (auto* plot : plots)
            plot->replot(QCustomPlot::rpImmediateRefresh);
    }
}

} // namespace pacd::ui::test
