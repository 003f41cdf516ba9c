# Databases the deployer asks for (MySQL, MariaDB, PostgreSQL, Redis, MongoDB).
target_sources(ttalkak_strategies PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/databaseplan.h ${CMAKE_CURRENT_LIST_DIR}/databaseplan.cpp
)
