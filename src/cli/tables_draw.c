/* Drawing a table in the terminal for `pbcheck tables`: display widths
 * (East Asian wide characters count two cells), wrapping, the grid's
 * column widths and row heights, and box-drawing lines that follow merged
 * cells. */
#include "cli/tables_draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COL_WIDTH 24 /* display cells of text before a cell wraps */

/* -------------------------------------------------- display width, UTF-8 */

int cli_utf8_next(const char *s, unsigned *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    int n = u[0] < 0x80 ? 1 : u[0] >= 0xC2 && u[0] < 0xE0 ? 2 : u[0] >= 0xE0 && u[0] < 0xF0 ? 3
          : u[0] >= 0xF0 && u[0] < 0xF5 ? 4 : 0;
    if (n == 1) {
        *cp = u[0];
        return 1;
    }
    unsigned v = n == 2 ? u[0] & 0x1Fu : n == 3 ? u[0] & 0x0Fu : u[0] & 0x07u;
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            n = 0;
            break;
        }
        v = (v << 6) | (u[i] & 0x3Fu);
    }
    static const unsigned min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (n == 0 || v < min[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return n;
}

typedef struct cp_range {
    unsigned first, last;
} cp_range;

static bool in_ranges(unsigned cp, const cp_range *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cp >= r[i].first && cp <= r[i].last)
            return true;
    return false;
}

/* Columns a terminal gives a code point, from Unicode's East Asian Width
 * (W and F) and the zero-width marks, so alignment never depends on the
 * machine's locale.  Box-drawing characters are narrow. */
