#include "githubdialog.h"

#include <model/githubsession.h>

#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

namespace {
QTableView *table(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}
} // namespace

GitHubDialog::GitHubDialog(GitHubSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(u"gitHubDialog"_s);
    setWindowTitle(tr("Deploy from GitHub"));
    resize(860, 620);

    // Sign-in page.
    auto *signInPage = new QWidget(this);
    auto *intro = new QLabel(tr("Sign in with GitHub to list your repositories. Private repositories are cloned "
                                "by the provider with your GitHub token; it is sent only for that deployment."),
        signInPage);
    intro->setWordWrap(true);
    m_signIn = new QPushButton(tr("Sign in with GitHub"), signInPage);
    m_signIn->setObjectName(u"deployButton"_s);
    m_code = new QLabel(signInPage);
    m_code->setObjectName(u"userCode"_s);
    QFont big = m_code->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setWeight(QFont::Bold);
    m_code->setFont(big);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verification = new QLabel(signInPage);
    m_verification->setWordWrap(true);
    m_verification->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy = new QPushButton(tr("Copy code"), signInPage);
    m_open = new QPushButton(tr("Open GitHub in the browser"), signInPage);
    m_copy->hide();
    m_open->hide();
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_code);
    codeRow->addWidget(m_copy);
    codeRow->addWidget(m_open);
    codeRow->addStretch();
    auto *sv = new QVBoxLayout(signInPage);
    sv->addWidget(intro);
    sv->addWidget(m_signIn, 0, Qt::AlignLeft);
    sv->addLayout(codeRow);
    sv->addWidget(m_verification);
    sv->addStretch();

    // Repositories page.
    auto *reposPage = new QWidget(this);
    m_search = new QLineEdit(reposPage);
    m_search->setObjectName(u"repoSearch"_s);
    m_search->setPlaceholderText(tr("Search repositories"));
    m_search->setClearButtonEnabled(true);
    m_signOut = new QPushButton(tr("Sign out of GitHub"), reposPage);
    m_repos = table(session->filteredRepositories(), reposPage);
    m_repos->setObjectName(u"repoTable"_s);
    m_repos->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_more = new QPushButton(tr("Load more"), reposPage);
    m_branch = new QComboBox(reposPage);
    m_branch->setObjectName(u"branchBox"_s);
    m_branch->setModel(session->branches());
    m_branch->setMinimumWidth(200);
    m_commits = table(session->commits(), reposPage);
    m_commits->setObjectName(u"commitTable"_s);
    m_use = new QPushButton(tr("Use this commit"), reposPage);
    m_use->setObjectName(u"deployButton"_s);
    m_use->setEnabled(false);
    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_signOut);
    auto *moreRow = new QHBoxLayout;
    moreRow->addStretch();
    moreRow->addWidget(m_more);
    auto *branchRow = new QHBoxLayout;
    branchRow->addWidget(new QLabel(tr("Branch"), reposPage));
    branchRow->addWidget(m_branch);
    branchRow->addStretch();
    auto *rv = new QVBoxLayout(reposPage);
    rv->addLayout(top);
    rv->addWidget(m_repos, 3);
    rv->addLayout(moreRow);
    rv->addLayout(branchRow);
    rv->addWidget(m_commits, 2);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(signInPage);
    m_pages->addWidget(reposPage);
    m_status = new QLabel(this);
    m_status->setObjectName(u"errorText"_s);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_use, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signIn, &QPushButton::clicked, m_session, [this] {
        m_status->clear();
        m_session->signIn();
    });
    connect(m_session->deviceFlow(), &GitHubDeviceFlow::codeReady, this, [this](const QString &code, const QUrl &url) {
        m_code->setText(code);
        m_verification->setText(tr("Enter this code at %1 and approve Ttalkak; this window continues by itself.")
                                    .arg(url.toString()));
        m_copy->show();
        m_open->show();
        m_open->setProperty("url", url);
    });
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_code->text()); });
    connect(m_open, &QPushButton::clicked, this,
        [this] { QDesktopServices::openUrl(m_open->property("url").toUrl()); });
    connect(m_session, &GitHubSession::signedInChanged, this, &GitHubDialog::showCurrentPage);
    connect(m_session, &GitHubSession::error, m_status, &QLabel::setText);
    connect(m_session, &GitHubSession::busyChanged, this, &GitHubDialog::setBusy);
    connect(m_signOut, &QPushButton::clicked, m_session, &GitHubSession::signOut);
    connect(m_search, &QLineEdit::textChanged, m_session, &GitHubSession::setSearch);
    connect(m_more, &QPushButton::clicked, m_session, &GitHubSession::loadMoreRepositories);
    connect(m_repos->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &GitHubDialog::onRepositoryChosen);
    connect(m_branch, &QComboBox::activated, this,
        [this](int) { m_session->selectBranch(m_branch->currentText()); });
    connect(m_session->branches(), &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_branch->findText(m_session->currentRepository().value(u"default_branch"_s).toString());
        m_branch->setCurrentIndex(qMax(0, row));
    });
    connect(m_session->commits(), &QAbstractItemModel::modelReset, this, [this] {
        m_use->setEnabled(m_session->commits()->rowCount() > 0);
        if (m_session->commits()->rowCount() > 0)
            m_commits->selectRow(0);
    });
    connect(m_use, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_commits->currentIndex();
        m_status->clear();
        m_session->fetchSource(m_session->selection(current.isValid() ? current.row() : -1));
    });
    connect(m_session, &GitHubSession::sourceFetched, this, &QDialog::accept);
    showCurrentPage();
}

void GitHubDialog::showCurrentPage()
{
    const bool in = m_session->isSignedIn();
    m_pages->setCurrentIndex(in ? 1 : 0);
    m_use->setVisible(in);
    if (in && m_session->repositories()->rowCount() == 0)
        m_session->reloadRepositories();
}

void GitHubDialog::onRepositoryChosen()
{
    const QModelIndex index = m_repos->currentIndex();
    if (!index.isValid())
        return;
    const QModelIndex source = m_session->filteredRepositories()->mapToSource(index);
    m_use->setEnabled(false);
    m_session->selectRepository(m_session->repositories()->item(source.row()));
}

void GitHubDialog::setBusy(bool busy)
{
    m_more->setEnabled(!busy && m_session->hasMoreRepositories());
    m_use->setEnabled(!busy && m_session->commits()->rowCount() > 0);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

} // namespace ttalkak::deployer
