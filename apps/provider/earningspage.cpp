#include "earningspage.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDate>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QHeaderView>
#include <QLocale>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace ttalkak::provider::ui {

EarningsPage::EarningsPage(QWidget *parent)
    : QWidget(parent)
    , m_empty(new QLabel(this))
{
    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    cards->addWidget(card(tr("Today"), &m_today));
    cards->addWidget(card(tr("This month"), &m_month));
    cards->addWidget(card(tr("All time"), &m_allTime));
    cards->addWidget(card(tr("Pending / settled"), &m_pending));

    m_empty->setObjectName(u"emptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("<b>Connect to a relay to start earning.</b><br>Earnings are metered by the relay for "
                        "every minute a deployment runs here and settled from its ledger. Set the relay address "
                        "in the settings; your caps and price are already saved."));

    // The scaffold: the last 14 days, empty until the ledger answers.
    auto *chart = new QChart;
    chart->setTitle(tr("Earnings per day"));
    auto *series = new QBarSeries;
    auto *set = new QBarSet(tr("Earned"));
    m_days = set;
    QStringList days;
    const QDate today = QDate::currentDate();
    for (int i = 13; i >= 0; --i) {
        days << QLocale().toString(today.addDays(-i), u"MM-dd"_s);
        *set << 0;
    }
    set->setColor(QColor(0x25, 0x63, 0xeb));
    series->append(set);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    m_dayAxis = x;
    x->append(days);
    auto *y = new QValueAxis;
    m_axis = y;
    y->setRange(0, 1);
    y->setLabelFormat(u"%.2f"_s);
    y->setTitleText(tr("credits"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);

    m_perDeployment = new QStandardItemModel(0, 2, this);
    m_perDeployment->setHorizontalHeaderLabels({ tr("Deployment"), tr("This month (credits)") });
    auto *table = new QTableView(this);
    table->setModel(m_perDeployment);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table->setMaximumHeight(180);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(14);
    layout->addLayout(cards);
    layout->addWidget(m_empty);
    layout->addWidget(view, 1);
    layout->addWidget(table);
    setConnected(false);
}

QWidget *EarningsPage::card(const QString &title, QLabel **value)
{
    auto *frame = new QFrame(this);
    frame->setObjectName(u"card"_s);
    auto *l = new QVBoxLayout(frame);
    auto *t = new QLabel(title, frame);
    t->setObjectName(u"hint"_s);
    *value = new QLabel(frame);
    (*value)->setObjectName(u"cardValue"_s);
    l->addWidget(t);
    l->addWidget(*value);
    return frame;
}

void EarningsPage::setEarnings(const QJsonObject &e)
{
    m_haveFigures = true;
    m_empty->setVisible(false);
    auto credits = [](qint64 micro) { return QLocale().toString(double(micro) / 1'000'000, 'f', 4); };
    m_today->setText(credits(e.value(u"today"_s).toInteger()));
    m_month->setText(credits(e.value(u"month"_s).toInteger()));
    m_allTime->setText(credits(e.value(u"allTime"_s).toInteger()));
    m_pending->setText(credits(e.value(u"pending"_s).toInteger()) + u" / "_s + credits(e.value(u"settled"_s).toInteger()));
    m_perDeployment->removeRows(0, m_perDeployment->rowCount());
    for (const QJsonValue &v : e.value(u"deployments"_s).toArray()) {
        const QString name = v[u"name"].toString();
        auto *amount = new QStandardItem(credits(v[u"month"].toInteger()));
        amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_perDeployment->appendRow({ new QStandardItem(name.isEmpty() ? v[u"deployment"].toString() : name), amount });
    }
    const QJsonArray days = e.value(u"days"_s).toArray();
    if (days.isEmpty())
        return;
    QStringList labels;
    double top = 0;
    m_days->remove(0, m_days->count());
    for (const QJsonValue &v : days) {
        const double amount = double(v[u"amount"].toInteger()) / 1'000'000;
        labels << QDate::fromString(v[u"day"].toString(), Qt::ISODate).toString(u"MM-dd"_s);
        *m_days << amount;
        top = std::max(top, amount);
    }
    m_dayAxis->clear();
    m_dayAxis->append(labels);
    m_axis->setRange(0, top > 0 ? top * 1.15 : 1);
}

void EarningsPage::setConnected(bool connected)
{
    m_empty->setVisible(!connected);
    if (connected && m_haveFigures)
        return;
    for (QLabel *v : { m_today, m_month, m_allTime })
        v->setText(connected ? tr("Loading...") : u"—"_s);
    m_pending->setText(connected ? tr("Loading...") : u"— / —"_s);
}

} // namespace ttalkak::provider::ui
