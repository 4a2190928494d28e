/* `pbcheck tables FILE...`: every table of the main document as the reader
 * resolved it (grid, rows, merged cells), drawn in the terminal or as JSON,
 * so that "what did pbcheck see?" has an answer.  No checks are run. */
#include "cli/cli.h"
#include "cli/tables_draw.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_MAX 256

enum format { FMT_TEXT, FMT_JSON };

typedef struct tables_cli {
    enum format format;
    pb_options opt;
} tables_cli;

static void usage(FILE *out)
{
    fputs(_("Usage: pbcheck tables [OPTION]... FILE...\n"
            "Show every table of the main document of .docx files as pbcheck reads it:\n"
            "grid width, rows, and each row's cells on the grid (merged cells merged).\n"
            "Tables come in document order, a nested table right after its parent.\n"
            "Under each drawn table a line says whether it is (part of) a project\n"
            "target table, and if not, which label was not found.  Nothing is checked.\n"
            "\n"
            "Options:\n"
            "  -f, --format FORMAT     output format: text (default) or json\n"
            "      --max-part-size N   largest inflated size of one part, in bytes\n"
            "                          (default 268435456; K, M, G suffixes accepted)\n"
            "  -h, --help              show this help and exit\n"
            "\n"
            "In text, tables, rows and columns are counted from 1, as in the findings of\n"
            "'pbcheck check'; in JSON, from 0.  ░ marks a grid slot no cell covers\n"
            "(w:gridBefore, w:gridAfter or a short row).\n"
            "\n"
            "Exit status:\n"
            "  0  every file was read\n"
            "  2  usage error: nothing was read\n"
            "  3  at least one file could not be read (the others were still shown)\n"
            "  4  internal error\n"),
          out);
}

