#include "results/event_log.h"

#include "plan/vocabulary.h"
#include "results/victim_json.h"
#include "support/error.h"
#include "support/json_numbers.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <set>

namespace pacd {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr const char* kFormat = "pacd-events";
constexpr const char* kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string toBase64(const std::string& bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t chunk = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 2]);
        out += kBase64[(chunk >> 18) & 63];
        out += kBase64[(chunk >> 12) & 63];
        out += i + 1 < bytes.size() ? kBase64[(chunk >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kBase64[chunk & 63] : '=';
    }
    return out;
}

std::string fromBase64(const std::string& text, const std::string& what) {
    require(text.size() % 4 == 0, what, ": base64 length ", text.size(), " is not a multiple of 4");
    auto value = [&](char c) -> std::uint32_t {
        const char* at = std::char_traits<char>::find(kBase64, 64, c);
        require(at != nullptr, what, ": '", c, "' is not base64");
        return static_cast<std::uint32_t>(at - kBase64);
    };
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const std::uint32_t chunk = value(text[i]) << 18 | value(text[i + 1]) << 12 |
                                    (text[i + 2] == '=' ? 0 : value(text[i + 2]) << 6) |
                                    (text[i + 3] == '=' ? 0 : value(text[i + 3]));
        out += static_cast<char>((chunk >> 16) & 255);
        if (text[i + 2] != '=') out += static_cast<char>((chunk >> 8) & 255);
        if (text[i + 3] != '=') out += static_cast<char>(chunk & 255);
    }
    return out;
}

// Clean images are stored as 8-bit pixels in base64 (a fifth of the JSON numbers' size; a picture is what a
// replay shows), the perturbation δ = poisoned − clean as signed 8-bit steps of its own largest |δ| / 127, so
// that the replayed δ keeps its norms: L∞ comes back as the budget it was (0.1, not 0.102 as two 8-bit images
// would give).
std::string encodeImages(const std::vector<float>& values) {
    std::string bytes(values.size(), '\0');
    std::transform(values.begin(), values.end(), bytes.begin(), [](float v) {
        const float clamped = std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 0.0f;
        return static_cast<char>(static_cast<unsigned char>(std::lround(clamped * 255.0f)));
    });
    return toBase64(bytes);
}

std::vector<float> decodeImages(const std::string& text, const std::string& what) {
    const auto bytes = fromBase64(text, what);
    std::vector<float> out(bytes.size());
    std::transform(bytes.begin(), bytes.end(), out.begin(),
                   [](char b) { return static_cast<float>(static_cast<unsigned char>(b)) / 255.0f; });
    return out;
}

// δ as signed bytes of scale / 127; returns the scale (largest |δ|, 0 for none).
std::pair<std::string, double> encodeDelta(const std::vector<float>& clean, const std::vector<float>& poisoned) {
    const auto count = std::min(clean.size(), poisoned.size());
    double scale = 0.0;
    for (std::size_t i = 0; i < count; ++i)
        if (std::isfinite(poisoned[i] - clean[i])) scale = std::max(scale, std::abs(double(poisoned[i]) - clean[i]));
    std::string bytes(count, '\0');
    for (std::size_t i = 0; i < count && scale > 0; ++i) {
        const double d = std::isfinite(poisoned[i] - clean[i]) ? (double(poisoned[i]) - clean[i]) / scale : 0.0;
        bytes[i] = static_cast<char>(static_cast<signed char>(std::lround(std::clamp(d, -1.0, 1.0) * 127.0)));
    }
    return {toBase64(bytes), scale};
}

std::vector<float> decodeDelta(const std::string& text, double scale, const std::string& what) {
    const auto bytes = fromBase64(text, what);
    std::vector<float> out(bytes.size());
    std::transform(bytes.begin(), bytes.end(), out.begin(),
                   [scale](char b) { return static_cast<float>(static_cast<signed char>(b) * scale / 127.0); });
    return out;
}

