# gui_validation: the validation panel on Centre-Hérault's understaffed plan after its targets
# were judged over 4 replications (--panel validation --validate 4). The PNG is checked
# concretely: the window's title text, red "[non conforme]" verdicts and green "[conforme]"
# ones inside the window.
# Called as: cmake -DGUI=... -DCHECK=... -DSCENARIOS=... -DOUT=....png -P ...
foreach(var GUI CHECK SCENARIOS OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "validation_screenshot_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if("$ENV{DISPLAY}" STREQUAL "")
  message(FATAL_ERROR "gui_validation needs an X display (run under xvfb-run)")
endif()
file(REMOVE "${OUT}")
set(dir "${SCENARIOS}/centre-herault")
execute_process(
  COMMAND "${GUI}" "${dir}/world.toml" "${dir}/plan-understaffed.toml" --panel validation
          --validate 4 --screenshot "${OUT}" --size 1600x1000
  RESULT_VARIABLE gui_rc OUTPUT_VARIABLE gui_out ERROR_VARIABLE gui_err TIMEOUT 200)
if(NOT gui_rc STREQUAL "0")
  message(FATAL_ERROR "riposte-gui --panel validation exited with '${gui_rc}':\n${gui_err}")
endif()
# Layout at 1600x1000: the validation window is 520 px wide at the right (x 1070-1590), from
# y 36 to 990.
execute_process(
  COMMAND "${CHECK}" "${OUT}" --min-size 1600x1000 --min-colours 200
          --colour-in 1070,36,400,22,255,255,255,20
          --colour-in 1070,60,520,930,255,115,102,40
          --colour-in 1070,60,520,930,102,217,128,40
  RESULT_VARIABLE check_rc)
if(NOT check_rc STREQUAL "0")
  message(FATAL_ERROR "the validation screenshot misses an expected element (above)")
endif()
