#include "toy/toy_playground.h"

#include "toy/toy_worker.h"

#include "plots/qcustomplot_include.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <initializer_list>
#include <utility>

namespace pacd::ui {
namespace {

constexpr int kMaximumProbes = 12;
// The attack trains on 2,000 points per class; a scatter of 6,000 dots hides the boundaries, so at most this many
// per class are drawn (every k-th: a poison is drawn exactly when its clean base is).
constexpr std::size_t kMaximumDrawn = 500;
// The plotted box: both classes (means 0.2 and 0.8, s.d. 0.3) and most of their tails.
constexpr double kLow = -0.7, kHigh = 1.7;

const QColor kPositiveColour(70, 110, 200);
const QColor kNegativeColour(240, 160, 60);
const QColor kPoisonColour(200, 30, 30);
const QColor kCleanLineColour(30, 60, 150);

// Two far-apart points of a·x + b·y + c = 0, as a curve (QCPCurve takes any direction, unlike a graph).
void setLine(QCPCurve* curve, const ToyLine& line) {
    if (!line.isValid()) {
        curve->data()->clear();
        return;
    }
    constexpr double far = 10.0;
    QVector<double> x, y;
    if (std::abs(line.b) >= std::abs(line.a)) {
        x = {-far, far};
        y = {-(line.a * -far + line.c) / line.b, -(line.a * far + line.c) / line.b};
    } else {
        y = {-far, far};
        x = {-(line.b * -far + line.c) / line.a, -(line.b * far + line.c) / line.a};
    }
    curve->setData(x, y);
}

void setPoints(QCPGraph* graph, const ToyPoints& points) {
    const std::size_t stride = (points.size() + kMaximumDrawn - 1) / kMaximumDrawn;
    QVector<double> x, y;
    for (std::size_t i = 0; i < points.size(); i += std::max<std::size_t>(1, stride)) {
        x.push_back(points.x[i]);
        y.push_back(points.y[i]);
    }
    graph->setData(x, y);
}

QCPGraph* scatter(QCustomPlot* plot, const QColor& colour, double size) {
    auto* graph = plot->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, size));
    return graph;
}

QCPCurve* lineCurve(QCustomPlot* plot, const QColor& colour, double width, Qt::PenStyle style) {
    auto* curve = new QCPCurve(plot->xAxis, plot->yAxis);
    curve->setPen(QPen(colour, width, style));
    return curve;
}

