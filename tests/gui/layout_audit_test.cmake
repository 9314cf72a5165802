# gui_layout_audit: projector mode (--large-font) and the normal font, at 1280x720 and
# 1920x1080, in French and in English: every panel drawn mid-run, and riposte-gui --layout-audit reads the frame's draw
# lists back and names every text that is cut off (not fully visible and not reachable by
# scrolling), drawn over another text, or a map label under a panel. Any such line fails the
# test. The audit must also have seen the texts of every panel (it cannot pass by seeing
# nothing).
# Called as: cmake -DGUI=... -DSCENARIOS=... -DOUT=dir [-DSIZES=..] [-DLANGS=..] [-DFONTS=..] -P ...
cmake_policy(SET CMP0054 NEW) # quoted if() arguments are strings, not variables
foreach(var GUI SCENARIOS OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "layout_audit_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if("$ENV{DISPLAY}" STREQUAL "")
  message(FATAL_ERROR "gui_layout_audit needs an X display (run under xvfb-run)")
endif()
if(NOT DEFINED SIZES)
  set(SIZES 1280x720 1920x1080)
endif()
if(NOT DEFINED LANGS)
  set(LANGS fr en)
endif()
if(NOT DEFINED FONTS)
  set(FONTS large normal)
endif()
set(large_font_args --large-font)
set(normal_font_args "")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(dir "${SCENARIOS}/centre-herault")

# Each layout: a name, the panels the audit must have seen in it, and the options.
set(layouts dashboard compare editor exercise)
set(dashboard_panels "run;charts;scenario;centre;validation;legend")
set(dashboard_args --until-day 12 --centre "Clermont-l'Hérault" --panel validation
                   --charts-tab waits)
set(compare_panels "run;charts;compare")
set(compare_args --compare "${dir}/plan.toml,${dir}/plan-extra-line.toml" --replications 2
                 --charts-tab resources)
set(editor_panels "run;charts;editor")
set(editor_args --until-day 5 --panel editor --charts-tab activity)
# the exercise leaves the map in view: its labels (commune names, counts) are checked against
# every panel, the players' screen's too
set(exercise_panels "console;course;map;decision;kpis;messages")
set(exercise_args --exercise "${dir}/exercise.toml" --journal "@JOURNAL@")

set(failures "")
foreach(font IN LISTS FONTS)
foreach(size IN LISTS SIZES)
  foreach(lang IN LISTS LANGS)
    foreach(layout IN LISTS layouts)
      set(tag "${layout}-${font}-${lang}-${size}")
      set(png "${OUT}/${tag}.png")
      set(args ${${layout}_args})
      list(TRANSFORM args REPLACE "@JOURNAL@" "${OUT}/${tag}.journal.toml")
      execute_process(
        COMMAND "${GUI}" "${dir}" ${${font}_font_args} --lang ${lang} --size ${size} ${args}
                --screenshot "${png}" --layout-audit
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
      file(WRITE "${OUT}/${tag}.txt" "${out}\n--- stderr\n${err}")
      string(REGEX MATCHALL "layout (cut|overlap|label under panel): [^\n]*" problems "${out}")
      foreach(p IN LISTS problems)
        string(APPEND failures "  ${tag}: ${p}\n")
      endforeach()
      if(NOT rc STREQUAL "0" AND problems STREQUAL "")
        string(APPEND failures "  ${tag}: riposte-gui exited with '${rc}':\n${err}\n")
      endif()
      foreach(panel IN LISTS ${layout}_panels)
        string(REGEX MATCH "layout audit: panel ${panel} texts ([0-9]+)" seen "${out}")
        if(NOT seen OR CMAKE_MATCH_1 LESS 1)
          string(APPEND failures "  ${tag}: the audit saw no text in the panel '${panel}'\n")
        endif()
      endforeach()
    endforeach()
  endforeach()
endforeach()
endforeach()
if(NOT failures STREQUAL "")
  message(FATAL_ERROR "texts cut off, overlapping or hidden (outputs in ${OUT}):\n${failures}")
endif()
