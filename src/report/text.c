/* The text reporter, for the person who must fix the file: each file's
 * verdict first, then its findings by project, errors before warnings
 * before info, each pointing at its cell as that person finds it (表1
 * 第7行第3列 in a .docx, the sheet and B7 in a .xlsx).  Everything taken
 * from the document goes through pb_safe_text: a cell cannot send a
 * terminal escape sequence. */
#include "report/report.h"

#include <string.h>

static const char *sev_color(pb_severity s)
{
    switch (s) {
    case PB_SEV_ERROR: return "\033[1;31m";
    case PB_SEV_WARNING: return "\033[1;33m";
    default: return "\033[1;36m";
    }
}

/* A .docx location in words: 表1 第7行第3列. */
static void docx_where(FILE *out, pb_loc l)
{
    fprintf(out, _("table %d, row %d, column %d"), l.table + 1, l.row + 1, l.col + 1);
}

static const char *sheet_name(const pb_document *d, int table)
{
    return table >= 0 && (size_t)table < d->sheet_name_count ? d->sheet_names[table] : NULL;
}

/* An .xlsx location as a spreadsheet user finds it: the sheet's name and
 * the A1-style cell (column letters base 26 without a zero). */
static void xlsx_where(FILE *out, const pb_document *d, pb_loc l)
{
    char col[8], *c = col + sizeof col - 1;
    *c = '\0';
    for (unsigned n = (unsigned)l.col + 1; n && c > col; n = (n - 1) / 26)
        *--c = (char)('A' + (n - 1) % 26);
    char cell[24];
    snprintf(cell, sizeof cell, "%s%d", c, l.row + 1);
    const char *name = sheet_name(d, l.table);
    if (name && *name) {
        char safe[256];
        pb_safe_text(name, safe, sizeof safe);
        fprintf(out, _("sheet 「%s」 cell %s"), safe, cell);
    } else
        fprintf(out, _("sheet %d cell %s"), l.table + 1, cell);
}

/* Between a finding's location and its message: a full-width colon in
 * Chinese (表1 第6行第2列：…), as a reviewer writes it. */
static void after_where(FILE *out)
{
    /* TRANSLATORS: between a finding's location and its message, as in
     * "table 1, row 6, column 2: …" */
    fputs(_(": "), out);
}

static void where(FILE *out, const pb_document *d, pb_loc l)
{
    if (l.table < 0 && l.paragraph >= 0) {
        fprintf(out, _("paragraph %d"), l.paragraph + 1);
        after_where(out);
        return;
    }
    if (l.table < 0)
        return;
    if (d->format == PB_FORMAT_XLSX && l.row >= 0 && l.col >= 0)
        xlsx_where(out, d, l);
    else
        docx_where(out, l);
    after_where(out);
}

static void project_heading(FILE *out, const pb_project *p, const pb_text_style *s)
{
    const char *b = s && s->color ? "\033[1m" : "", *e = s && s->color ? "\033[0m" : "";
    fprintf(out, "  %s", b);
    if (p->title) {
        pb_fput_safe(out, p->title);
        fputs(" · ", out);
    }
    fprintf(out, p->whole_department ? _("department-wide table %d") : _("project %d"), p->number);
    if (p->code.text && *p->code.text) {
        fputc(' ', out);
        pb_fput_safe(out, p->code.text);
    }
    if (p->name.text && *p->name.text) {
        fputc(' ', out);
        pb_fput_safe(out, p->name.text);
    }
    fprintf(out, "%s\n", e);
}

/* The severity as a reader sees it (JSON keeps the English names). */
static const char *sev_label(pb_severity s)
{
    switch (s) {
    case PB_SEV_ERROR: return _("error");
    case PB_SEV_WARNING: return _("warning");
    default: return _("info");
    }
}

/* The rule as the reader's language names it: under a translation its
 * title (the catalogue's summary without the full stop), else its slug
 * (an English reader and the machine formats keep the slug). */
static void rule_name(FILE *out, const pb_rule *r)
{
    const char *t = _(r->summary);
    if (t == r->summary || strcmp(t, r->summary) == 0) {
        fputs(r->slug, out);
        return;
    }
    size_t n = strlen(t);
    if (n >= 3 && memcmp(t + n - 3, "。", 3) == 0)
        n -= 3;
    fwrite(t, 1, n, out);
}

/* Rules already hinted in this file (catalogue index, PB_RULES_MAX bits). */
typedef struct hinted {
    unsigned char bits[(PB_RULES_MAX + 7) / 8];
} hinted;

static bool first_of_rule(hinted *h, const pb_rule *r)
{
    size_t n;
    const pb_rule *all = pb_rules(&n);
    if (r < all || r >= all + n)
        return false;
    size_t i = (size_t)(r - all);
    if (i >= PB_RULES_MAX || (h->bits[i / 8] & (1u << (i % 8))))
        return false;
    h->bits[i / 8] |= (unsigned char)(1u << (i % 8));
    return true;
}

