// The main window, offscreen: a fixture repository dropped onto the window goes
// through the same path as a real drop (QDragEnterEvent + QDropEvent with a file
// URL), detection runs, and the editor, why list and Deploy button show it.
#include <strategies/baseimages.h>
#include <core/settings.h>
#include <model/detectionservice.h>
#include <model/languagemanager.h>
#include <model/offlinepricequotesource.h>
#include <model/offlinerelaylink.h>
#include <model/projectsession.h>
#include <ui/detectionpage.h>
#include <ui/dropzone.h>
#include <ui/mainwindow.h>
#include <ui/welcomepage.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ttalkak::deployer;
using ttalkak::core::Settings;

namespace {
QString fixture(const QString &name)
{
    return qEnvironmentVariable("TTALKAK_SOURCE_DIR") + u"/tests/fixtures/"_s + name + u"/repo"_s;
}
} // namespace

class TestDeployerWindow : public QObject
{
    Q_OBJECT

    struct Graph
    {
        QTemporaryDir dir;
        Settings settings { dir.filePath(u"deployer.ini"_s) };
        DetectionService detection;
        OfflineRelayLink relay { QUrl(u"http://127.0.0.1:8470"_s) };
        OfflinePriceQuoteSource prices;
        ProjectSession session { &detection, &relay, &prices };
        MainWindow window { &settings, &session, &relay };
    };

