#include "defender/top_scored_view.h"

#include "defender/defender_names.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace pacd::ui {
namespace {

constexpr int kMinimumCell = 28; // an MNIST image at one screen pixel per pixel: smaller hides the poisons' texture
constexpr int kMaximumCell = 96; // larger shows no more and leaves a wide tab's row mostly empty
const QColor kPoisonFrame(214, 39, 40);

QString scoreText(double score) {
    return QLocale().toString(score, 'g', 3);
}

} // namespace

TopScoredView::TopScoredView(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored); // the tab's rows share the height by stretch
}

void TopScoredView::setRows(const QVector<Row>& rows) {
    m_rows = rows;
    updateGeometry();
    update();
}

void TopScoredView::clear() {
    setRows({});
}

QSize TopScoredView::sizeHint() const {
    return {560, 240};
}

QSize TopScoredView::minimumSizeHint() const {
    const QFontMetrics metrics(font());
    const int rows = std::max<int>(1, m_rows.size());
    return {200, rows * (kMinimumCell + metrics.height() + 8)};
}

TopScoredView::Geometry TopScoredView::geometry() const {
    Geometry g;
    const QFontMetrics metrics(font());
    g.text = metrics.height();
    for (const auto& row : m_rows)
        g.label = std::max(g.label, metrics.horizontalAdvance(DefenderNames::detector(row.detector)) + 12);
    int wanted = 0;
    for (const auto& row : m_rows)
        wanted = std::max<int>(wanted, row.images.size());
    if (m_rows.isEmpty() || wanted == 0) return g;
    g.rowHeight = height() / m_rows.size();
    const int byHeight = g.rowHeight - g.text - 2 * g.gap;
    const int room = width() - g.label;
    // As many columns as fit at the smallest useful size, then the images as large as both directions allow.
    g.columns = std::clamp(room / (kMinimumCell + g.gap), 1, wanted);
    g.cell = std::max(8, std::min({byHeight, room / g.columns - g.gap, kMaximumCell}));
    // The scores under the images must not run into each other.
    int scoreWidth = 0;
    for (const auto& row : m_rows)
        for (const auto& point : row.points)
            scoreWidth = std::max(scoreWidth, metrics.horizontalAdvance(scoreText(point.score)) + 4);
    while (g.columns > 1 && std::max(g.cell, scoreWidth) + g.gap > room / g.columns)
        --g.columns;
    return g;
}

int TopScoredView::columnsShown() const {
    return geometry().columns;
}

QRect TopScoredView::cellRect(int row, int column) const {
    const auto g = geometry();
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= std::min<int>(g.columns, m_rows[row].images.size())) return {};
    const int slot = (width() - g.label) / g.columns;
    return QRect(g.label + column * slot + (slot - g.cell) / 2, row * g.rowHeight + g.gap, g.cell, g.cell);
}

void TopScoredView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const auto g = geometry();
    if (g.columns == 0) return;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // pixels stay square and sharp
    const int slot = (width() - g.label) / g.columns;
    for (int r = 0; r < m_rows.size(); ++r) {
        const auto& row = m_rows[r];
        const int top = r * g.rowHeight + g.gap;
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(0, top, g.label - 8, g.cell), Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap,
                         DefenderNames::detector(row.detector));
        for (int c = 0; c < std::min<int>(g.columns, row.images.size()); ++c) {
            const QRect cell = cellRect(r, c);
            painter.drawImage(cell, row.images[c]);
            const bool poison = c < row.points.size() && row.points[c].poisoned;
            painter.setPen(poison ? QPen(kPoisonFrame, 3) : QPen(QColor(160, 160, 160), 1));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(poison ? cell.adjusted(-1, -1, 1, 1) : cell.adjusted(0, 0, -1, -1));
            if (c < row.points.size()) {
                painter.setPen(poison ? kPoisonFrame : palette().color(QPalette::WindowText));
                painter.drawText(QRect(g.label + c * slot, top + g.cell + 2, slot, g.text), Qt::AlignHCenter | Qt::AlignTop,
                                 scoreText(row.points[c].score));
            }
        }
    }
}

} // namespace pacd::ui
