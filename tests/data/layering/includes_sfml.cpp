// Layering self-test: an engine file that includes SFML must fail tests/layering_check.cmake.
#include <SFML/Graphics.hpp>
