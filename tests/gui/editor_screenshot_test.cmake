# gui_editor: the plan editor open on the default plan (--panel editor). The PNG is checked
# concretely: the window's title text, the green "[conforme]" verdicts of the structural rules
# in its lower part.
# Called as: cmake -DGUI=... -DCHECK=... -DOUT=....png -P editor_screenshot_test.cmake
foreach(var GUI CHECK OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "editor_screenshot_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if("$ENV{DISPLAY}" STREQUAL "")
  message(FATAL_ERROR "gui_editor needs an X display (run under xvfb-run)")
endif()
file(REMOVE "${OUT}")
execute_process(
  COMMAND "${GUI}" --panel editor --screenshot "${OUT}" --size 1600x1000
  RESULT_VARIABLE gui_rc OUTPUT_VARIABLE gui_out ERROR_VARIABLE gui_err TIMEOUT 150)
if(NOT gui_rc STREQUAL "0")
  message(FATAL_ERROR "riposte-gui --panel editor exited with '${gui_rc}':\n${gui_err}")
endif()
# Layout at 1600x1000: the editor is 560 px wide at the left (x 10-570) from y 36 to 990; the
# rules take its lower part (below about 62% of its body).
execute_process(
  COMMAND "${CHECK}" "${OUT}" --min-size 1600x1000 --min-colours 200
          --colour-in 10,36,400,22,255,255,255,20
          --colour-in 10,600,560,390,102,217,128,40
  RESULT_VARIABLE check_rc)
if(NOT check_rc STREQUAL "0")
  message(FATAL_ERROR "the editor screenshot misses an expected element (above)")
endif()
