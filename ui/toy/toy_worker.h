#pragma once
// Runs the toy attack off the GUI thread (a long-lived worker object on the playground's QThread).
#include "toy/toy_engine.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace pacd::ui {

/// Lives on the playground's thread; run() blocks that thread until the attack ends, is cancelled or fails.
/// Steps are sent at most ~30 times a second (and always the first and the last), so that a long run with many
/// fast steps does not flood the GUI's event queue.
class ToyWorker : public QObject {
    Q_OBJECT
  public:
    /// `cancel` is owned by the playground and outlives the worker; the GUI thread sets it.
    explicit ToyWorker(CancelToken& cancel, QObject* parent = nullptr);

  public Q_SLOTS:
    void run(const pacd::ui::ToySettings& settings);

  Q_SIGNALS:
    void stepped(const pacd::ui::ToyStepView& step);
    void finished(const pacd::ui::ToyOutcome& outcome);
    void cancelled();
    void failed(const QString& message);

  private:
    CancelToken& m_cancel;
    QElapsedTimer m_sinceLastStep;
};

} // namespace pacd::ui

Q_DECLARE_METATYPE(pacd::ui::ToySettings)
Q_DECLARE_METATYPE(pacd::ui::ToyStepView)
Q_DECLARE_METATYPE(pacd::ui::ToyOutcome)
