#pragma once
#include "results/run_record.h"

#include <string>
#include <vector>

namespace pacd {

/// Export formats of `pacd-cli results export`.
enum class ReportFormat { Csv, Json, Markdown, Latex };
/// "csv", "json", "markdown" (or "md"), "latex" (or "tex"); throws pacd::Error listing them otherwise.
ReportFormat parseReportFormat(const std::string& name);

/// One or more runs as a table laid out like the paper's Tables 2-4: a row per run and data kind (Clean,
/// Watermarked, Poisoned) with ACR and approximate certified accuracy as mean ± s.d. over the seeds (Markdown,
/// LaTeX); CSV has one line per victim (every metric), JSON the full records.
std::string renderReport(const std::vector<RunRecord>& runs, ReportFormat format);

} // namespace pacd