QString fixed(double value, int decimals = 4) {
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

ToyPlayground::ToyPlayground(QWidget* parent) : QWidget(parent) {
    qRegisterMetaType<ToySettings>();
    qRegisterMetaType<ToyStepView>();
    qRegisterMetaType<ToyOutcome>();

    const auto defaults = defaultToySettings();
    m_epsilon = new QDoubleSpinBox;
    m_epsilon->setRange(0.0, 0.5);
    m_epsilon->setSingleStep(0.01);
    m_epsilon->setDecimals(3);
    m_sigma = new QDoubleSpinBox;
    m_sigma->setRange(0.0, 2.0);
    m_sigma->setSingleStep(0.05);
    m_sigma->setDecimals(3);
    m_steps = new QSpinBox;
    m_steps->setRange(1, 10000);
    m_points = new QSpinBox;
    m_points->setRange(20, 20000);
    m_points->setSingleStep(100);
    setSettings(defaults);

    m_form = new QFormLayout;
    for (QWidget* field : std::initializer_list<QWidget*>{m_epsilon, m_sigma, m_steps, m_points}) {
        auto* label = new QLabel; // its text: retranslate()
        label->setBuddy(field);   // as addRow(text, field) does
        m_form->addRow(label, field);
    }

    m_run = new QPushButton;
    m_cancelButton = new QPushButton;
    m_cancelButton->setEnabled(false);
    connect(m_run, &QPushButton::clicked, this, &ToyPlayground::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &ToyPlayground::cancel);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancelButton);

    m_progress = new QProgressBar;
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_results = new QLabel;
    m_results->setTextFormat(Qt::RichText);
    m_results->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clear = new QPushButton;
    connect(m_clear, &QPushButton::clicked, this, &ToyPlayground::clearProbes);

    m_settingsBox = new QGroupBox;
    auto* settingsLayout = new QVBoxLayout(m_settingsBox);
    settingsLayout->addLayout(m_form);
    settingsLayout->addLayout(buttons);
    settingsLayout->addWidget(m_progress);
    settingsLayout->addWidget(m_status);

    auto* panel = new QVBoxLayout;
    panel->addWidget(m_settingsBox);
    panel->addWidget(m_results);
    panel->addWidget(m_clear);
    panel->addStretch();

    m_plot = new QCustomPlot;
    m_plot->setMinimumSize(360, 320);
    buildPlot();

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(panel);
    layout->addWidget(m_plot, 1);

    m_worker = new ToyWorker(m_cancel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ToyWorker::stepped, this, &ToyPlayground::onStep);
    connect(m_worker, &ToyWorker::finished, this, &ToyPlayground::onFinished);
    connect(m_worker, &ToyWorker::cancelled, this, [this] {
        setStatus([] { return tr("Cancelled."); });
        onEnded();
        Q_EMIT cancelled();
    });
    connect(m_worker, &ToyWorker::failed, this, [this](const QString& message) {
        setStatus([message] { return tr("The attack failed: %1").arg(message); });
        onEnded();
        Q_EMIT failed(message);
    });
    m_thread.setObjectName(QStringLiteral("toy-playground"));
    m_thread.start();

    for (auto* box : {m_epsilon, m_sigma})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ToyPlayground::refreshAnalytic);
    connect(m_points, &QSpinBox::valueChanged, this, [this] {
        if (m_running) return;
        showData(toyData(settings()));
        refreshAnalytic();
    });
    showData(toyData(settings()));
    setStatus([] { return tr("Click the plot to place points and see their certified radii."); });
    retranslate(); // also draws the analytic boundaries (refreshAnalytic)
}

ToyPlayground::~ToyPlayground() {
    m_cancel.cancel(); // the worker stops at its next step; the thread then ends
    m_thread.quit();
    m_thread.wait();
}

ToySettings ToyPlayground::settings() const {
    auto settings = defaultToySettings();
    settings.epsilon = m_epsilon->value();
    settings.sigma = m_sigma->value();
    settings.upperSteps = m_steps->value();
    settings.pointsPerClass = m_points->value();
    return settings;
}

void ToyPlayground::setSettings(const ToySettings& settings) {
    m_epsilon->setValue(settings.epsilon);
    m_sigma->setValue(settings.sigma);
    m_steps->setValue(static_cast<int>(settings.upperSteps));
    if (settings.pointsPerClass > 0) m_points->setValue(static_cast<int>(settings.pointsPerClass));
}

int ToyPlayground::poisonCount() const {
    return m_poisonCount;
}

// The plot's items; their names and the axis labels are set by retranslate().
void ToyPlayground::buildPlot() {
    m_plot->xAxis->setRange(kLow, kHigh);
    m_plot->yAxis->setRange(kLow, kHigh);
    m_positive = scatter(m_plot, kPositiveColour, 3);
    m_negative = scatter(m_plot, kNegativeColour, 3);
    m_poisons = scatter(m_plot, kPoisonColour, 4);
    m_means = m_plot->addGraph();
    m_means->setLineStyle(QCPGraph::lsNone);
    m_means->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCrossCircle, Qt::black, 12));
    m_analyticClean = lineCurve(m_plot, kCleanLineColour, 1, Qt::DotLine);
    m_analyticPoisoned = lineCurve(m_plot, kPoisonColour, 1, Qt::DotLine);
    m_lowerBoundary = lineCurve(m_plot, QColor(120, 120, 120), 1.5, Qt::DashLine);
    m_cleanBoundary = lineCurve(m_plot, kCleanLineColour, 2, Qt::SolidLine);
    m_poisonedBoundary = lineCurve(m_plot, kPoisonColour, 2, Qt::SolidLine);
    m_probeMarks = m_plot->addGraph();
    m_probeMarks->setLineStyle(QCPGraph::lsNone);
    m_probeMarks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlus, Qt::black, 10));
    m_probeMarks->removeFromLegend();
    m_lowerBoundary->removeFromLegend(); // listed only while the attack runs
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), std::max(7, font().pointSize() - 2)));
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setIconSize(20, 9);
    m_plot->legend->setBrush(QColor(255, 255, 255, 210));
    // Top left: the corner of the box where neither Gaussian puts many points.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->setInteractions(QCP::iRangeZoom);
    connect(m_plot, &QCustomPlot::mousePress, this, &ToyPlayground::onPlotClicked);
    connect(m_plot, &QCustomPlot::afterLayout, this, &ToyPlayground::keepAspect);
}

