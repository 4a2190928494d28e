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

static int list_files(const batch_config *bc, char **paths, int count)
{
    walker w = batch_walker(paths, count, bc->nul, bc->follow_symlinks);
    item it;
    int r, status = EXIT_CLEAN;
    while ((r = batch_walker_next(&w, &it)) > 0) {
        if (it.kind == ITEM_FILE)
            printf("%s%c", it.path, bc->nul ? '\0' : '\n');
        else if (it.kind == ITEM_UNREADABLE) {
            fprintf(stderr, "pbcheck: %s: %s [%s]\n", it.path, it.message, pb_status_code(PB_ERR_IO));
            status = EXIT_UNREADABLE;
        } else if (!bc->quiet)
            fputs(it.message, stderr);
        free(it.path);
        free(it.message);
    }
    batch_walker_free(&w);
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
    if (o.totals.files == 0 && !bc->quiet)
        fputs(_("pbcheck: warning: no .docx file was found\n"), stderr);
    status = o.status;
    if (bc->exit_zero && status == EXIT_FINDINGS)
        status = EXIT_CLEAN;
    o.totals.exit_status = status;
    batch_write_end(&o);
    status = cli_worse(status, o.status == EXIT_INTERNAL ? EXIT_INTERNAL : EXIT_CLEAN);
    batch_close_outputs(&o, &status);
    batch_walker_free(&w);
    batch_baseline_free(&base);
    return status;
}
