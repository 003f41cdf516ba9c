#include "detectcommand.h"

#include <strategies/dockerfiletext.h>
#include <strategies/registry.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

namespace ttalkak::cli {

using namespace Qt::StringLiterals;
using namespace ttalkak::strategies;

namespace {
QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void printHuman(const Plan &plan, const Generated &files)
{
    out() << QCoreApplication::translate("detect", "Framework:       %1").arg(plan.framework) << '\n';
    if (!plan.appDir.isEmpty())
        out() << QCoreApplication::translate("detect", "App folder:      %1").arg(plan.appDir) << '\n';
    if (!plan.runtime.isEmpty())
        out() << QCoreApplication::translate("detect", "Runtime:         %1 %2").arg(plan.runtime, plan.runtimeVersion) << '\n';
    if (!plan.packageManager.isEmpty())
        out() << QCoreApplication::translate("detect", "Package manager: %1 %2").arg(plan.packageManager, plan.packageManagerVersion).trimmed() << '\n';
    if (!plan.buildCommand.isEmpty())
        out() << QCoreApplication::translate("detect", "Build:           %1").arg(plan.buildCommand) << '\n';
    if (!plan.startCommand.isEmpty())
        out() << QCoreApplication::translate("detect", "Start:           %1").arg(plan.startCommand) << '\n';
    if (!plan.outputDir.isEmpty())
        out() << QCoreApplication::translate("detect", "Output:          %1").arg(plan.outputDir) << '\n';
    out() << QCoreApplication::translate("detect", "Port:            %1").arg(plan.port) << '\n';
    if (!plan.appCandidates.isEmpty())
        out() << QCoreApplication::translate("detect", "Apps in this monorepo: %1").arg(plan.appCandidates.join(u", "_s)) << '\n';
    out() << '\n' << QCoreApplication::translate("detect", "Why:") << '\n';
    for (const Reason &r : plan.why)
        out() << "  - " << r.toString() << '\n';
    out() << "\n--- Dockerfile ---\n" << files.dockerfile;
    if (!files.dockerignore.isEmpty())
        out() << "\n--- .dockerignore ---\n" << files.dockerignore;
    for (auto it = files.files.cbegin(); it != files.files.cend(); ++it)
        out() << "\n--- " << it.key() << " ---\n" << QString::fromUtf8(it.value());
    out().flush();
}
} // namespace

int runDetect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("detect", "Detect a project's framework and generate its Dockerfile."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"detect"_s, QCoreApplication::translate("detect", "The command."));
    parser.addPositionalArgument(u"path"_s, QCoreApplication::translate("detect", "Repository folder (default: current folder)."));
    const QCommandLineOption appOpt(u"app"_s, QCoreApplication::translate("detect", "App folder inside a monorepo."), u"dir"_s);
    const QCommandLineOption jsonOpt(u"json"_s, QCoreApplication::translate("detect", "Print the plan and files as JSON."));
    const QCommandLineOption buildArgOpt(u"build-arg"_s, QCoreApplication::translate("detect", "Declare a build-time variable (name only; repeatable)."), u"name"_s);
    parser.addOptions({appOpt, jsonOpt, buildArgOpt});
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << '\n';
        return 1;
    }
    if (parser.isSet(u"help"_s)) {
        out() << parser.helpText();
        return 0;
    }
    const QStringList pos = parser.positionalArguments();
    if (pos.size() > 2) {
        err() << QCoreApplication::translate("detect", "usage: ttalkak detect [PATH] [--app DIR] [--json]") << '\n';
        return 1;
    }
    const QString path = pos.size() == 2 ? pos.at(1) : QDir::currentPath();

    const Registry registry = Registry::withBuiltins();
    DetectOptions options;
    options.appDir = parser.value(appOpt);
    auto plan = registry.detect(path, options);
    if (!plan) {
        err() << QCoreApplication::translate("detect", "error: %1").arg(plan.error().toString()) << '\n';
        return 2;
    }
    auto images = BaseImages::fromEnvironment();
    if (!images) {
        err() << QCoreApplication::translate("detect", "error: %1").arg(images.error().toString()) << '\n';
        return 2;
    }
    GenerateOptions gen;
    gen.images = *images;
    gen.buildArgNames = parser.values(buildArgOpt);
    auto files = registry.generate(*plan, gen);
    if (!files) {
        err() << QCoreApplication::translate("detect", "error: %1").arg(files.error().toString()) << '\n';
        return 2;
    }

    if (parser.isSet(jsonOpt)) {
        QJsonObject extra;
        for (auto it = files->files.cbegin(); it != files->files.cend(); ++it)
            extra.insert(it.key(), QString::fromUtf8(it.value()));
        const QJsonObject o{{u"plan"_s, plan->toJson()},
                            {u"dockerfile"_s, files->dockerfile},
                            {u"dockerignore"_s, files->dockerignore},
                            {u"files"_s, extra}};
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        out().flush();
    } else {
        printHuman(*plan, *files);
    }
    return 0;
}

} // namespace ttalkak::cli
