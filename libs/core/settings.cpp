#include "settings.h"
#include "logging.h"

#include <array>

namespace ttalkak::core {

namespace {
struct KeyInfo
{
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
};

// The one table: every setting, its persisted name and its default.
const std::array<KeyInfo, 12> &keyTable()
{
    static const std::array<KeyInfo, 12> table{{
        {Settings::Key::RelayUrl, "relay/url", QStringLiteral("http://127.0.0.1:8470")},
        {Settings::Key::GitHubApiUrl, "github/apiUrl", QStringLiteral("https://api.github.com")},
        {Settings::Key::Language, "ui/language", QStringLiteral("en")},
        {Settings::Key::BaseImagesOverride, "images/override", QString()},
        {Settings::Key::MaxRepoBytes, "detect/maxRepoBytes", qint64(2) * 1024 * 1024 * 1024},
        {Settings::Key::MaxRepoFiles, "detect/maxRepoFiles", 200000},
        {Settings::Key::ProviderCpuCores, "provider/cpuCores", 1.0},
        {Settings::Key::ProviderMemoryMb, "provider/memoryMb", 2048},
        {Settings::Key::ProviderDiskGb, "provider/diskGb", 20},
        {Settings::Key::ProviderMaxDeployments, "provider/maxDeployments", 4},
        // Micro-units (1 credit = 1,000,000): 0.05 credits per core-hour, 0.02 per GiB-hour.
        {Settings::Key::ProviderPricePerCpuHour, "provider/pricePerCpuHour", 50000},
        {Settings::Key::ProviderPricePerGbHour, "provider/pricePerGbHour", 20000},
    }};
    return table;
}

const KeyInfo &info(Settings::Key key)
{
    for (const auto &k : keyTable())
        if (k.key == key)
            return k;
    Q_UNREACHABLE();
}
} // namespace

Settings::Settings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(QStringLiteral("Ttalkak"), QStringLiteral("Ttalkak")))
{
}

Settings::Settings(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

QVariant Settings::value(Key key) const
{
    const auto &k = info(key);
    return m_settings->value(QLatin1StringView(k.name), k.defaultValue);
}

void Settings::setValue(Key key, const QVariant &value)
{
    if (this->value(key) == value)
        return;
    m_settings->setValue(QLatin1StringView(info(key).name), value);
    m_settings->sync();
    qCDebug(lcSettings) << "changed" << keyName(key);
    Q_EMIT changed(key);
}

void Settings::reset(Key key)
{
    if (isDefault(key))
        return;
    m_settings->remove(QLatin1StringView(info(key).name));
    m_settings->sync();
    Q_EMIT changed(key);
}

bool Settings::isDefault(Key key) const
{
    return !m_settings->contains(QLatin1StringView(info(key).name));
}

QString Settings::keyName(Key key) { return QLatin1StringView(info(key).name).toString(); }

QVariant Settings::defaultValue(Key key) { return info(key).defaultValue; }

QString Settings::fileName() const { return m_settings->fileName(); }

} // namespace ttalkak::core
