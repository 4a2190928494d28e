/* End-to-end: the pbcheck binary ($PBCHECK) on .docx fixtures; JSON output
 * parsed with cJSON, exit statuses asserted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define run fx_run
#define run_free fx_run_free

static cJSON *json_of(const run_result *r)
{
    cJSON *j = cJSON_Parse(r->out);
    if (!j)
        fail_msg("output is not JSON: %.200s", r->out);
    return j;
}

static const char *write_fixture(const char *name, const fx_project *p)
{
    static char path[512];
    char *body = fx_reference_body(p, 1);
    snprintf(path, sizeof path, "%s", fx_tmp_path(name));
    assert_true(fx_docx_file(path, body));
    free(body);
    return path;
}

static void test_reference_json(void **state)
{
    (void)state;
    /* The rules of issue 2 only: test_rules.c has the whole catalogue's list. */
    run_result r = run("--format json --select PB101,PB102,PB103,PB104,PB105,PB201,PB202,PB203,PB301,PB302,PB303,"
                       "PB304,PB401 tests/data/reference-libreoffice.docx");
    assert_int_equal(r.status, 0);
    cJSON *j = json_of(&r);
    assert_int_equal(cJSON_GetObjectItem(j, "schema_version")->valueint, 1);
    cJSON *file = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "files"), 0);
    assert_string_equal(cJSON_GetObjectItem(file, "status")->valuestring, "ok");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(file, "error")));
    cJSON *projects = cJSON_GetObjectItem(file, "projects");
    assert_int_equal(cJSON_GetArraySize(projects), 3);
    cJSON *p1 = cJSON_GetArrayItem(projects, 0);
    assert_string_equal(cJSON_GetObjectItem(p1, "code")->valuestring, "13020925P001470100024");
    assert_string_equal(cJSON_GetObjectItem(p1, "unit")->valuestring, "万元");
    cJSON *budget = cJSON_GetObjectItem(p1, "budget");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(budget, "other")));
    cJSON *ind = cJSON_GetArrayItem(cJSON_GetObjectItem(p1, "indicators"), 3);
    cJSON *value = cJSON_GetObjectItem(ind, "value");
    assert_string_equal(cJSON_GetObjectItem(value, "op")->valuestring, "<=");
    assert_string_equal(cJSON_GetObjectItem(value, "unit")->valuestring, "万元");
    /* Exact decimals in the text itself, not via a double. */
    assert_non_null(strstr(r.out, "\"total\":242.59,"));
    assert_non_null(strstr(r.out, "\"total\":237.00,"));
    assert_non_null(strstr(r.out, "\"number\":242.59,"));
    /* The three findings of issue 2 on the reference document. */
    cJSON *findings = cJSON_GetObjectItem(file, "findings");
    assert_int_equal(cJSON_GetArraySize(findings), 3);
    static const struct {
        const char *rule, *name, *project;
        int table, row, col;
    } want[] = {{"PB101", "schedule-checkpoint-blank", "13020925P001470100024", 0, 5, 1},
                {"PB101", "schedule-checkpoint-blank", "13020925P001470100024", 0, 5, 3},
                {"PB304", "indicator-direction", "13020925P001517100028", 5, 3, 4}};
    for (int i = 0; i < 3; i++) {
        cJSON *f = cJSON_GetArrayItem(findings, i);
        assert_string_equal(cJSON_GetObjectItem(f, "rule")->valuestring, want[i].rule);
        assert_string_equal(cJSON_GetObjectItem(f, "name")->valuestring, want[i].name);
        assert_string_equal(cJSON_GetObjectItem(f, "severity")->valuestring, "warning");
        assert_string_equal(cJSON_GetObjectItem(f, "project")->valuestring, want[i].project);
        cJSON *loc = cJSON_GetObjectItem(f, "location");
        assert_int_equal(cJSON_GetObjectItem(loc, "table")->valueint, want[i].table);
        assert_int_equal(cJSON_GetObjectItem(loc, "row")->valueint, want[i].row);
        assert_int_equal(cJSON_GetObjectItem(loc, "column")->valueint, want[i].col);
    }
    assert_non_null(strstr(cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 2), "message")->valuestring, "≥1年"));
    cJSON *summary = cJSON_GetObjectItem(j, "summary");
    assert_int_equal(cJSON_GetObjectItem(summary, "projects")->valueint, 3);
    cJSON_Delete(j);
    run_free(&r);
}

static void test_text_output(void **state)
{
    (void)state;
    run_result r = run("--color never data/reference.docx");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "data/reference.docx"));
    assert_non_null(strstr(r.out, "1.房屋租赁和物业管理专项经费绩效目标表"));
    assert_non_null(strstr(r.out, "PB101 schedule-checkpoint-blank"));
    assert_non_null(strstr(r.out, "table 1, row 6, column 2"));
    assert_non_null(strstr(r.out, "「≥1年」"));
    assert_null(strstr(r.out, "\033["));
    run_free(&r);
    r = run("--color always data/reference.docx");
    assert_non_null(strstr(r.out, "\033["));
    run_free(&r);
}

