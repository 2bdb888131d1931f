#include "i18n/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace pacd::ui {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

QVector<Language> LanguageManager::available() {
    return {{QStringLiteral("en"), QStringLiteral("English"), QFontDatabase::Latin},
            {QStringLiteral("de"), QStringLiteral("Deutsch"), QFontDatabase::Latin},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文"), QFontDatabase::SimplifiedChinese}};
}

bool LanguageManager::fontMissing(const QString& code) {
    for (const auto& language : available())
        if (language.code == code) return QFontDatabase::families(language.script).isEmpty();
    return false;
}

bool LanguageManager::setLanguage(const QString& code) {
    if (code == m_current) return true;
    QCoreApplication::removeTranslator(&m_translator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    if (code != QLatin1String("en")) {
        if (!m_translator.load(QStringLiteral(":/i18n/pacd_%1.qm").arg(code))) {
            m_current = QStringLiteral("en");
            Q_EMIT languageChanged(m_current);
            return false;
        }
        QCoreApplication::installTranslator(&m_translator);
        if (m_qtTranslator.load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtTranslator);
    }
    m_current = code;
    Q_EMIT languageChanged(code);
    return true;
}

} // namespace pacd::ui
