/* `check` and `export` over many files: the run's order of business
 * (baseline, outputs, the pool, the summary) and --list-files. */
#include "cli/batch_int.h"

#include <stdio.h>
#include <time.h>

#define DEFAULT_TIMEOUT_MS (120u * 1000u)

void batch_config_default(batch_config *bc)
{
    memset(bc, 0, sizeof *bc);
    pb_options_default(&bc->opt);
    bc->opt.limits.max_millis = DEFAULT_TIMEOUT_MS;
    bc->findings_fail = true;
    bc->fail_on = PB_SEV_ERROR;
}

/* Nothing to check is a mistake in the request (a wrong folder, a typo in
 * a pattern): say what was searched. */
static int no_input(char **paths, int count)
{
    size_t len = 1;
    for (int i = 0; i < count; i++)
        len += strlen(paths[i]) + 4;
    char *names = malloc(len), *p = names;
    if (names) {
        *p = '\0';
        for (int i = 0; i < count; i++)
            p += sprintf(p, "%s%s", i ? ", " : "", strcmp(paths[i], "-") == 0 ? "-" : paths[i]);
    }
    fprintf(stderr, _("pbcheck: no .docx or .xlsx file was found in %s (folders are searched for *.docx and *.xlsx; "
                      "- reads a list of paths from stdin)\n"),
            names ? names : "");
    free(names);
    return EXIT_USAGE;
}

static int list_files(const batch_config *bc, char **paths, int count)
{
    walker w = batch_walker(paths, count, bc->nul, bc->follow_symlinks);
    item it;
    int r, status = EXIT_CLEAN;
    size_t listed = 0;
    while ((r = batch_walker_next(&w, &it)) > 0) {
        listed += it.kind != ITEM_NOTICE;
        if (it.kind == ITEM_FILE)
            printf("%s%c", it.path, bc->nul ? '\0' : '\n');
        else if (it.kind == ITEM_UNREADABLE) {
            fprintf(stderr, "pbcheck: %s: %s [%s]\n", it.path, it.message, pb_status_code(it.status));
            status = EXIT_UNREADABLE;
        } else if (!bc->quiet)
            fputs(it.message, stderr);
        free(it.path);
        free(it.message);
    }
    batch_walker_free(&w);
    if (listed == 0 && r == 0 && no_input(paths, count) && status == EXIT_CLEAN)
        status = EXIT_USAGE;
    if (r < 0) {
        fputs(_("pbcheck: out of memory while listing files\n"), stderr);
        return EXIT_INTERNAL;
    }
    return fflush(stdout) == 0 ? status : EXIT_INTERNAL;
}

int cli_batch_run(const batch_config *bc, char **paths, int count)
{
    if (bc->list_files)
        return list_files(bc, paths, count);
    baseline base = {0};
    char why[512];
    if (bc->baseline && !batch_baseline_load(&base, bc->baseline, why, sizeof why)) {
        fprintf(stderr, _("pbcheck: cannot use the baseline %s: %s\n"), bc->baseline, why);
        batch_baseline_free(&base);
        return EXIT_USAGE;
    }
    output o = {.bc = bc, .base = bc->baseline ? &base : NULL};
    clock_gettime(CLOCK_MONOTONIC, &o.start);
    o.progress = bc->progress != PROGRESS_NEVER && !bc->quiet && isatty(STDERR_FILENO);
    int status = EXIT_CLEAN;
    if (!batch_open_outputs(&o)) {
        batch_abort_outputs(&o);
        batch_baseline_free(&base);
        return EXIT_USAGE;
    }
    walker w = batch_walker(paths, count, bc->nul, bc->follow_symlinks);
    batch_write_begin(&o);
    if (!batch_pool_run(bc, o.base, &o, &w))
        o.status = EXIT_INTERNAL;
    status = o.status;
    if (o.totals.files == 0 && no_input(paths, count) && status == EXIT_CLEAN)
        status = EXIT_USAGE;
    if (bc->exit_zero && status == EXIT_FINDINGS)
        status = EXIT_CLEAN;
    o.totals.exit_status = status;
    /* No input found is a failed run too: a SARIF viewer that showed "no
     * results" would hide that nothing was checked. */
    o.totals.execution_failed = status == EXIT_UNREADABLE || status == EXIT_INTERNAL || o.totals.files == 0;
    batch_write_end(&o);
    status = cli_worse(status, o.status == EXIT_INTERNAL ? EXIT_INTERNAL : EXIT_CLEAN);
    batch_close_outputs(&o, &status);
    batch_walker_free(&w);
    batch_free_failures(&o);
    batch_baseline_free(&base);
    return status;
}
