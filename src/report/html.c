/* The HTML reporter: one self-contained page per run (inline CSS and SVG, no
 * script, nothing fetched), drawn from the model only.  Each project's tables
 * are drawn again with their merged cells, every finding marked on the cell it
 * points at; a summary at the top links to each finding.  All text from the
 * document (and the file name) is escaped. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

static void put_text(FILE *out, const char *s, bool line_breaks) { pbi_html_put(out, s, line_breaks); }

static void put_esc(FILE *out, const char *s) { put_text(out, s, false); }

static bool html_begin(FILE *out)
{
    pbi_html_page_head(out, _("pbcheck report"));
    return true;
}

static const char *sev_label(pb_severity s)
{
    switch (s) {
    case PB_SEV_ERROR: return _("error");
    case PB_SEV_WARNING: return _("warning");
    case PB_SEV_INFO: return _("info");
    default: return "";
    }
}

static void put_counts(FILE *out, const size_t by_sev[PB_SEVERITY_COUNT])
{
    static const pb_severity order[] = {PB_SEV_ERROR, PB_SEV_WARNING, PB_SEV_INFO};
    fputs("<div class=\"counts\">", out);
    for (size_t i = 0; i < 3; i++) {
        fprintf(out, "<span class=\"count sev-%s\">", pb_severity_name(order[i]));
        put_esc(out, sev_label(order[i]));
        fprintf(out, " %zu</span>", by_sev[order[i]]);
    }
    fputs("</div>\n", out);
}

/* The run's totals come last in the page but are shown first (CSS order),
 * so files can be written as they are checked. */
static bool html_end(FILE *out, const pb_run_totals *t)
{
    if (t) {
        fputs("<section class=\"totals\" id=\"totals\">\n<h1>", out);
        put_esc(out, _("pbcheck report"));
        fputs("</h1>\n<p>", out);
        char line[256];
        put_esc(out, pbi_run_counts(t, line, sizeof line));
        fputs("</p>\n", out);
        put_counts(out, t->findings);
        fputs("</section>\n", out);
    }
    fputs("</body>\n</html>\n", out);
    return true;
}

/* --------------------------------------------------------------- anchors */

/* Ids are unique in the page: a hash of the file's path (a chunk depends on
 * its file only), then the finding's index in its document. */
typedef struct file_key {
    char hex[17];
} file_key;

static file_key key_of(const char *path)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)(path ? path : ""); *p; p++)
        h = (h ^ *p) * 0x100000001b3ULL;
    file_key k;
    snprintf(k.hex, sizeof k.hex, "%016llx", (unsigned long long)h);
    return k;
}

static void finding_id(FILE *out, const file_key *file, size_t k) { fprintf(out, "f%s-n%zu", file->hex, k + 1); }

static void put_where(FILE *out, pb_loc l)
{
    if (l.table < 0 && l.paragraph < 0)
        return;
    char buf[128];
    if (l.table < 0)
        snprintf(buf, sizeof buf, _("paragraph %d"), l.paragraph + 1);
    else
        snprintf(buf, sizeof buf, _("table %d, row %d, column %d"), l.table + 1, l.row + 1, l.col + 1);
    fputs("<span class=\"where\">", out);
    put_esc(out, buf);
    fputs("</span> ", out);
}

static void put_badge(FILE *out, const pb_finding *f)
{
    fprintf(out, "<span class=\"badge sev-%s\">", pb_severity_name(f->severity));
    put_esc(out, sev_label(f->severity));
    fputs("</span> <span class=\"rule\" title=\"", out);
    put_esc(out, f->rule->slug);
    fputs("\">", out);
    put_esc(out, f->rule->id);
    fputs("</span> ", out);
}

/* The note of a finding: on its cell, or in the project's list when the
 * finding has no cell in a drawn table. */
static void put_note(FILE *out, const pb_finding *f, const file_key *file, size_t k, bool with_where)
{
    fprintf(out, "<div class=\"note sev-%s\" id=\"", pb_severity_name(f->severity));
    finding_id(out, file, k);
    fputs("\">", out);
    put_badge(out, f);
    if (with_where)
        put_where(out, f->loc);
    put_esc(out, f->message);
    /* the rule's explanation, opened in place (no script: <details>) */
    fputs("<details class=\"why\"><summary>", out);
    put_esc(out, _("Why, and how to fix it"));
    fputs("</summary><p>", out);
    put_esc(out, _(f->rule->explanation));
    fputs("</p><p>", out);
    put_esc(out, _(f->rule->fix));
    fputs("</p></details></div>", out);
}

