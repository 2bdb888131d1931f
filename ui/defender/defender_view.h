#pragma once
// The Defender tab (issue 18, beyond the paper): for the run shown, whether a defender notices the poisons (ROC
// curves of every detector on PACD, watermark and random ±ε poisons; the training images each detector finds most
// suspicious, poisons framed red) and whether a sanitiser washes them out (one poison before and after, beside the
// ACR of every defense row of the run's preset). A run without defender stages shows how to get one.
#include "defender/defender_loader.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QGridLayout;
class QLabel;
class QStackedWidget;

namespace pacd::ui {

class DefenseAcrPlot;
class LivePlot;
class RocPlot;
class SanitizerPreview;
class TopScoredView;

class DefenderView : public QWidget {
    Q_OBJECT
  public:
    explicit DefenderView(QWidget* parent = nullptr);
    ~DefenderView() override;

    /// A finished run: its defender data load in a worker (loaded() when shown). `storePath` is the results store
    /// that holds the preset's other rows ("" = none); `dataDir` as the run's ("" = default).
    void setRecord(const pacd::RunRecord& record, const QString& storePath, const QString& dataDir);
    /// Shows data gathered already (the worker's result; tests construct it).
    void setData(const DefenderData& data);
    void clear();
    const DefenderData& data() const { return m_data; }
    bool isLoading() const { return m_loading; }
    /// Whether the empty state ("no defender stages") is what the tab shows.
    bool showsEmptyState() const;
    QString emptyText() const;
    QString statusText() const;

    QList<RocPlot*> rocPlots() const { return m_roc; }
    DefenseAcrPlot* acrPlot() const { return m_acr; }
    TopScoredView* topScored() const { return m_top; }
    SanitizerPreview* sanitizerPreview() const { return m_sanitizer; }
    /// The poison kind whose training set the top-scored images come from ("poison", "watermark", "random").
    QString topKind() const;
    void setTopKind(const QString& data);
    /// Every plot, for export.
    QList<LivePlot*> plots() const;
    /// Presentation mode: two rows of three (ROC curves; images, sanitiser, ACR) and thicker pens.
    void setPresentation(bool on);

  Q_SIGNALS:
    void loaded();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void arrange(bool presentation);
    void onLoaded();
    void showTop();
    struct Request {
        pacd::RunRecord record;
        QString storePath, dataDir;
    };
    void start(const Request& request);

    DefenderData m_data;
    QFutureWatcher<DefenderData> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::optional<Request> m_pending; ///< asked for while another load ran
    bool m_presentation = false;
    bool m_loading = false;

    QStackedWidget* m_pages = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_status = nullptr;
    QList<RocPlot*> m_roc;
    QWidget* m_topPanel = nullptr;
    QLabel* m_topLabel = nullptr;
    QComboBox* m_topKind = nullptr;
    QLabel* m_topCaption = nullptr;
    TopScoredView* m_top = nullptr;
    QWidget* m_sanitizerPanel = nullptr;
    QLabel* m_sanitizerTitle = nullptr;
    SanitizerPreview* m_sanitizer = nullptr;
    DefenseAcrPlot* m_acr = nullptr;
    QGridLayout* m_grid = nullptr;
};

} // namespace pacd::ui
