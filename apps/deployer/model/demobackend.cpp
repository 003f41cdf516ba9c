#include "demobackend.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

#include <cmath>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

namespace {
qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
QJsonObject dep(const QString &id, const QString &name, const QString &state, int generation, qint64 since)
{
    return { { u"id"_s, id }, { u"kind"_s, u"app"_s }, { u"name"_s, name }, { u"state"_s, state },
        { u"desired"_s, state == u"stopped"_s ? u"stopped"_s : u"running"_s }, { u"generation"_s, generation },
        { u"providerId"_s, u"prv_7f3a91"_s }, { u"updatedAt"_s, double(since) }, { u"createdAt"_s, double(since) } };
}
} // namespace

DemoBackend::DemoBackend(QObject *parent)
    : DeployerBackend(parent)
{
    const qint64 t = now();
    m_deployments = { dep(u"dep_3f9a1c0b"_s, u"acme-web"_s, u"running"_s, 3, t - 26 * 3600000LL),
        dep(u"dep_81c2d4e7"_s, u"shop-api"_s, u"running"_s, 7, t - 47 * 60000LL),
        dep(u"dep_5b0e9f12"_s, u"docs-site"_s, u"stopped"_s, 1, t - 5 * 86400000LL),
        dep(u"dep_c47d2a88"_s, u"admin-panel"_s, u"failed"_s, 2, t - 3 * 3600000LL) };
    m_deployments[3].insert(u"detail"_s, u"build failed: npm ERR! missing script: build"_s);
    QJsonObject db = dep(u"dep_d1b2c3a4"_s, u"shop-db"_s, u"running"_s, 1, t - 86400000LL);
    db.insert(u"kind"_s, u"database"_s);
    db.insert(u"spec"_s, QJsonObject { { u"engine"_s, u"postgres"_s }, { u"version"_s, u"16"_s } });
    db.insert(u"connection"_s,
        QJsonObject { { u"host"_s, u"relay.ttalkak.app"_s }, { u"port"_s, 15432 }, { u"database"_s, u"app"_s },
            { u"user"_s, u"app"_s }, { u"password"_s, u"q8Zt3vN1xKp0"_s },
            { u"url"_s, u"postgres://app:q8Zt3vN1xKp0@relay.ttalkak.app:15432/app"_s } });
    QJsonObject cache = dep(u"dep_e5f6a7b8"_s, u"sessions"_s, u"running"_s, 1, t - 4 * 3600000LL);
    cache.insert(u"kind"_s, u"database"_s);
    cache.insert(u"spec"_s, QJsonObject { { u"engine"_s, u"redis"_s }, { u"version"_s, u"7"_s } });
    m_databases = { db, cache };
}

void DemoBackend::answer(QObject *context, Reply done, core::Result<QJsonObject> value)
{
    QTimer::singleShot(0, context, [done = std::move(done), value = std::move(value)] { done(value); });
}

void DemoBackend::signIn(const QUrl &, const QString &email, const QString &, bool, QObject *context, Reply done)
{
    answer(context, std::move(done), QJsonObject { { u"user"_s, QJsonObject { { u"email"_s, email } } },
                                         { u"token"_s, u"ttk_u_demo"_s } });
}

void DemoBackend::createProject(const QJsonObject &body, QObject *context, Reply done)
{
    QJsonObject p = body;
    p.insert(u"id"_s, u"prj_%1"_s.arg(m_next++));
    answer(context, std::move(done), p);
}

void DemoBackend::createDeployment(const QJsonObject &body, QObject *context, Reply done)
{
    QJsonObject d = dep(u"dep_a0b1c2d%1"_s.arg(m_next++), body.value(u"name"_s).toString(), u"queued"_s, 1, now());
    d.remove(u"providerId"_s);
    m_deployments.prepend(d);
    answer(context, std::move(done), d);
    playBuild(d.value(u"id"_s).toString());
}

void DemoBackend::playBuild(const QString &id)
{
    const QStringList lines { u"cloning https://github.com/acme/web.git at 9c1e2f4"_s,
        u"Step 1/9 : FROM node:20-alpine AS build"_s, u" ---> 1f2b3c4d5e6f"_s, u"Step 2/9 : WORKDIR /app"_s,
        u"Step 3/9 : COPY package.json package-lock.json ./"_s, u"Step 4/9 : RUN npm ci"_s,
        u"added 312 packages, and audited 313 packages in 9s"_s, u"Step 5/9 : COPY . ."_s,
        u"Step 6/9 : RUN npm run build"_s, u"vite v5.2.8 building for production..."_s,
        u"✓ 412 modules transformed."_s, u"dist/index.html                   0.46 kB │ gzip:  0.30 kB"_s,
        u"dist/assets/index-4f8a1c2e.js   143.36 kB │ gzip: 46.07 kB"_s, u"✓ built in 2.31s"_s,
        u"Step 7/9 : FROM nginx:1.27-alpine"_s, u"Step 8/9 : COPY --from=build /app/dist /usr/share/nginx/html"_s,
        u"Step 9/9 : EXPOSE 8080"_s, u"Successfully built 8d7c6b5a4f3e"_s,
        u"Successfully tagged ttalkak/dep_a0b1c2d:5e1f0c9a8b7d6e5f"_s };
    auto status = [this, id](const QString &state) {
        Q_EMIT statusReceived({ { u"deployment"_s, id }, { u"state"_s, state }, { u"desired"_s, u"running"_s },
            { u"generation"_s, 1 }, { u"providerId"_s, u"prv_7f3a91"_s } });
    };
    QTimer::singleShot(20, this, [status] { status(u"assigned"_s); });
    QTimer::singleShot(40, this, [this, id, lines, status] {
        status(u"building"_s);
        for (const QString &l : lines)
            Q_EMIT buildLogReceived(id, l);
    });
    QTimer::singleShot(80, this, [status] { status(u"running"_s); });
}

