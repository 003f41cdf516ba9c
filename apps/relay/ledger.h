#pragma once
// Ledger: metered usage turned into double-entry, append-only ledger entries.
//
// Usage comes from provider heartbeats in one-minute intervals (interval = epoch second of the
// minute's start, seconds = 1..60 the deployment ran in it). Each (deployment, provider,
// interval) is charged once — a repeated report is a no-op — at the provider's prices:
//   amount = floor(seconds * (cpuMillis * cpuHour * 1024 + memoryMb * gbHour * 1000) / (3600 * 1000 * 1024))
//   fee    = floor(amount * feeBasisPoints / 10000)
// entries: deployer:<user> -amount, provider:<id> +(amount - fee), operator +fee (sum is zero).
// Amounts are integer micro-units. Entries never change; settle() records "everything up to
// entry N is settled" in the settlements table. Thread: the relay's main thread.

#include "database.h"

#include <QJsonObject>

namespace ttalkak::relay {

class Ledger
{
public:
    Ledger(Database &db, int feeBasisPoints) : m_db(db), m_feeBasisPoints(feeBasisPoints) {}

    // true when charged now, false when this interval was already charged.
    core::Result<bool> recordUsage(const QString &providerId, const QString &deploymentId, qint64 intervalStart, int seconds);
    // The metered minutes of a deployment whose start lies in [fromMs, toMs): per interval the
    // seconds, reservation, amount, the operator fee the ledger took and the provider's price
    // (null for intervals charged before prices were kept), plus totals.
    core::Result<QJsonObject> usage(const QString &deploymentId, qint64 fromMs, qint64 toMs) const;
    // Credit from the operator to a deployer (sign-up grant, top-up). txId makes it idempotent.
    core::Result<void> grant(const QString &userId, qint64 amount, const QString &txId);
    // Marks every entry so far as settled. Returns the number of newly settled entries.
    core::Result<qint64> settle();
    core::Result<qint64> balance(const QString &account) const;
    // The user's view: as a deployer (spent, balance) and over all their provider machines (earned).
    core::Result<QJsonObject> earnings(const QString &userId) const;
    // One provider machine's view, for its own app: {today, month, allTime, pending, settled,
    // days:[{day:"YYYY-MM-DD", amount}] (the last 14 UTC days, oldest first),
    // deployments:[{deployment, name, month}] (this month, largest first, at most 50)}.
    core::Result<QJsonObject> providerEarnings(const QString &providerId) const;
    // Deployers whose balance is below zero for longer than graceMs (marks/clears the start time).
    core::Result<QStringList> overdrawnUsers(qint64 graceMs);

    static qint64 price(int seconds, qint64 cpuMillis, qint64 memoryMb, qint64 cpuHour, qint64 gbHour);

private:
    // today / month / allTime / pending / settled of the provider-side entries selected by
    // `entries` (a FROM … WHERE clause over ledger_entries aliased `e`, with its own binds).
    core::Result<QJsonObject> providerTotals(const QString &entries, const QVariantList &binds, qint64 dayStart,
                                             qint64 monthStart) const;

    Database &m_db;
    int m_feeBasisPoints;
};

} // namespace ttalkak::relay
