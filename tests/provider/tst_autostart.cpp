// Autostart: the XDG entry is written, read back as enabled, quotes an awkward program path as
// the Desktop Entry spec says, and is removed again.
#include <autostart.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using ttalkak::provider::ui::Autostart;

class TestAutostart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enableWritesEntryDisableRemovesIt()
    {
        QTemporaryDir dir;
        const QString program = dir.filePath(u"my apps/ttalkak-provider"_s);
        Autostart a(program, dir.filePath(u"autostart"_s));
        QVERIFY(!a.isEnabled());
        QVERIFY(a.setEnabled(true));
        QVERIFY(a.isEnabled());
        QFile f(a.entryPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString entry = QString::fromUtf8(f.readAll());
        QVERIFY(entry.startsWith(u"[Desktop Entry]\n"_s));
        QVERIFY2(entry.contains(u"\nExec=\""_s + program + u"\" --minimized\n"_s), qPrintable(entry));
        QVERIFY(a.setEnabled(false));
        QVERIFY(!a.isEnabled());
        QVERIFY(a.setEnabled(false)); // already off: fine
    }

    void execQuotesReservedCharacters()
    {
        QCOMPARE(Autostart::execLine(u"/opt/a \"b\"/$x`y\\z%"_s), u"\"/opt/a \\\"b\\\"/\\$x\\`y\\\\z%%\" --minimized"_s);
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
