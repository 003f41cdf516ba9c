#include "responseobserver.h"

#include <http_parser.h>

namespace ttalkak::tunnel {

using namespace Qt::StringLiterals;

struct ResponseObserver::Parser
{
    http_parser parser;
    http_parser_settings settings;
    ResponseObserver *self = nullptr;

    static ResponseObserver *of(http_parser *p) { return static_cast<Parser *>(p->data)->self; }

    static int onHeadersComplete(http_parser *p)
    {
        ResponseObserver *o = of(p);
        o->m_status = int(p->status_code);
        if (p->status_code >= 200 || p->status_code == 101)
            o->m_headSeen = true;
        // A response to HEAD has a Content-Length but no body.
        if (!o->m_methods.isEmpty() && o->m_methods.first() == "HEAD")
            return 1;
        return 0;
    }
    static int onMessageComplete(http_parser *p)
    {
        http_parser_pause(p, 1);
        return 0;
    }
};

ResponseObserver::ResponseObserver()
    : m_parser(std::make_unique<Parser>())
{
    http_parser_init(&m_parser->parser, HTTP_RESPONSE);
    m_parser->parser.data = m_parser.get();
    m_parser->self = this;
    http_parser_settings_init(&m_parser->settings);
    m_parser->settings.on_headers_complete = &Parser::onHeadersComplete;
    m_parser->settings.on_message_complete = &Parser::onMessageComplete;
}

ResponseObserver::~ResponseObserver() = default;

void ResponseObserver::expectRequest(const QByteArray &method)
{
    m_methods.append(method);
}

bool ResponseObserver::feed(const char *data, qsizetype size)
{
    if (hasError())
        return false;
    if (m_upgraded) {
        m_rawTotal += size;
        return true;
    }
    qsizetype offset = 0;
    while (offset < size || size == 0) {
        const size_t n = http_parser_execute(
            &m_parser->parser, &m_parser->settings, size == 0 ? nullptr : data + offset, size_t(size - offset));
        offset += qsizetype(n);
        m_rawTotal += qint64(n);
        const http_errno err = HTTP_PARSER_ERRNO(&m_parser->parser);
        if (err == HPE_PAUSED) {
            http_parser_pause(&m_parser->parser, 0);
            const int status = int(m_parser->parser.status_code);
            if (status >= 100 && status < 200 && status != 101) {
                m_headSeen = false; // interim; the final response follows and gets these bytes
            } else {
                Response r;
                r.status = status;
                r.bytes = m_rawTotal - m_messageStart;
                r.keepAlive = http_should_keep_alive(&m_parser->parser) != 0;
                r.upgrade = status == 101;
                m_completed.append(r);
                m_messageStart = m_rawTotal;
                m_headSeen = false;
                m_status = 0;
                if (!m_methods.isEmpty())
                    m_methods.removeFirst();
                if (r.upgrade || m_parser->parser.upgrade) {
                    m_upgraded = true;
                    m_rawTotal += size - offset;
                    break;
                }
            }
            if (size == 0)
                break;
            continue;
        }
        if (err != HPE_OK) {
            m_error = QString::fromLatin1(http_errno_description(err));
            return false;
        }
        if (n == 0 || size == 0)
            break;
    }
    return true;
}

bool ResponseObserver::finish()
{
    if (m_upgraded || hasError())
        return !hasError();
    return feed(nullptr, 0);
}

QList<ResponseObserver::Response> ResponseObserver::takeCompleted()
{
    return std::exchange(m_completed, {});
}

} // namespace ttalkak::tunnel
