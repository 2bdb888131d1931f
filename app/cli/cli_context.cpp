#include "cli_context.h"

#include "support/paths.h"
#include "support/runtime.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <unistd.h>

namespace pacd::cli {

std::filesystem::path GlobalOptions::resolvedDataDir() const {
    return resolveDataDir(dataDir);
}

void GlobalOptions::applyThreads() const {
    configureThreads(threads);
}

void printJson(const nlohmann::ordered_json& value) {
    std::cout << value.dump(2) << std::endl;
}

namespace {

std::string formatDuration(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, (s / 60) % 60);
    else
        std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
    return text;
}

// Redraws at most ~10 times a second: a bar per batch would flood slow terminals. The ETA is measured from the
// first event of a stage's run (a resumed stage starts at step > 0), so it reflects this run's speed. Per-epoch
// summaries ("train-epoch") and an experiment's stage changes ("experiment") print as log lines above the bar.
class TerminalBar {
  public:
    void operator()(const ProgressEvent& event) {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto now = std::chrono::steady_clock::now();
        if (event.stage == "train-epoch" || event.stage == "experiment") {
            std::string line = event.stage == "experiment"
                                   ? "[" + std::to_string(event.step + (event.step < event.total)) + "/" +
                                         std::to_string(event.total) + "] " + event.message
                                   : "epoch " + std::to_string(event.step) + "/" + std::to_string(event.total);
            if (event.stage == "train-epoch") line += metricsText(event) + (event.message.empty() ? "" : " " + event.message);
            std::cerr << "\r\033[K" << line << "\n";
            m_stage.clear();
            return;
        }
        if (event.stage != m_stage || event.step < m_step) {
            m_stage = event.stage;
            m_start = now;
            m_startStep = event.step;
            m_lastDraw = {};
        }
        m_step = event.step;
        const bool finished = event.total > 0 && event.step >= event.total;
        if (!event.message.empty()) std::cerr << "\r\033[K" << event.message << "\n";
        if (!finished && now - m_lastDraw < std::chrono::milliseconds(100)) return;
        m_lastDraw = now;
        const double elapsed = std::chrono::duration<double>(now - m_start).count();
        std::string line = event.stage;
        if (event.total > 0) {
            const double fraction = std::min(1.0, static_cast<double>(event.step) / event.total);
            const int width = 30, filled = static_cast<int>(fraction * width);
            line += " [" + std::string(filled, '#') + std::string(width - filled, '.') + "] " + std::to_string(event.step) + "/" +
                    std::to_string(event.total);
            const auto done = event.step - m_startStep;
            if (done > 0 && !finished)
                line +=
                    " ETA " + formatDuration(elapsed / static_cast<double>(done) * static_cast<double>(event.total - event.step));
            else
                line += " " + formatDuration(elapsed);
        } else {
            line += " " + std::to_string(event.step);
        }
        line += metricsText(event);
        std::cerr << "\r\033[K" << line << (finished ? "\n" : "") << std::flush;
        if (finished) m_stage.clear();
    }

  private:
    static std::string metricsText(const ProgressEvent& event) {
        std::string text;
        for (const auto& [name, value] : event.metrics) {
            char metric[64];
            std::snprintf(metric, sizeof metric, " %s=%.4g", name.c_str(), value);
            text += metric;
        }
        return text;
    }

  private:
    std::mutex m_mutex;
    std::string m_stage;
    std::int64_t m_step = 0, m_startStep = 0;
    std::chrono::steady_clock::time_point m_start, m_lastDraw;
};

} // namespace

ProgressSink terminalProgress(const GlobalOptions& options) {
    if (options.events)
        return [](const ProgressEvent& event) {
            nlohmann::ordered_json line{
                {"stage", event.stage}, {"step", event.step}, {"total", event.total}, {"metrics", event.metrics}};
            if (!event.message.empty()) line["message"] = event.message;
            std::cerr << line.dump() << std::endl;
        };
    // Not a terminal (CI logs, nohup): one line per experiment stage and per resume, nothing per step or epoch.
    if (!::isatty(STDERR_FILENO))
        return [](const ProgressEvent& event) {
            if (event.message.empty()) return;
            if (event.stage == "experiment" || event.message.rfind("resumed", 0) == 0) std::cerr << event.message << std::endl;
        };
    auto bar = std::make_shared<TerminalBar>();
    return [bar](const ProgressEvent& event) { (*bar)(event); };
}

} // namespace pacd::cli