static void finding_line(FILE *out, const pb_document *d, const pb_finding *f, const pb_text_style *s, hinted *h)
{
    bool c = s && s->color;
    fprintf(out, "    %s%s%s %s ", c ? sev_color(f->severity) : "", sev_label(f->severity), c ? "\033[0m" : "",
            f->rule->id);
    rule_name(out, f->rule);
    fputs("  ", out);
    where(out, d, f->loc);
    pb_fput_safe(out, f->message);
    if (first_of_rule(h, f->rule)) {
        if (s && s->mark_hints)
            fprintf(out, "%c%s%c", PB_HINT_MARK, f->rule->id, PB_HINT_TEXT);
        fprintf(out, _(" (see: pbcheck explain %s)"), f->rule->id);
        if (s && s->mark_hints)
            fputc(PB_HINT_END, out);
    }
    fputc('\n', out);
}

static pb_severity min_shown(const pb_text_style *s)
{
    return s && s->min_severity > PB_SEV_OFF ? s->min_severity : PB_SEV_INFO;
}

/* The findings of one owner (see pbi_owners), errors first, then
 * warnings, then info, each group in document order. */
static size_t owner_findings(FILE *out, const pb_document *d, const pbi_owners *o, size_t owner,
                             const pb_text_style *s, hinted *h)
{
    size_t n = 0;
    for (int sev = PB_SEV_ERROR; sev >= (int)min_shown(s); sev--)
        for (size_t j = o->start[owner]; j < o->start[owner + 1]; j++) {
            const pb_finding *f = &d->findings[o->order[j]];
            if ((int)f->severity == sev) {
                finding_line(out, d, f, s, h);
                n++;
            }
        }
    return n;
}

static void verdict(FILE *out, const pb_document *d, const pb_text_style *s)
{
    char words[256];
    bool fails = pbi_verdict(d, s ? s->fail_on : PB_SEV_OFF, words, sizeof words);
    bool c = s && s->color;
    fprintf(out, "  %s%s%s\n", c ? (fails ? "\033[1;31m" : "\033[1;32m") : "", words, c ? "\033[0m" : "");
}

bool pb_report_text_file(FILE *out, const pb_document *d, const pb_text_style *s)
{
    char path[1024];
    pb_safe_text(pbi_doc_path(d), path, sizeof path);
    if (d->error.status != PB_OK) {
        char why[sizeof d->error.message * 4];
        pb_safe_text(d->error.message, why, sizeof why);
        fprintf(out, _("%s: cannot be read [%s]: %s\n"), path, pb_status_code(d->error.status), why);
        return true;
    }
    pbi_owners o;
    if (!pbi_owners_build(d, &o))
        return false;
    fprintf(out, "%s\n", path);
    verdict(out, d, s);
    hinted h = {{0}};
    owner_findings(out, d, &o, 0, s, &h);
    for (size_t i = 0; i < d->project_count + d->department_count; i++) {
        const pb_project *p = i < d->project_count ? d->projects[i] : d->departments[i - d->project_count];
        project_heading(out, p, s);
        size_t all = o.start[i + 2] - o.start[i + 1];
        size_t shown = owner_findings(out, d, &o, i + 1, s, &h);
        if (all == 0)
            fprintf(out, "    %s\n", _("no findings"));
        else if (shown == 0)
            fprintf(out, "    ");
        if (all > 0 && shown == 0)
            fprintf(out, _("%zu finding(s) below the --severity level, not shown\n"), all);
    }
    pbi_owners_free(&o);
    return true;
}

/* ---- the text format of a run */

static bool text_file(FILE *out, FILE *tail, const pb_report_file *f)
{
    (void)tail;
    pb_text_style style = {.color = f->color, .fail_on = f->fail_on, .min_severity = f->min_severity,
                          .mark_hints = f->mark_hints};
    return pb_report_text_file(out, f->doc, &style);
}

bool pbi_text_end(FILE *out, const pb_run_totals *t)
{
    char counts[256];
    fprintf(out, _("%s: %zu error(s), %zu warning(s), %zu info\n"), pbi_run_counts(t, counts, sizeof counts),
            t->findings[PB_SEV_ERROR], t->findings[PB_SEV_WARNING], t->findings[PB_SEV_INFO]);
    if (t->baselined)
        fprintf(out, _("%zu finding(s) left out: already in the baseline\n"), t->baselined);
    return true;
}

const pb_reporter pb_reporter_text = {"text", "", "", NULL, text_file, NULL, pbi_text_end, false, false, NULL, false, true, true, NULL};
