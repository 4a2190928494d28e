/* The main thread's side of a batch: the reports (stdout and --report
 * files) opened, fed each file's rendered output in input order, and
 * closed with their totals; the progress line; --statistics. */
#include "cli/batch_int.h"
#include "cli/output.h"

#include <errno.h>
#include <stdio.h>
#include <time.h>

static uint64_t elapsed_ms(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)(now.tv_sec - start->tv_sec) * 1000u +
           (uint64_t)((now.tv_nsec - start->tv_nsec) / 1000000);
}

void batch_progress_clear(output *o)
{
    if (o->progress_shown) {
        fputs("\r\033[K", stderr);
        o->progress_shown = false;
    }
}

void batch_progress_show(output *o, size_t done, size_t queued, bool all_known)
{
    uint64_t ms = elapsed_ms(&o->start);
    if (!o->progress || ms < 1000)
        return;
    fputs("\r\033[K", stderr); /* terminal control stays out of the message */
    fprintf(stderr, _("pbcheck: %zu/%zu%s files, %llu files/s, %zu unreadable"), done, queued,
            all_known ? "" : "+", (unsigned long long)(done * 1000 / ms), o->totals.unreadable);
    fflush(stderr);
    o->progress_shown = true;
}

/* Writes blocks of a file's chunk; the separator goes before the first
 * bytes of a non-empty chunk when an earlier file's chunk was written
 * (*started: this file's chunk has begun). */
void batch_put_blocks(FILE *out, const block *b, const char *separator, size_t *items, bool *started)
{
    for (; b; b = b->next) {
        if (b->len == 0)
            continue;
        if (!*started) {
            if (*items > 0)
                fputs(separator, out);
            (*items)++;
            *started = true;
        }
        fwrite(b->data, 1, b->len, out);
    }
}

static void put_chunk(FILE *out, const chunk *c, const char *separator, size_t *items)
{
    bool started = false;
    batch_put_blocks(out, c->first, separator, items, &started);
}

static void mark_baseline(output *o, const result *r)
{
    baseline *b = o->base;
    if (!b)
        return;
    for (size_t i = 0; i < r->matched_count; i++)
        b->entries[r->matched[i]].matched = true;
    if (r->read_ok)
        batch_baseline_mark_file(b, r->path);
}

void batch_emit(output *o, result *r)
{
    const batch_config *bc = o->bc;
    if (r->note && !bc->quiet) {
        batch_progress_clear(o);
        fputs(r->note, stderr);
    }
    o->status = cli_worse(o->status, r->status);
    if (r->kind == ITEM_NOTICE)
        return;
    for (size_t t = 0; t < bc->target_count; t++) {
        if (!bc->targets[t].path)
            batch_progress_clear(o);
        batch_put_blocks(o->files[t], r->main[t].first, bc->targets[t].reporter->separator, &o->items[t], &o->started[t]);
        o->started[t] = false;
        if (o->tails[t])
            put_chunk(o->tails[t], &r->tail[t], bc->targets[t].reporter->tail_separator, &o->tail_items[t]);
        if (!bc->targets[t].path)
            fflush(o->files[t]);
    }
    if (o->baseline_out)
        put_chunk(o->baseline_out, &r->baseline, ",\n", &o->baseline_items);
    pb_run_totals *t = &o->totals;
    t->files++;
    if (!r->read_ok) {
        t->unreadable++;
        if (r->error < PB_STATUS_COUNT)
            o->status_counts[r->error]++;
    }
    t->projects += r->projects;
    t->baselined += r->baselined;
    for (int s = 0; s < 4; s++)
        t->findings[s] += r->by_sev[s];
    for (int i = 0; i < 64; i++)
        t->rule_findings[i] += r->rule_counts[i];
    mark_baseline(o, r);
}





typedef struct rule_stat {
    size_t count;
    const char *id, *slug, *severity;
} rule_stat;

