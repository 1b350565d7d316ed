# cmake -DTS_FILE=translations/uegr_studio_de.ts -P translations/check_complete.cmake
# Fails when a translation is missing (lupdate marks new or changed source texts "unfinished").
file(READ "${TS_FILE}" ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n\r\t]*<translation type=\"unfinished\"" missing "${ts}")
list(LENGTH missing count)
if(count GREATER 0)
  string(REGEX REPLACE "[ \n\r\t]*<translation type=\"unfinished\"" "" missing "${missing}")
  string(REPLACE ";" "\n  " missing "${missing}")
  message(FATAL_ERROR "${TS_FILE}: ${count} unfinished translation(s):\n  ${missing}")
endif()
