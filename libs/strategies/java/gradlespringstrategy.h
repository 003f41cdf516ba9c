#pragma once
// Spring Boot built with Gradle (Groovy build.gradle or Kotlin build.gradle.kts,
// with or without the gradlew wrapper), including multi-project builds: the
// project that applies the org.springframework.boot plugin is the app, the
// folder with settings.gradle is the build context.

#include "../strategy.h"

namespace ttalkak::strategies {

class GradleSpringStrategy final : public Strategy
{
public:
    GradleSpringStrategy()
        : Strategy(QStringLiteral("spring-gradle"), 100)
    {
    }
    QString lookingFor() const override;

protected:
    core::Result<std::optional<Plan>> doDetect(const Repo &repo, const QString &appDir) const override;
    core::Result<Generated> doGenerate(const Plan &plan, const GenerateOptions &options) const override;
};

} // namespace ttalkak::strategies
