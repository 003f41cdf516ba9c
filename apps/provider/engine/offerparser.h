#pragma once
// OfferParser: the relay's `offer.deployment` (and `command redeploy`) → a JobRequest, following
// docs/protocol.md "Deployment spec" (version 1). Everything is checked before the engine sees
// it: a malformed offer is an InvalidInput error whose message goes back to the relay in
// `reject`, never a crash and never a half-filled request.
//
//   OfferParser parser(*strategies::BaseImages::fromEnvironment(), {.allowFileSources = false});
//   auto request = parser.parseDeployment(message[u"deployment"].toObject());
//   if (!request) link.reject(offer, request.error().message());
//
// kind "app" carries a BuildSpec (the engine fetches and builds); kind "database" is planned here
// with strategies::planDatabase and the credentials the relay chose (image, env, command, data
// volume, health check, port). Ids: the relay names deployments `dep_<hex>`, while containers,
// networks and volumes take [a-z0-9-], so the engine works with `dep-<hex>` (localId); the link
// maps back with relayId(). The same mapping as the relay's ingress labels.
// Thread: any; pure.

#include "jobrequest.h"

#include <core/result.h>
#include <strategies/baseimages.h>

#include <QCoreApplication>
#include <QJsonObject>

namespace ttalkak::provider {

struct OfferParserOptions
{
    bool allowFileSources = false; // file:// git URLs: tests and the local stack only
};

class OfferParser
{
    Q_DECLARE_TR_FUNCTIONS(OfferParser)
public:
    explicit OfferParser(
        strategies::BaseImages images = strategies::BaseImages::defaults(), OfferParserOptions options = {});

    // `deployment: {id, kind, name, spec, resources, generation, sourceToken?}`.
    core::Result<JobRequest> parseDeployment(const QJsonObject &deployment) const;

    // Relay id `dep_<hex>` ⇄ engine id `dep-<hex>`. localId() is empty for anything else.
    static QString localId(const QString &relayId);
    static QString relayId(const QString &localId);

    // Limits from docs/protocol.md.
    static constexpr qsizetype kMaxDockerfileBytes = 64 * 1024;
    static constexpr qsizetype kMaxEnvEntries = 100;
    static constexpr qsizetype kMaxEnvValueBytes = 32 * 1024;

private:
    core::Result<void> applyApp(const QJsonObject &spec, const QJsonValue &sourceToken, JobRequest &request) const;
    core::Result<void> applyDatabase(const QJsonObject &spec, JobRequest &request) const;

    strategies::BaseImages m_images;
    OfferParserOptions m_options;
};

} // namespace ttalkak::provider
