/* The batch engine's parts, private to src/cli/batch_*.c.  They call one
 * another in one direction only:
 *   batch_run → batch_pool → batch_output → batch_baseline
 *   batch_run → batch_walk, batch_pool → batch_walk, batch_pool → input
 * and all of them use cli/opts (status ranks, JSON, xprintf). */
#ifndef PB_CLI_BATCH_INT_H
#define PB_CLI_BATCH_INT_H

#include "cli/batch.h"

#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#define MAX_JOBS CLI_MAX_JOBS

/* ============================================= batch_walk.c: what to check */

typedef enum item_kind { ITEM_FILE, ITEM_UNREADABLE, ITEM_NOTICE } item_kind;

typedef struct item {
    item_kind kind;
    char *path;
    char *message; /* why it is unreadable, or the notice */
    pb_status status; /* of an unreadable one */
} item;

typedef struct frame {
    char *dir;
    char **names;
    size_t count, next;
    dev_t dev;
    ino_t ino;
} frame;

typedef struct walker {
    char **args;
    int count, next;
    bool nul, follow;
    bool in_list; /* reading a path list from stdin */
    char *line;
    size_t line_cap;
    frame *stack;
    size_t depth, cap;
} walker;

/* A walker over paths (files, folders, "-" for a list on stdin). */
walker batch_walker(char **paths, int count, bool nul, bool follow);
/* The next path to check.  Returns 1 with *it set, 0 at the end, -1 when
 * out of memory. */
int batch_walker_next(walker *w, item *it);
/* Whether the walk is one regular file named on the command line. */
bool batch_walker_one_file(const walker *w);
void batch_walker_free(walker *w);

/* ==================================== batch_baseline.c: --baseline files */

typedef struct bl_entry {
    char fp[PB_FINGERPRINT_SIZE];
    char *file, *rule, *project, *subject, *message;
    size_t file_index;
    bool matched; /* written by the main thread only */
} bl_entry;

typedef struct bl_file {
    char *path; /* normalised */
    bool checked;
} bl_file;

typedef struct baseline {
    bl_entry *entries; /* sorted by fingerprint */
    size_t count;
    bl_file *files;    /* sorted by path */
    size_t file_count;
} baseline;

/* Loads a baseline written by --write-baseline.  False with why set. */
bool batch_baseline_load(baseline *b, const char *path, char *why, size_t cap);
void batch_baseline_free(baseline *b);
const bl_entry *batch_baseline_find(const baseline *b, const char *fp);
/* Records that the file at path was read in this run. */
void batch_baseline_mark_file(baseline *b, const char *path);
/* One --write-baseline entry (compact JSON, no separator). */
bool batch_baseline_entry_put(FILE *out, const pb_document *d, const pb_finding *f, const pb_fingerprint *fp);
/* Baseline entries of files read in this run that no longer fire. */
size_t batch_baseline_print_stale(FILE *out, const baseline *b);

/* ======================= batch_pool.c: rendered output held in memory */

/* A file's rendered output is a list of blocks, not one growing buffer: a
 * large report's JSON is never copied while it grows, and the blocks of
 * the file the output waits for are written out (and reused) while it is
 * still being rendered, so that memory stays flat. */
#define BLOCK_SIZE (64 * 1024 - 64)

typedef struct block {
    struct block *next;
    size_t len;
    char data[BLOCK_SIZE];
} block;

typedef struct chunk {
    block *first, *last;
} chunk;

/* What the main thread needs of one file: its rendered reports and a
 * summary of a few numbers. */
typedef struct result {
    bool done;
    item_kind kind;
    char *path;
    char *note; /* a line for stderr */
    bool read_ok;
    int status;
    pb_status error;
    size_t projects, departments, baselined, by_sev[PB_SEVERITY_COUNT];
    uint32_t rule_counts[PB_RULES_MAX];
    chunk main[BATCH_MAX_TARGETS], tail[BATCH_MAX_TARGETS], baseline;
    size_t *matched; /* indices of the baseline entries it matched */
    size_t matched_count;
} result;

/* ===================== batch_output.c: the reports, in input order */

typedef struct failures {
    char **paths;
    size_t count, cap;
} failures;

typedef struct output {
    const batch_config *bc;
    struct cli_output *outs[BATCH_MAX_TARGETS];
    struct cli_output *baseline_o;
    FILE *files[BATCH_MAX_TARGETS];
    FILE *tails[BATCH_MAX_TARGETS]; /* spooled until mid */
    FILE *dest[BATCH_MAX_TARGETS];  /* a reporter with finish: files[] is spooled, this is where it goes */
    int failed_err[BATCH_MAX_TARGETS]; /* why report t could not be completed (an errno value), or 0 */
    bool page_failed;               /* a folder target's page could not be written */
    /* hints being read from a marking reporter's bytes (they may be cut
     * between blocks): 0 outside, 1 in the rule ID, 2 in the hint */
    struct hint_filter {
        int state;
        char id[16];
        size_t id_len;
        bool keep;
        unsigned char seen[(PB_RULES_MAX + 7) / 8];
    } hints[BATCH_MAX_TARGETS];
    size_t items[BATCH_MAX_TARGETS], tail_items[BATCH_MAX_TARGETS];
    FILE *baseline_out;
    size_t baseline_items;
    baseline *base;
    pb_run_totals totals;
    size_t status_counts[PB_STATUS_COUNT];
    bool started[BATCH_MAX_TARGETS]; /* of the file being written */
    int status;
    failures failed[2]; /* unreadable; findings that fail the run */
    /* progress */
    bool progress;
    bool progress_shown;
    struct timespec start;
} output;

void batch_progress_clear(output *o);
void batch_progress_show(output *o, size_t done, size_t queued, bool all_known);
/* Writes blocks of a file's chunk; the separator goes before the first
 * bytes of a non-empty chunk when an earlier file's chunk was written
 * (*started: this file's chunk has begun). */
void batch_put_blocks(FILE *out, const block *b, const char *separator, size_t *items, bool *started);
/* The same for report t of the run; a report whose reporter marks its
 * hints keeps the first hint of each rule in the run and drops the rest. */
void batch_put_target(output *o, size_t t, const block *b);
/* Writes one finished file's reports and adds it to the totals. */
void batch_emit(output *o, result *r);
/* Opens the reports; false (after saying why) when one cannot be. */
bool batch_open_outputs(output *o);
/* Puts every output in place (EXIT_INTERNAL in *status, after saying
 * which, for one that could not be written). */
void batch_close_outputs(output *o, int *status);
/* Removes the outputs opened so far; the previous files stay. */
void batch_abort_outputs(output *o);
void batch_write_begin(output *o);
void batch_write_end(output *o);
void batch_free_failures(output *o);

/* ========================= batch_pool.c: the threads that check files */

/* Checks every file the walker yields on jobs threads and writes them
 * through o in input order; false when no thread could be started or
 * memory ran out. */
bool batch_pool_run(const batch_config *bc, const baseline *base, output *o, walker *w);

#endif
