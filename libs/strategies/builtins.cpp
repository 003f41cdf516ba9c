// The built-in strategies. Adding a framework = one file pair + one line here.
#include "registry.h"

#include "dockerfilestrategy.h"
#include "node/bundlerstrategy.h"
#include "node/crastrategy.h"
#include "node/nextstrategy.h"
#include "node/nodeworkspacestrategy.h"
#include "node/staticsitestrategy.h"
#include "node/vitestrategy.h"
#include "java/gradlespringstrategy.h"
#include "java/mavenspringstrategy.h"

namespace ttalkak::strategies {

Registry Registry::withBuiltins()
{
    Registry r;
    r.add(std::make_unique<DockerfileStrategy>());
    // node
    r.add(std::make_unique<NextStrategy>());
    r.add(std::make_unique<ViteStrategy>());
    r.add(std::make_unique<CraStrategy>());
    r.add(std::make_unique<NodeWorkspaceStrategy>());
    r.add(std::make_unique<BundlerStrategy>());
    r.add(std::make_unique<StaticSiteStrategy>());
    // java
    r.add(std::make_unique<MavenSpringStrategy>());
    r.add(std::make_unique<GradleSpringStrategy>());
    return r;
}

} // namespace ttalkak::strategies
