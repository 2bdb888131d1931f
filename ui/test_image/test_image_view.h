#pragma once
// One test image of a run: the image, a grid of its noisy copies x + N(0, σ²I) as the smoothed classifier votes
// on them, and its certified radius under every victim (clean → watermarked → poisoned, per seed), from the run's
// stored certificates. The image loads from the data set in a worker thread.
#include "results/run_record.h"
#include "test_image/test_image_data.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;

namespace pacd::ui {

class ImageCell;
struct TestImageData;

class TestImageView : public QWidget {
    Q_OBJECT
  public:
    /// Noisy draws shown: a 4 × 4 grid.
    static constexpr int kDraws = 16;

    explicit TestImageView(QWidget* parent = nullptr);
    ~TestImageView() override;

    /// A finished run: its certified test images become the choices; `dataDir` as the run's ("" = default).
    void setRecord(const pacd::RunRecord& record, const QString& dataDir);
    void clear();
    /// Test indices the run certified, in order.
    const QVector<qint64>& indices() const { return m_indices; }
    /// Shows test image `index` (one of indices()); the image arrives from the worker (imageShown()).
    void showImage(qint64 index);
    qint64 currentIndex() const { return m_current; }
    double sigma() const { return m_sigma; }
    /// The current image's certificates and the radii text as shown (tests).
    const QVector<ImageCertificate>& certificates() const { return m_certificates; }
    QString radiiText() const;
    /// The noisy draws shown now (unclamped), and the image they were drawn from.
    const QVector<QVector<float>>& draws() const { return m_draws; }
    const QVector<float>& image() const { return m_image; }
    /// New draws of the noise.
    void redraw();

  Q_SIGNALS:
    void imageShown(qint64 index);
    void failed(const QString& message);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    struct Loaded {
        qint64 index = -1;
        QVector<float> pixels;
        int channels = 0, height = 0, width = 0;
        qint64 label = -1;
        QString className, error;
    };
    void retranslate();
    /// Loads test image `index` in the worker.
    void load(qint64 index);
    void onLoaded();
    void refreshRadii();

    QString m_dataset, m_dataDir;
    double m_sigma = 0.25;
    QMap<qint64, QVector<ImageCertificate>> m_byImage;
    QVector<qint64> m_indices;
    qint64 m_current = -1;
    QVector<ImageCertificate> m_certificates;
    QVector<float> m_image;
    int m_channels = 0, m_height = 0, m_width = 0;
    qint64 m_label = -1;
    QString m_className;
    QString m_problem;   ///< the record's (certificates missing)
    QString m_loadError; ///< the current image's
    QVector<QVector<float>> m_draws;
    quint64 m_drawSeed = 0;
    QFutureWatcher<Loaded> m_watcher;
    qint64 m_pending = -1; ///< asked for while another load ran

    QComboBox* m_pick = nullptr;
    QLabel* m_pickLabel = nullptr;
    QPushButton* m_redraw = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_imageCaption = nullptr;
    QLabel* m_drawsCaption = nullptr;
    QLabel* m_radii = nullptr;
    ImageCell* m_imageCell = nullptr;
    QVector<ImageCell*> m_drawCells;
};

} // namespace pacd::ui
