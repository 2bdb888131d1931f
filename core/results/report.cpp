#include "results/report.h"

#include "support/error.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <sstream>

namespace pacd {
namespace {

using nlohmann::json;

std::string fixed(double value, int digits) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << value;
    return out.str();
}

std::string label(const std::string& data) {
    return data == "clean"       ? "Clean"
           : data == "watermark" ? "Watermarked"
           : data == "random"    ? "Random ±ε"
           : data == "poison"    ? "Poisoned"
                                 : data;
}

// The defender's detection table (runs that detected): one row per run, data kind, seed and detector.
std::vector<std::string> detectionHeader() {
    return {"Run", "Data", "Seed", "Detector", "Poisons / scored", "ROC AUC", "TPR @ 5 % FPR", "Poisons in budget", "Silhouette"};
}
constexpr std::size_t kDetectionTextColumns = 4;

std::vector<std::vector<std::string>> detectionRows(const std::vector<RunRecord>& runs) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& run : runs) {
        bool first = true;
        for (const auto& d : run.detections) {
            rows.push_back({first ? run.name : "", label(d.data), std::to_string(d.seed), d.detector,
                            std::to_string(d.poisons) + " / " + std::to_string(d.targetPoints),
                            d.auc >= 0 ? fixed(d.auc, 3) : "–", d.tprAt5 >= 0 ? fixed(100 * d.tprAt5, 1) + " %" : "–",
                            std::to_string(d.removedPoisons) + " / " + std::to_string(d.budget),
                            d.silhouette >= 0 || d.detector == "activation-clustering" ? fixed(d.silhouette, 3) : "–"});
            first = false;
        }
    }
    return rows;
}

const char* kDetectionNote =
    "Detectors score the target class's training points on the penultimate features of the victim trained on them; "
    "AUC and TPR separate the poisoned from the clean points of the class; the budget is what a filter removes "
    "(1.5 × the poison count).";

// What the table shows of a run's spec.
struct RunHeading {
    std::string dataset, sigma, defense;
};

RunHeading headingOf(const RunRecord& run) {
    RunHeading heading{"?", "?", "?"};
    const auto spec = json::parse(run.specJson.empty() ? "{}" : run.specJson, nullptr, false);
    if (!spec.is_object()) return heading;
    heading.dataset = spec.value("dataset", std::string("?"));
    const auto sigma = spec.contains("certify_sigma") && spec["certify_sigma"].is_number() ? spec["certify_sigma"].get<double>()
                                                                                           : spec.value("sigma", 0.0);
    std::ostringstream text;
    text << sigma;
    heading.sigma = text.str();
    const auto poison = spec.value("poison_defense", std::string("?"));
    const auto retrain = spec.value("retrain_defense", std::string("?"));
    heading.defense = poison == retrain ? retrain : poison + "→" + retrain;
    return heading;
}

bool anyPgd(const std::vector<RunRecord>& runs) {
    for (const auto& run : runs)
        for (const auto& v : run.victims)
            if (v.pgdDistortion >= 0) return true;
    return false;
}

// One table row: the cells of a data kind's summary, in the order of the header.
std::vector<std::string> cells(const RunRecord& run, const DataSummary& s, bool first, bool pgd, const std::string& plusMinus) {
    const auto heading = headingOf(run);
    std::vector<std::string> row{first ? run.name : "",
                                 first ? heading.dataset : "",
                                 first ? heading.defense : "",
                                 first ? heading.sigma : "",
                                 first ? run.precision() : "",
                                 label(s.data),
                                 fixed(s.acrMean, 3) + plusMinus + fixed(s.acrSd, 3),
                                 fixed(100 * s.acaMean, 2) + plusMinus + fixed(100 * s.acaSd, 2),
                                 fixed(100 * s.baseAccuracyMean, 2) + plusMinus + fixed(100 * s.baseAccuracySd, 2)};
    if (pgd) row.push_back(s.pgdMean >= 0 ? fixed(s.pgdMean, 3) + plusMinus + fixed(s.pgdSd, 3) : "–");
    std::string change;
    if (s.data == "poison" && run.acrDrop() != 0) change = fixed(100 * run.acrDrop(), 1) + " %";
    row.push_back(change);
    return row;
}

