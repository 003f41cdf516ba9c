#pragma once
// Spring Boot built with Maven (pom.xml, with or without the mvnw wrapper),
// including multi-module reactors: the module that applies
// spring-boot-maven-plugin is the app, the reactor root is the build context.

#include "../strategy.h"

namespace ttalkak::strategies {

class MavenSpringStrategy final : public Strategy
{
public:
    MavenSpringStrategy()
        : Strategy(QStringLiteral("spring-maven"), 100)
    {
    }
    QString lookingFor() const override;

protected:
    core::Result<std::optional<Plan>> doDetect(const Repo &repo, const QString &appDir) const override;
    core::Result<Generated> doGenerate(const Plan &plan, const GenerateOptions &options) const override;
};

} // namespace ttalkak::strategies
