/* A streamed read (pb_check_file / pb_check_memory: each project checked
 * as it is read, then freed but for its identity) finds what reading the
 * whole document and checking it finds: the same findings, in the same
 * order, at the same cells, with the same subjects and fingerprints, on
 * every document the tests have — the repository's, the real filings and
 * the Word and WPS samples — with the default and the strict preset, and
 * on generated documents that fire the rules across projects.  Each
 * streamed read is done twice: on the caller's thread, and with the
 * package read on a thread of its own (pb_options.read_on_own_thread). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "fixture_layouts.h"
#include "pbcheck/pbcheck.h"

typedef struct seen {
    size_t calls;
    size_t indicators; /* over the projects fn saw */
    size_t stop_after; /* 0: never stop */
} seen;

/* The options of a streamed read: on one thread, or reading beside. */
static const pb_options *stream_options(bool beside, pb_options *o)
{
    pb_options_default(o);
    o->read_on_own_thread = beside;
    return o;
}

static bool on_project(void *ctx, const pb_document *d, const pb_project *p)
{
    seen *s = ctx;
    (void)d;
    s->calls++;
    s->indicators += p->indicator_count;
    return !s->stop_after || s->calls < s->stop_after;
}

static void same_text(const char *a, const char *b)
{
    assert_string_equal(a ? a : "(null)", b ? b : "(null)");
}

static void same_project(const pb_project *a, const pb_project *b)
{
    assert_int_equal(a->number, b->number);
    assert_int_equal(a->whole_department, b->whole_department);
    same_text(a->code.text, b->code.text);
    same_text(a->name.text, b->name.text);
    same_text(a->title, b->title);
    same_text(a->total.raw, b->total.raw);
    assert_int_equal(a->loc.table, b->loc.table);
    /* the stub keeps no indicators */
    assert_null(b->indicators);
    assert_int_equal(b->indicator_count, 0);
}

/* Whole and streamed, the same findings; returns the findings' count. */
static size_t compare(const pb_document *whole, const pb_document *streamed, const seen *s)
{
    assert_int_equal(whole->error.status, streamed->error.status);
    assert_true(streamed->streamed);
    assert_int_equal(whole->project_count, streamed->project_count);
    assert_int_equal(whole->department_count, streamed->department_count);
    assert_int_equal(s->calls, whole->project_count + whole->department_count);
    size_t indicators = 0;
    for (size_t i = 0; i < whole->project_count; i++) {
        same_project(whole->projects[i], streamed->projects[i]);
        indicators += whole->projects[i]->indicator_count;
    }
    for (size_t i = 0; i < whole->department_count; i++) {
        same_project(whole->departments[i], streamed->departments[i]);
        indicators += whole->departments[i]->indicator_count;
    }
    assert_int_equal(s->indicators, indicators);
    assert_int_equal(whole->finding_count, streamed->finding_count);
    pb_fingerprint *fa = pb_fingerprints(whole), *fb = pb_fingerprints(streamed);
    assert_non_null(fa);
    assert_non_null(fb);
    for (size_t i = 0; i < whole->finding_count; i++) {
        const pb_finding *a = &whole->findings[i], *b = &streamed->findings[i];
        assert_ptr_equal(a->rule, b->rule);
        assert_int_equal(a->severity, b->severity);
        assert_string_equal(a->message, b->message);
        assert_memory_equal(&a->loc, &b->loc, sizeof a->loc);
        assert_int_equal(a->project == NULL, b->project == NULL);
        if (a->project) {
            assert_int_equal(a->project->number, b->project->number);
            assert_int_equal(a->project->whole_department, b->project->whole_department);
            /* the finding points at the document's stub */
            pb_project *const *list = b->project->whole_department ? streamed->departments : streamed->projects;
            assert_ptr_equal(list[b->project->number - 1], b->project);
        }
        char sa[1024], sb[1024];
        assert_string_equal(pb_finding_subject(a, sa, sizeof sa), pb_finding_subject(b, sb, sizeof sb));
        assert_string_equal(fa[i].hex, fb[i].hex);
    }
    free(fa);
    free(fb);
    return whole->finding_count;
}

static size_t compare_file(const char *path, const pb_config *c)
{
    pb_document *whole = pb_read_file(path, NULL);
    assert_non_null(whole);
    assert_true(pb_check(whole, c));
    size_t n = 0;
    for (int beside = 0; beside < 2; beside++) {
        seen s = {0};
        pb_options o;
        pb_document *streamed = pb_check_file(path, stream_options(beside, &o), c, on_project, &s);
        assert_non_null(streamed);
        n = compare(whole, streamed, &s);
        pb_document_free(streamed);
    }
    pb_document_free(whole);
    return n;
}

static bool document_file(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && (strcmp(name + n - 5, ".docx") == 0 || strcmp(name + n - 5, ".xlsx") == 0));
}

