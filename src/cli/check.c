/* `pbcheck [check] PATH...`: read, check and report files, folders and
 * path lists (the batch itself runs in cli_batch.c). */
#include "cli/cli.h"
#include "cli/opts.h"

#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct cli {
    const char *format; /* of stdout */
    const char *output; /* -o: the format's report goes there, not to stdout */
    pb_config config;
    bool color;
    batch_config batch; /* targets[1..] are the --report files */
    cli_configs *configs; /* --config, --select, --ignore, .pbcheck.json */
} cli;

static void usage(FILE *out)
{
    fputs(_("Usage: pbcheck [OPTION]... PATH...\n"
            "Check the project performance target tables (项目支出绩效目标表) of .docx and\n"
            ".xlsx files. A PATH is a file, a folder (searched recursively for .docx and\n"
            ".xlsx, in sorted order, skipping Word lock files ~$*), or - for a list of\n"
            "paths on stdin.\n"
            "\n"
            "Options:\n"),
          out);
    /* The formats come from the registry, so that a new one is listed. */
    fprintf(out, _("  -f, --format FORMAT     the report's format (default text), one of:\n"
                   "                          %s\n"),
            pb_reporter_names());
    fputs(_("  -o, --output FILE       write the --format report to FILE instead of stdout\n"
            "  -S, --severity LEVEL    text: show only findings at or above LEVEL (error,\n"
            "                          warning or info); --fail-on is independent of it\n"
            "      --report FMT:PATH   also write a report in format FMT to PATH (repeatable)\n"
            "  -j, --jobs N            files checked in parallel (default: online CPUs); one\n"
            "                          file, with N >= 2, is read on a thread of its own\n"
            "                          beside its checks; the output is the same whatever N\n"
            "  -0, --null              the list on stdin is NUL-separated (find -print0)\n"
            "  -L, --follow-symlinks   follow symbolic links to folders (loops are detected)\n"
            "      --list-files        print the files that would be checked, and exit\n"
            "      --file-timeout T    time limit per file, e.g. 30s, 500ms, 2m (default\n"
            "                          120s; 0 = none); a slower file is unreadable [timeout]\n"
            "      --max-part-size N   largest inflated size of one part, in bytes\n"
            "                          (default 268435456; K, M, G suffixes accepted)\n"
            "      --fail-on LEVEL     lowest severity that fails the run: error (default),\n"
            "                          warning or info\n"
            "      --exit-zero         exit 0 even when findings fail the run\n"
            "      --baseline FILE     report only findings not recorded in FILE, and list\n"
            "                          the recorded ones that no longer fire\n"
            "      --write-baseline FILE  record the current findings in FILE\n"
            "      --statistics        counts by rule, most frequent first\n"
            "      --color WHEN        colour text output: auto (default), always, never\n"
            "      --lang LANG         language of the messages: zh (Simplified Chinese)\n"
            "                          or en; default from LANGUAGE, LC_ALL, LC_MESSAGES, LANG\n"
            "  -q, --quiet             no summary, progress or notes on stderr\n"
            "      --no-progress       no progress line on stderr\n"
            "  -h, --help              show this help and exit\n"
            "      --version           show the version and exit\n"
            "\n"
            "Exit status:\n"
            "  0  every file was read and no finding reaches the --fail-on severity\n"
            "  1  at least one finding at or above the --fail-on severity (default error)\n"
            "  2  usage or configuration error: nothing was checked\n"
            "  3  at least one file could not be read (the others were still checked)\n"
            "  4  internal error\n"
            "With several files the highest-precedence status wins: 4, then 3, then 1, then 0.\n"
            "--exit-zero turns 1 into 0 and changes nothing else.\n"
            "\n"
            "Other commands (each with --help):\n"
            "  pbcheck tables FILE...   show every table as pbcheck reads it\n"
            "  pbcheck rules            list the rules;  pbcheck explain RULE\n"
            "  pbcheck config --print   show the configuration in effect\n"
            "  pbcheck export PATH...   one row per project, CSV or JSON\n"
            "  pbcheck annotate FILE|DIR...  a copy of each .docx or .xlsx with the\n"
            "                           findings as comments (批注) on their cells\n"),
          out);
    fputs("\n", out);
    cli_config_usage(out);
}

/* --report FMT:PATH (the format name has no ':', the path may). */
static int add_report(cli *c, const char *arg)
{
    const char *colon = strchr(arg, ':');
    char name[32];
    const pb_reporter *r = NULL;
    if (colon && (size_t)(colon - arg) < sizeof name) {
        snprintf(name, sizeof name, "%.*s", (int)(colon - arg), arg);
        r = pb_reporter_find(name);
    }
    if (!r || !colon[1]) {
        fprintf(stderr, _("pbcheck: --report takes FORMAT:PATH with a format among %s, not '%s'\n"),
                pb_reporter_names(), arg);
        return EXIT_USAGE;
    }
    if (c->batch.target_count == BATCH_MAX_TARGETS) {
        fprintf(stderr, _("pbcheck: at most %d reports\n"), BATCH_MAX_TARGETS - 1);
        return EXIT_USAGE;
    }
    size_t len = strlen(colon + 1);
    bool folder = colon[len] == '/';
    if (folder && !r->pages) {
        fprintf(stderr, _("pbcheck: --report %s: only the html format writes a folder (a page per file)\n"), arg);
        return EXIT_USAGE;
    }
    c->batch.targets[c->batch.target_count++] = (batch_target){r, colon + 1, false, folder};
    return EXIT_CLEAN;
}