void DemoBackend::relayInfo(QObject *context, Reply done)
{
    answer(context, std::move(done),
        QJsonObject { { u"domain"_s, u"ttalkak.app"_s },
            { u"ingress"_s,
                QJsonObject { { u"http"_s, QJsonObject { { u"port"_s, 80 } } },
                    { u"https"_s, QJsonObject { { u"port"_s, 443 } } } } },
            { u"tunnel"_s, QJsonObject { { u"port"_s, 7443 } } }, { u"protocol"_s, 1 }, { u"version"_s, u"demo"_s } });
}

void DemoBackend::uploadBlob(const QString &, const QMap<QString, QByteArray> &, QObject *context, Reply done)
{
    answer(context, std::move(done), QJsonObject { { u"blob"_s, QString(64, u'a') }, { u"size"_s, 48213 } });
}

void DemoBackend::listDeployments(QObject *context, Reply done)
{
    QJsonArray items;
    for (const QJsonObject &d : std::as_const(m_deployments))
        items.append(d);
    answer(context, std::move(done), QJsonObject { { u"items"_s, items }, { u"total"_s, items.size() } });
}

void DemoBackend::deployment(const QString &id, QObject *context, Reply done)
{
    for (const QJsonObject &d : std::as_const(m_deployments)) {
        if (d.value(u"id"_s) == id) {
            answer(context, std::move(done), d);
            return;
        }
    }
    answer(context, std::move(done), core::Error(core::ErrorCode::NotFound, u"not found"_s));
}

void DemoBackend::command(const QString &id, const QString &command, const QJsonObject &, QObject *context, Reply done)
{
    for (QJsonObject &d : m_deployments) {
        if (d.value(u"id"_s) == id) {
            d.insert(u"state"_s, command == u"stop"_s ? u"stopped"_s : u"running"_s);
            if (command == u"redeploy"_s)
                d.insert(u"generation"_s, d.value(u"generation"_s).toInt() + 1);
            d.insert(u"updatedAt"_s, double(now()));
            answer(context, std::move(done), d);
            return;
        }
    }
    answer(context, std::move(done), core::Error(core::ErrorCode::NotFound, u"not found"_s));
}

void DemoBackend::deleteDeployment(const QString &id, QObject *context, Reply done)
{
    for (QJsonObject &d : m_deployments) {
        if (d.value(u"id"_s) == id) {
            d.insert(u"state"_s, u"deleting"_s);
            answer(context, std::move(done), d);
            return;
        }
    }
    answer(context, std::move(done), core::Error(core::ErrorCode::NotFound, u"not found"_s));
}

void DemoBackend::listDatabases(QObject *context, Reply done)
{
    QJsonArray items;
    for (QJsonObject d : std::as_const(m_databases)) {
        d.remove(u"connection"_s); // the list does not carry credentials; details do
        items.append(d);
    }
    answer(context, std::move(done), QJsonObject { { u"items"_s, items }, { u"total"_s, items.size() } });
}

void DemoBackend::createDatabase(const QJsonObject &body, QObject *context, Reply done)
{
    QJsonObject d = dep(u"dep_f0e1d2c%1"_s.arg(m_next++), body.value(u"name"_s).toString(), u"queued"_s, 1, now());
    d.insert(u"kind"_s, u"database"_s);
    d.insert(u"spec"_s, QJsonObject { { u"engine"_s, body.value(u"engine"_s) }, { u"version"_s, body.value(u"version"_s) } });
    m_databases.prepend(d);
    answer(context, std::move(done), d);
}

void DemoBackend::database(const QString &id, QObject *context, Reply done)
{
    for (const QJsonObject &d : std::as_const(m_databases)) {
        if (d.value(u"id"_s) == id) {
            answer(context, std::move(done), d);
            return;
        }
    }
    answer(context, std::move(done), core::Error(core::ErrorCode::NotFound, u"not found"_s));
}

void DemoBackend::deleteDatabase(const QString &id, QObject *context, Reply done)
{
    database(id, context, std::move(done));
}

