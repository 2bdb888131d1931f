#include "controls/experiment_form.h"

#include "controls/input_guard.h"

#include "plan/experiment_plan.h"

#include "controls/advanced_panel.h"
#include "controls/collapsible_section.h"
#include "controls/epsilon_control.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <exception>

namespace pacd::ui {

ExperimentForm::ExperimentForm(QWidget* parent)
    : QWidget(parent), m_dataset(new QComboBox(this)), m_fetch(new QPushButton(this)), m_target(new QComboBox(this)),
      m_defense(new QComboBox(this)), m_sigma(new QDoubleSpinBox(this)), m_epsilon(new EpsilonControl(this)),
      m_scale(new QComboBox(this)), m_name(new QLineEdit(this)), m_advanced(new AdvancedPanel),
      m_advancedSection(new CollapsibleSection(this)) {
    m_dataset->setObjectName(QStringLiteral("dataset"));
    m_target->setObjectName(QStringLiteral("target"));
    m_defense->setObjectName(QStringLiteral("defense"));
    m_sigma->setObjectName(QStringLiteral("sigma"));
    m_scale->setObjectName(QStringLiteral("scale"));
    m_target->setIconSize(QSize(28, 28));
    // The certified defenses (the advanced panel also offers standard training for the victims).
    for (const auto defense : {pacd::TrainMethod::GaussianAugmentation, pacd::TrainMethod::Macer, pacd::TrainMethod::SmoothAdv})
        m_defense->addItem(QString(), QString::fromStdString(pacd::nameOf(defense)));
    for (const auto& scale : pacd::namesOf<pacd::Scale>())
        m_scale->addItem(QString(), QString::fromStdString(scale));
    m_sigma->setRange(0.01, 4.0);
    m_sigma->setDecimals(3);
    m_sigma->setSingleStep(0.05);
    m_sigma->setValue(0.25);

    auto* datasetRow = new QHBoxLayout;
    datasetRow->addWidget(m_dataset, 1);
    datasetRow->addWidget(m_fetch);
    auto* form = new QFormLayout;
    for (auto*& label : m_labels)
        label = new QLabel(this);
    form->addRow(m_labels[0], datasetRow);
    form->addRow(m_labels[1], m_target);
    form->addRow(m_labels[2], m_defense);
    form->addRow(m_labels[3], m_sigma);
    form->addRow(m_labels[4], m_epsilon);
    form->addRow(m_labels[5], m_scale);
    form->addRow(m_labels[6], m_name);
    m_advancedSection->setContent(m_advanced);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_advancedSection);
    layout->addStretch(1);

    connect(m_fetch, &QPushButton::clicked, this, [this] { Q_EMIT fetchRequested(QStringLiteral("cifar10")); });
    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this] {
        loadThumbnails();
        reloadDefaults();
    });
    connect(m_defense, &QComboBox::currentIndexChanged, this, &ExperimentForm::reloadDefaults);
    connect(m_scale, &QComboBox::currentIndexChanged, this, &ExperimentForm::reloadDefaults);
    for (auto* combo : {m_target, m_defense, m_scale, m_dataset})
        connect(combo, &QComboBox::currentIndexChanged, this, &ExperimentForm::specChanged);
    connect(m_sigma, &QDoubleSpinBox::valueChanged, this, &ExperimentForm::specChanged);
    connect(m_epsilon, &EpsilonControl::valueChanged, this, &ExperimentForm::specChanged);
    connect(m_advanced, &AdvancedPanel::edited, this, [this] {
        // Points mode has its own ε (App. D.6: 0.06) and defaults: switching mode reloads them.
        pacd::ExperimentSpec edited;
        m_advanced->applyTo(edited);
        if (edited.mode != m_mode) reloadDefaults();
        Q_EMIT specChanged();
    });

    retranslate();
    setDataDir({});
    guardInputs(this); // after every editor exists, the advanced panel's included
}

void ExperimentForm::setDataDir(const QString& dataDir) {
    m_dataDir = dataDir;
    refreshDatasets();
}

void ExperimentForm::refreshDatasets() {
    const QString current = m_dataset->currentData().toString();
    m_datasets = experimentDatasets(m_dataDir);
    {
        const QSignalBlocker block(m_dataset);
        m_dataset->clear();
        for (const auto& info : m_datasets) {
            m_dataset->addItem(datasetText(info), info.name);
            m_dataset->setItemData(m_dataset->count() - 1, info.present ? info.description : info.howToGet, Qt::ToolTipRole);
        }
        // Keep the choice; else the first present data set (MNIST after bootstrap).
        int at = m_dataset->findData(current.isEmpty() ? QStringLiteral("mnist") : current);
        if (at < 0) at = 0;
        m_dataset->setCurrentIndex(at);
    }
    bool cifarPresent = false;
    for (const auto& info : m_datasets)
        if (info.name == QLatin1String("cifar10")) cifarPresent = info.present;
    m_fetch->setEnabled(!cifarPresent);
    m_thumbnailsFor.clear();
    loadThumbnails();
    reloadDefaults();
}

