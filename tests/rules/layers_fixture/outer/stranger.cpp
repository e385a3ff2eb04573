#include "inner/inner.hpp"
int stranger_value() { return inner_value(); }
