#pragma once
// The relay's schema as an ordered list of versioned migrations. Never edit a released migration:
// append a new one. Statements use {{SERIAL}} (auto-increment key) for the dialect difference;
// a migration may add statements for one backend only (triggers).

#include "database.h"

#include <QList>
#include <QStringList>

namespace ttalkak::relay {

struct Migration
{
    int version = 0;
    QString description;
    QStringList common;
    QStringList sqliteOnly;
    QStringList postgresOnly;

    QStringList statements(Dialect dialect) const;
};

const QList<Migration> &migrations();

} // namespace ttalkak::relay
