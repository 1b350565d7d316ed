# Writes the uegr(1) man page with help2man from the program's own help, plus a SUBCOMMANDS
# section with the help of every sub-command (and of their sub-commands), so the page always
# matches the binary. cmake -DUEGR=... -DHELP2MAN=... -DVERSION=... -DOUT=... -P uegr_man.cmake
cmake_minimum_required(VERSION 3.25)

# Names listed under "SUBCOMMANDS:" in a CLI11 help text.
function(subcommands_of help out)
  set(names)
  set(inside FALSE)
  string(REPLACE "\n" ";" lines "${help}")
  foreach(line IN LISTS lines)
    if(line MATCHES "^(SUBCOMMANDS|Subcommands):")
      set(inside TRUE)
    elseif(inside AND line MATCHES "^  ([a-z][a-z_-]*)")
      list(APPEND names ${CMAKE_MATCH_1})
    elseif(inside AND NOT line MATCHES "^ ")
      set(inside FALSE)
    endif()
  endforeach()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

function(help_of command out)
  execute_process(COMMAND ${UEGR} ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "uegr ${command} --help failed (${status})")
  endif()
  set(${out} "${help}" PARENT_SCOPE)
endfunction()

# One .SS block of roff: the help text verbatim, with roff's escape and control characters escaped.
function(append_section title help)
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND sections ".SS \"uegr ${title}\"\n.nf\n${help}.fi\n")
  set(sections "${sections}" PARENT_SCOPE)
endfunction()

help_of("" top)
subcommands_of("${top}" commands)
set(sections "[SUBCOMMANDS]\nEach sub-command's own help, as \\fBuegr\\fR \\fIcommand\\fR \\fB--help\\fR prints it.\n")
foreach(command IN LISTS commands)
  help_of("${command}" help)
  append_section("${command}" "${help}")
  subcommands_of("${help}" nested)
  foreach(child IN LISTS nested)
    help_of("${command};${child}" child_help)
    append_section("${command} ${child}" "${child_help}")
  endforeach()
endforeach()
string(APPEND sections "[EXIT STATUS]\n0 success; 1 failure; 2 bad input, config or usage; 130 interrupted.\n")
string(APPEND sections "[SEE ALSO]\n\\fBuegr-studio\\fR(1); the documentation in /usr/share/doc/uegr.\n")
file(WRITE ${OUT}.include "${sections}")
# --version-string: `uegr --version` prints the runtime (BLAS, threads, CUDA) after the version line.
execute_process(COMMAND ${HELP2MAN} --no-info --version-string=${VERSION}
                        "--name=train and evaluate robust text classifiers with UEGR"
                        --include=${OUT}.include --output=${OUT} ${UEGR}
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "help2man failed for ${UEGR}")
endif()
