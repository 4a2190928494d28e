/* The main thread's side of a batch: the reports (stdout and --report
 * files) opened, fed each file's rendered output in input order, and
 * closed with their totals; the progress line; --statistics. */
#include "cli/batch_int.h"
#include "cli/output.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
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
    if (all_known && done > 0 && queued > done) {
        /* the rate so far, over the files still to come */
        unsigned long long left = (unsigned long long)((queued - done) * ms / done / 1000);
        fprintf(stderr, _(", about %llu:%02llu left"), left / 60, left % 60);
    }
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

/* Whether the hint of rule id is the run's first: marks it seen. */
static bool first_hint(struct hint_filter *h)
{
    h->id[h->id_len] = '\0';
    size_t n;
    const pb_rule *all = pb_rules(&n), *r = pb_rule_find(h->id);
    if (!r || r < all || r >= all + n || (size_t)(r - all) >= PB_RULES_MAX)
        return true;
    size_t i = (size_t)(r - all);
    bool first = !(h->seen[i / 8] & (1u << (i % 8)));
    h->seen[i / 8] |= (unsigned char)(1u << (i % 8));
    return first;
}

static void put_hinted(FILE *out, struct hint_filter *h, const char *s, size_t len)
{
    size_t from = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (h->state == 0 && c == PB_HINT_MARK) {
            fwrite(s + from, 1, i - from, out);
            h->state = 1;
            h->id_len = 0;
        } else if (h->state == 1) {
            if (c == PB_HINT_TEXT) {
                h->state = 2;
                h->keep = first_hint(h);
                from = i + 1;
            } else if (h->id_len + 1 < sizeof h->id)
                h->id[h->id_len++] = c;
        } else if (h->state == 2 && c == PB_HINT_END) {
            if (h->keep)
                fwrite(s + from, 1, i - from, out);
            h->state = 0;
            from = i + 1;
        }
        if (h->state == 1)
            from = i + 1;
    }
    if (h->state == 0 || (h->state == 2 && h->keep))
        fwrite(s + from, 1, len - from, out);
}

