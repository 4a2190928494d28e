/* Helpers shared by the batch reporters (report_*.c); not part of the API.
 * Paths are bytes from the file system and cell texts may have been cut in
 * the middle of a character, so every string goes through a UTF-8 cleaner
 * before it reaches a format that requires valid text. */
#ifndef PB_REPORT_UTIL_H
#define PB_REPORT_UTIL_H

#include "util/util.h"

#include <cjson/cJSON.h>
#include <stdio.h>

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)

/* Bytes of the valid UTF-8 character at s (1-4), 0 when s does not start
 * one (overlong forms, surrogates and code points past U+10FFFF are not
 * valid); *cp gets the code point. */
int pbi_utf8_valid(const char *s, unsigned *cp);
/* s with each invalid sequence replaced by U+FFFD (malloc'd; "" for NULL);
 * NULL when out of memory. */
char *pbi_utf8_clean(const char *s);

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
/* The project's key: 项目编码, else 项目名称, else "" (NULL project too). */
const char *pbi_project_key(const pb_project *p);
/* "error" → "error", "warning" → "warning", "info" → "note" (SARIF levels). */
const char *pbi_sarif_level(pb_severity s);
/* The file's "where" for one-line formats: "project 13020925P001470100024,
 * table 1, row 7, column 3" (English: machine formats do not change with
 * the language); "" when the finding has neither. */
void pbi_finding_where(const pb_finding *f, char *buf, size_t cap);

/* CSV (RFC 4180, for spreadsheets): a quoted text field, quotes doubled,
 * invalid UTF-8 cleaned, and a leading = + - @ tab or CR defused with an
 * apostrophe so that a cell text is never run as a formula. */
bool pbi_csv_text(FILE *out, const char *s); /* false: out of memory */
#define PB_CSV_BOM "\xEF\xBB\xBF"
#define PB_CSV_EOL "\r\n"

/* A fingerprint of other things (an unreadable file: path and error code). */
void pbi_fingerprint_fields(const char *const *fields, size_t n, pb_fingerprint *out);

#pragma GCC visibility pop

#endif
