#include "main_window/log_panel.h"

#include <QTime>

namespace pacd::ui {

LogPanel::LogPanel(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setMaximumBlockCount(kMaximumLines);
    setFont(QFont(QStringLiteral("monospace")));
    setObjectName(QStringLiteral("log"));
}

void LogPanel::append(const QString& line) {
    appendPlainText(QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

} // namespace pacd::ui
