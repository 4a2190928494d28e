/* A worksheet: its non-empty cells and merged ranges, laid on a grid as
 * one pb_table (cells at their sheet row and column). */
#include "read/xlsx.h"

#include <stdlib.h>
#include <string.h>

typedef struct sheet_cell {
    int row, col;
    int seq; /* document order; -1 for an empty cell made for a merged range */
    const char *text;
} sheet_cell;

typedef struct merge {
    int r1, c1, r2, c2;
} merge;

typedef struct sheet {
    workbook *wb;
    const char *part;
    int level, skip_from; /* level of a subtree stepped over; 0: none */
    pb_arena *a; /* this sheet's cells and table */
    const char *name;
    int index;
    sheet_cell *cells;
    size_t count, cap;
    merge *merges;
    size_t merge_count, merge_cap;
    int rows, width; /* extent of the non-empty cells */
    /* the open row and cell */
    int row, next_col;
    bool in_cell, in_v, in_t;
    int col, style;
    char type[16];
    pb_buf text;
} sheet;

/* "AB12" → column 27, row 12 (1-based); false when malformed. */
static bool parse_ref(const char *s, int *col, int *row)
{
    long c = 0, r = 0;
    int letters = 0, digits = 0;
    for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++, letters++)
        if (c <= XLSX_MAX_COL)
            c = c * 26 + ((*s | 0x20) - 'a' + 1);
    for (; *s >= '0' && *s <= '9'; s++, digits++)
        if (r <= XLSX_MAX_ROW)
            r = r * 10 + (*s - '0');
    if (*s || (col && (letters == 0 || c > XLSX_MAX_COL)) || (row && (digits == 0 || r > XLSX_MAX_ROW || r < 1)))
        return false;
    if (col)
        *col = (int)c;
    if (row)
        *row = (int)r;
    return true;
}

static bool sheet_fail(sheet *sh, pb_status s, const char *msg)
{
    pbi_error_set(sh->wb->err, s, "%s", msg);
    return false;
}

static bool attr(const pbi_xml_attr *a, int n, const char *name, char *buf, size_t cap)
{
    return pbi_xml_attr_copy(a, n, name, NULL, NULL, buf, cap);
}

static bool oom(pb_error *e)
{
    pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
    return false;
}

static bool row_start(sheet *sh, const pbi_xml_attr *a, int n)
{
    char v[32];
    int r;
    if (attr(a, n, "r", v, sizeof v) && parse_ref(v, NULL, &r))
        sh->row = r;
    else
        sh->row++;
    sh->next_col = 1;
    return true;
}

static bool cell_start(sheet *sh, const pbi_xml_attr *a, int n)
{
    char v[32];
    int c, r;
    if (sh->row < 1)
        sh->row = 1;
    if (attr(a, n, "r", v, sizeof v) && parse_ref(v, &c, &r)) {
        sh->col = c;
        sh->row = r;
    } else
        sh->col = sh->next_col;
    sh->next_col = sh->col + 1;
    sh->style = attr(a, n, "s", v, sizeof v) ? atoi(v) : 0;
    if (!attr(a, n, "t", sh->type, sizeof sh->type))
        strcpy(sh->type, "n");
    sh->in_cell = true;
    pbi_buf_reset(&sh->text);
    return true;
}

static const char *trimmed(const char *s, char *buf, size_t cap)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    snprintf(buf, cap, "%s", s);
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        buf[--n] = '\0';
    return buf;
}

/* The text the cell shows, or NULL with the error set. */
static const char *cell_text(sheet *sh)
{
    const char *raw = sh->text.data ? sh->text.data : "";
    const char *t = sh->type;
    if (strcmp(t, "s") == 0) {
        char buf[32];
        const char *v = trimmed(raw, buf, sizeof buf);
        char *end;
        unsigned long i = strtoul(v, &end, 10);
        if (!*v)
            return "";
        if (*end || i >= sh->wb->string_count) {
            char msg[256];
            snprintf(msg, sizeof msg, _("worksheet \"%s\" refers to shared string %s, which does not exist"), sh->name, v);
            sheet_fail(sh, PB_ERR_XML_MALFORMED, msg);
            return NULL;
        }
        return sh->wb->strings[i];
    }
    if (strcmp(t, "b") == 0)
        return raw[0] == '1' ? "TRUE" : "FALSE";
    if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0 || strcmp(t, "e") == 0 || strcmp(t, "d") == 0) {
        char *s = pb_arena_strndup(sh->a, raw, sh->text.len);
        if (s)
            pbi_xlsx_unescape_x(s);
        return s;
    }
    if (sh->text.len == 0)
        return "";
    pb_buf b = {0};
    char *s = NULL;
    if (pbi_xlsx_number_text(sh->wb, raw, sh->style, &b))
        s = pb_arena_strndup(sh->a, b.data ? b.data : "", b.len);
    pbi_buf_free(&b);
    return s;
}

