#include "httpparser.h"

#include "httpbodysink.h"

#include <http_parser.h>

namespace ttalkak::relay {

struct HttpParser::Private
{
    http_parser parser;
    http_parser_settings settings;
    HttpParser *q = nullptr;
    HttpRequest current;
    QByteArray field;
    QByteArray value;
    bool lastWasValue = false;
    qsizetype headerBytes = 0;
    qsizetype maxHeaderBytes = 0;
    qsizetype maxBodyBytes = 0;
    qint64 bodyBytes = 0;
    SinkProvider sinks;
    State limit = State::Ok;

    static Private *self(http_parser *p) { return static_cast<Private *>(p->data); }

    void flushHeader()
    {
        if (!field.isEmpty())
            current.headers.append({field.toLower(), value.trimmed()});
        field.clear();
        value.clear();
    }
    bool countHeader(size_t n)
    {
        headerBytes += qsizetype(n);
        if (headerBytes > maxHeaderBytes) {
            limit = State::HeadersTooLarge;
            return false;
        }
        return true;
    }
};

HttpParser::HttpParser(qsizetype maxHeaderBytes, qsizetype maxBodyBytes, SinkProvider sinks)
    : d(std::make_unique<Private>())
{
    d->q = this;
    d->sinks = std::move(sinks);
    d->maxHeaderBytes = maxHeaderBytes;
    d->maxBodyBytes = maxBodyBytes;
    http_parser_init(&d->parser, HTTP_REQUEST);
    d->parser.data = d.get();
    http_parser_settings_init(&d->settings);
    d->settings.on_message_begin = [](http_parser *p) {
        Private *s = Private::self(p);
        s->current = HttpRequest();
        s->field.clear();
        s->value.clear();
        s->lastWasValue = false;
        s->headerBytes = 0;
        s->bodyBytes = 0;
        return 0;
    };
    d->settings.on_url = [](http_parser *p, const char *at, size_t n) {
        Private *s = Private::self(p);
        if (!s->countHeader(n))
            return 1;
        s->current.target.append(at, qsizetype(n));
        return 0;
    };
    d->settings.on_header_field = [](http_parser *p, const char *at, size_t n) {
        Private *s = Private::self(p);
        if (!s->countHeader(n))
            return 1;
        if (s->lastWasValue)
            s->flushHeader();
        s->field.append(at, qsizetype(n));
        s->lastWasValue = false;
        return 0;
    };
    d->settings.on_header_value = [](http_parser *p, const char *at, size_t n) {
        Private *s = Private::self(p);
        if (!s->countHeader(n))
            return 1;
        s->value.append(at, qsizetype(n));
        s->lastWasValue = true;
        return 0;
    };
    d->settings.on_headers_complete = [](http_parser *p) {
        Private *s = Private::self(p);
        s->flushHeader();
        HttpRequest &r = s->current;
        r.method = http_method_str(static_cast<http_method>(p->method));
        const qsizetype qm = r.target.indexOf('?');
        r.path = qm < 0 ? r.target : r.target.left(qm);
        if (qm >= 0)
            r.query = QUrlQuery(QString::fromUtf8(r.target.mid(qm + 1)));
        r.keepAlive = http_should_keep_alive(p) != 0;
        r.upgrade = p->upgrade != 0;
        if (s->sinks && !r.upgrade)
            r.bodySink = s->sinks(r);
        const quint64 limit = r.bodySink ? quint64(r.bodySink->maxBytes()) : quint64(s->maxBodyBytes);
        if (p->content_length != ULLONG_MAX && p->content_length > limit) {
            s->limit = State::BodyTooLarge;
            return -1;
        }
        return 0;
    };
    d->settings.on_body = [](http_parser *p, const char *at, size_t n) {
        Private *s = Private::self(p);
        HttpBodySink *sink = s->current.bodySink.get();
        s->bodyBytes += qint64(n);
        if (s->bodyBytes > (sink ? sink->maxBytes() : qint64(s->maxBodyBytes))) {
            s->limit = State::BodyTooLarge;
            return 1;
        }
        if (sink)
            sink->write(at, qsizetype(n));
        else
            s->current.body.append(at, qsizetype(n));
        return 0;
    };
    d->settings.on_message_complete = [](http_parser *p) {
        Private *s = Private::self(p);
        s->q->m_done.append(std::move(s->current));
        s->current = HttpRequest();
        return 0;
    };
}

HttpParser::~HttpParser() = default;

HttpParser::State HttpParser::feed(const char *data, qsizetype size)
{
    if (d->limit != State::Ok)
        return d->limit;
    if (HTTP_PARSER_ERRNO(&d->parser) != HPE_OK)
        return State::Error;
    const size_t parsed = http_parser_execute(&d->parser, &d->settings, data, size_t(size));
    if (d->limit != State::Ok)
        return d->limit;
    if (d->parser.upgrade) {
        // The upgrade request completes at the end of its headers (no body for GET).
        if (!m_done.isEmpty() && m_done.constLast().upgrade)
            return State::Upgrade;
        return State::Ok;
    }
    if (HTTP_PARSER_ERRNO(&d->parser) != HPE_OK || parsed != size_t(size))
        return State::Error;
    return State::Ok;
}

QList<HttpRequest> HttpParser::takeRequests()
{
    return std::exchange(m_done, {});
}

} // namespace ttalkak::relay
