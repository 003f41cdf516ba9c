#include "logretention.h"

using namespace Qt::StringLiterals;
using ttalkak::core::Result;

namespace ttalkak::relay {

QString likePattern(const QString &text)
{
    QString s = text.toLower();
    s.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return u'%' + s + u'%';
}

namespace retention {

Result<int> enforce(
    Database &db, const QString &table, const QString &deploymentId, const LogRetention &policy, qint64 nowMs)
{
    return db.transaction<int>([&]() -> Result<int> {
        auto aged = db.execCount(u"DELETE FROM "_s + table + u" WHERE deployment_id = ? AND at < ?"_s,
            { deploymentId, nowMs - policy.maxAgeMs });
        if (!aged)
            return aged.error();
        auto total = db.exec(
            u"SELECT COALESCE(SUM(size), 0) FROM "_s + table + u" WHERE deployment_id = ?"_s, { deploymentId });
        if (!total)
            return total.error();
        qint64 bytes = total->next() ? total->value(0).toLongLong() : 0;
        if (bytes <= policy.maxBytes)
            return *aged;
        // Oldest first (ids grow with insertion) until the rest fits under the cap.
        auto rows
            = db.exec(u"SELECT id, size FROM "_s + table + u" WHERE deployment_id = ? ORDER BY id"_s, { deploymentId });
        if (!rows)
            return rows.error();
        qint64 cutoff = -1;
        while (bytes > policy.maxBytes && rows->next()) {
            cutoff = rows->value(0).toLongLong();
            bytes -= rows->value(1).toLongLong();
        }
        rows->finish();
        auto capped = db.execCount(
            u"DELETE FROM "_s + table + u" WHERE deployment_id = ? AND id <= ?"_s, { deploymentId, cutoff });
        if (!capped)
            return capped.error();
        return *aged + *capped;
    });
}

Result<int> sweep(Database &db, const QString &table, const LogRetention &policy, qint64 nowMs)
{
    return db.execCount(u"DELETE FROM "_s + table + u" WHERE at < ?"_s, { nowMs - policy.maxAgeMs });
}

} // namespace retention
} // namespace ttalkak::relay
