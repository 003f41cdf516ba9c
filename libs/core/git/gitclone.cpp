#include "gitclone.h"
#include "libgit2_p.h"

#include <git2.h>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGit, "ttalkak.core.git")

namespace ttalkak::core {

namespace {

// libgit2 handles, freed on every path out.
template<typename T, void (*Free)(T *)> struct Handle
{
    T *p = nullptr;
    ~Handle()
    {
        if (p)
            Free(p);
    }
    T **out() { return &p; }
    operator T *() const { return p; }
};

QString lastGitError(const char *what)
{
    const git_error *e = git_error_last();
    return QStringLiteral("%1: %2").arg(
        QLatin1StringView(what), e && e->message ? QString::fromUtf8(e->message).trimmed() : u"failed"_s);
}

struct CloneState
{
    const GitCloneOptions *options = nullptr;
    const GitProgress *progress = nullptr;
    const std::atomic_bool *cancel = nullptr;
    QElapsedTimer clock;
    QByteArray token;
    int credentialAttempts = 0;
    int lastReceivePercent = -1;
    int lastDeltaPercent = -1;
    std::optional<Error> abort; // why a callback stopped libgit2

    void say(const QString &line) const
    {
        if (progress && *progress)
            (*progress)(line);
    }
    // Checked from every callback: the reason to stop, if any.
    bool shouldStop()
    {
        if (abort)
            return true;
        if (cancel && cancel->load())
            abort = Error(ErrorCode::Cancelled, u"the clone was cancelled"_s);
        else if (options->maxSeconds > 0 && clock.elapsed() > qint64(options->maxSeconds) * 1000)
            abort = Error(ErrorCode::Timeout, u"the clone took longer than %1 s"_s.arg(options->maxSeconds));
        return abort.has_value();
    }
};

int credentialsCallback(git_credential **out, const char *, const char *, unsigned int allowed, void *payload)
{
    auto *state = static_cast<CloneState *>(payload);
    if (state->token.isEmpty() || !(allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT))
        return GIT_PASSTHROUGH;
    // A second request means the token was refused: stop instead of looping.
    if (state->credentialAttempts++ > 0) {
        state->abort = Error(ErrorCode::PermissionDenied, u"the repository refused the access token"_s);
        return GIT_EUSER;
    }
    return git_credential_userpass_plaintext_new(out, "x-access-token", state->token.constData());
}

int transferCallback(const git_indexer_progress *stats, void *payload)
{
    auto *state = static_cast<CloneState *>(payload);
    if (state->shouldStop())
        return GIT_EUSER;
    const qint64 max = state->options->maxBytes;
    if (max > 0 && qint64(stats->received_bytes) > max) {
        state->abort = Error(ErrorCode::TooLarge,
            u"the repository is larger than the limit of %1 MiB"_s.arg(double(max) / (1024 * 1024), 0, 'f', 1));
        return GIT_EUSER;
    }
    if (stats->total_objects > 0 && stats->received_objects <= stats->total_objects) {
        const int pct = int(100 * qint64(stats->received_objects) / stats->total_objects);
        if (pct != state->lastReceivePercent) {
            state->lastReceivePercent = pct;
            state->say(u"Receiving objects %1% (%2/%3), %4 KiB"_s.arg(pct)
                           .arg(stats->received_objects)
                           .arg(stats->total_objects)
                           .arg(stats->received_bytes / 1024));
        }
    }
    if (stats->total_deltas > 0) {
        const int pct = int(100 * qint64(stats->indexed_deltas) / stats->total_deltas);
        if (pct != state->lastDeltaPercent) {
            state->lastDeltaPercent = pct;
            state->say(u"Resolving deltas %1% (%2/%3)"_s.arg(pct).arg(stats->indexed_deltas).arg(stats->total_deltas));
        }
    }
    return 0;
}

int sidebandCallback(const char *, int, void *payload)
{
    // The server's own chatter is not relayed; only the chance to stop is used.
    return static_cast<CloneState *>(payload)->shouldStop() ? GIT_EUSER : 0;
}

Result<void> checkUrl(const GitCloneOptions &o)
{
    const QUrl url(o.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || scheme.isEmpty() || (scheme != u"file" && url.host().isEmpty()))
        return Error(ErrorCode::InvalidInput, u"not a git URL (use https://, git:// or ssh://)"_s);
    static const QStringList allowed { u"https"_s, u"http"_s, u"git"_s, u"ssh"_s };
    if (scheme == u"file" ? !o.allowFile : !allowed.contains(scheme))
        return Error(ErrorCode::PermissionDenied, u"git URLs with scheme '%1' are not allowed here"_s.arg(scheme));
    return {};
}

bool isHexCommit(const QString &s)
{
    static const QRegularExpression re(u"^[0-9a-f]{40}$"_s);
    return re.match(s).hasMatch();
}

// The advertised ref to fetch: ref as given when fully qualified, else a branch, else a tag.
const git_remote_head *findHead(const git_remote_head **heads, size_t count, const QString &ref)
{
    QStringList candidates;
    if (ref.isEmpty())
        candidates << u"HEAD"_s;
    else if (ref.startsWith(u"refs/"))
        candidates << ref;
    else
        candidates << u"refs/heads/"_s + ref << u"refs/tags/"_s + ref;
    for (const QString &c : std::as_const(candidates)) {
        const QByteArray name = c.toUtf8();
        for (size_t i = 0; i < count; ++i)
            if (name == heads[i]->name)
                return heads[i];
    }
    return nullptr;
}

Result<void> checkIndexPaths(git_repository *repo)
{
    Handle<git_index, git_index_free> index;
    if (git_repository_index(index.out(), repo) < 0)
        return Error(ErrorCode::Remote, lastGitError("index"));
    const size_t n = git_index_entrycount(index);
    for (size_t i = 0; i < n; ++i) {
        const git_index_entry *e = git_index_get_byindex(index, i);
        const QString path = QString::fromUtf8(e->path);
        const QStringList parts = path.split(u'/');
        for (const QString &p : parts)
            if (p.isEmpty() || p == u"." || p == u".." || p.compare(u".git", Qt::CaseInsensitive) == 0)
                return Error(ErrorCode::Unsafe, u"the repository holds an unsafe path"_s, path);
    }
    return {};
}

} // namespace

Result<void> checkTreeConfined(const QString &root)
{
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (canonicalRoot.isEmpty())
        return Error(ErrorCode::NotFound, u"the checkout is missing"_s, root);
    const QDir rootDir(canonicalRoot);
    auto inside = [&](const QString &absolute) {
        return absolute == canonicalRoot || absolute.startsWith(canonicalRoot + u'/');
    };
    QDirIterator it(canonicalRoot, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString rel = rootDir.relativeFilePath(path);
        if (info.isSymLink()) {
            char buffer[4096];
            const QByteArray encoded = QFile::encodeName(path);
            const ssize_t len = ::readlink(encoded.constData(), buffer, sizeof buffer);
            if (len < 0 || size_t(len) >= sizeof buffer)
                return Error(ErrorCode::Unsafe, u"unreadable symlink"_s, rel);
            const QString target = QFile::decodeName(QByteArray(buffer, len));
            const QString lexical = QDir::cleanPath(QFileInfo(rel).path() + u'/' + target);
            if (QDir::isAbsolutePath(target) || lexical == u".." || lexical.startsWith(u"../"))
                return Error(ErrorCode::Unsafe, u"symlink points outside the source tree: %1"_s.arg(target), rel);
            // Through other links `..` may climb higher than it reads: resolve, or refuse when
            // the target does not exist and cannot be proven to stay inside.
            const QString resolved = info.canonicalFilePath();
            if (resolved.isEmpty() ? target.split(u'/').contains(u".."_s) : !inside(resolved))
                return Error(ErrorCode::Unsafe, u"symlink points outside the source tree: %1"_s.arg(target), rel);
        } else if (!info.isFile() && !info.isDir()) {
            return Error(ErrorCode::Unsafe, u"not a regular file or directory"_s, rel);
        }
    }
    return {};
}

Result<GitCheckout> cloneRepository(const GitCloneOptions &options, const QString &worktree,
    const GitProgress &progress, const std::atomic_bool *cancel)
{
    Internal::ensureLibgit2();
    if (auto r = checkUrl(options); !r)
        return r.error();
    if (!options.commit.isEmpty() && !isHexCommit(options.commit))
        return Error(ErrorCode::InvalidInput, u"the commit must be 40 lowercase hex digits"_s);
    if (options.ref.contains(u"..") || options.ref.startsWith(u'-') || options.ref.contains(QChar(0)))
        return Error(ErrorCode::InvalidInput, u"not a valid ref name: %1"_s.arg(options.ref));

    CloneState state;
    state.options = &options;
    state.progress = &progress;
    state.cancel = cancel;
    state.token = options.token.toUtf8();
    state.clock.start();

    Handle<git_repository, git_repository_free> repo;
    const QByteArray worktreePath = QFile::encodeName(QDir::cleanPath(QDir(worktree).absolutePath()));
    if (options.gitDir.isEmpty()) {
        if (git_repository_init(repo.out(), worktreePath.constData(), 0) < 0)
            return Error(ErrorCode::Io, lastGitError("init"));
    } else {
        git_repository_init_options init = GIT_REPOSITORY_INIT_OPTIONS_INIT;
        init.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_DOTGIT_DIR;
        init.workdir_path = worktreePath.constData();
        const QByteArray gitDir = QFile::encodeName(QDir(options.gitDir).absolutePath());
        if (git_repository_init_ext(repo.out(), gitDir.constData(), &init) < 0)
            return Error(ErrorCode::Io, lastGitError("init"));
        // libgit2 links the worktree to the repository with a ".git" file; the open handle
        // does not need it and a build context should not carry it.
        QFile::remove(QFile::decodeName(worktreePath) + u"/.git"_s);
    }

    Handle<git_remote, git_remote_free> remote;
    const QByteArray url = options.url.toUtf8();
    if (git_remote_create_anonymous(remote.out(), repo, url.constData()) < 0)
        return Error(ErrorCode::InvalidInput, lastGitError("remote"));

    git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
    callbacks.credentials = &credentialsCallback;
    callbacks.transfer_progress = &transferCallback;
    callbacks.sideband_progress = &sidebandCallback;
    callbacks.payload = &state;
    const QString display = QUrl(options.url).toDisplayString(QUrl::RemoveUserInfo);
    // The abort reason of a callback beats libgit2's generic "user cancelled".
    auto failure = [&](ErrorCode code, const char *what) {
        return state.abort ? *state.abort : Error(code, lastGitError(what));
    };

    state.say(u"Connecting to %1"_s.arg(display));
    if (git_remote_connect(remote, GIT_DIRECTION_FETCH, &callbacks, nullptr, nullptr) < 0)
        return failure(ErrorCode::Unavailable, "connect");
    const git_remote_head **heads = nullptr;
    size_t headCount = 0;
    if (git_remote_ls(&heads, &headCount, remote) < 0)
        return failure(ErrorCode::Remote, "list refs");
    const git_remote_head *head = findHead(heads, headCount, options.ref);
    if (!head)
        return Error(ErrorCode::NotFound,
            options.ref.isEmpty() ? u"the repository is empty"_s
                                  : u"no branch or tag '%1' in the repository"_s.arg(options.ref));
    const QByteArray refName = head->name;
    const git_oid tip = head->oid;

    git_fetch_options fetch = GIT_FETCH_OPTIONS_INIT;
    fetch.callbacks = callbacks;
    fetch.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
    fetch.update_fetchhead = 0;
    char *specs[] = { const_cast<char *>(refName.constData()) };
    const git_strarray refspecs { specs, 1 };
    state.say(u"Fetching %1"_s.arg(QString::fromUtf8(refName)));
    const int downloaded = git_remote_download(remote, &refspecs, &fetch);
    git_remote_disconnect(remote);
    if (downloaded < 0)
        return failure(ErrorCode::Remote, "fetch");
    if (state.shouldStop())
        return *state.abort;

    Handle<git_object, git_object_free> tipObject;
    Handle<git_object, git_object_free> tipCommit;
    if (git_object_lookup(tipObject.out(), repo, &tip, GIT_OBJECT_ANY) < 0
        || git_object_peel(tipCommit.out(), tipObject, GIT_OBJECT_COMMIT) < 0)
        return Error(ErrorCode::Remote, lastGitError("resolve ref"));
    git_oid target = *git_object_id(tipCommit);
    if (!options.commit.isEmpty()) {
        git_oid wanted;
        const QByteArray hex = options.commit.toLatin1();
        if (git_oid_fromstr(&wanted, hex.constData()) < 0)
            return Error(ErrorCode::InvalidInput, lastGitError("commit"));
        Handle<git_commit, git_commit_free> probe;
        const bool known = git_commit_lookup(probe.out(), repo, &wanted) == 0;
        const bool reachable
            = known && (git_oid_equal(&wanted, &target) || git_graph_descendant_of(repo, &target, &wanted) == 1);
        if (!reachable)
            return Error(ErrorCode::NotFound,
                u"commit %1 is not reachable from %2"_s.arg(options.commit, QString::fromUtf8(refName)));
        target = wanted;
    }

    Handle<git_commit, git_commit_free> commit;
    if (git_commit_lookup(commit.out(), repo, &target) < 0)
        return Error(ErrorCode::Remote, lastGitError("commit"));
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &target);
    state.say(u"Checking out %1"_s.arg(QLatin1StringView(hex)));
    git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
    checkout.checkout_strategy = GIT_CHECKOUT_FORCE;
    if (git_checkout_tree(repo, reinterpret_cast<const git_object *>(commit.p), &checkout) < 0)
        return Error(ErrorCode::Unsafe, lastGitError("checkout"));
    if (git_repository_set_head_detached(repo, &target) < 0)
        return Error(ErrorCode::Io, lastGitError("set HEAD"));
    if (auto r = checkIndexPaths(repo); !r)
        return r.error();
    if (auto r = checkTreeConfined(QFile::decodeName(worktreePath)); !r)
        return r.error();
    return GitCheckout { QString::fromLatin1(hex), QString::fromUtf8(refName) };
}

