#ifndef SHOPREC_CZLIB_SHIM_H
#define SHOPREC_CZLIB_SHIM_H
#include <zlib.h>
#endif
