#include "controls/advanced_panel.h"

#include "attack/approx_grad_config.h"
#include "attack/pacd_config.h"
#include "plan/vocabulary.h"
#include "support/precision.h"
#include "training/train_config.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include <QSignalBlocker>

#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

namespace pacd::ui {

AdvancedPanel::AdvancedPanel(QWidget* parent) : QWidget(parent), m_form(new QFormLayout(this)) {
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    using S = pacd::ExperimentSpec;
    const auto arches = pacd::namesOf<pacd::Arch>();
    addInt(QStringLiteral("subset"), &S::subset, 0, 1'000'000);
    addInt(QStringLiteral("attack_epochs"), &S::attackEpochs, 1, 100'000);
    addChoice(QStringLiteral("attack_epoch"), &S::attackEpoch, pacd::namesOf<pacd::AttackEpoch>());
    addChoice(QStringLiteral("objective"), &S::objective, pacd::namesOf<pacd::AttackObjective>());
    addChoice(QStringLiteral("hessian"), &S::hessian, pacd::namesOf<pacd::LinearSolver>());
    addChoice(QStringLiteral("hvp"), &S::hvp, pacd::namesOf<pacd::HessianProduct>());
    addInt(QStringLiteral("T1"), &S::lowerSteps, 0, 100'000);
    addInt(QStringLiteral("T2"), &S::linearSteps, 1, 100'000);
    addReal(QStringLiteral("beta"), &S::beta, 1e-6, 10.0, 6);
    addReal(QStringLiteral("rho"), &S::rho, 0.0, 1000.0, 4);
    addChoice(QStringLiteral("poison_step"), &S::poisonStep, pacd::namesOf<pacd::PoisonStep>());
    addReal(QStringLiteral("poison_lr"), &S::poisonLearningRate, 1e-6, 10.0, 6);
    addInt(QStringLiteral("k"), &S::upperSamples, 1, 100'000);
    addInt(QStringLiteral("clean_batch"), &S::cleanBatch, 1, 100'000);
    addInt(QStringLiteral("poison_batch"), &S::poisonBatch, 1, 100'000);
    addInt(QStringLiteral("val_batch"), &S::validationBatch, 1, 100'000);
    addChoice(QStringLiteral("retrain_defense"), &S::retrainDefense, pacd::namesOf<pacd::TrainMethod>());
    addChoice(QStringLiteral("poison_arch"), &S::poisonArch, arches);
    addChoice(QStringLiteral("retrain_arch"), &S::retrainArch, arches);
    addChoice(QStringLiteral("mode"), &S::mode, pacd::namesOf<pacd::PoisonMode>());
    addInt(QStringLiteral("target_points"), &S::targetPoints, 1, 100'000);
    addInt(QStringLiteral("poison_count"), &S::poisonCount, 1, 1'000'000);
    addInt(QStringLiteral("seeds"), &S::seeds, 1, 1000);
    addInt(QStringLiteral("train_epochs"), &S::trainEpochs, 1, 100'000);
    addReal(QStringLiteral("learning_rate"), &S::learningRate, 1e-6, 10.0, 6);
    addReal(QStringLiteral("weight_decay"), &S::weightDecay, 0.0, 10.0, 5);
    addFlag(QStringLiteral("watermark"), &S::watermark);
    addFlag(QStringLiteral("measure_pgd"), &S::measurePgd);
    addInt(QStringLiteral("n0"), &S::n0, 1, 100'000'000);
    addInt(QStringLiteral("n"), &S::n, 1, 1'000'000'000);
    addReal(QStringLiteral("alpha"), &S::alpha, 1e-9, 0.5, 6);
    addInt(QStringLiteral("points"), &S::points, 1, 1'000'000);
    addChoice(QStringLiteral("precision"), &S::precision, pacd::namesOf<pacd::Precision>());
    retranslate();
}

void AdvancedPanel::addRow(Field field) {
    field.label = new QLabel(this);
    field.editor->setObjectName(field.jsonName);
    m_form->addRow(field.label, field.editor);
    m_fields.push_back(std::move(field));
}

namespace {

template <typename T> constexpr bool isOptional = false;
template <typename T> constexpr bool isOptional<std::optional<T>> = true;

// "default" (an unset optional) is shown as the spin box's minimum, one step below the field's own.
template <typename Value> double shownValue(const Value& value, double unset) {
    if constexpr (isOptional<Value>)
        return value ? static_cast<double>(*value) : unset;
    else
        return static_cast<double>(value);
}

template <typename Value> void storeValue(Value& target, double shown, double minimum) {
    if constexpr (isOptional<Value>) {
        if (shown < minimum)
            target.reset();
        else
            target = static_cast<typename Value::value_type>(shown);
    } else {
        target = static_cast<Value>(shown);
    }
}

} // namespace

template <typename Member>
void AdvancedPanel::addInt(const QString& jsonName, Member member, std::int64_t minimum, std::int64_t maximum) {
    using Value = std::remove_reference_t<decltype(std::declval<pacd::ExperimentSpec&>().*member)>;
    auto* box = new QSpinBox(this);
    box->setObjectName(jsonName);
    const int top = static_cast<int>(std::min<std::int64_t>(maximum, std::numeric_limits<int>::max()));
    box->setRange(isOptional<Value> ? -1 : static_cast<int>(minimum), top);
    if (isOptional<Value>) box->setSpecialValueText(QStringLiteral("default"));
    box->setGroupSeparatorShown(true);
    connect(box, &QSpinBox::valueChanged, this, &AdvancedPanel::edited);
    Field field;
    field.jsonName = jsonName;
    field.editor = box;
    field.load = [box, member](const pacd::ExperimentSpec& spec) {
        box->setValue(static_cast<int>(shownValue(spec.*member, -1)));
    };
    field.store = [box, member, minimum](pacd::ExperimentSpec& spec) {
        storeValue(spec.*member, box->value(), static_cast<double>(minimum));
    };
    addRow(std::move(field));
}

template <typename Member>
void AdvancedPanel::addReal(const QString& jsonName, Member member, double minimum, double maximum, int decimals) {
    using Value = std::remove_reference_t<decltype(std::declval<pacd::ExperimentSpec&>().*member)>;
    auto* box = new QDoubleSpinBox(this);
    box->setObjectName(jsonName);
    box->setDecimals(decimals);
    box->setRange(isOptional<Value> ? -1.0 : minimum, maximum);
    if (isOptional<Value>) box->setSpecialValueText(QStringLiteral("default"));
    box->setSingleStep(std::pow(10.0, -std::min(decimals, 3)));
    connect(box, &QDoubleSpinBox::valueChanged, this, &AdvancedPanel::edited);
    Field field;
    field.jsonName = jsonName;
    field.editor = box;
    field.load = [box, member](const pacd::ExperimentSpec& spec) { box->setValue(shownValue(spec.*member, -1.0)); };
    field.store = [box, member, minimum](pacd::ExperimentSpec& spec) { storeValue(spec.*member, box->value(), minimum); };
    addRow(std::move(field));
}

template <typename Member>
void AdvancedPanel::addChoice(const QString& jsonName, Member member, const std::vector<std::string>& values) {
    using Value = std::remove_reference_t<decltype(std::declval<pacd::ExperimentSpec&>().*member)>;
    auto* combo = new QComboBox(this);
    if (isOptional<Value>) combo->addItem(QStringLiteral("default"), QString());
    for (const auto& value : values)
        combo->addItem(QString::fromStdString(value), QString::fromStdString(value));
    connect(combo, &QComboBox::currentIndexChanged, this, &AdvancedPanel::edited);
    Field field;
    field.jsonName = jsonName;
    field.editor = combo;
    field.load = [combo, member](const pacd::ExperimentSpec& spec) {
        const auto& value = spec.*member;
        std::string text;
        if constexpr (isOptional<Value>)
            text = value.value_or(std::string());
        else
            text = value;
        combo->setCurrentIndex(std::max(0, combo->findData(QString::fromStdString(text))));
    };
    field.store = [combo, member](pacd::ExperimentSpec& spec) {
        const auto text = combo->currentData().toString().toStdString();
        if constexpr (isOptional<Value>) {
            if (text.empty())
                (spec.*member).reset();
            else
                spec.*member = text;
        } else {
            spec.*member = text;
        }
    };
    addRow(std::move(field));
}

void AdvancedPanel::addFlag(const QString& jsonName, bool pacd::ExperimentSpec::*member) {
    auto* box = new QCheckBox(this);
    connect(box, &QCheckBox::toggled, this, &AdvancedPanel::edited);
    Field field;
    field.jsonName = jsonName;
    field.editor = box;
    field.load = [box, member](const pacd::ExperimentSpec& spec) { box->setChecked(spec.*member); };
    field.store = [box, member](pacd::ExperimentSpec& spec) { spec.*member = box->isChecked(); };
    addRow(std::move(field));
}

void AdvancedPanel::setSpec(const pacd::ExperimentSpec& spec) {
    const QSignalBlocker block(this);
    for (const auto& field : m_fields)
        field.load(spec);
}

void AdvancedPanel::applyTo(pacd::ExperimentSpec& spec) const {
    for (const auto& field : m_fields)
        field.store(spec);
}

QWidget* AdvancedPanel::editor(const QString& jsonName) const {
    for (const auto& field : m_fields)
        if (field.jsonName == jsonName) return field.editor;
    return nullptr;
}

void AdvancedPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void AdvancedPanel::retranslate() {
    struct Text {
        const char* name;
        QString label, tip;
    };
    const Text texts[] = {
        {"subset", tr("Training subset"),
         tr("Stratified subset of the training split (0 = all). The paper trains on all 55,000 MNIST / 45,000 CIFAR-10 training "
            "points (App. E.1).")},
        {"attack_epochs", tr("Attack epochs P"), tr("Epochs of Alg. 1 (see Epoch over). Paper: P = 50 (App. E.3).")},
        {"attack_epoch", tr("Epoch over"),
         tr("What one attack epoch passes over: poisons (⌈poisons / poison batch⌉ upper steps) or clean-data (at least "
            "⌈clean points / clean batch⌉ steps, the poisons cycled, as the authors count). Default: clean-data in points "
            "mode (App. D.6: 500 poisons are 25 steps a pass but ~250 an epoch over CIFAR-10), poisons in class mode, where "
            "the two agree to within a few per cent.")},
        {"objective", tr("Upper objective"),
         tr("What the attack makes worse on the target class: soft-acr, the soft smoothed classifier's certified radius "
            "(PACD, §3.2), or cross-entropy, the base classifier's loss, maximised (standard bilevel poisoning, App. D.1 "
            "Eq. 4: Table 1). Default: cross-entropy when the attack's lower level is standard training, else soft-acr.")},
        {"hessian", tr("Linear solver"),
         tr("How ApproxGrad solves (∇²θθζ + ρI)q = ∇θξ: Adam on the residual as in the paper (Alg. 2, App. C.1), conjugate "
            "gradient, or the first-order shortcut q = ∇θξ.")},
        {"hvp", tr("Hessian products"),
         tr("How the approxgrad and cg solvers multiply by ∇²θθζ: autograd's double backward (exact), or central "
            "differences of two gradients at θ ± h·v (no second-order graph; exact on quadratics, approximate on ReLU "
            "networks).")},
        {"T1", tr("Lower-level steps T1"),
         tr("Steps on the victim's weights per upper step (Alg. 2). Paper: T1 = 10; SmoothAdv T1 = 1 (App. E.3).")},
        {"T2", tr("Linear-system steps T2"), tr("Steps of the linear solve per upper step (Alg. 2). Paper: T2 = 10 (App. E.3).")},
        {"beta", tr("Linear-solve rate β"),
         tr("Adam's learning rate of the approxgrad solver's q-solve. Alg. 2: 0.001 (App. E.3 prints 0.01, which diverges on "
            "the MNIST CNN).")},
        {"rho", tr("Damping ρ"),
         tr("ρ of (∇²θθζ + ρI)q = ∇θξ. App. E.3: 0.001. The cg solver needs about 10 on the MNIST CNN, whose Hessian is "
            "indefinite.")},
        {"poison_step", tr("Poison step"),
         tr("How the poisons follow the hypergradient: adam (per-poison Adam, the authors' code) or sign (ε/10 per step).")},
        {"poison_lr", tr("Poison learning rate"), tr("Adam's learning rate on the poisons. The authors' code: 0.1.")},
        {"k", tr("Upper-level noise samples"),
         tr("Noise samples of the soft smoothed classifier whose ACR is the upper-level objective (§3.2). Paper: 20 on MNIST "
            "(App. E.3).")},
        {"clean_batch", tr("Clean points per batch"),
         tr("Clean points in each lower-level minibatch. Paper: MNIST 900 of 1,000, CIFAR-10 180 of 200 (App. E.3).")},
        {"poison_batch", tr("Poisons per batch"),
         tr("Poisons in each lower-level minibatch. Paper: MNIST 100, CIFAR-10 20 (App. E.3).")},
        {"val_batch", tr("Validation points per step"),
         tr("Target-class validation points of each upper step. Paper: MNIST 100, CIFAR-10 20 (App. E.1, E.3).")},
        {"retrain_defense", tr("Victims' defense"),
         tr("How the victims are retrained; another defense than the attack's tests transfer (§4.5, Fig. 4).")},
        {"poison_arch", tr("Attack model"),
         tr("Architecture of the attack's lower level. Paper: the MNIST CNN, ResNet-20 on CIFAR-10 (App. E.2).")},
        {"retrain_arch", tr("Victim model"),
         tr("Architecture of the retrained victims; a deeper one tests transfer (App. D.4).")},
        {"mode", tr("What is attacked"),
         tr("class: every training point of the target class (§3.3); points: the points nearest single test points (App. D.6).")},
        {"target_points", tr("Target test points"), tr("Points mode: test points attacked one at a time. Paper: 5 (App. D.6).")},
        {"poison_count", tr("Poisons per point"),
         tr("Points mode: nearest target-class training points poisoned. Paper: 500, 1 % of the data (App. D.6).")},
        {"seeds", tr("Victims per data set"),
         tr("Victims trained from scratch on clean, watermarked and poisoned data. Paper: five initialisations (§4).")},
        {"train_epochs", tr("Victim epochs"), tr("Epochs of victim training. Paper: 100 epochs, Adam, batch 200 (App. E.2).")},
        {"learning_rate", tr("Victim learning rate"), tr("Adam's learning rate for the victims. Paper: 0.001 (App. E.2).")},
        {"weight_decay", tr("Weight decay"), tr("L2 penalty of the victims: 0, 1e-4, 1e-2 or 1e-1 in Table 7 (App. D.5).")},
        {"watermark", tr("Watermark baseline"),
         tr("Also train victims on watermarked data: another class's image at opacity 0.1, clipped to ε (App. E.3).")},
        {"measure_pgd", tr("Measure PGD distortion"),
         tr("Also measure the smoothed victims' empirical robustness: the ℓ2 distortion PGD needs (§4.6, Table 5).")},
        {"n0", tr("CERTIFY n0"), tr("Selection samples of Cohen et al.'s CERTIFY. Paper: n0 = 100 (App. E.3).")},
        {"n", tr("CERTIFY n"),
         tr("Estimation samples of CERTIFY; with few, the certifiable radius is capped. Paper: n = 100,000 (App. E.3).")},
        {"alpha", tr("CERTIFY α"), tr("Failure probability of each certificate. Paper: α = 0.001 (App. E.3).")},
        {"points", tr("Certified test points"), tr("Target-class test points certified per victim. Paper: 500 (App. E.1).")},
        {"precision", tr("Precision"),
         tr("Arithmetic of the attack's lower level, of training and of certification. fp32 is the exact reference; bf16 runs "
            "convolutions and linear layers in bfloat16 (AMX, AVX512-BF16, tensor cores), faster, and certifies the smoothed "
            "classifier of the bf16 model; auto (the default) picks bf16 where the device has native bf16 units.")},
    };
    for (auto& field : m_fields) {
        for (const auto& text : texts) {
            if (field.jsonName != QLatin1String(text.name)) continue;
            field.label->setText(text.label);
            field.label->setToolTip(text.tip);
            field.editor->setToolTip(text.tip);
        }
        if (auto* box = qobject_cast<QAbstractSpinBox*>(field.editor); box && !box->specialValueText().isEmpty())
            box->setSpecialValueText(tr("default"));
        if (auto* combo = qobject_cast<QComboBox*>(field.editor); combo && combo->itemData(0).toString().isEmpty())
            combo->setItemText(0, tr("default"));
    }
}

} // namespace pacd::ui
