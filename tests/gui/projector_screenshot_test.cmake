# gui_projector: projector mode (--large-font) mid-run at 1280x720 and at 1920x1080. For each
# size: every window the dashboard reports drawing lies inside the screen (nothing cut off at
# the edges), the first series colour is inside the live charts window, the run panel's title
# text is there, and centre 0's marker is where the dashboard says it drew it.
# Called as: cmake -DGUI=... -DCHECK=... -DOUT=dir -P projector_screenshot_test.cmake
cmake_policy(SET CMP0054 NEW) # quoted if() arguments are strings, not variables
foreach(var GUI CHECK OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "projector_screenshot_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if("$ENV{DISPLAY}" STREQUAL "")
  message(FATAL_ERROR "gui_projector needs an X display (run under xvfb-run)")
endif()
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")

foreach(size 1280x720 1920x1080)
  string(REPLACE "x" ";" wh "${size}")
  list(GET wh 0 W)
  list(GET wh 1 H)
  set(png "${OUT}/projector-${size}.png")
  execute_process(
    COMMAND "${GUI}" --large-font --until-day 12 --size ${size} --screenshot "${png}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 150)
  if(NOT rc STREQUAL "0")
    message(FATAL_ERROR "riposte-gui --large-font at ${size} exited with '${rc}':\n${err}")
  endif()
  string(REGEX MATCHALL "window [^\n]* at -?[0-9]+,-?[0-9]+ size [0-9]+x[0-9]+" windows "${out}")
  list(LENGTH windows n)
  if(n LESS 4)
    message(FATAL_ERROR "${size}: the dashboard reported ${n} windows (expected at least 4):\n${out}")
  endif()
  set(charts_rect "")
  set(run_rect "")
  foreach(line IN LISTS windows)
    string(REGEX MATCH "window (.*) at (-?[0-9]+),(-?[0-9]+) size ([0-9]+)x([0-9]+)" _ "${line}")
    set(name "${CMAKE_MATCH_1}")
    set(x ${CMAKE_MATCH_2})
    set(y ${CMAKE_MATCH_3})
    set(w ${CMAKE_MATCH_4})
    set(h ${CMAKE_MATCH_5})
    math(EXPR r "${x} + ${w}")
    math(EXPR b "${y} + ${h}")
    if(x LESS 0 OR y LESS 0 OR r GREATER W OR b GREATER H)
      message(FATAL_ERROR "${size}: window '${name}' (${x},${y} ${w}x${h}) is cut off by the "
                          "screen's edge")
    endif()
    if(name STREQUAL "charts")
      set(charts_rect "${x},${y},${w},${h}")
    elseif(name STREQUAL "run")
      set(run_rect "${x},${y},${w}")
    endif()
  endforeach()
  if(charts_rect STREQUAL "" OR run_rect STREQUAL "")
    message(FATAL_ERROR "${size}: the charts or run window was not reported:\n${out}")
  endif()
  string(REGEX MATCH "centre 0 marker at (-?[0-9]+),(-?[0-9]+)" found "${out}")
  if(NOT found)
    message(FATAL_ERROR "${size}: riposte-gui did not report where it drew centre 0")
  endif()
  math(EXPR mx "${CMAKE_MATCH_1} - 5")
  math(EXPR my "${CMAKE_MATCH_2} - 5")
  string(REPLACE "," ";" run_parts "${run_rect}")
  list(GET run_parts 0 rx)
  list(GET run_parts 1 ry)
  list(GET run_parts 2 rw)
  math(EXPR title_w "${rw} - 10")
  execute_process(
    COMMAND "${CHECK}" "${png}" --min-size ${size} --min-colours 300
            --colour-in ${charts_rect},86,180,233,40
            --colour-in ${rx},${ry},${title_w},36,255,255,255,20
            --colour-in ${mx},${my},11,11,72,196,120,20
    RESULT_VARIABLE check_rc)
  if(NOT check_rc STREQUAL "0")
    message(FATAL_ERROR "the projector screenshot at ${size} misses an expected element (above)")
  endif()
endforeach()
