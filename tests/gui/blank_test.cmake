# gui_png_check_rejects_blank: the PNG checker used by gui_screenshot must fail on a blank
# picture, or gui_screenshot could never fail. No display needed.
# Called as: cmake -DCHECK=... -DOUT=....png -P blank_test.cmake
execute_process(COMMAND "${CHECK}" --write-blank "${OUT}" 1280x800 RESULT_VARIABLE rc)
if(NOT rc STREQUAL "0")
  message(FATAL_ERROR "could not write the blank picture ${OUT}")
endif()
execute_process(COMMAND "${CHECK}" "${OUT}" --min-size 1280x800 --min-colours 200
                        --max-dominant 0.9
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(rc STREQUAL "0")
  message(FATAL_ERROR "the PNG checker accepted a blank picture")
endif()
if(NOT rc STREQUAL "1")
  message(FATAL_ERROR "the PNG checker failed with '${rc}' instead of 1 (a verdict)")
endif()
