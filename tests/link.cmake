# The link guard (scripts/check-stdlib-binding.sh): every executable in the build binds the C++
# standard library to libstdc++.so.6, and the guard does catch a library that would interpose.
set(UEGR_LINK_GUARD ${CMAKE_SOURCE_DIR}/scripts/check-stdlib-binding.sh)

add_library(uegr_fake_stdfs SHARED link/fake_stdfs.cpp)
target_include_directories(uegr_fake_stdfs PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/link)
set_target_properties(uegr_fake_stdfs PROPERTIES AUTOMOC OFF LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib)

# The bad link: without the project's link option, g++ lists libstdc++ after the fake library.
add_executable(remove_all_probe_bad_link link/remove_all_probe.cpp)
target_link_libraries(remove_all_probe_bad_link PRIVATE uegr_fake_stdfs)
set_target_properties(remove_all_probe_bad_link PROPERTIES LINK_OPTIONS "" AUTOMOC OFF
                      RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/link-probes)
# The same program linked as every project binary is.
add_executable(remove_all_probe link/remove_all_probe.cpp)
target_link_libraries(remove_all_probe PRIVATE uegr_fake_stdfs)
set_target_properties(remove_all_probe PROPERTIES AUTOMOC OFF RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/link-probes)

add_test(NAME link_guard_all_executables COMMAND bash ${UEGR_LINK_GUARD} ${CMAKE_BINARY_DIR}/bin
         ${CMAKE_BINARY_DIR}/link-probes/remove_all_probe)
# The guard must fail on the bad link and name the interposed function and its library.
add_test(NAME link_guard_catches_interposer COMMAND bash -c
         "bash '${UEGR_LINK_GUARD}' '$<TARGET_FILE:remove_all_probe_bad_link>' > guard.log; cat guard.log; grep -q 'std::filesystem::remove_all.*libuegr_fake_stdfs.so, not .*libstdc++.so.6' guard.log")
# What the guard predicts is what the dynamic linker does: the bad link calls the fake, which
# removes nothing; the project's link removes the folder.
add_test(NAME link_order_decides_binding COMMAND bash -c
         "set -e; d=$(mktemp -d); touch $d/file; test \"$('$<TARGET_FILE:remove_all_probe_bad_link>' $d)\" = 0; test -d $d; test \"$('$<TARGET_FILE:remove_all_probe>' $d)\" = 2; test ! -e $d")
