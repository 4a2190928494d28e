/* Shared pieces of the pbcheck command line (not part of libpbcheck). */
#ifndef PB_CLI_H
#define PB_CLI_H

#include "pbcheck/pbcheck.h"

#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define _(s) dgettext("pbcheck", s)

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2, EXIT_UNREADABLE = 3, EXIT_INTERNAL = 4 };

/* The status of a batch: 4 over 3 over 1 over 0. */
int cli_worse(int a, int b);
/* "256M", "1G", "4096" → bytes; false on anything else. */
bool cli_parse_size(const char *s, uint64_t *out);

int cli_check(int argc, char **argv);
/* `pbcheck tables FILE...` (cli_tables.c). */
int cli_tables(int argc, char **argv);

#endif
