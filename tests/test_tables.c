/* `pbcheck tables`: the binary ($PBCHECK) on Microsoft Word's own files,
 * checked against expectations a person wrote from the rendered documents
 * (tests/data/word-samples-expected.json, see the .md beside it), and on
 * fixtures for nesting, gridBefore/gridAfter, vertical merges, CJK drawing
 * and unreadable files. */
#define _XOPEN_SOURCE 700 /* wcwidth() */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include <cjson/cJSON.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#define SAMPLES_DIR "../shared/data/word-samples"
#define EXPECTED_JSON "tests/data/word-samples-expected.json"

/* ------------------------------------------------------------ running */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *s = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (s = malloc((size_t)n + 1)) != NULL)
            s[fread(s, 1, (size_t)n, f)] = '\0';
    }
    fclose(f);
    return s;
}

static const char *pbcheck_binary(void)
{
    const char *bin = getenv("PBCHECK");
    return bin && *bin ? bin : "./pbcheck";
}

/* Runs `$PBCHECK tables args...` with no shell in between; lc_all, when
 * given, is the child's whole locale (LANGUAGE is cleared so that messages
 * stay English). */
static run_result run_tables(const char *lc_all, const char *const *args)
{
    char out_path[512], err_path[512];
    snprintf(out_path, sizeof out_path, "%s", fx_tmp_path("tables.stdout"));
    snprintf(err_path, sizeof err_path, "%s", fx_tmp_path("tables.stderr"));
    const char *argv[32] = {pbcheck_binary(), "tables"};
    size_t n = 2;
    for (size_t i = 0; args[i] && n < 31; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
            _exit(127);
        unsetenv("LANGUAGE");
        setenv("LC_ALL", lc_all ? lc_all : "C.UTF-8", 1);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int st;
    assert_true(waitpid(pid, &st, 0) == pid);
    run_result r = {WIFEXITED(st) ? WEXITSTATUS(st) : 128, slurp(out_path), slurp(err_path)};
    assert_non_null(r.out);
    assert_non_null(r.err);
    if (r.status == 127)
        fail_msg("could not run %s (set PBCHECK to the binary)", argv[0]);
    return r;
}

static void run_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

static cJSON *parse_json(const char *text)
{
    cJSON *j = cJSON_Parse(text);
    if (!j)
        fail_msg("not JSON: %.300s", text);
    return j;
}

/* The one file object of a single-file JSON run. */
static const cJSON *only_file(const cJSON *root)
{
    assert_int_equal(cJSON_GetArraySize(root), 1);
    const cJSON *files = cJSON_GetObjectItemCaseSensitive(root, "files");
    assert_true(cJSON_IsArray(files));
    assert_int_equal(cJSON_GetArraySize(files), 1);
    return cJSON_GetArrayItem(files, 0);
}

static int int_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v))
        fail_msg("\"%s\" is not a number", key);
    return v->valueint;
}

static const char *str_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsString(v))
        fail_msg("\"%s\" is not a string", key);
    return v->valuestring;
}

/* Writes a fixture .docx; its path goes to path (fx_tmp_path's own buffer
 * is reused by the next call). */
static const char *write_docx(char path[512], const char *name, const char *body)
{
    snprintf(path, 512, "%s", fx_tmp_path(name));
    assert_true(fx_docx_file(path, body));
    return path;
}

/* Runs `tables --format json` on a fixture file; returns the parsed output. */
static cJSON *tables_json_of(const char *path)
{
    const char *args[] = {"--format", "json", path, NULL};
    run_result r = run_tables(NULL, args);
    if (r.status != 0)
        fail_msg("exit status %d: %s", r.status, r.err);
    cJSON *j = parse_json(r.out);
    run_free(&r);
    return j;
}

/* ------------------------------------------------ Microsoft Word's files */

static bool samples_present(void)
{
    struct stat st;
    if (stat(SAMPLES_DIR, &st) == 0 && S_ISDIR(st.st_mode))
        return true;
    return false;
}

