#pragma once
// DockerIgnore: .dockerignore matching with the Docker CLI's exact semantics (moby/patternmatcher
// and the CLI's ignorefile reader): comments only at column 0, whitespace trimmed, paths cleaned
// like Go's filepath.Clean, a leading '/' dropped, `*` and `?` never cross '/', `**` spans any
// number of directories, `[...]` classes and `\` escapes as in filepath.Match, a pattern that
// matches a parent directory matches everything below it, and `!` exceptions re-include; the last
// matching pattern wins.
//
// Hand-written: no C/C++ library implements these rules (gitignore's differ: there a pattern
// without '/' matches at any depth, here it is anchored at the context root).
//
//   auto ignore = DockerIgnore::parse(fileBytes);
//   if (ignore && ignore->matches(u"node_modules/x.js")) ... // excluded from the context

#include <core/result.h>

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace ttalkak::docker {

class DockerIgnore
{
public:
    DockerIgnore() = default;

    // The contents of a .dockerignore file. Bad patterns are InvalidInput with the line number.
    static core::Result<DockerIgnore> parse(QByteArrayView fileContents);
    // Already-read patterns ("!" prefix for exceptions), as the engine API's patternmatcher takes them.
    static core::Result<DockerIgnore> fromPatterns(const QStringList &patterns);

    // Whether a context-relative path ('/'-separated, no leading "./") is excluded, either by
    // itself or because one of its parent directories is.
    bool matches(QStringView relativePath) const;
    // For an excluded directory: true when nothing below it can be re-included, so a walker may
    // skip it without looking inside (Docker's rule: no "!" pattern starts with "dir/").
    bool canSkipDirectory(QStringView relativeDir) const;
    // Appends "!path" so the file is always sent (the CLI does this for the Dockerfile and
    // .dockerignore, which the daemon needs even when the user ignores them).
    void keep(const QString &relativePath);

    bool hasExceptions() const { return m_hasExceptions; }
    bool isEmpty() const { return m_patterns.isEmpty(); }
    // Cleaned patterns, "!" kept.
    QStringList patterns() const;

private:
    struct Pattern
    {
        QString cleaned; // without the '!'
        bool exception = false;
        QRegularExpression regex;
    };
    static core::Result<Pattern> compile(const QString &pattern);
    core::Result<void> add(const QString &pattern);

    QList<Pattern> m_patterns;
    bool m_hasExceptions = false;
};

} // namespace ttalkak::docker
