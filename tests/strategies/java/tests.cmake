# Unit tests for libs/strategies/java (included from tests/strategies/extra.cmake).
foreach(unit javaproperties springconfig pomfile gradlescript springsupport)
    ttalkak_add_test(NAME tst_${unit} SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_${unit}.cpp LIBS Ttalkak::Strategies)
endforeach()
# The generated Dockerfile built and run for real (tests/samples/java/maven-wrapper-offline).
find_package(Qt6 REQUIRED COMPONENTS Network)
ttalkak_add_test(NAME tst_spring_container SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_spring_container.cpp
    LIBS Ttalkak::Strategies Qt6::Network LABELS docker TIMEOUT 600)
