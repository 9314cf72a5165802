// Layering self-test: a model file that includes the scenario loader (a layer above) must fail
// tests/layering_check.cmake.
#include "riposte/scenario_loader.hpp"
