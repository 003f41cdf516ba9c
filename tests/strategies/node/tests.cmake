# Node/frontend strategy unit tests (the golden fixtures run in tst_fixtures).
ttalkak_add_test(NAME tst_nodeversion SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_nodeversion.cpp LIBS Ttalkak::Strategies)
ttalkak_add_test(NAME tst_packagemanager SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_packagemanager.cpp LIBS Ttalkak::Strategies)
ttalkak_add_test(NAME tst_nodeconfig SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_nodeconfig.cpp LIBS Ttalkak::Strategies)
