/* `pbcheck annotate [OPTION]... [-o OUT] FILE|DIR...`: each .docx or .xlsx
 * checked and written back as a copy with the findings as comments (批注).
 * Every output path is worked out and vetted before anything is written:
 * an output that is an input, or an output folder inside an input folder,
 * is a usage error (exit 2) with nothing written.  Each copy goes through
 * cli/output.c: written beside its target and renamed when complete. */
#include "cli/cli.h"
#include "cli/output.h"

#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>

static void annotate_usage(FILE *out)
{
    fputs(_("Usage: pbcheck annotate [OPTION]... [-o OUT] FILE|DIR...\n"
            "Check each .docx or .xlsx and write a copy with every finding as a comment\n"
            "(批注) on the cell (or body paragraph) it points at, and the verdict on the\n"
            "first table: X.docx gives X.pbcheck.docx beside it.  A folder is searched\n"
            "recursively; with -o OUTDIR its tree is mirrored under OUTDIR (same file\n"
            "names).  The input is never changed.  In a .xlsx each finding is a cell\n"
            "comment (the findings of one cell in one comment).\n"
            "\n"
            "Options:\n"
            "  -o, --output OUT        the annotated copy (one FILE), or the folder the\n"
            "                          copies are written to (created if needed)\n"
            "  -S, --severity LEVEL    only findings at or above LEVEL (error, warning or\n"
            "                          info) become comments; the verdict counts them all\n"
            "      --fail-on LEVEL     lowest severity that fails: error (default),\n"
            "                          warning or info\n"
            "      --lang LANG         language of the comments and messages: zh or en\n"
            "      --exit-zero         exit 0 even when findings fail\n"
            "  -q, --quiet             print nothing but errors\n"
            "  -h, --help              show this help and exit\n"
            "\n"
            "Exit status: 0 no finding reaches --fail-on, 1 some finding does, 2 usage\n"
            "error (nothing written), 3 some file could not be read or annotated (the\n"
            "others were), 4 a copy could not be written.\n"),
          out);
    fputs("\n", out);
    cli_config_usage(out);
}

typedef struct job {
    char *in, *out;
} job;

typedef struct jobs {
    job *items;
    size_t count, cap;
} jobs;

