/* What every command shares: exit-status ranks, sizes and durations,
 * compact JSON, and the batch options of `check` and `export` (parsed here
 * once, with one wording of each message). */
#include "cli/opts.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

int cli_worse(int a, int b)
{
    static const int rank[] = {0, 1, 0, 3, 4}; /* 4 > 3 > 1 > 0 */
    return rank[b] > rank[a] ? b : a;
}

bool cli_parse_size(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return false;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k') shift = 10, end++;
    else if (*end == 'M' || *end == 'm') shift = 20, end++;
    else if (*end == 'G' || *end == 'g') shift = 30, end++;
    if (*end || v == 0 || v > (UINT64_MAX >> shift))
        return false;
    *out = (uint64_t)v << shift;
    return true;
}

bool cli_parse_duration(const char *s, uint64_t *ms)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return false;
    uint64_t scale = 1000;
    if (strcmp(end, "ms") == 0) scale = 1;
    else if (strcmp(end, "s") == 0 || *end == '\0') scale = 1000;
    else if (strcmp(end, "m") == 0) scale = 60000;
    else if (strcmp(end, "h") == 0) scale = 3600000;
    else return false;
    if (v > UINT64_MAX / scale)
        return false;
    *ms = v * scale;
    return true;
}

bool cli_parse_jobs(const char *s, unsigned *jobs)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || *s == '-' || v > CLI_MAX_JOBS)
        return false;
    *jobs = (unsigned)v;
    return true;
}

char *cli_xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

bool cli_json_put(FILE *out, cJSON *item)
{
    char *s = item ? cJSON_PrintUnformatted(item) : NULL;
    cJSON_Delete(item);
    if (!s)
        return false;
    fputs(s, out);
    free(s);
    return true;
}

int cli_batch_option(batch_config *bc, int opt, const char *arg)
{
    switch (opt) {
    case 'j':
        if (!cli_parse_jobs(arg, &bc->jobs)) {
            fprintf(stderr, _("pbcheck: --jobs needs a number of threads, not '%s'\n"), arg);
            return EXIT_USAGE;
        }
        return EXIT_CLEAN;
    case '0':
        bc->nul = true;
        return EXIT_CLEAN;
    case 'L':
        bc->follow_symlinks = true;
        return EXIT_CLEAN;
    case CLI_OPT_FILE_TIMEOUT:
        if (!cli_parse_duration(arg, &bc->opt.limits.max_millis)) {
            fprintf(stderr, _("pbcheck: --file-timeout needs a duration such as 30s or 500ms, not '%s'\n"), arg);
            return EXIT_USAGE;
        }
        return EXIT_CLEAN;
    case 'q':
        bc->quiet = true;
        return EXIT_CLEAN;
    case CLI_OPT_NO_PROGRESS:
        bc->progress = PROGRESS_NEVER;
        return EXIT_CLEAN;
    default:
        return -1;
    }
}
