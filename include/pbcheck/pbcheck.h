/* pbcheck — validator for 项目支出绩效目标表 (project performance target tables).
 *
 * The pipeline: .docx → zip reader → WordprocessingML reader (tables) →
 * extractor → project model → checks → reporters.  This header is the whole
 * public API of libpbcheck.  Every object of one document lives in that
 * document's arena and is freed with pb_document_free().
 *
 * Thread safety: functions touch only their arguments; distinct documents may
 * be read and checked in parallel.  Messages are translated with dgettext()
 * (text domain "pbcheck"), so the process locale decides their language.
 */
#ifndef PBCHECK_H
#define PBCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version this header belongs to, and the JSON report's schema version.
 * The ABI is not stable before 1.0: rebuild against the header you link. */
#define PB_VERSION "0.1.0"
#define PB_JSON_SCHEMA_VERSION 1

/* The version of the library linked at run time ("0.1.0"), which may differ
 * from PB_VERSION when a program was built against another header. */
const char *pb_version(void);

/* ----------------------------------------------------------------- text */

/* Decodes the UTF-8 character at s into *cp and returns its length in bytes
 * (1-4).  Strict: only shortest forms, no surrogates, nothing past
 * U+10FFFF; any other byte (a stray continuation byte, a truncated or
 * overlong sequence) gives *cp = U+FFFD and length 1, so a scan always
 * moves on.  At the terminating NUL, *cp = 0 and the length is 1. */
int pb_utf8_decode(const char *s, unsigned *cp);

/* s made safe to show on a terminal: control characters other than tab and
 * newline (C0, DEL and C1, as in an ESC sequence from a cell's _x001B_ or a
 * file name) are written as \xHH or \uHHHH; everything else is kept as it
 * is.  Writes at most cap bytes to buf, NUL-terminated (cut before an
 * escape or character that does not fit), and returns the length the whole
 * text needs, without the NUL, like snprintf.  NULL s is "". */
size_t pb_safe_text(const char *s, char *buf, size_t cap);
/* Writes pb_safe_text(s) to out; false on a write error or out of memory. */
bool pb_fput_safe(FILE *out, const char *s);
/* A file name as people read it: each '/'-separated part that is UTF-8 is
 * kept, a part that is GB18030 (or GBK, its subset) is converted to UTF-8
 * (glibc's iconv; a part that would give a C1 control or a private-use
 * character is not taken for GB18030), and any other byte that is not UTF-8
 * is written \xHH.
 * The result is always valid UTF-8 (control characters are left to
 * pb_safe_text); it is the path itself when the path is UTF-8.  Writes at
 * most cap bytes to buf, NUL-terminated, and returns the length the whole
 * form needs, like snprintf.  NULL path is "". */
size_t pb_path_display(const char *path, char *buf, size_t cap);
/* An errno value in pbcheck's words and language ("no such file or
 * folder", 「没有这个文件或文件夹」), for the messages that cite one; a
 * value it does not name is "system error". */
const char *pb_strerror(int err);
/* Writes the display form of path made safe for a terminal
 * (pb_safe_text(pb_path_display(path))); false on a write error or out of
 * memory. */
bool pb_fput_path(FILE *out, const char *path);
/* path's bytes in base64 (RFC 4648, with padding), the form in which JSON
 * carries a name that is no UTF-8 ("path_bytes") so that it can be
 * reopened; bounded like pb_path_display. */
size_t pb_path_base64(const char *path, char *buf, size_t cap);

/* ---------------------------------------------------------------- arena */

typedef struct pb_arena pb_arena;

pb_arena *pb_arena_new(void);
void pb_arena_free(pb_arena *a);
/* Zeroed, 16-byte aligned memory; NULL when out of memory. */
void *pb_arena_alloc(pb_arena *a, size_t size);
char *pb_arena_strndup(pb_arena *a, const char *s, size_t n);
char *pb_arena_strdup(pb_arena *a, const char *s);
size_t pb_arena_bytes(const pb_arena *a);

/* -------------------------------------------------------------- decimal */

/* An exact decimal: value = micro / 10^6.  `digits` is the number of
 * fraction digits as written, so 237.00 prints as "237.00" again. */
#define PB_DECIMAL_SCALE 1000000LL
#define PB_DECIMAL_MAX_DIGITS 6

typedef struct pb_decimal {
    int64_t micro;
    int digits;
} pb_decimal;

/* Parses [+-]digits[.digits] with optional thousands commas ("2,370,000").
 * Returns false on anything else, on more than 6 fraction digits and on
 * overflow. */
bool pb_decimal_parse(const char *s, size_t len, pb_decimal *out);
/* Writes the decimal with its own digits; buf needs PB_DECIMAL_BUFSIZE. */
#define PB_DECIMAL_BUFSIZE 32
char *pb_decimal_format(pb_decimal d, char *buf);
int pb_decimal_cmp(pb_decimal a, pb_decimal b);
/* False on overflow. */
bool pb_decimal_add(pb_decimal a, pb_decimal b, pb_decimal *out);
/* Multiplies by 10^exp (exp may be negative; false when precision or range
 * would be lost). */
