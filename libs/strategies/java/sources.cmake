# Spring Boot backends (Maven and Gradle).
target_sources(ttalkak_strategies PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/javaproperties.h ${CMAKE_CURRENT_LIST_DIR}/javaproperties.cpp
    ${CMAKE_CURRENT_LIST_DIR}/springconfig.h ${CMAKE_CURRENT_LIST_DIR}/springconfig.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pomfile.h ${CMAKE_CURRENT_LIST_DIR}/pomfile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/gradlescript.h ${CMAKE_CURRENT_LIST_DIR}/gradlescript.cpp
    ${CMAKE_CURRENT_LIST_DIR}/springsupport.h ${CMAKE_CURRENT_LIST_DIR}/springsupport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/springdockerfile.h ${CMAKE_CURRENT_LIST_DIR}/springdockerfile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/mavenspringstrategy.h ${CMAKE_CURRENT_LIST_DIR}/mavenspringstrategy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/gradlespringstrategy.h ${CMAKE_CURRENT_LIST_DIR}/gradlespringstrategy.cpp
)
