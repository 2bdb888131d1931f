#pragma once
// Every hyper-parameter of an experiment beyond the main controls, each with a tooltip that cites where the
// paper sets it. Shows the scale's defaults (ExperimentSpec::applyDefaults); a field left at "default" keeps
// the engine's default for the scale.
#include "experiment/spec.h"

#include <QWidget>

#include <functional>
#include <vector>

class QAbstractSpinBox;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;

namespace pacd::ui {

class AdvancedPanel : public QWidget {
    Q_OBJECT
  public:
    explicit AdvancedPanel(QWidget* parent = nullptr);

    /// Shows `spec`'s advanced fields.
    void setSpec(const pacd::ExperimentSpec& spec);
    /// Writes the advanced fields into `spec` (the main controls' fields are left alone).
    void applyTo(pacd::ExperimentSpec& spec) const;
    /// The field's editor, by the spec's JSON name ("T1", "n", "clean_batch"...), for tests; nullptr if none.
    QWidget* editor(const QString& jsonName) const;

  Q_SIGNALS:
    void edited();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    struct Field {
        QString jsonName;
        QWidget* editor = nullptr;
        QLabel* label = nullptr;
        std::function<void(const pacd::ExperimentSpec&)> load;
        std::function<void(pacd::ExperimentSpec&)> store;
    };
    void addInt(const QString& jsonName, std::int64_t pacd::ExperimentSpec::*member, std::int64_t minimum, std::int64_t maximum);
    void addReal(const QString& jsonName, double pacd::ExperimentSpec::*member, double minimum, double maximum, int decimals);
    void addChoice(const QString& jsonName, std::string pacd::ExperimentSpec::*member, const QStringList& values,
                   bool allowDefault);
    void addFlag(const QString& jsonName, bool pacd::ExperimentSpec::*member);
    void addRow(Field field);
    void retranslate();

    QFormLayout* m_form;
    std::vector<Field> m_fields;
};

} // namespace pacd::ui
