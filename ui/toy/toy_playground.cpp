#include "toy/toy_playground.h"

#include "toy/toy_worker.h"

#include "plots/plot_style.h"
#include "plots/qcustomplot_include.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
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
// Slider steps: ε in [0, 0.5] by 0.005, σ in [0.05, 1] by 0.01 (the spin boxes take any value in their range).
constexpr double kEpsilonStep = 0.005, kSigmaStep = 0.01;
// The heat map: cells per side over the plotted box, and the radius at the colour scale's ends.
constexpr int kMapCells = 160;
constexpr double kMapRange = 0.8;
// A press this close to a point (pixels) drags it instead of placing a new one.
constexpr double kGrabPixels = 10;
constexpr int kReplayFrameMs = 60;

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

QSlider* sliderFor(double low, double high, double step) {
    auto* slider = new QSlider(Qt::Horizontal);
    slider->setRange(static_cast<int>(std::lround(low / step)), static_cast<int>(std::lround(high / step)));
    slider->setPageStep(10);
    return slider;
}

// Signed distance to the boundary: + on class −1's side, − on class +1's. A linear classifier's smoothed version
// predicts as the classifier does and certifies exactly this distance (Cohen et al.), whatever σ.
double signedRadius(const ToyLine& line, double x, double y) {
    const double distance = line.distance(x, y);
    return line.side(x, y) >= 0 ? distance : -distance;
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
    m_epsilonSlider = sliderFor(0.0, 0.5, kEpsilonStep);
    m_sigmaSlider = sliderFor(0.05, 1.0, kSigmaStep);
    m_epsilonSlider->setObjectName(QStringLiteral("epsilonSlider"));
    m_sigmaSlider->setObjectName(QStringLiteral("sigmaSlider"));
    m_auto = new QCheckBox;
    m_auto->setChecked(true);
    m_rerunTimer = new QTimer(this);
    m_rerunTimer->setSingleShot(true);
    m_rerunTimer->setInterval(kRerunDelayMs);
    connect(m_rerunTimer, &QTimer::timeout, this, &ToyPlayground::rerun);
    // Slider and spin box show one value: the slider in steps, the spin box exactly.
    const auto link = [this](QSlider* slider, QDoubleSpinBox* box, double step) {
        connect(slider, &QSlider::valueChanged, this, [box, step](int value) { box->setValue(value * step); });
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, slider, step](double value) {
            const QSignalBlocker blocker(slider);
            slider->setValue(static_cast<int>(std::lround(value / step)));
            scheduleRerun();
        });
    };
    link(m_epsilonSlider, m_epsilon, kEpsilonStep);
    link(m_sigmaSlider, m_sigma, kSigmaStep);
    setSettings(defaults);

    m_form = new QFormLayout;
    // ε and σ: the spin box with its slider under it, or beside it in the compact layout (setPresentation).
    const auto pair = [](QDoubleSpinBox* box, QSlider* slider, QBoxLayout*& layout) {
        auto* field = new QWidget;
        layout = new QBoxLayout(QBoxLayout::TopToBottom, field);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(box);
        layout->addWidget(slider, 1);
        return field;
    };
    for (QWidget* field : std::initializer_list<QWidget*>{pair(m_epsilon, m_epsilonSlider, m_epsilonPair),
                                                          pair(m_sigma, m_sigmaSlider, m_sigmaPair), m_steps, m_points}) {
        auto* label = new QLabel; // its text: retranslate()
        label->setBuddy(field);   // as addRow(text, field) does
        m_form->addRow(label, field);
    }
    m_form->addRow(m_auto);

    m_run = new QPushButton;
    m_cancelButton = new QPushButton;
    m_cancelButton->setEnabled(false);
    connect(m_run, &QPushButton::clicked, this, &ToyPlayground::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &ToyPlayground::cancel);
    auto* buttons = new QHBoxLayout;
    m_buttons = buttons;
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
    m_replay = new QPushButton;
    m_replay->setEnabled(false);
    connect(m_replay, &QPushButton::clicked, this, &ToyPlayground::replaySteps);
    m_replayTimer = new QTimer(this);
    m_replayTimer->setInterval(kReplayFrameMs);
    connect(m_replayTimer, &QTimer::timeout, this, [this] {
        if (m_replayFrame < 0 || m_replayFrame >= m_recorded.size()) {
            m_replayTimer->stop();
            m_replayFrame = -1;
            if (m_outcome) setPoints(m_poisons, m_outcome->poisons);
            m_lowerBoundary->data()->clear();
            m_lowerBoundary->removeFromLegend();
            m_replay->setEnabled(!m_recorded.isEmpty() && !m_running);
            m_plot->replot(QCustomPlot::rpQueuedReplot);
            return;
        }
        showStep(m_recorded[m_replayFrame++]);
    });
    m_mapChoice = new QComboBox;
    m_mapChoice->addItems({QString(), QString(), QString()}); // texts: retranslate()
    connect(m_mapChoice, &QComboBox::currentIndexChanged, this,
            [this](int index) { setRadiusMap(static_cast<RadiusMap>(index)); });
    m_mapLabel = new QLabel;
    m_mapLabel->setBuddy(m_mapChoice);
    m_probeInfo = new QLabel;
    m_probeInfo->setWordWrap(true);
    m_probeInfo->setTextFormat(Qt::RichText);

    m_settingsBox = new QGroupBox;
    auto* settingsLayout = new QVBoxLayout(m_settingsBox);
    m_settingsLayout = settingsLayout;
    settingsLayout->addLayout(m_form);
    settingsLayout->addLayout(buttons);
    settingsLayout->addWidget(m_progress);
    settingsLayout->addWidget(m_status);

    auto* mapRow = new QHBoxLayout;
    mapRow->addWidget(m_mapLabel);
    mapRow->addWidget(m_mapChoice, 1);
    auto* probeButtons = new QHBoxLayout;
    probeButtons->addWidget(m_clear);
    probeButtons->addWidget(m_replay);
    auto* panel = new QVBoxLayout;
    m_panel = panel;
    // Controls first, read-outs after: at 1280x720 in presentation mode the panel can be taller than the window, and
    // what then scrolls should be the clicked point's text, not the buttons a lecturer reaches for.
    panel->addWidget(m_settingsBox);
    panel->addLayout(mapRow);
    panel->addLayout(probeButtons);
    panel->addWidget(m_results);
    panel->addWidget(m_probeInfo);
    panel->addStretch();

    m_plot = new QCustomPlot;
    m_plot->setMinimumSize(360, 320);
    buildPlot();

    // The controls scroll when the window is low (a 1280x720 projector in presentation mode's large type), so that
    // they never make the window taller than the screen.
    auto* panelHolder = new QWidget;
    panelHolder->setLayout(panel);
    auto* panelScroll = new QScrollArea;
    panelScroll->setObjectName(QStringLiteral("toyPanelScroll"));
    panelScroll->setWidget(panelHolder);
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    panelScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    panelScroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    m_panelScroll = panelScroll;
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(panelScroll);
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
        if (m_restartPending) start(); // a new value cancelled it: measure that one
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
    m_panelScroll->setMinimumWidth(panelHolder->sizeHint().width() + m_panelScroll->verticalScrollBar()->sizeHint().width());
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
    // A program's choice, not the user's: it reruns nothing.
    m_applyingSettings = true;
    m_epsilon->setValue(settings.epsilon);
    m_sigma->setValue(settings.sigma);
    m_steps->setValue(static_cast<int>(settings.upperSteps));
    if (settings.pointsPerClass > 0) m_points->setValue(static_cast<int>(settings.pointsPerClass));
    m_applyingSettings = false;
}

