#pragma once
// Two ways a value changed without the user meaning it, closed for every editor of a form: the mouse wheel turned
// a spin box, combo box or slider that the pointer passed over while the panel scrolled (victim epochs went
// 8 -> 6), and a typed character the editor's validator dropped without a word ("-1" for σ became 1.000).
#include <QObject>
#include <QString>

class QWidget;

namespace pacd::ui {

/// Installs the guard on every spin box, combo box and slider under `root` (now present): wheel events reach an
/// editor only when it has keyboard focus (they scroll the panel otherwise), and a typed character that would make
/// a spin box's text invalid is refused with a tooltip naming the allowed range. The refusal text is also kept in
/// the editor's "refusal" property (empty while nothing was refused), for tests and accessibility.
void guardInputs(QWidget* root);

/// "allowed: 0.010 to 4.000" for a spin box (empty for other widgets).
QString allowedRange(const QWidget* editor);

class InputGuard : public QObject {
    Q_OBJECT
  public:
    using QObject::QObject;

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace pacd::ui
