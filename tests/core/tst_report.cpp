#include "test_helpers.h"

#include "run_record_fixtures.h"

#include "results/report.h"

#include <nlohmann/json.hpp>

using namespace pacd;
using test::table2Record;
using test::victimOf;

namespace {

// Three seeds whose sample s.d. (n − 1) and population s.d. (n) print differently: ACR 0.48, 0.525, 0.57 has
// mean 0.525 and s.d. 0.045 (n − 1; 0.037 with n); ACA 90, 95, 100 % has 95.00 ± 5.00 (4.08 with n).
RunRecord threeSeedRecord() {
    RunRecord r;
    r.id = 7;
    r.name = "three seeds";
    r.specJson = R"({"dataset": "cifar10", "sigma": 0.5, "poison_defense": "ga", "retrain_defense": "macer"})";
    r.status = "finished";
    r.environmentJson = R"({"device": "CPU", "precision": "bf16"})"; // a bf16 run: tables say so
    const double cleanAcr[] = {0.48, 0.525, 0.57}, cleanAca[] = {0.90, 0.95, 1.00};
    const double poisonAcr[] = {0.30, 0.33, 0.36}, poisonAca[] = {0.70, 0.75, 0.80};
    // Shuffled on purpose: the table orders rows clean, watermark, poison whatever the victims' order.
    for (int seed = 0; seed < 3; ++seed)
        r.victims.push_back(victimOf("poison", seed, poisonAcr[seed], poisonAca[seed]));
    for (int seed = 0; seed < 3; ++seed)
        r.victims.push_back(victimOf("clean", seed, cleanAcr[seed], cleanAca[seed]));
    for (auto& v : r.victims)
        v.precision = "bf16";
    return r;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void summariesUseTheSampleSd();
    void markdownRowsLikeThePaper();
    void markdownSampleSdAndOrder();
    void markdownAddsTheTable5Column();
    void markdownEscapesPipes();
    void latexEscapesAndUsesBooktabs();
    void csvOneLinePerVictimWithExactValues();
    void csvQuotesLikeRfc4180();
    void jsonExportReadsBack();
    void formatNames();
};

void TestReport::summariesUseTheSampleSd() {
    const auto [mean, sd] = meanAndSd({0.48, 0.525, 0.57});
    QVERIFY(std::abs(mean - 0.525) < 1e-15);
    QVERIFY(std::abs(sd - 0.045) < 1e-15); // sqrt((0.045² + 0 + 0.045²) / 2)
    const auto summaries = threeSeedRecord().summaries();
    QCOMPARE(summaries.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(summaries[0].data), QStringLiteral("clean"));
    QCOMPARE(summaries[0].victims, std::int64_t(3));
    QVERIFY(std::abs(summaries[0].acaSd - 0.05) < 1e-15);
    QVERIFY(std::abs(threeSeedRecord().acrDrop() - (0.33 - 0.525) / 0.525) < 1e-12);
    QCOMPARE(summaries[1].pgdMean, -1.0); // not measured
}

void TestReport::markdownRowsLikeThePaper() {
    const auto text = renderReport({table2Record("demo")}, ReportFormat::Markdown);
    // Hand-computed: clean (0.525, 0.588) -> 0.5565 (0.556 in binary) ± 0.045; ACA (93, 99) -> 96.00 ± 4.24; poisoned (0.368,
    // 0.480)
    // -> 0.424 ± 0.079, ACA (80, 89) -> 84.50 ± 6.36; change (0.424 − 0.5565) / 0.5565 = −23.8 %.
    QVERIFY2(contains(text, "| Run | Dataset | Defense | σ | Precision | Data | ACR | ACA (%) | Base acc. (%) | ACR change |\n"),
             text.c_str());
    QVERIFY2(contains(text, "\n| demo | mnist | ga | 0.25 | fp32 | Clean | 0.556 ± 0.045 | 96.00 ± 4.24 | 96.00 ± 4.24 |  |\n"),
             text.c_str());
    QVERIFY2(contains(text, "\n|  |  |  |  |  | Watermarked | 0.552 ± 0.045 | 96.50 ± 3.54 | 96.50 ± 3.54 |  |\n"), text.c_str());
    QVERIFY2(contains(text, "\n|  |  |  |  |  | Poisoned | 0.424 ± 0.079 | 84.50 ± 6.36 | 84.50 ± 6.36 | -23.8 % |\n"),
             text.c_str());
    QVERIFY(!contains(text, "PGD"));                                                 // no Table-5 column without PGD numbers
    QCOMPARE(std::count(text.begin(), text.end(), '\n'), std::ptrdiff_t(2 + 3 + 2)); // header, rule, 3 rows, note
}

void TestReport::markdownSampleSdAndOrder() {
    const auto text = renderReport({threeSeedRecord(), table2Record("second")}, ReportFormat::Markdown);
    QVERIFY2(contains(text, "\n| three seeds | cifar10 | ga→macer | 0.5 | bf16 | Clean | 0.525 ± 0.045 | 95.00 ± 5.00 |"),
             text.c_str());
    QVERIFY2(contains(text, "\n|  |  |  |  |  | Poisoned | 0.330 ± 0.030 | 75.00 ± 5.00 | 75.00 ± 5.00 | -37.1 % |\n"),
             text.c_str());
    QVERIFY(!contains(text, "Watermarked | 0.525"));             // no watermark victims, no row
    QVERIFY(text.find("three seeds") < text.find("| second |")); // runs in the order asked for
}

void TestReport::markdownAddsTheTable5Column() {
    auto record = threeSeedRecord();
    const double cleanPgd[] = {3.2, 3.3, 3.4}, poisonPgd[] = {1.3, 1.4, 1.2};
    for (auto& v : record.victims)
        v.pgdDistortion = v.data == "clean" ? cleanPgd[v.seed] : poisonPgd[v.seed];
    const auto text = renderReport({record}, ReportFormat::Markdown);
    QVERIFY2(contains(text, "| Base acc. (%) | PGD ℓ2 | ACR change |"), text.c_str());
    QVERIFY2(contains(text, "| Clean | 0.525 ± 0.045 | 95.00 ± 5.00 | 95.00 ± 5.00 | 3.300 ± 0.100 |  |\n"), text.c_str());
    QVERIFY2(contains(text, "| Poisoned | 0.330 ± 0.030 | 75.00 ± 5.00 | 75.00 ± 5.00 | 1.300 ± 0.100 | -37.1 % |\n"),
             text.c_str());
    // One run with PGD numbers gives every run the column; runs without them show a dash.
    const auto both = renderReport({record, table2Record("no pgd")}, ReportFormat::Markdown);
    QVERIFY2(contains(both, "| Poisoned | 0.424 ± 0.079 | 84.50 ± 6.36 | 84.50 ± 6.36 | – | -23.8 % |\n"), both.c_str());
}

void TestReport::markdownEscapesPipes() {
    const auto text = renderReport({table2Record("a|b")}, ReportFormat::Markdown);
    QVERIFY2(contains(text, "\n| a\\|b | mnist |"), text.c_str());
    // Every row has as many unescaped cell borders as the header.
    const auto rowOf = [&](const std::string& marker) {
        const auto at = text.rfind('\n', text.find(marker)) + 1;
        return text.substr(at, text.find('\n', at) - at);
    };
    const auto borders = [](const std::string& row) {
        std::ptrdiff_t n = 0;
        for (std::size_t i = 0; i < row.size(); ++i)
            n += row[i] == '|' && (i == 0 || row[i - 1] != '\\');
        return n;
    };
    QCOMPARE(borders(rowOf("| Clean")), borders(rowOf("| Run")));
}

void TestReport::latexEscapesAndUsesBooktabs() {
    const auto text = renderReport({table2Record("x_1 & 50% $#{}~^\\"), table2Record("second")}, ReportFormat::Latex);
    QVERIFY2(contains(text, "\\begin{tabular}{llllllrrrr}\n\\toprule\n"), text.c_str());
    QVERIFY2(contains(text, "Run & Dataset & Defense & $\\sigma$ & Precision & Data & ACR & ACA (\\%) & Base acc. (\\%) & ACR "
                            "change \\\\\n\\midrule\n"),
             text.c_str());
    QVERIFY2(
        contains(text,
                 "\nx\\_1 \\& 50\\% \\$\\#\\{\\}\\textasciitilde{}\\textasciicircum{}\\textbackslash{} & mnist & ga & 0.25 & "
                 "fp32 & Clean & 0.556\\,$\\pm$\\,0.045 & 96.00\\,$\\pm$\\,4.24 & 96.00\\,$\\pm$\\,4.24 &  \\\\\n"),
        text.c_str());
    QVERIFY2(contains(text, "\n &  &  &  &  & Poisoned & 0.424\\,$\\pm$\\,0.079 & 84.50\\,$\\pm$\\,6.36 & 84.50\\,$\\pm$\\,6.36 "
                            "& -23.8 \\% \\\\\n"
                            "\\midrule\nsecond & mnist"),
             text.c_str());
    QVERIFY2(contains(text, "\\bottomrule\n\\end{tabular}\n"), text.c_str());
    QVERIFY(!contains(text, "±") && !contains(text, "σ")); // no raw UTF-8 symbols left for pdflatex to choke on
    QCOMPARE(std::count(text.begin(), text.end(), '\n'),
             std::ptrdiff_t(1 + 2 + 2 + 6 + 1 + 2 + 1)); // comment, begin+top, header+mid, rows, mid, end, spread note
}

void TestReport::csvOneLinePerVictimWithExactValues() {
    auto first = table2Record("demo");
    first.id = 4;
    const auto text = renderReport({first, threeSeedRecord()}, ReportFormat::Csv);
    QCOMPARE(std::count(text.begin(), text.end(), '\n'), std::ptrdiff_t(1 + 6 + 6));
    QVERIFY2(
        text.rfind(
            "run_id,name,preset,dataset,defense,sigma,precision,data,seed,point,acr,aca,mean_pa,fraction_at_cap,base_accuracy,"
            "pgd_distortion,train_seconds,certify_seconds,checkpoint,certificates\n",
            0) == 0,
        text.c_str());
    QVERIFY2(contains(text, "\n4,demo,table2-mnist,mnist,ga,0.25,fp32,clean,0,-1,0.525,0.93,0.9,0.0,0.93,-1.0,0.0,0.0,work/"
                            "train-clean0/model.pt,\n"),
             text.c_str());
    QVERIFY2(contains(text, "\n7,three seeds,,cifar10,ga→macer,0.5,bf16,clean,1,-1,0.525,0.95,0.9,"), text.c_str());
}

void TestReport::csvQuotesLikeRfc4180() {
    auto record = table2Record("name, with \"quotes\"");
    record.id = 4;
    record.victims.resize(1);
    record.victims[0].certificates = "certs/line\nbreak.tsv";
    const auto text = renderReport({record}, ReportFormat::Csv);
    QVERIFY2(contains(text, "\n4,\"name, with \"\"quotes\"\"\",table2-mnist,mnist,ga,0.25,fp32,clean,0,-1,0.525,"), text.c_str());
    QVERIFY2(contains(text, ",work/train-clean0/model.pt,\"certs/line\nbreak.tsv\"\n"), text.c_str());
}

void TestReport::jsonExportReadsBack() {
    auto first = table2Record("one");
    first.id = 3;
    const auto second = threeSeedRecord();
    const auto all = nlohmann::ordered_json::parse(renderReport({first, second}, ReportFormat::Json));
    QVERIFY(all.is_array()); // ordered: the records keep their field order (a spec is stored as written)
    QCOMPARE(all.size(), std::size_t(2));
    QCOMPARE(RunRecord::fromJson(all[0].dump(), "export").toJson(), first.toJson());
    QCOMPARE(RunRecord::fromJson(all[1].dump(), "export").toJson(), second.toJson());
    QCOMPARE(all[1]["victims"][3]["acr"].get<double>(), 0.48);
}

void TestReport::formatNames() {
    QVERIFY(parseReportFormat("md") == ReportFormat::Markdown);
    QVERIFY(parseReportFormat("tex") == ReportFormat::Latex);
    QVERIFY(parseReportFormat("csv") == ReportFormat::Csv);
    QVERIFY(parseReportFormat("json") == ReportFormat::Json);
    PACD_EXPECT_ERROR(parseReportFormat("xlsx"), "'xlsx' is not one of csv, json, markdown, latex");
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