bool pb_decimal_scale10(pb_decimal a, int exp, pb_decimal *out);
pb_decimal pb_decimal_from_int(int64_t v);

/* ------------------------------------------------------------- location */

/* Where something sits: table index in document order (0-based, nested
 * tables counted too), row (0-based) and grid column (0-based); -1 when not
 * known. */
/* Where in the document an element is: a table cell (table, row and col,
 * counted from 0; paragraph -1) or a body paragraph (table, row and col -1;
 * paragraph counted from 0 over the body's paragraphs in document order, as
 * pb_summary_item.paragraph).  PB_NOLOC, all -1, is "nowhere". */
typedef struct pb_loc {
    int table;
    int row;
    int col;
    int paragraph;
} pb_loc;

#define PB_NOLOC ((pb_loc){-1, -1, -1, -1})
/* The location of body paragraph n. */
#define PB_PARAGRAPH_LOC(n) ((pb_loc){-1, -1, -1, (n)})

/* ---------------------------------------------------------------- tables */

typedef struct pb_cell {
    const char *text; /* paragraphs joined by '\n' */
    int row;          /* first row */
    int col;          /* first grid column */
    int row_span;
    int col_span;
} pb_cell;

typedef struct pb_row {
    pb_cell *cells; /* the cells that start in this row, by column */
    int count;
    bool header; /* w:tblHeader */
} pb_row;

typedef struct pb_table {
    int index;        /* a .docx table, or a .xlsx worksheet (one table per sheet) */
    const char *name; /* the worksheet's name; NULL for a .docx table */
    int parent_table; /* -1 for a top-level table */
    int parent_row;
    int parent_col;
    int width;
    int row_count;
    pb_row *rows;
    pb_cell **grid; /* row_count * width: the cell covering each slot, or NULL */
} pb_table;

/* The cell covering (row, col), NULL for gridBefore/After slots and outside. */
const pb_cell *pb_table_at(const pb_table *t, int row, int col);

/* ----------------------------------------------------------------- model */

typedef enum pb_op {
    PB_OP_NONE = 0,
    PB_OP_GE,
    PB_OP_LE,
    PB_OP_GT,
    PB_OP_LT,
    PB_OP_EQ
} pb_op;

const char *pb_op_symbol(pb_op op); /* "≥", …; "" for none */
const char *pb_op_ascii(pb_op op);  /* ">=", …; NULL for none */

typedef enum pb_value_kind {
    PB_VALUE_EMPTY = 0,    /* blank cell */
    PB_VALUE_NUMBER,       /* [op] number [unit] */
    PB_VALUE_QUALITATIVE,  /* 好, 较好, 显著, 有所提升 … */
    PB_VALUE_UNPARSED      /* something else */
} pb_value_kind;

/* A parsed 指标值. */
typedef struct pb_value {
    const char *raw; /* the cell text */
    pb_value_kind kind;
    pb_op op;
    pb_decimal number;
    const char *unit; /* canonical: "%", "‰", "万元", "元", "亿元", "人", … or "" */
    const char *text; /* qualitative text, normalised */
} pb_value;

/* Parses one 指标值 (full-width forms, word operators …) into out; strings
 * are allocated in the arena. False only when out of memory. */
bool pb_value_parse(pb_arena *a, const char *raw, pb_value *out);

typedef struct pb_field {
    const char *text; /* NULL when the table has no such cell */
    pb_loc loc;
} pb_field;

/* Which indicator block of a project a row belongs to: the annual one (the
 * only one of most layouts) or the 长期/中期 block of a 申报表. */
typedef enum pb_term {
    PB_TERM_ANNUAL = 0,
    PB_TERM_LONG
} pb_term;

typedef struct pb_indicator {
    pb_field level1, level2, level3, description, basis;
    pb_field value_cell;
    /* Parsed 指标值.  Where the table has separate 计算符号/指标性质 and
     * 计量单位 columns, value.raw is the three joined ("≥" "95" "%" →
     * "≥95%"); otherwise it is value_cell's text. */
    pb_value value;
    pb_loc loc; /* the row */
    /* Columns of other layouts; text NULL when the table has no such column. */
    pb_field unit_cell;   /* 计量单位 / 度量单位 */
    pb_field value_type;  /* 指标值类型: 定量 / 定性 */
    pb_field comparator;  /* 计算符号 / 指标性质, as written ("≥", "5", "定性") */
    pb_field explanation; /* 指标解释 */
    pb_field scoring;     /* 评(扣)分标准 */
    pb_field remark;      /* 备注 */
    pb_field weight;      /* 权重 */
    pb_term term;
    pb_field direction;   /* 指标方向: 正向 / 反向, kept beside 计算符号 */
    /* 评价标准 优 | 良 | 中 | 差 (value_cell is the 优 threshold); text NULL
     * where the table grades nothing */
    pb_field grades[4];
} pb_indicator;

typedef struct pb_checkpoint {
    const char *label; /* "3月底" */
    const char *raw;   /* the cell text */
    bool present;      /* a percentage was given */
    bool valid;        /* raw parsed as a percentage (or blank) */
    pb_decimal percent;
    pb_loc loc;
} pb_checkpoint;