static int parse_args(tables_cli *c, int argc, char **argv)
{
    enum { OPT_MAX_PART = 256 };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"max-part-size", required_argument, NULL, OPT_MAX_PART},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int ch;
    while ((ch = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (strcmp(optarg, "text") == 0)
                c->format = FMT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                c->format = FMT_JSON;
            else {
                fprintf(stderr, _("pbcheck: unknown format '%s' (text, json)\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_MAX_PART:
            if (!cli_parse_size(optarg, &c->opt.limits.max_part_size)) {
                fprintf(stderr, _("pbcheck: --max-part-size needs a positive size, not '%s'\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case 'h':
            usage(stdout);
            exit(EXIT_CLEAN);
        default:
            fputs(_("Try 'pbcheck tables --help' for more information.\n"), stderr);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs(_("pbcheck: no file given\nTry 'pbcheck tables --help' for more information.\n"), stderr);
        return EXIT_USAGE;
    }
    return EXIT_CLEAN;
}

/* ------------------------------------------------------ document order */

static int by_index(const void *a, const void *b)
{
    const pb_table *x = *(const pb_table *const *)a, *y = *(const pb_table *const *)b;
    return (x->index > y->index) - (x->index < y->index);
}

/* The reader hands a nested table over before its parent; indices are
 * given at the table's start, so sorting by them gives document order. */
static const pb_table **tables_in_order(const pb_document *d)
{
    const pb_table **t = malloc((d->table_count ? d->table_count : 1) * sizeof *t);
    if (!t)
        return NULL;
    for (size_t i = 0; i < d->table_count; i++)
        t[i] = d->tables[i];
    qsort(t, d->table_count, sizeof *t, by_index);
    return t;
}

/* ---------------------------------------------------------------- JSON */

static bool add(cJSON *o, const char *key, cJSON *item)
{
    if (!item)
        return false;
    if (!cJSON_AddItemToObject(o, key, item)) {
        cJSON_Delete(item);
        return false;
    }
    return true;
}

static bool push(cJSON *array, cJSON *item)
{
    if (!item)
        return false;
    if (!cJSON_AddItemToArray(array, item)) {
        cJSON_Delete(item);
        return false;
    }
    return true;
}

static cJSON *cell_json(const pb_cell *c)
{
    cJSON *o = cJSON_CreateObject();
    if (o && add(o, "text", cJSON_CreateString(c->text)) && add(o, "column", cJSON_CreateNumber(c->col)) &&
        add(o, "row_span", cJSON_CreateNumber(c->row_span)) && add(o, "col_span", cJSON_CreateNumber(c->col_span)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static cJSON *parent_json(const pb_table *t)
{
    if (t->parent_table < 0)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    if (o && add(o, "table", cJSON_CreateNumber(t->parent_table)) && add(o, "row", cJSON_CreateNumber(t->parent_row)) &&
        add(o, "column", cJSON_CreateNumber(t->parent_col)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static cJSON *row_json(const pb_row *row)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; a && i < row->count; i++)
        if (!push(a, cell_json(&row->cells[i]))) {
            cJSON_Delete(a);
            return NULL;
        }
    return a;
}

/* The template family of the first project the table is part of (as the
 * text's "template:" says), or NULL. */
static const pb_template *family_of(const pb_document *d, const pb_table *t)
{
    for (size_t i = 0; i < d->project_count; i++) {
        const pb_project *p = d->projects[i];
        if (t->index >= p->first_table && t->index <= p->last_table)
            return p->template_family;
    }
    return NULL;
}

/* {"index","parent","rows","width","family","cells":[[…]]}, written a row
 * at a time so that memory stays one row's worth however large the table.
 * family is the pb_template id (as check's JSON "template"), null when the
 * table is part of no project or its labels identify no family. */
static bool put_table_json(FILE *out, const pb_document *d, const pb_table *t)
{
    fprintf(out, "{\"index\":%d,\"parent\":", t->index);
    if (!cli_json_put(out, parent_json(t)))
        return false;
    const pb_template *family = family_of(d, t);
    fprintf(out, ",\"rows\":%d,\"width\":%d,\"family\":", t->row_count, t->width);
    if (family)
        fprintf(out, "\"%s\"", family->id); /* ids are ASCII words: nothing to escape */
    else
        fputs("null", out);
    fputs(",\"cells\":[", out);
    for (int r = 0; r < t->row_count; r++) {
        if (r > 0)
            fputc(',', out);
        if (!cli_json_put(out, row_json(&t->rows[r])))
            return false;
    }
    fputs("]}", out);
    return true;
}

static cJSON *error_json(const pb_error *e)
{
    cJSON *o = cJSON_CreateObject();
    if (o && add(o, "code", cJSON_CreateString(pb_status_code(e->status))) &&
        add(o, "message", cJSON_CreateString(e->message)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* {"path","status","error"?,"tables":[…]}; false when out of memory. */
static bool put_file_json(FILE *out, const pb_document *d, const pb_table **tables)
{
    bool ok = d->error.status == PB_OK;
    const char *shown = d->display_path ? d->display_path : d->path;
    fputs("{\"path\":", out);
    if (!cli_json_put(out, cJSON_CreateString(shown)))
        return false;
    if (strcmp(shown, d->path) != 0) { /* a name that is no UTF-8: its bytes too, as the check's JSON */
        size_t n = pb_path_base64(d->path, NULL, 0) + 1;
        char *b = malloc(n);
        if (!b)
            return false;
        pb_path_base64(d->path, b, n);
        fprintf(out, ",\"path_bytes\":\"%s\"", b);
        free(b);
    }
    fprintf(out, ",\"status\":\"%s\"", ok ? "ok" : "error");
    if (!ok) {
        fputs(",\"error\":", out);
        if (!cli_json_put(out, error_json(&d->error)))
            return false;
    }
    fputs(",\"tables\":[", out);
    for (size_t i = 0; ok && i < d->table_count; i++) {
        if (i > 0)
            fputc(',', out);
        if (!put_table_json(out, d, tables[i]))
            return false;
    }
    fputs("]}", out);
    return true;
}

/* ------------------------------------------------- project recognition */

/* The labels the extractor's lexicon misses in a table it took for no
 * project (pb_table_recognize: the lexicon has one home, in the library). */
static void print_missing_labels(FILE *out, const pb_table *t)
{
    pb_recognition r;
    pb_table_recognize(t, &r);
    if (!r.missing_count) {
        fputs(_("not recognised as a project table"), out);
        return;
    }
    for (size_t k = 0; k < r.missing_count; k++)
        fprintf(out, "%s%s", k ? " / " : _("not a project table: no "), r.missing[k]);
    fputs(_(" label found"), out);
    for (size_t k = 0; k < r.missing_count; k++)
        if (r.inside[k])
            fprintf(out, _(" (%s appears only inside a longer cell text)"), r.missing[k]);
}

static void print_recognition(FILE *out, const pb_document *d, const pb_table *t)
{
    int found = 0;
    const pb_template *family = NULL;
    for (size_t i = 0; i < d->project_count; i++) {
        const pb_project *p = d->projects[i];
        if (t->index < p->first_table || t->index > p->last_table)
            continue;
        fputs(found++ ? _("; and of ") : _("project table: part of "), out);
        if (!family)
            family = p->template_family;
        fprintf(out, _("project %d"), p->number);
        /* the document's words and the file's name: no control character
         * reaches the terminal */
        if (p->code.text && *p->code.text) {
            fputc(' ', out);
            pb_fput_safe(out, p->code.text);
        }
        if (p->name.text && *p->name.text) {
            fputc(' ', out);
            pb_fput_safe(out, p->name.text);
        }
        if (p->first_table == p->last_table)
            fprintf(out, _(" (table %d)"), p->first_table + 1);
        else
            fprintf(out, _(" (tables %d–%d)"), p->first_table + 1, p->last_table + 1);
    }
    bool dept = false;
    for (size_t i = 0; i < d->department_count; i++) {
        const pb_project *p = d->departments[i];
        if (t->index < p->first_table || t->index > p->last_table)
            continue;
        fputs(found++ ? _("; and of ") : _("department-wide table (部门整体, not a project): part of "), out);
        fprintf(out, _("department %d"), p->number);
        dept = true;
        if (!family)
            family = p->template_family;
        if (p->name.text && *p->name.text) {
            fputc(' ', out);
            pb_fput_safe(out, p->name.text);
        }
        fprintf(out, _(" (table %d)"), t->index + 1);
    }
    if (!found) {
        print_missing_labels(out, t);
    } else {
        /* which family the project's tables are taken for, and the labels
         * this one adds */
        pb_recognition r;
        pb_table_recognize(t, &r);
        if (family) {
            fprintf(out, _("; template: %s (%s), from the labels "), family->name, family->id);
            for (size_t k = 0; k < r.found_count; k++)
                fprintf(out, "%s%s", k ? "、" : "", r.found[k]);
        } else if (r.found_count && dept) {
            fputs(_("; from the labels "), out);
            for (size_t k = 0; k < r.found_count; k++)
                fprintf(out, "%s%s", k ? "、" : "", r.found[k]);
        } else if (r.found_count) {
            /* checked as a project table all the same; what it could not place is info */
            fputs(_("; no template family recognised from the labels "), out);
            for (size_t k = 0; k < r.found_count; k++)
                fprintf(out, "%s%s", k ? "、" : "", r.found[k]);
        }
    }
    fputc('\n', out);
}

/* ---------------------------------------------------------------- text */

static void table_heading(FILE *out, const pb_table *t)
{
    fprintf(out, _("table %d: %d row(s) × %d grid column(s)"), t->index + 1, t->row_count, t->width);
    if (t->parent_table >= 0)
        fprintf(out, _(", nested in table %d, row %d, column %d"), t->parent_table + 1, t->parent_row + 1,
                t->parent_col + 1);
    fputc('\n', out);
}

static bool text_table(FILE *out, const pb_document *d, const pb_table *t)
{
    table_heading(out, t);
    bool ok = true;
    if (t->row_count == 0 || t->width == 0) {
        fputs(_("(no cells)\n"), out);
    } else {
        bool holes = false;
        ok = cli_draw_table(out, t, &holes);
        if (ok && holes)
            fputs(_("░ = no cell covers this grid slot (w:gridBefore, w:gridAfter or a short row)\n"), out);
    }
    if (ok)
        print_recognition(out, d, t);
    fputc('\n', out);
    return ok;
}

static bool text_file(FILE *out, const pb_document *d, const pb_table **tables)
{
    char path[4096];
    pb_safe_text(d->display_path ? d->display_path : d->path, path, sizeof path);
    if (d->table_count == 0)
        fprintf(out, _("%s: no tables\n\n"), path);
    else
        fprintf(out, _("%s: %zu table(s)\n\n"), path, d->table_count);
    for (size_t i = 0; i < d->table_count; i++)
        if (!text_table(out, d, tables[i]))
            return false;
    return true;
}

/* ---------------------------------------------------------------- files */

static int show_one(const tables_cli *c, const char *path, bool *json_started)
{
    pb_document *d = cli_read_input(path, &c->opt);
    if (!d) {
        fprintf(stderr, _("pbcheck: %s: out of memory\n"), path);
        return EXIT_INTERNAL;
    }
    int status = EXIT_CLEAN;
    if (d->error.status != PB_OK) {
        status = d->error.status == PB_ERR_INTERNAL || d->error.status == PB_ERR_NOMEM ? EXIT_INTERNAL
                                                                                       : EXIT_UNREADABLE;
        char safe[4096], why[sizeof d->error.message * 4];
        pb_safe_text(d->display_path ? d->display_path : d->path, safe, sizeof safe);
        pb_safe_text(d->error.message, why, sizeof why);
        fprintf(stderr, "pbcheck: %s: %s [%s]\n", safe, why, pb_status_code(d->error.status));
    }
    const pb_table **tables = tables_in_order(d);
    bool ok = tables != NULL;
    if (ok && c->format == FMT_JSON) {
        if (*json_started)
            putchar(',');
        *json_started = true;
        ok = put_file_json(stdout, d, tables);
    } else if (ok && d->error.status == PB_OK) {
        ok = text_file(stdout, d, tables);
    }
    if (!ok) {
        fprintf(stderr, _("pbcheck: %s: out of memory\n"), path);
        status = EXIT_INTERNAL;
    }
    free(tables);
    pb_document_free(d);
    return status;
}

int cli_tables(int argc, char **argv)
{
    tables_cli c = {0};
    pb_options_default(&c.opt);
    c.opt.keep_tables = true;
    int status = parse_args(&c, argc, argv);
    if (status != EXIT_CLEAN)
        return status;
    if (c.format == FMT_JSON)
        fputs("{\"files\":[", stdout);
    bool json_started = false;
    for (int i = optind; i < argc; i++)
        status = cli_worse(status, show_one(&c, argv[i], &json_started));
    if (c.format == FMT_JSON)
        fputs("]}\n", stdout);
    return status;
}