// nlohmann writes a NaN as null; read null back as NaN (a metric that was not a number stays one).
double numberOrNan(const Json& value) {
    return value.is_number() ? value.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

// The last non-empty line of a file ("" when none), and whether the file ends without a newline (a torn write).
std::pair<std::string, bool> lastLine(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line, last, content;
    if (!in) return {"", false};
    content.assign(std::istreambuf_iterator<char>(in), {});
    const bool torn = !content.empty() && content.back() != '\n';
    std::size_t end = content.size();
    while (end > 0 && content[end - 1] == '\n')
        --end;
    const auto begin = content.rfind('\n', end == 0 ? 0 : end - 1);
    last = content.substr(begin == std::string::npos ? 0 : begin + 1, end - (begin == std::string::npos ? 0 : begin + 1));
    return {last, torn};
}

bool endedFinished(const std::string& line) {
    const auto j = Json::parse(line, nullptr, false);
    return j.is_object() && j.value("type", std::string()) == "end" && j.value("status", std::string()) == "finished";
}

OrderedJson stageJson(const RecordedStage& s) {
    return {{"name", s.name},   {"kind", nameOf(s.kind)}, {"data", nameOf(s.data)}, {"seed", s.seed},
            {"point", s.point}, {"index", s.index},       {"reused", s.reused},     {"weight", s.weight}};
}

RecordedStage stageFromJson(const Json& j, const std::string& what) {
    RecordedStage s;
    s.name = j.at("name").get<std::string>();
    s.kind = parseName<StageKind>(j.at("kind").get<std::string>());
    s.data = parseName<DataKind>(j.at("data").get<std::string>());
    s.seed = wholeNumber<std::int64_t>(j.at("seed"), what + " seed");
    s.point = wholeNumber<std::int64_t>(j.at("point"), what + " point");
    s.index = wholeNumber<std::int64_t>(j.at("index"), what + " index");
    s.reused = j.value("reused", false);
    s.weight = j.value("weight", 1.0);
    return s;
}

ProgressEvent progressFromJson(const Json& j, const std::string& what) {
    ProgressEvent e;
    e.stage = j.at("stage").get<std::string>();
    e.step = wholeNumber<std::int64_t>(j.at("step"), what + " step");
    e.total = wholeNumber<std::int64_t>(j.at("total"), what + " total");
    e.stageIndex = wholeNumber<std::int64_t>(j.value("si", Json(-1)), what + " si");
    e.stageKind = parseName<StageKind>(j.value("sk", std::string()));
    e.dataKind = parseName<DataKind>(j.value("dk", std::string()));
    e.message = j.value("msg", std::string());
    if (const auto m = j.find("m"); m != j.end())
        for (const auto& [key, value] : m->items())
            e.metrics[key] = numberOrNan(value);
    return e;
}

} // namespace

