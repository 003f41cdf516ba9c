# JavaScript frontends (Vite, Create React App, Next.js, bundlers), monorepos and plain static sites.
target_sources(ttalkak_strategies PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/packagejson.h ${CMAKE_CURRENT_LIST_DIR}/packagejson.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nodeversion.h ${CMAKE_CURRENT_LIST_DIR}/nodeversion.cpp
    ${CMAKE_CURRENT_LIST_DIR}/packagemanager.h ${CMAKE_CURRENT_LIST_DIR}/packagemanager.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workspaces.h ${CMAKE_CURRENT_LIST_DIR}/workspaces.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jsconfig.h ${CMAKE_CURRENT_LIST_DIR}/jsconfig.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nodeproject.h ${CMAKE_CURRENT_LIST_DIR}/nodeproject.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nodedockerfile.h ${CMAKE_CURRENT_LIST_DIR}/nodedockerfile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nginxsite.h ${CMAKE_CURRENT_LIST_DIR}/nginxsite.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nodestrategy.h ${CMAKE_CURRENT_LIST_DIR}/nodestrategy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/vitestrategy.h ${CMAKE_CURRENT_LIST_DIR}/vitestrategy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/crastrategy.h ${CMAKE_CURRENT_LIST_DIR}/crastrategy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nextstrategy.h ${CMAKE_CURRENT_LIST_DIR}/nextstrategy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bundlerstrategy.h ${CMAKE_CURRENT_LIST_DIR}/bundlerstrategy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nodeworkspacestrategy.h ${CMAKE_CURRENT_LIST_DIR}/nodeworkspacestrategy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/staticsitestrategy.h ${CMAKE_CURRENT_LIST_DIR}/staticsitestrategy.cpp
)
