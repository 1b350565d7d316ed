# The layering as a build fact (docs/ARCHITECTURE.md, "Layers"): the widgets and the records library
# never see LibTorch. Needs Ninja's record of each object's headers.
if(NOT CMAKE_GENERATOR MATCHES "Ninja")
  return()
endif()
set(UEGR_LAYERING_CHECK ${CMAKE_CURRENT_SOURCE_DIR}/layering/check_layering.sh)
set(UEGR_TORCH_FREE_OBJECTS "^core/CMakeFiles/uegr_records\\.dir/")
if(UEGR_BUILD_GUI)
  list(APPEND UEGR_TORCH_FREE_OBJECTS "^ui/CMakeFiles/uegr_ui\\.dir/")
endif()
add_test(NAME layering_widgets_and_records_without_torch
         COMMAND bash ${UEGR_LAYERING_CHECK} ${CMAKE_BINARY_DIR} ${CMAKE_MAKE_PROGRAM} ${UEGR_TORCH_FREE_OBJECTS})

# The check must reject a widget that includes a torch header with torch's include path, and say so.
add_library(uegr_layering_probe OBJECT layering/widget_including_torch.cpp)
target_link_libraries(uegr_layering_probe PRIVATE ${TORCH_LIBRARIES})
set_target_properties(uegr_layering_probe PROPERTIES AUTOMOC OFF UNITY_BUILD OFF)  # its object names the file
add_test(NAME layering_check_catches_torch_in_a_widget COMMAND bash -c
         "bash '${UEGR_LAYERING_CHECK}' '${CMAKE_BINARY_DIR}' '${CMAKE_MAKE_PROGRAM}' '/uegr_layering_probe\\.dir/' > layering.log; status=$?; cat layering.log; test $status = 1 && grep -q 'include path: .*widget_including_torch' layering.log && grep -q 'widget_including_torch.cpp.o includes .*/c10/macros/Macros.h' layering.log")
