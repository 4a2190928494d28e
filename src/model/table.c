/* Copies of tables that outlive the reader's scratch arena. */
#include "model/model.h"

/* ---- table copies outlive the reader's scratch arena */

pb_table *pbi_table_copy(pb_arena *a, const pb_table *t)
{
    pb_table *c = pb_arena_alloc(a, sizeof *c);
    if (!c)
        return NULL;
    *c = *t;
    if (t->name && !(c->name = pb_arena_strdup(a, t->name)))
        return NULL;
    size_t slots = (size_t)t->width * (size_t)t->row_count;
    c->rows = pb_arena_alloc(a, ((size_t)t->row_count + 1) * sizeof *c->rows);
    c->grid = pb_arena_alloc(a, (slots + 1) * sizeof *c->grid);
    if (!c->rows || !c->grid)
        return NULL;
    for (int r = 0; r < t->row_count; r++) {
        const pb_row *src = &t->rows[r];
        pb_row *dst = &c->rows[r];
        *dst = *src;
        dst->cells = pb_arena_alloc(a, ((size_t)src->count + 1) * sizeof *dst->cells);
        if (!dst->cells)
            return NULL;
        for (int i = 0; i < src->count; i++) {
            dst->cells[i] = src->cells[i];
            dst->cells[i].text = pb_arena_strdup(a, src->cells[i].text);
            if (!dst->cells[i].text)
                return NULL;
        }
    }
    for (size_t i = 0; i < slots; i++) {
        const pb_cell *o = t->grid[i];
        if (!o)
            continue;
        c->grid[i] = &c->rows[o->row].cells[o - t->rows[o->row].cells];
    }
    return c;
}
