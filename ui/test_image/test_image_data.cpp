#include "test_image/test_image_data.h"

#include <QFile>
#include <QMap>
#include <QTextStream>

#include <random>
#include <stdexcept>

namespace pacd::ui {

QMap<qint64, ImageCertificate> readCertificates(const QString& path, const QString& data, qint64 seed) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw std::runtime_error("cannot read the certificates " + path.toStdString() + ": " + file.errorString().toStdString());
    QMap<qint64, ImageCertificate> out;
    QTextStream in(&file);
    const QString header = in.readLine();
    if (!header.startsWith(QLatin1String("idx\tlabel\tpredict\tradius\tcorrect")))
        throw std::runtime_error(path.toStdString() + " is not a certify.tsv (Cohen et al.'s header is missing)");
    for (int line = 2; !in.atEnd(); ++line) {
        const QString text = in.readLine();
        if (text.trimmed().isEmpty()) continue;
        const auto fields = text.split(QLatin1Char('\t'));
        bool ok[5] = {false, false, false, false, false};
        ImageCertificate c;
        c.data = data;
        c.seed = seed;
        const qint64 index = fields.value(0).toLongLong(&ok[0]);
        c.label = fields.value(1).toLongLong(&ok[1]);
        c.predicted = fields.value(2).toLongLong(&ok[2]);
        c.radius = fields.value(3).toDouble(&ok[3]);
        c.correct = fields.value(4).toInt(&ok[4]) != 0;
        if (fields.size() < 5 || !(ok[0] && ok[1] && ok[2] && ok[3] && ok[4]))
            throw std::runtime_error(path.toStdString() + " line " + std::to_string(line) + " is malformed");
        out.insert(index, c);
    }
    return out;
}

QMap<qint64, QVector<ImageCertificate>> certificatesByImage(const pacd::RunRecord& record, QStringList* missing) {
    QMap<qint64, QVector<ImageCertificate>> out;
    for (const auto& victim : record.victims) {
        const QString path = QString::fromStdString(victim.certificates);
        if (path.isEmpty() || !QFile::exists(path)) {
            if (missing && !path.isEmpty()) *missing << path;
            continue;
        }
        const auto certificates = readCertificates(path, QString::fromStdString(victim.data), victim.seed);
        for (auto it = certificates.cbegin(); it != certificates.cend(); ++it)
            out[it.key()].push_back(it.value());
    }
    return out;
}

double meanRadius(const QVector<ImageCertificate>& certificates, const QString& data) {
    double sum = 0;
    int count = 0;
    for (const auto& c : certificates)
        if (c.data == data) {
            sum += c.correct ? c.radius : 0.0;
            ++count;
        }
    return count > 0 ? sum / count : -1.0;
}

QVector<QVector<float>> noisyDraws(const QVector<float>& image, double sigma, int count, quint64 seed) {
    std::mt19937_64 generator(seed);
    std::normal_distribution<float> noise(0.0f, static_cast<float>(sigma));
    QVector<QVector<float>> out;
    for (int i = 0; i < count; ++i) {
        QVector<float> draw = image;
        for (auto& v : draw)
            v += noise(generator);
        out.push_back(std::move(draw));
    }
    return out;
}

} // namespace pacd::ui