void ToyPlayground::setAutoRerun(bool on) {
    m_auto->setChecked(on);
}

bool ToyPlayground::autoRerun() const {
    return m_auto->isChecked();
}

void ToyPlayground::scheduleRerun() {
    // Only a result (or a run) to renew is rerun: before the first Run the sliders move the analytic lines only.
    if (m_applyingSettings || !m_auto->isChecked() || (!m_outcome && !m_running)) return;
    m_rerunTimer->start(); // restarts: the attack runs once the slider has rested
}

void ToyPlayground::rerun() {
    const auto now = settings();
    if (m_running) {
        if (now.epsilon == m_runSettings.epsilon && now.sigma == m_runSettings.sigma) return;
        m_restartPending = true; // started again by the worker's `cancelled`
        m_cancel.cancel();
        setStatus([] { return tr("New value: stopping the run under way…"); });
        return;
    }
    if (!isStale()) return;
    start();
}

void ToyPlayground::setPresentation(bool on) {
    m_presentation = on;
    setCompact(on);
    scalePlotPens(*m_plot, on ? 2.0 : 1.0);
    for (auto& probe : m_probes)
        for (auto* circle : {probe.clean, probe.poisoned}) {
            QPen pen = circle->pen();
            pen.setWidthF(on ? 3.0 : 1.5);
            circle->setPen(pen);
        }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// Presentation mode's large type on a 720-pixel screen: the panel fits without scrolling when each slider sits
// beside its spin box, the progress bar beside the run buttons, and the rows closer together.
void ToyPlayground::setCompact(bool compact) {
    for (auto* pair : {m_epsilonPair, m_sigmaPair})
        pair->setDirection(compact ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    if (compact != (m_buttons->indexOf(m_progress) >= 0)) {
        (compact ? static_cast<QLayout*>(m_settingsLayout) : m_buttons)->removeWidget(m_progress);
        if (compact)
            m_buttons->addWidget(m_progress, 1);
        else
            m_settingsLayout->insertWidget(m_settingsLayout->indexOf(m_status), m_progress);
    }
    const int spacing = compact ? 2 : -1; // -1: the style's
    m_form->setVerticalSpacing(spacing);
    m_settingsLayout->setSpacing(spacing);
    m_panel->setSpacing(compact ? 4 : -1);
}

int ToyPlayground::poisonCount() const {
    return m_poisonCount;
}

// The plot's items; their names and the axis labels are set by retranslate().
void ToyPlayground::buildPlot() {
    m_plot->xAxis->setRange(kLow, kHigh);
    m_plot->yAxis->setRange(kLow, kHigh);
    // The radius map under the grid and the data: its own layer just above the axis rectangle's background.
    m_plot->addLayer(QStringLiteral("radiusMap"), m_plot->layer(QStringLiteral("background")), QCustomPlot::limAbove);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setLayer(QStringLiteral("radiusMap"));
    m_map->data()->setSize(kMapCells, kMapCells);
    m_map->data()->setRange(QCPRange(kLow, kHigh), QCPRange(kLow, kHigh));
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, kPositiveColour.darker(110)); // deep in class +1: a large radius for +1
    gradient.setColorStopAt(0.5, Qt::white);                   // on the boundary: radius 0
    gradient.setColorStopAt(1.0, kNegativeColour.darker(110)); // deep in class −1
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(-kMapRange, kMapRange));
    m_map->setInterpolate(false);
    m_map->setVisible(false);
    m_map->removeFromLegend();
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
    // Beside the axes, not over them: every corner of the box has points, lines or circles (a projector's larger
    // type made the legend cover the class −1 cloud). With one unit as long on both axes the plot is wider than
    // the square of data anyway; the column takes only the legend's width, the empty cell below keeps it at the top.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    auto* side = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 1, side);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    side->addElement(0, 0, m_plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(m_plot));
    side->setRowStretchFactor(0, 0.001);
    side->setMargins(QMargins(0, 0, 3, 0)); // the legend's frame clear of the widget's edge
    m_plot->legend->setMargins(QMargins(4, 4, 4, 4));
    m_plot->setInteractions(QCP::iRangeZoom);
    connect(m_plot, &QCustomPlot::mousePress, this, &ToyPlayground::onPlotClicked);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ToyPlayground::onPlotMoved);
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this] { m_dragging = -1; });
    connect(m_plot, &QCustomPlot::afterLayout, this, &ToyPlayground::keepAspect);
}