void batch_put_target(output *o, size_t t, const block *b)
{
    const batch_target *tg = &o->bc->targets[t];
    if (!tg->reporter->marks_hints) {
        batch_put_blocks(o->files[t], b, tg->reporter->separator, &o->items[t], &o->started[t]);
        return;
    }
    for (; b; b = b->next) {
        if (b->len == 0)
            continue;
        if (!o->started[t]) {
            if (o->items[t] > 0)
                fputs(tg->reporter->separator, o->files[t]);
            o->items[t]++;
            o->started[t] = true;
        }
        put_hinted(o->files[t], &o->hints[t], b->data, b->len);
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

/* DIR/name, malloc'd; DIR is the folder being filled (no slash at its end). */
static char *in_folder(const char *dir, const char *name)
{
    return cli_xprintf("%s/%s", dir, name);
}

/* A folder target: the file's own page, DIR/fHASH.html. */
static void write_page(output *o, size_t t, const result *r, const chunk *c)
{
    const batch_target *tg = &o->bc->targets[t];
    char name[64];
    pb_html_page_name(r->path, name, sizeof name);
    char *path = in_folder(cli_output_dir_path(o->outs[t]), name);
    FILE *f = path ? fopen(path, "w") : NULL;
    bool ok = f && tg->reporter->begin(f);
    if (ok) {
        bool started = false;
        size_t items = 0;
        batch_put_blocks(f, c->first, "", &items, &started);
        ok = tg->reporter->end(f, NULL);
    }
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok) {
        fprintf(stderr, _("pbcheck: cannot write %s: %s\n"), path ? path : tg->path, pb_strerror(errno));
        o->page_failed = true;
    }
    free(path);
}

/* The files that fail, by verdict, for the list at the end of the run. */
static void remember_failure(output *o, const result *r)
{
    int v = !r->read_ok ? 0 : r->status == EXIT_FINDINGS ? 1 : -1;
    if (v < 0)
        return;
    failures *f = &o->failed[v];
    if (f->count == f->cap) {
        size_t ncap = f->cap ? f->cap * 2 : 16;
        char **n = realloc(f->paths, ncap * sizeof *n);
        if (!n)
            return; /* the list is a convenience; the totals stay right */
        f->paths = n;
        f->cap = ncap;
    }
    if ((f->paths[f->count] = strdup(r->path)))
        f->count++;
}

/* After a run over several files, the ones to look at again. */
static void print_failures(FILE *out, const output *o)
{
    static const char *const verdicts[2] = {
        N_("Files that cannot be read (%zu):\n"),
        N_("Files with findings that fail the run (%zu):\n"),
    };
    if (o->totals.files < 2)
        return;
    for (int v = 0; v < 2; v++) {
        if (o->failed[v].count == 0)
            continue;
        fprintf(out, _(verdicts[v]), o->failed[v].count);
        for (size_t i = 0; i < o->failed[v].count; i++) {
            fputs("  ", out);
            pb_fput_path(out, o->failed[v].paths[i]); /* readable, and no terminal escapes */
            fputc('\n', out);
        }
    }
}

void batch_free_failures(output *o)
{
    for (int v = 0; v < 2; v++) {
        for (size_t i = 0; i < o->failed[v].count; i++)
            free(o->failed[v].paths[i]);
        free(o->failed[v].paths);
        o->failed[v] = (failures){0};
    }
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
    remember_failure(o, r);
    for (size_t t = 0; t < bc->target_count; t++) {
        if (!bc->targets[t].path)
            batch_progress_clear(o);
        if (bc->targets[t].folder)
            write_page(o, t, r, &r->main[t]);
        batch_put_target(o, t, r->main[t].first);
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
    t->departments += r->departments;
    t->baselined += r->baselined;
    for (int s = 0; s < PB_SEVERITY_COUNT; s++)
        t->findings[s] += r->by_sev[s];
    for (int i = 0; i < PB_RULES_MAX; i++)
        t->rule_findings[i] += r->rule_counts[i];
    mark_baseline(o, r);
}





typedef struct rule_stat {
    size_t count;
    const char *id, *slug, *severity; /* slug: the rule's title */
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
    rule_stat stats[PB_RULES_MAX + PB_STATUS_COUNT];
    size_t n = 0, rule_count;
    const pb_rule *rules = pb_rules(&rule_count);
    for (size_t i = 0; i < rule_count && i < PB_RULES_MAX; i++)
        if (o->totals.rule_findings[i])
            stats[n++] = (rule_stat){o->totals.rule_findings[i], rules[i].id, _(rules[i].summary),
                                     cli_severity_label(rules[i].severity)};
    for (int s = 1; s < PB_STATUS_COUNT; s++)
        if (o->status_counts[s])
            stats[n++] = (rule_stat){o->status_counts[s], pb_status_code((pb_status)s), _("file cannot be read"), ""};
    qsort(stats, n, sizeof *stats, cmp_stat);
    for (size_t i = 0; i < n; i++)
    {
        fprintf(out, "%8zu  %-22s ", stats[i].count, stats[i].id);
        cli_put_padded(out, stats[i].severity, 8);
        fprintf(out, "%s\n", stats[i].slug);
    }
}

/* A spooled target's own streams (the spool, and a folder's index page),
 * closed before its output is committed or dropped; false when the index
 * page could not be written. */
static bool close_spool(output *o, size_t t)
{
    bool ok = true;
    if (o->dest[t]) {
        fclose(o->files[t]);
        o->files[t] = o->dest[t];
        o->dest[t] = NULL;
    }
    if (o->bc->targets[t].folder && o->files[t]) {
        ok = fclose(o->files[t]) == 0;
        if (!ok)
            fprintf(stderr, _("pbcheck: cannot write %s: %s\n"), o->bc->targets[t].path, pb_strerror(errno));
        o->files[t] = NULL;
    }
    return ok;
}

void batch_close_outputs(output *o, int *status)
{
    const batch_config *bc = o->bc;
    for (size_t t = 0; t < bc->target_count; t++) {
        if (o->tails[t])
            fclose(o->tails[t]);
        o->tails[t] = NULL;
        if (!close_spool(o, t) || o->page_failed) {
            cli_output_abort(o->outs[t]);
            *status = EXIT_INTERNAL;
        } else if (o->failed_err[t]) {
            *status = cli_output_fail(o->outs[t], o->failed_err[t]);
        } else if (cli_output_commit(o->outs[t]) != EXIT_CLEAN)
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
        close_spool(o, t);
        cli_output_abort(o->outs[t]);
        o->outs[t] = NULL;
    }
    cli_output_abort(o->baseline_o);
    o->baseline_o = NULL;
}

static FILE *spool(void)
{
    FILE *f = tmpfile();
    if (!f)
        fprintf(stderr, _("pbcheck: cannot create a temporary file: %s\n"), pb_strerror(errno));
    return f;
}

/* DIR/: filled under a temporary name beside DIR (the pages as files
 * come, the index from the spool at the end) and swapped into place. */
static bool open_folder(output *o, size_t t)
{
    char *dir = strdup(o->bc->targets[t].path);
    if (!dir) {
        fputs(_("pbcheck: out of memory\n"), stderr);
        return false;
    }
    for (size_t n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
        dir[n - 1] = '\0';
    o->outs[t] = cli_output_open_dir(dir);
    free(dir);
    if (!o->outs[t])
        return false;
    char *index = in_folder(cli_output_dir_path(o->outs[t]), "index.html");
    o->dest[t] = index ? fopen(index, "w") : NULL;
    if (!o->dest[t]) {
        fprintf(stderr, _("pbcheck: cannot write %s: %s\n"), o->bc->targets[t].path, pb_strerror(errno));
        free(index);
        return false;
    }
    free(index);
    return (o->files[t] = spool()) != NULL;
}

bool batch_open_outputs(output *o)
{
    const batch_config *bc = o->bc;
    for (size_t t = 0; t < bc->target_count; t++) {
        const batch_target *tg = &bc->targets[t];
        if (tg->folder) {
            if (!open_folder(o, t))
                return false;
        } else {
            if (!(o->outs[t] = cli_output_open(tg->path)))
                return false;
            o->files[t] = cli_output_file(o->outs[t]);
            /* finish rewrites the spooled run (SARIF cut to GitHub's limits) */
            if (tg->reporter->finish) {
                o->dest[t] = o->files[t];
                if (!(o->files[t] = spool()))
                    return false;
            }
        }
        if (tg->reporter->mid && !(o->tails[t] = spool()))
            return false;
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
    /* for people reading a text report, not for tools parsing stderr */
    if (!bc->quiet && stdout_summary) {
        fflush(stdout);
        print_failures(stderr, o);
    }
    for (size_t t = 0; t < bc->target_count; t++) {
        const pb_reporter *rep = bc->targets[t].reporter;
        bool ok = true;
        errno = 0;
        if (rep->mid) {
            ok = rep->mid(o->files[t], &o->totals) && copy_stream(o->tails[t], o->files[t]);
        }
        /* The summary line of text and github reports is what --quiet
         * silences; other formats need their end to be well-formed. */
        bool skip = bc->quiet && summary_on_stdout(bc, t);
        if (ok && rep->end && !skip)
            ok = rep->end(o->files[t], &o->totals);
        if (o->dest[t]) {
            /* the spooled run becomes the report (SARIF: cut to GitHub's
             * limits; several HTML files: their index) */
            ok = ok && !ferror(o->files[t]) && fflush(o->files[t]) == 0;
            rewind(o->files[t]);
            ok = ok &&
                 (bc->targets[t].folder ? pb_html_index(o->files[t], o->dest[t], &o->totals, true)
                                        : rep->finish(o->files[t], o->dest[t], &o->totals));
            if (ok && rep->pages && !bc->targets[t].folder && o->totals.files > 1 && !bc->quiet)
                fprintf(stderr, _("pbcheck: %zu files: the HTML report holds their index only; "
                                  "--report html:DIR/ writes a page per file\n"),
                        o->totals.files);
            fclose(o->files[t]);
            o->files[t] = o->dest[t];
            o->dest[t] = NULL;
        }
        if (!ok && !o->failed_err[t]) {
            int first = o->outs[t] ? cli_output_write_error(o->outs[t]) : 0;
            o->failed_err[t] = first ? first : errno ? errno : EIO;
        }
        if (!ok || o->page_failed)
            o->status = EXIT_INTERNAL;
    }
    if (o->baseline_out)
        fputs("\n]}\n", o->baseline_out);
}
