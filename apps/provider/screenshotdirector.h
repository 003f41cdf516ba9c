#pragma once
// ScreenshotDirector: the --screenshot FILE debug mode. Once the engine is ready it runs two
// demo deployments from a local image (--demo-image, else the newest ttalkak-local/debian:*;
// never pulled), waits for their charts and logs to fill, grabs the window into FILE, removes
// the demo deployments and quits. Exit code 0 when the PNG was written.

#include <QObject>
#include <QStringList>
#include <QTimer>

class QWidget;

namespace ttalkak::docker {
class DockerClient;
}

namespace ttalkak::provider {
class ProviderEngine;
namespace ui {
class MainWindow;
}

class ScreenshotDirector : public QObject
{
    Q_OBJECT
public:
    ScreenshotDirector(docker::DockerClient &client, ProviderEngine &engine, ui::MainWindow &window,
        const QString &file, const QString &image, QObject *parent = nullptr);

    void start();

private:
    void findImage();
    void runDemo(const QString &image);
    void grab();
    void finish(int code);

    docker::DockerClient &m_client;
    ProviderEngine &m_engine;
    ui::MainWindow &m_window;
    QString m_file;
    QString m_image;
    QStringList m_demoIds;
    QTimer m_deadline;
    int m_samples = 0;
    bool m_grabbed = false;
    int m_exitCode = 1;
};

} // namespace ttalkak::provider
