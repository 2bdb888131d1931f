#include "controls/collapsible_section.h"

#include <QToolButton>
#include <QVBoxLayout>

namespace pacd::ui {

CollapsibleSection::CollapsibleSection(QWidget* parent) : QWidget(parent), m_toggle(new QToolButton(this)) {
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setAutoRaise(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toggle);
    connect(m_toggle, &QToolButton::toggled, this, &CollapsibleSection::setExpanded);
}

void CollapsibleSection::setTitle(const QString& title) {
    m_toggle->setText(title);
}

void CollapsibleSection::setContent(QWidget* content) {
    delete m_content;
    m_content = content;
    layout()->addWidget(m_content);
    m_content->setVisible(isExpanded());
}

bool CollapsibleSection::isExpanded() const {
    return m_toggle->isChecked();
}

void CollapsibleSection::setExpanded(bool expanded) {
    if (m_toggle->isChecked() != expanded) m_toggle->setChecked(expanded); // re-enters through toggled()
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    if (m_content) m_content->setVisible(expanded);
}

} // namespace pacd::ui
