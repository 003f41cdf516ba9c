#pragma once
// Git source access through libgit2 (no git binary, no shell).
//
// cloneRepository() is the blocking core: it fetches exactly one ref of `url` into a fresh
// repository, checks out its commit (or `commit`, which must be reachable from that ref) into
// `worktree`, then refuses the checkout when a path or a symlink escapes it. GitCloneJob runs it
// off the caller's thread:
//
//   GitCloneOptions o; o.url = url; o.ref = u"main"_s; o.commit = sha; o.maxBytes = 500 << 20;
//   auto *job = new GitCloneJob(o, workDir + u"/src", this);
//   connect(job, &GitCloneJob::progress, this, [](const QString &line) { log(line); });
//   connect(job, &GitCloneJob::result, this, [](GitCloneJob *j) { j->failed() ? … : use(j->commit()); });
//   job->start();
//
// Security: only https, http, git and ssh URLs (file:// when allowFile); the token is handed to
// libgit2's credential callback for http(s) only, never put in the URL, the config or a log; the
// remote is anonymous, so nothing about it is written to .git/config.

#include "../result.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace ttalkak::core {

struct GitCloneOptions
{
    QString url;
    QString ref; // branch, tag or full "refs/…" name; "" = the remote's HEAD
    QString commit; // exact 40-hex commit to check out; "" = whatever ref points to
    QString token; // https/http only; sent as the password of user "x-access-token"
    bool allowFile = false; // accept file:// URLs (tests, the local stack)
    qint64 maxBytes = 0; // transferred pack bytes; 0 = unlimited
    int maxSeconds = 0; // wall time of the whole clone; 0 = unlimited
    // Where the repository lives; "" = <worktree>/.git. Outside the worktree, the checkout holds
    // only the project's files (nothing of git's is sent with a build context).
    QString gitDir;
};

struct GitCheckout
{
    QString commit; // 40 hex
    QString ref; // the full remote ref that was fetched ("refs/heads/main", "HEAD")
};

// Progress lines ("Receiving objects  45% (123/270)"); called on the cloning thread.
using GitProgress = std::function<void(const QString &line)>;

// Blocking. `cancel`, when given, aborts the transfer once set (ErrorCode::Cancelled).
// Errors: InvalidInput (URL, ref, commit syntax), PermissionDenied (scheme), NotFound (ref or
// commit), TooLarge, Timeout, Unsafe (escaping path or symlink), Remote (libgit2's message).
Result<GitCheckout> cloneRepository(const GitCloneOptions &options, const QString &worktree,
    const GitProgress &progress = {}, const std::atomic_bool *cancel = nullptr);

// Refuses symlinks whose target leaves `root` (absolute targets, `..` past the root, or a chain
// that resolves outside) and entries that are not files, directories or symlinks.
Result<void> checkTreeConfined(const QString &root);

// Asynchronous wrapper, shaped like a KJob: start() returns at once; progress lines and then one
// `result` arrive on the thread that created the job; the job deletes itself after `result`.
// kill() or a wall time over maxSeconds ends it with Cancelled/Timeout at once; the worker
// thread stops at libgit2's next callback and cleans up after itself.
class GitCloneJob : public QObject
{
    Q_OBJECT
public:
    GitCloneJob(const GitCloneOptions &options, const QString &worktree, QObject *parent = nullptr);
    ~GitCloneJob() override;

    void start();
    void kill();

    bool isFinished() const { return m_finished; }
    bool failed() const { return m_finished && m_failed; }
    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message(); }
    const GitCheckout &checkout() const { return m_checkout; }

Q_SIGNALS:
    void progress(const QString &line);
    void result(ttalkak::core::GitCloneJob *job);

private:
    struct Link; // the worker thread's way back to the job, cut by the destructor
    void finish(const Result<GitCheckout> &outcome);

    GitCloneOptions m_options;
    QString m_worktree;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<Link> m_link;
    Error m_error;
    GitCheckout m_checkout;
    bool m_started = false;
    bool m_finished = false;
    bool m_failed = false;
};

} // namespace ttalkak::core
