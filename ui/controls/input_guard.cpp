#include "controls/input_guard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolTip>
#include <QValidator>
#include <QWheelEvent>

namespace pacd::ui {
namespace {

const char* const kRefusal = "refusal";

bool isGuarded(const QObject* object) {
    return qobject_cast<const QAbstractSpinBox*>(object) || qobject_cast<const QComboBox*>(object) ||
           qobject_cast<const QAbstractSlider*>(object);
}

// The text the spin box would hold after `key`, as its line edit would insert it (replacing a selection).
QString textAfter(const QLineEdit& edit, const QString& key) {
    QString text = edit.text();
    int at = edit.cursorPosition();
    if (edit.hasSelectedText()) {
        at = edit.selectionStart();
        text.remove(at, edit.selectedText().size());
    }
    return text.insert(at, key);
}

} // namespace

QString allowedRange(const QWidget* editor) {
    if (const auto* real = qobject_cast<const QDoubleSpinBox*>(editor))
        return QObject::tr("allowed: %1 to %2")
            .arg(real->locale().toString(real->minimum(), 'f', real->decimals()),
                 real->locale().toString(real->maximum(), 'f', real->decimals()));
    if (const auto* whole = qobject_cast<const QSpinBox*>(editor))
        return QObject::tr("allowed: %1 to %2")
            .arg(whole->locale().toString(whole->minimum()), whole->locale().toString(whole->maximum()));
    return {};
}

void guardInputs(QWidget* root) {
    auto* guard = new InputGuard(root);
    for (auto* child : root->findChildren<QWidget*>()) {
        if (!isGuarded(child)) continue;
        // A click or Tab gives focus; the wheel alone does not (it scrolls the panel instead).
        child->setFocusPolicy(Qt::StrongFocus);
        child->installEventFilter(guard);
    }
}

bool InputGuard::eventFilter(QObject* watched, QEvent* event) {
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget) return false;
    if (event->type() == QEvent::Wheel && !widget->hasFocus()) {
        event->ignore(); // propagates to the scroll area around the form
        return true;
    }
    if (event->type() == QEvent::KeyPress) {
        auto* spin = qobject_cast<QAbstractSpinBox*>(widget);
        const auto* key = static_cast<QKeyEvent*>(event);
        if (!spin || key->text().isEmpty() || !key->text().at(0).isPrint()) return false;
        const auto* edit = spin->findChild<QLineEdit*>();
        if (!edit) return false;
        QString candidate = textAfter(*edit, key->text());
        int position = candidate.size();
        if (spin->validate(candidate, position) == QValidator::Invalid) {
            const QString message = tr("“%1” is not accepted here (%2)").arg(textAfter(*edit, key->text()), allowedRange(spin));
            spin->setProperty(kRefusal, message);
            QToolTip::showText(spin->mapToGlobal(QPoint(0, spin->height())), message, spin);
            return true; // refused, and said so
        }
        spin->setProperty(kRefusal, QString());
    }
    return false;
}

} // namespace pacd::ui
