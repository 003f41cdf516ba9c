#pragma once
// GitHubDeviceFlow: signs the user in to GitHub with the OAuth device flow
// (no client secret, no browser redirect): ask for a code, show it, poll until
// the user approved it in the browser.
//
//   POST {web}/login/device/code          client_id, scope → device_code, user_code, verification_uri, interval
//   POST {web}/login/oauth/access_token   client_id, device_code, grant_type → access_token | error
//
// {web} is https://github.com or a GitHub Enterprise host. Signals: codeReady
// once, then exactly one of succeeded / failed. Every request has a timeout;
// the whole flow ends when the code expires. Thread: GUI thread.

#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace ttalkak::deployer {

class GitHubDeviceFlow : public QObject
{
    Q_OBJECT
public:
    explicit GitHubDeviceFlow(QNetworkAccessManager *network, QObject *parent = nullptr);

    void start(const QUrl &webBase, const QString &clientId, const QString &scope = QStringLiteral("repo"));
    void cancel();
    bool isRunning() const { return m_running; }
    // Tests shorten GitHub's seconds (the interval and slow_down's +5 s).
    void setSecondMs(int ms) { m_secondMs = ms; }

Q_SIGNALS:
    void codeReady(const QString &userCode, const QUrl &verificationUri);
    void succeeded(const QString &token);
    void failed(const QString &message);

private:
    QNetworkReply *post(const QString &path, const QList<QPair<QString, QString>> &form);
    void onCode(QNetworkReply *reply);
    void poll();
    void onPoll(QNetworkReply *reply);
    void finish(const QString &token, const QString &error);

    QNetworkAccessManager *m_network;
    QUrl m_web;
    QString m_clientId;
    QString m_deviceCode;
    QTimer m_timer;
    qint64 m_deadline = 0;
    int m_intervalS = 5;
    int m_secondMs = 1000;
    bool m_running = false;
};

} // namespace ttalkak::deployer
