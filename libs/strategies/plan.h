#pragma once
// Plan: what detection found in a repository and how to build and serve it.
// Every decision carries a Reason naming the file and value that caused it,
// so the deployer can show the user "why" next to "what".

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ttalkak::strategies {

struct Reason
{
    QString decision;   // "framework: Vite", "node version: 20"
    QString file;       // repo-relative, "" when the decision is a default
    int line = 0;       // 1-based, 0 when unknown
    QString value;      // the value that caused it, e.g. "\"vite\": \"^5.2.0\""

    QString toString() const;
    friend bool operator==(const Reason &, const Reason &) = default;
};

enum class ProjectKind { Frontend, Backend, Database, Dockerfile };

struct Plan
{
    QString strategyId;        // stable id: "vite", "nextjs", "spring-maven", "dockerfile", ...
    QString framework;         // display name: "Vite", "Next.js", "Spring Boot (Maven)"
    ProjectKind kind = ProjectKind::Frontend;
    QString appDir;            // repo-relative folder of the app, "" for the root
    // Repo-relative build context: the app folder, or the workspace root of a
    // monorepo (so shared lock files and packages are in reach). Dockerfile
    // paths are relative to it. "" is the repository root.
    QString contextDir;
    QStringList appCandidates; // app folders found in a monorepo (for the picker)

    QString packageManager;    // npm, yarn, yarn-berry, pnpm, bun, maven, gradle
    QString packageManagerVersion;
    QString runtime;           // node, java
    QString runtimeVersion;    // major version: "20", "17"

    QString installCommand;
    QString buildCommand;
    QString startCommand;
    QString outputDir;         // app-relative static output (dist, build, out)
    bool staticSite = false;   // served by nginx with an SPA fallback
    int port = 0;              // the port the container listens on
    QString healthPath = QStringLiteral("/");

    QJsonObject details;       // strategy-specific facts (e.g. Next.js output mode, boot jar path)
    QList<Reason> why;

    void because(QString decision, QString file = {}, QString value = {}, int line = 0)
    {
        why.append({std::move(decision), std::move(file), line, std::move(value)});
    }

    // Stable JSON form used by `ttalkak detect --json`, golden tests and the protocol.
    QJsonObject toJson() const;
};

QString projectKindName(ProjectKind kind);

} // namespace ttalkak::strategies