void ToyPlayground::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    if (event->type() == QEvent::LocaleChange) {
        // Spin boxes render their text once: again in the new locale's numbers (0,100 in German).
        for (QAbstractSpinBox* box : std::initializer_list<QAbstractSpinBox*>{m_epsilon, m_sigma, m_steps, m_points}) {
            box->setLocale(locale());
            if (auto* d = qobject_cast<QDoubleSpinBox*>(box)) d->setSuffix(d->suffix());
            if (auto* i = qobject_cast<QSpinBox*>(box)) i->setSuffix(i->suffix());
        }
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LocaleChange) {
        // The panel's width follows its content (a wider font, longer German words); no sideways scrolling.
        m_panelScroll->setMinimumWidth(m_panelScroll->widget()->sizeHint().width() +
                                       m_panelScroll->verticalScrollBar()->sizeHint().width());
    }
    if (event->type() == QEvent::FontChange) {
        // The plot's text follows the window's font (presentation mode), all of it together.
        applyPlotFonts(*m_plot, font());
        QFont legendFont = font();
        legendFont.setPointSizeF(font().pointSizeF() * 0.8);
        m_plot->legend->setFont(legendFont);
        for (auto& probe : m_probes)
            probe.label->setFont(legendFont);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    QWidget::changeEvent(event);
}

