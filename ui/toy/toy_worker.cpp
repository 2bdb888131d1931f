#include "toy/toy_worker.h"

#include <exception>

namespace pacd::ui {

namespace {
constexpr qint64 kStepIntervalMs = 33;
}

ToyWorker::ToyWorker(CancelToken& cancel, QObject* parent) : QObject(parent), m_cancel(cancel) {}

void ToyWorker::run(const ToySettings& settings) {
    m_sinceLastStep.invalidate();
    try {
        auto outcome = runToy(settings, m_cancel, [this](const ToyStepView& step) {
            if (step.step == step.total || !m_sinceLastStep.isValid() || m_sinceLastStep.elapsed() >= kStepIntervalMs) {
                m_sinceLastStep.start();
                Q_EMIT stepped(step);
            }
        });
        Q_EMIT finished(outcome);
    } catch (const Cancelled&) {
        Q_EMIT cancelled();
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromStdString(error.what()));
    }
}

} // namespace pacd::ui