typedef struct pb_schedule {
    pb_checkpoint *items;
    size_t count;
    pb_loc loc;
} pb_schedule;

typedef struct pb_amount {
    bool present; /* false: blank, "not given" */
    bool valid;   /* the text parsed as an amount */
    pb_decimal value; /* in the project's unit */
    const char *raw;
    pb_loc loc;
} pb_amount;

typedef enum pb_money_unit {
    PB_UNIT_UNKNOWN = 0,
    PB_UNIT_YUAN,
    PB_UNIT_WANYUAN,
    PB_UNIT_YIYUAN
} pb_money_unit;

const char *pb_money_unit_name(pb_money_unit u); /* "元", "万元", "亿元", NULL */
/* Power of ten of the unit in 元 (0, 4, 8). */
int pb_money_unit_exp(pb_money_unit u);

/* One part of the funds as the table writes it: 财政拨款, 自有资金, 其他资金 … */
typedef struct pb_fund {
    const char *label; /* normalised, white space dropped */
    bool fiscal;       /* 财政拨款 / 财政资金 */
    pb_amount amount;
    bool long_term;    /* a whole-project part beside the year's parts (long_fiscal / long_other) */
} pb_fund;

/* The key/value layout a project was read from. */
typedef enum pb_layout {
    PB_LAYOUT_REFERENCE = 0, /* 项目编码 … 预算数 / 其中：财政资金 / 其他资金 */
    PB_LAYOUT_DECLARATION    /* 项目支出绩效目标申报表: 项目资金 split into parts */
} pb_layout;

/* The fields a template family's tables have (pb_template.fields): PB402
 * asks only for these. */
enum {
    PB_TF_CODE = 1u << 0,      /* 项目编码 */
    PB_TF_NAME = 1u << 1,      /* 项目名称 */
    PB_TF_TOTAL = 1u << 2,     /* 预算数 / 资金总额 */
    PB_TF_SCHEDULE = 1u << 3,  /* 资金支出计划 */
    PB_TF_GOALS = 1u << 4,     /* 年度目标 / 绩效目标 */
    PB_TF_LONG_GOALS = 1u << 5, /* 中期 / 长期目标 */
    PB_TF_INDICATORS = 1u << 6 /* 一级/二级/三级 and 指标值 */
};

/* A template family: the layout offices fill in, recognised by its labels
 * (docs/layouts.md lists them). */
typedef struct pb_template {
    const char *id;   /* "yitihua", "declaration", "midterm", "indicators", as JSON writes it */
    const char *name; /* as offices name it (Chinese) */
    unsigned fields;  /* PB_TF_* bits that a complete table of the family has */
} pb_template;

typedef struct pb_project {
    int number;           /* 1-based, in document order */
    const char *title;    /* the heading paragraph before the table, or NULL */
    const char *org;      /* "816001曹妃甸区…本级" line, or NULL */
    pb_money_unit unit;
    pb_field unit_text;   /* "单位：万元" */
    pb_field code;        /* 项目编码 */
    pb_field name;        /* 项目名称 */
    pb_amount total;      /* 预算数 / 资金总额 */
    pb_amount fiscal;     /* 其中：财政资金 / 财政拨款 */
    pb_amount other;      /* 其他资金, or the sum of every non-fiscal part */
    pb_field purpose;     /* 资金用途 */
    pb_schedule schedule; /* 资金支出计划（%） */
    pb_field goals_cell;  /* 绩效目标 */
    const char **goals;   /* its numbered lines */
    size_t goal_count;
    pb_indicator *indicators;
    size_t indicator_count;
    bool has_indicator_table;
    pb_loc loc;           /* the 项目编码 label cell, or the table */
    int first_table, last_table;
    pb_layout layout;
    pb_fund *funds;       /* the parts of 项目资金 as written (fiscal and other included) */
    size_t fund_count;
    /* 申报表 header fields; text NULL when the table has none. */
    pb_field attribute;   /* 项目属性 */
    pb_field department;  /* 主管部门 */
    pb_field implementer; /* 实施单位 */
    pb_field manager;     /* 项目负责人 */
    pb_field phone;       /* 联系电话 */
    pb_field period;      /* 起止时间 */
    pb_field long_goals_cell; /* 长期目标 / 中期目标 */
    const char **long_goals;
    size_t long_goal_count;
    /* The family its labels identify; NULL when they identify none (the
     * fields it cannot place are then reported as info). */
    const pb_template *template_family;
    /* Where a table gives the year's amounts (当年 / 年度 / 本年度) beside
     * the whole project's (资金总额 of a 中期 table), total/fiscal/other hold
     * the year's and these the whole project's; else they are absent. */
    pb_amount long_total, long_fiscal, long_other;
    bool whole_department; /* a 部门整体 table (pb_document.departments) */
    /* Where title and org were read: a body paragraph, or the table's title
     * row or unit row; PB_NOLOC when NULL.  The goal lines are located at
     * goals_cell.loc and long_goals_cell.loc. */
    pb_loc title_loc, org_loc;
} pb_project;

