# gui_screenshot_editor: riposte-gui with the exercise editor open on the shipped winter
# exercise (scenarios/centre-herault/exercise-hiver.toml); the PNG is checked concretely at the
# places the GUI reports it drew the timeline's markers:
#   - inject 0 (`lancement`, a message): the markers' grey;
#   - inject 1 (`absences-ide`, an absence wave: the world changes): the injects' orange;
#   - the timeline's dark background just above the marker of inject 1.
# Called as: cmake -DGUI=... -DCHECK=... -DEXERCISE=... -DOUT=....png -P editor_screenshot_test.cmake
foreach(var GUI CHECK EXERCISE OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "editor_screenshot_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if("$ENV{DISPLAY}" STREQUAL "")
  message(FATAL_ERROR "gui_screenshot_editor needs an X display (run under xvfb-run)")
endif()

file(REMOVE "${OUT}")
execute_process(
  COMMAND "${GUI}" --edit-exercise "${EXERCISE}" --size 1600x1000 --frames 6 --screenshot "${OUT}"
  RESULT_VARIABLE gui_rc OUTPUT_VARIABLE gui_out ERROR_VARIABLE gui_err TIMEOUT 150)
message(STATUS "riposte-gui stdout:\n${gui_out}")
if(NOT gui_err STREQUAL "")
  message(STATUS "riposte-gui stderr:\n${gui_err}")
endif()
if(NOT gui_rc STREQUAL "0")
  message(FATAL_ERROR "riposte-gui --edit-exercise --screenshot exited with '${gui_rc}'")
endif()

foreach(k 0 1)
  string(REGEX MATCH "editor inject ${k} marker at (-?[0-9]+),(-?[0-9]+)" found "${gui_out}")
  if(NOT found)
    message(FATAL_ERROR "riposte-gui did not report where it drew the marker of inject ${k}")
  endif()
  math(EXPR x${k} "${CMAKE_MATCH_1} - 2")
  math(EXPR y${k} "${CMAKE_MATCH_2} - 2")
endforeach()
math(EXPR above "${y1} - 16")

execute_process(
  COMMAND "${CHECK}" "${OUT}" --min-size 1600x1000 --min-colours 200
          --colour-in ${x0},${y0},5,5,150,150,150,10
          --colour-in ${x1},${y1},5,5,230,120,20,10
          --colour-in ${x1},${above},5,5,30,34,42,10
  RESULT_VARIABLE check_rc)
if(NOT check_rc STREQUAL "0")
  message(FATAL_ERROR "the editor screenshot ${OUT} misses an expected element (above)")
endif()