void ToyPlayground::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ToyPlayground::retranslate() {
    m_epsilon->setToolTip(tr("ℓ∞ budget: how far each poison may move in each coordinate"));
    m_sigma->setToolTip(tr("Noise level of Gaussian augmentation (lower level and retraining)"));
    m_steps->setToolTip(tr("ApproxGrad upper steps (sign steps of ε/10)"));
    m_points->setToolTip(tr("Training points drawn from each Gaussian"));
    const QPair<QWidget*, QString> rows[] = {{m_epsilon, tr("ε (ℓ∞ budget)")},
                                             {m_sigma, tr("σ (noise)")},
                                             {m_steps, tr("Upper steps")},
                                             {m_points, tr("Points per class")}};
    for (const auto& [field, text] : rows)
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(field))) label->setText(text);
    m_run->setText(tr("Run attack"));
    m_cancelButton->setText(tr("Cancel"));
    m_clear->setText(tr("Clear points"));
    m_settingsBox->setTitle(tr("Attack (App. D.2)"));
    m_status->setText(m_statusText());

    m_plot->xAxis->setLabel(tr("x₁"));
    m_plot->yAxis->setLabel(tr("x₂"));
    m_positive->setName(tr("class +1"));
    m_negative->setName(tr("class −1 (clean)"));
    m_poisons->setName(tr("class −1 poisoned"));
    m_means->setName(tr("class means"));
    m_analyticClean->setName(tr("analytic clean boundary"));
    m_analyticPoisoned->setName(tr("analytic poisoned boundary"));
    m_lowerBoundary->setName(tr("lower level during the attack"));
    m_cleanBoundary->setName(tr("retrained on clean data"));
    m_poisonedBoundary->setName(tr("retrained on poisons"));
    m_probeMarks->setName(tr("your points"));
    refreshAnalytic(); // the results table and the probes' labels; replots
}

void ToyPlayground::setStatus(std::function<QString()> text) {
    m_statusText = std::move(text);
    m_status->setText(m_statusText());
}

void ToyPlayground::keepAspect() {
    // One unit is as long on both axes, so that radius circles are circles and distances look like distances. Run
    // after every layout (on screen, in presentation mode, in an export of any size): at a resize event the axis
    // rectangle still has its old size, which is what drew the circles as ellipses.
    m_plot->yAxis->setScaleRatio(m_plot->xAxis, 1.0);
}

void ToyPlayground::showData(const ToyData& data) {
    m_data = data;
    m_dataPoints = static_cast<std::int64_t>(data.negative.size());
    setPoints(m_positive, data.positive);
    setPoints(m_negative, data.negative);
    m_means->setData({data.negativeMean, data.positiveMean}, {data.negativeMean, data.positiveMean});
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ToyPlayground::start() {
    if (m_running) return;
    const auto current = settings();
    if (current.pointsPerClass != m_dataPoints) showData(toyData(current));
    m_cancel.reset();
    m_running = true;
    m_outcome.reset();
    m_outcomeSettings = current;
    m_poisons->data()->clear();
    m_poisonCount = 0;
    m_lowerBoundary->data()->clear();
    m_lowerBoundary->addToLegend();
    m_cleanBoundary->data()->clear();
    m_poisonedBoundary->data()->clear();
    m_negative->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kNegativeColour, 4));
    m_run->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setRange(0, static_cast<int>(current.upperSteps));
    m_progress->setValue(0);
    setStatus([] { return tr("Warming up the lower level on clean data…"); });
    refreshResults();
    refreshProbes();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, current] { worker->run(current); }, Qt::QueuedConnection);
    Q_EMIT started();
}

void ToyPlayground::cancel() {
    if (!m_running) return;
    m_cancel.cancel();
    setStatus([] { return tr("Cancelling…"); });
}

