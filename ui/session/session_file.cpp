#include "session/session_file.h"

#include "support/atomic_file.h"
#include "support/error.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pacd::ui {
namespace {
constexpr int kSessionVersion = 1;

QJsonObject objectOf(const std::string& json) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}
std::string textOf(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Indented).toStdString();
}
} // namespace

void saveSession(const QString& path, const Session& session) {
    QJsonObject root;
    root.insert(QStringLiteral("pacd_session"), kSessionVersion);
    root.insert(QStringLiteral("spec"), objectOf(session.spec.toJson()));
    root.insert(QStringLiteral("result"), session.result ? QJsonValue(objectOf(session.result->toJson())) : QJsonValue());
    pacd::writeTextAtomically(path.toStdString(), textOf(root));
}

Session loadSession(const QString& path) {
    const std::string source = path.toStdString();
    const std::string text = pacd::readFile(source);
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    pacd::require(error.error == QJsonParseError::NoError && document.isObject(), source, ": not a JSON object (",
                  error.errorString().toStdString(), " at offset ", error.offset, ")");
    const auto root = document.object();
    Session session;
    if (!root.contains(QStringLiteral("pacd_session"))) { // a bare spec, as pacd-cli spec writes it
        session.spec = pacd::ExperimentSpec::fromJson(text, source);
        return session;
    }
    const int version = root.value(QStringLiteral("pacd_session")).toInt(-1);
    pacd::require(version == kSessionVersion, source, ": session version ", version, " is not ", kSessionVersion,
                  " (written by another pacd-studio?)");
    pacd::require(root.value(QStringLiteral("spec")).isObject(), source, ": field 'spec' is missing or not an object");
    session.spec = pacd::ExperimentSpec::fromJson(textOf(root.value(QStringLiteral("spec")).toObject()), source + " (spec)");
    if (root.value(QStringLiteral("result")).isObject())
        session.result = pacd::RunRecord::fromJson(textOf(root.value(QStringLiteral("result")).toObject()), source + " (result)");
    return session;
}

} // namespace pacd::ui