/* ------------------------------------------------------------- findings */

typedef enum pb_severity {
    PB_SEV_OFF = 0,
    PB_SEV_INFO = 1,
    PB_SEV_WARNING = 2,
    PB_SEV_ERROR = 3
} pb_severity;
/* The number of severities, off included: arrays indexed by pb_severity. */
#define PB_SEVERITY_COUNT 4

const char *pb_severity_name(pb_severity s); /* "info", "warning", "error" */
bool pb_severity_parse(const char *s, pb_severity *out);

typedef struct pb_rule {
    const char *id;      /* "PB101" */
    const char *slug;    /* "schedule-checkpoint-blank" */
    pb_severity severity; /* default */
    const char *summary; /* one line, English msgid */
    const char *explanation; /* what and why, with its source (English msgid) */
    const char *example;     /* a value or layout that fails (English msgid) */
    const char *fix;         /* how to fix it (English msgid) */
    /* Opinionated: off by default, on with the strict preset, when a
     * --select names it, or when the configuration gives it a severity. */
    bool strict;
} pb_rule;

/* The most rules the catalogue may hold (pb_config and per-rule tables). */
#define PB_RULES_MAX 64

/* The rule catalogue, ordered by ID. */
const pb_rule *pb_rules(size_t *count);
/* By ID or slug (case-insensitive ID). */
const pb_rule *pb_rule_find(const char *id_or_slug);
/* The rule's position in the array pb_rules() returns (SARIF's ruleIndex). */
int pb_rule_index(const pb_rule *r);

typedef struct pb_finding {
    const pb_rule *rule;
    pb_severity severity;
    const char *message; /* translated, quotes the document's words */
    const pb_project *project; /* NULL for document-level findings */
    pb_loc loc;
    /* pb_finding_subject's text, kept when the project's indicators are
     * not (a streamed read); NULL: worked out from the project */
    const char *subject;
} pb_finding;

/* ---------------------------------------------------------------- errors */

/* Why a file could not be read.  The codes are stable (JSON `error.code`). */
typedef enum pb_status {
    PB_OK = 0,
    PB_ERR_IO,
    PB_ERR_EMPTY,
    PB_ERR_FILE_TOO_LARGE,
    PB_ERR_NOT_ZIP,
    PB_ERR_OLE,
    PB_ERR_ZIP_CORRUPT,
    PB_ERR_ZIP_TOO_MANY_ENTRIES,
    PB_ERR_ZIP_DUPLICATE,
    PB_ERR_ZIP_ENCRYPTED,
    PB_ERR_ZIP_METHOD,
    PB_ERR_ZIP_RATIO,
    PB_ERR_PART_TOO_LARGE,
    PB_ERR_NO_MAIN_PART,
    PB_ERR_XML_MALFORMED,
    PB_ERR_XML_DOCTYPE,
    PB_ERR_XML_TOO_DEEP,
    PB_ERR_XML_ENCODING,
    PB_ERR_TOO_MANY_TABLES,
    PB_ERR_TABLE_TOO_LARGE,
    PB_ERR_GRID_TOO_WIDE,
    PB_ERR_CELL_TOO_LARGE,
    PB_ERR_TABLES_TOO_DEEP,
    PB_ERR_TIMEOUT,
    PB_ERR_NOMEM,
    PB_ERR_INTERNAL,
    /* An element with more attributes and namespace declarations than the
     * reader counts (an attribute flood), refused before it is parsed. */
    PB_ERR_XML_TOO_MANY_ATTRIBUTES,
    PB_STATUS_COUNT
} pb_status;

const char *pb_status_code(pb_status s); /* "not-a-zip", … */

typedef struct pb_error {
    pb_status status;
    char message[512]; /* one line, translated, without the file name */
} pb_error;

/* --------------------------------------------------------------- options */

typedef struct pb_limits {
    uint64_t max_file_size;    /* bytes of the .docx */
    uint64_t max_part_size;    /* inflated bytes of one part */
    uint64_t max_total_size;   /* inflated bytes of all parts read */
    uint32_t max_entries;      /* zip entries */
    uint32_t max_ratio;        /* inflated:compressed, checked past ratio_grace */
    uint64_t ratio_grace;      /* bytes inflated before the ratio counts */
    uint32_t max_depth;        /* XML element depth */
    uint32_t max_table_depth;  /* nested tables */
    uint32_t max_tables;       /* tables in the document */
    uint32_t max_columns;      /* grid columns of a table */
    uint32_t max_rows;         /* rows of a table */
    uint64_t max_cells;        /* grid slots (rows × columns) of a table */
    uint64_t max_cell_text;    /* bytes of one cell's text */
    /* Wall-clock milliseconds one file may take to read (0: no limit); past
     * it the read stops at the next chunk with PB_ERR_TIMEOUT. */
    uint64_t max_millis;
} pb_limits;

void pb_limits_default(pb_limits *l);