// Run, data set, defense, σ, precision and data kind are text (left-aligned); the rest are numbers.
constexpr std::size_t kTextColumns = 6;

std::vector<std::string> header(bool pgd) {
    std::vector<std::string> h{"Run", "Dataset", "Defense", "σ", "Precision", "Data", "ACR", "ACA (%)", "Base acc. (%)"};
    if (pgd) h.push_back("PGD ℓ2");
    h.push_back("ACR change");
    return h;
}

// A cell's text as Markdown table content: '|' would end the cell and a line break the row.
std::string markdownEscape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '|' || c == '\\') out += '\\';
        out += c == '\n' || c == '\r' ? ' ' : c;
    }
    return out;
}

std::string markdown(const std::vector<RunRecord>& runs) {
    const bool pgd = anyPgd(runs);
    std::ostringstream out;
    const auto line = [&](const std::vector<std::string>& row) {
        out << "|";
        for (const auto& cell : row)
            out << " " << markdownEscape(cell) << " |";
        out << "\n";
    };
    const auto h = header(pgd);
    line(h);
    out << "|";
    for (std::size_t i = 0; i < h.size(); ++i)
        out << (i < kTextColumns ? " --- |" : " ---: |");
    out << "\n";
    for (const auto& run : runs) {
        bool first = true;
        for (const auto& s : run.summaries()) {
            line(cells(run, s, first, pgd, " ± "));
            first = false;
        }
    }
    out << "\nACR: average certified radius of the target class's test points (0 when misclassified or abstained); ACA: "
           "approximate certified accuracy (correct with radius > 0); Base acc.: the base classifier's accuracy on the same "
           "points; "
        << kSpreadConvention << ".\n";
    const auto detections = detectionRows(runs);
    if (!detections.empty()) {
        out << "\n";
        const auto dh = detectionHeader();
        line(dh);
        out << "|";
        for (std::size_t i = 0; i < dh.size(); ++i)
            out << (i < kDetectionTextColumns ? " --- |" : " ---: |");
        out << "\n";
        for (const auto& row : detections)
            line(row);
        out << "\n" << kDetectionNote << "\n";
    }
    return out.str();
}

std::string latexEscape(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
            out += std::string("\\") + c;
            break;
        case '~':
            out += "\\textasciitilde{}";
            break;
        case '^':
            out += "\\textasciicircum{}";
            break;
        case '\\':
            out += "\\textbackslash{}";
            break;
        default:
            out += c;
        }
    }
    // UTF-8 symbols the tables use, as math.
    const std::pair<const char*, const char*> symbols[] = {{"σ", "$\\sigma$"},  {"ε", "$\\epsilon$"}, {"→", "$\\to$"},
                                                           {"ℓ2", "$\\ell_2$"}, {"–", "--"},          {"±", "$\\pm$"},
                                                           {"×", "$\\times$"},  {"α", "$\\alpha$"}};
    for (const auto& [from, to] : symbols)
        for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + std::string(to).size()))
            out.replace(at, std::string(from).size(), to);
    return out;
}

