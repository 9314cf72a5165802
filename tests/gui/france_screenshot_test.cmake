# gui_france: the national scenario at 1600x1000, fitted and zoomed x8 on the mainland. The PNGs
# are checked where the dashboard reports drawing things:
#   fitted - the eight overseas insets (Guadeloupe ... Saint-Martin) are reported inside the
#            window, each with its title drawn, and the bottom edge of each frame has the frame
#            colour;
#          - communes are aggregated (cells reported) and names placed;
#          - the aggregated centre marker with the largest count, inside the map area, has the
#            vaccination green and the dark digits of its count;
#   zoomed - communes are drawn one by one (discs reported), names placed, and a centre marker
#            inside the map area has its kind's colour (reported) at the reported place.
# Called as: cmake -DGUI=... -DCHECK=... -DDIR=scenarios/france -DOUT=dir -P france_screenshot_test.cmake
cmake_policy(SET CMP0054 NEW)
foreach(var GUI CHECK DIR OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "france_screenshot_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if("$ENV{DISPLAY}" STREQUAL "")
  message(FATAL_ERROR "gui_france needs an X display (run under xvfb-run)")
endif()
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")

# The map area at 1600x1000: between the 400-pixel side panels, under the menu bar and the
# folded legend, above the charts (the bottom 52% of the window).
set(area_x0 430)
set(area_x1 1170)
set(area_y0 64)
set(area_y1 460)

function(shoot name zoom out_var)
  set(png "${OUT}/france-${name}.png")
  execute_process(
    COMMAND "${GUI}" "${DIR}" --size 1600x1000 --zoom ${zoom} --screenshot "${png}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
  if(NOT rc STREQUAL "0")
    message(FATAL_ERROR "riposte-gui on France (${name}) exited with '${rc}':\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

function(check png)
  execute_process(COMMAND "${CHECK}" "${png}" ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc STREQUAL "0")
    message(FATAL_ERROR "${png} misses an expected element (above)")
  endif()
endfunction()

function(map_counts out prefix)
  string(REGEX MATCH "map cells ([0-9]+) discs ([0-9]+) labels ([0-9]+)" found "${out}")
  if(NOT found)
    message(FATAL_ERROR "${prefix}: riposte-gui did not report its map scene:\n${out}")
  endif()
  set(cells ${CMAKE_MATCH_1} PARENT_SCOPE)
  set(discs ${CMAKE_MATCH_2} PARENT_SCOPE)
  set(labels ${CMAKE_MATCH_3} PARENT_SCOPE)
endfunction()

# ---- fitted
shoot(fitted 1 out)
set(png "${OUT}/france-fitted.png")
map_counts("${out}" fitted)
message(STATUS "fitted: ${cells} cells, ${discs} discs, ${labels} labels")
if(cells LESS 100 OR labels LESS 10)
  message(FATAL_ERROR "fitted France: expected aggregated cells (>= 100) and names (>= 10)")
endif()
set(frame_checks "")
foreach(code 971 972 973 974 975 976 977 978)
  string(REGEX MATCH "map inset ${code} at (-?[0-9]+),(-?[0-9]+) size ([0-9]+)x([0-9]+)" found
         "${out}")
  if(NOT found)
    message(FATAL_ERROR "fitted France: the inset ${code} was not reported:\n${out}")
  endif()
  set(x ${CMAKE_MATCH_1})
  set(y ${CMAKE_MATCH_2})
  set(w ${CMAKE_MATCH_3})
  set(h ${CMAKE_MATCH_4})
  math(EXPR r "${x} + ${w}")
  math(EXPR b "${y} + ${h}")
  if(x LESS 0 OR y LESS 0 OR r GREATER 1600 OR b GREATER 1000 OR w LESS 40)
    message(FATAL_ERROR "fitted France: the inset ${code} (${x},${y} ${w}x${h}) is not shown")
  endif()
  # its title is drawn (in or by its frame, clear of the markers and of the windows)
  if(NOT out MATCHES "map inset title ${code} drawn at")
    message(FATAL_ERROR "fitted France: the inset ${code}'s title was not drawn:\n${out}")
  endif()
  math(EXPR edge_y "${b} - 2")
  list(APPEND frame_checks --colour-in ${x},${edge_y},${w},4,120,132,150,20)
endforeach()
# the marker gathering the most centres, inside the map area
string(REGEX MATCHALL "map marker [0-9]+ centres at [0-9]+,[0-9]+ half [0-9]+" markers "${out}")
set(best 0)
foreach(line IN LISTS markers)
  string(REGEX MATCH "map marker ([0-9]+) centres at ([0-9]+),([0-9]+) half ([0-9]+)" _ "${line}")
  if(CMAKE_MATCH_1 GREATER best AND CMAKE_MATCH_2 GREATER area_x0 AND CMAKE_MATCH_2 LESS area_x1
     AND CMAKE_MATCH_3 GREATER area_y0 AND CMAKE_MATCH_3 LESS area_y1)
    set(best ${CMAKE_MATCH_1})
    set(mx ${CMAKE_MATCH_2})
    set(my ${CMAKE_MATCH_3})
    set(mh ${CMAKE_MATCH_4})
  endif()
endforeach()
if(best LESS 2)
  message(FATAL_ERROR "fitted France: no aggregated centre marker in the map area:\n${out}")
endif()
message(STATUS "fitted: marker of ${best} centres at ${mx},${my}")
math(EXPR x0 "${mx} - ${mh}")
math(EXPR y0 "${my} - ${mh}")
math(EXPR side "2 * ${mh}")
check("${png}" --min-size 1600x1000 --min-colours 300 ${frame_checks}
      --colour-in ${x0},${y0},${side},${side},72,196,120,20
      --colour-in ${x0},${y0},${side},${side},10,14,20,5)

# ---- zoomed x8 on the mainland
shoot(zoomed 8 out)
set(png "${OUT}/france-zoomed.png")
map_counts("${out}" zoomed)
message(STATUS "zoomed: ${cells} cells, ${discs} discs, ${labels} labels")
if(discs LESS 100 OR labels LESS 10)
  message(FATAL_ERROR "zoomed France: expected communes drawn one by one (>= 100) and names")
endif()
string(REGEX MATCHALL "centre [0-9]+ marker at [0-9]+,[0-9]+ rgb [0-9]+,[0-9]+,[0-9]+" centres
       "${out}")
set(found_marker "")
foreach(line IN LISTS centres)
  string(REGEX MATCH "centre ([0-9]+) marker at ([0-9]+),([0-9]+) rgb ([0-9]+,[0-9]+,[0-9]+)" _
         "${line}")
  set(rgb "${CMAKE_MATCH_4}")
  if(CMAKE_MATCH_2 GREATER area_x0 AND CMAKE_MATCH_2 LESS area_x1 AND CMAKE_MATCH_3 GREATER
     area_y0 AND CMAKE_MATCH_3 LESS area_y1)
    set(found_marker "${CMAKE_MATCH_1}")
    math(EXPR x0 "${CMAKE_MATCH_2} - 5")
    math(EXPR y0 "${CMAKE_MATCH_3} - 5")
    break()
  endif()
endforeach()
if(found_marker STREQUAL "")
  message(FATAL_ERROR "zoomed France: no centre marker in the map area:\n${out}")
endif()
message(STATUS "zoomed: centre ${found_marker} marker at ${x0},${y0} (+5)")
check("${png}" --min-size 1600x1000 --min-colours 300 --colour-in ${x0},${y0},11,11,${rgb},20)
