# gui_files: the File menu's dialog (--panel files, opening a scenario folder), and the
# load-problems panel of a scenario that does not load (scenarios/tests/broken/bad-csv: the
# dashboard exits 2 after its picture). The PNGs are checked concretely: the dialog's title and
# its listed folders (text inside the list), the problems' title and their red lines.
# Called as: cmake -DGUI=... -DCHECK=... -DSCENARIOS=... -DOUT=dir -P files_screenshot_test.cmake
foreach(var GUI CHECK SCENARIOS OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "files_screenshot_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if("$ENV{DISPLAY}" STREQUAL "")
  message(FATAL_ERROR "gui_files needs an X display (run under xvfb-run)")
endif()
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")

execute_process(
  COMMAND "${GUI}" --panel files --screenshot "${OUT}/files.png" --size 1600x1000
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 150)
if(NOT rc STREQUAL "0")
  message(FATAL_ERROR "riposte-gui --panel files exited with '${rc}':\n${err}")
endif()
# the dialog is 760x620, centred: x 420-1180, y 190-810
execute_process(
  COMMAND "${CHECK}" "${OUT}/files.png" --min-size 1600x1000 --min-colours 200
          --colour-in 420,190,400,22,255,255,255,20
          --colour-in 430,240,740,300,255,255,255,100
  RESULT_VARIABLE check_rc)
if(NOT check_rc STREQUAL "0")
  message(FATAL_ERROR "the file dialog screenshot misses an expected element (above)")
endif()

execute_process(
  COMMAND "${GUI}" "${SCENARIOS}/tests/broken/bad-csv" --screenshot "${OUT}/problems.png"
          --size 1600x1000
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 150)
if(NOT rc STREQUAL "2")
  message(FATAL_ERROR "riposte-gui on a broken scenario exited with '${rc}' (expected 2):\n${err}")
endif()
# the load-problems panel: x 320-1280, y 250-650
execute_process(
  COMMAND "${CHECK}" "${OUT}/problems.png" --min-size 1600x1000 --min-colours 100
          --colour-in 320,250,500,22,255,255,255,20
          --colour-in 320,280,960,360,255,115,102,60
  RESULT_VARIABLE check_rc)
if(NOT check_rc STREQUAL "0")
  message(FATAL_ERROR "the load-problems screenshot misses an expected element (above)")
endif()
