#pragma once
// libgit2's global state: initialised once on first use, shut down at process exit.

namespace ttalkak::core::Internal {

void ensureLibgit2();

} // namespace ttalkak::core::Internal