static void test_error_finding_exit_1(void **state)
{
    (void)state;
    fx_project p = {.sched = {"25%", "50%", "75%", "90%"}};
    const char *path = write_fixture("final90.docx", &p);
    char args[1024];
    snprintf(args, sizeof args, "--format json '%s'", path);
    run_result r = run(args);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "schedule-final-not-100"));
    run_free(&r);
}

static void test_unreadable_file_among_others(void **state)
{
    (void)state;
    /* fx_tmp_path returns one static buffer: keep copies. */
    char empty[512], junk[512];
    snprintf(empty, sizeof empty, "%s", fx_tmp_path("empty.docx"));
    snprintf(junk, sizeof junk, "%s", fx_tmp_path("报告 2025.docx"));
    FILE *f = fopen(empty, "w");
    fclose(f);
    f = fopen(junk, "w");
    fputs("{\\rtf1\\ansi hello}", f);
    fclose(f);
    char args[2048];
    snprintf(args, sizeof args, "--format json '%s' data/reference.docx '%s' '%s'", empty, junk,
             fx_tmp_path("missing.docx"));
    run_result r = run(args);
    assert_int_equal(r.status, 3);
    cJSON *j = json_of(&r);
    cJSON *files = cJSON_GetObjectItem(j, "files");
    assert_int_equal(cJSON_GetArraySize(files), 4);
    static const char *const codes[] = {"empty-file", NULL, "not-a-zip", "io-error"};
    for (int i = 0; i < 4; i++) {
        cJSON *fi = cJSON_GetArrayItem(files, i);
        if (!codes[i]) {
            assert_string_equal(cJSON_GetObjectItem(fi, "status")->valuestring, "ok");
            assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(fi, "projects")), 3);
            continue;
        }
        assert_string_equal(cJSON_GetObjectItem(fi, "status")->valuestring, "error");
        cJSON *e = cJSON_GetObjectItem(fi, "error");
        assert_string_equal(cJSON_GetObjectItem(e, "code")->valuestring, codes[i]);
        assert_true(strlen(cJSON_GetObjectItem(e, "message")->valuestring) > 5);
    }
    /* One line per unreadable file on stderr, naming the file and the reason. */
    assert_non_null(strstr(r.err, "empty.docx: the file is empty [empty-file]\n"));
    assert_non_null(strstr(r.err, "报告 2025.docx: an RTF file"));
    int lines = 0;
    for (const char *p = r.err; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        lines += strncmp(p, "pbcheck: ", 9) == 0;
    assert_int_equal(lines, 3);
    /* a JSON run's stderr has no closing list of failing files: only text has */
    assert_null(strstr(r.err, "Files that cannot be read"));
    cJSON_Delete(j);
    run_free(&r);
}

static void test_status_precedence(void **state)
{
    (void)state;
    fx_project p = {.sched = {"25%", "50%", "75%", "90%"}};
    char bad[512];
    snprintf(bad, sizeof bad, "%s", write_fixture("err.docx", &p));
    char empty[512];
    snprintf(empty, sizeof empty, "%s", fx_tmp_path("empty2.docx"));
    FILE *f = fopen(empty, "w");
    fclose(f);
    char args[2048];
    snprintf(args, sizeof args, "'%s' '%s'", bad, empty);
    run_result r = run(args);
    assert_int_equal(r.status, 3); /* 3 (unreadable) wins over 1 (findings) */
    run_free(&r);
    snprintf(args, sizeof args, "'%s' '%s'", empty, bad);
    r = run(args);
    assert_int_equal(r.status, 3);
    run_free(&r);
}

static void test_usage(void **state)
{
    (void)state;
    run_result r = run("");
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "no file given"));
    run_free(&r);
    r = run("--format yaml data/reference.docx");
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    run_free(&r);
    r = run("--max-part-size -5 data/reference.docx");
    assert_int_equal(r.status, 2);
    run_free(&r);
    r = run("--no-such-option data/reference.docx");
    assert_int_equal(r.status, 2);
    run_free(&r);
    r = run("--help");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Exit status"));
    run_free(&r);
    r = run("--version");
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "pbcheck ", 8) == 0);
    run_free(&r);
}

static void test_max_part_size(void **state)
{
    (void)state;
    run_result r = run("--format json --max-part-size 100K data/reference.docx");
    assert_int_equal(r.status, 3);
    assert_non_null(strstr(r.out, "\"code\":\"part-too-large\""));
    run_free(&r);
    r = run("--format json --max-part-size 1M data/reference.docx");
    assert_int_equal(r.status, 0);
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_json),   cmocka_unit_test(test_text_output),
        cmocka_unit_test(test_error_finding_exit_1), cmocka_unit_test(test_unreadable_file_among_others),
        cmocka_unit_test(test_status_precedence), cmocka_unit_test(test_usage),
        cmocka_unit_test(test_max_part_size),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