static int cp_width(unsigned cp)
{
    static const cp_range zero[] = {
        {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
        {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D},
        {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
    };
    static const cp_range wide[] = {
        {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
        {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
        {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
        {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
        {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
        {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
        {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
        {0x2E80, 0x3029},   {0x302E, 0x303E},   {0x3041, 0x3098},   {0x309B, 0x33FF},   {0x3400, 0x4DBF},
        {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
        {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
        {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
        {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF},
        {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };
    if (cp < 0x300)
        return 1;
    if (in_ranges(cp, zero, sizeof zero / sizeof *zero))
        return 0;
    return in_ranges(cp, wide, sizeof wide / sizeof *wide) ? 2 : 1;
}

static int text_width(const char *s, size_t len)
{
    int w = 0;
    unsigned cp;
    for (size_t i = 0; i < len;) {
        i += (size_t)cli_utf8_next(s + i, &cp);
        w += cp_width(cp);
    }
    return w;
}

/* ---------------------------------------------------------- cell layout */

typedef struct line {
    const char *s;
    size_t len;
    int width;
} line;

typedef struct cell_lines {
    line *lines; /* NULL while only counted */
    int count;
    int widest;
} cell_lines;

/* A copy fit for a terminal: tabs and other control characters become a
 * space (a tab would break the grid), invalid bytes U+FFFD; '\n' stays. */
static char *printable(pb_arena *a, const char *text)
{
    size_t n = strlen(text);
    char *out = pb_arena_alloc(a, 3 * n + 1);
    if (!out)
        return NULL;
    char *o = out;
    unsigned cp;
    for (size_t i = 0; i < n;) {
        int k = cli_utf8_next(text + i, &cp);
        if (cp == 0xFFFD && k == 1) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else if (cp != '\n' && (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))) {
            *o++ = ' ';
        } else {
            memcpy(o, text + i, (size_t)k);
            o += k;
        }
        i += (size_t)k;
    }
    *o = '\0';
    return out;
}

static void emit(cell_lines *out, const char *s, size_t len)
{
    while (len > 0 && s[len - 1] == ' ')
        len--; /* a line broken at spaces does not end with them */
    int w = text_width(s, len);
    if (out->lines)
        out->lines[out->count] = (line){s, len, w};
    out->count++;
    if (w > out->widest)
        out->widest = w;
}

/* Wraps one paragraph at `max` display cells: after spaces and around wide
 * (CJK) characters when it can, inside a word when it must. */
static void wrap_paragraph(const char *p, size_t len, int max, cell_lines *out)
{
    const char *start = p, *brk = NULL;
    int width = 0, brk_width = 0;
    unsigned cp;
    for (size_t i = 0; i < len;) {
        const char *q = p + i;
        int k = cli_utf8_next(q, &cp), w = cp_width(cp);
        if (cp == ' ' && q == start && start != p) {
            start = q + k; /* a wrapped line does not start with spaces */
            i += (size_t)k;
            continue;
        }
        if (w == 2 && q > start) {
            brk = q;
            brk_width = width;
        }
        while (width + w > max && width > 0) {
            if (brk && brk > start) {
                emit(out, start, (size_t)(brk - start));
                start = brk;
                width -= brk_width;
            } else {
                emit(out, start, (size_t)(q - start));
                start = q;
                width = 0;
            }
            brk = NULL;
        }
        width += w;
        if (cp == ' ' || w == 2 || (w == 0 && brk == q)) {
            brk = q + k;
            brk_width = width;
        }
        i += (size_t)k;
    }
    emit(out, start, (size_t)(p + len - start));
}

/* Counts (out->lines NULL) or fills the lines of a printable text. */
static void wrap_text(const char *s, int max, cell_lines *out)
{
    out->count = 0;
    out->widest = 0;
    for (;;) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        wrap_paragraph(s, n, max, out);
        if (!e)
            break;
        s = e + 1;
    }
}

static bool layout_cell(pb_arena *a, const char *printable_text, int max, cell_lines *out)
{
    out->lines = NULL;
    wrap_text(printable_text, max, out);
    out->lines = pb_arena_alloc(a, (size_t)out->count * sizeof *out->lines);
    if (!out->lines)
        return false;
    wrap_text(printable_text, max, out);
    return true;
}

/* ------------------------------------------------------- table layout */

typedef struct layout {
    const pb_table *t;
    pb_arena *a;
    size_t *first_cell; /* per row: id of its first cell */
    char **text;        /* per cell: printable text */
    cell_lines *lines;  /* per cell */
    int *col_w;         /* per grid column: content width */
    int *row_h;         /* per row: content lines */
    size_t *row_y;      /* per row boundary (0..rows): output line of the border */
    int gutter;         /* width of the row numbers */
    bool has_holes;     /* a grid slot that no cell covers */
} layout;

static size_t cell_id(const layout *L, const pb_cell *c)
{
    return L->first_cell[c->row] + (size_t)(c - L->t->rows[c->row].cells);
}

static int digits(long n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

/* Content width of the columns [col, col + span). */
static int span_width(const layout *L, int col, int span)
{
    int w = 3 * (span - 1);
    for (int c = col; c < col + span && c < L->t->width; c++)
        w += L->col_w[c];
    return w;
}

static int clip_span(const pb_table *t, const pb_cell *c)
{
    int end = c->col + c->col_span;
    return (end > t->width ? t->width : end) - c->col;
}

static void widen_columns(layout *L)
{
    const pb_table *t = L->t;
    for (int c = 0; c < t->width; c++)
        L->col_w[c] = digits(c + 1); /* room for the column number */
    /* Single columns first, then each spanning cell takes what it lacks,
     * shared out over its columns. */
    for (int pass = 0; pass < 2; pass++)
        for (int r = 0; r < t->row_count; r++)
            for (int i = 0; i < t->rows[r].count; i++) {
                const pb_cell *c = &t->rows[r].cells[i];
                int span = clip_span(t, c);
                if (span < 1 || (pass == 0) != (span == 1))
                    continue;
                int lack = L->lines[cell_id(L, c)].widest - span_width(L, c->col, span);
                for (int k = 0; lack > 0 && k < span; k++) {
                    int share = (lack + span - k - 1) / (span - k);
                    L->col_w[c->col + k] += share;
                    lack -= share;
                }
            }
}

static void heighten_rows(layout *L)
{
    const pb_table *t = L->t;
    for (int r = 0; r < t->row_count; r++)
        L->row_h[r] = 1;
    for (int pass = 0; pass < 2; pass++)
        for (int r = 0; r < t->row_count; r++)
            for (int i = 0; i < t->rows[r].count; i++) {
                const pb_cell *c = &t->rows[r].cells[i];
                int span = c->row_span;
                if (r + span > t->row_count)
                    span = t->row_count - r;
                if ((pass == 0) != (span == 1))
                    continue;
                int have = span - 1;
                for (int k = r; k < r + span; k++)
                    have += L->row_h[k];
                int lack = L->lines[cell_id(L, c)].count - have;
                if (lack > 0)
                    L->row_h[r + span - 1] += lack;
            }
    L->row_y[0] = 0;
    for (int r = 0; r < t->row_count; r++)
        L->row_y[r + 1] = L->row_y[r] + (size_t)L->row_h[r] + 1;
}

static bool alloc_layout(layout *L, const pb_table *t)
{
    memset(L, 0, sizeof *L);
    L->t = t;
    L->a = pb_arena_new();
    if (!L->a)
        return false;
    size_t rows = (size_t)t->row_count, cells = 0;
    L->first_cell = pb_arena_alloc(L->a, (rows + 1) * sizeof *L->first_cell);
    if (!L->first_cell)
        return false;
    for (size_t r = 0; r < rows; r++) {
        L->first_cell[r] = cells;
        cells += (size_t)t->rows[r].count;
    }
    L->text = pb_arena_alloc(L->a, (cells + 1) * sizeof *L->text);
    L->lines = pb_arena_alloc(L->a, (cells + 1) * sizeof *L->lines);
    L->col_w = pb_arena_alloc(L->a, ((size_t)t->width + 1) * sizeof *L->col_w);
    L->row_h = pb_arena_alloc(L->a, (rows + 1) * sizeof *L->row_h);
    L->row_y = pb_arena_alloc(L->a, (rows + 1) * sizeof *L->row_y);
    return L->text && L->lines && L->col_w && L->row_h && L->row_y;
}

/* Measures every cell at the widest a column may be, sizes the columns,
 * then wraps each cell at the width it finally has. */
static bool lay_out(layout *L, const pb_table *t)
{
    if (!alloc_layout(L, t))
        return false;
    for (int r = 0; r < t->row_count; r++)
        for (int i = 0; i < t->rows[r].count; i++) {
            size_t id = L->first_cell[r] + (size_t)i;
            L->text[id] = printable(L->a, t->rows[r].cells[i].text);
            if (!L->text[id])
                return false;
            L->lines[id].lines = NULL;
            wrap_text(L->text[id], MAX_COL_WIDTH, &L->lines[id]);
        }
    widen_columns(L);
    for (int r = 0; r < t->row_count; r++)
        for (int i = 0; i < t->rows[r].count; i++) {
            const pb_cell *c = &t->rows[r].cells[i];
            size_t id = L->first_cell[r] + (size_t)i;
            if (!layout_cell(L->a, L->text[id], span_width(L, c->col, clip_span(t, c)), &L->lines[id]))
                return false;
        }
    heighten_rows(L);
    for (int r = 0; r < t->row_count; r++)
        for (int c = 0; c < t->width; c++)
            if (!pb_table_at(t, r, c))
                L->has_holes = true;
    L->gutter = digits(t->row_count) + 1;
    return true;
}

/* ------------------------------------------------------------- drawing */

static void repeat(FILE *out, const char *s, int n)
{
    for (int i = 0; i < n; i++)
        fputs(s, out);
}

static bool same_cell(const pb_table *t, int r1, int c1, int r2, int c2)
{
    const pb_cell *a = pb_table_at(t, r1, c1);
    return a && a == pb_table_at(t, r2, c2);
}

/* A horizontal rule over column c at row boundary b (0..rows). */
static bool h_rule(const pb_table *t, int b, int c)
{
    return b == 0 || b == t->row_count || !same_cell(t, b - 1, c, b, c);
}

/* A vertical rule at grid line v (0..width) in row r. */
static bool v_rule(const pb_table *t, int r, int v)
{
    return v == 0 || v == t->width || !same_cell(t, r, v - 1, r, v);
}

static const char *junction(const pb_table *t, int b, int v)
{
    static const char *const box[16] = {" ", "╶", "╴", "─", "╷", "┌", "┐", "┬",
                                        "╵", "└", "┘", "┴", "│", "├", "┤", "┼"};
    int up = b > 0 && v_rule(t, b - 1, v), down = b < t->row_count && v_rule(t, b, v);
    int left = v > 0 && h_rule(t, b, v - 1), right = v < t->width && h_rule(t, b, v);
    return box[up << 3 | down << 2 | left << 1 | right];
}

/* One line of a cell's content (blank past its text), padded to width. */
static void cell_line(FILE *out, const layout *L, const pb_cell *c, size_t y, int width)
{
    size_t k = y - L->row_y[c->row] - 1;
    const cell_lines *cl = &L->lines[cell_id(L, c)];
    int used = 0;
    fputc(' ', out);
    if (k < (size_t)cl->count) {
        fwrite(cl->lines[k].s, 1, cl->lines[k].len, out);
        used = cl->lines[k].width;
    }
    repeat(out, " ", width - used + 1);
}

/* Output line y: the border at boundary b (row < 0) or a content line of
 * row `row`.  Cells merged across a border keep showing their text. */
static void draw_line(FILE *out, const layout *L, size_t y, int b, int row)
{
    const pb_table *t = L->t;
    if (row >= 0 && y == L->row_y[row] + 1)
        fprintf(out, "%*d ", L->gutter - 1, row + 1);
    else
        repeat(out, " ", L->gutter);
    int r = row >= 0 ? row : b; /* the row whose cells cross this line */
    for (int c = 0; c < t->width;) {
        fputs(row >= 0 ? (v_rule(t, r, c) ? "│" : " ") : junction(t, b, c), out);
        const pb_cell *cell = pb_table_at(t, r, c);
        if (row < 0 && h_rule(t, b, c)) {
            repeat(out, "─", L->col_w[c] + 2);
            c++;
        } else if (!cell) {
            fputc(' ', out);
            repeat(out, "░", L->col_w[c]);
            fputc(' ', out);
            c++;
        } else {
            int span = cell->col + cell->col_span - c;
            if (c + span > t->width)
                span = t->width - c;
            cell_line(out, L, cell, y, span_width(L, c, span));
            c += span;
        }
    }
    fputs(row >= 0 ? "│" : junction(t, b, t->width), out);
    fputc('\n', out);
}

/* The column numbers, aligned over the columns. */
static void draw_ruler(FILE *out, const layout *L)
{
    repeat(out, " ", L->gutter);
    for (int c = 0; c < L->t->width; c++)
        fprintf(out, "  %-*d ", L->col_w[c], c + 1);
    fputs(" \n", out);
}

static void draw_table(FILE *out, const layout *L)
{
    const pb_table *t = L->t;
    draw_ruler(out, L);
    size_t total = L->row_y[t->row_count];
    int row = -1, b = 0;
    for (size_t y = 0; y <= total; y++) {
        if (y == L->row_y[b]) {
            draw_line(out, L, y, b, -1);
            row = b++;
        } else
            draw_line(out, L, y, -1, row);
    }
}

bool cli_draw_table(FILE *out, const pb_table *t, bool *has_holes)
{
    layout L;
    bool ok = lay_out(&L, t);
    if (ok) {
        draw_table(out, &L);
        *has_holes = L.has_holes;
    }
    pb_arena_free(L.a);
    return ok;
}
