# gui_screenshot: run riposte-gui --screenshot and check the picture is a real one.
# Called as: cmake -DGUI=... -DCHECK=... -DOUT=....png -P screenshot_test.cmake
# Needs an X display (the project's test script runs ctest under
#   xvfb-run -a -s "-screen 0 1600x1000x24"). Without one the test FAILS, never skips.
foreach(var GUI CHECK OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "screenshot_test.cmake: -D${var}=... is required")
  endif()
endforeach()

if("$ENV{DISPLAY}" STREQUAL "")
  message(FATAL_ERROR
    "gui_screenshot needs an X display but DISPLAY is not set.\n"
    "Run the tests under Xvfb with 24-bit colour, e.g.:\n"
    "  xvfb-run -a -s \"-screen 0 1600x1000x24\" ctest --test-dir <build dir>")
endif()

file(REMOVE "${OUT}")
execute_process(
  COMMAND "${GUI}" --screenshot "${OUT}" --frames 12 --run --size 1280x800
  RESULT_VARIABLE gui_rc
  OUTPUT_VARIABLE gui_out
  ERROR_VARIABLE gui_err
  TIMEOUT 150)
message(STATUS "riposte-gui stdout:\n${gui_out}")
if(NOT gui_err STREQUAL "")
  message(STATUS "riposte-gui stderr:\n${gui_err}")
endif()
if(NOT gui_rc STREQUAL "0")
  message(FATAL_ERROR "riposte-gui --screenshot exited with '${gui_rc}' (expected 0)")
endif()
if(NOT EXISTS "${OUT}")
  message(FATAL_ERROR "riposte-gui exited 0 but wrote no ${OUT}")
endif()

execute_process(
  COMMAND "${CHECK}" "${OUT}" --min-size 1280x800 --min-colours 200 --max-dominant 0.9
  RESULT_VARIABLE check_rc)
if(NOT check_rc STREQUAL "0")
  message(FATAL_ERROR "the screenshot ${OUT} does not look like a drawn dashboard")
endif()
