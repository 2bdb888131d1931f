#include "plots/live_plot.h"

#include "plots/plot_geometry.h"
#include "plots/plot_style.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontMetrics>

#include <cmath>

namespace pacd::ui {
namespace {

constexpr int kDefaultTickCount = 5;  // QCPAxisTicker's own default
constexpr int kMaximumMendPasses = 6; // replots in a row that only mend the layout

// Inset corners tried for a legend, the plot's own choice first.
const Qt::Alignment kCorners[] = {Qt::AlignTop | Qt::AlignRight,    Qt::AlignTop | Qt::AlignLeft,
                                  Qt::AlignBottom | Qt::AlignRight, Qt::AlignBottom | Qt::AlignLeft,
                                  Qt::AlignTop | Qt::AlignHCenter,  Qt::AlignBottom | Qt::AlignHCenter};

// Where QCPLayoutInset puts an element of `size` at `alignment` in `area` (ipBorderAligned).
QRect insetRect(const QRect& area, const QSize& size, Qt::Alignment alignment) {
    int x = area.left(), y = area.top();
    if (alignment & Qt::AlignRight) x = area.right() + 1 - size.width();
    if (alignment & Qt::AlignHCenter) x = area.left() + (area.width() - size.width()) / 2;
    if (alignment & Qt::AlignBottom) y = area.bottom() + 1 - size.height();
    if (alignment & Qt::AlignVCenter) y = area.top() + (area.height() - size.height()) / 2;
    return QRect(QPoint(x, y), size);
}

} // namespace

LivePlot::LivePlot(QWidget* parent) : QCustomPlot(parent) {
    m_timer.setInterval(100);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_dirty) return;
        m_dirty = false;
        ++m_replots;
        // An empty legend is a stray box: show it only when something is in it.
        if (m_wantsLegend) legend->setVisible(legend->itemCount() > 0);
        if (pointCount() > 0) fitAxes();
        applyStyle();
        replot(QCustomPlot::rpQueuedReplot);
    });
    connect(this, &QCustomPlot::afterReplot, this, [this] {
        if (m_mendPasses >= kMaximumMendPasses || !mendLayout()) return;
        ++m_mendPasses;
        m_dirty = true;
        if (!m_timer.isActive()) m_timer.start();
    });
    setMinimumSize(260, 180);
    xAxis->setRange(0, 1);
    yAxis->setRange(0, 1);
    setNoAntialiasingOnDrag(true);
}

void LivePlot::scheduleReplot() {
    m_dirty = true;
    m_mendPasses = 0;
    if (!m_timer.isActive()) m_timer.start();
}

void LivePlot::fitAxes() {
    rescaleAxes();
}

void LivePlot::setLegendWanted(bool wanted) {
    m_wantsLegend = wanted;
    legend->setVisible(wanted && legend->itemCount() > 0);
}

void LivePlot::setReplotInterval(int milliseconds) {
    m_timer.setInterval(std::max(1, milliseconds));
}

int LivePlot::pointCount() const {
    int count = 0;
    auto* self = const_cast<LivePlot*>(this); // QCustomPlot's accessors are not const
    for (int i = 0; i < self->plottableCount(); ++i)
        if (auto* graph = qobject_cast<QCPGraph*>(self->plottable(i)))
            count += graph->dataCount();
        else if (auto* bars = qobject_cast<QCPBars*>(self->plottable(i)))
            count += bars->dataCount();
    return count;
}

void LivePlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        scheduleReplot();
    }
    if (event->type() == QEvent::FontChange) {
        // A new size of type: the tick spacing and the legend's corner are chosen again for it.
        resetMends();
        applyStyle();
        scheduleReplot();
    }
    QCustomPlot::changeEvent(event);
}

void LivePlot::resizeEvent(QResizeEvent* event) {
    // More room may take the default tick count again; the mend after the replot thins them if not.
    resetMends();
    QCustomPlot::resizeEvent(event);
    scheduleReplot();
}

void LivePlot::restoreCategories(QCPAxis* axis) {
    const auto it = m_categories.constFind(axis);
    if (it == m_categories.cend()) return;
    // Only the ticker that was broken: a plot that set new names since keeps them.
    if (axis->ticker() == it->first)
        if (const auto names = qSharedPointerDynamicCast<QCPAxisTickerText>(axis->ticker())) names->setTicks(it->second);
}

void LivePlot::resetMends() {
    for (auto* axis : axisRect()->axes()) {
        axis->ticker()->setTickCount(kDefaultTickCount);
        axis->setTickLabelRotation(0);
        restoreCategories(axis);
    }
    m_categories.clear();
    if (m_title) m_title->setText(m_titleText);
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it)
        if (it.key()->label() == it.value().second) it.key()->setLabel(it.value().first); // not since retranslated
    m_labels.clear();
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it)
        if (it.key()->text() == it.value().second) it.key()->setText(it.value().first); // not since retranslated
    m_texts.clear();
    if (legend->layout() == plotLayout()) {
        legend->setWrap(std::max(1, legend->itemCount()));
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    }
}

