#pragma once
// JsConfig: cheap reading of a JavaScript/TypeScript config file (vite.config.ts,
// next.config.mjs, webpack.config.js) without running it.
//
// Only literal values are read: `outDir: 'build'`, `output: "export"`. A value
// computed at run time (a variable, a function call) is reported as present but
// unknown so the caller can say so in the why list instead of guessing silently.
// Written by hand: running the user's config would need Node.js and would run
// their code inside the detector, which must stay side-effect free.

#include "../repo.h"

#include <core/result.h>

#include <QString>
#include <QStringList>

#include <optional>

namespace ttalkak::strategies {

class JsConfig
{
public:
    // The first of names (e.g. vite.config.ts, vite.config.js) present in dir.
    static core::Result<std::optional<JsConfig>> find(const Repo &repo, const QString &dir, const QStringList &names);
    static JsConfig fromText(const QString &text, const QString &path = {}); // tests

    QString path() const { return m_path; }
    QString fileName() const;

    struct Value
    {
        QString value; // the literal, "" when the property is not a string literal
        QString source; // the source text after the colon, for the why list
        int line = 0;
        bool literal = false;
    };
    // The first `name:` property (comments ignored); nullopt when absent.
    std::optional<Value> property(const QString &name) const;

private:
    QString m_path;
    QString m_code; // comments blanked out, line breaks kept
};

} // namespace ttalkak::strategies
