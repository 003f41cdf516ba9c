#include "springsupport.h"
#include "javaproperties.h"
#include "springconfig.h"

#include "../dockerfiletext.h"

#include <QObject>
#include <QRegularExpression>

namespace ttalkak::strategies::Internal {

using namespace Qt::StringLiterals;
using core::Error;
using core::ErrorCode;
using core::Result;

QString normalizeJavaVersion(const QString &raw)
{
    static const QRegularExpression re(u"^\\s*[\"']?(\\d+)(?:[._](\\d+))?"_s);
    const auto m = re.match(raw);
    if (!m.hasMatch())
        return {};
    // Java 1.x naming: 1.8 is Java 8.
    if (m.captured(1) == u"1" && !m.captured(2).isEmpty())
        return QString::number(m.captured(2).toInt());
    return QString::number(m.captured(1).toInt());
}

Result<void> settleJavaVersion(Plan &plan, const Repo &repo, const QString &found, const QString &file,
    const QString &text, int line, const QStringList &propertyDirs, const QString &springBootVersion)
{
    plan.runtime = u"java"_s;
    QString version = normalizeJavaVersion(found);
    if (!found.isEmpty() && version.isEmpty())
        plan.because(QObject::tr("ignored Java version '%1': not a version number").arg(found), file, text, line);
    if (!version.isEmpty()) {
        plan.because(QObject::tr("Java %1").arg(version), file, text, line);
    } else {
        for (const QString &dir : propertyDirs) {
            const QString path = Repo::join(dir, u"system.properties"_s);
            if (!repo.isFile(path))
                continue;
            auto data = repo.read(path);
            if (!data)
                return data.error();
            const JavaProperties props = JavaProperties::parse(*data);
            if (const auto *e = props.find(u"java.runtime.version"_s)) {
                version = normalizeJavaVersion(e->value);
                if (version.isEmpty())
                    return Error(ErrorCode::InvalidInput,
                        QObject::tr("java.runtime.version '%1' is not a Java version").arg(e->value), path, e->line);
                plan.because(QObject::tr("Java %1").arg(version), path, u"java.runtime.version="_s + e->value, e->line);
                break;
            }
        }
    }
    if (version.isEmpty()) {
        version = u"17"_s;
        plan.because(QObject::tr("Java 17 (no java.version, compiler release, toolchain or system.properties found; "
                                 "17 is the oldest release Spring Boot 3 supports)"));
    }
    if (version.toInt() < 8) {
        plan.because(QObject::tr("Java 8 instead of %1: no maintained image is older").arg(version));
        version = u"8"_s;
    }
    if (auto v = validateToken(QObject::tr("Java version"), version); !v)
        return v.error();
    const int bootMajor = springBootVersion.section(u'.', 0, 0).toInt();
    if (bootMajor >= 3 && version.toInt() < 17)
        plan.because(QObject::tr("warning: Spring Boot %1 needs Java 17 or newer, the build asks for Java %2")
                         .arg(springBootVersion, version));
    plan.runtimeVersion = version;
    return core::ok();
}

Result<void> applySpringConfig(Plan &plan, const Repo &repo, const QString &moduleDir, bool actuator,
    const QString &actuatorFile, int actuatorLine)
{
    auto config = SpringConfig::read(repo, Repo::join(moduleDir, u"src/main/resources"_s));
    if (!config)
        return config.error();

    if (const ConfigValue p = config->activeProfilesSource(); p.isSet())
        plan.because(QObject::tr("active profiles: %1").arg(config->activeProfiles().join(u", "_s)), p.file,
            u"spring.profiles.active="_s + p.value, p.line);
    if (!config->activeProfiles().isEmpty())
        plan.details.insert(u"profiles"_s, config->activeProfiles().join(u','));

    // The port: server.port, placeholders resolved to their defaults.
    const auto readPort = [&](const QString &key, int fallback, bool *fromConfig) -> Result<int> {
        const ConfigValue v = config->value(key);
        *fromConfig = false;
        if (!v.isSet())
            return fallback;
        QStringList unresolved;
        const QString resolved = config->resolve(v.value, &unresolved).trimmed();
        if (resolved.isEmpty() && !unresolved.isEmpty()) {
            plan.because(QObject::tr("%1 needs ${%2}, which has no default; the image sets %3=%4")
                             .arg(key, unresolved.first(),
                                 key == u"server.port" ? u"SERVER_PORT"_s : u"MANAGEMENT_SERVER_PORT"_s)
                             .arg(fallback),
                v.file, key + u'=' + v.value, v.line);
            return fallback;
        }
        bool ok = false;
        const int port = resolved.toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            return Error(
                ErrorCode::InvalidInput, QObject::tr("%1 '%2' is not a port number").arg(key, v.value), v.file, v.line);
        if (port == 0) {
            plan.because(QObject::tr("%1 is 0 (a random port), which cannot be published; the image pins %2")
                             .arg(key)
                             .arg(fallback),
                v.file, key + u'=' + v.value, v.line);
            return fallback;
        }
        *fromConfig = true;
        const QString note = v.value.contains(u"${"_s) ? QObject::tr(" (the placeholder's default)") : QString();
        plan.because(QObject::tr("%1 %2%3")
                         .arg(key == u"server.port" ? QObject::tr("port") : QObject::tr("management port"))
                         .arg(port)
                         .arg(note),
            v.file, key + u'=' + v.value, v.line);
        return port;
    };
    bool fromConfig = false;
    auto port = readPort(u"server.port"_s, 8080, &fromConfig);
    if (!port)
        return port.error();
    plan.port = *port;
    if (!fromConfig && !config->value(u"server.port"_s).isSet())
        plan.because(QObject::tr("port 8080 (Spring Boot's default; server.port is not set)"));

    const auto path = [&](const QString &key, const QString &fallback) {
        const ConfigValue v = config->value(key);
        QString p = v.isSet() ? config->resolve(v.value).trimmed() : fallback;
        if (p.isEmpty() || p == u"/")
            return QString();
        if (!p.startsWith(u'/'))
            p.prepend(u'/');
        while (p.endsWith(u'/'))
            p.chop(1);
        return p;
    };

    QString health;
    int healthPort = plan.port;
    if (actuator) {
        bool mgmtFromConfig = false;
        auto mgmt = readPort(u"management.server.port"_s, plan.port, &mgmtFromConfig);
        if (!mgmt)
            return mgmt.error();
        healthPort = *mgmt;
        // On its own port the management server ignores server.servlet.context-path.
        const QString base = healthPort != plan.port ? path(u"management.server.base-path"_s, {})
                                                     : path(u"server.servlet.context-path"_s, {});
        health = base + path(u"management.endpoints.web.base-path"_s, u"/actuator"_s) + u"/health"_s;
        plan.because(QObject::tr("health check %1 (Spring Boot Actuator)").arg(health), actuatorFile,
            u"spring-boot-starter-actuator"_s, actuatorLine);
    } else {
        health = path(u"server.servlet.context-path"_s, {}) + u'/';
        plan.because(QObject::tr("health check: any HTTP answer on %1 (no Actuator dependency)").arg(health));
    }
    if (auto v = validateToken(QObject::tr("health check path"), health); !v)
        return v.error();
    plan.healthPath = health;
    plan.details.insert(u"actuator"_s, actuator);
    if (healthPort != plan.port)
        plan.details.insert(u"healthPort"_s, healthPort);
    if (!config->files().isEmpty())
        plan.details.insert(u"configFiles"_s, config->files().join(u','));
    return core::ok();
}

void keepDockerignore(Plan &plan, const Repo &repo)
{
    const QString path = Repo::join(plan.contextDir, u".dockerignore"_s);
    if (!repo.isFile(path))
        return;
    if (auto data = repo.read(path)) {
        plan.details.insert(u"dockerignore"_s, QString::fromUtf8(*data));
        plan.because(QObject::tr("keep the repository's .dockerignore and add build outputs to it"), path);
    }
}

} // namespace ttalkak::strategies::Internal