static const cJSON *expected_file(const cJSON *expected, const char *name)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(expected, "files"))
        if (strcmp(str_of(f, "name"), name) == 0)
            return f;
    fail_msg("%s is not in %s", name, EXPECTED_JSON);
    return NULL;
}

static void expect_cell(const char *where, const cJSON *want, const cJSON *got)
{
    assert_int_equal(cJSON_GetArraySize(got), 4); /* text, column, row_span, col_span */
    if (strcmp(str_of(got, "text"), str_of(want, "text")) != 0)
        fail_msg("%s: text \"%s\", expected \"%s\"", where, str_of(got, "text"), str_of(want, "text"));
    static const char *const keys[] = {"column", "row_span", "col_span"};
    for (size_t k = 0; k < 3; k++)
        if (int_of(got, keys[k]) != int_of(want, keys[k]))
            fail_msg("%s: %s %d, expected %d", where, keys[k], int_of(got, keys[k]), int_of(want, keys[k]));
}

static void expect_table(const char *name, const cJSON *want, const cJSON *got)
{
    int index = int_of(want, "index");
    assert_int_equal(cJSON_GetArraySize(got), 6); /* index, parent, rows, width, family, cells */
    assert_int_equal(int_of(got, "index"), index);
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(got, "parent")));
    if (int_of(got, "rows") != int_of(want, "rows") || int_of(got, "width") != int_of(want, "width"))
        fail_msg("%s table %d: %d rows x %d columns, expected %d x %d", name, index, int_of(got, "rows"),
                 int_of(got, "width"), int_of(want, "rows"), int_of(want, "width"));
    const cJSON *want_rows = cJSON_GetObjectItemCaseSensitive(want, "cells");
    const cJSON *got_rows = cJSON_GetObjectItemCaseSensitive(got, "cells");
    assert_int_equal(cJSON_GetArraySize(got_rows), cJSON_GetArraySize(want_rows));
    for (int r = 0; r < cJSON_GetArraySize(want_rows); r++) {
        const cJSON *wr = cJSON_GetArrayItem(want_rows, r), *gr = cJSON_GetArrayItem(got_rows, r);
        if (cJSON_GetArraySize(gr) != cJSON_GetArraySize(wr))
            fail_msg("%s table %d row %d: %d cells, expected %d", name, index, r, cJSON_GetArraySize(gr),
                     cJSON_GetArraySize(wr));
        for (int c = 0; c < cJSON_GetArraySize(wr); c++) {
            char where[256];
            snprintf(where, sizeof where, "%s table %d row %d cell %d", name, index, r, c);
            expect_cell(where, cJSON_GetArrayItem(wr, c), cJSON_GetArrayItem(gr, c));
        }
    }
}

/* One Word file: table count, grid sizes, every cell's text and spans. */
static void test_word_sample(void **state)
{
    const char *name = *state;
    if (!samples_present())
        FX_SKIP("%s is absent; the Word sample files are read in place there, not copied into this repository",
                SAMPLES_DIR);
    char *text = slurp(EXPECTED_JSON);
    assert_non_null(text);
    cJSON *expected = parse_json(text);
    free(text);
    const cJSON *want = expected_file(expected, name);

    char path[512];
    snprintf(path, sizeof path, "%s/%s", SAMPLES_DIR, name);
    const char *args[] = {"--format", "json", path, NULL};
    run_result r = run_tables(NULL, args);
    if (r.status != 0)
        fail_msg("%s: exit status %d: %s", name, r.status, r.err);
    assert_string_equal(r.err, "");
    cJSON *root = parse_json(r.out);
    const cJSON *got = only_file(root);
    assert_string_equal(str_of(got, "path"), path);
    assert_string_equal(str_of(got, "status"), "ok");
    assert_null(cJSON_GetObjectItemCaseSensitive(got, "error"));

    const cJSON *want_tables = cJSON_GetObjectItemCaseSensitive(want, "tables");
    const cJSON *got_tables = cJSON_GetObjectItemCaseSensitive(got, "tables");
    if (cJSON_GetArraySize(got_tables) != cJSON_GetArraySize(want_tables))
        fail_msg("%s: %d tables, expected %d", name, cJSON_GetArraySize(got_tables), cJSON_GetArraySize(want_tables));
    for (int i = 0; i < cJSON_GetArraySize(want_tables); i++)
        expect_table(name, cJSON_GetArrayItem(want_tables, i), cJSON_GetArrayItem(got_tables, i));
    cJSON_Delete(root);
    cJSON_Delete(expected);
    run_free(&r);
}

