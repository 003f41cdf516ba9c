#pragma once
// LlmClient: one chat-completions call to any OpenAI-compatible endpoint
// (POST {url} {"model", "messages", "max_tokens", "temperature"} -> choices[0].message.content).
//
//   client.complete(messages, maxTokens, this, [](core::Result<QString> answer) { ... });
//
// The callback runs exactly once, on this thread: with the answer, or with an Error for a
// timeout (Options::timeoutMs), a transport error, a non-2xx status or a malformed body. The API
// key is sent as "Authorization: Bearer" and never logged. Thread: the owner's.

#include <core/result.h>

#include <QJsonArray>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace ttalkak::relay {

class LlmClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl url; // e.g. https://api.openai.com/v1/chat/completions
        QString model;
        QString apiKey; // may be empty (local servers)
        int timeoutMs = 20000;
    };

    explicit LlmClient(Options options, QObject *parent = nullptr);
    bool isConfigured() const { return m_options.url.isValid() && !m_options.model.isEmpty(); }
    const Options &options() const { return m_options; }

    void complete(
        const QJsonArray &messages, int maxTokens, QObject *context, std::function<void(core::Result<QString>)> done);

private:
    Options m_options;
    QNetworkAccessManager *m_nam;
};

} // namespace ttalkak::relay
