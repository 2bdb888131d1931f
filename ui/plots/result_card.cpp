#include "plots/result_card.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>
#include <set>

namespace pacd::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pacd::ui::ResultCard", text);
}

QString kindName(const std::string& data) {
    if (data == "clean") return QCoreApplication::translate("pacd::ui::ResultCard", "clean");
    if (data == "watermark") return QCoreApplication::translate("pacd::ui::ResultCard", "watermarked");
    if (data == "poison") return QCoreApplication::translate("pacd::ui::ResultCard", "poisoned");
    return QString::fromStdString(data);
}

// "−25.7 %" (a true minus sign), "+1.2 %"; "" without a clean reference.
QString change(double value, double clean, const QLocale& locale) {
    if (clean <= 0) return {};
    const double percent = 100.0 * (value - clean) / clean;
    const QString number = locale.toString(std::abs(percent), 'f', 1);
    // One unbreakable piece (a narrow card breaks between the value and its change, never inside either).
    return QStringLiteral(" <span style='color:%1'>(%2%3&nbsp;%)</span>")
        .arg(percent < -0.05 ? QStringLiteral("#b22222") : QStringLiteral("#555555"),
             percent < -0.05 ? QStringLiteral("−") : QStringLiteral("+"), number);
}

} // namespace

ResultCard::ResultCard(QWidget* parent) : QFrame(parent), m_label(new QLabel(this)) {
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("resultCard"));
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_label);
    refresh();
}

void ResultCard::addVictim(const pacd::VictimResult& victim) {
    m_victims.push_back(victim);
    refresh();
}

void ResultCard::clear() {
    m_victims.clear();
    refresh();
}

QString ResultCard::text() const {
    return m_label->text();
}

QString ResultCard::cardText(const std::vector<pacd::VictimResult>& victims, const QLocale& locale) {
    if (victims.empty())
        return QStringLiteral("<b>%1</b><br>%2")
            .arg(tr("Result"), tr("ACR and ACA of the clean, watermarked and poisoned victims appear here as each victim "
                                  "is certified."));
    pacd::RunRecord record;
    record.victims = victims;
    const auto summaries = record.summaries();
    std::set<std::int64_t> seeds;
    for (const auto& v : victims)
        seeds.insert(v.seed);
    QStringList seedList;
    for (auto s : seeds)
        seedList << locale.toString(static_cast<qlonglong>(s));
    double cleanAcr = -1, cleanAca = -1;
    for (const auto& s : summaries)
        if (s.data == "clean") cleanAcr = s.acrMean, cleanAca = s.acaMean;

    QString rows;
    QStringList acrChain;
    for (const auto& s : summaries) {
        const bool isClean = s.data == "clean";
        const QString sd = s.victims > 1 ? QStringLiteral("&nbsp;±&nbsp;") + locale.toString(s.acrSd, 'f', 3) : QString();
        rows += QStringLiteral("<tr><td>%1</td><td align='right'>&nbsp;%2%3%4</td><td align='right'>&nbsp;%5&nbsp;%%6</td>"
                               "</tr>")
                    .arg(kindName(s.data), locale.toString(s.acrMean, 'f', 3), sd,
                         isClean ? QString() : change(s.acrMean, cleanAcr, locale), locale.toString(100.0 * s.acaMean, 'f', 1),
                         isClean ? QString() : change(s.acaMean, cleanAca, locale));
        acrChain << locale.toString(s.acrMean, 'f', 3);
    }
    return QStringLiteral("<b>%1</b> &nbsp;<span style='color:#555555'>%2</span><br>"
                          "<table cellspacing='0' cellpadding='1'><tr><th></th><th align='right'>%3</th>"
                          "<th align='right'>%4</th></tr>%5</table><span style='color:#555555'>%6</span>")
        .arg(tr("Result: ACR %1").arg(acrChain.join(QStringLiteral(" → "))),
             tr("seeds %1").arg(seedList.join(QStringLiteral(", "))), tr("ACR"), tr("ACA"), rows,
             tr("mean ± s.d. over seeds; change relative to the clean victims"));
}

void ResultCard::refresh() {
    m_label->setText(cardText(m_victims, locale()));
}

void ResultCard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) refresh();
    QFrame::changeEvent(event);
}

} // namespace pacd::ui
