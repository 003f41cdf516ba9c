#include "metricsregistry.h"

namespace ttalkak::relay {

void MetricsRegistry::addGauge(const QByteArray &name, const QByteArray &help, std::function<qint64()> value)
{
    m_gauges.append({name, help, std::move(value)});
}

QByteArray MetricsRegistry::render() const
{
    QByteArray out;
    QByteArray lastFamily;
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it) {
        const qsizetype brace = it.key().indexOf('{');
        const QByteArray family = brace < 0 ? it.key() : it.key().left(brace);
        if (family != lastFamily) {
            out += "# TYPE " + family + " counter\n";
            lastFamily = family;
        }
        out += it.key() + ' ' + QByteArray::number(it.value()) + '\n';
    }
    for (const Gauge &g : m_gauges) {
        out += "# HELP " + g.name + ' ' + g.help + "\n# TYPE " + g.name + " gauge\n";
        out += g.name + ' ' + QByteArray::number(g.value()) + '\n';
    }
    return out;
}

} // namespace ttalkak::relay
