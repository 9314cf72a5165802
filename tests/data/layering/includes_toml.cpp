// Layering self-test: an engine file that includes toml++ must fail tests/layering_check.cmake.
#include <toml++/toml.h>
