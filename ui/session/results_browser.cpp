#include "session/results_browser.h"

#include "results/results_store.h"
#include "support/error.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <exception>

namespace pacd::ui {
namespace {
enum Column { Id, Name, Status, Started, Wall, AcrClean, AcrPoison, Columns };

QString acrText(double acr) {
    return acr < 0 ? QStringLiteral("—") : QString::number(acr, 'f', 3);
}
} // namespace

ResultsBrowser::ResultsBrowser(const QString& storeFile, QWidget* parent)
    : QDialog(parent),
      m_storeFile(storeFile.isEmpty() ? QString::fromStdString(pacd::ResultsStore::defaultPath().string()) : storeFile),
      m_status(new QLabel(this)), m_table(new QTableWidget(0, Columns, this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this)) {
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &QDialog::accept);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_buttons->button(QDialogButtonBox::Open)->setEnabled(!m_table->selectedItems().isEmpty()); });
    resize(760, 420);
    retranslate();
    reload();
}

void ResultsBrowser::reload() {
    m_table->setRowCount(0);
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(false);
    if (!QFileInfo::exists(m_storeFile)) {
        m_status->setText(tr("No results store yet at %1: runs are stored there when they finish.").arg(m_storeFile));
        return;
    }
    try {
        const pacd::ResultsStore store(m_storeFile.toStdString());
        const auto runs = store.list();
        m_table->setRowCount(static_cast<int>(runs.size()));
        for (int row = 0; row < static_cast<int>(runs.size()); ++row) {
            const auto& run = runs[static_cast<std::size_t>(row)];
            const QStringList cells{QString::number(run.id),
                                    QString::fromStdString(run.name.empty() ? run.preset : run.name),
                                    QString::fromStdString(run.status),
                                    QString::fromStdString(run.startedAt),
                                    QString::number(run.wallSeconds / 60.0, 'f', 1),
                                    acrText(run.acrClean),
                                    acrText(run.acrPoison)};
            for (int column = 0; column < Columns; ++column)
                m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
            m_table->item(row, Id)->setData(Qt::UserRole, static_cast<qlonglong>(run.id));
        }
        m_status->setText(tr("%n run(s) in %1", nullptr, static_cast<int>(runs.size())).arg(m_storeFile));
    } catch (const std::exception& e) {
        m_status->setText(tr("Cannot read the results store: %1").arg(QString::fromUtf8(e.what())));
    }
}

pacd::RunRecord ResultsBrowser::selectedRecord() const {
    const auto rows = m_table->selectionModel()->selectedRows(Id);
    pacd::require(!rows.isEmpty(), "no run selected");
    const pacd::ResultsStore store(m_storeFile.toStdString());
    return store.get(rows.first().data(Qt::UserRole).toLongLong());
}

void ResultsBrowser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

void ResultsBrowser::retranslate() {
    setWindowTitle(tr("Past runs"));
    m_table->setHorizontalHeaderLabels(
        {tr("Id"), tr("Name"), tr("Status"), tr("Started (UTC)"), tr("Minutes"), tr("ACR clean"), tr("ACR poisoned")});
}

} // namespace pacd::ui
