# gui_compare: the dashboard's comparison of two shipped Centre-Hérault plans gives the same
# numbers as `riposte compare`: the GUI writes its table as compare.csv (--compare-csv), which
# must equal the CLI's byte for byte. The screenshot is checked concretely: both plans' bar
# colours inside the comparison window, and its title text.
# Called as: cmake -DGUI=... -DCLI=... -DCHECK=... -DSCENARIOS=... -DOUT=dir -P ...
foreach(var GUI CLI CHECK SCENARIOS OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "compare_screenshot_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if("$ENV{DISPLAY}" STREQUAL "")
  message(FATAL_ERROR "gui_compare needs an X display (run under xvfb-run)")
endif()
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(dir "${SCENARIOS}/centre-herault")
set(a "${dir}/plan.toml")
set(b "${dir}/plan-extra-line.toml")

execute_process(
  COMMAND "${CLI}" compare "${dir}/world.toml" "${a}" "${b}" --replications 4 --threads 2
          --out "${OUT}/cli" --quiet
  RESULT_VARIABLE cli_rc TIMEOUT 240)
if(NOT cli_rc STREQUAL "0")
  message(FATAL_ERROR "riposte compare exited with '${cli_rc}'")
endif()

# the scenario folder as the CLI takes it (riposte-gui DIR)
execute_process(
  COMMAND "${GUI}" "${dir}" --compare "${a},${b}" --replications 4
          --compare-csv "${OUT}/gui-compare.csv" --screenshot "${OUT}/compare.png"
          --size 1600x1000
  RESULT_VARIABLE gui_rc OUTPUT_VARIABLE gui_out ERROR_VARIABLE gui_err TIMEOUT 240)
message(STATUS "riposte-gui stdout:\n${gui_out}")
if(NOT gui_err STREQUAL "")
  message(STATUS "riposte-gui stderr:\n${gui_err}")
endif()
if(NOT gui_rc STREQUAL "0")
  message(FATAL_ERROR "riposte-gui --compare exited with '${gui_rc}' (expected 0)")
endif()

execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT}/cli/compare.csv"
                        "${OUT}/gui-compare.csv"
                RESULT_VARIABLE same)
if(NOT same STREQUAL "0")
  file(READ "${OUT}/cli/compare.csv" cli_csv)
  file(READ "${OUT}/gui-compare.csv" gui_csv)
  message(FATAL_ERROR "the dashboard's comparison differs from riposte compare's:\n"
                      "CLI:\n${cli_csv}\nGUI:\n${gui_csv}")
endif()

# Layout at 1600x1000: the comparison window covers the map area between the 400 px side
# panels (x 420-1180) from under the menu bar; its bar charts (plan A in series colour 0, plan
# B in series colour 1) are in its upper half.
execute_process(
  COMMAND "${CHECK}" "${OUT}/compare.png" --min-size 1600x1000 --min-colours 200
          --colour-in 420,150,760,500,86,180,233,300
          --colour-in 420,150,760,500,230,159,0,300
          --colour-in 420,36,500,22,255,255,255,20
  RESULT_VARIABLE check_rc)
if(NOT check_rc STREQUAL "0")
  message(FATAL_ERROR "the comparison screenshot misses an expected element (above)")
endif()