/* The expectations cover exactly the 13 files of the folder. */
static void test_word_samples_all_listed(void **state)
{
    (void)state;
    if (!samples_present())
        FX_SKIP("%s is absent; the Word sample files are read in place there, not copied into this repository",
                SAMPLES_DIR);
    char *text = slurp(EXPECTED_JSON);
    assert_non_null(text);
    cJSON *expected = parse_json(text);
    free(text);
    int tables = 0;
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(expected, "files")) {
        char path[512];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", SAMPLES_DIR, str_of(f, "name"));
        if (stat(path, &st) != 0)
            fail_msg("%s is listed but missing", path);
        tables += cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(f, "tables"));
    }
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(expected, "files")), 13);
    assert_int_equal(tables, 17);
    cJSON_Delete(expected);
}

/* ------------------------------------------------------------ fixtures */

static const cJSON *table_at(const cJSON *file, int i)
{
    return cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(file, "tables"), i);
}

static const cJSON *cell_at(const cJSON *table, int row, int i)
{
    const cJSON *r = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(table, "cells"), row);
    assert_non_null(r);
    const cJSON *c = cJSON_GetArrayItem(r, i);
    assert_non_null(c);
    return c;
}

static int cells_in_row(const cJSON *table, int row)
{
    return cJSON_GetArraySize(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(table, "cells"), row));
}

static void expect_parent(const cJSON *table, int t, int row, int col)
{
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(table, "parent");
    assert_true(cJSON_IsObject(p));
    assert_int_equal(int_of(p, "table"), t);
    assert_int_equal(int_of(p, "row"), row);
    assert_int_equal(int_of(p, "column"), col);
}

#define NESTED_BODY                                                                                         \
    TBL(TR(TC("outer A1") TC("outer A2"))                                                                 \
        TR(TC("outer B1") "<w:tc>" P("before") TBL(TR(TC("inner 1") "<w:tc>" TBL(TR(TC("deepest"))) \
                                                            "<w:p/></w:tc>"))                              \
           "<w:p/></w:tc>"))                                                                               \
    P("between") TBL(TR(TC("second top-level")))

/* Nested tables come right after their parent, pointing at its cell. */
static void test_nested_after_parent(void **state)
{
    (void)state;
    char path[512];
    cJSON *root = tables_json_of(write_docx(path, "nested.docx", NESTED_BODY));
    const cJSON *f = only_file(root);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(f, "tables")), 4);
    for (int i = 0; i < 4; i++)
        assert_int_equal(int_of(table_at(f, i), "index"), i);
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(table_at(f, 0), "parent")));
    expect_parent(table_at(f, 1), 0, 1, 1); /* in outer B2 */
    expect_parent(table_at(f, 2), 1, 0, 1); /* in the inner table's second cell */
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(table_at(f, 3), "parent")));
    assert_string_equal(str_of(cell_at(table_at(f, 1), 0, 0), "text"), "inner 1");
    assert_string_equal(str_of(cell_at(table_at(f, 2), 0, 0), "text"), "deepest");
    assert_string_equal(str_of(cell_at(table_at(f, 3), 0, 0), "text"), "second top-level");
    /* The nested tables' text is not part of their parent cell's text. */
    const char *holder = str_of(cell_at(table_at(f, 0), 1, 1), "text");
    assert_non_null(strstr(holder, "before"));
    assert_null(strstr(holder, "inner 1"));
    assert_null(strstr(holder, "deepest"));
    cJSON_Delete(root);

    const char *args[] = {path, NULL};
    run_result r = run_tables(NULL, args);
    assert_int_equal(r.status, 0);
    const char *t1 = strstr(r.out, "table 1: 2 row(s) × 2 grid column(s)\n");
    const char *t2 = strstr(r.out, "table 2: 1 row(s) × 2 grid column(s), nested in table 1, row 2, column 2\n");
    const char *t3 = strstr(r.out, "table 3: 1 row(s) × 1 grid column(s), nested in table 2, row 1, column 2\n");
    const char *t4 = strstr(r.out, "table 4: 1 row(s) × 1 grid column(s)\n");
    if (!t1 || !t2 || !t3 || !t4 || !(t1 < t2 && t2 < t3 && t3 < t4))
        fail_msg("headings missing or out of order:\n%s", r.out);
    run_free(&r);
}