std::string latex(const std::vector<RunRecord>& runs) {
    const bool pgd = anyPgd(runs);
    const auto h = header(pgd);
    std::ostringstream out;
    out << "% Needs \\usepackage{booktabs}. Generated by pacd-studio (pacd-cli results export --format latex).\n";
    out << "\\begin{tabular}{" << std::string(kTextColumns, 'l') << std::string(h.size() - kTextColumns, 'r') << "}\n\\toprule\n";
    for (std::size_t i = 0; i < h.size(); ++i)
        out << (i ? " & " : "") << latexEscape(h[i]);
    out << " \\\\\n\\midrule\n";
    for (std::size_t r = 0; r < runs.size(); ++r) {
        bool first = true;
        for (const auto& s : runs[r].summaries()) {
            const auto row = cells(runs[r], s, first, pgd, "\\,$\\pm$\\,");
            for (std::size_t i = 0; i < row.size(); ++i) {
                auto cell = i >= kTextColumns ? row[i] : latexEscape(row[i]);
                if (i >= kTextColumns) {
                    for (auto at = cell.find('%'); at != std::string::npos; at = cell.find('%', at + 2))
                        cell.replace(at, 1, "\\%");
                    for (auto at = cell.find("–"); at != std::string::npos; at = cell.find("–"))
                        cell.replace(at, std::string("–").size(), "--");
                    for (auto at = cell.find("−"); at != std::string::npos; at = cell.find("−"))
                        cell.replace(at, std::string("−").size(), "$-$");
                }
                out << (i ? " & " : "") << cell;
            }
            out << " \\\\\n";
            first = false;
        }
        if (r + 1 < runs.size()) out << "\\midrule\n";
    }
    out << "\\bottomrule\n\\end{tabular}\n";
    // ASCII: the comment must compile without inputenc's UTF-8 symbols, like the table itself.
    out << "% Mean +- sample s.d. (n - 1 divisor) over the victims' seeds; the paper's np.std divides by n.\n";
    const auto detections = detectionRows(runs);
    if (!detections.empty()) {
        const auto dh = detectionHeader();
        out << "\n\\begin{tabular}{" << std::string(kDetectionTextColumns, 'l')
            << std::string(dh.size() - kDetectionTextColumns, 'r') << "}\n\\toprule\n";
        for (std::size_t i = 0; i < dh.size(); ++i)
            out << (i ? " & " : "") << latexEscape(dh[i]);
        out << " \\\\\n\\midrule\n";
        for (const auto& row : detections) {
            for (std::size_t i = 0; i < row.size(); ++i)
                out << (i ? " & " : "") << latexEscape(row[i]);
            out << " \\\\\n";
        }
        out << "\\bottomrule\n\\end{tabular}\n% Detectors: scores of the target class's training points; budget = 1.5 x the "
               "poison count.\n";
    }
    return out.str();
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The shortest text that reads back as the same double (0.525, not 0.52500000000000002 or 0.525000000).
std::string number(double value) {
    return json(value).dump();
}

std::string csv(const std::vector<RunRecord>& runs) {
    std::ostringstream out;
    out << "run_id,name,preset,dataset,defense,sigma,precision,data,seed,point,acr,aca,mean_pa,fraction_at_cap,base_accuracy,"
           "pgd_distortion,train_seconds,certify_seconds,checkpoint,certificates\n";
    for (const auto& run : runs) {
        const auto heading = headingOf(run);
        for (const auto& v : run.victims)
            out << run.id << "," << csvField(run.name) << "," << csvField(run.preset) << "," << csvField(heading.dataset) << ","
                << csvField(heading.defense) << "," << heading.sigma << "," << csvField(v.precision) << "," << csvField(v.data)
                << "," << v.seed << "," << v.point << "," << number(v.acr) << "," << number(v.aca) << "," << number(v.meanPA)
                << "," << number(v.fractionAtCap) << "," << number(v.baseAccuracy) << "," << number(v.pgdDistortion) << ","
                << number(v.trainSeconds) << "," << number(v.certifySeconds) << "," << csvField(v.checkpoint) << ","
                << csvField(v.certificates) << "\n";
    }
    return out.str();
}

} // namespace

ReportFormat parseReportFormat(const std::string& name) {
    if (name == "csv") return ReportFormat::Csv;
    if (name == "json") return ReportFormat::Json;
    if (name == "markdown" || name == "md") return ReportFormat::Markdown;
    if (name == "latex" || name == "tex") return ReportFormat::Latex;
    fail("report format '", name, "' is not one of csv, json, markdown, latex");
}

std::string renderReport(const std::vector<RunRecord>& runs, ReportFormat format) {
    switch (format) {
    case ReportFormat::Csv:
        return csv(runs);
    case ReportFormat::Markdown:
        return markdown(runs);
    case ReportFormat::Latex:
        return latex(runs);
    case ReportFormat::Json: {
        auto all = nlohmann::ordered_json::array();
        for (const auto& run : runs)
            all.push_back(nlohmann::ordered_json::parse(run.toJson()));
        return all.dump(2) + "\n";
    }
    }
    fail("unknown report format");
}

} // namespace pacd
