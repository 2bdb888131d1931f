#pragma once
// The run's result in one card: ACR and ACA of the target class for clean → watermarked → poisoned victims (mean
// ± s.d. over the seeds), each with its change from clean in %, and which seeds they are. Filled as victims arrive
// (live, replayed or restored), so the numbers the plots show are also written out.
#include "results/run_record.h"

#include <QFrame>

class QLabel;

namespace pacd::ui {

class ResultCard : public QFrame {
    Q_OBJECT
  public:
    explicit ResultCard(QWidget* parent = nullptr);
    void addVictim(const pacd::VictimResult& victim);
    void clear();
    /// The card's text as shown (rich text), for tests and exports.
    QString text() const;
    /// The card for these victims ("" = the placeholder); numbers in `locale`.
    static QString cardText(const std::vector<pacd::VictimResult>& victims, const QLocale& locale);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void refresh();

    std::vector<pacd::VictimResult> m_victims;
    QLabel* m_label;
};

} // namespace pacd::ui