void ExperimentForm::loadThumbnails() {
    const QString dataset = m_dataset->currentData().toString();
    if (dataset == m_thumbnailsFor && m_target->count() > 0) return;
    m_thumbnailsFor = dataset;
    const int current = std::max(0, m_target->currentIndex() < 0 ? 8 : m_target->currentIndex());
    const auto thumbs = classThumbnails(dataset, m_dataDir);
    const QSignalBlocker block(m_target);
    m_target->clear();
    for (int c = 0; c < 10; ++c) {
        const QString name = c < thumbs.classNames.size() ? thumbs.classNames[c] : QString::number(c);
        const QString text = name == QString::number(c) ? name : QStringLiteral("%1 — %2").arg(c).arg(name);
        QIcon icon;
        if (c < thumbs.images.size() && !thumbs.images[c].isNull())
            icon = QIcon(QPixmap::fromImage(thumbs.images[c].scaled(56, 56, Qt::KeepAspectRatio, Qt::FastTransformation)));
        m_target->addItem(icon, text, c);
    }
    m_target->setCurrentIndex(std::min(current, m_target->count() - 1));
}

void ExperimentForm::reloadDefaults() {
    pacd::ExperimentSpec defaults;
    defaults.dataset = m_dataset->currentData().toString().toStdString();
    defaults.scale = m_scale->currentData().toString().toStdString();
    defaults.poisonDefense = defaults.retrainDefense = m_defense->currentData().toString().toStdString();
    pacd::ExperimentSpec edited;
    m_advanced->applyTo(edited);
    defaults.mode = edited.mode;
    if (defaults.dataset.empty()) defaults.dataset = pacd::nameOf(pacd::DatasetId::Mnist);
    m_mode = defaults.mode;
    try {
        const auto plan = pacd::resolve(defaults);
        m_advanced->setSpec(plan.spec);
        // ε follows its default only when the default moves (data set, mode): a budget the user chose survives a
        // change of scale or defense.
        if (plan.epsilon != m_defaultEpsilon) m_epsilon->setValue(plan.epsilon);
        m_defaultEpsilon = plan.epsilon;
    } catch (const std::exception&) {
        // An unknown data set has no defaults; the advanced fields then stay "default".
        m_advanced->setSpec(defaults);
    }
}

pacd::ExperimentSpec ExperimentForm::spec() const {
    pacd::ExperimentSpec spec;
    m_advanced->applyTo(spec);
    spec.name = m_name->text().toStdString();
    spec.dataset = m_dataset->currentData().toString().toStdString();
    spec.target = m_target->currentData().toInt();
    spec.poisonDefense = m_defense->currentData().toString().toStdString();
    if (spec.retrainDefense.empty()) spec.retrainDefense = spec.poisonDefense;
    spec.sigma = m_sigma->value();
    spec.epsilon = m_epsilon->value();
    spec.scale = m_scale->currentData().toString().toStdString();
    return spec;
}

void ExperimentForm::setSpec(const pacd::ExperimentSpec& spec) {
    const QSignalBlocker blockDataset(m_dataset), blockScale(m_scale), blockDefense(m_defense);
    const int dataset = m_dataset->findData(QString::fromStdString(spec.dataset));
    if (dataset >= 0) m_dataset->setCurrentIndex(dataset);
    loadThumbnails();
    m_target->setCurrentIndex(m_target->findData(static_cast<int>(spec.target)));
    const int defense = m_defense->findData(QString::fromStdString(spec.poisonDefense));
    if (defense >= 0) m_defense->setCurrentIndex(defense);
    const int scale = m_scale->findData(QString::fromStdString(spec.scale));
    if (scale >= 0) m_scale->setCurrentIndex(scale);
    m_sigma->setValue(spec.sigma);
    try {
        m_defaultEpsilon = pacd::resolve(spec).epsilon;
    } catch (const std::exception&) {
        // An invalid spec keeps the control's value; problem() says what is wrong.
    }
    if (spec.epsilon)
        m_epsilon->setValue(*spec.epsilon);
    else if (m_defaultEpsilon >= 0)
        m_epsilon->setValue(m_defaultEpsilon);
    m_mode = spec.mode;
    m_name->setText(QString::fromStdString(spec.name));
    m_advanced->setSpec(spec);
    Q_EMIT specChanged();
}

