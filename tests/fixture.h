/* The fixture builder: WordprocessingML text → .docx (libzip), so each edge
 * case of the reader is a small readable string in its test. */
#ifndef PB_FIXTURE_H
#define PB_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* Body markup helpers: string literals only, so they concatenate. */
#define P(text) "<w:p><w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r></w:p>"
#define TC(text) "<w:tc>" P(text) "</w:tc>"
#define TCP(props, text) "<w:tc><w:tcPr>" props "</w:tcPr>" P(text) "</w:tc>"
#define SPAN(n) "<w:gridSpan w:val=\"" #n "\"/>"
#define VRESTART "<w:vMerge w:val=\"restart\"/>"
#define VCONT "<w:vMerge/>"
#define TR(cells) "<w:tr>" cells "</w:tr>"
#define TRP(props, cells) "<w:tr><w:trPr>" props "</w:trPr>" cells "</w:tr>"
#define TBL(rows) "<w:tbl><w:tblPr/>" rows "</w:tbl>"

typedef struct fx_part {
    const char *name;
    const char *data;
    size_t len; /* 0: strlen(data) */
} fx_part;

/* A zip of the given parts, in memory (malloc'd) or in a file. */
void *fx_zip_mem(const fx_part *parts, size_t n, size_t *len);
bool fx_zip_file(const char *path, const fx_part *parts, size_t n);

/* document.xml text of a body. */
char *fx_document_xml(const char *body);
/* A minimal .docx (content types, package rels, word/document.xml). */
void *fx_docx_mem(const char *body, size_t *len);
bool fx_docx_file(const char *path, const char *body);

/* One project in the reference layout (a key/value table and an indicator
 * table); fields left NULL take the reference document's project 1. */
typedef struct fx_indicator {
    const char *l1, *l2, *l3, *desc, *value, *basis;
} fx_indicator;

typedef struct fx_project {
    const char *title, *unit_line, *code, *name, *total, *fiscal, *other, *purpose;
    const char *labels[4], *sched[4];
    const char *goals;
    bool goals_nested; /* the goal lines in a table nested in the 绩效目标 cell */
    const char *period_label, *period; /* a row 起止时间 | 2023-2025 after 项目编码; none when NULL */
    const fx_indicator *indicators; /* NULL: the reference's nine */
    size_t indicator_count;
} fx_project;

/* Body markup of the projects, appended in order (malloc'd). */
char *fx_reference_body(const fx_project *projects, size_t n);

/* A project with its own indicator rows, for tests that edit them. */
#define FX_MAX_ROWS 16
typedef struct fx_table {
    fx_project p;
    fx_indicator rows[FX_MAX_ROWS];
    size_t n;
} fx_table;

/* A clean 楼门长补助 project under the given title, code and name: every
 * name says what is counted, every description how, every basis where the
 * target comes from, so no rule objects to it with the defaults. */
fx_table fx_clean_table(const char *title, const char *code, const char *name);
/* The clean project as 1.楼门长补助专项经费绩效目标表, 13020925P00146810002A. */
fx_table fx_subsidy_table(void);
/* Replaces t's rows with rows[0, n); false when they do not fit. */
bool fx_table_load(fx_table *t, const fx_indicator *rows, size_t n);
/* Removes row i; inserts row before row `at` (t->n appends); false when full. */
void fx_drop_row(fx_table *t, size_t i);
bool fx_insert_row(fx_table *t, size_t at, fx_indicator row);
/* Body markup of the tables (at most FX_MAX_TABLES), `before` (part 1 of a
 * filing, or NULL) ahead of them (malloc'd; NULL when n is too large). */
#define FX_MAX_TABLES 4
char *fx_tables_body(fx_table *t, size_t n, const char *before);

/* What a command run by an end-to-end test printed, and its exit status. */
typedef struct run_result {
    int status;
    char *out;
    char *err;
} run_result;

/* A file's whole content, NUL-terminated (malloc'd); "" when it cannot be
 * read, so a missing output compares as empty. */
char *fx_slurp(const char *path);

/* Runs "$PBCHECK args" (./pbcheck when unset) through the shell, args
 * quoted by the caller, and collects what it printed. */
run_result fx_run(const char *args);
void fx_run_free(run_result *r);

/* Path of a new file in a per-process temporary folder. */
const char *fx_tmp_path(const char *name);
/* Writes text to path; false when it cannot. */
bool fx_write_file(const char *path, const char *text);

#endif
