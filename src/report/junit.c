/* JUnit XML (the Jenkins/GitLab dialect): one testsuite per file (time: the
 * seconds it took to read and check), one testcase per project
 * ("document" for findings outside any project, the suite's time shared
 * evenly), one failure per finding at or above the failing severity;
 * findings below it are listed in the testcase's system-out, so they show
 * without failing.  A file that cannot be read is a testcase "read" with
 * an error. */
#include "report/report.h"

#include <string.h>

static bool junit_begin(FILE *out)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pbcheck\">\n", out);
    return true;
}

static void attr(FILE *out, const char *name, const char *value)
{
    fprintf(out, " %s=\"", name);
    pbi_xml_put(out, value, true);
    fputc('"', out);
}

/* time="…" in seconds: the file's reading and checking, shared evenly by
 * its testcases (JUnit readers add the cases' times up); none when the
 * caller did not measure it. */
static void time_attr(FILE *out, double seconds)
{
    if (seconds >= 0)
        fprintf(out, " time=\"%.3f\"", seconds);
}

static void suite_open(FILE *out, const char *path, size_t tests, size_t failures, size_t errors, double seconds)
{
    fputs("  <testsuite", out);
    attr(out, "name", path);
    fprintf(out, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"0\"", tests, failures, errors);
    time_attr(out, seconds);
    fputs(">\n", out);
}

static void case_open(FILE *out, const char *path, const char *name, double seconds)
{
    fputs("    <testcase", out);
    attr(out, "name", name);
    attr(out, "classname", path);
    time_attr(out, seconds);
    fputs(">\n", out);
}

static void finding_line(const pb_finding *f, const pb_fingerprint *fp, char *buf, size_t cap)
{
    char where[1024];
    pbi_finding_where(f, where, sizeof where);
    snprintf(buf, cap, "%s %s %s%s%s: %s [fingerprint %s]", pb_severity_name(f->severity), f->rule->id, f->rule->slug,
             *where ? " at " : "", where, f->message, fp->hex);
}

/* The testcase of one project (p NULL: the document). */
static void project_case(FILE *out, const pb_report_file *rf, const pbi_owners *o, size_t owner, const char *name,
                         double seconds)
{
    const pb_document *d = rf->doc;
    char line[4096];
    case_open(out, pbi_doc_path(d), name, seconds);
    for (size_t j = o->start[owner]; j < o->start[owner + 1]; j++) {
        size_t i = o->order[j];
        const pb_finding *f = &d->findings[i];
        if (f->severity < rf->fail_on)
            continue;
        char msg[1024];
        snprintf(msg, sizeof msg, "%s %s: %s", f->rule->id, f->rule->slug, f->message);
        fputs("      <failure", out);
        attr(out, "type", f->rule->id);
        attr(out, "message", msg);
        fputs(">", out);
        finding_line(f, &rf->fingerprints[i], line, sizeof line);
        pbi_xml_put(out, line, false);
        fputs("</failure>\n", out);
    }
    bool out_open = false;
    for (size_t j = o->start[owner]; j < o->start[owner + 1]; j++) {
        size_t i = o->order[j];
        const pb_finding *f = &d->findings[i];
        if (f->severity >= rf->fail_on)
            continue;
        if (!out_open)
            fputs("      <system-out>", out);
        out_open = true;
        finding_line(f, &rf->fingerprints[i], line, sizeof line);
        pbi_xml_put(out, line, false);
        fputc('\n', out);
    }
    if (out_open)
        fputs("</system-out>\n", out);
    fputs("    </testcase>\n", out);
}

static bool fails(const pb_report_file *rf, const pbi_owners *o, size_t owner)
{
    for (size_t j = o->start[owner]; j < o->start[owner + 1]; j++)
        if (rf->doc->findings[o->order[j]].severity >= rf->fail_on)
            return true;
    return false;
}

static bool junit_file(FILE *out, FILE *tail, const pb_report_file *rf)
{
    (void)tail;
    const pb_document *d = rf->doc;
    if (d->error.status != PB_OK) {
        suite_open(out, pbi_doc_path(d), 1, 0, 1, rf->seconds);
        case_open(out, pbi_doc_path(d), "read", rf->seconds);
        char msg[1024];
        snprintf(msg, sizeof msg, "%s [%s]", d->error.message, pb_status_code(d->error.status));
        fputs("      <error", out);
        attr(out, "type", pb_status_code(d->error.status));
        attr(out, "message", msg);
        fputs(">", out);
        pbi_xml_put(out, msg, false);
        fputs("</error>\n    </testcase>\n  </testsuite>\n", out);
        return true;
    }
    pbi_owners o;
    if (!pbi_owners_build(d, &o))
        return false;
    bool doc_case = (d->project_count == 0 && d->department_count == 0) || o.start[1] > 0;
    size_t failures = doc_case && fails(rf, &o, 0);
    for (size_t i = 1; i <= d->project_count + d->department_count; i++)
        failures += fails(rf, &o, i);
    size_t cases = d->project_count + d->department_count + doc_case;
    suite_open(out, pbi_doc_path(d), cases, failures, 0, rf->seconds);
    double each = rf->seconds >= 0 && cases ? rf->seconds / (double)cases : -1;
    if (doc_case)
        project_case(out, rf, &o, 0, "document", each);
    for (size_t i = 0; i < d->project_count; i++) {
        const pb_project *p = d->projects[i];
        char name[1024];
        const char *key = pbi_project_key(p);
        const char *pname = p->name.text && strcmp(p->name.text, key) ? p->name.text : "";
        snprintf(name, sizeof name, "project %d%s%s%s%s", p->number, *key ? " " : "", key, *pname ? " " : "", pname);
        project_case(out, rf, &o, 1 + i, name, each);
    }
    for (size_t i = 0; i < d->department_count; i++) {
        const pb_project *p = d->departments[i];
        char name[1024];
        snprintf(name, sizeof name, "department %d%s%s", p->number, p->name.text ? " " : "",
                 p->name.text ? p->name.text : "");
        project_case(out, rf, &o, 1 + d->project_count + i, name, each);
    }
    pbi_owners_free(&o);
    fputs("  </testsuite>\n", out);
    return true;
}

static bool junit_end(FILE *out, const pb_run_totals *t)
{
    (void)t;
    fputs("</testsuites>\n", out);
    return true;
}

const pb_reporter pb_reporter_junit = {"junit", "", "", junit_begin, junit_file, NULL, junit_end, true, false, NULL, false, false, true, NULL};
