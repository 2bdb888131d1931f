#pragma once
// A titled section that folds away (the advanced hyper-parameters): an arrow button over a content widget.
#include <QWidget>

class QToolButton;

namespace pacd::ui {

class CollapsibleSection : public QWidget {
    Q_OBJECT
  public:
    explicit CollapsibleSection(QWidget* parent = nullptr);
    void setTitle(const QString& title);
    /// Takes ownership of `content`.
    void setContent(QWidget* content);
    bool isExpanded() const;

  public Q_SLOTS:
    void setExpanded(bool expanded);

  private:
    QToolButton* m_toggle;
    QWidget* m_content = nullptr;
};

} // namespace pacd::ui
