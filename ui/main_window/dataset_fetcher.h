#pragma once
// Fetching a data set for the window: `pacd-cli fetch` in its own process (download, MD5, extract), so that both
// front ends share one code path and the window never waits on the network.
#include <QObject>
#include <QPointer>
#include <QString>

class QProcess;

namespace pacd::ui {

class DatasetFetcher : public QObject {
    Q_OBJECT
  public:
    /// `dataDir` is passed to pacd-cli as --data-dir ("" = its default); pacd-cli is looked for next to the
    /// application.
    explicit DatasetFetcher(const QString& dataDir, QObject* parent = nullptr);
    ~DatasetFetcher() override;

    bool isBusy() const { return !m_process.isNull(); }

  public Q_SLOTS:
    /// Starts `pacd-cli fetch <dataset>`; ignored while another fetch runs.
    void fetch(const QString& dataset);
    /// Stops a running fetch (the window is closing).
    void stop();

  Q_SIGNALS:
    /// A fetch began: the window shows its log.
    void started(const QString& dataset);
    /// A line for the log (pacd-cli's output and the fetch's own messages).
    void logLine(const QString& line);
    /// The process ended, successfully or not: the data sets on disk may have changed.
    void finished(const QString& dataset, bool ok);
    /// What went wrong and what to do, for a message box.
    void problem(const QString& title, const QString& text);

  private:
    QString m_dataDir;
    QPointer<QProcess> m_process;
};

} // namespace pacd::ui
