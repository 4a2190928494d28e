/* The text reporter: findings grouped by file and project, each pointing
 * at its cell (numbers counted from 1, as a person counts). */
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

static void where(FILE *out, pb_loc l)
{
    if (l.table < 0)
        return;
    fprintf(out, _("table %d, row %d, column %d"), l.table + 1, l.row + 1, l.col + 1);
    fputs(": ", out);
}

static void project_heading(FILE *out, const pb_project *p, const pb_text_style *s)
{
    const char *b = s && s->color ? "\033[1m" : "", *e = s && s->color ? "\033[0m" : "";
    fprintf(out, "  %s", b);
    if (p->title)
        fprintf(out, "%s · ", p->title);
    fprintf(out, _("project %d"), p->number);
    if (p->code.text && *p->code.text)
        fprintf(out, " %s", p->code.text);
    if (p->name.text && *p->name.text)
        fprintf(out, " %s", p->name.text);
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

static void finding_line(FILE *out, const pb_finding *f, const pb_text_style *s)
{
    bool c = s && s->color;
    fprintf(out, "    %s%s%s %s %s  ", c ? sev_color(f->severity) : "", sev_label(f->severity), c ? "\033[0m" : "",
            f->rule->id, f->rule->slug);
    where(out, f->loc);
    fprintf(out, "%s\n", f->message);
}

void pb_report_text_file(FILE *out, const pb_document *d, const pb_text_style *s)
{
    if (d->error.status != PB_OK) {
        fprintf(out, _("%s: cannot be read [%s]: %s\n"), d->path, pb_status_code(d->error.status), d->error.message);
        return;
    }
    fprintf(out, "%s\n", d->path);
    for (size_t i = 0; i < d->finding_count; i++)
        if (!d->findings[i].project)
            finding_line(out, &d->findings[i], s);
    for (size_t i = 0; i < d->project_count; i++) {
        const pb_project *p = d->projects[i];
        project_heading(out, p, s);
        size_t n = 0;
        for (size_t j = 0; j < d->finding_count; j++)
            if (d->findings[j].project == p) {
                finding_line(out, &d->findings[j], s);
                n++;
            }
        if (n == 0)
            fprintf(out, "    %s\n", _("no findings"));
    }
}

/* ---- the text format of a run */

static bool text_file(FILE *out, FILE *tail, const pb_report_file *f)
{
    (void)tail;
    pb_text_style style = {f->color};
    pb_report_text_file(out, f->doc, &style);
    return true;
}

bool pbi_text_end(FILE *out, const pb_run_totals *t)
{
    fprintf(out, _("%zu file(s), %zu unreadable, %zu project(s): %zu error(s), %zu warning(s), %zu info\n"), t->files,
            t->unreadable, t->projects, t->findings[PB_SEV_ERROR], t->findings[PB_SEV_WARNING],
            t->findings[PB_SEV_INFO]);
    if (t->baselined)
        fprintf(out, _("%zu finding(s) left out: already in the baseline\n"), t->baselined);
    return true;
}

const pb_reporter pb_reporter_text = {"text", "", "", NULL, text_file, NULL, pbi_text_end, false, false};
