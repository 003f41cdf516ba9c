# Real builds of the frontend samples in tests/samples/frontend (ctest label "docker").
# Included from tests/strategies/extra.cmake. Needs a Docker engine, the local
# base images (scripts/base-images.sh writes the override file) and curl.
# Skips (exit 77) without an engine unless TTALKAK_REQUIRE_DOCKER=1, then fails.
if(TARGET ttalkak)
    add_test(NAME tst_frontend_samples
        COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run.sh $<TARGET_FILE:ttalkak>)
    set_tests_properties(tst_frontend_samples PROPERTIES
        LABELS docker
        TIMEOUT 1500
        SKIP_RETURN_CODE 77
        ENVIRONMENT "TTALKAK_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endif()
