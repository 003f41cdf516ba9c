#include "deployerprefs.h"

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

namespace {
// The public OAuth app id of the Ttalkak deployer (device flow needs no secret).
constexpr auto kDefaultClientId = "Ov23liTtalkakDeployer";
} // namespace

DeployerPrefs::DeployerPrefs(core::Settings *settings, QObject *parent)
    : QObject(parent)
    , m_core(settings)
    , m_ini(std::make_unique<QSettings>(settings->fileName(), QSettings::IniFormat))
{
}

QString DeployerPrefs::accountEmail() const
{
    return m_ini->value(u"deployer/accountEmail"_s).toString();
}

void DeployerPrefs::setAccountEmail(const QString &email)
{
    m_ini->setValue(u"deployer/accountEmail"_s, email);
    m_ini->sync();
    Q_EMIT changed();
}

QString DeployerPrefs::gitHubClientId() const
{
    return m_ini->value(u"deployer/githubClientId"_s, QString::fromLatin1(kDefaultClientId)).toString();
}

void DeployerPrefs::setGitHubClientId(const QString &id)
{
    m_ini->setValue(u"deployer/githubClientId"_s, id.trimmed());
    m_ini->sync();
    Q_EMIT changed();
}

QUrl DeployerPrefs::gitHubApiUrl() const
{
    return QUrl(m_core->value(core::Settings::Key::GitHubApiUrl).toString());
}

QUrl DeployerPrefs::gitHubWebUrl() const
{
    return webUrlForApi(gitHubApiUrl());
}

QUrl DeployerPrefs::webUrlForApi(const QUrl &api)
{
    QUrl web = api.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (api.host() == u"api.github.com"_s)
        web.setHost(u"github.com"_s);
    return web;
}

} // namespace ttalkak::deployer
