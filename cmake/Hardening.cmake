# Sanitizer and fuzzing builds (issue 11). Included from the top-level CMakeLists.txt.
#
#   -DRIPOSTE_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer on every target
#                          (scripts/test.sh --sanitize).
#   -DRIPOSTE_FUZZ=ON      libFuzzer targets in fuzz/, clang only, with ASan and UBSan; the
#                          libraries are instrumented for coverage (scripts/fuzz.sh).

if(RIPOSTE_SANITIZE OR RIPOSTE_FUZZ)
  # Any undefined behaviour stops the program, so that a test or a fuzz run fails on it.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

if(RIPOSTE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "RIPOSTE_FUZZ=ON needs clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++-14, or run scripts/fuzz.sh")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
