# Unit tests for libs/strategies/databases (included from tests/strategies/extra.cmake).
ttalkak_add_test(NAME tst_databaseplan SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_databaseplan.cpp LIBS Ttalkak::Strategies)