typedef struct pb_options {
    pb_limits limits;
    bool keep_tables; /* keep every table in the document (for `tables`) */
    /* Keep a copy of the tables a project was read from (for the HTML
     * report); on by default, off saves memory per project. */
    bool keep_project_tables;
    /* Read the package on a thread of its own while the calling thread
     * extracts and checks what has been read (pb_project_fn is still called
     * on the calling thread, in the same order): with a second core free, a
     * file takes about the reading's time instead of reading and checking
     * one after the other.  Off by default; it costs a copy of each table. */
    bool read_on_own_thread;
} pb_options;

void pb_options_default(pb_options *o);

/* ------------------------------------------------------------- document */

typedef struct pb_summary_item {
    const char *text; /* "街道专项工作经费" from "（一）街道专项工作经费" */
    int paragraph;    /* body paragraph index */
} pb_summary_item;

/* What a table was recognised as. */
typedef enum pb_table_kind {
    PB_TABLE_UNKNOWN = 0,
    PB_TABLE_TARGET,
    PB_TABLE_SELF_EVALUATION /* 绩效自评表: not a target table, not checked */
} pb_table_kind;

/* A recognised table (or part of a worksheet) that is not checked. */
typedef struct pb_skipped_table {
    pb_table_kind kind;
    const char *title; /* its heading, or NULL */
    pb_loc loc;        /* its first row */
} pb_skipped_table;

typedef enum pb_format {
    PB_FORMAT_DOCX = 0,
    PB_FORMAT_XLSX /* pb_loc.table is the worksheet, row/col its cell (A1 = 0, 0) */
} pb_format;

typedef struct pb_document {
    pb_arena *arena;
    const char *path;
    pb_error error; /* status PB_OK when the file was read */
    pb_project **projects;
    size_t project_count;
    pb_table **tables; /* all tables when keep_tables, else the projects' */
    size_t table_count;
    int tables_seen;   /* tables in the document */
    pb_summary_item *summary;
    size_t summary_count;
    pb_finding *findings;
    size_t finding_count;
    pb_format format;
    pb_skipped_table *skipped; /* self-evaluation tables, in document order */
    size_t skipped_count;
    /* .xlsx: the worksheet name of each table index (NULL where unknown),
     * kept whatever keep_tables says; none for a .docx */
    const char **sheet_names;
    size_t sheet_name_count;
    /* 部门整体 target tables (部门名称, 部门编码): the department's name in
     * name, its goals and indicators; never among projects */
    pb_project **departments;
    size_t department_count;
    /* path as people read it (pb_path_display); the same pointer as path
     * when path is UTF-8.  NULL in a document built by hand: the reporters
     * then show path itself. */
    const char *display_path;
    /* read by pb_check_file or pb_check_memory: the projects are their
     * identity only (see there) */
    bool streamed;
} pb_document;

/* Reads a .docx or a .xlsx (told apart by the package's main part, not by
 * the file name).  Returns NULL only when out of memory; otherwise the
 * document, whose error.status says whether it could be read.  A document
 * that could not be read has no projects. */
pb_document *pb_read_file(const char *path, const pb_options *opt);
/* The same from memory (the buffer must outlive the call only). */
pb_document *pb_read_memory(const void *data, size_t len, const char *name,
                            const pb_options *opt);
void pb_document_free(pb_document *d);

/* How the extractor's label lexicon sees one table: the template family its
 * labels identify and the labels it found and misses (`pbcheck tables`).
 * Names point into static data; the struct needs no freeing. */
#define PB_RECOGNITION_LABELS 32
typedef struct pb_recognition {
    const char *family;      /* "yitihua", "declaration", "midterm", "indicators"; NULL: none */
    const char *family_name; /* the family as offices name it (Chinese), or NULL */
    const char *found[PB_RECOGNITION_LABELS]; /* the labels met, by the lexicon's names */
    size_t found_count;
    /* The labels the family requires (with no family: those a project table
     * has at least) that the table lacks; inside[i] when missing[i] appears
     * only inside a longer cell text ("项目名称：xxx"). */
    const char *missing[PB_RECOGNITION_LABELS];
    bool inside[PB_RECOGNITION_LABELS];
    size_t missing_count;
} pb_recognition;

/* Fills r for table t (a table of pb_document.tables). */
void pb_table_recognize(const pb_table *t, pb_recognition *r);

/* --------------------------------------------------------------- checks */

/* A minimum for one checkpoint of the spending schedule. */
typedef struct pb_checkpoint_minimum {
    const char *label; /* as the table writes it, normalised ("6月底") */
    pb_decimal percent;
} pb_checkpoint_minimum;

typedef enum pb_schedule_mode {
    PB_SCHEDULE_PRACTICE = 0,
    PB_SCHEDULE_STRAIGHT_LINE,
    PB_SCHEDULE_LISTED
} pb_schedule_mode;

/* What the checks run with: per-rule severities, the rules selected, and
 * the thresholds that differ between offices.  pb_config_default() gives
 * the built-in values without allocating; a configuration read from JSON
 * owns an arena (free it with pb_config_free(); do not copy the struct). */
