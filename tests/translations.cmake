# The build embeds whatever lrelease makes of a broken .ts file, so ctest checks that the German
# translation compiles (lrelease exits 1 on malformed entries) and that every text is translated.
if(UEGR_BUILD_GUI)
  set(UEGR_GERMAN_TS ${CMAKE_SOURCE_DIR}/translations/uegr_studio_de.ts)
  add_test(NAME translations_compile
           COMMAND $<TARGET_FILE:Qt6::lrelease> -silent ${UEGR_GERMAN_TS} -qm ${CMAKE_CURRENT_BINARY_DIR}/check_de.qm)
  add_test(NAME translations_complete
           COMMAND ${CMAKE_COMMAND} -DTS_FILE=${UEGR_GERMAN_TS} -P ${CMAKE_SOURCE_DIR}/translations/check_complete.cmake)
endif()
