// The caps editor on the offscreen platform: shows the engine's caps, flags what the machine
// cannot give as the owner types, applies only valid changes, and persists them.
#include <capseditor.h>
#include <engine/providerengine.h>

#include <core/settings.h>
#include <docker/dockerclient.h>

#include <QApplication>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace ttalkak;
using namespace ttalkak::provider;
using namespace Qt::StringLiterals;

class TestCapsEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editValidateApply();
};

void TestCapsEditor::editValidateApply()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(u"p.ini"_s);
    // No engine needed: caps are local. Point the client at nothing so no probe can interfere.
    docker::DockerClient client(docker::Endpoint::unixSocket(dir.filePath(u"none.sock"_s)));
    core::Settings settings(ini);
    ProviderEngine engine(client, settings);
    ui::CapsEditor editor(engine);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    auto *cpu = editor.findChild<QDoubleSpinBox *>(u"cpuCores"_s);
    auto *memory = editor.findChild<QSpinBox *>(u"memoryMb"_s);
    auto *apply = editor.findChild<QPushButton *>(u"apply"_s);
    auto *issues = editor.findChild<QLabel *>(u"capIssues"_s);
    QVERIFY(cpu && memory && apply && issues);
    QCOMPARE(cpu->value(), engine.caps().cpuCores);
    QVERIFY(!apply->isEnabled()); // nothing changed yet

    // More cores than the machine has: an error, Apply disabled.
    cpu->setValue(engine.machine().cpuCores + 1);
    QVERIFY(Caps::hasErrors(editor.issues()));
    QVERIFY(!apply->isEnabled());
    QVERIFY(issues->isVisible());
    QVERIFY(!issues->text().isEmpty());

    // A valid change: Apply enabled, applied, persisted, the editor clean again.
    cpu->setValue(0.5);
    memory->setValue(1024);
    QVERIFY(!Caps::hasErrors(editor.issues()));
    QVERIFY(apply->isEnabled());
    QSignalSpy changed(&engine, &ProviderEngine::capsChanged);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(engine.caps().cpuCores, 0.5);
    QCOMPARE(engine.caps().memoryMb, 1024);
    QVERIFY(!apply->isEnabled());
    QCOMPARE(Caps::load(core::Settings(ini)).memoryMb, 1024);

    // The engine refuses invalid caps even without the editor.
    Caps bad = engine.caps();
    bad.memoryMb = 1;
    QVERIFY(!engine.setCaps(bad));
    QCOMPARE(engine.caps().memoryMb, 1024);
}

QTEST_MAIN(TestCapsEditor)
#include "tst_capseditor.moc"
