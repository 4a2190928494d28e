/* The index of a batch's HTML pages: one row per file (预算单位, projects,
 * errors, warnings, verdict), each linking to the file's own page.  A year's
 * filings are never one page: each file's chunk carries its row in an inert
 * <template>, and the index is built from those rows once the run is over
 * (pb_html_index), so rendering stays one file at a time. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

static void put_esc(FILE *out, const char *s) { pbi_html_put(out, s, false); }

void pb_html_page_name(const char *path, char *buf, size_t cap)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a of the path, as the page's ids */
    for (const unsigned char *p = (const unsigned char *)(path ? path : ""); *p; p++)
        h = (h ^ *p) * 0x100000001b3ULL;
    snprintf(buf, cap, "f%016llx.html", (unsigned long long)h);
}

#define ROW_OPEN "<template class=\"index-row\" data-page=\""
#define ROW_CLOSE "</template>"

void pbi_html_index_row(FILE *out, const pb_document *d, pb_severity fail_on)
{
    char page[64], words[256];
    pb_html_page_name(d->path, page, sizeof page);
    size_t by[4] = {0};
    for (size_t k = 0; k < d->finding_count; k++)
        by[d->findings[k].severity]++;
    bool unreadable = d->error.status != PB_OK;
    bool fails = unreadable || pbi_verdict(d, fail_on, words, sizeof words);
    if (unreadable)
        snprintf(words, sizeof words, "%s [%s]", _("This file cannot be read:"), pb_status_code(d->error.status));
    fprintf(out, ROW_OPEN "%s\"><td class=\"path\">", page);
    put_esc(out, pbi_doc_path(d));
    fputs("</td><td>", out);
    /* a file of 部门整体 tables only: its department's agency, else the department */
    const pb_project *first = d->project_count ? d->projects[0] : d->department_count ? d->departments[0] : NULL;
    const char *agency = first ? pbi_project_agency(first) : "";
    if (first && !*agency && first->whole_department && first->name.text)
        agency = first->name.text;
    put_esc(out, agency);
    /* the projects, and the 部门整体 tables beside them (「0 + 1 部门整体」) */
    fprintf(out, "</td><td class=\"n\">%zu", d->project_count);
    if (d->department_count)
        fprintf(out, " + %zu 部门整体", d->department_count);
    fprintf(out, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>", by[PB_SEV_ERROR], by[PB_SEV_WARNING]);
    fprintf(out, "<td class=\"%s\">", fails ? "bad" : "ok");
    put_esc(out, words);
    fputs("</td>" ROW_CLOSE "\n", out);
}

static char *slurp(FILE *in, size_t *len)
{
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n - 1, in)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (buf)
        buf[n] = '\0';
    if (buf && ferror(in)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

bool pb_html_index(FILE *log, FILE *out, const pb_run_totals *t, bool link)
{
    size_t len;
    char *s = slurp(log, &len);
    if (!s)
        return false;
    pbi_html_page_head(out, _("pbcheck report: index"));
    fputs("<section class=\"totals\">\n<h1>", out);
    put_esc(out, _("pbcheck report: index"));
    fputs("</h1>\n<p>", out);
    char line[256];
    put_esc(out, pbi_run_counts(t, line, sizeof line));
    fputs("</p>\n", out);
    if (!link) {
        fputs("<p class=\"where\">", out);
        put_esc(out, _("Only the index is shown for several files: write a page per file with --report html:DIR/"));
        fputs("</p>\n", out);
    }
    fputs("</section>\n<div class=\"scroll\"><table class=\"doc index\"><thead><tr><th>", out);
    static const char *const heads[] = {N_("File"), "预算单位", N_("Projects"), N_("Errors"), N_("Warnings"),
                                        N_("Verdict")};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
        if (i)
            fputs("</th><th>", out);
        put_esc(out, i == 1 ? heads[i] : _(heads[i]));
    }
    fputs("</th></tr></thead>\n<tbody>\n", out);
    for (char *p = s; (p = strstr(p, ROW_OPEN));) {
        char *page = p + strlen(ROW_OPEN), *q = strchr(page, '"'), *end = q ? strstr(q, ROW_CLOSE) : NULL;
        if (!end)
            break;
        char *body = q + 2; /* past "> */
        const char *cell = "<td class=\"path\">";
        fputs("<tr>", out);
        if (link && strncmp(body, cell, strlen(cell)) == 0) {
            char *close = strstr(body, "</td>");
            fputs(cell, out);
            fputs("<a href=\"", out);
            fwrite(page, 1, (size_t)(q - page), out);
            fputs("\">", out);
            fwrite(body + strlen(cell), 1, (size_t)(close - body - strlen(cell)), out);
            fputs("</a>", out);
            fwrite(close, 1, (size_t)(end - close), out);
        } else
            fwrite(body, 1, (size_t)(end - body), out);
        fputs("</tr>\n", out);
        p = end + strlen(ROW_CLOSE);
    }
    free(s);
    fputs("</tbody></table></div>\n</body>\n</html>\n", out);
    return !ferror(out);
}
