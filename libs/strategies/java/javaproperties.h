#pragma once
// JavaProperties: a java.util.Properties-format file (application.properties,
// system.properties) read with line numbers, so every value can be cited in a
// Plan's why list.
//
// Hand-written because neither Qt nor a maintained small library reads this
// format (QSettings' INI reader does not handle ':' separators, '\' line
// continuations or '#---' document separators). Handles: '=' ':' or blank as
// separator, '#' and '!' comments, continuation lines, \t \n \uXXXX escapes, and
// Spring Boot's multi-document files ('#---' or '!---' on a line of its own).

#include <QList>
#include <QString>

namespace ttalkak::strategies {

class JavaProperties
{
public:
    struct Entry
    {
        QString key;
        QString value;
        int line = 0; // 1-based line where the entry starts
    };
    // One document of a multi-document file, entries in file order.
    using Document = QList<Entry>;

    static JavaProperties parse(const QByteArray &text);

    const QList<Document> &documents() const { return m_documents; }
    // Last entry with this key in the given document, or nullptr.
    static const Entry *find(const Document &doc, const QString &key);
    // Last entry with this key in the whole file (all documents). The pointer
    // points into this object, so calling it on a temporary does not compile.
    const Entry *find(const QString &key) const &;
    const Entry *find(const QString &key) const && = delete;

private:
    QList<Document> m_documents;
};

} // namespace ttalkak::strategies
