#pragma once
// Shared by the UI suites that measure plots and panels on screen (the no-overlap and fold checks).
#include "plots/qcustomplot_include.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QList>
#include <QScrollArea>
#include <QStringList>
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

/// The visible controls (buttons, combo boxes, spin boxes) of a scrolled panel that lie outside its view as it is
/// scrolled now, each as "Class 'text' at y top-bottom of a H-px view"; `widthToo` also checks left and right.
inline QStringList controlsOutOfView(QScrollArea& panel, bool widthToo) {
    QStringList out;
    const QRect view = panel.viewport()->rect();
    for (auto* control : panel.widget()->findChildren<QWidget*>()) {
        if (!control->isVisible() || !(qobject_cast<QAbstractButton*>(control) || qobject_cast<QComboBox*>(control) ||
                                       qobject_cast<QAbstractSpinBox*>(control)))
            continue;
        const QRect at(control->mapTo(panel.viewport(), QPoint(0, 0)), control->size());
        const bool inView = widthToo ? view.contains(at) : at.top() >= 0 && at.bottom() <= view.bottom();
        if (!inView)
            out << QStringLiteral("%1 '%2' at y %3-%4 of a %5-px view")
                       .arg(QString::fromLatin1(control->metaObject()->className()), control->property("text").toString())
                       .arg(at.top())
                       .arg(at.bottom())
                       .arg(view.height());
    }
    return out;
}

} // namespace pacd::ui::test
