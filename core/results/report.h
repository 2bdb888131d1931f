#pragma once
#include "results/run_record.h"

#include <string>
#include <vector>

namespace pacd {

/// What every table's "±" is: the spread over victims (seeds) with the n − 1 divisor. The authors' numbers used
/// NumPy's np.std (divisor n), which is smaller by √((n − 1)/n): 0.71× for 2 seeds, 0.89× for 5.
inline constexpr const char* kSpreadConvention =
    "mean ± sample s.d. (n − 1 divisor) over the victims' seeds; the paper's np.std divides by n";

/// Export formats of `pacd-cli results export`.
enum class ReportFormat { Csv, Json, Markdown, Latex };
/// "csv", "json", "markdown" (or "md"), "latex" (or "tex"); throws pacd::Error listing them otherwise.
ReportFormat parseReportFormat(const std::string& name);

/// One or more runs as a table laid out like the paper's Tables 2-4: a row per run and data kind (Clean,
/// Watermarked, Poisoned) with ACR and approximate certified accuracy as mean ± s.d. over the seeds (Markdown,
/// LaTeX); CSV has one line per victim (every metric), JSON the full records.
std::string renderReport(const std::vector<RunRecord>& runs, ReportFormat format);

} // namespace pacd
