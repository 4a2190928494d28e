/* `pbcheck annotate` inside the reader: writing a package back, and finding
 * where each cell's content sits in the main part's bytes. */
#ifndef PB_READ_ANNOTATE_H
#define PB_READ_ANNOTATE_H

#include "read/read.h"

#include <stdio.h>

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)

/* ---- writing a package (package_write.c) */
/* A part whose bytes change (or that is added when the package lacks it). */
typedef struct pbi_part_data {
    const char *name;
    const char *data;
    size_t len;
} pbi_part_data;

/* Writes a copy of the package at in_path to out: every entry not in
 * parts is copied with its compressed data unchanged, in its place, with
 * its method; the parts replace entries of the same name or are appended.
 * False with e set (PB_ERR_IO for a write error). */
bool pbi_package_write(const char *in_path, FILE *out, const pbi_part_data *parts, size_t count, pb_error *e);

/* ---- where cells are (annotate_map.c) */
/* One paragraph-level anchor point of a cell: the byte offsets at which a
 * comment range may start (after the first paragraph's start tag and its
 * w:pPr) and end (before the last paragraph's end tag).  When that
 * paragraph is an empty element (<w:p/>), empty_* is the offset of its
 * "/>", which the insertion turns into ">…</w:p>". */
typedef struct pbi_cell_anchor {
    int table, row, col, span;
    bool vmerge_continue;
    bool has_para;
    size_t start, end;
    bool start_empty, end_empty; /* the paragraph is <w:p/> at start / end */
} pbi_cell_anchor;

typedef struct pbi_anchor_map {
    pbi_cell_anchor *cells; /* in document order */
    size_t count;
    /* The body paragraphs (outside every table), by the walker's index —
     * pb_loc.paragraph, PB505's paragraph N: table, row and col -1. */
    pbi_cell_anchor *paras;
    size_t para_count;
    /* The first of them (for a document without tables): has_body_para
     * false when there is none. */
    bool has_body_para;
    pbi_cell_anchor body;
    long max_id;          /* the largest w:id of the part (-1 for none) */
    char prefix[32];      /* the main namespace's prefix ("" when default) */
    bool strict;          /* the document is ISO 29500 Strict */
    bool root_seen;
} pbi_anchor_map;

/* Walks the main part (whole in memory) with the reader's walker, so that
 * (table, row, grid column) and body paragraph numbers mean what they mean
 * in pb_table and pb_loc, and records each cell's and each body
 * paragraph's anchor, in one pass.  Arrays are allocated in a.  False with
 * e set. */
bool pbi_anchor_map_build(const char *xml, size_t len, pb_arena *a, pbi_anchor_map *m, pb_error *e);

/* ---- editing a part's XML (annotate.c), the same in .docx and .xlsx */
/* src with text inserted at at, or before the last occurrence of closing
 * (NULL when there is none); malloc'd, its length in *out_len. */
char *pbi_annotate_insert_at(const char *src, size_t len, const char *at, const char *text, size_t *out_len);
/* The root element of a part: its prefix with the colon ("w:", "x:" or "")
 * into out, its local name in *local / *local_len; returns its '<', NULL
 * when there is none or the prefix does not fit. */
const char *pbi_annotate_root_prefix(const char *xml, char *out, size_t cap, const char **local, size_t *local_len);
char *pbi_annotate_insert_before_last(const char *src, size_t len, const char *closing, const char *text,
                                      size_t *out_len);

/* ---- the comments' text (annotate.c), the same in .docx and .xlsx */
/* Appends s escaped for XML character data (control characters as spaces). */
bool pbi_annotate_escape(pb_buf *b, const char *s);
/* The verdict comment: heading ("pbcheck verdict: …") and the counts. */
void pbi_annotate_verdict(const pb_document *d, pb_severity fail_on, char *heading, size_t hcap, char *body,
                          size_t bcap);
/* A finding's heading: "[severity] ID title". */
void pbi_annotate_heading(const pb_finding *f, char *buf, size_t cap);

/* ---- .xlsx (annotate_xlsx.c): cell comments (a comments part and its
 * legacy VML drawing per worksheet, as Excel and WPS read them). */
bool pbi_annotate_xlsx(const pb_document *d, FILE *out, pb_severity fail_on, pb_severity min_severity,
                       size_t *comments, pb_arena *a, pb_error *e);

#pragma GCC visibility pop

#endif