/* Rows starting after w:gridBefore and ending before w:gridAfter. */
static void test_grid_before_after(void **state)
{
    (void)state;
    char path[512];
    cJSON *root = tables_json_of(write_docx(
        path, "gridba.docx",
        TBL(TRP("<w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"2\"/>", TC("mid"))
                TRP("<w:gridBefore w:val=\"2\"/>", TCP(SPAN(2), "right half"))
                    TR(TC("a") TC("b") TC("c") TC("d")))));
    const cJSON *t = table_at(only_file(root), 0);
    assert_int_equal(int_of(t, "width"), 4);
    assert_int_equal(int_of(t, "rows"), 3);
    assert_int_equal(cells_in_row(t, 0), 1);
    assert_string_equal(str_of(cell_at(t, 0, 0), "text"), "mid");
    assert_int_equal(int_of(cell_at(t, 0, 0), "column"), 1);
    assert_int_equal(int_of(cell_at(t, 0, 0), "col_span"), 1);
    assert_int_equal(cells_in_row(t, 1), 1);
    assert_int_equal(int_of(cell_at(t, 1, 0), "column"), 2);
    assert_int_equal(int_of(cell_at(t, 1, 0), "col_span"), 2);
    assert_int_equal(cells_in_row(t, 2), 4);
    for (int c = 0; c < 4; c++)
        assert_int_equal(int_of(cell_at(t, 2, c), "column"), c);
    cJSON_Delete(root);

    /* Drawn: the slots no cell covers are shaded, and the legend says so.
     * "right half" (10 columns) widens columns 3 and 4 (1 each, with a rule
     * and padding between: 5) by 3 and 2. */
    const char *args[] = {path, NULL};
    run_result r = run_tables(NULL, args);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "    1   2     3      4    \n"
                                  "  ┌───┬─────┬──────┬─────┐\n"
                                  "1 │ ░ │ mid │ ░░░░ │ ░░░ │\n"
                                  "  ├───┼─────┼──────┴─────┤\n"
                                  "2 │ ░ │ ░░░ │ right half │\n"
                                  "  ├───┼─────┼──────┬─────┤\n"
                                  "3 │ a │ b   │ c    │ d   │\n"
                                  "  └───┴─────┴──────┴─────┘\n"));
    assert_non_null(strstr(r.out, "░ = no cell covers this grid slot"));
    run_free(&r);
}

#define VMERGE_BODY                                                                   \
    TBL(TR(TCP(VRESTART, "merged") TC("r1") TC("x1"))                                 \
            TR(TCP(VCONT, "") TC("r2") TC("x2"))                                      \
                TR(TCP(VCONT, "hidden continuation text") TC("r3") TC("x3"))          \
                    TR(TC("last") TCP(VRESTART SPAN(2), "wide")) TR(TC("end") TCP(VCONT SPAN(2), "")))

