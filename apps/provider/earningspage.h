#pragma once
// EarningsPage: today / this month / all time, pending vs settled, and earnings over time, from
// the relay's ledger (GET /v1/earnings). Until a relay is connected it shows an empty state and
// the chart scaffold; setConnected(true) and the figures arrive with the relay client.

#include <QJsonObject>
#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QStandardItemModel;
class QLabel;
class QValueAxis;
class QStackedWidget;

namespace ttalkak::provider::ui {

class EarningsPage : public QWidget
{
    Q_OBJECT
public:
    explicit EarningsPage(QWidget *parent = nullptr);

    void setConnected(bool connected);
    // The relay's figures for this machine (micro-credits), shown in credits.
    void setEarnings(const QJsonObject &earnings);

private:
    QWidget *card(const QString &title, QLabel **value);

    QLabel *m_today = nullptr;
    QLabel *m_month = nullptr;
    QLabel *m_allTime = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_empty;
    QBarSet *m_days = nullptr;
    QValueAxis *m_axis = nullptr;
    QBarCategoryAxis *m_dayAxis = nullptr;
    bool m_haveFigures = false;
    QStandardItemModel *m_perDeployment = nullptr; // this month, per deployment
};

} // namespace ttalkak::provider::ui
