# Log template mining (libs/core/logtemplates).
ttalkak_add_test(NAME tst_logmasker SOURCES tst_logmasker.cpp LIBS Ttalkak::Core)
ttalkak_add_test(NAME tst_logtemplateminer SOURCES tst_logtemplateminer.cpp LIBS Ttalkak::Core)
ttalkak_add_test(NAME tst_loghubaccuracy SOURCES tst_loghubaccuracy.cpp LIBS Ttalkak::Core)
