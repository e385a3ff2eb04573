#pragma once
int inner_value();
