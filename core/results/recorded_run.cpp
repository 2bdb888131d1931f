#include "results/recorded_run.h"

#include "results/results_store.h"
#include "support/hash.h"

#include <nlohmann/json.hpp>

namespace pacd {
namespace {

// The environment object with the certify batch added: a run setting, not part of the spec (so not in the spec
// hash), that still changes the certificates' numbers; kept here because the store has no column for it.
std::string withCertifyBatch(const std::string& environmentJson, std::int64_t certifyBatch) {
    auto environment =
        environmentJson.empty() ? nlohmann::ordered_json::object() : nlohmann::ordered_json::parse(environmentJson);
    environment["certify_batch"] = certifyBatch;
    return environment.dump();
}

} // namespace

RecordedRun::RecordedRun(ResultsStore* store, RecordedRunInfo info) : m_store(store), m_certifyBatch(info.certifyBatch) {
    m_pending.name = std::move(info.name);
    m_pending.preset = std::move(info.preset);
    m_pending.specJson = std::move(info.specJson);
    m_pending.specHash = hashText(m_pending.specJson);
    m_pending.environmentJson = withCertifyBatch({}, m_certifyBatch);
    m_pending.startedAt = utcNow();
    m_pending.workDir = info.workDir.string();
    if (!m_store) return;
    m_pending.id = m_store->findResumable(m_pending.specHash);
    m_resumed = m_pending.id != 0;
    if (m_resumed)
        m_store->update(m_pending);
    else
        m_pending.id = m_store->insert(m_pending);
}

RecordedRun::~RecordedRun() {
    if (!m_ended) failed("the run stopped before its outcome was recorded");
}

RunRecord RecordedRun::finish(RunRecord record) {
    record.id = m_pending.id;
    record.preset = m_pending.preset;
    record.environmentJson = withCertifyBatch(record.environmentJson, m_certifyBatch);
    if (m_store) m_store->update(record);
    m_ended = true;
    return record;
}

void RecordedRun::cancelled(const std::string& status) noexcept {
    end(status, {});
}

void RecordedRun::failed(const std::string& error) noexcept {
    end("failed", error);
}

void RecordedRun::end(const std::string& status, const std::string& error) noexcept {
    m_ended = true;
    if (!m_store) return;
    try {
        auto ended = m_pending;
        ended.status = status;
        ended.error = error;
        ended.finishedAt = utcNow();
        m_store->update(ended);
    } catch (...) {
        // The run's own outcome (Cancelled, or the error being reported) matters more than its bookkeeping.
    }
}

} // namespace pacd