    // What a file manager does: drag enter, then drop, with file URLs.
    static void dropFolder(QWidget *target, const QString &path)
    {
        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(path) });
        const QPoint pos = target->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &drop);
        QVERIFY(drop.isAccepted());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("TTALKAK_SOURCE_DIR"), "run through ctest (sets TTALKAK_SOURCE_DIR)");
    }

    void dropDetectsAndShowsDockerfile()
    {
        Graph g;
        g.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&g.window));
        QCOMPARE(g.window.currentPage(), MainWindow::Page::Projects);
        QVERIFY(g.window.welcomePage()->isVisible());

        QSignalSpy done(&g.session, &ProjectSession::detectionFinished);
        dropFolder(&g.window, fixture(u"vite-react-npm"_s));
        QVERIFY(done.wait(10000));

        DetectionPage *page = g.window.detectionPage();
        QVERIFY(page->isVisible());
        QPlainTextEdit *editor = g.window.findChild<QPlainTextEdit *>(u"dockerfileEditor"_s);
        QVERIFY(editor);
        QCOMPARE(editor->toPlainText(), g.session.generatedDockerfile());
        // The base image follows the same override file as production code
        // (scripts/test.sh points it at the local images).
        const auto images = ttalkak::strategies::BaseImages::fromEnvironment();
        QVERIFY(images);
        QVERIFY(editor->toPlainText().contains(u"FROM "_s + images->image(u"node"_s, u"20"_s) + u" AS build"_s));
        QVERIFY(editor->toPlainText().contains(u"EXPOSE 8080"_s));

        QTableView *why = g.window.findChild<QTableView *>(u"reasonsView"_s);
        QVERIFY(why);
        QVERIFY(why->model()->rowCount() >= 3);
        QStringList decisions;
        for (int r = 0; r < why->model()->rowCount(); ++r)
            decisions.append(why->model()->index(r, 0).data().toString());
        QVERIFY2(decisions.join(u'|').contains(u"Vite"_s), qPrintable(decisions.join(u'|')));
        QCOMPARE(why->model()->index(0, 1).data().toString(), u"package.json:7"_s);

        QPushButton *deploy = page->deployButton();
        QVERIFY(!deploy->isEnabled());
        QVERIFY(deploy->toolTip().contains(u"relay"_s));
    }

    // Editing the Dockerfile in the editor reaches the session; Reset restores it.
    void editorRoundTrip()
    {
        Graph g;
        g.window.show();
        QSignalSpy done(&g.session, &ProjectSession::detectionFinished);
        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(fixture(u"vite-react-npm"_s)) });
        QVERIFY(g.window.openMimeData(mime));
        QVERIFY(done.wait(10000));
        QPlainTextEdit *editor = g.window.detectionPage()->dockerfileEditor();
        auto *reset = g.window.findChild<QAbstractButton *>(u"resetDockerfileButton"_s);
        QVERIFY(!reset->isEnabled());

        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, u"LABEL owner=me"_s);
        QVERIFY(g.session.isDockerfileModified());
        QVERIFY(g.session.dockerfile().endsWith(u"LABEL owner=me"_s));
        QVERIFY(reset->isEnabled());

        reset->click();
        QCOMPARE(editor->toPlainText(), g.session.generatedDockerfile());
        QVERIFY(!g.session.isDockerfileModified());
        QVERIFY(!reset->isEnabled());
    }

    // The monorepo root error shows file:line and offers the apps; a click re-detects.
    void monorepoErrorOffersPicker()
    {
        Graph g;
        g.window.show();
        QSignalSpy done(&g.session, &ProjectSession::detectionFinished);
        dropFolder(&g.window, fixture(u"monorepo-npm-root-error"_s));
        QVERIFY(done.wait(10000));
        QLabel *error = g.window.detectionPage()->errorLabel();
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(u"package.json:"_s), qPrintable(error->text()));

        QComboBox *picker = g.window.detectionPage()->appPicker();
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->count(), 3); // root + two apps

        QPushButton *web = nullptr;
        const auto buttons = g.window.findChildren<QPushButton *>(u"candidateButton"_s);
        for (QPushButton *b : buttons)
            if (b->property("appDir").toString() == u"apps/web"_s)
                web = b;
        QVERIFY(web);
        web->click();
        QVERIFY(done.wait(10000));
        QCOMPARE(g.session.state(), ProjectSession::State::Ready);
        QCOMPARE(picker->currentData().toString(), u"apps/web"_s);
        QVERIFY(g.window.detectionPage()->dockerfileEditor()->toPlainText().contains(u"FROM "_s));
    }

    void refusedDropShowsError()
    {
        Graph g;
        g.window.show();
        QMimeData mime;
        mime.setText(u"definitely not a repository"_s);
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&g.window, &enter);
        QVERIFY(enter.isAccepted()); // text may be a URL: only the drop can tell
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&g.window, &drop);
        QVERIFY(!drop.isAccepted());
        QCOMPARE(g.session.state(), ProjectSession::State::Empty);
        QVERIFY(g.window.welcomePage()->isVisible());
        QVERIFY(g.window.welcomePage()->findChild<QLabel *>(u"errorText"_s)->isVisible());
    }

    void languageSwitchRetranslates()
    {
        Graph g;
        g.window.show();
        auto *languages = g.window.findChild<QComboBox *>(u"languageBox"_s);
        QVERIFY(languages);
        QCOMPARE(g.window.windowTitle(), u"Ttalkak Deployer"_s);
        LanguageManager language(&g.settings);
        // Choosing 한국어 in Settings stores the key; the manager applies it and
        // every widget retranslates itself (QEvent::LanguageChange), live.
        languages->setCurrentIndex(languages->findData(u"ko"_s));
        Q_EMIT languages->activated(languages->currentIndex());
        QCOMPARE(g.settings.value(Settings::Key::Language).toString(), u"ko"_s);
        QTRY_COMPARE(g.window.windowTitle(), u"딸깍 배포 도구"_s);
        auto *nav = g.window.findChild<QListWidget *>(u"nav"_s);
        QCOMPARE(nav->item(0)->text(), u"프로젝트"_s);
        QCOMPARE(g.window.detectionPage()->deployButton()->text(), u"배포"_s);

        g.settings.setValue(Settings::Key::Language, u"en"_s);
        QTRY_COMPARE(g.window.windowTitle(), u"Ttalkak Deployer"_s);
        QCOMPARE(nav->item(0)->text(), u"Projects"_s);
    }
};

QTEST_MAIN(TestDeployerWindow)
#include "tst_deployerwindow.moc"
