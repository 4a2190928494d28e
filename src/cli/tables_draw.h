/* Terminal drawing of one table (cli/tables_draw.c), for `pbcheck tables`. */
#ifndef PB_CLI_TABLES_DRAW_H
#define PB_CLI_TABLES_DRAW_H

#include "cli/cli.h"

/* Draws t (a non-empty grid) with a column ruler and row numbers; sets
 * *has_holes when a grid slot is covered by no cell.  False when out of
 * memory. */
bool cli_draw_table(FILE *out, const pb_table *t, bool *has_holes);

#endif