typedef struct pb_config {
    pb_severity severity[PB_RULES_MAX]; /* by rule index, where configured[] */
    bool configured[PB_RULES_MAX];      /* severity[] overrides the default */
    bool deselected[PB_RULES_MAX];      /* turned off by select/ignore */
    bool selected[PB_RULES_MAX];        /* named by --select: on even when strict */
    bool strict;                        /* the strict preset: opinionated rules on too */
    pb_decimal satisfaction_floor;      /* percent; default 80 */
    /* Schedule minimums: the written practice (none before July, then 40 %
     * by 7月底 rising 10 points a month to 80 % by 11月底), a straight line
     * through the year (the month a label names × 100/12 %), or exactly
     * the labels listed. */
    pb_schedule_mode schedule_mode;
    const pb_checkpoint_minimum *schedule_minimums;
    size_t schedule_minimum_count;
    int min_indicators;                 /* 三级 indicators per table; default 3 */
    const char *code_pattern;           /* POSIX extended regular expression; NULL: none */
    const char *const *vague_names;     /* normalised; matched whole */
    size_t vague_name_count;
    const char *const *basis_vocabulary; /* normalised; matched as substrings */
    size_t basis_vocabulary_count;
    pb_arena *arena;                    /* owns what was read; NULL for defaults */
} pb_config;

void pb_config_default(pb_config *c);
/* The minimum share PB106 holds the checkpoint `label` ("10月底", as the
 * table writes it) to under c (the written practice, a straight line or
 * the configured list); false when the checkpoint has none.  The HTML
 * report draws the same minimums. */
bool pb_config_checkpoint_minimum(const pb_config *c, const char *label, pb_decimal *min);
void pb_config_free(pb_config *c);
/* The severity a rule runs with under c (c may be NULL): off when
 * deselected, the configured severity, off for a strict rule outside the
 * strict preset unless selected, else the rule's default. */
pb_severity pb_config_severity(const pb_config *c, const pb_rule *r);

/* Reads a JSON configuration (see docs/rules.md) over c, which holds the
 * defaults or an earlier configuration.  On a bad key or value returns
 * false with a one-line message naming the key in err; c is then left as
 * it was.  `source` names the text in messages (a file name). */
bool pb_config_parse(pb_config *c, const char *json, size_t len, const char *source, char *err,
                     size_t errlen);
/* The same from a file (at most 1 MiB). */
bool pb_config_load(pb_config *c, const char *path, char *err, size_t errlen);
/* The nearest `.pbcheck.json` in dir or a folder above it, as a malloc'd
 * path; NULL when there is none (or out of memory). */
char *pb_config_find(const char *dir);
/* Sets the preset by name: "default" (the rules with few false alarms on
 * legitimate filings) or "strict" (every rule).  False with a message in
 * err for another name. */
bool pb_config_preset(pb_config *c, const char *name, char *err, size_t errlen);
/* Narrows the rules that run, like ruff: `select` keeps only the rules a
 * selector matches, `ignore` turns the matched ones off; selectors are
 * comma-separated IDs, ID prefixes ("PB3", "PB20") or slugs, "ALL" for all,
 * and the most specific selector wins (ignore on a tie).  Either list may be
 * NULL.  False with err set for a selector that matches no rule. */
bool pb_config_select(pb_config *c, const char *select, const char *ignore, char *err,
                      size_t errlen);
/* The effective configuration as JSON that pb_config_parse() accepts
 * (malloc'd; NULL when out of memory). */
char *pb_config_json(const pb_config *c);

/* Runs every enabled rule and appends the findings to d (sorted by
 * project, location, rule).  False only when out of memory. */
bool pb_check(pb_document *d, const pb_config *c);

/* Reading and checking at once, a project at a time, so that memory does
 * not grow with the number of projects: each project (or 部门整体 table)
 * is checked as soon as its last table is read, handed to fn if not NULL,
 * then freed but for its identity.  fn sees the project whole, with its
 * findings so far among d->findings; p lives until fn returns.  false from
 * fn stops the read (error.status PB_ERR_INTERNAL; the caller knows why).
 * The document returned is as pb_read_file and pb_check leave it, except
 * that tables are never kept and d->streamed is set: its projects and
 * departments are their identity only — number, heading, code, name,
 * amounts, header fields and locations; no indicators, goals, funds,
 * schedule or 资金用途 (NULL, count 0) — and each finding on a project
 * carries its subject (pb_finding.subject).  The findings are complete and
 * sorted, the document-wide rules (PB312, PB5) included.  NULL only when
 * out of memory before anything was read. */
typedef bool (*pb_project_fn)(void *ctx, const pb_document *d, const pb_project *p);
pb_document *pb_check_file(const char *path, const pb_options *opt, const pb_config *c, pb_project_fn fn,
                           void *ctx);
pb_document *pb_check_memory(const void *data, size_t len, const char *name, const pb_options *opt,
                             const pb_config *c, pb_project_fn fn, void *ctx);

/* -------------------------------------------------------------- reports */

/* The JSON object of one file (cJSON is an implementation detail; the text
 * is returned, allocated with malloc). */
char *pb_report_json_file(const pb_document *d);
/* The same object written to out as it is built; false when out of memory
 * or on a write error.  A streamed document (d->streamed) has no projects
 * left to write: its "projects" and "departments" are empty here; the json
 * reporter writes them as they are read (pb_reporter.project). */