EventLog readEventLog(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    require(static_cast<bool>(in), "cannot read the event log ", path.string(),
            " (runs recorded before event logs existed have none: run the spec again to record one)");
    EventLog log;
    std::string line;
    std::size_t lineNumber = 0;
    double sessionOffset = 0.0; // where the current session starts on the joined time line
    double lastT = 0.0;
    std::set<std::int64_t> finishedBefore; // stages that finished in an earlier session: a resume only repeats them
    std::set<std::int64_t> finishedHere;
    std::int64_t currentStage = -1;
    bool sessionEnded = false;
    auto closeSession = [&] {
        // A stage counts as finished when the next one started or the session ended "finished"; the stage the
        // session stopped in is run again by the resume.
        finishedBefore.insert(finishedHere.begin(), finishedHere.end());
        finishedHere.clear();
        sessionOffset = lastT;
        currentStage = -1;
    };
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.empty()) continue;
        const std::string what = path.string() + " line " + std::to_string(lineNumber);
        const auto j = Json::parse(line, nullptr, false);
        if (!j.is_object() || !j.contains("type") || !j.contains("t")) {
            ++log.skippedLines;
            continue;
        }
        try {
            const auto type = j.at("type").get<std::string>();
            if (type == "session") {
                require(j.value("format", std::string()) == kFormat, what, ": not a pacd event log");
                const int version = j.value("version", 0);
                require(version >= 1 && version <= kEventLogVersion, what, ": event log version ", version,
                        " (this build reads 1 to ", kEventLogVersion, "; update pacd-studio)");
                if (log.sessions > 0) closeSession();
                if (log.sessions == 0) {
                    log.version = version;
                    log.name = j.value("name", std::string());
                    log.specHash = j.value("spec_hash", std::string());
                    log.startedAt = j.value("started_at", std::string());
                    for (const auto& stage : j.at("stages"))
                        log.stages.push_back(stageFromJson(stage, what));
                }
                ++log.sessions;
                sessionEnded = false;
                log.status = "interrupted";
                continue;
            }
            require(log.sessions > 0, what, ": an event before the first session line: not a pacd event log");
            RecordedEvent event;
            event.t = sessionOffset + j.at("t").get<double>();
            event.stageIndex = wholeNumber<std::int64_t>(j.value("si", Json(-1)), what + " si");
            if (type == "stage") {
                event.type = RecordedEvent::Type::Stage;
                if (currentStage >= 0) finishedHere.insert(currentStage);
                currentStage = event.stageIndex;
            } else if (type == "progress") {
                event.type = RecordedEvent::Type::Progress;
                event.progress = progressFromJson(j, what);
            } else if (type == "poisons") {
                event.type = RecordedEvent::Type::Poisons;
                auto& p = event.poisons;
                p.rows = wholeNumbers<std::int64_t>(j.at("rows"), what + " rows");
                p.channels = wholeNumber<int>(j.at("c"), what + " c");
                p.height = wholeNumber<int>(j.at("h"), what + " h");
                p.width = wholeNumber<int>(j.at("w"), what + " w");
                p.clean = decodeImages(j.at("clean").get<std::string>(), what + " clean");
                if (j.contains("delta")) { // version 2: δ on its own scale, added to the 8-bit clean image
                    const auto delta =
                        decodeDelta(j.at("delta").get<std::string>(), j.at("delta_scale").get<double>(), what + " delta");
                    require(delta.size() == p.clean.size(), what, ": ", delta.size(), " δ values for ", p.clean.size(),
                            " pixels");
                    p.poisoned.resize(delta.size());
                    for (std::size_t i = 0; i < delta.size(); ++i)
                        p.poisoned[i] = p.clean[i] + delta[i];
                } else { // version 1: the poisoned image as 8-bit pixels
                    p.poisoned = decodeImages(j.at("poisoned").get<std::string>(), what + " poisoned");
                }
                const auto expected = p.rows.size() * static_cast<std::size_t>(p.channels * p.height * p.width);
                require(p.clean.size() == expected && p.poisoned.size() == expected, what, ": ", p.clean.size(),
                        " pixel values for ", p.rows.size(), " images of ", p.channels, "x", p.height, "x", p.width);
            } else if (type == "victim") {
                event.type = RecordedEvent::Type::Victim;
                event.victim = victimFromJson(j.at("victim"), what);
            } else if (type == "end") {
                event.type = RecordedEvent::Type::End;
                event.status = j.at("status").get<std::string>();
                log.status = event.status;
                sessionEnded = true;
                if (event.status == "finished" && currentStage >= 0) finishedHere.insert(currentStage);
            } else {
                ++log.skippedLines; // a later version's event type: show what this build knows
                continue;
            }
            lastT = std::max(lastT, event.t);
            // A resumed session walks past the stages an earlier one finished (they are reused at once): keep the
            // first session's events of those stages only.
            if (event.type != RecordedEvent::Type::End && finishedBefore.count(event.stageIndex) != 0) continue;
            log.events.push_back(std::move(event));
        } catch (const Error&) {
            throw;
        } catch (const std::exception& e) {
            fail(what, ": ", e.what());
        }
    }
    (void)sessionEnded;
    require(log.sessions > 0, "the event log ", path.string(), " is empty or not a pacd event log");
    return log;
}