/* --------------------------------------------------------------- summary */

static void project_name(FILE *out, const pb_project *p)
{
    if (p->title && *p->title) {
        put_esc(out, p->title);
        return;
    }
    char buf[64];
    snprintf(buf, sizeof buf, p->whole_department ? _("department-wide table %d") : _("project %d"), p->number);
    put_esc(out, buf);
    if (p->name.text && *p->name.text) {
        fputc(' ', out);
        put_esc(out, p->name.text);
    }
}

static void summary_item(FILE *out, const pb_document *d, const file_key *file, size_t k)
{
    const pb_finding *f = &d->findings[k];
    fputs("<li><a href=\"#", out);
    finding_id(out, file, k);
    fputs("\">", out);
    put_badge(out, f);
    if (f->project) {
        fputs("<span class=\"where\">", out);
        project_name(out, f->project);
        fputs("</span> ", out);
    }
    put_esc(out, f->message);
    fputs("</a></li>\n", out);
}

/* The verdict, then what must be fixed — errors, then warnings, each
 * linking to its cell — and the info folded away. */
static void file_summary(FILE *out, const pb_document *d, const file_key *file, pb_severity fail_on)
{
    size_t by_sev[PB_SEVERITY_COUNT] = {0};
    for (size_t k = 0; k < d->finding_count; k++)
        by_sev[d->findings[k].severity]++;
    char words[256];
    bool fails = pbi_verdict(d, fail_on, words, sizeof words);
    fprintf(out, "<section class=\"summary\">\n<p class=\"verdict %s\">", fails ? "fails" : "passes");
    put_esc(out, words);
    fputs("</p>\n", out);
    if (by_sev[PB_SEV_ERROR] + by_sev[PB_SEV_WARNING]) {
        fputs("<h4>", out);
        put_esc(out, _("To fix"));
        fputs("</h4>\n<ol class=\"must\">\n", out);
        for (int sev = PB_SEV_ERROR; sev >= PB_SEV_WARNING; sev--)
            for (size_t k = 0; k < d->finding_count; k++)
                if ((int)d->findings[k].severity == sev)
                    summary_item(out, d, file, k);
        fputs("</ol>\n", out);
    }
    if (by_sev[PB_SEV_INFO]) {
        char head[128];
        snprintf(head, sizeof head, _("%zu info (suggestions, no change required)"), by_sev[PB_SEV_INFO]);
        fputs("<details class=\"infos\"><summary>", out);
        put_esc(out, head);
        fputs("</summary>\n<ol>\n", out);
        for (size_t k = 0; k < d->finding_count; k++)
            if (d->findings[k].severity == PB_SEV_INFO)
                summary_item(out, d, file, k);
        fputs("</ol></details>\n", out);
    }
    fputs("</section>\n", out);
}

/* ---------------------------------------------------------------- tables */

/* A finding placed on the cell that covers its location. */
typedef struct placed {
    int row, col; /* the covering cell's first slot */
    size_t k;     /* index in d->findings */
} placed;

static int cmp_placed(const void *x, const void *y)
{
    const placed *a = x, *b = y;
    if (a->row != b->row) return a->row < b->row ? -1 : 1;
    if (a->col != b->col) return a->col < b->col ? -1 : 1;
    return a->k < b->k ? -1 : a->k > b->k;
}

/* The findings of project p that sit on a cell of t, in cell order; *n is
 * their count.  NULL with *n == 0 when there are none; false on no memory. */
static bool place_findings(const pb_document *d, const pb_project *p, const pb_table *t, placed **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t count = 0;
    for (size_t k = 0; k < d->finding_count; k++)
        if (d->findings[k].project == p && d->findings[k].loc.table == t->index)
            count++;
    if (count == 0)
        return true;
    placed *pl = malloc(count * sizeof *pl);
    if (!pl)
        return false;
    for (size_t k = 0; k < d->finding_count; k++) {
        const pb_finding *f = &d->findings[k];
        if (f->project != p || f->loc.table != t->index)
            continue;
        const pb_cell *c = pb_table_at(t, f->loc.row, f->loc.col);
        if (c)
            pl[(*n)++] = (placed){c->row, c->col, k};
    }
    qsort(pl, *n, sizeof *pl, cmp_placed);
    *out = pl;
    return true;
}

