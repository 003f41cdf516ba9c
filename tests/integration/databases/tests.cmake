# Real database containers from DatabasePlan (ctest label "docker").
# Included from tests/strategies/extra.cmake; needs the local base images
# (scripts/base-images.sh) and the host clients psql, mariadb, redis-cli.
find_package(Qt6 REQUIRED COMPONENTS Network)
ttalkak_add_test(NAME tst_database_containers
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_database_containers.cpp
    LIBS Ttalkak::Strategies Qt6::Network
    LABELS docker TIMEOUT 600)