// ---- GitCloneJob ----

// The job may be deleted while its thread still runs: the thread reaches it only through this,
// under the lock the job's destructor takes.
struct GitCloneJob::Link
{
    QMutex mutex;
    GitCloneJob *job = nullptr;
};

GitCloneJob::GitCloneJob(const GitCloneOptions &options, const QString &worktree, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_worktree(worktree)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
}

GitCloneJob::~GitCloneJob()
{
    m_cancel->store(true);
    if (m_link) {
        QMutexLocker lock(&m_link->mutex);
        m_link->job = nullptr;
    }
}

void GitCloneJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_link = std::make_shared<Link>();
    m_link->job = this;
    auto link = m_link;
    auto post = [link](auto &&fn) {
        QMutexLocker lock(&link->mutex);
        if (link->job)
            QMetaObject::invokeMethod(link->job, std::forward<decltype(fn)>(fn), Qt::QueuedConnection);
    };
    auto *thread = QThread::create([options = m_options, worktree = m_worktree, cancel = m_cancel, link, post] {
        GitProgress progress = [&](const QString &line) {
            post([link, line] {
                if (link->job)
                    Q_EMIT link->job->progress(line);
            });
        };
        Result<GitCheckout> outcome = cloneRepository(options, worktree, progress, cancel.get());
        post([link, outcome] {
            if (link->job)
                link->job->finish(outcome);
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    if (m_options.maxSeconds > 0) // a stalled connection never reaches a callback: give up here
        QTimer::singleShot((m_options.maxSeconds + 5) * 1000, this, [this] {
            m_cancel->store(true);
            finish(Error(ErrorCode::Timeout, u"the clone took longer than %1 s"_s.arg(m_options.maxSeconds)));
        });
}

void GitCloneJob::kill()
{
    if (!m_started || m_finished)
        return;
    m_cancel->store(true);
    QTimer::singleShot(0, this, [this] { finish(Error(ErrorCode::Cancelled, u"the clone was cancelled"_s)); });
}

void GitCloneJob::finish(const Result<GitCheckout> &outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    if (outcome) {
        m_checkout = *outcome;
    } else {
        m_error = outcome.error();
        m_failed = true;
    }
    qCDebug(lcGit).noquote() << "clone finished:" << (outcome ? m_checkout.commit : m_error.toString());
    Q_EMIT result(this);
    deleteLater();
}

} // namespace ttalkak::core
