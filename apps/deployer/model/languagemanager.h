#pragma once
// LanguageManager: installs the translation for Settings::Key::Language
// ("en", "ko") at start and again whenever the setting changes. Installing a
// translator makes Qt send QEvent::LanguageChange to every widget, which
// retranslates itself — so a switch in Settings applies live.
//
// Catalogues: :/i18n/ttalkak_<lang>.qm (compiled in) and Qt's own qtbase_<lang>
// from the Qt installation, when present (standard dialog buttons).
// Thread: GUI thread.

#include <core/settings.h>

#include <QObject>
#include <QTranslator>

#include <memory>

namespace ttalkak::deployer {

class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(core::Settings *settings, QObject *parent = nullptr);
    ~LanguageManager() override;

    static QStringList availableLanguages(); // {"en", "ko"}
    static QString nativeName(const QString &code); // "English", "한국어"

    QString current() const { return m_current; }
    // Applies a language now (without touching the setting). Unknown codes fall back to English.
    bool apply(const QString &code);

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    core::Settings *m_settings;
    QString m_current;
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace ttalkak::deployer