/* Every .docx and .xlsx of dir, whole and streamed, under both presets. */
static size_t compare_dir(const char *dir, size_t *files)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    size_t findings = 0;
    struct dirent *e;
    pb_config strict;
    pb_config_default(&strict);
    char err[256];
    assert_true(pb_config_preset(&strict, "strict", err, sizeof err));
    while ((e = readdir(dp))) {
        if (!document_file(e->d_name))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        findings += compare_file(path, NULL);
        findings += compare_file(path, &strict);
        ++*files;
    }
    closedir(dp);
    pb_config_free(&strict);
    return findings;
}

static void test_every_document(void **state)
{
    (void)state;
    static const char *const dirs[] = {"data", "tests/data", "tests/data/real-filings", "../shared/data",
                                       "../shared/data/real-filings", "../shared/data/word-samples",
                                       "../shared/data/wps-samples"};
    size_t files = 0, findings = 0;
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
        findings += compare_dir(dirs[i], &files);
    /* the repository alone has the reference and the real filings */
    assert_true(files >= 20);
    assert_true(findings >= 100);
}

/* Projects whose rules reach across the document: the same code twice
 * (PB502), the same name twice (PB503), indicators copied into all of
 * them (PB312), a placeholder name (PB323, and PB503 on the name without
 * it), part 1 naming a project another way (PB505). */
static void test_across_projects(void **state)
{
    (void)state;
    fx_table t[FX_MAX_TABLES];
    t[0] = fx_clean_table("1.楼门长补助专项经费绩效目标表", "13020925P00146810002A", "楼门长补助专项经费");
    t[1] = fx_clean_table("2.楼门长补助专项经费绩效目标表", "13020925P00146810002A", "楼门长补助专项经费XX");
    t[2] = fx_clean_table("3.社区服务经费绩效目标表", "13020925P00146810003B", "社区服务经费");
    t[3] = fx_clean_table("4.社区服务经费绩效目标表", "13020925P0014681", "社区服务经费");
    char *body = fx_tables_body(t, 4,
                                P("二、分项绩效目标") P("(一)楼门长补助专项经费") P("(二)社区服务专项经费")
                                    P("三、项目支出绩效目标表"));
    assert_non_null(body);
    size_t len;
    void *docx = fx_docx_mem(body, &len);
    free(body);
    assert_non_null(docx);
    pb_document *whole = pb_read_memory(docx, len, "across.docx", NULL);
    assert_true(pb_check(whole, NULL));
    seen s = {0};
    pb_document *streamed = pb_check_memory(docx, len, "across.docx", NULL, NULL, on_project, &s);
    compare(whole, streamed, &s);
    const char *want[] = {"PB312", "PB323", "PB501", "PB502", "PB503", "PB505"};
    for (size_t w = 0; w < sizeof want / sizeof *want; w++) {
        bool found = false;
        for (size_t i = 0; i < streamed->finding_count && !found; i++)
            found = strcmp(streamed->findings[i].rule->id, want[w]) == 0;
        if (!found)
            fail_msg("no %s among the %zu findings", want[w], streamed->finding_count);
    }
    pb_document_free(whole);
    pb_document_free(streamed);
    free(docx);
}

static void compare_bytes(const void *data, size_t len, const char *name)
{
    pb_document *whole = pb_read_memory(data, len, name, NULL);
    assert_true(pb_check(whole, NULL));
    assert_int_equal(whole->error.status, PB_OK);
    assert_true(whole->project_count + whole->department_count > 0);
    for (int beside = 0; beside < 2; beside++) {
        seen s = {0};
        pb_options o;
        pb_document *streamed = pb_check_memory(data, len, name, stream_options(beside, &o), NULL, on_project, &s);
        compare(whole, streamed, &s);
        pb_document_free(streamed);
    }
    pb_document_free(whole);
}

/* Every layout of the other offices (test_layouts), as .docx and as .xlsx
 * — several projects in one table or sheet, lists that carry a unit from
 * row to row — whole and streamed alike. */
static void test_layouts(void **state)
{
    (void)state;
    static const fl_format formats[] = {FL_DOCX, FL_XLSX, FL_XLSX_INLINE};
    fl_project p[3] = {fl_clean, fl_clean, fl_clean};
    p[1].code = "13020925P001470100099";
    p[1].name = "第二个项目专项经费";
    p[2].code = "13020925P001470100098";
    p[2].name = "第三个项目专项经费";
    p[2].sched[3] = "90%";
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        for (int l = 0; l < FL_LAYOUT_COUNT; l++) {
            fl_doc d = {0};
            fl_layout_doc(&d, (fl_layout)l, p, 3, false);
            size_t len;
            void *bytes = fl_write(&d, formats[f], &len);
            compare_bytes(bytes, len, formats[f] == FL_DOCX ? "layout.docx" : "layout.xlsx");
            free(bytes);
            fl_doc_free(&d);
        }
        for (int v = 0; v < FL_VARIANT_COUNT; v++) {
            fl_doc d = {0};
            fl_variant_doc(&d, (fl_variant)v);
            size_t len;
            void *bytes = fl_write(&d, formats[f], &len);
            compare_bytes(bytes, len, formats[f] == FL_DOCX ? "variant.docx" : "variant.xlsx");
            free(bytes);
            fl_doc_free(&d);
        }
    }
}

