#pragma once
// DeployerPrefs: the deployer's own preferences that core::Settings has no key
// for (the signed-in e-mail, the GitHub OAuth app's client id). Stored in the
// same INI file under "deployer/…"; secrets never go here (SecretStore).
// Thread: GUI thread.

#include <core/settings.h>

#include <QObject>
#include <QSettings>
#include <QUrl>

#include <memory>

namespace ttalkak::deployer {

class DeployerPrefs : public QObject
{
    Q_OBJECT
public:
    explicit DeployerPrefs(core::Settings *settings, QObject *parent = nullptr);

    QString accountEmail() const;
    void setAccountEmail(const QString &email);

    QString gitHubClientId() const;
    void setGitHubClientId(const QString &id);

    // REST base (Settings::GitHubApiUrl) and the web base hosting /login/device/code:
    // api.github.com → github.com; GitHub Enterprise https://host/api/v3 → https://host.
    QUrl gitHubApiUrl() const;
    QUrl gitHubWebUrl() const;
    static QUrl webUrlForApi(const QUrl &api);

    core::Settings *settings() const { return m_core; }

Q_SIGNALS:
    void changed();

private:
    core::Settings *m_core;
    std::unique_ptr<QSettings> m_ini;
};

} // namespace ttalkak::deployer
