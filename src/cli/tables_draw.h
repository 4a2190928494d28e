/* Terminal drawing of one table (cli/tables_draw.c), for `pbcheck tables`. */
#ifndef PB_CLI_TABLES_DRAW_H
#define PB_CLI_TABLES_DRAW_H

#include "cli/cli.h"

/* One code point of UTF-8; invalid or truncated sequences give U+FFFD and
 * consume one byte, so a scan always moves on.  Returns the bytes used. */
int cli_utf8_next(const char *s, unsigned *cp);

/* Draws t (a non-empty grid) with a column ruler and row numbers; sets
 * *has_holes when a grid slot is covered by no cell.  False when out of
 * memory. */
bool cli_draw_table(FILE *out, const pb_table *t, bool *has_holes);

#endif
