# Unit tests of strategy families that live in their own folders.
include(${CMAKE_CURRENT_SOURCE_DIR}/java/tests.cmake OPTIONAL)
include(${CMAKE_CURRENT_SOURCE_DIR}/databases/tests.cmake OPTIONAL)
# Lives under tests/integration but is registered here so no other list changes.
include(${CMAKE_CURRENT_SOURCE_DIR}/../integration/databases/tests.cmake OPTIONAL)
include(${CMAKE_CURRENT_SOURCE_DIR}/node/tests.cmake OPTIONAL)
include(${CMAKE_CURRENT_SOURCE_DIR}/../integration/frontend/tests.cmake OPTIONAL)
