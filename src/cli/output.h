/* Outputs that are all or nothing (cli/output.c): reports, baselines, -o
 * files, annotated copies and folder outputs.
 *
 * A target that is a regular file, or does not exist yet, is written to a
 * temporary file beside it (same folder, so the rename cannot cross file
 * systems) and renamed over it only when everything was written and
 * flushed; a symbolic link is followed, so the file it names is replaced
 * and the link stays.  A target that exists and is not a regular file
 * (/dev/stdout, /dev/full, a FIFO, a terminal) is written directly: there
 * is nothing to keep intact and nothing to rename.  A folder output is
 * filled under a temporary name beside it and then swapped into place.
 *
 * SIGINT, SIGTERM and SIGHUP, from cli_output_setup() on, remove every
 * temporary file or folder still open, say on stderr which target was left
 * as it was, and end the process with status 4 (EXIT_INTERNAL).  A write
 * error does the same for its one output through cli_output_commit().
 *
 * Outputs are opened, committed and aborted from one thread (the main
 * thread); the FILE may be written by any thread that owns it meanwhile. */
#ifndef PB_CLI_OUTPUT_H
#define PB_CLI_OUTPUT_H

#include "cli/cli.h"

typedef struct cli_output cli_output;

/* Installs the signal handlers and the check of stdout at exit (main()
 * calls it once, after choosing the language): when stdout could not be
 * written, the process says so and ends with status 4 whatever the
 * command returned — `rules`, `tables`, `--help` and `--version` alike. */
void cli_output_setup(void);

/* Opens path for writing (NULL or "-": stdout).  NULL, after printing why
 * on stderr, when it cannot be opened. */
cli_output *cli_output_open(const char *path);
/* The stream to write to. */
FILE *cli_output_file(const cli_output *o);
/* errno of the first write to o's stream that failed; 0 if none did */
int cli_output_write_error(const cli_output *o);
/* The name messages use: the path, or "standard output". */
const char *cli_output_name(const cli_output *o);

/* Flushes and closes the output and puts it in place.  EXIT_CLEAN, or
 * EXIT_INTERNAL after printing which file could not be written and why
 * (the previous file is then left as it was and the temporary removed).
 * Frees o; NULL is EXIT_CLEAN. */
int cli_output_commit(cli_output *o);
/* Drops an output that could not be completed (err: why, an errno value):
 * says which file was not written and why, as commit does, and removes the
 * temporary.  Frees o; returns EXIT_INTERNAL. */
int cli_output_fail(cli_output *o, int err);
/* Drops the output: the temporary is removed, the target left as it was.
 * Frees o; NULL is allowed. */
void cli_output_abort(cli_output *o);

/* A folder output (e.g. an HTML report with its pages): cli_output_dir_path()
 * is the temporary folder to fill; commit swaps it into place (an existing
 * folder of that name is replaced whole), abort removes it.  Files inside
 * are written by the caller, with its own error checks. */
cli_output *cli_output_open_dir(const char *path);
const char *cli_output_dir_path(const cli_output *o);

#endif