static int cmp_stat(const void *x, const void *y)
{
    const rule_stat *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Counts by rule (and by reason for unreadable files), most frequent first. */
static void print_statistics(FILE *out, const output *o)
{
    rule_stat stats[64 + PB_STATUS_COUNT];
    size_t n = 0, rule_count;
    const pb_rule *rules = pb_rules(&rule_count);
    for (size_t i = 0; i < rule_count && i < 64; i++)
        if (o->totals.rule_findings[i])
            stats[n++] = (rule_stat){o->totals.rule_findings[i], rules[i].id, rules[i].slug,
                                     pb_severity_name(rules[i].severity)};
    for (int s = 1; s < PB_STATUS_COUNT; s++)
        if (o->status_counts[s])
            stats[n++] = (rule_stat){o->status_counts[s], pb_status_code((pb_status)s), _("file cannot be read"), ""};
    qsort(stats, n, sizeof *stats, cmp_stat);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%8zu  %-22s %s\n", stats[i].count, stats[i].id, stats[i].slug);
}

void batch_close_outputs(output *o, int *status)
{
    const batch_config *bc = o->bc;
    for (size_t t = 0; t < bc->target_count; t++) {
        if (o->tails[t])
            fclose(o->tails[t]);
        o->tails[t] = NULL;
        if (cli_output_commit(o->outs[t]) != EXIT_CLEAN)
            *status = EXIT_INTERNAL;
        o->outs[t] = NULL;
    }
    if (cli_output_commit(o->baseline_o) != EXIT_CLEAN)
        *status = EXIT_INTERNAL;
    o->baseline_o = NULL;
}

void batch_abort_outputs(output *o)
{
    for (size_t t = 0; t < o->bc->target_count; t++) {
        if (o->tails[t])
            fclose(o->tails[t]);
        o->tails[t] = NULL;
        cli_output_abort(o->outs[t]);
        o->outs[t] = NULL;
    }
    cli_output_abort(o->baseline_o);
    o->baseline_o = NULL;
}

bool batch_open_outputs(output *o)
{
    const batch_config *bc = o->bc;
    for (size_t t = 0; t < bc->target_count; t++) {
        const batch_target *tg = &bc->targets[t];
        if (!(o->outs[t] = cli_output_open(tg->path)))
            return false;
        o->files[t] = cli_output_file(o->outs[t]);
        if (tg->reporter->mid && !(o->tails[t] = tmpfile())) {
            fprintf(stderr, _("pbcheck: cannot create a temporary file: %s\n"), cli_strerror(errno));
            return false;
        }
    }
    if (bc->write_baseline) {
        if (!(o->baseline_o = cli_output_open(bc->write_baseline)))
            return false;
        o->baseline_out = cli_output_file(o->baseline_o);
    }
    return true;
}

static bool copy_stream(FILE *from, FILE *to)
{
    char buf[65536];
    size_t n;
    rewind(from);
    while ((n = fread(buf, 1, sizeof buf, from)) > 0)
        fwrite(buf, 1, n, to);
    return !ferror(from);
}

void batch_write_begin(output *o)
{
    const batch_config *bc = o->bc;
    for (size_t t = 0; t < bc->target_count; t++)
        if (bc->targets[t].reporter->begin && !bc->targets[t].reporter->begin(o->files[t]))
            o->status = EXIT_INTERNAL;
    if (o->baseline_out)
        fprintf(o->baseline_out, "{\"pbcheck_baseline\":1,\"tool\":\"pbcheck %s\",\"findings\":[\n", PB_VERSION);
}

/* Text and github reports end with the summary line on stdout, and take
 * the statistics and stale baseline entries there too; other formats carry
 * their totals inside the report, and these lines go to stderr. */
static bool summary_on_stdout(const batch_config *bc, size_t t)
{
    const char *name = bc->targets[t].reporter->name;
    return !bc->targets[t].path && (strcmp(name, "text") == 0 || strcmp(name, "github") == 0);
}

void batch_write_end(output *o)
{
    const batch_config *bc = o->bc;
    bool stdout_summary = bc->target_count > 0 && summary_on_stdout(bc, 0);
    FILE *notes = stdout_summary ? stdout : stderr;
    if (bc->statistics && !(bc->quiet && !stdout_summary))
        print_statistics(notes, o);
    if (!bc->quiet || stdout_summary)
        batch_baseline_print_stale(notes, o->base);
    for (size_t t = 0; t < bc->target_count; t++) {
        const pb_reporter *rep = bc->targets[t].reporter;
        bool ok = true;
        if (rep->mid) {
            ok = rep->mid(o->files[t], &o->totals) && copy_stream(o->tails[t], o->files[t]);
        }
        /* The summary line of text and github reports is what --quiet
         * silences; other formats need their end to be well-formed. */
        bool skip = bc->quiet && summary_on_stdout(bc, t);
        if (ok && rep->end && !skip)
            ok = rep->end(o->files[t], &o->totals);
        if (!ok)
            o->status = EXIT_INTERNAL;
    }
    if (o->baseline_out)
        fputs("\n]}\n", o->baseline_out);
}
