/* The library's version at run time. */
#include "util/util.h"

const char *pb_version(void) { return PB_VERSION; }
