// The built-in strategies. Adding a framework = one file pair + one line here.
#include "registry.h"

#include "dockerfilestrategy.h"

namespace ttalkak::strategies {

Registry Registry::withBuiltins()
{
    Registry r;
    r.add(std::make_unique<DockerfileStrategy>());
    // node
    // java
    return r;
}

} // namespace ttalkak::strategies
