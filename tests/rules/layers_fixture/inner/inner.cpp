#include "inner/detail.hpp"
#include "inner/inner.hpp"
int inner_value() { return inner_detail() + 1; }