static bool cell_end(sheet *sh)
{
    sh->in_cell = sh->in_v = sh->in_t = false;
    const char *text = cell_text(sh);
    if (!text)
        return sh->wb->err->status != PB_OK ? false : oom(sh->wb->err);
    if (!*text)
        return true; /* formatting only */
    const pb_limits *l = sh->wb->lim;
    char msg[256];
    if ((uint64_t)sh->row > l->max_rows) {
        snprintf(msg, sizeof msg, _("worksheet \"%s\" has a value in row %d, beyond the limit of %u rows"), sh->name,
                 sh->row, l->max_rows);
        return sheet_fail(sh, PB_ERR_TABLE_TOO_LARGE, msg);
    }
    if ((uint64_t)sh->col > l->max_columns) {
        snprintf(msg, sizeof msg, _("worksheet \"%s\" has a value in column %d, beyond the limit of %u columns"),
                 sh->name, sh->col, l->max_columns);
        return sheet_fail(sh, PB_ERR_GRID_TOO_WIDE, msg);
    }
    if (sh->count >= l->max_cells) {
        snprintf(msg, sizeof msg, _("worksheet \"%s\" has more than %llu cells"), sh->name,
                 (unsigned long long)l->max_cells);
        return sheet_fail(sh, PB_ERR_TABLE_TOO_LARGE, msg);
    }
    if (!pbi_grow(sh->a, (void **)&sh->cells, &sh->cap, sh->count, sizeof *sh->cells))
        return oom(sh->wb->err);
    sh->cells[sh->count] = (sheet_cell){sh->row - 1, sh->col - 1, (int)sh->count, text};
    sh->count++;
    if (sh->row > sh->rows)
        sh->rows = sh->row;
    if (sh->col > sh->width)
        sh->width = sh->col;
    return true;
}

static bool merge_cell(sheet *sh, const pbi_xml_attr *a, int n)
{
    char ref[64];
    if (!attr(a, n, "ref", ref, sizeof ref))
        return true;
    char *colon = strchr(ref, ':');
    if (!colon)
        return true;
    *colon = '\0';
    merge m;
    if (!parse_ref(ref, &m.c1, &m.r1) || !parse_ref(colon + 1, &m.c2, &m.r2))
        return true; /* not a range we can place: ignored, like a bad format */
    if (m.r2 < m.r1 || m.c2 < m.c1 || (m.r1 == m.r2 && m.c1 == m.c2))
        return true;
    if (sh->merge_count >= sh->wb->lim->max_cells) {
        char msg[256];
        snprintf(msg, sizeof msg, _("worksheet \"%s\" has more than %llu merged ranges"), sh->name,
                 (unsigned long long)sh->wb->lim->max_cells);
        return sheet_fail(sh, PB_ERR_TABLE_TOO_LARGE, msg);
    }
    if (!pbi_grow(sh->a, (void **)&sh->merges, &sh->merge_cap, sh->merge_count, sizeof *sh->merges))
        return oom(sh->wb->err);
    sh->merges[sh->merge_count++] = (merge){m.r1 - 1, m.c1 - 1, m.r2 - 1, m.c2 - 1};
    return true;
}

