#include "defender/defender_view.h"

#include "defender/defender_names.h"
#include "defender/defense_acr_plot.h"
#include "defender/roc_plot.h"
#include "defender/sanitizer_preview.h"
#include "defender/top_scored_view.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pacd::ui {
namespace {

// The detectors in the spec's vocabulary order: one ROC plot each, whatever a run scored.
const QStringList& detectors() {
    static const QStringList names{QStringLiteral("spectral"), QStringLiteral("activation-clustering"),
                                   QStringLiteral("deep-knn")};
    return names;
}

QLabel* boldLabel() {
    auto* label = new QLabel;
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

DefenderView::DefenderView(QWidget* parent) : QWidget(parent) {
    m_empty = new QLabel;
    m_empty->setObjectName(QStringLiteral("defenderEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(24);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("defenderStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    for (const auto& detector : detectors()) {
        auto* plot = new RocPlot(detector);
        plot->setObjectName(QStringLiteral("roc-%1").arg(detector));
        m_roc << plot;
    }

    m_topPanel = new QWidget;
    m_topLabel = boldLabel();
    m_topKind = new QComboBox;
    m_topKind->setObjectName(QStringLiteral("defenderTopKind"));
    for (const auto& kind : poisonKinds())
        m_topKind->addItem(QString(), kind);
    m_topLabel->setBuddy(m_topKind);
    m_topCaption = new QLabel;
    m_topCaption->setWordWrap(true);
    m_top = new TopScoredView;
    m_top->setObjectName(QStringLiteral("defenderTopScored"));
    auto* topLine = new QHBoxLayout;
    topLine->addWidget(m_topLabel);
    topLine->addWidget(m_topKind);
    topLine->addStretch(1);
    auto* topLayout = new QVBoxLayout(m_topPanel);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(topLine);
    topLayout->addWidget(m_topCaption);
    topLayout->addWidget(m_top, 1);
    connect(m_topKind, &QComboBox::currentIndexChanged, this, &DefenderView::showTop);

    m_sanitizerPanel = new QWidget;
    m_sanitizerTitle = boldLabel();
    m_sanitizerTitle->setWordWrap(true);
    m_sanitizer = new SanitizerPreview;
    auto* sanitizerLayout = new QVBoxLayout(m_sanitizerPanel);
    sanitizerLayout->setContentsMargins(0, 0, 0, 0);
    sanitizerLayout->addWidget(m_sanitizerTitle);
    sanitizerLayout->addWidget(m_sanitizer, 1);

    m_acr = new DefenseAcrPlot;
    m_acr->setObjectName(QStringLiteral("defenseAcrPlot"));
    // The rows share the tab's height by their stretch factors (arrange()), not by what each would like: plots and
    // image rows would take any height. Their minimum sizes still hold.
    for (QWidget* w : std::initializer_list<QWidget*>{m_topPanel, m_sanitizerPanel, m_acr})
        w->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    for (auto* plot : std::as_const(m_roc))
        plot->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(2, 2, 2, 2);
    contentLayout->addWidget(m_status);
    m_grid = new QGridLayout;
    contentLayout->addLayout(m_grid, 1);

    m_pages = new QStackedWidget;
    m_pages->addWidget(m_empty);
    m_pages->addWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(&m_watcher, &QFutureWatcher<DefenderData>::finished, this, &DefenderView::onLoaded);
    arrange(false);
    retranslate();
}

DefenderView::~DefenderView() {
    if (m_cancel) m_cancel->store(true);
    m_watcher.waitForFinished(); // the worker reads files only; cancelled, it returns within one image batch
}

void DefenderView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void DefenderView::arrange(bool presentation) {
    for (auto* plot : std::as_const(m_roc))
        m_grid->removeWidget(plot);
    m_grid->removeWidget(m_topPanel);
    m_grid->removeWidget(m_sanitizerPanel);
    m_grid->removeWidget(m_acr);
    for (int i = 0; i < 3; ++i)
        m_grid->setRowStretch(i, 0);
    // Six columns: the ROC plots take two each; below them the panels take two (presentation: one row of three,
    // like a projector's wide screen) or the images the whole width and the sanitiser and the bars three each.
    for (int i = 0; i < 6; ++i)
        m_grid->setColumnStretch(i, 1);
    for (int i = 0; i < m_roc.size(); ++i)
        m_grid->addWidget(m_roc[i], 0, 2 * i, 1, 2);
    if (presentation) {
        m_grid->addWidget(m_topPanel, 1, 0, 1, 2);
        m_grid->addWidget(m_sanitizerPanel, 1, 2, 1, 2);
        m_grid->addWidget(m_acr, 1, 4, 1, 2);
        m_grid->setRowStretch(0, 5);
        m_grid->setRowStretch(1, 4);
    } else {
        m_grid->addWidget(m_topPanel, 1, 0, 1, 6);
        m_grid->addWidget(m_sanitizerPanel, 2, 0, 1, 3);
        m_grid->addWidget(m_acr, 2, 3, 1, 3);
        m_grid->setRowStretch(0, 4);
        m_grid->setRowStretch(1, 3);
        m_grid->setRowStretch(2, 4);
    }
}

void DefenderView::setPresentation(bool on) {
    m_presentation = on;
    arrange(on);
    retranslate();
    for (auto* plot : plots())
        plot->setPresentation(on);
}

QList<LivePlot*> DefenderView::plots() const {
    QList<LivePlot*> out;
    for (auto* plot : m_roc)
        out << plot;
    out << m_acr;
    return out;
}

void DefenderView::retranslate() {
    m_empty->setText(m_loading
                         ? tr("Loading the run's detector scores and training images…")
                         : tr("The run shown has no defender stages (no detection and no sanitiser), so there is nothing to show "
                              "here.\n\nRun the defender-mnist preset (pacd-cli run --preset defender-mnist --scale demo) and "
                              "open one of its rows with File ▸ Open results store…: the detectors' ROC curves, the training "
                              "images they find most suspicious and a sanitiser's effect on the poisons appear here."));
    m_topLabel->setText(tr("Most suspicious training images"));
    for (int i = 0; i < m_topKind->count(); ++i)
        m_topKind->setItemText(i, tr("with %1 poisons").arg(DefenderNames::poisonKind(m_topKind->itemData(i).toString())));
    m_topCaption->setText(m_data.hasDetections
                              ? tr("per detector, highest score first (the score under each); red frame: a poison")
                              : tr("This run has no detection stage: open the 'no defense' or a 'filter' row of its preset."));
    for (auto* plot : std::as_const(m_roc))
        plot->setToolTip(tr("ROC: the target class's poisons against its clean points, ranked by the detector's score "
                            "(dashed: chance). TPR@5%: the share of poisons flagged when 5 % of the clean points are."));
    m_sanitizerTitle->setText(tr("A sanitiser on one PACD poison"));
    m_status->setText(statusText());
    // A projector's height goes to the plots: the banner above the tabs names the run; problems are still said.
    m_status->setVisible(!m_presentation || !m_data.problems.isEmpty());
}

QString DefenderView::statusText() const {
    if (m_data.runId == 0 && m_data.runName.isEmpty()) return {};
    QString text = tr("Run %1 «%2»").arg(m_data.runId).arg(m_data.runName.toHtmlEscaped());
    const ScoredSet* poisoned = nullptr;
    for (const auto& set : m_data.sets)
        if (set.data == QLatin1String("poison")) poisoned = &set;
    if (poisoned)
        text += tr(": %1 target-class training points scored per victim (seed %2), %3 of them poisons; a filter removes "
                   "the %4 highest-scored.")
                    .arg(poisoned->positions.size())
                    .arg(poisoned->seed)
                    .arg(poisoned->poisonCount())
                    .arg(poisoned->budget);
    else if (!m_data.hasDetections)
        text += tr(": no detection stage.");
    if (m_data.runSanitizer.kind != pacd::Sanitizer::None)
        text +=
            QLatin1Char(' ') + tr("Its victims trained on sanitised images (%1 %2).")
                                   .arg(DefenderNames::sanitizer(QString::fromStdString(pacd::nameOf(m_data.runSanitizer.kind))))
                                   .arg(m_data.runSanitizer.parameter);
    if (m_data.runFilter != pacd::Detector::None)
        text += QLatin1Char(' ') + tr("Its victims retrained without the points %1 scored highest.")
                                       .arg(DefenderNames::detector(QString::fromStdString(pacd::nameOf(m_data.runFilter))));
    for (const auto& problem : m_data.problems.mid(0, 3))
        text += QStringLiteral("<br><span style='color:#b22'>%1</span>").arg(problem.toHtmlEscaped());
    return text;
}

void DefenderView::setRecord(const pacd::RunRecord& record, const QString& storePath, const QString& dataDir) {
    if (m_cancel) m_cancel->store(true); // the newest run wins: a running load stops early and its result is dropped
    m_loading = true;
    m_pages->setCurrentWidget(m_empty);
    retranslate();
    Request request{record, storePath, dataDir};
    if (m_watcher.isRunning()) {
        m_pending = std::move(request); // started when the running load has stopped
        return;
    }
    start(request);
}

void DefenderView::start(const Request& request) {
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    m_watcher.setFuture(QtConcurrent::run(
        [request, cancel] { return loadDefenderData(request.record, request.storePath, request.dataDir, cancel); }));
}

void DefenderView::onLoaded() {
    if (m_pending) {
        const Request next = *m_pending;
        m_pending.reset();
        start(next);
        return;
    }
    if (m_cancel && m_cancel->load()) return; // cleared meanwhile
    setData(m_watcher.result());
    Q_EMIT loaded();
}

void DefenderView::setData(const DefenderData& data) {
    m_loading = false;
    m_data = data;
    for (auto* plot : std::as_const(m_roc)) {
        QVector<RocSeries> series;
        for (const auto& kind : poisonKinds())
            for (const auto& set : std::as_const(m_data.sets))
                if (set.data == kind) series << rocSeries(set, plot->detector());
        plot->setSeries(series);
    }
    m_acr->setRows(m_data.rows, m_data.runId);
    m_sanitizer->setPairs(m_data.pairs, m_data.runSanitizer);
    showTop();
    m_pages->setCurrentIndex(m_data.hasDefense() ? 1 : 0);
    retranslate();
}

void DefenderView::clear() {
    if (m_cancel) m_cancel->store(true);
    m_pending.reset();
    setData({});
}

bool DefenderView::showsEmptyState() const {
    return m_pages->currentWidget() == m_empty;
}

QString DefenderView::emptyText() const {
    return m_empty->text();
}

QString DefenderView::topKind() const {
    return m_topKind->currentData().toString();
}

void DefenderView::setTopKind(const QString& data) {
    const int at = m_topKind->findData(data);
    if (at >= 0) m_topKind->setCurrentIndex(at);
}

void DefenderView::showTop() {
    m_top->setRows(m_data.top.value(topKind()));
}

} // namespace pacd::ui