static int parse_args(cli *c, int argc, char **argv)
{
    enum {
        OPT_MAX_PART = 256,
        OPT_VERSION,
        OPT_COLOR,
        OPT_REPORT,
        OPT_LIST_FILES,
        OPT_STATISTICS,
        OPT_FAIL_ON,
        OPT_EXIT_ZERO,
        OPT_BASELINE,
        OPT_WRITE_BASELINE,
    };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"severity", required_argument, NULL, 'S'},
        {"report", required_argument, NULL, OPT_REPORT},
        {"list-files", no_argument, NULL, OPT_LIST_FILES},
        {"max-part-size", required_argument, NULL, OPT_MAX_PART},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"exit-zero", no_argument, NULL, OPT_EXIT_ZERO},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
        {"statistics", no_argument, NULL, OPT_STATISTICS},
        {"color", required_argument, NULL, OPT_COLOR},
        CLI_BATCH_LONGOPTS,
        CLI_CONFIG_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    const char *color = getenv("NO_COLOR") && *getenv("NO_COLOR") ? "never" : "auto";
    int ch, status;
    while ((ch = getopt_long(argc, argv, "f:o:S:" CLI_BATCH_SHORTOPTS "h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (!pb_reporter_find(optarg)) {
                fprintf(stderr, _("pbcheck: unknown format '%s' (%s)\n"), optarg, pb_reporter_names());
                return EXIT_USAGE;
            }
            c->format = optarg;
            break;
        case 'o':
            c->output = optarg;
            break;
        case 'S':
            if (!pb_severity_parse(optarg, &c->batch.min_severity) || c->batch.min_severity == PB_SEV_OFF) {
                fprintf(stderr, _("pbcheck: --severity takes error, warning or info, not '%s'\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_REPORT:
            if ((status = add_report(c, optarg)) != EXIT_CLEAN)
                return status;
            break;
        case OPT_LIST_FILES:
            c->batch.list_files = true;
            break;
        case OPT_MAX_PART:
            if (!cli_parse_size(optarg, &c->batch.opt.limits.max_part_size)) {
                fprintf(stderr, _("pbcheck: --max-part-size needs a positive size, not '%s'\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_FAIL_ON:
            if (!pb_severity_parse(optarg, &c->batch.fail_on) || c->batch.fail_on == PB_SEV_OFF) {
                fprintf(stderr, _("pbcheck: --fail-on takes error, warning or info, not '%s'\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_EXIT_ZERO:
            c->batch.exit_zero = true;
            break;
        case OPT_BASELINE:
            c->batch.baseline = optarg;
            break;
        case OPT_WRITE_BASELINE:
            c->batch.write_baseline = optarg;
            break;
        case OPT_STATISTICS:
            c->batch.statistics = true;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never")) {
                fprintf(stderr, _("pbcheck: --color takes auto, always or never, not '%s'\n"), optarg);
                return EXIT_USAGE;
            }
            color = optarg;
            break;
        case CLI_OPT_CONFIG:
        case CLI_OPT_SELECT:
        case CLI_OPT_IGNORE:
        case CLI_OPT_PRESET:
            if ((status = cli_config_option(c->configs, ch, optarg)) != EXIT_CLEAN)
                return status;
            break;
        case 'h':
            usage(stdout);
            exit(EXIT_CLEAN);
        case OPT_VERSION:
            printf("pbcheck %s\n", pb_version());
            exit(EXIT_CLEAN);
        default:
            if ((status = cli_batch_option(&c->batch, ch, optarg)) >= 0) {
                if (status != EXIT_CLEAN)
                    return status;
                break;
            }
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

int cli_check(int argc, char **argv)
{
    cli c = {.format = "text"};
    batch_config_default(&c.batch);
    c.batch.target_count = 1; /* stdout; --report adds the others */
    pb_config_default(&c.config);
    if (!(c.configs = cli_config_new())) {
        fputs(_("pbcheck: out of memory\n"), stderr);
        return EXIT_INTERNAL;
    }
    int status = parse_args(&c, argc, argv);
    if (status == EXIT_CLEAN)
        status = cli_check_output_paths(&c.batch, argv + optind, argc - optind);
    if (status == EXIT_CLEAN)
        status = cli_config_preflight(c.configs, argv + optind, argc - optind);
    if (status == EXIT_CLEAN) {
        c.batch.config = &c.config;
        c.batch.configs = c.configs;
        c.batch.targets[0] = (batch_target){pb_reporter_find(c.format), NULL, c.color, false};
        c.batch.targets[0].path = c.output;
        /* -f html -o DIR/: a page per file and an index, as --report html:DIR/ */
        c.batch.targets[0].folder = c.output && *c.output && c.output[strlen(c.output) - 1] == '/' &&
                                    c.batch.targets[0].reporter->pages;
        c.batch.targets[0].color = c.color && !c.output;
        /* A copy of the tables only for a report that redraws them. */
        c.batch.opt.keep_project_tables = false;
        for (size_t i = 0; i < c.batch.target_count; i++)
            if (c.batch.targets[i].reporter->needs_tables)
                c.batch.opt.keep_project_tables = true;
        status = cli_batch_run(&c.batch, argv + optind, argc - optind);
        if (cli_config_failed(c.configs))
            status = EXIT_USAGE;
    }
    cli_config_free(c.configs);
    return status;
}
