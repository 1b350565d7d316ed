# Installed programs find their data relative to themselves, also after the install is moved.
add_test(NAME install_relocated_finds_demo
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/install/relocated_install.sh ${CMAKE_BINARY_DIR})
set_tests_properties(install_relocated_finds_demo PROPERTIES TIMEOUT 300
                     ENVIRONMENT "OPENBLAS_NUM_THREADS=1;OMP_WAIT_POLICY=PASSIVE")

# The .deb packages, unpacked and run (needs dpkg-dev for dpkg-shlibdeps, as scripts/setup.sh installs).
if(UEGR_BUILD_GUI)
  add_test(NAME install_deb_packages COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/install/deb_package.sh ${CMAKE_BINARY_DIR})
  set_tests_properties(install_deb_packages PROPERTIES TIMEOUT 600
                       ENVIRONMENT "OPENBLAS_NUM_THREADS=1;OMP_WAIT_POLICY=PASSIVE")
endif()

# `uegr report` (headless, through the studio's --report mode); needs poppler-utils.
find_program(UEGR_PDFTOTEXT pdftotext)
if(UEGR_BUILD_GUI AND UEGR_PDFTOTEXT)
  add_test(NAME cli_report_pdf_and_html COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/install/headless_report.sh ${CMAKE_BINARY_DIR})
  set_tests_properties(cli_report_pdf_and_html PROPERTIES TIMEOUT 300
                       ENVIRONMENT "OPENBLAS_NUM_THREADS=1;OMP_WAIT_POLICY=PASSIVE")
elseif(UEGR_BUILD_GUI)
  message(STATUS "pdftotext not found: `uegr report` is not tested (install poppler-utils)")
endif()
