#include "test_image/test_image_view.h"

#include "inspector/image_cell.h"
#include "inspector/image_render.h"
#include "plan/spec.h"
#include "test_image/test_image_source.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace pacd::ui {
namespace {

constexpr int kDrawColumns = 4;

QString number(double value, int decimals = 3) {
    return QLocale().toString(value, 'f', decimals);
}

// Screen pixels per image pixel: the image large, the draws at half its size.
int zoomFor(int side, int target) {
    return std::max(1, target / std::max(1, side));
}

} // namespace

TestImageView::TestImageView(QWidget* parent) : QWidget(parent) {
    m_pick = new QComboBox;
    m_pick->setObjectName(QStringLiteral("testImagePick"));
    m_pick->setMinimumContentsLength(12);
    connect(m_pick, &QComboBox::activated, this, [this](int i) {
        if (i >= 0 && i < m_indices.size()) showImage(m_indices[i]);
    });
    m_pickLabel = new QLabel;
    m_pickLabel->setBuddy(m_pick);
    m_redraw = new QPushButton;
    connect(m_redraw, &QPushButton::clicked, this, &TestImageView::redraw);
    auto* top = new QHBoxLayout;
    top->addWidget(m_pickLabel);
    top->addWidget(m_pick);
    top->addWidget(m_redraw);
    top->addStretch();

    m_intro = new QLabel;
    m_intro->setWordWrap(true);
    m_imageCaption = new QLabel;
    m_imageCaption->setAlignment(Qt::AlignCenter);
    m_imageCell = new ImageCell;
    m_drawsCaption = new QLabel;
    m_drawsCaption->setWordWrap(true);
    auto* drawsGrid = new QGridLayout;
    drawsGrid->setSpacing(4);
    for (int i = 0; i < kDraws; ++i) {
        auto* cell = new ImageCell;
        drawsGrid->addWidget(cell, i / kDrawColumns, i % kDrawColumns);
        m_drawCells << cell;
    }
    m_radii = new QLabel;
    m_radii->setTextFormat(Qt::RichText);
    m_radii->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_radii->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* imageColumn = new QVBoxLayout;
    imageColumn->addWidget(m_imageCaption);
    imageColumn->addWidget(m_imageCell, 0, Qt::AlignHCenter);
    imageColumn->addStretch();
    auto* drawsColumn = new QVBoxLayout;
    drawsColumn->addWidget(m_drawsCaption);
    drawsColumn->addLayout(drawsGrid);
    drawsColumn->addStretch();
    auto* body = new QHBoxLayout;
    body->addLayout(imageColumn);
    body->addSpacing(16);
    body->addLayout(drawsColumn);
    body->addSpacing(16);
    body->addWidget(m_radii, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_intro);
    layout->addLayout(body, 1);
    connect(&m_watcher, &QFutureWatcher<Loaded>::finished, this, &TestImageView::onLoaded);
    retranslate();
}

TestImageView::~TestImageView() {
    m_watcher.waitForFinished(); // a load takes a fraction of a second; it must not outlive `this`
}

void TestImageView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void TestImageView::retranslate() {
    m_pickLabel->setText(tr("Test image"));
    m_redraw->setText(tr("New noise"));
    m_redraw->setToolTip(tr("Draw the Gaussian noise again"));
    m_pick->setToolTip(tr("A test image of the target class the run certified (its index in the test file)"));
    m_intro->setText(m_indices.isEmpty()
                         ? tr("No certified run yet: after a run (or on opening one) pick one of its test images here.")
                         : tr("The smoothed classifier does not see the image itself: it votes over many noisy copies "
                              "x + N(0, σ²I) and certifies the radius from how clearly one class wins (Cohen et al.)."));
    m_imageCaption->setText(m_current >= 0 ? tr("#%1, class %2").arg(m_current).arg(m_className) : QString());
    m_drawsCaption->setText(m_draws.isEmpty() ? QString()
                                              : tr("%1 of the noisy copies at σ = %2 (shown clamped to [0, 1])")
                                                    .arg(m_draws.size())
                                                    .arg(QLocale().toString(m_sigma)));
    refreshRadii();
}

void TestImageView::setRecord(const pacd::RunRecord& record, const QString& dataDir) {
    clear();
    m_dataDir = dataDir;
    try {
        const auto spec = pacd::ExperimentSpec::fromJson(record.specJson, record.name);
        m_dataset = QString::fromStdString(spec.dataset);
        m_sigma = spec.sigmaForCertification();
        QStringList missing;
        m_byImage = certificatesByImage(record, &missing);
        if (!missing.isEmpty())
            m_problem = tr("%n victim(s) without their certificates (moved or deleted): %1", nullptr, int(missing.size()))
                            .arg(missing.join(QStringLiteral(", ")));
    } catch (const std::exception& e) {
        m_problem = QString::fromUtf8(e.what());
    }
    m_indices = m_byImage.keys().toVector();
    for (const qint64 index : std::as_const(m_indices)) {
        const double clean = meanRadius(m_byImage[index], QStringLiteral("clean"));
        const double poison = meanRadius(m_byImage[index], QStringLiteral("poison"));
        m_pick->addItem(clean >= 0 && poison >= 0 ? tr("#%1: R %2 → %3").arg(index).arg(number(clean, 2), number(poison, 2))
                                                  : tr("#%1").arg(index));
    }
    retranslate();
    if (!m_indices.isEmpty()) showImage(m_indices.front());
}