std::optional<pacd::ExperimentPlan> ExperimentForm::resolved(QString* problem) const {
    const QString dataset = m_dataset->currentData().toString();
    for (const auto& info : m_datasets)
        if (info.name == dataset && !info.present) {
            if (problem)
                *problem = tr("The data set %1 is not in the data directory %2. Get it with: %3")
                               .arg(info.name, resolvedDataDir(m_dataDir), info.howToGet);
            return std::nullopt;
        }
    try {
        return pacd::resolve(spec());
    } catch (const std::exception& e) {
        if (problem) *problem = tr("This experiment cannot run: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

QString ExperimentForm::problem() const {
    QString out;
    resolved(&out);
    return out;
}

void ExperimentForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ExperimentForm::retranslate() {
    m_labels[0]->setText(tr("Data set"));
    m_labels[1]->setText(tr("Target class"));
    m_labels[2]->setText(tr("Defense"));
    m_labels[3]->setText(tr("Noise σ"));
    m_labels[4]->setText(tr("Budget ε"));
    m_labels[5]->setText(tr("Scale"));
    m_labels[6]->setText(tr("Name"));
    m_fetch->setText(tr("Fetch CIFAR-10"));
    m_fetch->setToolTip(tr("Download CIFAR-10 (163 MB, MD5 verified) into the data directory; needs a network connection."));
    m_dataset->setToolTip(tr("Data sets in the data directory; MNIST and Fashion-MNIST come with bootstrap.sh."));
    m_target->setToolTip(tr("The class whose certified radius the attack shrinks; its training points are poisoned (§3.3). "
                            "Paper: MNIST 8, CIFAR-10 ship."));
    for (int i = 0; i < m_defense->count(); ++i)
        m_defense->setItemText(i,
                               defenseName(pacd::parseName<pacd::TrainMethod>(m_defense->itemData(i).toString().toStdString())));
    m_defense->setToolTip(
        tr("The certified defense the attack targets and the victims use: GA (§4.1), MACER (§4.2), SmoothAdv (§4.3)."));
    m_sigma->setToolTip(tr("Standard deviation of the smoothing noise, for the attack, the victims and certification. Paper: "
                           "0.25 and 0.5 (Tables 2-4)."));
    m_scale->setItemText(0, tr("demo (minutes on a laptop CPU)"));
    m_scale->setItemText(1, tr("paper (hours on a GPU)"));
    m_scale->setToolTip(tr("Picks the defaults: demo shrinks data, epochs and samples to run in minutes on 2 CPU cores; paper "
                           "uses App. E.3's settings."));
    m_name->setPlaceholderText(tr("optional, shown in tables"));
    m_advancedSection->setTitle(tr("Advanced hyper-parameters"));
    m_advancedSection->setToolTip(tr("Changing the data set, defense or scale reloads their defaults."));
    const QSignalBlocker block(m_dataset);
    for (int i = 0; i < m_dataset->count() && i < m_datasets.size(); ++i)
        m_dataset->setItemText(i, datasetText(m_datasets[i]));
}

QString ExperimentForm::datasetText(const DatasetInfo& info) {
    QString name = info.name;
    try {
        name = datasetName(pacd::parseName<pacd::DatasetId>(info.name.toStdString()));
    } catch (const std::exception&) {
        // A catalog entry without a DatasetId (none today): its catalog name.
    }
    return info.present ? name : tr("%1 (not downloaded)").arg(name);
}

QString ExperimentForm::datasetName(pacd::DatasetId dataset) {
    switch (dataset) {
    case pacd::DatasetId::Mnist:
        return QStringLiteral("MNIST");
    case pacd::DatasetId::FashionMnist:
        return QStringLiteral("Fashion-MNIST");
    case pacd::DatasetId::Cifar10:
        return QStringLiteral("CIFAR-10");
    case pacd::DatasetId::ToyGaussians:
        break;
    }
    return tr("two Gaussians (toy)");
}

QString ExperimentForm::defenseName(pacd::TrainMethod defense) {
    switch (defense) {
    case pacd::TrainMethod::GaussianAugmentation:
        return tr("Gaussian augmentation (GA)");
    case pacd::TrainMethod::Macer:
        return tr("MACER");
    case pacd::TrainMethod::SmoothAdv:
        return tr("SmoothAdv");
    case pacd::TrainMethod::Standard:
        break;
    }
    return tr("standard training");
}

QString ExperimentForm::summary(const pacd::ExperimentPlan& plan, const QLocale& locale) const {
    // The target as the form's list shows it ("3 — cat"), when the list is the plan's data set's.
    QString target = locale.toString(plan.target);
    if (m_dataset->currentData().toString() == QString::fromStdString(pacd::nameOf(plan.dataset)) &&
        plan.target < m_target->count())
        target = m_target->itemText(static_cast<int>(plan.target));
    return tr("%1, target class %2, %3, σ = %4, ε = %5")
        .arg(datasetName(plan.dataset), target, defenseName(plan.poisonDefense), locale.toString(plan.spec.sigma),
             locale.toString(plan.epsilon));
}

} // namespace pacd::ui
