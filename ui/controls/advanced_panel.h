#pragma once
// Every hyper-parameter of an experiment beyond the main controls, each with a tooltip that cites where the
// paper sets it. Shows the scale's defaults (as resolve() fills them); a field left at "default" stays unset and
// keeps the engine's default for the scale. Every list of names comes from core's vocabularies.
#include "plan/spec.h"

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
    // Members are plain (always set) or std::optional (unset = "default").
    template <typename Member> void addInt(const QString& jsonName, Member member, std::int64_t minimum, std::int64_t maximum);
    template <typename Member> void addReal(const QString& jsonName, Member member, double minimum, double maximum, int decimals);
    template <typename Member> void addChoice(const QString& jsonName, Member member, const std::vector<std::string>& values);
    void addFlag(const QString& jsonName, bool pacd::ExperimentSpec::*member);
    void addRow(Field field);
    void retranslate();

    QFormLayout* m_form;
    std::vector<Field> m_fields;
};

} // namespace pacd::ui