void TestImageView::clear() {
    m_byImage.clear();
    m_indices.clear();
    m_pick->clear();
    m_current = -1;
    m_certificates.clear();
    m_image.clear();
    m_draws.clear();
    m_problem.clear();
    m_loadError.clear();
    m_imageCell->setImage(QImage());
    for (auto* cell : std::as_const(m_drawCells))
        cell->setImage(QImage());
    retranslate();
}

void TestImageView::showImage(qint64 index) {
    if (!m_byImage.contains(index)) return;
    m_pick->setCurrentIndex(static_cast<int>(m_indices.indexOf(index)));
    m_current = index;
    m_certificates = m_byImage.value(index);
    m_loadError.clear();
    retranslate(); // caption and radii now; the image when it has loaded
    if (m_watcher.isRunning()) {
        m_pending = index; // loaded when the running load ends: the newest choice wins
        return;
    }
    load(index);
}

void TestImageView::load(qint64 index) {
    const std::string dataset = m_dataset.toStdString(), dataDir = m_dataDir.toStdString();
    m_watcher.setFuture(QtConcurrent::run([dataset, dataDir, index] {
        Loaded out;
        out.index = index;
        try {
            const auto image = loadTestImage(dataset, dataDir, index);
            out.pixels = QVector<float>(image.pixels.begin(), image.pixels.end());
            out.channels = image.channels;
            out.height = image.height;
            out.width = image.width;
            out.label = image.label;
            out.className = QString::fromStdString(image.className);
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

void TestImageView::onLoaded() {
    const Loaded loaded = m_watcher.result();
    if (m_pending >= 0) {
        const qint64 next = m_pending;
        m_pending = -1;
        load(next);
        return;
    }
    if (!loaded.error.isEmpty()) {
        m_loadError = loaded.error;
        refreshRadii();
        Q_EMIT failed(loaded.error);
        return;
    }
    m_image = loaded.pixels;
    m_channels = loaded.channels;
    m_height = loaded.height;
    m_width = loaded.width;
    m_label = loaded.label;
    m_className = loaded.className.isEmpty() ? QString::number(loaded.label) : loaded.className;
    const ImageShape shape{m_channels, m_height, m_width};
    m_imageCell->setZoom(zoomFor(m_width, 168));
    m_imageCell->setImage(imageFromFloats(m_image.constData(), shape));
    redraw();
    Q_EMIT imageShown(loaded.index);
}

void TestImageView::redraw() {
    if (m_image.isEmpty()) return;
    m_draws = noisyDraws(m_image, m_sigma, kDraws, m_drawSeed++);
    const ImageShape shape{m_channels, m_height, m_width};
    for (int i = 0; i < m_drawCells.size(); ++i) {
        m_drawCells[i]->setZoom(zoomFor(m_width, 56));
        m_drawCells[i]->setImage(imageFromFloats(m_draws[i].constData(), shape));
    }
    retranslate();
}

QString TestImageView::radiiText() const {
    return m_radii->text();
}

void TestImageView::refreshRadii() {
    QString text;
    if (m_current >= 0) {
        text += tr("<b>Certified radius of #%1</b>").arg(m_current);
        text += QStringLiteral("<table cellspacing='6'><tr><th align='left'>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                    .arg(tr("victim"), tr("seed"), tr("prediction"), tr("radius"));
        for (const auto& c : m_certificates) {
            const QString prediction =
                c.predicted < 0 ? tr("abstains") : (c.correct ? tr("%1 ✓").arg(c.predicted) : tr("%1 ✗").arg(c.predicted));
            text += QStringLiteral(
                        "<tr><td>%1</td><td align='center'>%2</td><td align='center'>%3</td><td align='right'>%4</td></tr>")
                        .arg(c.data)
                        .arg(c.seed)
                        .arg(prediction)
                        .arg(number(c.correct ? c.radius : 0.0));
        }
        text += QStringLiteral("</table>");
        const double clean = meanRadius(m_certificates, QStringLiteral("clean"));
        const double poison = meanRadius(m_certificates, QStringLiteral("poison"));
        if (clean >= 0 && poison >= 0)
            text += tr("Mean over seeds: %1 clean → %2 poisoned").arg(number(clean), number(poison)) +
                    (clean > 0 ? QStringLiteral(" (%1 %)").arg(QLocale().toString((poison - clean) / clean * 100.0, 'f', 1))
                               : QString());
    }
    for (const QString& problem : {m_problem, m_loadError})
        if (!problem.isEmpty()) text += QStringLiteral("<p style='color:#b22'>%1</p>").arg(problem.toHtmlEscaped());
    m_radii->setText(text);
}

} // namespace pacd::ui