void ToyPlayground::retranslate() {
    m_epsilon->setToolTip(tr("ℓ∞ budget: how far each poison may move in each coordinate"));
    m_sigma->setToolTip(tr("Noise level of Gaussian augmentation (lower level and retraining)"));
    m_steps->setToolTip(tr("ApproxGrad upper steps (sign steps of ε/10)"));
    m_points->setToolTip(tr("Training points drawn from each Gaussian"));
    const QPair<QWidget*, QString> rows[] = {{m_epsilon->parentWidget(), tr("ε (ℓ∞ budget)")},
                                             {m_sigma->parentWidget(), tr("σ (noise)")},
                                             {m_steps, tr("Upper steps")},
                                             {m_points, tr("Points per class")}};
    for (const auto& [field, text] : rows)
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(field))) label->setText(text);
    m_run->setText(tr("Run attack"));
    m_cancelButton->setText(tr("Cancel"));
    m_clear->setText(tr("Clear points"));
    m_clear->setToolTip(tr("Click the plot to place a point, drag a point to move it"));
    m_replay->setText(tr("Replay steps"));
    m_replay->setToolTip(tr("Play the last run's upper steps again: the poisons and the lower level's boundary"));
    m_auto->setText(tr("Rerun when ε or σ changes"));
    m_auto->setToolTip(tr("Moving a slider reruns the attack after a short pause; a run under way is cancelled"));
    m_epsilonSlider->setToolTip(m_epsilon->toolTip());
    m_sigmaSlider->setToolTip(m_sigma->toolTip());
    m_mapLabel->setText(tr("Radius map"));
    m_mapChoice->setItemText(0, tr("off"));
    m_mapChoice->setItemText(1, tr("clean classifier"));
    m_mapChoice->setItemText(2, tr("poisoned classifier"));
    m_mapChoice->setToolTip(tr("Certified radius at every point of the plane: orange where class −1 is predicted, blue "
                               "where class +1 is, white on the boundary (radius 0). A linear classifier's smoothed "
                               "version certifies exactly its distance to the boundary."));
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
    m_map->setName(m_mapKind == RadiusMap::Poisoned ? tr("radius map, poisoned") : tr("radius map, clean"));
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
    m_rerunTimer->stop();
    m_restartPending = false;
    m_replayTimer->stop();
    m_replayFrame = -1;
    const auto current = settings();
    if (current.pointsPerClass != m_dataPoints) showData(toyData(current));
    m_cancel.reset();
    m_running = true;
    // The last result stays, greyed (isStale), until this run's replaces it; only its poisons give way to the
    // moving ones.
    m_runSettings = current;
    m_recorded.clear();
    m_replay->setEnabled(false);
    m_poisons->data()->clear();
    m_poisonCount = 0;
    m_lowerBoundary->data()->clear();
    m_lowerBoundary->addToLegend();
    m_negative->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kNegativeColour, 4));
    m_run->setEnabled(false);
    m_cancelButton->setEnabled(true);
    refreshAnalytic(); // greys the last result
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

