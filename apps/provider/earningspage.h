#pragma once
// EarningsPage: today / this month / all time, pending vs settled, and earnings over time, from
// the relay's ledger (GET /v1/earnings). Until a relay is connected it shows an empty state and
// the chart scaffold; setConnected(true) and the figures arrive with the relay client.

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace ttalkak::provider::ui {

class EarningsPage : public QWidget
{
    Q_OBJECT
public:
    explicit EarningsPage(QWidget *parent = nullptr);

    void setConnected(bool connected);

private:
    QWidget *card(const QString &title, QLabel **value);

    QLabel *m_today = nullptr;
    QLabel *m_month = nullptr;
    QLabel *m_allTime = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_empty;
};

} // namespace ttalkak::provider::ui
