/* CSV of findings for spreadsheets: UTF-8 with a BOM (so Excel reads the
 * Chinese text as UTF-8), CRLF rows, one row per finding and one per file
 * that cannot be read.  Table, row and column count from 1, as in the text
 * format; so does paragraph, the last column (added after fingerprint so
 * that existing columns keep their place), given for a body paragraph. */
#include "report/report.h"

static bool csv_begin(FILE *out)
{
    fputs(PB_CSV_BOM "file,project_code,project_name,rule,rule_name,severity,table,row,column,subject,message,"
                     "fingerprint,paragraph" PB_CSV_EOL,
          out);
    return true;
}

static void number(FILE *out, int v)
{
    if (v >= 0)
        fprintf(out, "%d", v + 1);
}

static bool finding_row(FILE *out, const pb_document *d, const pb_finding *f, const pb_fingerprint *fp)
{
    char subject[1024];
    const pb_project *p = f->project;
    bool ok = pbi_csv_text(out, pbi_doc_path(d));
    fputc(',', out);
    ok = ok && pbi_csv_text(out, p ? p->code.text : "");
    fputc(',', out);
    ok = ok && pbi_csv_text(out, p ? p->name.text : "");
    fprintf(out, ",%s,%s,%s,", f->rule->id, f->rule->slug, pb_severity_name(f->severity));
    number(out, f->loc.table);
    fputc(',', out);
    number(out, f->loc.table >= 0 ? f->loc.row : -1);
    fputc(',', out);
    number(out, f->loc.table >= 0 ? f->loc.col : -1);
    fputc(',', out);
    ok = ok && pbi_csv_text(out, pb_finding_subject(f, subject, sizeof subject));
    fputc(',', out);
    ok = ok && pbi_csv_text(out, f->message);
    fprintf(out, ",%s,", fp->hex);
    number(out, f->loc.table < 0 ? f->loc.paragraph : -1);
    fputs(PB_CSV_EOL, out);
    return ok;
}

static bool csv_file(FILE *out, FILE *tail, const pb_report_file *rf)
{
    (void)tail;
    const pb_document *d = rf->doc;
    if (d->error.status != PB_OK) {
        const char *code = pb_status_code(d->error.status);
        const char *fields[] = {"unreadable", d->path, code};
        pb_fingerprint fp;
        pbi_fingerprint_fields(fields, 3, &fp);
        bool ok = pbi_csv_text(out, pbi_doc_path(d));
        fprintf(out, ",,,,%s,error,,,,,", code);
        ok = ok && pbi_csv_text(out, d->error.message);
        fprintf(out, ",%s," PB_CSV_EOL, fp.hex);
        return ok;
    }
    for (size_t i = 0; i < d->finding_count; i++)
        if (!finding_row(out, d, &d->findings[i], &rf->fingerprints[i]))
            return false;
    return true;
}

const pb_reporter pb_reporter_csv = {"csv", "", "", csv_begin, csv_file, NULL, NULL, true, false, NULL, false, false, true, NULL};
