/* Reading a package on a thread of its own while the caller's thread takes
 * what it has read (handoff.c). */
#ifndef PB_HANDOFF_H
#define PB_HANDOFF_H

#include "read/read.h"

#pragma GCC visibility push(hidden)

/* pbi_read_package, with the package read on a second thread: sink is
 * called on the caller's thread, with what pbi_read_package would hand it,
 * in the same order, while the reader goes on.  When no thread can be
 * started, the package is read on the caller's thread. */
bool pbi_read_beside(pb_zip *z, pb_arena *a, const pb_limits *l, const pb_docx_sink *sink, pb_format *format,
                     pb_error *e);

#pragma GCC visibility pop

#endif
