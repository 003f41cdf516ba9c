#pragma once
// Next.js, in one of two shapes:
//   server (default): `next build` with standalone output, run by `node server.js`
//     in a slim image holding only the traced files. Generation turns standalone
//     on through NEXT_PRIVATE_STANDALONE=true in the build stage: Next reads it as
//     the default of `output` (config-shared.js, Next 12.2 to 15), so the user's
//     next.config is neither edited nor wrapped and an explicit `output` in it
//     still wins. The build stage checks that server.js was written and fails
//     with a clear message otherwise.
//   static export (`output: 'export'`, or `next export` in the build script):
//     the out/ folder served by nginx like any static site.

#include "nodestrategy.h"

namespace ttalkak::strategies {

class NextStrategy : public NodeStrategy
{
public:
    static constexpr int serverPort = 3000;

    NextStrategy()
        : NodeStrategy(QStringLiteral("nextjs"), 100, NodeProject::Framework::Next)
    {
    }
    QString lookingFor() const override;

protected:
    core::Result<void> detectFramework(const Repo &repo, const NodeProject &project, Plan &plan) const override;
    core::Result<Generated> doGenerate(const Plan &plan, const GenerateOptions &options) const override;

private:
    static core::Result<Generated> generateServer(const Plan &plan, const GenerateOptions &options);
};

} // namespace ttalkak::strategies