void DemoBackend::logs(const QString &id, const QUrlQuery &query, QObject *context, Reply done)
{
    static const QStringList paths { u"/"_s, u"/api/products"_s, u"/api/cart"_s, u"/assets/index-4f8a1c2e.js"_s,
        u"/api/login"_s, u"/favicon.ico"_s, u"/api/orders/1042"_s };
    const qint64 before = query.queryItemValue(u"before"_s).toLongLong();
    const int limit = query.queryItemValue(u"limit"_s).toInt();
    qint64 rowId = before > 0 ? before - 1 : 5000;
    QJsonArray items;
    const qint64 t = now();
    for (int i = 0; i < limit && rowId > 0; ++i, --rowId) {
        const int k = int(rowId * 7919 % 97);
        const int status = k < 3 ? 502 : k < 9 ? 404 : k < 14 ? 304 : k < 20 ? 201 : 200;
        items.append(QJsonObject { { u"id"_s, double(rowId) }, { u"at"_s, double(t - (5000 - rowId) * 9000) },
            { u"method"_s, k % 5 == 0 ? u"POST"_s : u"GET"_s }, { u"path"_s, paths[k % paths.size()] },
            { u"status"_s, status }, { u"latencyMs"_s, 4.0 + (k % 40) * 1.7 }, { u"bytesIn"_s, 420 + k * 3 },
            { u"bytesOut"_s, 1800 + k * 211 }, { u"client"_s, u"203.0.113.%1"_s.arg(k % 60 + 2) } });
    }
    answer(context, std::move(done), QJsonObject { { u"deployment"_s, id }, { u"kind"_s, u"access"_s },
                                         { u"items"_s, items }, { u"nextBefore"_s, double(rowId > 0 ? rowId + 1 : 0) } });
}

void DemoBackend::metrics(const QString &id, qint64 fromMs, qint64 toMs, QObject *context, Reply done)
{
    // A daily rhythm with noise and a burst of 5xx, so every chart has something to show.
    QJsonArray buckets;
    for (qint64 t = fromMs - fromMs % 60000; t < toMs; t += 60000) {
        const double hour = double(t % 86400000) / 3600000.0;
        const double wave = 40 + 30 * std::sin((hour - 9) / 24.0 * 2 * M_PI) + 8 * std::sin(double(t) / 420000.0);
        const int n = qMax(0, int(wave));
        if (n == 0)
            continue;
        const bool incident = (t / 60000) % 180 < 6;
        const int s5 = incident ? n / 3 : (t / 60000) % 17 == 0 ? 1 : 0;
        const int s4 = n / 12, s3 = n / 8;
        buckets.append(QJsonObject { { u"t"_s, double(t) }, { u"requests"_s, n },
            { u"status"_s, QJsonObject { { u"2xx"_s, n - s3 - s4 - s5 }, { u"3xx"_s, s3 }, { u"4xx"_s, s4 }, { u"5xx"_s, s5 } } },
            { u"latencyMs"_s, QJsonObject { { u"p50"_s, 18 + n / 6 }, { u"p95"_s, (incident ? 420 : 60) + n }, { u"p99"_s, 300 } } },
            { u"bytesIn"_s, n * 620 }, { u"bytesOut"_s, n * 14200 } });
    }
    answer(context, std::move(done), QJsonObject { { u"deployment"_s, id }, { u"from"_s, double(fromMs) },
                                         { u"to"_s, double(toMs) }, { u"bucketMs"_s, 60000 }, { u"buckets"_s, buckets } });
}

void DemoBackend::summary(const QString &id, const QString &window, const QString &language, QObject *context,
    Reply done)
{
    const QString text = language == u"ko"_s
        ? u"지난 %1 동안 요청 41,280건, 5xx 오류율 2.1% (이전 구간 0.4%). 14:02 UTC에 컨테이너가 종료 코드 137로 "
          u"재시작된 뒤 502 응답 120건이 시작되었습니다: 메모리 한도 256 MB 도달. 가장 많이 실패한 경로: "
          u"/api/orders/{id} (88건). 새 오류 템플릿: \"ECONNREFUSED 127.0.0.1:5432\"."_s.arg(window)
        : u"In the last %1: 41,280 requests, 5xx error rate 2.1% (0.4% in the window before). All 120 502 "
          u"responses began at 14:02 UTC when the container restarted with exit code 137: memory limit 256 MB "
          u"reached. Most failing path: /api/orders/{id} (88). New error template: \"ECONNREFUSED 127.0.0.1:5432\"."_s
              .arg(window);
    answer(context, std::move(done), QJsonObject { { u"deployment"_s, id }, { u"language"_s, language },
                                         { u"source"_s, u"local"_s }, { u"text"_s, text } });
}

void DemoBackend::earnings(QObject *context, Reply done)
{
    answer(context, std::move(done), QJsonObject { { u"unit"_s, u"micro"_s } });
}

} // namespace ttalkak::deployer
