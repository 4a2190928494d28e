/* The reader: the package (zip, OPC) and its WordprocessingML and SpreadsheetML parts, handed on as tables and paragraphs. The only stage that sees XML or zip. */
#ifndef PB_READ_H
#define PB_READ_H

#include "util/util.h"

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)

/* ---- zip layer (zip.c) */
typedef struct pb_zip pb_zip;
typedef struct pb_part pb_part;
pb_zip *pbi_zip_open_file(const char *path, const pb_limits *l, pb_error *e);
pb_zip *pbi_zip_open_memory(const void *data, size_t len, const pb_limits *l, pb_error *e);
void pbi_zip_close(pb_zip *z);
/* The package-relative name of the main document part (from _rels/.rels,
 * opc.c); NULL with e set when there is none. Allocated in a. */
char *pbi_zip_main_part(pb_zip *z, pb_arena *a, pb_error *e);
/* The limits the package was opened with. */
const pb_limits *pbi_zip_limits(const pb_zip *z);
/* Streams a part; reads are bounded by the limits and counted. */
pb_part *pbi_part_open(pb_zip *z, const char *name, pb_error *e);
/* Returns bytes read, 0 at end, -1 on error (e set). */
long pbi_part_read(pb_part *p, char *buf, size_t n);
void pbi_part_close(pb_part *p);
pb_error *pbi_part_error(pb_part *p);
/* Reads a small part whole (bounded by max), NUL-terminated, malloc'd. */
char *pbi_zip_read_small(pb_zip *z, const char *name, size_t max, size_t *len, pb_error *e);

/* ---- WordprocessingML reader (docx.c) */
typedef struct pb_docx_sink {
    void *ctx;
    /* A body paragraph outside any table (text capped to a prefix). */
    bool (*paragraph)(void *ctx, const char *text, int index);
    /* A finished table; nested tables come before their parent. The table
     * and its cells live until the call returns, in a scratch arena. */
    bool (*table)(void *ctx, const pb_table *t);
} pb_docx_sink;

bool pbi_docx_read(pb_part *part, const pb_limits *l, const pb_docx_sink *sink,
                  pb_error *e);

/* ---- SpreadsheetML reader (xlsx.c) */
/* Whether the main part is a workbook: by its content type in
 * [Content_Types].xml, else by its name. */
bool pbi_xlsx_is_workbook(pb_zip *z, const char *main_part);
/* Hands each worksheet to sink->table as one table (row and column of
 * each cell as in the sheet, merged ranges resolved), in workbook order. */
bool pbi_xlsx_read(pb_zip *z, const char *workbook, const pb_limits *l, const pb_docx_sink *sink,
                  pb_error *e);

/* ---- the package (package.c) */
/* Sets libxml2 up for the process (no entity is ever loaded); idempotent. */
void pbi_read_init(void);
/* Finds the main part and hands its tables (and a document's paragraphs)
 * to sink; *format says whether it was a document or a workbook. */
bool pbi_read_package(pb_zip *z, pb_arena *a, const pb_limits *l, const pb_docx_sink *sink,
                     pb_format *format, pb_error *e);

#pragma GCC visibility pop

#endif
