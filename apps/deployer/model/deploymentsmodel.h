#pragma once
// DeploymentsModel: the user's deployments as a table (name, status, URL,
// provider, uptime, generation), filled from GET /v1/deployments and kept live
// by the subscription's `status` messages (docs/protocol.md).
// Uptime counts from the last change into "running" (the relay's updatedAt).

#include "relayinfo.h"
#include "relayrowsmodel.h"

#include <QUrl>

#include <functional>

namespace ttalkak::deployer {

class DeploymentsModel : public RelayRowsModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, UrlColumn, ProviderColumn, UptimeColumn, GenerationColumn, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, StateRole, JsonRole, UrlRole };

    explicit DeploymentsModel(QObject *parent = nullptr);

    // The relay's /v1/info, from which public URLs are derived when a deployment has no `url`.
    void setRelayInfo(const RelayInfo &info);
    // For tests: the clock used for uptime (epoch ms).
    void setClock(std::function<qint64()> now) { m_now = std::move(now); }

    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // One deployment object (e.g. a POST/command answer): replaces its row or inserts it.
    void upsert(const QJsonObject &deployment) { upsertRow(deployment, false); }
    // A subscription `status` message; unknown deployments are ignored.
    bool applyStatus(const QJsonObject &status);
    QJsonObject deployment(int row) const { return m_items.value(row); }

    // The deployment's `url` when the relay sends one, else <name>.<domain> from /v1/info;
    // empty when neither is known (no guessing: a wrong link is worse than none).
    static QUrl publicUrl(const QJsonObject &deployment, const RelayInfo &info);
    static QString stateText(const QString &state);
    static QString uptimeText(qint64 ms);

private:
    RelayInfo m_info;
    std::function<qint64()> m_now;
};

} // namespace ttalkak::deployer
