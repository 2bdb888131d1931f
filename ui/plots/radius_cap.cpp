#include "plots/radius_cap.h"

#include "smoothing/metrics.h"

#include <QCoreApplication>
#include <QLocale>

#include <exception>
#include <numeric>

namespace pacd::ui {
namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("pacd::ui::RadiusCapMarker", text);
}
QString kindName(const QString& data) {
    if (data == QLatin1String("clean")) return QCoreApplication::translate("pacd::ui::RadiusCapMarker", "clean");
    if (data == QLatin1String("watermark")) return QCoreApplication::translate("pacd::ui::RadiusCapMarker", "watermarked");
    if (data == QLatin1String("poison")) return QCoreApplication::translate("pacd::ui::RadiusCapMarker", "poisoned");
    return data;
}
} // namespace

double radiusCap(double sigma, qint64 n, double alpha) {
    try {
        return pacd::largestCertifiableRadius(sigma, n, alpha);
    } catch (const std::exception&) {
        return 0.0;
    }
}

RadiusCapMarker::RadiusCapMarker(QCustomPlot* plot) : m_plot(plot) {
    m_line = new QCPItemStraightLine(plot);
    m_line->setPen(QPen(QColor(90, 90, 90), 1.5, Qt::DashLine));
    m_line->setSelectable(false);
    m_label = new QCPItemText(plot);
    m_label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_label->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_label->setColor(QColor(60, 60, 60));
    m_label->setPadding(QMargins(2, 0, 4, 2));
    m_label->setSelectable(false);
    m_warning = new QCPItemText(plot);
    m_warning->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_warning->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_warning->position->setCoords(0.5, 0.0);
    m_warning->setColor(QColor(160, 60, 0));
    m_warning->setBrush(QColor(255, 244, 220, 230));
    m_warning->setPen(QPen(QColor(200, 120, 40)));
    m_warning->setPadding(QMargins(4, 1, 4, 1));
    m_warning->setSelectable(false);
    update();
}

void RadiusCapMarker::setCap(double cap, qint64 n) {
    m_cap = cap;
    m_n = n;
    update();
}

void RadiusCapMarker::setWarningPlace(double x, double y, Qt::Alignment alignment) {
    m_warning->position->setCoords(x, y);
    m_warning->setPositionAlignment(alignment);
}

void RadiusCapMarker::setWarningShown(bool shown) {
    m_warningShown = shown;
    update();
}

bool RadiusCapMarker::warningShown() const {
    return m_warning && m_warning->visible();
}

void RadiusCapMarker::addVictim(const pacd::VictimResult& victim) {
    m_shares[QString::fromStdString(victim.data)] << victim.fractionAtCap;
    update();
}

void RadiusCapMarker::clear() {
    m_shares.clear();
    update();
}

QString RadiusCapMarker::warning() const {
    QStringList parts;
    for (auto it = m_shares.constBegin(); it != m_shares.constEnd(); ++it) {
        if (it.value().isEmpty()) continue;
        const double share = std::accumulate(it.value().begin(), it.value().end(), 0.0) / it.value().size();
        if (share > kCapWarningShare) parts << tr("%1 %2 %").arg(kindName(it.key()), QLocale().toString(100.0 * share, 'f', 0));
    }
    if (parts.isEmpty()) return {};
    // Two short lines: the plots are a quarter of the window (the caption says what the cap is).
    return tr("⚠ most points at the cap (n = %1):\n%2").arg(QLocale().toString(m_n), parts.join(QStringLiteral(", ")));
}

void RadiusCapMarker::retranslate() {
    update();
}

void RadiusCapMarker::update() {
    const bool shown = m_cap > 0;
    m_line->setVisible(shown);
    m_label->setVisible(shown);
    if (shown) {
        m_line->point1->setCoords(m_cap, 0);
        m_line->point2->setCoords(m_cap, 1);
        m_label->position->setCoords(m_cap, 0.93);
        m_label->setText(tr("cap %1").arg(QLocale().toString(m_cap, 'f', 3)));
    }
    const QString text = shown ? warning() : QString();
    m_warning->setText(text);
    m_warning->setVisible(m_warningShown && !text.isEmpty());
}

} // namespace pacd::ui
