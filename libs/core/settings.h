#pragma once
// Settings: one table of keys with their defaults, backed by an INI file.
// Secrets never go here (see SecretStore). Thread: the owning thread only.
//
//   Settings s;                                    // the user's config file
//   Settings t(QDir::temp().filePath("x.ini"));    // an isolated file, for tests
//   s.value(Settings::Key::RelayUrl).toString();
//   connect(&s, &Settings::changed, this, [](Settings::Key k) { ... });

#include <QObject>
#include <QSettings>
#include <QVariant>

#include <memory>

namespace ttalkak::core {

class Settings : public QObject
{
    Q_OBJECT
public:
    enum class Key {
        RelayUrl,
        GitHubApiUrl,
        Language,
        BaseImagesOverride,   // path to a base-images override YAML file
        MaxRepoBytes,         // detection refuses repos larger than this
        MaxRepoFiles,
        ProviderCpuCores,
        ProviderMemoryMb,
        ProviderDiskGb,
        ProviderMaxDeployments,
        ProviderPricePerCpuHour,
        ProviderPricePerGbHour,
    };
    Q_ENUM(Key)

    // The user's config file (QSettings' native location for "Ttalkak").
    explicit Settings(QObject *parent = nullptr);
    // An explicit INI file, used by tests and by `--config`.
    explicit Settings(const QString &iniPath, QObject *parent = nullptr);
    ~Settings() override;

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);   // back to the default
    bool isDefault(Key key) const;

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);
    QString fileName() const;

Q_SIGNALS:
    void changed(ttalkak::core::Settings::Key key);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace ttalkak::core
