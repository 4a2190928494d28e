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
typedef struct pb_loc {
    int table;
    int row;
    int col;
} pb_loc;

#define PB_NOLOC ((pb_loc){-1, -1, -1})

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
} pb_fund;

/* The key/value layout a project was read from. */
typedef enum pb_layout {
    PB_LAYOUT_REFERENCE = 0, /* 项目编码 … 预算数 / 其中：财政资金 / 其他资金 */
    PB_LAYOUT_DECLARATION    /* 项目支出绩效目标申报表: 项目资金 split into parts */
} pb_layout;

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
} pb_project;

/* ------------------------------------------------------------- findings */

typedef enum pb_severity {
    PB_SEV_OFF = 0,
    PB_SEV_INFO = 1,
    PB_SEV_WARNING = 2,
    PB_SEV_ERROR = 3
} pb_severity;

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

/* --------------------------------------------------------------- checks */

/* A minimum for one checkpoint of the spending schedule. */
typedef struct pb_checkpoint_minimum {
    const char *label; /* as the table writes it, normalised ("6月底") */
    pb_decimal percent;
} pb_checkpoint_minimum;

/* What the checks run with: per-rule severities, the rules selected, and
 * the thresholds that differ between offices.  pb_config_default() gives
 * the built-in values without allocating; a configuration read from JSON
 * owns an arena (free it with pb_config_free(); do not copy the struct). */
typedef struct pb_config {
    pb_severity severity[PB_RULES_MAX]; /* by rule index, where configured[] */
    bool configured[PB_RULES_MAX];      /* severity[] overrides the default */
    bool deselected[PB_RULES_MAX];      /* turned off by select/ignore */
    pb_decimal satisfaction_floor;      /* percent; default 80 */
    /* Schedule minimums: a straight line through the year (the month a label
     * names × 100/12 %), or exactly the labels listed. */
    bool schedule_straight_line;
    const pb_checkpoint_minimum *schedule_minimums;
    size_t schedule_minimum_count;
    int min_indicators;                 /* 三级 indicators per table; default 3 */
    const char *code_pattern;           /* POSIX extended regular expression */
    const char *const *vague_names;     /* normalised; matched whole */
    size_t vague_name_count;
    const char *const *basis_vocabulary; /* normalised; matched as substrings */
    size_t basis_vocabulary_count;
    pb_arena *arena;                    /* owns what was read; NULL for defaults */
} pb_config;

void pb_config_default(pb_config *c);
void pb_config_free(pb_config *c);
/* The severity a rule runs with under c (c may be NULL): off when
 * deselected, the configured severity, else the rule's default. */
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

/* -------------------------------------------------------------- reports */

/* The JSON object of one file (cJSON is an implementation detail; the text
 * is returned, allocated with malloc). */
char *pb_report_json_file(const pb_document *d);
/* The same object written to out as it is built; false when out of memory
 * or on a write error. */
bool pb_report_json_write(FILE *out, const pb_document *d);

typedef struct pb_text_style {
    bool color;
} pb_text_style;

/* Human-readable report of one file. */
void pb_report_text_file(FILE *out, const pb_document *d, const pb_text_style *s);

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
    size_t findings[4];       /* reported findings by pb_severity */
    size_t baselined;         /* findings left out because the baseline has them */
    size_t rule_findings[64]; /* reported findings by rule (pb_rules() order) */
    int exit_status;
} pb_run_totals;

/* One file as the reporters see it. */
typedef struct pb_report_file {
    const pb_document *doc;
    const pb_fingerprint *fingerprints; /* one per finding of doc */
    pb_severity fail_on;                /* JUnit: findings at or above it fail */
    bool color;                         /* text: ANSI colours */
} pb_report_file;

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
} pb_reporter;

/* "text", "json", "jsonl", "sarif", "junit", "github", "gitlab", "csv";
 * NULL for another name. */
const pb_reporter *pb_reporter_find(const char *name);
/* The names above, comma-separated, for messages. */
const char *pb_reporter_names(void);

extern const pb_reporter pb_reporter_sarif;  /* SARIF 2.1.0 (report_sarif.c) */
extern const pb_reporter pb_reporter_junit;  /* JUnit XML (report_junit.c) */
extern const pb_reporter pb_reporter_github; /* workflow commands (report_github.c) */
extern const pb_reporter pb_reporter_gitlab; /* Code Quality JSON (report_gitlab.c) */
extern const pb_reporter pb_reporter_csv;    /* findings, UTF-8 with BOM (report_csv.c) */
extern const pb_reporter pb_reporter_html;   /* one self-contained page (report_html.c) */

/* `pbcheck export`: one row per project, as CSV (UTF-8 with BOM) or as a
 * JSON array (report_export.c); same begin/file/end protocol. */
extern const pb_reporter pb_reporter_export_csv;
extern const pb_reporter pb_reporter_export_json;

/* ------------------------------------------------------------ annotate */

/* `pbcheck annotate`: writes to out a copy of the .docx d was read
 * from (d->path, checked with pb_check()) with one Word comment (批注, author
 * "pbcheck") per finding on the cell the finding points at — severity, rule
 * ID and title, then the message — and one comment on the first table with
 * the verdict (a finding at or above fail_on fails) and the counts.  Only
 * comment anchors and reference runs are inserted into the main part; its
 * relationships and [Content_Types].xml gain the comments part if they lack
 * it; every other part is copied with its compressed bytes unchanged.  The
 * copy is built in memory and written to out only when complete (the
 * caller makes that write all-or-nothing).  *comments (may be NULL) is the
 * number of comments written.  False with e set: PB_ERR_IO for
 * a write error; d's own error when it could not be read; PB_ERR_NO_MAIN_PART
 * for a .xlsx ("annotate does not support .xlsx yet"). */
bool pb_annotate_write(const pb_document *d, FILE *out, pb_severity fail_on, size_t *comments, pb_error *e);

#ifdef __cplusplus
}
#endif

#endif