static int cmp_cells(const void *x, const void *y)
{
    const sheet_cell *a = x, *b = y;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Merged ranges are clipped to the extent of the values: a range reaching
 * past them is formatting, not content. */
static bool clip_merge(const sheet *sh, merge *m)
{
    if (m->r1 >= sh->rows || m->c1 >= sh->width)
        return false;
    if (m->r2 >= sh->rows)
        m->r2 = sh->rows - 1;
    if (m->c2 >= sh->width)
        m->c2 = sh->width - 1;
    return m->r2 > m->r1 || m->c2 > m->c1;
}

/* Marks the slots of each sound merged range with its number (1-based).
 * A range starting inside an earlier one is dropped (r1 = -1); the slots
 * visited stay within the grid's size, so overlapping ranges cannot make
 * the work grow with their count. */
static bool place_merges(sheet *sh, size_t *owner, size_t slots)
{
    size_t work = 0, w = (size_t)sh->width;
    for (size_t i = 0; i < sh->merge_count; i++) {
        merge *m = &sh->merges[i];
        if (!clip_merge(sh, m) || owner[(size_t)m->r1 * w + (size_t)m->c1]) {
            m->r1 = -1;
            continue;
        }
        size_t area = (size_t)(m->r2 - m->r1 + 1) * (size_t)(m->c2 - m->c1 + 1);
        if ((work += area) > slots) {
            char msg[256];
            snprintf(msg, sizeof msg, _("worksheet \"%s\" has overlapping merged ranges"), sh->name);
            return sheet_fail(sh, PB_ERR_TABLE_TOO_LARGE, msg);
        }
        for (int r = m->r1; r <= m->r2; r++)
            for (int c = m->c1; c <= m->c2; c++)
                if (!owner[(size_t)r * w + (size_t)c])
                    owner[(size_t)r * w + (size_t)c] = i + 1;
        /* A range whose first cell is empty still is a cell. */
        if (!pbi_grow(sh->a, (void **)&sh->cells, &sh->cap, sh->count, sizeof *sh->cells))
            return oom(sh->wb->err);
        sh->cells[sh->count++] = (sheet_cell){m->r1, m->c1, -1, ""};
    }
    return true;
}

/* Whether a value shows: not hidden under a range it does not start. */
static bool visible(const sheet *sh, const size_t *owner, int r, int c)
{
    size_t o = owner[(size_t)r * (size_t)sh->width + (size_t)c];
    return !o || (sh->merges[o - 1].r1 == r && sh->merges[o - 1].c1 == c);
}

static bool build_rows(sheet *sh, pb_table *t, const size_t *owner)
{
    pb_arena *a = sh->a;
    size_t w = (size_t)sh->width;
    for (size_t i = 0; i < sh->count;) {
        int r = sh->cells[i].row;
        size_t j = i;
        while (j < sh->count && sh->cells[j].row == r)
            j++;
        pb_row *row = &t->rows[r];
        row->cells = pb_arena_alloc(a, (j - i + 1) * sizeof *row->cells);
        if (!row->cells)
            return false;
        for (size_t k = i; k < j; k++) {
            const sheet_cell *sc = &sh->cells[k];
            /* The last of cells written twice wins; a value wins over the
             * empty cell made for its range. */
            if ((k + 1 < j && sh->cells[k + 1].col == sc->col) || !visible(sh, owner, r, sc->col))
                continue;
            pb_cell *c = &row->cells[row->count++];
            *c = (pb_cell){sc->text, r, sc->col, 1, 1};
            t->grid[(size_t)r * w + (size_t)sc->col] = c;
        }
        i = j;
    }
    for (int r = 0; r < sh->rows; r++)
        if (!t->rows[r].cells && !(t->rows[r].cells = pb_arena_alloc(a, sizeof *t->rows[r].cells)))
            return false;
    for (size_t i = 0; i < sh->merge_count; i++) {
        const merge *m = &sh->merges[i];
        if (m->r1 < 0)
            continue;
        pb_cell *c = t->grid[(size_t)m->r1 * w + (size_t)m->c1];
        c->row_span = m->r2 - m->r1 + 1;
        c->col_span = m->c2 - m->c1 + 1;
        for (int r = m->r1; r <= m->r2; r++)
            for (int k = m->c1; k <= m->c2; k++)
                if (owner[(size_t)r * w + (size_t)k] == i + 1)
                    t->grid[(size_t)r * w + (size_t)k] = c;
    }
    return true;
}

static pb_table *build_table(sheet *sh)
{
    pb_arena *a = sh->a;
    pb_table *t = pb_arena_alloc(a, sizeof *t);
    if (!t)
        return NULL;
    t->index = sh->index;
    t->name = sh->name;
    t->parent_table = t->parent_row = t->parent_col = -1;
    size_t slots = (size_t)sh->rows * (size_t)sh->width;
    if (slots > sh->wb->lim->max_cells) {
        char msg[256];
        snprintf(msg, sizeof msg, _("worksheet \"%s\" spans %d rows × %d columns, more than %llu cells"), sh->name,
                 sh->rows, sh->width, (unsigned long long)sh->wb->lim->max_cells);
        sheet_fail(sh, PB_ERR_TABLE_TOO_LARGE, msg);
        return NULL;
    }
    t->row_count = sh->rows;
    t->width = sh->width;
    t->rows = pb_arena_alloc(a, ((size_t)sh->rows + 1) * sizeof *t->rows);
    t->grid = pb_arena_alloc(a, (slots + 1) * sizeof *t->grid);
    size_t *owner = pb_arena_alloc(a, (slots + 1) * sizeof *owner);
    if (!t->rows || !t->grid || !owner || !place_merges(sh, owner, slots))
        return NULL;
    if (sh->count) /* an empty sheet has no cell array: qsort(NULL, 0) is UB */
        qsort(sh->cells, sh->count, sizeof *sh->cells, cmp_cells);
    return build_rows(sh, t, owner) ? t : NULL;
}

/* One element of a worksheet: only sheetData and mergeCells are read. */
static bool sheet_start(void *ctx, const char *ns, const char *local, const pbi_xml_attr *a, int n,
                        const pbi_xml_ns *d, int nd)
{
    (void)d;
    (void)nd;
    sheet *sh = ctx;
    int depth = sh->level++;
    if (sh->skip_from)
        return true;
    bool sml = pbi_xlsx_is_sml(ns);
    if (depth == 0) {
        if (sml && strcmp(local, "worksheet") == 0)
            return true;
        return sheet_fail(sh, PB_ERR_NO_MAIN_PART, _("a worksheet part is not a SpreadsheetML worksheet"));
    }
    if (depth == 1) {
        if (!(sml && (strcmp(local, "sheetData") == 0 || strcmp(local, "mergeCells") == 0)))
            sh->skip_from = sh->level;
        return true;
    }
    if (sml && strcmp(local, "row") == 0)
        return row_start(sh, a, n);
    if (sml && strcmp(local, "c") == 0)
        return cell_start(sh, a, n);
    if (sh->in_cell && sml && strcmp(local, "v") == 0) {
        sh->in_v = true;
        return true;
    }
    if (sh->in_cell && sml && (strcmp(local, "is") == 0 || strcmp(local, "r") == 0))
        return true;
    if (sh->in_cell && sml && strcmp(local, "t") == 0) {
        sh->in_t = true;
        return true;
    }
    if (sml && strcmp(local, "mergeCell") == 0)
        return merge_cell(sh, a, n);
    sh->skip_from = sh->level; /* formulas, phonetic runs, anything else */
    return true;
}

static bool sheet_end(void *ctx, const char *ns, const char *local)
{
    sheet *sh = ctx;
    int level = sh->level--;
    if (sh->skip_from) {
        if (level == sh->skip_from)
            sh->skip_from = 0;
        return true;
    }
    if (!pbi_xlsx_is_sml(ns))
        return true;
    if (strcmp(local, "v") == 0)
        sh->in_v = false;
    else if (strcmp(local, "t") == 0)
        sh->in_t = false;
    else if (strcmp(local, "c") == 0 && sh->in_cell)
        return cell_end(sh);
    return true;
}

static bool sheet_text(void *ctx, const char *s, size_t n)
{
    sheet *sh = ctx;
    if (sh->skip_from || !(sh->in_v || sh->in_t))
        return true;
    return pbi_xlsx_append_text(sh->wb, sh->part, &sh->text, s, n);
}

static bool sheet_skipping(void *ctx) { return ((sheet *)ctx)->skip_from != 0; }

bool pbi_xlsx_read_sheet(workbook *wb, const char *part, const char *name, int index)
{
    sheet sh;
    memset(&sh, 0, sizeof sh);
    sh.wb = wb;
    sh.part = part;
    sh.name = name;
    sh.index = index;
    sh.a = pb_arena_new();
    if (!sh.a)
        return oom(wb->err);
    pbi_xml_handler h = {&sh, sheet_start, sheet_end, sheet_text, sheet_skipping};
    bool ok = pbi_xlsx_parse(wb, part, &h);
    pbi_buf_free(&sh.text);
    pb_table *t = ok ? build_table(&sh) : NULL;
    if (ok && !t)
        ok = wb->err->status != PB_OK ? false : oom(wb->err);
    if (t)
        ok = !wb->sink->table || wb->sink->table(wb->sink->ctx, t) || oom(wb->err);
    pb_arena_free(sh.a);
    return ok;
}
