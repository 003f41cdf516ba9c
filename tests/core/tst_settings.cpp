#include <core/settings.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ttalkak::core;

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAndChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.ini"));
        {
            Settings s(path);
            QVERIFY(s.isDefault(Settings::Key::RelayUrl));
            QCOMPARE(s.value(Settings::Key::RelayUrl), Settings::defaultValue(Settings::Key::RelayUrl));

            QSignalSpy spy(&s, &Settings::changed);
            s.setValue(Settings::Key::RelayUrl, QStringLiteral("https://relay.example"));
            QCOMPARE(spy.count(), 1);
            QCOMPARE(spy.at(0).at(0).value<Settings::Key>(), Settings::Key::RelayUrl);
            s.setValue(Settings::Key::RelayUrl, QStringLiteral("https://relay.example"));
            QCOMPARE(spy.count(), 1); // unchanged value: no signal
            QVERIFY(!s.isDefault(Settings::Key::RelayUrl));
        }
        {
            Settings again(path); // persisted
            QCOMPARE(again.value(Settings::Key::RelayUrl).toString(), QStringLiteral("https://relay.example"));
            QSignalSpy spy(&again, &Settings::changed);
            again.reset(Settings::Key::RelayUrl);
            QCOMPARE(spy.count(), 1);
            QVERIFY(again.isDefault(Settings::Key::RelayUrl));
        }
    }

    void everyKeyHasANameAndDefault()
    {
        const auto meta = QMetaEnum::fromType<Settings::Key>();
        QSet<QString> names;
        for (int i = 0; i < meta.keyCount(); ++i) {
            const auto key = static_cast<Settings::Key>(meta.value(i));
            const QString name = Settings::keyName(key);
            QVERIFY(!name.isEmpty());
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            Settings::defaultValue(key); // must not assert
        }
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