/* A cell continued from above by w:vMerge is not listed again. */
static void test_vmerge_continuation(void **state)
{
    (void)state;
    char path[512];
    cJSON *root = tables_json_of(write_docx(path, "vmerge.docx", VMERGE_BODY));
    const cJSON *t = table_at(only_file(root), 0);
    assert_int_equal(int_of(t, "rows"), 5);
    assert_int_equal(int_of(t, "width"), 3);
    assert_int_equal(cells_in_row(t, 0), 3);
    assert_string_equal(str_of(cell_at(t, 0, 0), "text"), "merged");
    assert_int_equal(int_of(cell_at(t, 0, 0), "row_span"), 3);
    for (int r = 1; r <= 2; r++) {
        assert_int_equal(cells_in_row(t, r), 2);
        assert_int_equal(int_of(cell_at(t, r, 0), "column"), 1);
    }
    assert_int_equal(int_of(cell_at(t, 3, 1), "row_span"), 2);
    assert_int_equal(int_of(cell_at(t, 3, 1), "col_span"), 2);
    assert_int_equal(cells_in_row(t, 4), 1);
    char *printed = cJSON_PrintUnformatted(t);
    assert_null(strstr(printed, "hidden continuation text"));
    free(printed);
    cJSON_Delete(root);

    /* Drawn: no rule inside the merged areas, the text shown once. */
    const char *args[] = {path, NULL};
    run_result r = run_tables(NULL, args);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "1 │ merged │ r1 │ x1 │\n"
                                  "  │        ├────┼────┤\n"
                                  "2 │        │ r2 │ x2 │\n"
                                  "  │        ├────┼────┤\n"
                                  "3 │        │ r3 │ x3 │\n"
                                  "  ├────────┼────┴────┤\n"
                                  "4 │ last   │ wide    │\n"
                                  "  ├────────┤         │\n"
                                  "5 │ end    │         │\n"
                                  "  └────────┴─────────┘\n"));
    const char *merged = strstr(r.out, "merged");
    assert_non_null(merged);
    assert_null(strstr(merged + 1, "merged"));
    run_free(&r);
}

/* ---------------------------------------------------- CJK and wrapping */

/* Display columns of a UTF-8 line by the C library's own wcwidth() in a
 * UTF-8 locale: an oracle independent of pbcheck's width table. */
static int display_width(const char *s, size_t len)
{
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    int w = 0;
    for (size_t i = 0; i < len;) {
        wchar_t wc;
        size_t n = mbrtowc(&wc, s + i, len - i, &ps);
        if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
            fail_msg("invalid UTF-8 in output: %.*s", (int)len, s);
        int cw = wcwidth(wc);
        if (cw < 0)
            fail_msg("unprintable character U+%04X in output", (unsigned)wc);
        w += cw;
        i += n;
    }
    return w;
}

#define CJK_BODY                                                                                             \
    TBL(TR(TC("项目编码") TCP(SPAN(2), "13020925P001470100024") TC("项目名称") TC("房屋租赁和物业管理专项经费")) \
            TR(TCP(VRESTART, "预算规模及资金用途") TC("预算数") TC("２４２．５９") TC("其中：财政\u3000资金") \
                   TC("242.59"))                                                                              \
                TR(TCP(VCONT, "") TCP(SPAN(4), "支付所辖社区党群服务中心办公场所租赁费、物业服务费；"     \
                                               "支付街道库房租赁费。Mixed English words wrap too."))          \
                    TR(TC("Café́ ñ") TC("（全角）") TC("ｶﾀｶﾅ") TC("한국어") TC("a\tb")))

/* The lines of the first drawn table: from the column ruler down to the
 * bottom border. */
static size_t table_lines(const char *out, const char **lines, size_t max)
{
    const char *p = strstr(out, "table 1:");
    assert_non_null(p);
    p = strchr(p, '\n') + 1;
    size_t n = 0;
    while (*p && n < max) {
        const char *e = strchr(p, '\n');
        assert_non_null(e);
        if (strncmp(p, "not a project", 13) == 0 || strncmp(p, "project table", 13) == 0)
            break;
        lines[n++] = p;
        p = e + 1;
    }
    return n;
}