void ToyPlayground::showStep(const ToyStepView& step) {
    setPoints(m_poisons, step.poisons);
    setLine(m_lowerBoundary, step.lowerBoundary);
    m_lowerBoundary->addToLegend();
    m_progress->setRange(0, static_cast<int>(step.total));
    m_progress->setValue(static_cast<int>(step.step));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ToyPlayground::replaySteps() {
    if (m_running || m_recorded.isEmpty()) return;
    m_replay->setEnabled(false);
    m_replayFrame = 0;
    m_replayTimer->start();
}

bool ToyPlayground::isReplaying() const {
    return m_replayTimer->isActive();
}

void ToyPlayground::onStep(const ToyStepView& step) {
    if (!m_running) return;
    m_recorded.push_back(step);
    showStep(step);
    m_poisonCount = static_cast<int>(step.poisons.size());
    setStatus([done = step.step, total = step.total, upper = step.upper] {
        return done < total ? tr("Upper step %1 of %2: class −1 validation ACR %3").arg(done).arg(total).arg(fixed(upper))
                            : tr("Retraining from scratch on clean and on poisoned data…");
    });
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT stepped(step.step, step.total);
}

void ToyPlayground::onFinished(const ToyOutcome& outcome) {
    m_outcome = outcome;
    m_outcomeSettings = m_runSettings;
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
    if (m_restartPending) start(); // a new value arrived too late to cancel this run: measure it too
}

void ToyPlayground::onEnded() {
    m_running = false;
    m_lowerBoundary->data()->clear();
    m_lowerBoundary->removeFromLegend();
    m_run->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_replay->setEnabled(!m_recorded.isEmpty() && m_outcome.has_value());
    if (!m_outcome) m_negative->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kNegativeColour, kNegativeColour, 3));
    if (m_outcome) setPoints(m_poisons, m_outcome->poisons); // a cancelled rerun: the last result's poisons again
    refreshAnalytic();                                       // the stale mark and the greying
}