bool pb_report_json_write(FILE *out, const pb_document *d);

typedef struct pb_text_style {
    bool color;
    pb_severity fail_on;      /* the verdict fails at or above it; PB_SEV_OFF: error */
    pb_severity min_severity; /* findings below it are not shown; PB_SEV_OFF: all */
    bool mark_hints;          /* as pb_report_file.mark_hints */
} pb_text_style;

/* Human-readable report of one file: its verdict (通过 / 需修改：N 处错误…),
 * then the findings of the document and of each project, errors first; the
 * first finding of each rule ends with `pbcheck explain PBnnn`.  Text from
 * the document is shown through pb_safe_text.  false: out of memory (nothing
 * written). */
bool pb_report_text_file(FILE *out, const pb_document *d, const pb_text_style *s);

/* ------------------------------------------- batch and CI reports (run) */

/* A finding's identity across runs: a hash of the path as given (leading
 * "./" dropped), the project's 项目编码 (else its 项目名称), the rule ID, the
 * finding's subject and its occurrence among findings with the same key.
 * Row and column numbers never enter, so inserting a row keeps it. */
#define PB_FINGERPRINT_SIZE 33 /* 32 hex digits and NUL */
typedef struct pb_fingerprint {
    char hex[PB_FINGERPRINT_SIZE];
} pb_fingerprint;

/* What a finding is about, in the document's labels: the indicator's
 * "一级/二级/三级" names, "资金支出计划/3月底", "预算数", or "" (the whole
 * project or document).  Written to buf (cut to cap); returns buf. */
const char *pb_finding_subject(const pb_finding *f, char *buf, size_t cap);
/* One fingerprint per finding of d, in order (malloc'd, at least one
 * element); NULL when out of memory. */
pb_fingerprint *pb_fingerprints(const pb_document *d);

/* Totals of a run, for the parts of a report that close it. */
typedef struct pb_run_totals {
    size_t files, unreadable, projects;
    size_t departments; /* 部门整体 tables, counted apart from projects */
    size_t findings[PB_SEVERITY_COUNT]; /* reported findings by pb_severity */
    size_t baselined;         /* findings left out because the baseline has them */
    size_t rule_findings[PB_RULES_MAX]; /* reported findings by rule (pb_rules() order) */
    int exit_status;          /* the caller's, shown as it is (the library owns no exit statuses) */
    bool execution_failed;    /* a file could not be read or the run failed: SARIF's executionSuccessful */
} pb_run_totals;

/* One file as the reporters see it. */
typedef struct pb_report_file {
    const pb_document *doc;
    const pb_fingerprint *fingerprints; /* one per finding of doc */
    pb_severity fail_on;                /* JUnit: findings at or above it fail */
    bool color;                         /* text: ANSI colours */
    pb_severity min_severity;           /* text: findings shown (-S); PB_SEV_OFF: all */
    double seconds;                     /* reading and checking it took; < 0: unknown */
    const pb_config *config;            /* html: the schedule minimums drawn; NULL: defaults */
    /* text: mark each rule's `pbcheck explain` hint as PB_HINT_MARK, ID,
     * PB_HINT_TEXT, the hint, PB_HINT_END, so that the caller keeps the
     * first of each rule in the whole run (pb_reporter.marks_hints) */
    bool mark_hints;
    /* doc->streamed: what pb_reporter.project wrote of its projects and of
     * its departments, rewound (NULL when it wrote nothing) */
    FILE *projects, *departments;
} pb_report_file;

/* The marks around a hint (control characters never written from a
 * document's text, which goes through pb_safe_text). */
#define PB_HINT_MARK '\x1e'
#define PB_HINT_TEXT '\x1f'
#define PB_HINT_END '\x1d'

/* A report format.  A run is written as begin, each file's chunk (with
 * `separator` between two non-empty chunks), mid (may be NULL), each file's
 * tail chunk (SARIF's notifications, `tail_separator` between them), end.
 * A chunk depends on its file only, so files can be rendered on several
 * threads and the output stays the same byte for byte.  Functions return
 * false when out of memory. */
typedef struct pb_reporter {
    const char *name;
    const char *separator, *tail_separator;
    bool (*begin)(FILE *out);
    bool (*file)(FILE *out, FILE *tail, const pb_report_file *f);
    bool (*mid)(FILE *out, const pb_run_totals *t);
    bool (*end)(FILE *out, const pb_run_totals *t);
    /* file reads pb_report_file.fingerprints; when false they may be NULL
     * (the caller need not compute them) */
    bool fingerprints;
    /* file reads each project's tables (pb_project.tables): the caller
     * must read with pb_options.keep_project_tables */
    bool needs_tables;
    /* When set, the caller writes the run to a temporary file and then
     * calls finish(log, out, totals) with log rewound, to write the final
     * report to out (SARIF: cut to GitHub's limits); NULL: written as is. */
    bool (*finish)(FILE *log, FILE *out, const pb_run_totals *t);
    /* Each file's chunk is a page of its own (HTML): a folder target gets
     * begin, the chunk and end(NULL) per file, and pb_html_index. */
    bool pages;
    /* file marks its hints when pb_report_file.mark_hints (text) */
    bool marks_hints;
    /* file takes a streamed document (pb_check_file, d->streamed): it
     * reads the findings and the projects' identities only, and what
     * project wrote.  False (HTML, export): the caller reads the file whole. */
    bool streams;
    /* A streamed read frees each project once checked: a format that shows
     * more of a project than its identity writes that part here, while the
     * project is whole, to a spool (the caller's temporary file; one for
     * the projects, one for the departments), and file then copies
     * pb_report_file.projects / .departments in its place (JSON).  NULL:
     * findings and identities are all file reads. */
    bool (*project)(FILE *spool, const pb_document *d, const pb_project *p);
} pb_reporter;

