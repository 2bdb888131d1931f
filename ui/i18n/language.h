#pragma once
// The interface language: English is the source; German and Simplified Chinese come from translations/*.ts,
// compiled to .qm by the build and embedded under :/i18n. Switching installs a translator, and every widget
// re-reads its strings on QEvent::LanguageChange.
#include <QFontDatabase>
#include <QObject>
#include <QString>
#include <QTranslator>
#include <QVector>

namespace pacd::ui {

struct Language {
    QString code;                                               ///< "en", "de", "zh_CN"
    QString native;                                             ///< the language's name in itself: "Deutsch", "简体中文"
    QFontDatabase::WritingSystem script = QFontDatabase::Latin; ///< what a font must cover to show it
};

class LanguageManager : public QObject {
    Q_OBJECT
  public:
    explicit LanguageManager(QObject* parent = nullptr);
    static QVector<Language> available();
    /// True when no installed font covers `code`'s script (Simplified Chinese on a machine without a CJK font
    /// renders as boxes); false for unknown codes.
    static bool fontMissing(const QString& code);
    QString current() const { return m_current; }
    /// Installs `code`'s translations ("en" removes them); false when its catalogue is missing.
    bool setLanguage(const QString& code);

  Q_SIGNALS:
    void languageChanged(const QString& code);

  private:
    QTranslator m_translator;
    QTranslator m_qtTranslator; ///< Qt's own strings (dialog buttons), when Qt's catalogue is installed
    QString m_current = QStringLiteral("en");
};

} // namespace pacd::ui
