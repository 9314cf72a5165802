# The layering rule of DESIGN.md, checked on what the compiler really includes: every
# translation unit of the engine layers (sim/core, sim/model, sim/output, sim/runner) is run
# through the preprocessor with its own compile command (compile_commands.json) and `-M`,
# which lists every header it pulls in, system headers included. Debian puts toml++, SFML and
# ImGui in /usr/include, so "no include path" alone would enforce nothing.
#
# Rules:
#   - no engine TU includes toml++, SFML or ImGui;
#   - core and model include nothing of the output, scenario-loading or runner layers;
#   - output includes nothing of the scenario-loading layer or the runner's sources.
#
# Usage: cmake -DCOMPILE_COMMANDS=build/compile_commands.json -DSOURCE_DIR=. -P layering_check.cmake
# With -DPROBE=file.cpp -DPROBE_LAYER=core, checks only that file, compiled with the command
# of the first TU of that layer (the self-test that shows the check can fail).
cmake_minimum_required(VERSION 3.25)

if(NOT EXISTS "${COMPILE_COMMANDS}")
  message(FATAL_ERROR "${COMPILE_COMMANDS} not found: configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON")
endif()
file(READ "${COMPILE_COMMANDS}" json)
string(JSON count LENGTH "${json}")
file(REAL_PATH "${SOURCE_DIR}" src)

set(external_forbidden "toml\\+\\+/|/SFML/|imgui")
set(upper_forbidden
  "include/riposte/(output|report|results_folder|retex|change_toml|scenario_loader|exercise_loader|runner|live_run|session|counterfactual)\\.hpp|sim/(output|scenario|runner)/")
set(output_forbidden
  "include/riposte/(scenario_loader|exercise_loader|live_run|session|counterfactual)\\.hpp|sim/(scenario|runner)/")

set(failures "")
set(checked 0)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON file GET "${json}" ${i} file)
  string(JSON dir GET "${json}" ${i} directory)
  string(JSON command GET "${json}" ${i} command)
  file(RELATIVE_PATH rel "${src}" "${file}")
  if(rel MATCHES "^sim/(core|model|output|runner)/")
    set(layer "${CMAKE_MATCH_1}")
  else()
    continue()
  endif()
  if(DEFINED PROBE)
    if(NOT layer STREQUAL PROBE_LAYER)
      continue()
    endif()
    set(target_file "${PROBE}")
  else()
    set(target_file "${file}")
  endif()

  separate_arguments(args UNIX_COMMAND "${command}")
  # drop "-o OBJ" and "-c FILE"; the file is given again at the end
  set(clean "")
  set(skip FALSE)
  foreach(a IN LISTS args)
    if(skip)
      set(skip FALSE)
      continue()
    endif()
    if(a STREQUAL "-o" OR a STREQUAL "-c")
      set(skip TRUE)
      continue()
    endif()
    if(a STREQUAL "${file}")
      continue()
    endif()
    list(APPEND clean "${a}")
  endforeach()
  list(POP_FRONT clean compiler)
  if(compiler MATCHES "ccache$")
    list(POP_FRONT clean compiler)
  endif()
  execute_process(COMMAND ${compiler} ${clean} -M "${target_file}"
                  WORKING_DIRECTORY "${dir}" OUTPUT_VARIABLE deps ERROR_VARIABLE err
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    list(APPEND failures "${rel}: the preprocessor failed: ${err}")
    math(EXPR checked "${checked} + 1")
    if(DEFINED PROBE)
      break()
    endif()
    continue()
  endif()
  string(REPLACE "\\\n" " " deps "${deps}")
  string(REGEX REPLACE "[ \t\n]+" ";" deps "${deps}")
  foreach(d IN LISTS deps)
    if(d MATCHES "${external_forbidden}")
      list(APPEND failures "${rel} (${layer}) includes ${d}")
    elseif((layer STREQUAL "core" OR layer STREQUAL "model") AND d MATCHES "${upper_forbidden}")
      list(APPEND failures "${rel} (${layer}) includes ${d}, from a layer above it")
    elseif(layer STREQUAL "output" AND d MATCHES "${output_forbidden}")
      list(APPEND failures "${rel} (output) includes ${d}, from the loading or runner layer")
    endif()
  endforeach()
  math(EXPR checked "${checked} + 1")
  if(DEFINED PROBE)
    break()
  endif()
endforeach()

if(checked EQUAL 0)
  message(FATAL_ERROR "no engine translation unit found in ${COMPILE_COMMANDS}")
endif()
if(failures)
  list(JOIN failures "\n  " text)
  message(FATAL_ERROR "layering broken (${checked} translation units checked):\n  ${text}")
endif()
message(STATUS "layering OK: ${checked} engine translation units include no toml++, SFML or ImGui, and nothing from a layer above them")
