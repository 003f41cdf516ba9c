#include "languagemanager.h"
#include "logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace ttalkak::deployer {

using namespace Qt::StringLiterals;

LanguageManager::LanguageManager(core::Settings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    apply(m_settings->value(core::Settings::Key::Language).toString());
    connect(m_settings, &core::Settings::changed, this, [this](core::Settings::Key key) {
        if (key == core::Settings::Key::Language)
            apply(m_settings->value(key).toString());
    });
}

LanguageManager::~LanguageManager()
{
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
}

QStringList LanguageManager::availableLanguages()
{
    return { u"en"_s, u"ko"_s };
}

QString LanguageManager::nativeName(const QString &code)
{
    if (code == u"ko"_s)
        return u"한국어"_s;
    return u"English"_s;
}

bool LanguageManager::apply(const QString &requested)
{
    const QString code = availableLanguages().contains(requested) ? requested : u"en"_s;
    if (code == m_current)
        return true;

    auto app = std::make_unique<QTranslator>();
    if (!app->load(u":/i18n/ttalkak_%1.qm"_s.arg(code))) {
        qCWarning(lcI18n) << "no translation catalogue for" << code;
        app.reset();
    }
    auto qt = std::make_unique<QTranslator>();
    if (!qt->load(QLocale(code), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qt.reset();

    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app = std::move(app);
    m_qt = std::move(qt);
    if (m_qt)
        QCoreApplication::installTranslator(m_qt.get());
    if (m_app)
        QCoreApplication::installTranslator(m_app.get());
    QLocale::setDefault(QLocale(code == u"ko"_s ? QLocale::Korean : QLocale::English));
    m_current = code;
    qCInfo(lcI18n) << "language" << code;
    Q_EMIT languageChanged(code);
    return m_app != nullptr || code == u"en"_s;
}

} // namespace ttalkak::deployer