static void test_text_cjk_aligned(void **state)
{
    (void)state;
    if (!setlocale(LC_CTYPE, "C.UTF-8"))
        FX_SKIP("no C.UTF-8 locale; the terminal widths of CJK text cannot be measured");
    char path[512];
    const char *args[] = {write_docx(path, "cjk.docx", CJK_BODY), NULL};
    run_result r = run_tables(NULL, args);
    assert_int_equal(r.status, 0);
    const char *lines[200];
    size_t n = table_lines(r.out, lines, 200);
    assert_true(n >= 10);
    int width = -1;
    for (size_t i = 0; i < n; i++) {
        size_t len = (size_t)(strchr(lines[i], '\n') - lines[i]);
        int w = display_width(lines[i], len);
        if (width < 0)
            width = w;
        else if (w != width)
            fail_msg("line %zu is %d columns wide, line 0 is %d:\n%s", i, w, width, r.out);
    }
    /* Long text is wrapped: no column is wider than 24, so 5 columns with
     * their rules and padding and the 2-column gutter make at most
     * 2 + 5 × 27 + 1 columns, and the 72-column text is split. */
    assert_true(width <= 2 + 5 * 27 + 1);
    assert_null(strstr(r.out, "支付所辖社区党群服务中心办公场所租赁费、物业服务费；支付街道库房租赁费。"));
    assert_non_null(strstr(r.out, "支付所辖"));
    assert_non_null(strstr(r.out, "a b")); /* a tab would break the grid */
    assert_non_null(strstr(r.out, "project table: part of project 1 13020925P001470100024"));

    /* The drawing does not depend on the locale pbcheck runs in. */
    run_result c = run_tables("C", args);
    assert_int_equal(c.status, 0);
    assert_string_equal(c.out, r.out);
    run_free(&c);
    run_free(&r);
}

/* Under each table: which project it belongs to, or which label it lacks. */
static void test_recognition_line(void **state)
{
    (void)state;
    fx_project p = {0};
    char *ref = fx_reference_body(&p, 1);
    assert_non_null(ref);
    size_t len = strlen(ref) + 1024;
    char *body = malloc(len);
    assert_non_null(body);
    /* Before the project: a table right after an indicator table would
     * continue its indicators (a table split over pages). */
    snprintf(body, len, "%s%s", TBL(TR(TC("一级指标") TC("x"))) TBL(TR(TC("项目编码及名称") TC("no label of its own"))),
             ref);
    free(ref);
    char path[512];
    const char *args[] = {write_docx(path, "recognise.docx", body), NULL};
    free(body);
    run_result r = run_tables(NULL, args);
    assert_int_equal(r.status, 0);
    const char *first = strstr(r.out, "\nproject table: part of project 1 13020925P001470100024 "
                                      "房屋租赁和物业管理专项经费 (tables 3–4); template: "
                                      "预算管理一体化项目支出绩效目标表 (yitihua), from the labels ");
    assert_non_null(first);
    assert_non_null(strstr(first + 1, "\nproject table: part of project 1 13020925P001470100024 "
                                      "房屋租赁和物业管理专项经费 (tables 3–4); template: "
                                      "预算管理一体化项目支出绩效目标表 (yitihua), from the labels "));
    assert_non_null(strstr(r.out, "\nnot a project table: no 项目编码 / 项目名称 / 二级指标 / 指标值 label found\n"));
    assert_non_null(strstr(r.out, "\nnot a project table: no 项目编码 / 项目名称 / 一级指标 / 二级指标 / 指标值 "
                                  "label found (项目编码 appears only inside a longer cell text)\n"));
    run_free(&r);
}

/* -------------------------------------------------- errors and statuses */

