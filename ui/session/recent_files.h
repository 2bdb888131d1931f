#pragma once
// The most recently opened or saved sessions, newest first, remembered in QSettings.
#include <QObject>
#include <QStringList>

namespace pacd::ui {

class RecentFiles : public QObject {
    Q_OBJECT
  public:
    static constexpr int kMaximum = 8;
    explicit RecentFiles(QObject* parent = nullptr);
    QStringList files() const;
    /// Moves `path` to the front (absolute path), dropping the oldest beyond kMaximum.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

  Q_SIGNALS:
    void changed();

  private:
    void store(const QStringList& files);
};

} // namespace pacd::ui