/* Whether finding k was drawn on a cell of one of the project's tables. */
static bool is_on_drawn_cell(const pb_document *d, const pb_finding *f)
{
    if (!f->project || f->loc.table < f->project->first_table || f->loc.table > f->project->last_table)
        return false;
    for (size_t i = 0; i < d->table_count; i++)
        if (d->tables[i]->index == f->loc.table)
            return pb_table_at(d->tables[i], f->loc.row, f->loc.col) != NULL;
    return false;
}

static pb_severity worst_on_cell(const pb_document *d, const placed *pl, size_t from, size_t to)
{
    pb_severity s = PB_SEV_OFF;
    for (size_t i = from; i < to; i++)
        if (d->findings[pl[i].k].severity > s)
            s = d->findings[pl[i].k].severity;
    return s;
}

/* Spans are measured on the grid itself, so the drawn table covers exactly
 * the slots the grid says and the browser cannot shift a column. */
static int grid_row_span(const pb_table *t, const pb_cell *c)
{
    int n = 1;
    while (c->row + n < t->row_count && pb_table_at(t, c->row + n, c->col) == c)
        n++;
    return n;
}

static int grid_col_span(const pb_table *t, const pb_cell *c)
{
    int n = 1;
    while (c->col + n < t->width && pb_table_at(t, c->row, c->col + n) == c)
        n++;
    return n;
}

static void put_cell(FILE *out, const pb_document *d, const pb_table *t, const pb_cell *c, const placed *pl,
                     size_t *cursor, size_t n, const file_key *file)
{
    size_t from = *cursor;
    while (*cursor < n && pl[*cursor].row == c->row && pl[*cursor].col == c->col)
        (*cursor)++;
    int rs = grid_row_span(t, c), cs = grid_col_span(t, c);
    fputs("<td", out);
    if (rs > 1)
        fprintf(out, " rowspan=\"%d\"", rs);
    if (cs > 1)
        fprintf(out, " colspan=\"%d\"", cs);
    /* only errors and warnings outline their cell: info must not drown them */
    pb_severity worst = *cursor > from ? worst_on_cell(d, pl, from, *cursor) : PB_SEV_OFF;
    if (worst >= PB_SEV_WARNING)
        fprintf(out, " class=\"sev-%s\"", pb_severity_name(worst));
    fputc('>', out);
    put_text(out, c->text, true);
    for (size_t i = from; i < *cursor; i++)
        put_note(out, &d->findings[pl[i].k], file, pl[i].k, false);
    fputs("</td>", out);
}

/* Findings whose location falls outside the table's grid (cannot happen for
 * the extractor's own locations) are skipped by the cursor; they are listed
 * with the project instead (is_on_drawn_cell is false for them). */
static void skip_stale(const placed *pl, size_t *cursor, size_t n, int row, int col)
{
    while (*cursor < n && (pl[*cursor].row < row || (pl[*cursor].row == row && pl[*cursor].col < col)))
        (*cursor)++;
}

static bool draw_table(FILE *out, const pb_document *d, const pb_project *p, const pb_table *t,
                       const file_key *file)
{
    placed *pl;
    size_t n, cursor = 0;
    if (!place_findings(d, p, t, &pl, &n))
        return false;
    fprintf(out, "<div class=\"scroll\"><table class=\"doc\" id=\"f%s-t%d\">\n", file->hex, t->index + 1);
    for (int r = 0; r < t->row_count; r++) {
        fputs("<tr>", out);
        for (int col = 0; col < t->width;) {
            const pb_cell *c = pb_table_at(t, r, col);
            if (!c) {
                fputs("<td class=\"gap\"></td>", out);
                col++;
                continue;
            }
            if (c->row == r && c->col == col) {
                skip_stale(pl, &cursor, n, r, col);
                put_cell(out, d, t, c, pl, &cursor, n, file);
            }
            int next = c->col + grid_col_span(t, c);
            col = next > col ? next : col + 1;
        }
        fputs("</tr>\n", out);
    }
    fputs("</table></div>\n", out);
    free(pl);
    return true;
}

/* --------------------------------------------------------------- project */