static bool add_job(jobs *js, const char *in, const char *out)
{
    if (js->count == js->cap) {
        size_t ncap = js->cap ? js->cap * 2 : 16;
        job *n = realloc(js->items, ncap * sizeof *n);
        if (!n)
            return false;
        js->items = n;
        js->cap = ncap;
    }
    js->items[js->count].in = strdup(in);
    js->items[js->count].out = strdup(out);
    return js->items[js->count++].in && js->items[js->count - 1].out;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* Files annotate reads: .docx and .xlsx, not Word lock files, not its own
 * copies. */
static bool wanted(const char *name)
{
    if (name[0] == '~' && name[1] == '$')
        return false;
    if (has_suffix(name, ".pbcheck.docx") || has_suffix(name, ".pbcheck.xlsx"))
        return false;
    return has_suffix(name, ".docx") || has_suffix(name, ".xlsx");
}

/* X.docx → X.pbcheck.docx */
static char *beside(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        dot = path + strlen(path);
    size_t n = strlen(path) + 16;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%.*s.pbcheck%s", (int)(dot - path), path, dot);
    return s;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char *path_join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s", a, (*a && a[strlen(a) - 1] != '/') ? "/" : "", b);
    return s;
}

/* Walks dir (sorted, recursively); out_dir NULL writes beside each file. */
static bool walk(jobs *js, const char *dir, const char *out_dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, _("pbcheck annotate: cannot read folder %s: %s\n"), dir, pb_strerror(errno));
        return false;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    bool ok = true;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                ok = false;
                break;
            }
            names = nn;
        }
        if (!(names[n++] = strdup(de->d_name)))
            ok = false;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; ok && i < n; i++) {
        char *in = path_join(dir, names[i]);
        char *out = out_dir ? path_join(out_dir, names[i]) : NULL;
        struct stat st;
        if (!in || (out_dir && !out))
            ok = false;
        else if (lstat(in, &st) == 0 && S_ISDIR(st.st_mode))
            ok = walk(js, in, out);
        else if (lstat(in, &st) == 0 && S_ISREG(st.st_mode) && wanted(names[i])) {
            char *b = out ? NULL : beside(in);
            ok = (out || b) && add_job(js, in, out ? out : b);
            free(b);
        }
        free(in);
        free(out);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return ok;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir -p of path's folder. */
static bool make_parents(const char *path)
{
    char *s = strdup(path);
    if (!s)
        return false;
    for (char *p = s + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        if (mkdir(s, 0777) != 0 && errno != EEXIST) {
            free(s);
            return false;
        }
        *p = '/';
    }
    free(s);
    return true;
}

/* Whether inside (which may not exist yet) is folder or lies under it. */
static bool within(const char *inside, const char *folder)
{
    char rf[PATH_MAX], ri[PATH_MAX];
    if (!realpath(folder, rf))
        return false;
    /* The nearest existing ancestor of inside decides. */
    char *probe = strdup(inside);
    if (!probe)
        return false;
    while (!realpath(probe, ri)) {
        char *slash = strrchr(probe, '/');
        if (!slash || slash == probe) {
            free(probe);
            if (!getcwd(ri, sizeof ri))
                return false;
            goto compare;
        }
        *slash = 0;
    }
    free(probe);
compare:;
    size_t n = strlen(rf);
    return strncmp(ri, rf, n) == 0 && (ri[n] == 0 || ri[n] == '/' || (n == 1 && rf[0] == '/'));
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Every output checked against every input before anything is written. */
static int plan(jobs *js, char **paths, int count, const char *out)
{
    bool out_is_dir = out && (is_dir(out) || out[strlen(out) - 1] == '/' || count > 1 ||
                              (count == 1 && is_dir(paths[0])));
    for (int i = 0; i < count; i++) {
        const char *p = paths[i];
        if (is_dir(p)) {
            if (out && within(out, p)) {
                fprintf(stderr, _("pbcheck annotate: the output folder %s is inside the input folder %s\n"), out, p);
                return EXIT_USAGE;
            }
            if (!walk(js, p, out))
                return EXIT_INTERNAL;
            continue;
        }
        struct stat st;
        if (stat(p, &st) != 0) {
            fprintf(stderr, _("pbcheck annotate: %s: %s\n"), p, pb_strerror(errno));
            return EXIT_UNREADABLE;
        }
        char *o = NULL;
        if (out && out_is_dir) {
            const char *slash = strrchr(p, '/');
            o = path_join(out, slash ? slash + 1 : p);
        } else
            o = out ? strdup(out) : beside(p);
        bool ok = o && add_job(js, p, o);
        free(o);
        if (!ok)
            return EXIT_INTERNAL;
    }
    for (size_t i = 0; i < js->count; i++) {
        for (size_t k = 0; k < js->count; k++)
            if (strcmp(js->items[i].out, js->items[k].in) == 0 || same_file(js->items[i].out, js->items[k].in)) {
                fprintf(stderr, _("pbcheck annotate: refusing to overwrite the input %s\n"), js->items[k].in);
                return EXIT_USAGE;
            }
        for (size_t k = 0; k < i; k++)
            if (strcmp(js->items[i].out, js->items[k].out) == 0) {
                fprintf(stderr, _("pbcheck annotate: %s and %s would both be written to %s\n"), js->items[k].in,
                        js->items[i].in, js->items[i].out);
                return EXIT_USAGE;
            }
    }
    return EXIT_CLEAN;
}

static int annotate_one(const job *j, cli_configs *cc, pb_severity fail_on, pb_severity min_severity, bool quiet)
{
    pb_options opt;
    pb_options_default(&opt);
    opt.keep_project_tables = false;
    const pb_config *cfg = cli_config_for(cc, j->in);
    if (!cfg)
        return EXIT_USAGE;
    pb_document *d = pb_read_file(j->in, &opt);
    if (!d) {
        fputs(_("pbcheck: out of memory\n"), stderr);
        return EXIT_INTERNAL;
    }
    int status = EXIT_CLEAN;
    /* the names as people read them (GBK names converted, no terminal escapes) */
    char *in = cli_shown_path(j->in), *out = cli_shown_path(j->out);
    if (!in || !out) {
        free(in);
        free(out);
        pb_document_free(d);
        fputs(_("pbcheck: out of memory\n"), stderr);
        return EXIT_INTERNAL;
    }
    pb_error e;
    size_t written = 0;
    cli_output *o = NULL;
    if (d->error.status != PB_OK) {
        fprintf(stderr, _("pbcheck annotate: %s: cannot be read [%s]: %s; not annotated\n"), in,
                pb_status_code(d->error.status), d->error.message);
        status = EXIT_UNREADABLE;
    } else if (!pb_check(d, cfg)) {
        fputs(_("pbcheck: out of memory\n"), stderr);
        status = EXIT_INTERNAL;
    } else if (!make_parents(j->out)) {
        fprintf(stderr, _("pbcheck annotate: cannot create the folder of %s: %s\n"), out, pb_strerror(errno));
        status = EXIT_INTERNAL;
    } else if (!(o = cli_output_open(j->out))) {
        status = EXIT_INTERNAL; /* cli_output_open said why */
    } else if (!pb_annotate_write(d, cli_output_file(o), fail_on, min_severity, &written, &e)) {
        cli_output_abort(o);
        /* A write error is 4; a document that cannot be annotated, 3. */
        if (e.status == PB_ERR_IO || e.status == PB_ERR_NOMEM) {
            fprintf(stderr, _("pbcheck annotate: %s: cannot write %s: %s\n"), in, out, e.message);
            status = EXIT_INTERNAL;
        } else {
            fprintf(stderr, _("pbcheck annotate: %s: cannot be annotated: %s; not annotated\n"), in, e.message);
            status = EXIT_UNREADABLE;
        }
    } else if ((status = cli_output_commit(o)) != EXIT_CLEAN) {
        /* cli_output_commit said which file could not be written. */
    } else {
        for (size_t i = 0; i < d->finding_count; i++)
            if (d->findings[i].severity >= fail_on)
                status = EXIT_FINDINGS;
        if (!quiet)
            fprintf(stderr, _("%s → %s: %zu findings written as comments\n"), in, out, written - 1);
    }
    free(in);
    free(out);
    pb_document_free(d);
    return status;
}

int cli_annotate(int argc, char **argv)
{
    enum { OPT_FAIL_ON = 256, OPT_EXIT_ZERO };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"severity", required_argument, NULL, 'S'},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"exit-zero", no_argument, NULL, OPT_EXIT_ZERO},
        {"quiet", no_argument, NULL, 'q'},
        CLI_CONFIG_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *out = NULL;
    pb_severity fail_on = PB_SEV_ERROR, min_severity = PB_SEV_INFO;
    bool exit_zero = false, quiet = false;
    cli_configs *cc = cli_config_new();
    if (!cc) {
        fputs(_("pbcheck: out of memory\n"), stderr);
        return EXIT_INTERNAL;
    }
    int ch, status = EXIT_CLEAN;
    optind = 1;
    while (status == EXIT_CLEAN && (ch = getopt_long(argc, argv, "o:S:qh", longopts, NULL)) != -1) {
        switch (ch) {
        case 'o':
            out = optarg;
            break;
        case 'S':
            if (!pb_severity_parse(optarg, &min_severity) || min_severity == PB_SEV_OFF) {
                fprintf(stderr, _("pbcheck: --severity takes error, warning or info, not '%s'\n"), optarg);
                status = EXIT_USAGE;
            }
            break;
        case OPT_FAIL_ON:
            if (!pb_severity_parse(optarg, &fail_on) || fail_on == PB_SEV_OFF) {
                fprintf(stderr, _("pbcheck: --fail-on takes error, warning or info, not '%s'\n"), optarg);
                status = EXIT_USAGE;
            }
            break;
        case OPT_EXIT_ZERO:
            exit_zero = true;
            break;
        case 'q':
            quiet = true;
            break;
        case CLI_OPT_CONFIG:
        case CLI_OPT_SELECT:
        case CLI_OPT_IGNORE:
        case CLI_OPT_PRESET:
            status = cli_config_option(cc, ch, optarg);
            break;
        case 'h':
            annotate_usage(stdout);
            cli_config_free(cc);
            return EXIT_CLEAN;
        default:
            fputs(_("Try 'pbcheck annotate --help' for more information.\n"), stderr);
            status = EXIT_USAGE;
        }
    }
    if (status == EXIT_CLEAN && optind >= argc) {
        fputs(_("pbcheck annotate: no file given\nTry 'pbcheck annotate --help' for more information.\n"), stderr);
        status = EXIT_USAGE;
    }
    if (status == EXIT_CLEAN)
        status = cli_config_preflight(cc, argv + optind, argc - optind);
    jobs js = {0};
    if (status == EXIT_CLEAN)
        status = plan(&js, argv + optind, argc - optind, out);
    if (status == EXIT_CLEAN)
        for (size_t i = 0; i < js.count; i++) {
            errno = 0;
            int s = annotate_one(&js.items[i], cc, fail_on, min_severity, quiet);
            if (s == EXIT_USAGE) {
                status = EXIT_USAGE;
                break;
            }
            status = cli_worse(status, s);
        }
    for (size_t i = 0; i < js.count; i++) {
        free(js.items[i].in);
        free(js.items[i].out);
    }
    free(js.items);
    cli_config_free(cc);
    if (exit_zero && status == EXIT_FINDINGS)
        status = EXIT_CLEAN;
    return status;
}
