/* The options `check` and `export` share (cli/opts.c): add
 * CLI_BATCH_LONGOPTS and CLI_BATCH_SHORTOPTS to a command's options and
 * hand what getopt returns to cli_batch_option(). */
#ifndef PB_CLI_OPTS_H
#define PB_CLI_OPTS_H

#include "cli/batch.h"

enum { CLI_OPT_FILE_TIMEOUT = 0x500, CLI_OPT_NO_PROGRESS };
#define CLI_BATCH_SHORTOPTS "j:0Lq"
#define CLI_BATCH_LONGOPTS                                                                                   \
    {"jobs", required_argument, NULL, 'j'}, {"null", no_argument, NULL, '0'},                                \
        {"follow-symlinks", no_argument, NULL, 'L'},                                                         \
        {"file-timeout", required_argument, NULL, CLI_OPT_FILE_TIMEOUT}, {"quiet", no_argument, NULL, 'q'}, \
        {"no-progress", no_argument, NULL, CLI_OPT_NO_PROGRESS}

/* EXIT_CLEAN when opt was a batch option and is set, EXIT_USAGE after
 * saying why its argument is wrong, -1 when opt is not a batch option. */
int cli_batch_option(batch_config *bc, int opt, const char *arg);

/* Refuses (EXIT_USAGE, after saying why), before anything is read or
 * written, a report or baseline that would overwrite one of the input
 * paths, and two outputs on one file. */
int cli_check_output_paths(const batch_config *bc, char **paths, int count);

#endif