static void meta_row(FILE *out, const char *label, const char *value)
{
    if (!value || !*value)
        return;
    fputs("<dt>", out);
    put_esc(out, label);
    fputs("</dt><dd>", out);
    put_esc(out, value);
    fputs("</dd>", out);
}

static bool draw_project(FILE *out, const pb_document *d, const pb_project *p, const file_key *file,
                         const pb_config *config)
{
    /* a 部门整体 table is drawn like a project, under an id of its own kind */
    fprintf(out, "<section class=\"%s\" id=\"f%s-%c%d\">\n<h3>", p->whole_department ? "project department" : "project",
            file->hex, p->whole_department ? 'd' : 'p', p->number);
    project_name(out, p);
    fputs("</h3>\n<dl class=\"meta\">", out);
    meta_row(out, p->whole_department ? "部门编码" : "项目编码", p->code.text);
    meta_row(out, p->whole_department ? "部门名称" : "项目名称", p->name.text);
    meta_row(out, _("Agency"), p->org);
    meta_row(out, "主管部门", p->department.text);
    meta_row(out, "实施单位", p->implementer.text);
    meta_row(out, "起止时间", p->period.text);
    fputs("</dl>\n", out);
    /* a 部门整体 table without amounts or a spending plan has
     * no figures: an empty budget split would read as a sum of 0 */
    bool no_money = p->whole_department && !p->total.present && !p->fiscal.present && !p->other.present &&
                    p->schedule.count == 0;
    if (!no_money) {
        fputs("<div class=\"figures\">", out);
        pbi_html_budget(out, p);
        pbi_html_schedule(out, d, p, config);
        fputs("</div>\n", out);
    }
    bool first_loose = true;
    for (size_t k = 0; k < d->finding_count; k++) {
        const pb_finding *f = &d->findings[k];
        if (f->project != p || is_on_drawn_cell(d, f))
            continue;
        fputs(first_loose ? "<div class=\"notes\">" : "", out);
        first_loose = false;
        put_note(out, f, file, k, true);
    }
    if (!first_loose)
        fputs("</div>\n", out);
    for (size_t i = 0; i < d->table_count; i++) {
        const pb_table *t = d->tables[i];
        if (t->index >= p->first_table && t->index <= p->last_table && !draw_table(out, d, p, t, file))
            return false;
    }
    fputs("</section>\n", out);
    return true;
}

/* ------------------------------------------------------------------ file */

static bool html_file(FILE *out, FILE *tail, const pb_report_file *rf)
{
    (void)tail;
    const pb_document *d = rf->doc;
    file_key key = key_of(d->path), *file = &key;
    pbi_html_index_row(out, d, rf->fail_on);
    fprintf(out, "<section class=\"file\" id=\"f%s\">\n<h2>", file->hex);
    put_esc(out, pbi_doc_path(d));
    fputs("</h2>\n", out);
    if (d->error.status != PB_OK) {
        fputs("<p class=\"unreadable\">", out);
        put_esc(out, _("This file cannot be read:"));
        fputc(' ', out);
        put_esc(out, d->error.message);
        fputs(" <span class=\"rule\">[", out);
        put_esc(out, pb_status_code(d->error.status));
        fputs("]</span></p>\n</section>\n", out);
        return true;
    }
    file_summary(out, d, file, rf->fail_on);
    for (size_t k = 0; k < d->finding_count; k++)
        if (!d->findings[k].project)
            put_note(out, &d->findings[k], file, k, true);
    bool ok = true;
    for (size_t i = 0; i < d->project_count && ok; i++)
        ok = draw_project(out, d, d->projects[i], file, rf->config);
    for (size_t i = 0; i < d->department_count && ok; i++)
        ok = draw_project(out, d, d->departments[i], file, rf->config);
    fputs("</section>\n", out);
    return ok;
}

/* Several files on one stream: the index alone (a page per file needs a
 * folder: --report html:DIR/). */
static bool html_finish(FILE *log, FILE *out, const pb_run_totals *t)
{
    if (t->files > 1)
        return pb_html_index(log, out, t, false);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, log)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            return false;
    return !ferror(log);
}

const pb_reporter pb_reporter_html = {
    .name = "html",
    .separator = "",
    .tail_separator = "",
    .begin = html_begin,
    .file = html_file,
    .mid = NULL,
    .end = html_end,
    .needs_tables = true,
    .finish = html_finish,
    .pages = true,
    .marks_hints = false,
    .streams = false,
    .project = NULL,
};
