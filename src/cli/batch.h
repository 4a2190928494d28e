/* Checking many files (command line only): walking folders and stdin path
 * lists, a pool of threads, reports written in input order, baselines,
 * progress and the run's summary.  Used by `check` and `export`. */
#ifndef PB_CLI_BATCH_H
#define PB_CLI_BATCH_H

#include "cli/cli.h"

#define BATCH_MAX_TARGETS 16

/* Where one report goes: path NULL is stdout. */
typedef struct batch_target {
    const pb_reporter *reporter;
    const char *path;
    bool color;
} batch_target;

typedef enum batch_progress { PROGRESS_AUTO = 0, PROGRESS_NEVER } batch_progress;

typedef struct batch_config {
    pb_options opt;             /* limits; opt.limits.max_millis is --file-timeout */
    const pb_config *config;    /* rule severities (NULL: defaults) */
    cli_configs *configs;       /* per file: --config or .pbcheck.json (NULL: config) */
    batch_target targets[BATCH_MAX_TARGETS];
    size_t target_count;        /* targets[0] is the main report (usually stdout) */
    unsigned jobs;              /* 0: the number of online CPUs */
    bool nul;                   /* -0: stdin lists are NUL-separated */
    bool follow_symlinks;       /* follow symlinked folders met in a walk */
    bool quiet;                 /* nothing on stderr but errors; no summary */
    batch_progress progress;
    bool statistics;            /* counts by rule after the reports */
    bool findings_fail;         /* findings decide exit status 1 (not for export) */
    pb_severity fail_on;        /* the lowest severity that fails the run */
    bool exit_zero;             /* status 1 becomes 0 */
    const char *baseline;       /* report only findings not in this file */
    const char *write_baseline; /* record every finding in this file */
    bool list_files;            /* only print the files a run would check */
} batch_config;

void batch_config_default(batch_config *bc);

/* Checks every file named by paths (files, folders, "-" for stdin) and
 * writes the reports; returns the exit status. */
int cli_batch_run(const batch_config *bc, char **paths, int count);

#endif
