#pragma once
// The run's log: engine messages with a time stamp, bounded so that a long run cannot grow it without end.
#include <QPlainTextEdit>

namespace pacd::ui {

class LogPanel : public QPlainTextEdit {
    Q_OBJECT
  public:
    static constexpr int kMaximumLines = 5000;
    explicit LogPanel(QWidget* parent = nullptr);

  public Q_SLOTS:
    void append(const QString& line);
};

} // namespace pacd::ui