/* fn may stop the read: the document is then an error, with nothing in it. */
static void test_caller_stops(void **state)
{
    (void)state;
    for (int beside = 0; beside < 2; beside++) {
        seen s = {.stop_after = 2};
        pb_options o;
        pb_document *d = pb_check_file("data/reference.docx", stream_options(beside, &o), NULL, on_project, &s);
        assert_non_null(d);
        assert_int_equal(s.calls, 2);
        assert_int_equal(d->error.status, PB_ERR_INTERNAL);
        assert_int_equal(d->project_count, 0);
        assert_int_equal(d->finding_count, 0);
        pb_document_free(d);
    }
}

/* A file cut short is unreadable, streamed as whole: no half document. */
static void test_truncated(void **state)
{
    (void)state;
    FILE *f = fopen("data/reference.docx", "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    for (size_t cut = 1000; cut < 2 * len; cut += len / 7) {
        seen s = {0};
        pb_options o;
        pb_document *d = pb_check_memory(buf, cut % len, "cut.docx", stream_options(cut >= len, &o), NULL,
                                         on_project, &s);
        assert_non_null(d);
        assert_int_not_equal(d->error.status, PB_OK);
        assert_int_equal(d->project_count, 0);
        assert_int_equal(d->department_count, 0);
        assert_int_equal(d->finding_count, 0);
        pb_document_free(d);
    }
}

/* A document of many projects, read beside its checks in many batches:
 * whole and streamed alike, a stop by fn while the reader is ahead, and
 * cuts past the first batches (an error after projects were handed on). */
enum { MANY = 300 };
static void *many_projects(size_t *len, int n, const char *after, bool goals_nested)
{
    static char codes[MANY][32], names[MANY][64];
    fx_project p[MANY];
    for (int i = 0; i < n; i++) {
        snprintf(codes[i], sizeof codes[i], "13020925P0014681%05d", i + 1);
        snprintf(names[i], sizeof names[i], "第%d个社区服务专项经费", i + 1);
        p[i] = (fx_project){.code = codes[i], .name = names[i], .goals_nested = goals_nested};
    }
    char *body = fx_reference_body(p, (size_t)n);
    assert_non_null(body);
    char *whole = malloc(strlen(body) + strlen(after) + 1);
    assert_non_null(whole);
    strcat(strcpy(whole, body), after);
    free(body);
    void *docx = fx_docx_mem(whole, len);
    free(whole);
    assert_non_null(docx);
    return docx;
}

static void test_many_batches(void **state)
{
    (void)state;
    size_t len;
    void *docx = many_projects(&len, MANY, "", false);
    compare_bytes(docx, len, "many.docx");
    /* each goal list in a table nested in its cell: some nested table ends
     * a batch and its parent comes in the next one */
    size_t nlen;
    void *nested = many_projects(&nlen, MANY, "", true);
    compare_bytes(nested, nlen, "nested.docx");
    free(nested);
    pb_options o;
    for (size_t stop = 1; stop <= MANY; stop += MANY / 3) {
        seen s = {.stop_after = stop};
        pb_document *d = pb_check_memory(docx, len, "many.docx", stream_options(true, &o), NULL, on_project, &s);
        assert_int_equal(s.calls, stop);
        assert_int_equal(d->error.status, PB_ERR_INTERNAL);
        assert_int_equal(d->project_count, 0);
        pb_document_free(d);
    }
    /* broken markup after a few batches, and after all of them */
    for (int at = MANY / 10; at <= MANY; at += MANY - MANY / 10) {
        seen one = {0}, beside = {0};
        size_t blen;
        void *broken = many_projects(&blen, at, "<w:p></w:tbl>", false);
        pb_document *a = pb_check_memory(broken, blen, "broken.docx", stream_options(false, &o), NULL, on_project, &one);
        pb_document *b = pb_check_memory(broken, blen, "broken.docx", stream_options(true, &o), NULL, on_project, &beside);
        assert_int_equal(a->error.status, PB_ERR_XML_MALFORMED);
        assert_int_equal(b->error.status, PB_ERR_XML_MALFORMED);
        assert_string_equal(a->error.message, b->error.message);
        assert_true(one.calls >= (size_t)at - 1);
        assert_int_equal(one.calls, beside.calls);
        assert_int_equal(b->project_count + b->finding_count, 0);
        pb_document_free(a);
        pb_document_free(b);
        free(broken);
    }
    free(docx);
}

/* NULL fn: checked all the same. */
static void test_without_callback(void **state)
{
    (void)state;
    pb_document *d = pb_check_file("data/reference.docx", NULL, NULL, NULL, NULL);
    assert_int_equal(d->error.status, PB_OK);
    assert_int_equal(d->project_count, 3);
    assert_int_equal(d->finding_count, 19);
    pb_document_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_document),
        cmocka_unit_test(test_across_projects),
        cmocka_unit_test(test_layouts),
        cmocka_unit_test(test_caller_stops),
        cmocka_unit_test(test_many_batches),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_without_callback),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
