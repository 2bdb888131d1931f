#pragma once
// The experiment's main controls: data set (with a fetch button for CIFAR-10), target class with thumbnails,
// defense, σ, ε, scale, and the collapsible advanced panel. Produces and shows a pacd::ExperimentSpec.
#include "engine/engine_info.h"
#include "plan/experiment_plan.h"

#include <QWidget>

#include <optional>
#include <string>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QLocale;
class QPushButton;

namespace pacd::ui {

class AdvancedPanel;
class CollapsibleSection;
class EpsilonControl;

class ExperimentForm : public QWidget {
    Q_OBJECT
  public:
    explicit ExperimentForm(QWidget* parent = nullptr);

    /// The spec the controls describe (fields left at "default" stay unset: the engine fills them per scale).
    pacd::ExperimentSpec spec() const;
    /// Shows a spec (e.g. one opened from a file).
    void setSpec(const pacd::ExperimentSpec& spec);
    /// Why this spec cannot run now (a missing data set, an invalid value: the engine's message), or empty.
    QString problem() const;
    /// The form's spec resolved (the one resolve() of a Start), or nullopt with `problem` saying why not.
    std::optional<pacd::ExperimentPlan> resolved(QString* problem = nullptr) const;

    /// Re-reads which data sets are present (after a fetch) from `dataDir` ("" = the resolved default).
    void setDataDir(const QString& dataDir);
    void refreshDatasets();

    /// What the form calls a data set and a defense ("MNIST", "Gaussian augmentation (GA)"), in the current
    /// language: the form's lists and every summary of a spec (presentation mode's strip) read these.
    static QString datasetName(pacd::DatasetId dataset);
    static QString defenseName(pacd::TrainMethod defense);
    /// "MNIST, target class 8, Gaussian augmentation (GA), σ = 0.25, ε = 0.1" with the target's class name where the
    /// data set has one ("3 — cat"), numbers in `locale`.
    QString summary(const pacd::ExperimentPlan& plan, const QLocale& locale) const;

    QComboBox* datasetBox() const { return m_dataset; }
    QComboBox* targetBox() const { return m_target; }
    QComboBox* defenseBox() const { return m_defense; }
    QComboBox* scaleBox() const { return m_scale; }
    QDoubleSpinBox* sigmaBox() const { return m_sigma; }
    EpsilonControl* epsilon() const { return m_epsilon; }
    AdvancedPanel* advanced() const { return m_advanced; }
    CollapsibleSection* advancedSection() const { return m_advancedSection; }

  Q_SIGNALS:
    void fetchRequested(const QString& dataset);
    void specChanged();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    /// A data set's entry in the list: its name, and whether it still needs downloading.
    static QString datasetText(const DatasetInfo& info);
    void loadThumbnails();
    void reloadDefaults();

    QString m_dataDir;
    QVector<DatasetInfo> m_datasets;
    QComboBox* m_dataset;
    QPushButton* m_fetch;
    QComboBox* m_target;
    QComboBox* m_defense;
    QDoubleSpinBox* m_sigma;
    EpsilonControl* m_epsilon;
    QComboBox* m_scale;
    QLineEdit* m_name;
    AdvancedPanel* m_advanced;
    CollapsibleSection* m_advancedSection;
    QLabel* m_labels[7] = {};
    QString m_thumbnailsFor;
    std::string m_mode = "class"; ///< the mode whose defaults are shown
    double m_defaultEpsilon = -1; ///< the ε default last shown (resolve() of the data set and mode)
};

} // namespace pacd::ui
