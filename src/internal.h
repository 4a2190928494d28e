/* Internal interfaces between the stages of libpbcheck. */
#ifndef PB_INTERNAL_H
#define PB_INTERNAL_H

#include "pbcheck/pbcheck.h"

#include <libintl.h>
#include <stdarg.h>

#define PB_TEXTDOMAIN "pbcheck"
#define _(s) dgettext(PB_TEXTDOMAIN, s)
#define N_(s) s

/* ---- errors */
void pb_error_set(pb_error *e, pb_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- growable array in an arena (old blocks stay in the arena) */
bool pb_grow(pb_arena *a, void **items, size_t *cap, size_t count, size_t size);
/* Frees everything allocated from a at once, like pb_arena_free, but keeps
 * a few of its blocks for the next allocations: the reader empties its
 * scratch arena after each table, and memory given back to the system
 * and taken again costs a page fault per page. */
void pb_arena_reset(pb_arena *a);

/* ---- string builder on malloc, bounded */
typedef struct pb_buf {
    char *data;
    size_t len, cap;
} pb_buf;
bool pb_buf_append(pb_buf *b, const char *s, size_t n);
void pb_buf_reset(pb_buf *b);
void pb_buf_free(pb_buf *b);

/* ---- text normalisation (text.c) */
/* NFKC-style folding used for labels and values: full-width ASCII → ASCII,
 * ideographic space/NBSP/tabs/newlines → space; runs of white space collapse
 * to one space and ends are trimmed.  With drop_space, all white space is
 * removed ("其中：财政    资金" → "其中:财政资金"). */
char *pb_normalize(pb_arena *a, const char *s, bool drop_space);
/* Same into a caller buffer; returns false when it does not fit. */
bool pb_normalize_buf(const char *s, bool drop_space, char *out, size_t cap);
bool pb_is_blank(const char *s);
/* Inline: the extractor asks it of every cell against every prefix label. */
static inline bool pb_has_prefix(const char *s, const char *prefix)
{
    if (!s)
        return false;
    while (*prefix)
        if (*s++ != *prefix++)
            return false;
    return true;
}
bool pb_contains(const char *s, const char *needle);
/* Decodes one UTF-8 code point; returns bytes used (1 for invalid bytes,
 * *cp = 0xFFFD). */
int pb_utf8_decode(const char *s, unsigned *cp);

/* ---- zip layer (zipread.c) */
typedef struct pb_zip pb_zip;
typedef struct pb_part pb_part;
pb_zip *pb_zip_open_file(const char *path, const pb_limits *l, pb_error *e);
pb_zip *pb_zip_open_memory(const void *data, size_t len, const pb_limits *l, pb_error *e);
void pb_zip_close(pb_zip *z);
/* The package-relative name of the main document part (from _rels/.rels);
 * NULL with e set when there is none. Allocated in a. */
char *pb_zip_main_part(pb_zip *z, pb_arena *a, pb_error *e);
/* Streams a part; reads are bounded by the limits and counted. */
pb_part *pb_part_open(pb_zip *z, const char *name, pb_error *e);
/* Returns bytes read, 0 at end, -1 on error (e set). */
long pb_part_read(pb_part *p, char *buf, size_t n);
void pb_part_close(pb_part *p);
pb_error *pb_part_error(pb_part *p);
/* Reads a small part whole (bounded by max), NUL-terminated, malloc'd. */
char *pb_zip_read_small(pb_zip *z, const char *name, size_t max, size_t *len, pb_error *e);

/* ---- WordprocessingML reader (docx.c) */
typedef struct pb_docx_sink {
    void *ctx;
    /* A body paragraph outside any table (text capped to a prefix). */
    bool (*paragraph)(void *ctx, const char *text, int index);
    /* A finished table; nested tables come before their parent. The table
     * and its cells live until the call returns, in a scratch arena. */
    bool (*table)(void *ctx, const pb_table *t);
} pb_docx_sink;

bool pb_docx_read(pb_part *part, const pb_limits *l, const pb_docx_sink *sink,
                  pb_error *e);

/* ---- SpreadsheetML reader (xlsx.c) */
/* Whether the main part is a workbook: by its content type in
 * [Content_Types].xml, else by its name. */
bool pb_xlsx_is_workbook(pb_zip *z, const char *main_part);
/* Hands each worksheet to sink->table as one table (row and column of
 * each cell as in the sheet, merged ranges resolved), in workbook order. */
bool pb_xlsx_read(pb_zip *z, const char *workbook, const pb_limits *l, const pb_docx_sink *sink,
                  pb_error *e);

/* ---- tables */
pb_table *pb_table_copy(pb_arena *a, const pb_table *t);

/* ---- extraction (extract.c) */
typedef struct pb_extractor pb_extractor;
pb_extractor *pb_extractor_new(pb_document *d, const pb_options *o);
bool pb_extract_paragraph(pb_extractor *x, const char *text, int index);
bool pb_extract_table(pb_extractor *x, const pb_table *t);
bool pb_extract_finish(pb_extractor *x);

/* ---- money */
/* Converts an amount in unit `from` (power-of-ten exponent in 元) to `to`. */
bool pb_money_convert(pb_decimal v, int from_exp, int to_exp, pb_decimal *out);
/* Parses an amount cell: "242.59", "2,425,900元", "242.59万", "１２３．４".
 * *unit_exp is set to the unit suffix's exponent or -1 when there is none. */
bool pb_amount_parse(const char *raw, pb_decimal *out, int *unit_exp);
/* Parses a percentage cell "50%", "50", "５０％". */
bool pb_percent_parse(const char *raw, pb_decimal *out);

/* ---- rule index */
int pb_rule_index(const pb_rule *r);

/* ---- configuration (config.c) */
/* Like pb_config_severity(), with dflt for a rule left at its default (a
 * rule whose findings differ in default severity). */
pb_severity pb_config_severity_or(const pb_config *c, const pb_rule *r, pb_severity dflt);
/* The month a checkpoint label names: "3月底" 3, "第二季度" 6, "上半年" 6;
 * 0 for none. */
int pb_checkpoint_month(const char *label);
/* The configured minimum for a checkpoint label; false when it has none. */
bool pb_config_checkpoint_minimum(const pb_config *c, const char *label, pb_decimal *min);

/* The default project-code-pattern: 6-digit region, 2-digit year, a
 * capital letter, 11 digits, a digit or capital letter. */
#define PB_DEFAULT_CODE_PATTERN "^[0-9]{6}[0-9]{2}[A-Z][0-9]{11}[0-9A-Z]$"
/* Whether code matches PB_DEFAULT_CODE_PATTERN, without a regex engine
 * (check.c; compiling the pattern cost more than the rest of a small
 * file's checks). */
bool pb_code_matches_default(const char *code);

#endif
