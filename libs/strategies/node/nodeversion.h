#pragma once
// NodeVersion: turns what a repository says about its Node.js version into one
// concrete major, the tag of the base image. Pure functions over text so the
// rules are unit-tested in tests/strategies/node/tst_nodeversion.cpp.
//
// Range rule (engines.node): a semver range allows a major when any version in
// it satisfies the range. Of the allowed majors we take the current LTS (22);
// else the newest older LTS line (20, 18, ...); else the nearest newer one
// (24, then 23, 25); else any allowed major. LTS lines get security fixes and
// have maintained base images, which odd "current" lines lose after months.

#include <QList>
#include <QString>

#include <optional>

namespace ttalkak::strategies {

class NodeVersion
{
public:
    static constexpr int currentLts = 22;
    static constexpr int newestKnown = 25;

    struct Choice
    {
        int major = 0; // 0 = none
        QString rule; // why this major, for the why list ("" when obvious)
        QString error; // set when the text cannot be used
    };

    // .nvmrc / .node-version: "20", "v20.11.1", "lts/*", "lts/iron", "iron", "node", or a range.
    static Choice fromPinFile(const QString &text);
    // engines.node: a semver range (">=18", "^20.11 || ^22", "18.x", "16 - 20").
    static Choice fromRange(const QString &range);

    // Majors in [4, newestKnown] that the range allows; nullopt when it does not parse.
    static std::optional<QList<int>> allowedMajors(const QString &range);
    // The preferred major among allowed ones (see the rule above); 0 for none.
    static int preferredMajor(const QList<int> &allowed);
    // LTS codename ("iron", case-insensitive) -> major; 0 when unknown.
    static int ltsMajor(const QString &codename);
};

} // namespace ttalkak::strategies