void ToyPlayground::onStep(const ToyStepView& step) {
    if (!m_running) return;
    setPoints(m_poisons, step.poisons);
    m_poisonCount = static_cast<int>(step.poisons.size());
    setLine(m_lowerBoundary, step.lowerBoundary);
    m_progress->setValue(static_cast<int>(step.step));
    setStatus([done = step.step, total = step.total, upper = step.upper] {
        return done < total ? tr("Upper step %1 of %2: class −1 validation ACR %3").arg(done).arg(total).arg(fixed(upper))
                            : tr("Retraining from scratch on clean and on poisoned data…");
    });
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT stepped(step.step, step.total);
}

void ToyPlayground::onFinished(const ToyOutcome& outcome) {
    m_outcome = outcome;
    setPoints(m_poisons, outcome.poisons);
    m_poisonCount = static_cast<int>(outcome.poisons.size());
    setLine(m_cleanBoundary, outcome.cleanBoundary);
    setLine(m_poisonedBoundary, outcome.poisonedBoundary);
    m_lowerBoundary->data()->clear();
    m_running = false;
    refreshAnalytic(); // fresh results: not stale
    setStatus([seconds = outcome.seconds] {
        return tr("Done in %1 s. Click the plot to compare certified radii.").arg(QLocale().toString(seconds, 'f', 1));
    });
    onEnded();
    Q_EMIT finished();
}

void ToyPlayground::onEnded() {
    m_running = false;
    m_lowerBoundary->data()->clear();
    m_lowerBoundary->removeFromLegend();
    m_run->setEnabled(true);
    m_cancelButton->setEnabled(false);
    if (!m_outcome) m_negative->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kNegativeColour, kNegativeColour, 3));
    refreshResults();
    refreshProbes();
}

bool ToyPlayground::isStale() const {
    const auto now = settings();
    return m_outcome && !m_running &&
           (now.epsilon != m_outcomeSettings.epsilon || now.sigma != m_outcomeSettings.sigma ||
            now.pointsPerClass != m_outcomeSettings.pointsPerClass);
}

QString ToyPlayground::resultsText() const {
    return m_results->text();
}

void ToyPlayground::refreshAnalytic() {
    const auto s = settings();
    // Measured results of other settings stay for comparison, greyed, until the next run replaces them.
    const bool stale = isStale();
    m_poisonedBoundary->setPen(QPen(stale ? QColor(160, 160, 160) : kPoisonColour, 2, stale ? Qt::DashLine : Qt::SolidLine));
    m_cleanBoundary->setPen(QPen(stale ? QColor(160, 160, 160) : kCleanLineColour, 2, stale ? Qt::DashLine : Qt::SolidLine));
    const QColor poisonColour = stale ? QColor(170, 170, 170) : kPoisonColour;
    m_poisons->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, poisonColour, poisonColour, 4));
    setLine(m_analyticClean, analyticToyBoundary(m_data.negativeMean, m_data.positiveMean, 0.0));
    setLine(m_analyticPoisoned, analyticToyBoundary(m_data.negativeMean, m_data.positiveMean, -s.epsilon));
    refreshResults();
    refreshProbes();
}

ToyLine ToyPlayground::cleanLine() const {
    return m_outcome ? m_outcome->cleanBoundary : analyticToyBoundary(m_data.negativeMean, m_data.positiveMean, 0.0);
}

ToyLine ToyPlayground::poisonedLine() const {
    return m_outcome ? m_outcome->poisonedBoundary : ToyLine{};
}

void ToyPlayground::onPlotClicked(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    addProbe(m_plot->xAxis->pixelToCoord(event->position().x()), m_plot->yAxis->pixelToCoord(event->position().y()));
}