/* The format called name (one of pb_reporter_names()); NULL for another
 * name. */
const pb_reporter *pb_reporter_find(const char *name);
/* The i-th format of the registry, counted from 0; NULL past the last, so
 * that a help text or a completion can list them all. */
const pb_reporter *pb_reporter_at(size_t i);
/* Every format's name, comma-separated ("text, json, …, html"), for
 * messages. */
const char *pb_reporter_names(void);

extern const pb_reporter pb_reporter_text;   /* for people, by file and project (report/text.c) */
extern const pb_reporter pb_reporter_json;   /* one JSON document (report/json.c) */
extern const pb_reporter pb_reporter_jsonl;  /* one JSON object per file and line (report/json.c) */
extern const pb_reporter pb_reporter_sarif;  /* SARIF 2.1.0 (report/sarif.c) */
extern const pb_reporter pb_reporter_junit;  /* JUnit XML (report/junit.c) */
extern const pb_reporter pb_reporter_github; /* workflow commands (report/github.c) */
extern const pb_reporter pb_reporter_gitlab; /* Code Quality JSON (report/gitlab.c) */
extern const pb_reporter pb_reporter_csv;    /* findings, UTF-8 with BOM (report/csv.c) */
extern const pb_reporter pb_reporter_html;   /* the tables redrawn, findings on their cells (report/html.c) */

/* GitHub code scanning's limits on an uploaded SARIF file. */
#define PB_SARIF_MAX_RESULTS 25000 /* results per run */
#define PB_SARIF_MAX_RUNS 20       /* runs per file */
/* Copies the SARIF log read from in to out, cut to max_results results per
 * run and max_runs runs: errors are kept before warnings before notes (each
 * in its first order), and the first invocation gets a notification
 * (descriptor pbcheck-results-left-out / pbcheck-runs-left-out) saying how
 * many were left out.  *dropped (may be NULL) gets that number.  A log
 * within the limits is written unchanged but reformatted.  False when in is
 * not a SARIF log, on a read or write error, or when out of memory. */
bool pb_sarif_limit(FILE *in, FILE *out, size_t max_results, size_t max_runs, size_t *dropped);

/* The HTML of several files is an index and a page per file, never one
 * page.  pb_html_page_name: the page's file name for the document at path
 * ("f" and 16 hex digits ".html"; the same path gives the same name).
 * pb_html_index: from a run written by pb_reporter_html (read from log),
 * the index page — one row per file: path (linked to its page when link),
 * 预算单位, projects, errors, warnings, verdict — written to out; without
 * link the page says that only the index is shown.  False on a read or
 * write error or out of memory. */
void pb_html_page_name(const char *path, char *buf, size_t cap);
bool pb_html_index(FILE *log, FILE *out, const pb_run_totals *t, bool link);

/* `pbcheck export`: one row per project, as CSV (UTF-8 with BOM) or as a
 * JSON array (report_export.c); same begin/file/end protocol. */
extern const pb_reporter pb_reporter_export_csv;
extern const pb_reporter pb_reporter_export_json;

/* ------------------------------------------------------------ annotate */

/* `pbcheck annotate`: writes to out a copy of the .docx d was read
 * from (d->path, checked with pb_check()) with one Word comment (批注, author
 * "pbcheck") per finding at or above min_severity on the cell the finding
 * points at (on the body paragraph, for a finding whose location is one) —
 * severity, rule ID and title, then the message — and one comment on the
 * first table with the verdict (a finding at or above fail_on fails; every
 * finding counts, whatever min_severity) and the counts.  Only
 * comment anchors and reference runs are inserted into the main part; its
 * relationships and [Content_Types].xml gain the comments part if they lack
 * it; every other part is copied with its compressed bytes unchanged.  The
 * copy is built in memory and written to out only when complete (the
 * caller makes that write all-or-nothing).  *comments (may be NULL) is the
 * number of comments written.  False with e set: PB_ERR_IO for
 * a write error; d's own error when it could not be read; PB_ERR_NO_MAIN_PART
 * for a .xlsx ("annotate does not support .xlsx yet"). */
bool pb_annotate_write(const pb_document *d, FILE *out, pb_severity fail_on, pb_severity min_severity,
                       size_t *comments, pb_error *e);

#ifdef __cplusplus
}
#endif

#endif
