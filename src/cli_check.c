/* `pbcheck [check] FILE...`: read, check and report files. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum format { FMT_TEXT, FMT_JSON };

typedef struct cli {
    enum format format;
    pb_options opt;
    pb_config config;
    bool color;
} cli;

typedef struct totals {
    size_t files, unreadable, projects, by_sev[4];
} totals;

static void usage(FILE *out)
{
    fputs(_("Usage: pbcheck [OPTION]... FILE...\n"
            "Check the project performance target tables (项目支出绩效目标表) of .docx files.\n"
            "\n"
            "Options:\n"
            "  -f, --format FORMAT     output format: text (default) or json\n"
            "      --max-part-size N   largest inflated size of one part, in bytes\n"
            "                          (default 268435456; K, M, G suffixes accepted)\n"
            "      --color WHEN        colour text output: auto (default), always, never\n"
            "  -h, --help              show this help and exit\n"
            "      --version           show the version and exit\n"
            "\n"
            "Exit status:\n"
            "  0  every file was read and no finding has severity error\n"
            "  1  at least one finding of severity error\n"
            "  2  usage error: nothing was checked\n"
            "  3  at least one file could not be read (the others were still checked)\n"
            "  4  internal error\n"
            "With several files the highest-precedence status wins: 4, then 3, then 1, then 0.\n"),
          out);
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

static int parse_args(cli *c, int argc, char **argv)
{
    enum { OPT_MAX_PART = 256, OPT_VERSION, OPT_COLOR };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},       {"max-part-size", required_argument, NULL, OPT_MAX_PART},
        {"color", required_argument, NULL, OPT_COLOR},  {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},    {NULL, 0, NULL, 0},
    };
    const char *color = getenv("NO_COLOR") && *getenv("NO_COLOR") ? "never" : "auto";
    int ch;
    while ((ch = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (strcmp(optarg, "text") == 0) c->format = FMT_TEXT;
            else if (strcmp(optarg, "json") == 0) c->format = FMT_JSON;
            else {
                fprintf(stderr, _("pbcheck: unknown format '%s' (text, json)\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_MAX_PART:
            if (!cli_parse_size(optarg, &c->opt.limits.max_part_size)) {
                fprintf(stderr, _("pbcheck: --max-part-size needs a positive size, not '%s'\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never")) {
                fprintf(stderr, _("pbcheck: --color takes auto, always or never, not '%s'\n"), optarg);
                return EXIT_USAGE;
            }
            color = optarg;
            break;
        case 'h':
            usage(stdout);
            exit(EXIT_CLEAN);
        case OPT_VERSION:
            printf("pbcheck %s\n", PB_VERSION);
            exit(EXIT_CLEAN);
        default:
            fputs(_("Try 'pbcheck --help' for more information.\n"), stderr);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs(_("pbcheck: no file given\nTry 'pbcheck --help' for more information.\n"), stderr);
        return EXIT_USAGE;
    }
    c->color = strcmp(color, "always") == 0 || (strcmp(color, "auto") == 0 && isatty(STDOUT_FILENO));
    return EXIT_CLEAN;
}

int cli_worse(int a, int b)
{
    static const int rank[] = {0, 1, 0, 3, 4}; /* 4 > 3 > 1 > 0 */
    return rank[b] > rank[a] ? b : a;
}

/* Reads, checks and reports one file; returns its exit status. */
static int check_one(cli *c, const char *path, bool first, totals *t)
{
    pb_document *d = pb_read_file(path, &c->opt);
    if (!d || !pb_check(d, &c->config)) {
        fprintf(stderr, _("pbcheck: %s: out of memory\n"), path);
        pb_document_free(d);
        return EXIT_INTERNAL;
    }
    int status = EXIT_CLEAN;
    t->files++;
    if (d->error.status != PB_OK) {
        t->unreadable++;
        status = d->error.status == PB_ERR_INTERNAL || d->error.status == PB_ERR_NOMEM ? EXIT_INTERNAL : EXIT_UNREADABLE;
        fprintf(stderr, "pbcheck: %s: %s [%s]\n", path, d->error.message, pb_status_code(d->error.status));
    }
    t->projects += d->project_count;
    for (size_t i = 0; i < d->finding_count; i++) {
        t->by_sev[d->findings[i].severity]++;
        if (d->findings[i].severity == PB_SEV_ERROR)
            status = cli_worse(status, EXIT_FINDINGS);
    }
    if (c->format == FMT_JSON) {
        char *s = pb_report_json_file(d);
        if (!s)
            status = EXIT_INTERNAL;
        else
            printf("%s%s", first ? "" : ",", s);
        free(s);
    } else if (d->error.status == PB_OK) {
        pb_text_style style = {c->color};
        pb_report_text_file(stdout, d, &style);
    }
    pb_document_free(d);
    return status;
}

static void json_summary(const totals *t, int status)
{
    printf("],\"summary\":{\"files\":%zu,\"unreadable\":%zu,\"projects\":%zu,"
           "\"findings\":{\"error\":%zu,\"warning\":%zu,\"info\":%zu},\"exit_status\":%d}}\n",
           t->files, t->unreadable, t->projects, t->by_sev[PB_SEV_ERROR], t->by_sev[PB_SEV_WARNING],
           t->by_sev[PB_SEV_INFO], status);
}

static void text_summary(const totals *t)
{
    printf(_("%zu file(s), %zu unreadable, %zu project(s): %zu error(s), %zu warning(s), %zu info\n"), t->files,
           t->unreadable, t->projects, t->by_sev[PB_SEV_ERROR], t->by_sev[PB_SEV_WARNING], t->by_sev[PB_SEV_INFO]);
}

int cli_check(int argc, char **argv)
{
    cli c = {0};
    pb_options_default(&c.opt);
    pb_config_default(&c.config);
    int status = parse_args(&c, argc, argv);
    if (status != EXIT_CLEAN)
        return status;
    totals t = {0};
    if (c.format == FMT_JSON)
        printf("{\"schema_version\":%d,\"tool\":{\"name\":\"pbcheck\",\"version\":\"%s\"},\"files\":[",
               PB_JSON_SCHEMA_VERSION, PB_VERSION);
    for (int i = optind; i < argc; i++)
        status = cli_worse(status, check_one(&c, argv[i], i == optind, &t));
    if (c.format == FMT_JSON)
        json_summary(&t, status);
    else
        text_summary(&t);
    return status;
}
