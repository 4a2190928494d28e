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
    const fx_indicator *indicators; /* NULL: the reference's nine */
    size_t indicator_count;
} fx_project;

/* Body markup of the projects, appended in order (malloc'd). */
char *fx_reference_body(const fx_project *projects, size_t n);

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

#endif