EventLogWriter::EventLogWriter(const fs::path& path, const std::string& name, const std::string& specHash,
                               const std::vector<RecordedStage>& stages) {
    const auto [last, torn] = lastLine(path);
    const bool replace = last.empty() || endedFinished(last);
    m_file = std::fopen(path.string().c_str(), replace ? "wb" : "ab");
    require(m_file != nullptr, "cannot write the event log ", path.string(), " (is the run folder writable?)");
    m_start = std::chrono::steady_clock::now();
    m_lastPoisons = m_start - kPoisonInterval;
    // A torn last line (a crash mid-write) must not swallow this session's first line.
    if (!replace && torn) std::fputc('\n', m_file);
    auto plan = OrderedJson::array();
    for (const auto& stage : stages)
        plan.push_back(stageJson(stage));
    writeLine(OrderedJson{
        {"format", kFormat},
        {"version", kEventLogVersion},
        {"type", "session"},
        {"t", 0.0},
        {"started_at", utcNow()},
        {"name", name},
        {"spec_hash", specHash},
        {"stages",
         plan}}.dump());
}

EventLogWriter::~EventLogWriter() {
    if (!m_ended) end("interrupted");
    if (m_file) std::fclose(m_file);
}

double EventLogWriter::now() const {
    // Milliseconds are all a replay needs, and they keep the lines short.
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - m_start);
    return static_cast<double>(ms.count()) / 1000.0;
}

void EventLogWriter::writeLine(const std::string& line) {
    if (!m_file) return;
    // One write and a flush per line: a crash keeps every line written before it, and at most tears the last one.
    const std::string out = line + '\n';
    if (std::fwrite(out.data(), 1, out.size(), m_file) != out.size() || std::fflush(m_file) != 0) {
        std::fclose(m_file);
        m_file = nullptr; // a full disk ends the log, not the run
    }
}

void EventLogWriter::stageStarted(std::int64_t index) {
    std::lock_guard lock(m_mutex);
    writeLine(OrderedJson{{"t", now()}, {"type", "stage"}, {"si", index}}.dump());
}

void EventLogWriter::progress(const ProgressEvent& e) {
    OrderedJson j{{"t", 0.0}, {"type", "progress"}, {"stage", e.stage}, {"step", e.step}, {"total", e.total}};
    if (e.stageIndex >= 0) j["si"] = e.stageIndex;
    if (e.stageKind != StageKind::None) j["sk"] = nameOf(e.stageKind);
    if (e.dataKind != DataKind::None) j["dk"] = nameOf(e.dataKind);
    if (!e.metrics.empty()) j["m"] = e.metrics;
    if (!e.message.empty()) j["msg"] = e.message;
    std::lock_guard lock(m_mutex);
    j["t"] = now();
    writeLine(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

bool EventLogWriter::poisonsDue() const {
    std::lock_guard lock(m_mutex);
    return std::chrono::steady_clock::now() - m_lastPoisons >= kPoisonInterval;
}

void EventLogWriter::poisons(std::int64_t stageIndex, const RecordedPoisons& p) {
    OrderedJson j{{"t", 0.0},        {"type", "poisons"}, {"si", stageIndex}, {"rows", p.rows},
                  {"c", p.channels}, {"h", p.height},     {"w", p.width},     {"clean", encodeImages(p.clean)}};
    // δ against the clean image as stored, so that reading back adds it to the same pixels.
    const auto stored = decodeImages(j["clean"].get<std::string>(), "clean");
    const auto [delta, scale] = encodeDelta(stored, p.poisoned);
    j["delta"] = delta;
    j["delta_scale"] = scale;
    std::lock_guard lock(m_mutex);
    m_lastPoisons = std::chrono::steady_clock::now();
    j["t"] = now();
    writeLine(j.dump());
}

void EventLogWriter::victim(std::int64_t stageIndex, const VictimResult& v) {
    OrderedJson j{{"t", 0.0}, {"type", "victim"}, {"si", stageIndex}, {"victim", victimToJson(v)}};
    std::lock_guard lock(m_mutex);
    j["t"] = now();
    writeLine(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void EventLogWriter::end(const std::string& status) {
    std::lock_guard lock(m_mutex);
    if (m_ended) return;
    m_ended = true;
    writeLine(OrderedJson{{"t", now()}, {"type", "end"}, {"status", status}}.dump());
}

} // namespace pacd
