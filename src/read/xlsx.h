/* The SpreadsheetML reader's parts (xlsx*.c): the workbook's shared state
 * (number formats, cell formats, shared strings), shared by the readers
 * of styles.xml, sharedStrings.xml and the worksheets. */
#ifndef PB_READ_XLSX_H
#define PB_READ_XLSX_H

#include "read/opc.h"
#include "read/xml.h"

#pragma GCC visibility push(hidden)

#define SML_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define SML_NS_S "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS_S "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define XLSX_MAX_ROW 1048576
#define XLSX_MAX_COL 16384
#define NAME_MAX_LEN PBI_OPC_NAME_MAX /* part names and sheet names */
#define FMT_CODE_MAX 256   /* a number format code (Excel allows 255) */
#define MAX_XFS (1u << 20) /* cell formats kept; later ones read as General */
#define MAX_NUMFMTS 4096
#define NUM_TEXT_MAX 64    /* a number longer than this is shown as stored */

typedef enum { NF_GENERAL, NF_NUMBER, NF_PERCENT, NF_DATE, NF_TEXT } numfmt_kind;

typedef struct numfmt {
    numfmt_kind kind;
    int decimals; /* fraction digits at least */
    char prefix[48], suffix[48];
} numfmt;

typedef struct custom_fmt {
    int id;
    numfmt fmt;
} custom_fmt;

/* The workbook's shared state, for the whole read. */
typedef struct workbook {
    pb_zip *z;
    const pb_limits *lim;
    pb_error *err;
    pb_arena *a; /* everything below, for the whole read */
    const pb_docx_sink *sink;
    bool date1904;
    const char **strings;
    size_t string_count, string_cap;
    int *xf_fmt; /* cellXfs index → numFmtId */
    size_t xf_count, xf_cap;
    custom_fmt *fmts;
    size_t fmt_count, fmt_cap;
    int sheets_read;
} workbook;

/* xlsx_format.c: a format code's first section. */
void pbi_xlsx_parse_format(const char *code, numfmt *f);
/* The text a number cell shows under its style; false only when out of
 * memory. */
bool pbi_xlsx_number_text(const workbook *wb, const char *stored, int style, pb_buf *out);
/* Excel's _xHHHH_ escapes of characters XML cannot hold, undone in place. */
void pbi_xlsx_unescape_x(char *s);

/* xlsx_styles.c */
bool pbi_xlsx_read_styles(workbook *wb, const char *part);
bool pbi_xlsx_read_shared_strings(workbook *wb, const char *part);

/* xlsx_sheet.c: one worksheet handed to the sink as table index. */
bool pbi_xlsx_read_sheet(workbook *wb, const char *part, const char *name, int index);

/* xlsx.c: part streamed through h, with the workbook's limits and error. */
bool pbi_xlsx_parse(workbook *wb, const char *part, const pbi_xml_handler *h);
/* Appends character data to b, bounded by the cell text limit. */
bool pbi_xlsx_append_text(workbook *wb, const char *part, pb_buf *b, const char *s, size_t n);
/* Whether ns is the SpreadsheetML namespace (Transitional or Strict). */
bool pbi_xlsx_is_sml(const char *ns);

/* The worksheet parts of the workbook, by table index — the sheets that
 * pbi_xlsx_read() reads, in its order (annotate: where a table's cells
 * are).  The list and the names are allocated in a. */
bool pbi_xlsx_sheet_parts(pb_zip *z, const char *workbook_part, const pb_limits *l, pb_arena *a, const char ***parts,
                          size_t *count, pb_error *e);

#pragma GCC visibility pop

#endif
