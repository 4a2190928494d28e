/* What every command shares: exit-status ranks, sizes and durations,
 * compact JSON, and the batch options of `check` and `export` (parsed here
 * once, with one wording of each message). */
#include "cli/opts.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>

#define CLI_MAX_DURATION_MS (2147483647ull * 1000u)

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
    /* past 68 years a deadline computed in nanoseconds would wrap */
    if (v > CLI_MAX_DURATION_MS / scale)
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

char *cli_shown_path(const char *path)
{
    size_t n = pb_path_display(path, NULL, 0) + 1;
    char *shown = malloc(n), *safe = NULL;
    if (shown) {
        pb_path_display(path, shown, n);
        n = pb_safe_text(shown, NULL, 0) + 1;
        if ((safe = malloc(n)))
            pb_safe_text(shown, safe, n);
    }
    free(shown);
    return safe;
}


const char *cli_severity_label(pb_severity s)
{
    /* the msgids "error", "warning", "info" the reporters translate too */
    return _(pb_severity_name(s));
}

void cli_put_padded(FILE *out, const char *s, int width)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            w += *p >= 0xE0 ? 2 : 1; /* CJK takes two cells; it is all three-byte UTF-8 */
    fputs(s, out);
    for (; w < width; w++)
        fputc(' ', out);
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

/* The folder of path and its last name, as the inode of the folder. */
static bool folder_of(const char *path, struct stat *dir, const char **base)
{
    const char *slash = strrchr(path, '/');
    *base = slash ? slash + 1 : path;
    char *d = slash ? cli_xprintf("%.*s", (int)(slash - path + 1), path) : cli_xprintf(".");
    bool ok = d && stat(d, dir) == 0;
    free(d);
    return ok;
}

/* The same file?  Both exist and are one inode, or neither exists and
 * they are one name in one folder ("two.json" and "./two.json"). */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    bool ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
    if (ea && eb)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (ea || eb)
        return false;
    const char *na, *nb;
    return folder_of(a, &sa, &na) && folder_of(b, &sb, &nb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino &&
           strcmp(na, nb) == 0;
}

/* Only a regular file (or one still to be created) can be overwritten by
 * mistake: /dev/stdout twice, or a FIFO, is asked for on purpose. */
static bool replaceable(const char *path)
{
    struct stat st;
    return stat(path, &st) != 0 || S_ISREG(st.st_mode);
}

int cli_check_output_paths(const batch_config *bc, char **paths, int count)
{
    const char *outs[BATCH_MAX_TARGETS + 1];
    size_t n = 0;
    for (size_t t = 0; t < bc->target_count; t++)
        if (bc->targets[t].path)
            outs[n++] = bc->targets[t].path;
    if (bc->write_baseline)
        outs[n++] = bc->write_baseline;
    for (size_t i = 0; i < n; i++) {
        if (!replaceable(outs[i]))
            continue;
        for (int k = 0; k < count; k++)
            if (strcmp(paths[k], "-") != 0 && same_file(outs[i], paths[k])) {
                fprintf(stderr, _("pbcheck: the report %s is also an input; it would be overwritten before it is read\n"),
                        outs[i]);
                return EXIT_USAGE;
            }
        for (size_t j = 0; j < i; j++)
            if (same_file(outs[i], outs[j])) {
                fprintf(stderr, _("pbcheck: two outputs are written to %s; give each its own file\n"), outs[i]);
                return EXIT_USAGE;
            }
    }
    return EXIT_CLEAN;
}
