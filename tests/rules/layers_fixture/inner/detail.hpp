#pragma once
inline int inner_detail() { return 41; }