static void test_unreadable_file(void **state)
{
    (void)state;
    const char *bad = fx_tmp_path("not-a-docx.docx");
    FILE *f = fopen(bad, "wb");
    assert_non_null(f);
    fputs("this is not a zip file", f);
    fclose(f);
    char bad_path[512];
    snprintf(bad_path, sizeof bad_path, "%s", bad);
    char good[512];
    write_docx(good, "good.docx", TBL(TR(TC("ok"))));
    const char *args[] = {"--format", "json", bad_path, good, NULL};
    run_result r = run_tables(NULL, args);
    assert_int_equal(r.status, 3);
    /* One line on stderr, naming the file and the reason. */
    assert_non_null(strstr(r.err, bad_path));
    assert_non_null(strstr(r.err, "[not-a-zip]"));
    assert_int_equal(strchr(r.err, '\n') - r.err + 1, (long)strlen(r.err));
    cJSON *root = parse_json(r.out);
    const cJSON *files = cJSON_GetObjectItemCaseSensitive(root, "files");
    assert_int_equal(cJSON_GetArraySize(files), 2);
    const cJSON *b = cJSON_GetArrayItem(files, 0), *g = cJSON_GetArrayItem(files, 1);
    assert_string_equal(str_of(b, "path"), bad_path);
    assert_string_equal(str_of(b, "status"), "error");
    assert_string_equal(str_of(cJSON_GetObjectItemCaseSensitive(b, "error"), "code"), "not-a-zip");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(b, "tables")), 0);
    assert_string_equal(str_of(g, "status"), "ok");
    assert_string_equal(str_of(cell_at(table_at(g, 0), 0, 0), "text"), "ok");
    cJSON_Delete(root);
    run_free(&r);

    const char *text_args[] = {"/nonexistent/file.docx", NULL};
    r = run_tables(NULL, text_args);
    assert_int_equal(r.status, 3);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, "/nonexistent/file.docx"));
    run_free(&r);
}

static void test_usage_errors(void **state)
{
    (void)state;
    const char *none[] = {NULL};
    run_result r = run_tables(NULL, none);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    run_free(&r);
    const char *bad_format[] = {"--format", "xml", "x.docx", NULL};
    r = run_tables(NULL, bad_format);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "xml"));
    run_free(&r);
    const char *help[] = {"--help", NULL};
    r = run_tables(NULL, help);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "pbcheck tables"));
    assert_non_null(strstr(r.out, "--format"));
    run_free(&r);
}

#define SAMPLE(file) {"word sample " file, test_word_sample, NULL, NULL, (void *)(file)}

/* A 部门整体 table is named as a department, not "not a project table";
 * a project table of no family says so, with the labels it was read from. */
static void test_department_and_no_family(void **state)
{
    (void)state;
    char path[512];
    write_docx(path, "dept_nofamily.docx",
               TBL(TR(TC("部门编码:") TC("316") TC("部门名称:") TC("某县林业局"))
                   TR(TC("*年度绩效总目标") TC("保障运转"))
                   TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值"))
                   TR(TC("产出指标") TC("数量指标") TC("保障职工人数(人)") TC("=116人")))
               P("x")
               TBL(TR(TC("绩效指标分类") TC("绩效指标") TC("指标值"))
                   TR(TC("产出指标") TC("救助覆盖率") TC("100%"))));
    const char *args[] = {path, NULL};
    run_result r = run_tables("C", args);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "department-wide table (部门整体, not a project): part of department 1 某县林业局"));
    /* the department's family is named, as a project's is */
    assert_non_null(strstr(r.out, "(table 1); template: 部门整体绩效目标表 (department), from the labels "));
    assert_null(strstr(r.out, "not a project table: no"));
    assert_non_null(strstr(r.out, "no template family recognised from the labels"));
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        SAMPLE("0_level_headers.docx"),
        SAMPLE("9002.docx"),
        SAMPLE("9358.docx"),
        SAMPLE("9603.docx"),
        SAMPLE("sdt_elements.docx"),
        SAMPLE("table_captions_no_field.docx"),
        SAMPLE("table_captions_with_field.docx"),
        SAMPLE("table_gridbefore.docx"),
        SAMPLE("table_header_rowspan.docx"),
        SAMPLE("table_one_header_row.docx"),
        SAMPLE("table_one_row.docx"),
        SAMPLE("table_with_list_cell.docx"),
        SAMPLE("tables.docx"),
        cmocka_unit_test(test_word_samples_all_listed),
        cmocka_unit_test(test_nested_after_parent),
        cmocka_unit_test(test_grid_before_after),
        cmocka_unit_test(test_vmerge_continuation),
        cmocka_unit_test(test_text_cjk_aligned),
        cmocka_unit_test(test_recognition_line),
        cmocka_unit_test(test_unreadable_file),
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_department_and_no_family),
    };
    return cmocka_run_group_tests_name("tables", tests, NULL, NULL);
}
