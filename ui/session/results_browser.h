#pragma once
// Past runs from the results store that pacd-cli and pacd-studio share (pacd::ResultsStore): a table to pick
// one, whose record the window then shows.
#include "results/run_record.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace pacd::ui {

class ResultsBrowser : public QDialog {
    Q_OBJECT
  public:
    /// `storeFile`: the SQLite results store (ResultsStore::defaultPath when empty).
    explicit ResultsBrowser(const QString& storeFile = {}, QWidget* parent = nullptr);
    /// Re-reads the store; an unreadable store shows its error in the dialog.
    void reload();
    QTableWidget* table() const { return m_table; }
    /// The chosen run's full record (after accept()); throws pacd::Error if it vanished.
    pacd::RunRecord selectedRecord() const;
    QString storeFile() const { return m_storeFile; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();

    QString m_storeFile;
    QLabel* m_status;
    QTableWidget* m_table;
    QDialogButtonBox* m_buttons;
};

} // namespace pacd::ui
