cmake_minimum_required(VERSION 3.20)
# Test case names that ctest cannot carry whole (doctest_discover_tests, CMake lists):
# - a ';' splits the name into entries that each ask for a test case of that name, run none
#   and pass;
# - a ',' in a test case of a TEST_SUITE loses the suite's label (the label is looked up with
#   the name unescaped, which doctest reads as several filters): a "slow" test would then run
#   in the quick suite, a "validation" one outside `ctest -L validation`.
# This check lists the test cases of each binary given (-DBINARIES=a|b) and fails on either.
string(REPLACE "|" ";" binaries "${BINARIES}")
set(bad "")

# the lines of `binary args...` that are names (not doctest's header and rulers), a ';' kept
# as <SEMICOLON> so that the lines can be walked as a list
function(list_names out_var binary)
  execute_process(COMMAND "${binary}" ${ARGN} --no-version OUTPUT_VARIABLE out
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${binary} ${ARGN} failed (exit ${rc})")
  endif()
  string(REPLACE ";" "<SEMICOLON>" out "${out}")
  string(REPLACE "\n" ";" lines "${out}")
  set(names "")
  foreach(line IN LISTS lines)
    if(line STREQUAL "" OR line MATCHES "^\\[doctest\\] " OR line MATCHES "^====")
      continue()
    endif()
    list(APPEND names "${line}")
  endforeach()
  set(${out_var} "${names}" PARENT_SCOPE)
endfunction()

foreach(binary IN LISTS binaries)
  list_names(all "${binary}" --list-test-cases)
  list(LENGTH all n)
  if(n LESS 10)
    message(FATAL_ERROR "${binary} lists ${n} test cases: not a test list")
  endif()
  foreach(name IN LISTS all)
    if(name MATCHES "<SEMICOLON>")
      string(REPLACE "<SEMICOLON>" ";" name "${name}")
      string(APPEND bad "\n  holds ';' (write ', '): ${name}")
    endif()
  endforeach()
  list_names(suites "${binary}" --list-test-suites)
  foreach(suite IN LISTS suites)
    list_names(in_suite "${binary}" --list-test-cases "--test-suite=${suite}")
    foreach(name IN LISTS in_suite)
      if(name MATCHES ",")
        string(APPEND bad "\n  in suite ${suite}, holds ',' (its label would be lost): ${name}")
      endif()
    endforeach()
  endforeach()
endforeach()
if(NOT bad STREQUAL "")
  message(FATAL_ERROR "test case names ctest cannot carry whole:${bad}")
endif()
message(STATUS "every test case name reaches ctest whole")
