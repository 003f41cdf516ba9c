#include "libgit2_p.h"

#include <git2.h>

namespace ttalkak::core::Internal {

namespace {
struct Libgit2
{
    Libgit2() { git_libgit2_init(); }
    ~Libgit2() { git_libgit2_shutdown(); }
};
} // namespace

void ensureLibgit2()
{
    static const Libgit2 instance; // thread-safe one-time construction
}

} // namespace ttalkak::core::Internal