bool ToyPlayground::isStale() const {
    const auto now = settings();
    // While a rerun is under way the last result is stale by definition: it is about to be replaced.
    return m_outcome && (m_running || now.epsilon != m_outcomeSettings.epsilon || now.sigma != m_outcomeSettings.sigma ||
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
    refreshMap();
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
    const QPointF at = event->position();
    // A press on a point grabs it (the nearest within reach); elsewhere it places a new one, which the same drag
    // then moves.
    m_dragging = -1;
    double nearest = kGrabPixels;
    for (int i = 0; i < probeCount(); ++i) {
        const double d =
            std::hypot(m_plot->xAxis->coordToPixel(m_probes[i].x) - at.x(), m_plot->yAxis->coordToPixel(m_probes[i].y) - at.y());
        if (d <= nearest) {
            nearest = d;
            m_dragging = i;
        }
    }
    if (m_dragging < 0) {
        addProbe(m_plot->xAxis->pixelToCoord(at.x()), m_plot->yAxis->pixelToCoord(at.y()));
        m_dragging = probeCount() - 1;
    }
    m_lastProbe = m_dragging;
    refreshProbeText();
}

void ToyPlayground::onPlotMoved(QMouseEvent* event) {
    if (m_dragging < 0 || m_dragging >= probeCount()) return;
    moveProbe(m_dragging, m_plot->xAxis->pixelToCoord(event->position().x()), m_plot->yAxis->pixelToCoord(event->position().y()));
}

void ToyPlayground::moveProbe(int i, double x, double y) {
    if (i < 0 || i >= probeCount()) return;
    m_probes[i].x = x;
    m_probes[i].y = y;
    m_lastProbe = i;
    refreshProbes();
}

QPointF ToyPlayground::probePosition(int i) const {
    return i >= 0 && i < probeCount() ? QPointF(m_probes[i].x, m_probes[i].y) : QPointF();
}

QString ToyPlayground::probeText() const {
    return m_probeInfo->text();
}

void ToyPlayground::refreshProbeText() {
    if (m_lastProbe < 0 || m_lastProbe >= probeCount()) {
        m_probeInfo->clear();
        return;
    }
    const auto [clean, poisoned] = probeRadii(m_lastProbe);
    const auto& probe = m_probes[m_lastProbe];
    QString text = tr("<b>Point (%1, %2)</b>: certified radius %3 under the clean boundary")
                       .arg(fixed(probe.x, 3), fixed(probe.y, 3), fixed(clean, 3));
    if (poisoned >= 0)
        text += QStringLiteral("<br>") +
                tr("%1 under the poisoned one (%2)")
                    .arg(fixed(poisoned, 3))
                    .arg(clean > 0 ? tr("%1 %").arg(fixed((poisoned - clean) / clean * 100.0, 1)) : QStringLiteral("—"));
    m_probeInfo->setText(text);
}

void ToyPlayground::setRadiusMap(RadiusMap map) {
    m_mapKind = map;
    {
        const QSignalBlocker blocker(m_mapChoice);
        m_mapChoice->setCurrentIndex(static_cast<int>(map));
    }
    if (map == RadiusMap::Off)
        m_map->removeFromLegend();
    else
        m_map->addToLegend();
    retranslate(); // the map's legend name; refreshes the map
}

void ToyPlayground::refreshMap() {
    m_map->setVisible(m_mapKind != RadiusMap::Off);
    if (m_mapKind == RadiusMap::Off) return;
    // Before a run the poisoned classifier is the analytic one (the Bayes boundary after class −1's mean moves ε
    // away); after it, the measured boundaries.
    const ToyLine line =
        m_mapKind == RadiusMap::Clean
            ? cleanLine()
            : (poisonedLine().isValid() ? poisonedLine()
                                        : analyticToyBoundary(m_data.negativeMean, m_data.positiveMean, -settings().epsilon));
    auto* data = m_map->data();
    for (int i = 0; i < kMapCells; ++i)
        for (int j = 0; j < kMapCells; ++j) {
            double x = 0, y = 0;
            data->cellToCoord(i, j, &x, &y);
            data->setCell(i, j, signedRadius(line, x, y));
        }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double ToyPlayground::radiusMapValue(double x, double y) const {
    if (m_mapKind == RadiusMap::Off) return std::nan("");
    return m_map->data()->data(x, y);
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
    const double width = m_presentation ? 3.0 : 1.5;
    probe.clean = new QCPItemEllipse(m_plot);
    probe.clean->setPen(QPen(kCleanLineColour, width));
    probe.poisoned = new QCPItemEllipse(m_plot);
    probe.poisoned->setPen(QPen(kPoisonColour, width, Qt::DashLine));
    probe.label = new QCPItemText(m_plot);
    probe.label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    probe.label->setPadding(QMargins(3, 0, 0, 2));
    probe.label->setBrush(QColor(255, 255, 255, 190));
    probe.label->setFont(m_plot->legend->font());
    m_probes.push_back(probe);
    m_lastProbe = probeCount() - 1;
    refreshProbes();
}

void ToyPlayground::clearProbes() {
    for (const auto& probe : m_probes) {
        m_plot->removeItem(probe.clean);
        m_plot->removeItem(probe.poisoned);
        m_plot->removeItem(probe.label);
    }
    m_probes.clear();
    m_lastProbe = -1;
    m_dragging = -1;
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
    refreshProbeText();
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
