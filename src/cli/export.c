/* `pbcheck export [OPTION]... PATH...`: one row per project across a whole
 * batch (file, 项目编码, 项目名称, unit, 预算数, 财政资金, 其他资金, each
 * checkpoint, indicator count, findings by severity), as CSV (UTF-8 with a
 * BOM) or JSON, for a budget office's spreadsheet.  Files, folders and "-"
 * lists are taken as by `check`, on the same pool of threads. */
#include "cli/opts.h"

static void export_usage(FILE *out)
{
    fputs(_("Usage: pbcheck export [OPTION]... PATH...\n"
            "Write one row per project of every file (files, folders searched for .docx,\n"
            "or - for a list of paths on stdin) as CSV (UTF-8 with BOM) or JSON.\n"
            "\n"
            "Options:\n"
            "  -f, --format FORMAT     csv (default) or json\n"
            "  -o, --output FILE       write to FILE instead of stdout\n"
            "  -j, --jobs N            files checked in parallel (default: online CPUs)\n"
            "  -0, --null              the list on stdin is NUL-separated\n"
            "  -L, --follow-symlinks   follow symbolic links to folders\n"
            "      --file-timeout T    time limit per file (default 120s; 0 = none)\n"
            "  -q, --quiet             no summary or progress on stderr\n"
            "      --no-progress       no progress line\n"
            "  -h, --help              show this help and exit\n"
            "\n"
            "Exit status: 0 every file was read, 2 usage error, 3 some file could not be\n"
            "read (it still has a row, with its error code), 4 internal error.\n"),
          out);
}

int cli_export(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        CLI_BATCH_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    batch_config bc;
    batch_config_default(&bc);
    bc.findings_fail = false;
    bc.target_count = 1;
    bc.targets[0].reporter = &pb_reporter_export_csv;
    int ch, status;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "f:o:" CLI_BATCH_SHORTOPTS "h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (strcmp(optarg, "csv") == 0) bc.targets[0].reporter = &pb_reporter_export_csv;
            else if (strcmp(optarg, "json") == 0) bc.targets[0].reporter = &pb_reporter_export_json;
            else {
                fprintf(stderr, _("pbcheck export: unknown format '%s' (csv, json)\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case 'o':
            bc.targets[0].path = optarg;
            break;
        case 'h':
            export_usage(stdout);
            return EXIT_CLEAN;
        default:
            if ((status = cli_batch_option(&bc, ch, optarg)) >= 0) {
                if (status != EXIT_CLEAN)
                    return status;
                break;
            }
            fputs(_("Try 'pbcheck export --help' for more information.\n"), stderr);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs(_("pbcheck export: no file given\nTry 'pbcheck export --help' for more information.\n"), stderr);
        return EXIT_USAGE;
    }
    if ((status = cli_check_output_paths(&bc, argv + optind, argc - optind)) != EXIT_CLEAN)
        return status;
    return cli_batch_run(&bc, argv + optind, argc - optind);
}