void ToyPlayground::addProbe(double x, double y) {
    if (m_probes.size() >= kMaximumProbes) {
        auto oldest = m_probes.takeFirst();
        m_plot->removeItem(oldest.clean);
        m_plot->removeItem(oldest.poisoned);
        m_plot->removeItem(oldest.label);
    }
    Probe probe;
    probe.x = x;
    probe.y = y;
    probe.clean = new QCPItemEllipse(m_plot);
    probe.clean->setPen(QPen(kCleanLineColour, 1.5));
    probe.poisoned = new QCPItemEllipse(m_plot);
    probe.poisoned->setPen(QPen(kPoisonColour, 1.5, Qt::DashLine));
    probe.label = new QCPItemText(m_plot);
    probe.label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    probe.label->setPadding(QMargins(3, 0, 0, 2));
    probe.label->setBrush(QColor(255, 255, 255, 190));
    m_probes.push_back(probe);
    refreshProbes();
}

void ToyPlayground::clearProbes() {
    for (const auto& probe : m_probes) {
        m_plot->removeItem(probe.clean);
        m_plot->removeItem(probe.poisoned);
        m_plot->removeItem(probe.label);
    }
    m_probes.clear();
    refreshProbes();
}

QPair<double, double> ToyPlayground::probeRadii(int i) const {
    if (i < 0 || i >= probeCount()) return {-1.0, -1.0};
    const auto& probe = m_probes[i];
    const auto poisoned = poisonedLine();
    return {cleanLine().distance(probe.x, probe.y), poisoned.isValid() ? poisoned.distance(probe.x, probe.y) : -1.0};
}

void ToyPlayground::refreshProbes() {
    QVector<double> xs, ys;
    for (int i = 0; i < probeCount(); ++i) {
        auto& probe = m_probes[i];
        xs.push_back(probe.x);
        ys.push_back(probe.y);
        const auto [clean, poisoned] = probeRadii(i);
        const auto place = [&](QCPItemEllipse* circle, double r) {
            circle->setVisible(r >= 0);
            circle->topLeft->setCoords(probe.x - r, probe.y + r);
            circle->bottomRight->setCoords(probe.x + r, probe.y - r);
        };
        place(probe.clean, clean);
        place(probe.poisoned, poisoned);
        probe.label->position->setCoords(probe.x, probe.y);
        probe.label->setText(poisoned >= 0 ? tr("R %1 → %2").arg(fixed(clean, 3), fixed(poisoned, 3))
                                           : tr("R %1").arg(fixed(clean, 3)));
    }
    m_probeMarks->setData(xs, ys);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ToyPlayground::refreshResults() {
    const auto s = settings();
    const double mean = m_data.negativeMean;
    const double analyticClean = analyticToyBoundary(mean, m_data.positiveMean, 0.0).distance(mean, mean);
    const double analyticPoisoned = analyticToyBoundary(mean, m_data.positiveMean, -s.epsilon).distance(mean, mean);
    const QString dash = QStringLiteral("—");
    QString text =
        tr("<b>Radius of the class −1 mean</b> (%1, %1)").arg(QLocale().toString(mean)) +
        QStringLiteral("<table cellspacing='4'><tr><td></td><th>%1</th><th>%2</th></tr>").arg(tr("measured"), tr("analytic")) +
        QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
            .arg(tr("clean"), m_outcome ? fixed(m_outcome->cleanRadius) : dash, fixed(analyticClean)) +
        QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr></table>")
            .arg(tr("poisoned"), m_outcome ? fixed(m_outcome->poisonedRadius) : dash, fixed(analyticPoisoned));
    text += tr("Analytic drop ε/√2 = %1").arg(fixed(analyticClean - analyticPoisoned));
    if (m_outcome) {
        text += QStringLiteral("<br>") +
                tr("ACR of class −1 test points: %1 → %2").arg(fixed(m_outcome->cleanAcr, 3), fixed(m_outcome->poisonedAcr, 3));
        text += QStringLiteral("<br>") +
                tr("Mean shift of the poisons: (%1, %2)").arg(fixed(m_outcome->meanShiftX, 3), fixed(m_outcome->meanShiftY, 3));
    }
    if (isStale())
        text = QStringLiteral("<span style='color:#888'>") + text + QStringLiteral("</span><br><b>") +
               tr("Stale: measured at ε = %1, σ = %2; press Run for the current settings.")
                   .arg(fixed(m_outcomeSettings.epsilon, 3), fixed(m_outcomeSettings.sigma, 3)) +
               QStringLiteral("</b>");
    m_results->setText(text);
}

} // namespace pacd::ui
