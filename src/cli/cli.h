/* Shared pieces of the pbcheck command line (not part of libpbcheck). */
#ifndef PB_CLI_H
#define PB_CLI_H

#include "pbcheck/pbcheck.h"

#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define _(s) dgettext("pbcheck", s)
#define N_(s) s

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2, EXIT_UNREADABLE = 3, EXIT_INTERNAL = 4 };

/* Shared helpers (cli/opts.c), used by every command and calling none. */
#define CLI_MAX_JOBS 256
/* The status of a batch: 4 over 3 over 1 over 0. */
int cli_worse(int a, int b);
/* "256M", "1G", "4096" → bytes; false on anything else. */
bool cli_parse_size(const char *s, uint64_t *out);
/* "30", "30s", "500ms", "2m", "1h", "0" (no limit) → milliseconds. */
bool cli_parse_duration(const char *s, uint64_t *ms);
/* "4" → 4 threads; "0" means the number of online CPUs (at most 256). */
bool cli_parse_jobs(const char *s, unsigned *jobs);
/* malloc'd printf; NULL when out of memory. */
char *cli_xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A file name for a message (malloc'd): GBK and GB18030 names readable,
 * control characters escaped (pb_path_display, pb_safe_text); NULL when out
 * of memory. */
char *cli_shown_path(const char *path);
/* pbcheck's own sentence for a system error (an errno value), in the
 * user's language: never the C library's words, which are English or "?"
 * where no Chinese locale is installed. */
/* A stream to write, rewind (fseek to 0) and read back: in memory up to
 * in_memory bytes, in a temporary file beyond (cli/spool.c).  NULL when out
 * of memory. */
FILE *cli_spool_open(size_t in_memory);
/* A severity in the user's language ("警告"); the JSON keeps the name. */
const char *cli_severity_label(pb_severity s);
/* Writes s padded with spaces to width terminal cells. */
void cli_put_padded(FILE *out, const char *s, int width);
/* Writes item as compact JSON and deletes it; false when out of memory
 * (item NULL included). */
struct cJSON;
bool cli_json_put(FILE *out, struct cJSON *item);

/* What an Office lock file (~$name.docx, ~$name.xlsx) is, in a folder's
 * walk (skipped) and named on the command line (unreadable). */
#define CLI_LOCK_FILE N_("an Office lock file (its document is open in Word or WPS), not a filing")
/* Reads one input (cli/input.c).  A FIFO or device named on the command
 * line obeys --file-timeout and max_file_size; a file that cannot be
 * opened is told in pbcheck's words, and so is a lock file.  NULL only
 * when out of memory. */
pb_document *cli_read_input(const char *path, const pb_options *opt);
/* The same read and checked at once, a project at a time (pb_check_file):
 * the document comes back checked, d->streamed set. */
typedef struct cli_stream {
    const pb_config *config;
    pb_project_fn fn;
    void *ctx;
} cli_stream;
pb_document *cli_check_input(const char *path, const pb_options *opt, const cli_stream *st);
/* A document that could not be read, for why. */
pb_document *cli_error_doc(const char *path, pb_status status, const char *why);

int cli_check(int argc, char **argv);
/* `pbcheck export` (cli/export.c). */
int cli_export(int argc, char **argv);
/* `pbcheck annotate FILE|DIR...` (cli/annotate.c). */
int cli_annotate(int argc, char **argv);
/* `pbcheck tables FILE...` (cli_tables.c). */
int cli_tables(int argc, char **argv);

/* `pbcheck rules`, `pbcheck explain RULE...`, `pbcheck config --print`
 * (cli_rules.c). */
int cli_rules(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_config(int argc, char **argv);

/* --config FILE, --select LIST, --ignore LIST, --preset NAME (cli_config.c):
 * add CLI_CONFIG_LONGOPTS to a command's options and hand these four to
 * cli_config_option(). */
enum { CLI_OPT_CONFIG = 0x400, CLI_OPT_SELECT, CLI_OPT_IGNORE, CLI_OPT_PRESET };
#define CLI_CONFIG_LONGOPTS                                                                          \
    {"config", required_argument, NULL, CLI_OPT_CONFIG}, {"select", required_argument, NULL, CLI_OPT_SELECT}, \
        {"ignore", required_argument, NULL, CLI_OPT_IGNORE}, {"preset", required_argument, NULL, CLI_OPT_PRESET}
typedef struct cli_configs cli_configs;
cli_configs *cli_config_new(void);
void cli_config_free(cli_configs *cc);
/* Returns EXIT_CLEAN, or the exit status after printing why. */
int cli_config_option(cli_configs *cc, int opt, const char *arg);
/* Reads the configurations the PATH arguments need before anything is
 * checked; EXIT_USAGE (after printing why) when one is bad. */
int cli_config_preflight(cli_configs *cc, char **paths, int count);
/* The configuration for the file at path: --config, else the nearest
 * .pbcheck.json from its folder upward, else the defaults; --select and
 * --ignore applied.  NULL when that configuration is bad (reported once on
 * stderr; cli_config_failed() then says so) or out of memory.  Safe from
 * several threads; the result lives until cli_config_free(). */
const pb_config *cli_config_for(cli_configs *cc, const char *path);
bool cli_config_failed(cli_configs *cc);
/* The same for a file or folder, with the configuration file's path in
 * *source (NULL for the defaults). */
const pb_config *cli_config_describe(cli_configs *cc, const char *path, const char **source);
/* The options' lines for --help. */
void cli_config_usage(FILE *out);

#endif
