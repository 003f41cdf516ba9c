#include "metricsseries.h"

#include <QJsonArray>

#include <vector>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

QList<QPair<qint64, qint64>> MetricsSeries::chunks(qint64 fromMs, qint64 toMs)
{
    QList<QPair<qint64, qint64>> out;
    for (qint64 t = fromMs; t < toMs; t += MaxCallMs)
        out.append({ t, qMin(toMs, t + MaxCallMs) });
    return out;
}

MetricsSeries MetricsSeries::build(const QList<QJsonObject> &answers, qint64 fromMs, qint64 toMs, qint64 binMs)
{
    MetricsSeries s;
    s.binMs = qMax<qint64>(MinuteMs, binMs);
    s.fromMs = fromMs - fromMs % s.binMs;
    s.toMs = toMs;
    const qint64 bins = qMax<qint64>(1, (toMs - s.fromMs + s.binMs - 1) / s.binMs);

    struct Bin
    {
        double requests = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, in = 0, out = 0;
        double p50Weighted = 0, p95 = 0; // p50: request-weighted mean; p95: the worst minute
    };
    std::vector<Bin> acc(static_cast<size_t>(bins));
    for (const QJsonObject &answer : answers) {
        for (const QJsonValue &v : answer.value(u"buckets"_s).toArray()) {
            const QJsonObject b = v.toObject();
            const qint64 t = qint64(b.value(u"t"_s).toDouble());
            if (t < s.fromMs || t >= toMs)
                continue;
            Bin &bin = acc[size_t((t - s.fromMs) / s.binMs)];
            const double n = b.value(u"requests"_s).toDouble();
            const QJsonObject st = b.value(u"status"_s).toObject();
            const QJsonObject lat = b.value(u"latencyMs"_s).toObject();
            bin.requests += n;
            bin.s2 += st.value(u"2xx"_s).toDouble();
            bin.s3 += st.value(u"3xx"_s).toDouble();
            bin.s4 += st.value(u"4xx"_s).toDouble();
            bin.s5 += st.value(u"5xx"_s).toDouble();
            bin.in += b.value(u"bytesIn"_s).toDouble();
            bin.out += b.value(u"bytesOut"_s).toDouble();
            bin.p50Weighted += lat.value(u"p50"_s).toDouble() * n;
            bin.p95 = qMax(bin.p95, lat.value(u"p95"_s).toDouble());
        }
    }
    const double perMinute = double(MinuteMs) / double(s.binMs);
    for (qint64 i = 0; i < bins; ++i) {
        const Bin &b = acc[size_t(i)];
        const double x = double(s.fromMs + i * s.binMs);
        s.requests.append({ x, b.requests * perMinute });
        s.status2xx.append({ x, b.s2 * perMinute });
        s.status3xx.append({ x, b.s3 * perMinute });
        s.status4xx.append({ x, b.s4 * perMinute });
        s.status5xx.append({ x, b.s5 * perMinute });
        s.bytesIn.append({ x, b.in * perMinute });
        s.bytesOut.append({ x, b.out * perMinute });
        if (b.requests > 0) {
            s.latencyP50.append({ x, b.p50Weighted / b.requests });
            s.latencyP95.append({ x, b.p95 });
        }
        s.totalRequests += qint64(b.requests);
        s.maxRequests = qMax(s.maxRequests, b.requests * perMinute);
    }
    return s;
}

} // namespace ttalkak::deployer
