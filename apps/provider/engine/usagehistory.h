#pragma once
// UsageHistory: the last N usage points of one deployment, a fixed-capacity ring buffer fed by
// the container's stats stream. Network counters from Docker are cumulative; append() turns
// them into rates against the previous sample (a counter reset after a restart counts as 0).

#include <docker/statssample.h>

#include <QDateTime>
#include <QList>

namespace ttalkak::provider {

struct UsagePoint
{
    QDateTime time;
    double cpuPercent = 0; // 100 = one core
    double memoryMb = 0;
    double memoryLimitMb = 0;
    double rxBytesPerSecond = 0;
    double txBytesPerSecond = 0;
};

class UsageHistory
{
public:
    explicit UsageHistory(int capacity = 300);

    // Returns the point that was stored.
    UsagePoint append(const docker::StatsSample &sample);
    void append(const UsagePoint &point);

    int capacity() const { return m_capacity; }
    int size() const { return int(m_points.size()); }
    bool isEmpty() const { return m_points.isEmpty(); }
    // Oldest first.
    QList<UsagePoint> points() const;
    UsagePoint last() const;
    void clear();

private:
    int m_capacity;
    QList<UsagePoint> m_points; // a ring once full: m_head is the oldest
    int m_head = 0;
    docker::StatsSample m_previous;
    bool m_hasPrevious = false;
};

} // namespace ttalkak::provider
