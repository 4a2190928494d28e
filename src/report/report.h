/* Helpers shared by the reporters (the files of report/); not part of the API.
 * escape.c: JSON, XML and CSV text; finding.c: keys, locations, subjects,
 * fingerprints; text.c: the totals line other formats end with too.
 * Paths are bytes from the file system and cell texts may have been cut in
 * the middle of a character, so every string goes through the UTF-8 cleaner
 * (util/utf8.c) before it reaches a format that requires valid text. */
#ifndef PB_REPORT_UTIL_H
#define PB_REPORT_UTIL_H

#include "util/util.h"

#include <cjson/cJSON.h>
#include <stdio.h>

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)

/* Adds s (cleaned; JSON null for NULL) to object o under key; false when
 * out of memory. */
bool pbi_json_add_str(cJSON *o, const char *key, const char *s);
/* Writes item unformatted and deletes it; false when out of memory. */
bool pbi_json_put(FILE *out, cJSON *item);

/* Writes s as XML character data or, with attr, as an attribute value:
 * markup escaped, invalid UTF-8 and characters XML 1.0 forbids written as
 * U+FFFD, and (in attributes) tab, newline and CR as character references. */
void pbi_xml_put(FILE *out, const char *s, bool attr);

/* "table 1/row 7/column 3", counted from 1; "" for PB_NOLOC. */
void pbi_loc_path(pb_loc l, char *buf, size_t cap);
/* The file's verdict in words (通过 / 需修改：N 处错误，M 处警告，K 条提示)
 * into buf; true when it fails: a finding at or above fail_on (PB_SEV_OFF:
 * error). */
bool pbi_verdict(const pb_document *d, pb_severity fail_on, char *buf, size_t cap);
/* The project's 预算单位 as the filing names it: the organisation line
 * above the table ("816001曹妃甸区…本级"), else 实施单位, else 主管部门;
 * "" when none (NULL project too). */
const char *pbi_project_agency(const pb_project *p);
/* The IDs of the rules with a finding on p (NULL: the document's own), in
 * catalogue order, space-separated ("PB101 PB311"), into buf. */
void pbi_project_rules(const pb_document *d, const pb_project *p, char *buf, size_t cap);
/* The file's name as people read it: d->display_path (GBK and GB18030
 * names converted, see pb_path_display), else d->path.  Every format shows
 * this; JSON adds the bytes (path_bytes) when it differs from d->path, and
 * fingerprints and page names hash d->path. */
const char *pbi_doc_path(const pb_document *d);
/* The project's key: 项目编码, else 项目名称, else "" (NULL project too). */
const char *pbi_project_key(const pb_project *p);
/* The file's "where" for one-line formats: "project 13020925P001470100024,
 * table 1, row 7, column 3" (English: machine formats do not change with
 * the language); "" when the finding has neither. */
void pbi_finding_where(const pb_finding *f, char *buf, size_t cap);
/* The findings grouped by whom they are of, each group in the findings'
 * order: owner 0 the document, 1 … project_count the projects, then the
 * departments; the findings of owner o are order[start[o] … start[o + 1]).
 * A reporter that lists findings under each project reads the findings
 * once this way, not once per project. */
typedef struct pbi_owners {
    size_t *start;
    size_t *order;
} pbi_owners;
bool pbi_owners_build(const pb_document *d, pbi_owners *o); /* false: out of memory */
size_t pbi_owner_of(const pb_document *d, const pb_project *p);
void pbi_owners_free(pbi_owners *o);

/* Writes s as HTML text (also fit for a quoted attribute): markup and
 * quotes escaped, control characters and invalid UTF-8 as U+FFFD, tab as a
 * space, newline as <br> with line_breaks (else a space). */
void pbi_html_put(FILE *out, const char *s, bool line_breaks);

/* The HTML page's figures (html_figures.c): the budget split and the
 * spending plan on a month axis, with the expected line (the configured
 * minimums, else a straight line through the year) and the checkpoints
 * that have a finding marked.  config may be NULL (the defaults). */
void pbi_html_budget(FILE *out, const pb_project *p);
void pbi_html_schedule(FILE *out, const pb_document *d, const pb_project *p, const pb_config *config);

/* The HTML page's <head> and the opening <body> (html.c), titled. */
void pbi_html_page_head(FILE *out, const char *title);
/* The file's row of the batch index, inert in its page (html_index.c). */
void pbi_html_index_row(FILE *out, const pb_document *d, pb_severity fail_on);

/* CSV (RFC 4180, for spreadsheets): a quoted text field, quotes doubled,
 * invalid UTF-8 cleaned, and a leading = + - @ tab or CR defused with an
 * apostrophe so that a cell text is never run as a formula. */
bool pbi_csv_text(FILE *out, const char *s); /* false: out of memory */
#define PB_CSV_BOM "\xEF\xBB\xBF"
#define PB_CSV_EOL "\r\n"

/* A fingerprint of other things (an unreadable file: path and error code). */
void pbi_fingerprint_fields(const char *const *fields, size_t n, pb_fingerprint *out);

/* The text format's closing lines (totals, baseline); github ends so too. */
bool pbi_text_end(FILE *out, const pb_run_totals *t);
/* "3 file(s), 0 unreadable, 5 project(s)", with ", 1 department-wide
 * table(s)" when the run had any, into buf; returns buf. */
const char *pbi_run_counts(const pb_run_totals *t, char *buf, size_t cap);

#pragma GCC visibility pop

#endif
