#include "inner/inner.hpp"
#ifdef INCLUDE_INTERNAL
#include "inner/detail.hpp"
#endif
int outer_value() { return inner_value(); }
