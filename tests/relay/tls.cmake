# TLS listener test: needs only SQLite, so it is registered once.
ttalkak_add_test(NAME tst_relay_tls SOURCES tst_tls.cpp LIBS ttalkak_relay_testsupport LABELS relay TIMEOUT 120
    ENV "TTALKAK_RELAY_BIN=$<TARGET_FILE:ttalkak-relay>")
