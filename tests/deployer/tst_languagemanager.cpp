// The compiled-in catalogues load, Korean strings replace English ones in each
// kind of translation context, and a Settings change applies live.
#include <core/settings.h>
#include <model/languagemanager.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ttalkak::core::Settings;
using ttalkak::deployer::LanguageManager;

class TestLanguageManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void switchesLive()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(u"t.ini"_s));
        LanguageManager lm(&settings);
        QCOMPARE(lm.current(), u"en"_s);
        QCOMPARE(QCoreApplication::translate("ttalkak::deployer::MainWindow", "Projects"), u"Projects"_s);

        QSignalSpy changed(&lm, &LanguageManager::languageChanged);
        settings.setValue(Settings::Key::Language, u"ko"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(lm.current(), u"ko"_s);
        // A QObject's context, a Q_DECLARE_TR_FUNCTIONS context, and a model header.
        QCOMPARE(QCoreApplication::translate("ttalkak::deployer::MainWindow", "Projects"), u"프로젝트"_s);
        QCOMPARE(QCoreApplication::translate("ProjectSource", "no folder given"), u"폴더가 지정되지 않았습니다"_s);
        QCOMPARE(QCoreApplication::translate("ttalkak::deployer::ReasonsModel", "Decision"), u"결정"_s);

        settings.setValue(Settings::Key::Language, u"xx"_s); // unknown: English
        QCOMPARE(lm.current(), u"en"_s);
        QCOMPARE(QCoreApplication::translate("ttalkak::deployer::MainWindow", "Projects"), u"Projects"_s);
    }

    void names()
    {
        QCOMPARE(LanguageManager::availableLanguages(), (QStringList { u"en"_s, u"ko"_s }));
        QCOMPARE(LanguageManager::nativeName(u"ko"_s), u"한국어"_s);
    }
};

QTEST_GUILESS_MAIN(TestLanguageManager)
#include "tst_languagemanager.moc"
