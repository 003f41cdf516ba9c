#pragma once
// The CLI's exit codes, shared by every subcommand and listed in `ttalkak --help`.

#include <core/error.h>

namespace ttalkak::cli {

enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 1,       // bad arguments
    ExitFailed = 2,      // the operation failed (detection, build, deployment, request refused)
    ExitAuth = 3,        // not signed in, wrong password, token refused
    ExitNotFound = 4,    // no such deployment / database
    ExitNetwork = 5,     // the relay did not answer
    ExitTimeout = 6,     // gave up waiting (deploy, db create)
};

inline int exitCodeFor(const core::Error &error)
{
    switch (error.code()) {
    case core::ErrorCode::PermissionDenied: return ExitAuth;
    case core::ErrorCode::NotFound: return ExitNotFound;
    case core::ErrorCode::Unavailable: return ExitNetwork;
    case core::ErrorCode::Timeout: return ExitTimeout;
    case core::ErrorCode::InvalidInput: return ExitFailed;
    default: return ExitFailed;
    }
}

} // namespace ttalkak::cli