namespace {
// `text` in two lines, broken at the space nearest its middle ("" when it has no space or two lines already).
QString twoLines(const QString& text) {
    if (text.contains(QLatin1Char('\n'))) return {};
    int best = -1;
    for (int i = 0; i < text.size(); ++i)
        if (text[i] == QLatin1Char(' ') && (best < 0 || std::abs(i - text.size() / 2) < std::abs(best - text.size() / 2)))
            best = i;
    return best < 0 ? QString() : text.left(best) + QLatin1Char('\n') + text.mid(best + 1);
}

// `text` with its words wrapped into lines no wider than `width` (its own line breaks kept).
QString wrapped(const QString& text, const QFontMetrics& metrics, int width) {
    QStringList lines;
    for (const auto& paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        for (const auto& word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (!line.isEmpty() && metrics.horizontalAdvance(longer) > width) {
                lines << line;
                line = word;
            } else {
                line = longer;
            }
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

bool LivePlot::fitTitle() {
    bool changed = false;
    if (m_title && QFontMetrics(m_title->font()).horizontalAdvance(m_title->text()) > width() - 8) {
        const QString broken = twoLines(m_title->text());
        if (!broken.isEmpty()) {
            m_title->setText(broken);
            changed = true;
        }
    }
    // Captions (the other text elements of the layout) wrap at word boundaries to the plot's width: in presentation
    // mode a two-line caption is wider than a plot of a three-column grid.
    for (int i = 0; i < plotLayout()->elementCount(); ++i) {
        auto* text = qobject_cast<QCPTextElement*>(plotLayout()->elementAt(i));
        if (!text || text == m_title || text->text().isEmpty()) continue; // empty: nothing to fit, or given way
        const QFontMetrics metrics(text->font());
        const int room = width() - 8 - text->margins().left() - text->margins().right();
        bool tooWide = false;
        for (const auto& line : text->text().split(QLatin1Char('\n')))
            tooWide = tooWide || metrics.horizontalAdvance(line) > room;
        if (!tooWide) continue;
        // More than two lines would squeeze a small plot's axes (a three-column grid at 1280×720): the caption
        // gives way to the data there.
        QString fitted = wrapped(text->text(), metrics, room);
        if (fitted.count(QLatin1Char('\n')) > 1) fitted.clear();
        if (fitted == text->text()) continue;
        // The plot's own text is the one shown now unless that is our last wrapping of it (a retranslated caption
        // replaces it: restoring the old language's text at the next mend left German plots with English captions).
        if (!m_texts.contains(text) || text->text() != m_texts[text].second)
            m_texts.insert(text, {text->text(), fitted});
        else
            m_texts[text].second = fitted;
        text->setText(fitted);
        changed = true;
    }
    // An axis label longer than its axis (a long y label beside a short axis) likewise.
    for (auto* axis : axisRect()->axes()) {
        if (!axis->visible() || axis->label().isEmpty()) continue;
        const int side = axis->orientation() == Qt::Horizontal ? axisRect()->width() : axisRect()->height();
        if (QFontMetrics(axis->labelFont()).horizontalAdvance(axis->label()) <= side) continue;
        const QString broken = twoLines(axis->label());
        if (broken.isEmpty()) continue;
        m_labels.insert(axis, {axis->label(), broken});
        axis->setLabel(broken);
        changed = true;
    }
    return changed;
}

bool LivePlot::fitLegendColumns() {
    if (!legend->visible() || legend->itemCount() == 0 || legend->layout() != plotLayout()) return false;
    bool clipped = false;
    for (int i = 0; i < legend->itemCount(); ++i) // a wrapped legend's grid has empty cells: null items
        if (auto* item = legend->item(i); item && item->outerRect().width() + 1 < item->minimumOuterSizeHint().width())
            clipped = true;
    if (!clipped || legend->wrap() <= 1) return false;
    legend->setWrap(legend->wrap() - 1);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true); // after setWrap: rearranges the items already there
    return true;
}

void LivePlot::setPresentation(bool on) {
    m_presentation = on;
    applyStyle();
    scheduleReplot();
}

void LivePlot::applyStyle() {
    applyPlotFonts(*this, font());
    scalePlotPens(*this, m_presentation ? kPresentationPenScale : 1.0);
}

bool LivePlot::mendLayout() {
    bool changed = false;
    for (auto* axis : axisRect()->axes()) {
        if (!axis->visible() || !tickLabelsCollide(axis)) continue;
        if (const auto names = qSharedPointerDynamicCast<QCPAxisTickerText>(axis->ticker())) {
            // Category names (bars): two lines where they have a space ("mit Wasserzeichen" stays level and short),
            // then slanted in one line, then upright, never fewer. Slanted text takes the axes' height: the German
            // names at -30° had squashed the ACR bars to a third of the plot.
            const double rotation = axis->tickLabelRotation();
            if (m_categories.contains(axis) && m_categories.value(axis).first != axis->ticker())
                m_categories.remove(axis); // new names since: they may be broken again
            if (rotation == 0 && !m_categories.contains(axis)) {
                auto broken = names->ticks();
                bool any = false;
                for (auto it = broken.begin(); it != broken.end(); ++it)
                    if (const QString two = twoLines(it.value()); !two.isEmpty()) {
                        it.value() = two;
                        any = true;
                    }
                if (any) {
                    m_categories.insert(axis, {axis->ticker(), names->ticks()});
                    names->setTicks(broken);
                    changed = true;
                    continue;
                }
            }
            if (rotation > -89) {
                restoreCategories(axis);
                axis->setTickLabelRotation(rotation > -30 ? -30 : -90);
                changed = true;
            }
        } else if (axis->ticker()->tickCount() > 2) {
            axis->ticker()->setTickCount(axis->ticker()->tickCount() - 1);
            changed = true;
        }
    }
    if (fitTitle()) changed = true;
    if (fitLegendColumns()) changed = true;
    return placeLegend() || changed;
}

bool LivePlot::placeLegend() {
    if (!legend->visible() || legend->itemCount() == 0 || legend->layout() != axisRect()->insetLayout()) return false;
    auto* inset = axisRect()->insetLayout();
    if (!dataCrosses(*this, legend->outerRect()) && axisRect()->rect().contains(legend->outerRect())) return false;
    const QSize size = legend->minimumOuterSizeHint();
    const Qt::Alignment current = inset->insetAlignment(0);
    for (const Qt::Alignment corner : kCorners) {
        if (corner == current) continue;
        const QRect candidate = insetRect(axisRect()->rect(), size, corner);
        if (axisRect()->rect().contains(candidate) && !dataCrosses(*this, candidate)) {
            inset->setInsetAlignment(0, corner);
            return true;
        }
    }
    // No free corner: below the axes, as many entries per row as fit (fitLegendColumns() makes more rows).
    putLegendUnderAxes(std::max(1, legend->itemCount()), QMargins(4, 0, 4, 2));
    return true;
}

void LivePlot::putLegendUnderAxes(int wrap, const QMargins& margins) {
    if (auto* inset = axisRect()->insetLayout(); legend->layout() == inset) {
        inset->take(legend);
        inset->simplify();
    }
    const int row = plotLayout()->rowCount();
    plotLayout()->addElement(row, 0, legend);
    legend->setWrap(wrap);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true); // after setWrap: rearranges the items already there
    legend->setBorderPen(Qt::NoPen);
    legend->setMargins(margins);
    plotLayout()->setRowStretchFactor(row, 0.001); // as tall as its entries, not a share of the plot
    // A legend without entries is a grid without columns, whose largest width (QCPLayoutGrid's
    // maximumOuterSizeHint) is its margins; the plot's layout gives a column no more than the smallest largest
    // width in it, so before the first curve the axes were squeezed to the title's width (105 of 420 px at
    // 1280×720). A maximum of our own takes the hint's place where it stays below QWIDGETSIZE_MAX with the margins
    // added (QCPLayout::getFinalMaximumOuterSize); the height stays the hint's.
    legend->setMaximumSize(QWIDGETSIZE_MAX / 2, QWIDGETSIZE_MAX);
}

void LivePlot::setTitle(const QString& title) {
    if (!m_title) {
        plotLayout()->insertRow(0);
        m_title = new QCPTextElement(this, title);
        plotLayout()->addElement(0, 0, m_title);
        applyStyle();
    }
    m_titleText = title;
    m_title->setText(title);
}

QColor LivePlot::colorFor(const QString& data) {
    if (data == QLatin1String("clean")) return QColor(31, 119, 180);
    if (data == QLatin1String("watermark")) return QColor(255, 127, 14);
    if (data == QLatin1String("poison")) return QColor(214, 39, 40);
    if (data == QLatin1String("random")) return QColor(148, 103, 189); // the defender's random ±ε baseline
    return QColor(90, 90, 90);
}

QString LivePlot::nameFor(const QString& data) {
    if (data == QLatin1String("clean")) return QCoreApplication::translate("pacd::ui::LivePlot", "clean");
    if (data == QLatin1String("watermark")) return QCoreApplication::translate("pacd::ui::LivePlot", "watermarked");
    if (data == QLatin1String("poison")) return QCoreApplication::translate("pacd::ui::LivePlot", "poisoned");
    return data;
}

} // namespace pacd::ui
