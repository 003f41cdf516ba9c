#pragma once
// DatabaseForm: the "new database" form's state and rules, without a widget.
// body() is the POST /v1/databases request (docs/protocol.md).

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace ttalkak::deployer {

class DatabaseForm
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseForm)
public:
    struct Engine
    {
        QString id; // the protocol's engine name
        QString label; // shown in the form
        QString defaultVersion;
    };
    static QList<Engine> engines();

    QString engine = QStringLiteral("postgres");
    QString name;
    QString version;
    int cpuMillis = 500;
    int memoryMb = 512;
    int diskMb = 2048;

    QStringList errors() const;
    bool isValid() const { return errors().isEmpty(); }
    QJsonObject body() const;
};

} // namespace ttalkak::deployer
