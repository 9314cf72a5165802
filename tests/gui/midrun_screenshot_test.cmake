# gui_screenshot_midrun: riposte-gui paused mid-run (day 12 at 11:00) with a centre's panel
# open and the communes coloured by travel time; the PNG is checked concretely:
#   - the first two series colours inside the live charts window (lines were drawn);
#   - the vaccination-centre green at the marker position the GUI reports for centre 0;
#   - white title text in the centre panel's title bar.
# Called as: cmake -DGUI=... -DCHECK=... -DOUT=....png -P midrun_screenshot_test.cmake
foreach(var GUI CHECK OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "midrun_screenshot_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if("$ENV{DISPLAY}" STREQUAL "")
  message(FATAL_ERROR "gui_screenshot_midrun needs an X display (run under xvfb-run)")
endif()

file(REMOVE "${OUT}")
execute_process(
  COMMAND "${GUI}" --screenshot "${OUT}" --until-day 11 --until-hour 11 --centre Gignac
          --map-metric travel --size 1600x1000
  RESULT_VARIABLE gui_rc OUTPUT_VARIABLE gui_out ERROR_VARIABLE gui_err TIMEOUT 150)
message(STATUS "riposte-gui stdout:\n${gui_out}")
if(NOT gui_err STREQUAL "")
  message(STATUS "riposte-gui stderr:\n${gui_err}")
endif()
if(NOT gui_rc STREQUAL "0")
  message(FATAL_ERROR "riposte-gui --screenshot exited with '${gui_rc}' (expected 0)")
endif()

string(REGEX MATCH "centre 0 marker at (-?[0-9]+),(-?[0-9]+)" found "${gui_out}")
if(NOT found)
  message(FATAL_ERROR "riposte-gui did not report where it drew centre 0")
endif()
math(EXPR mx "${CMAKE_MATCH_1} - 5")
math(EXPR my "${CMAKE_MATCH_2} - 5")

# Layout at 1600x1000: side panels 400 px wide, 10 px margins, menu bar 26 px; the charts take
# the bottom 52% of the window between the side panels; the centre panel sits at the top right
# of the map area.
execute_process(
  COMMAND "${CHECK}" "${OUT}" --min-size 1600x1000 --min-colours 500
          --colour-in 420,470,760,520,86,180,233,50
          --colour-in 420,470,760,520,230,159,0,50
          --colour-in ${mx},${my},11,11,72,196,120,20
          --colour-in 780,36,400,24,255,255,255,20
  RESULT_VARIABLE check_rc)
if(NOT check_rc STREQUAL "0")
  message(FATAL_ERROR "the mid-run screenshot ${OUT} misses an expected element (above)")
endif()
