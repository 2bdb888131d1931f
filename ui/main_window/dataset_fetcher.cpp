#include "main_window/dataset_fetcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStringList>

namespace pacd::ui {

DatasetFetcher::DatasetFetcher(const QString& dataDir, QObject* parent) : QObject(parent), m_dataDir(dataDir) {}

DatasetFetcher::~DatasetFetcher() {
    if (!m_process) return;
    m_process->disconnect(this); // no signal reaches a fetcher half destroyed
    m_process->kill();
    m_process->waitForFinished(2000);
}

void DatasetFetcher::fetch(const QString& dataset) {
    if (m_process) return;
    const QString cli = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("pacd-cli"));
    if (!QFileInfo::exists(cli)) {
        Q_EMIT problem(tr("Cannot fetch %1").arg(dataset),
                       tr("pacd-cli was not found next to pacd-studio (%1). Run: pacd-cli fetch %2").arg(cli, dataset));
        return;
    }
    auto* process = new QProcess(this);
    m_process = process;
    QStringList arguments;
    if (!m_dataDir.isEmpty()) arguments << QStringLiteral("--data-dir") << m_dataDir;
    arguments << QStringLiteral("fetch") << dataset;
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::readyRead, this, [this, process] {
        for (const auto& line : QString::fromUtf8(process->readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            Q_EMIT logLine(line.trimmed());
    });
    connect(process, &QProcess::finished, this, [this, process, dataset](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        const bool ok = status == QProcess::NormalExit && code == 0;
        Q_EMIT finished(dataset, ok);
        if (ok) {
            Q_EMIT logLine(tr("%1 is installed").arg(dataset));
            return;
        }
        Q_EMIT problem(tr("Cannot fetch %1").arg(dataset),
                       tr("The download did not complete (are you online?). Offline, download cifar-10-binary.tar.gz elsewhere "
                          "and run: pacd-cli fetch cifar10 --from FILE. The log has the details."));
    });
    Q_EMIT logLine(tr("fetching %1…").arg(dataset));
    Q_EMIT started(dataset);
    process->start(cli, arguments);
}

void DatasetFetcher::stop() {
    if (m_process) m_process->kill();
}

} // namespace pacd::ui
