/* GitHub Actions workflow commands: `::error file=…,title=…::message`, one
 * line per finding (warning for warnings, notice for info), escaped as the
 * Actions toolkit escapes them.  A .docx has no lines, so no line= is given
 * and the location in the tables leads the message. */
#include "report/report.h"

#include <stdlib.h>

static const char *command(pb_severity s)
{
    switch (s) {
    case PB_SEV_ERROR: return "error";
    case PB_SEV_WARNING: return "warning";
    default: return "notice";
    }
}

/* %, CR and LF always; ':' and ',' too in a property value.  The log is
 * shown on a terminal too: other control characters are written visibly
 * (pb_safe_text), so a cell cannot send an escape sequence. */
static bool put_escaped(FILE *out, const char *s, bool property)
{
    char *clean = pbi_utf8_clean(s);
    if (!clean)
        return false;
    size_t need = pb_safe_text(clean, NULL, 0);
    char *safe = malloc(need + 1);
    if (!safe) {
        free(clean);
        return false;
    }
    pb_safe_text(clean, safe, need + 1);
    free(clean);
    clean = safe;
    for (const char *c = clean; *c; c++) {
        switch (*c) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':': fputs(property ? "%3A" : ":", out); break;
        case ',': fputs(property ? "%2C" : ",", out); break;
        default: fputc(*c, out);
        }
    }
    free(clean);
    return true;
}

static bool annotation(FILE *out, const char *cmd, const char *path, const char *title, const char *message)
{
    fprintf(out, "::%s file=", cmd);
    bool ok = put_escaped(out, path, true);
    fputs(",title=", out);
    ok = ok && put_escaped(out, title, true);
    fputs("::", out);
    ok = ok && put_escaped(out, message, false);
    fputc('\n', out);
    return ok;
}

static bool github_file(FILE *out, FILE *tail, const pb_report_file *rf)
{
    (void)tail;
    const pb_document *d = rf->doc;
    char title[256], text[4096], where[1024];
    if (d->error.status != PB_OK) {
        snprintf(title, sizeof title, "pbcheck: cannot be read [%s]", pb_status_code(d->error.status));
        return annotation(out, "error", pbi_doc_path(d), title, d->error.message);
    }
    for (size_t i = 0; i < d->finding_count; i++) {
        const pb_finding *f = &d->findings[i];
        pbi_finding_where(f, where, sizeof where);
        snprintf(title, sizeof title, "%s %s", f->rule->id, f->rule->slug);
        snprintf(text, sizeof text, "%s%s%s", where, *where ? ": " : "", f->message);
        if (!annotation(out, command(f->severity), pbi_doc_path(d), title, text))
            return false;
    }
    return true;
}

/* The run's totals close the log as the text format closes it. */
const pb_reporter pb_reporter_github = {"github", "", "", NULL, github_file, NULL, pbi_text_end, false, false, NULL, false, false, true, NULL};
