#include "requestrewriter.h"

#include <http_parser.h>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;

namespace {
bool isDropped(const QByteArray &lowerName)
{
    // Set by us alone, so a client cannot forge its address; Proxy-Connection is obsolete.
    return lowerName == "x-forwarded-for" || lowerName == "x-forwarded-proto" || lowerName == "x-forwarded-host"
        || lowerName == "forwarded" || lowerName == "proxy-connection";
}
} // namespace

struct RequestRewriter::Parser
{
    http_parser parser;
    http_parser_settings settings;
    RequestRewriter *self = nullptr;
    QByteArray *out = nullptr;
    QByteArray url;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool inValue = false;
    bool chunked = false;
    bool badHost = false;

    static Parser *of(http_parser *p) { return static_cast<Parser *>(p->data); }

    static int onMessageBegin(http_parser *p)
    {
        Parser *d = of(p);
        d->url.clear();
        d->headers.clear();
        d->inValue = false;
        d->chunked = false;
        return 0;
    }
    static int onUrl(http_parser *p, const char *at, size_t len)
    {
        of(p)->url.append(at, qsizetype(len));
        return 0;
    }
    static int onHeaderField(http_parser *p, const char *at, size_t len)
    {
        Parser *d = of(p);
        if (d->inValue || d->headers.isEmpty()) {
            d->headers.append({ QByteArray(at, qsizetype(len)), QByteArray() });
            d->inValue = false;
        } else {
            d->headers.last().first.append(at, qsizetype(len));
        }
        return 0;
    }
    static int onHeaderValue(http_parser *p, const char *at, size_t len)
    {
        Parser *d = of(p);
        d->inValue = true;
        if (!d->headers.isEmpty())
            d->headers.last().second.append(at, qsizetype(len));
        return 0;
    }
    static int onHeadersComplete(http_parser *p)
    {
        Parser *d = of(p);
        RequestRewriter *rw = d->self;
        Head head;
        head.method = http_method_str(static_cast<http_method>(p->method));
        head.target = d->url;
        head.upgrade = p->upgrade != 0;
        head.outputOffset = d->out->size();

        QByteArray &o = *d->out;
        o += head.method;
        o += ' ';
        o += d->url;
        o += " HTTP/";
        o += QByteArray::number(p->http_major);
        o += '.';
        o += QByteArray::number(p->http_minor);
        o += "\r\n";
        int hosts = 0;
        for (auto &[name, value] : d->headers) {
            const QByteArray lower = name.toLower();
            if (lower == "host") {
                ++hosts;
                head.host = value.trimmed();
            }
            if (isDropped(lower))
                continue;
            o += name;
            o += ": ";
            o += value;
            o += "\r\n";
        }
        if (hosts > 1 || (hosts == 0 && p->http_minor >= 1)) {
            d->badHost = true;
            return -1;
        }
        o += "X-Forwarded-For: ";
        o += rw->m_clientAddress;
        o += "\r\nX-Forwarded-Proto: ";
        o += rw->m_proto;
        if (!head.host.isEmpty()) {
            o += "\r\nX-Forwarded-Host: ";
            o += head.host;
        }
        o += "\r\n\r\n";
        d->chunked = (p->flags & F_CHUNKED) != 0;
        rw->m_heads.append(std::move(head));
        return 0;
    }
    static int onBody(http_parser *p, const char *at, size_t len)
    {
        Parser *d = of(p);
        if (d->chunked) {
            *d->out += QByteArray::number(qulonglong(len), 16);
            *d->out += "\r\n";
            d->out->append(at, qsizetype(len));
            *d->out += "\r\n";
        } else {
            d->out->append(at, qsizetype(len));
        }
        return 0;
    }
    static int onMessageComplete(http_parser *p)
    {
        Parser *d = of(p);
        if (d->chunked)
            *d->out += "0\r\n\r\n";
        // Pausing makes http_parser_execute return right after this message, which gives the
        // exact raw size of each pipelined request.
        http_parser_pause(p, 1);
        return 0;
    }
};

RequestRewriter::RequestRewriter(const QByteArray &clientAddress, const QByteArray &proto)
    : m_parser(std::make_unique<Parser>())
    , m_clientAddress(clientAddress)
    , m_proto(proto)
{
    http_parser_init(&m_parser->parser, HTTP_REQUEST);
    m_parser->parser.data = m_parser.get();
    m_parser->self = this;
    http_parser_settings_init(&m_parser->settings);
    m_parser->settings.on_message_begin = &Parser::onMessageBegin;
    m_parser->settings.on_url = &Parser::onUrl;
    m_parser->settings.on_header_field = &Parser::onHeaderField;
    m_parser->settings.on_header_value = &Parser::onHeaderValue;
    m_parser->settings.on_headers_complete = &Parser::onHeadersComplete;
    m_parser->settings.on_body = &Parser::onBody;
    m_parser->settings.on_message_complete = &Parser::onMessageComplete;
}

RequestRewriter::~RequestRewriter() = default;

bool RequestRewriter::feed(const char *data, qsizetype size, QByteArray &out)
{
    if (hasError())
        return false;
    if (m_upgraded) {
        out.append(data, size);
        m_rawTotal += size;
        return true;
    }
    m_parser->out = &out;
    qsizetype offset = 0;
    while (offset < size) {
        const size_t n
            = http_parser_execute(&m_parser->parser, &m_parser->settings, data + offset, size_t(size - offset));
        offset += qsizetype(n);
        m_rawTotal += qint64(n);
        const http_errno err = HTTP_PARSER_ERRNO(&m_parser->parser);
        if (err == HPE_PAUSED) {
            http_parser_pause(&m_parser->parser, 0);
            m_completed.append(m_rawTotal - m_messageStart);
            m_messageStart = m_rawTotal;
            if (m_parser->parser.upgrade) {
                m_upgraded = true;
                out.append(data + offset, size - offset);
                m_rawTotal += size - offset;
                break;
            }
            continue;
        }
        if (err != HPE_OK) {
            const bool overflow = err == HPE_HEADER_OVERFLOW;
            m_errorStatus = overflow ? 431 : 400;
            m_error = m_parser->badHost ? u"missing or repeated Host header"_s
                                        : QString::fromLatin1(http_errno_description(err));
            m_parser->out = nullptr;
            return false;
        }
        if (n == 0)
            break; // cannot happen without an error, but never spin
    }
    m_parser->out = nullptr;
    return true;
}

QList<RequestRewriter::Head> RequestRewriter::takeHeads()
{
    return std::exchange(m_heads, {});
}

QList<qint64> RequestRewriter::takeCompleted()
{
    return std::exchange(m_completed, {});
}

} // namespace ttalkak::tunnel
