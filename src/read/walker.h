/* The WordprocessingML walker: the one place that knows how a document's
 * elements make tables, rows, grid columns, cells and visible text.
 *
 * Events in: element starts and ends and character data, in document
 * order, as a SAX2 parser reports them (xml.h's pbi_xml_handler has the
 * same shape; pbi_walker_handler() returns one that feeds a walker).
 * State out: callbacks to a client at each table, row, cell and body
 * paragraph boundary, with the table index, row index and grid column
 * that pb_table uses; and the visible text, which the client may keep.
 *
 * What it knows, so that its clients need not: the main namespace in its
 * Transitional and Strict URIs (matched by URI, never by prefix); the grid
 * (gridBefore, gridSpan, gridAfter, legacy hMerge, vMerge); nested tables
 * (indexed in the order they open; a nested table's parent row and grid
 * column); sdt, smartTag, customXml, ins and hyperlink as transparent;
 * deleted text, moveFrom, field codes (instrText and the code part of a
 * complex field), property subtrees and deleted rows (trPr/del) as not in
 * the current view; one branch of each mc:AlternateContent (the first
 * Choice whose Requires prefixes all name namespaces read, else the
 * Fallback); paragraphs of a cell joined with "\n"; tab, br, cr and
 * noBreakHyphen as text; the table, row, column, cell and nesting limits.
 *
 * A client that maps a finding's (table, row, grid column) back to the XML
 * (pbcheck annotate) feeds the walker the same events from its own pass
 * and reads, at cell_start, the position its own parser is at: that is the
 * w:tc of that cell.  A vMerge continuation cell and an hMerge continuation
 * cell are reported too (merged says so at cell_end): the finding belongs
 * to the cell they continue, which was reported before at the same grid
 * column (vMerge) or just before in the row (hMerge).
 *
 * Errors are the reader's: the walker sets the pb_error it was made with
 * (limits, no-main-part when the root is not w:document) and returns
 * false; a client callback returning false stops the walk with the error
 * the client set there (or out-of-memory when it set none). */
#ifndef PB_READ_WALKER_H
#define PB_READ_WALKER_H

#include "read/xml.h"

#pragma GCC visibility push(hidden)

typedef struct pbi_walker pbi_walker;

/* A table as the walker knows it while it is open. */
typedef struct pbi_walk_table {
    int index;                              /* pb_table.index: order of opening, from 0 */
    int depth;                              /* 1 for a body table, 2 inside its cell, … */
    int parent_table, parent_row, parent_col; /* -1 for a body table */
} pbi_walk_table;

/* A row, complete at row_end (trPr comes before the cells, so before,
 * header and deleted are already known at cell_start). */
typedef struct pbi_walk_row {
    int index;   /* pb_table row index; a deleted row's index is reused by the next */
    int before;  /* trPr/gridBefore */
    int after;   /* trPr/gridAfter */
    bool header; /* trPr/tblHeader */
    bool deleted; /* trPr/del: not in the current view, and not in pb_table */
} pbi_walk_row;

typedef enum { PBI_VMERGE_NONE, PBI_VMERGE_RESTART, PBI_VMERGE_CONTINUE } pbi_vmerge;

/* A cell: col at cell_start; span and the merges at cell_end. */
typedef struct pbi_walk_cell {
    int col;  /* grid column where it starts */
    int span; /* grid columns covered (gridSpan, at least 1) */
    pbi_vmerge vmerge;
    /* hMerge continue after another cell of the row: the cell only widens
     * the one before it by span columns (the walker moved on already). */
    bool merged_left;
} pbi_walk_cell;

/* Every callback may be NULL.  Returning false stops the walk. */
typedef struct pbi_walker_client {
    void *ctx;
    bool (*table_start)(void *ctx, const pbi_walk_table *t);
    bool (*table_end)(void *ctx, const pbi_walk_table *t);
    bool (*row_start)(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r);
    bool (*row_end)(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r);
    bool (*cell_start)(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r, const pbi_walk_cell *c);
    bool (*cell_end)(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r, const pbi_walk_cell *c);
    /* Visible text, in pieces, with the "\n" between a cell's paragraphs
     * and the tabs and breaks already in.  table_depth is the depth of the
     * table whose open cell it belongs to, 0 for the body paragraph. */
    bool (*text)(void *ctx, int table_depth, const char *s, size_t n);
    /* A body paragraph (outside every table) ended; index counts them
     * from 0 in document order (PB505's paragraph N). */
    bool (*paragraph)(void *ctx, int index);
} pbi_walker_client;

pbi_walker *pbi_walker_new(const pbi_walker_client *client, const pb_limits *l, pb_error *e);
void pbi_walker_free(pbi_walker *w);

/* The events.  ns is the element's namespace URI (NULL for none). */
bool pbi_walker_start(pbi_walker *w, const char *ns, const char *local, const pbi_xml_attr *attrs, int nattrs,
                      const pbi_xml_ns *decls, int ndecls);
bool pbi_walker_end(pbi_walker *w, const char *ns, const char *local);
bool pbi_walker_text(pbi_walker *w, const char *s, size_t n);

/* A pbi_xml_handler whose events go to w.  It tells w that names come from
 * libxml2's dictionary (the same text, the same pointer, for the parse), so
 * w looks them up by pointer; a client calling pbi_walker_start() itself
 * may pass names from any buffer. */
pbi_xml_handler pbi_walker_handler(pbi_walker *w);

/* After the last event: whether a root element was seen at all. */
bool pbi_walker_saw_root(const pbi_walker *w);

#pragma GCC visibility pop

#endif
