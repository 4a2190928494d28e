/* The reporters' shared parts: the one UTF-8 decoder and its strictness,
 * text made safe for a terminal, and the registry of formats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "pbcheck/pbcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void expect_decode(const char *s, unsigned want_cp, int want_len)
{
    unsigned cp = 12345;
    assert_int_equal(pb_utf8_decode(s, &cp), want_len);
    assert_int_equal(cp, want_cp);
}

static void test_utf8_strict(void **state)
{
    (void)state;
    expect_decode("A", 'A', 1);
    expect_decode("", 0, 1);
    expect_decode("\xC3\xA9", 0xE9, 2);
    expect_decode("预", 0x9884, 3);
    expect_decode("\xF0\x9F\x98\x80", 0x1F600, 4);
    expect_decode("\xF4\x8F\xBF\xBF", 0x10FFFF, 4);
    /* each of these is one invalid byte */
    expect_decode("\xC0\x80", 0xFFFD, 1);         /* overlong NUL */
    expect_decode("\xC1\xBF", 0xFFFD, 1);         /* overlong */
    expect_decode("\xE0\x80\xAF", 0xFFFD, 1);     /* overlong '/' */
    expect_decode("\xF0\x80\x80\xAF", 0xFFFD, 1); /* overlong '/' */
    expect_decode("\xED\xA0\x80", 0xFFFD, 1);     /* surrogate */
    expect_decode("\xF4\x90\x80\x80", 0xFFFD, 1); /* past U+10FFFF */
    expect_decode("\xF8\x88\x80\x80", 0xFFFD, 1);
    expect_decode("\x80", 0xFFFD, 1);             /* stray continuation */
    expect_decode("\xE9\xA2", 0xFFFD, 1);         /* cut: the NUL ends it */
    expect_decode("\xE9\xA2" "A", 0xFFFD, 1);
}

static void expect_safe(const char *in, const char *want)
{
    char buf[256];
    assert_int_equal(pb_safe_text(in, buf, sizeof buf), strlen(want));
    assert_string_equal(buf, want);
}

static void test_safe_text(void **state)
{
    (void)state;
    expect_safe("预算\t单位\n", "预算\t单位\n");
    expect_safe("\x1b[2J清屏", "\\x1B[2J清屏");
    expect_safe("a\rb\x7f", "a\\x0Db\\x7F");
    expect_safe("\xC2\x9B" "31m", "\\u009B31m"); /* C1 CSI */
    expect_safe("\xD4\xA4\xCB", "\xD4\xA4\xCB");  /* bytes that are no control stay */
    expect_safe(NULL, "");
    /* cut before an escape that does not fit; the length is the whole */
    char small[6];
    assert_int_equal(pb_safe_text("ab\x1b" "cd", small, sizeof small), 8);
    assert_string_equal(small, "ab");
    assert_int_equal(pb_safe_text("\x1b", NULL, 0), 4);
}

static void test_fput_safe(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    char big[2000];
    memset(big, '\x1b', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_true(pb_fput_safe(out, "x\x1by"));
    assert_true(pb_fput_safe(out, big));
    fclose(out);
    assert_int_equal(len, 6 + 4 * (sizeof big - 1));
    assert_memory_equal(buf, "x\\x1By", 6);
    assert_null(strchr(buf, '\x1b'));
    free(buf);
}

static void expect_path(const char *in, const char *want)
{
    char buf[256];
    assert_int_equal(pb_path_display(in, buf, sizeof buf), strlen(want));
    assert_string_equal(buf, want);
}

/* Issue 16 point 6: names in GBK or GB18030 are shown readable, part by
 * part; bytes that are neither stay escaped. */
static void test_path_display(void **state)
{
    (void)state;
    expect_path("dir/预算表.docx", "dir/预算表.docx");           /* UTF-8: as it is */
    expect_path("\xD4\xA4\xCB\xE3\xB1\xED.docx", "预算表.docx"); /* GBK */
    /* a UTF-8 folder, a GBK name: each part on its own */
    expect_path("单位/\xD4\xA4\xCB\xE3.docx", "单位/预算.docx");
    expect_path("/\xD4\xA4\xCB\xE3/x//y", "/预算/x//y");
    expect_path("\x95\x32\x82\x36.docx", "\xF0\xA0\x80\x80.docx"); /* GB18030's four bytes: U+20000 */
    /* neither UTF-8 nor GB18030: each invalid byte escaped, the rest kept */
    expect_path("bad\xFF\xFE名.docx", "bad\\xFF\\xFE名.docx");
    expect_path("x\xD4.docx", "x\\xD4.docx"); /* a lead byte with no trail */
    /* GB18030 that decodes to a control or private-use character is no name */
    expect_path("\x81\x30\x81\x30", "\\x810\\x810");    /* U+0080 */
    expect_path("\xAA\xA1.docx", "\\xAA\\xA1.docx");     /* U+E000 */
    expect_path(NULL, "");
    /* bounded like snprintf: the length is the whole form */
    char small[5];
    assert_int_equal(pb_path_display("\xD4\xA4\xCB\xE3", small, sizeof small), 6);
    assert_string_equal(small, "");
    assert_int_equal(pb_path_display("\xFF", NULL, 0), 4);
    /* base64 of the bytes (RFC 4648 test vectors, then a GBK name) */
    const char *vec[][2] = {{"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="},
                            {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}, {"\xD4\xA4\xCB\xE3", "1KTL4w=="}};
    for (size_t i = 0; i < sizeof vec / sizeof vec[0]; i++) {
        char b[64];
        assert_int_equal(pb_path_base64(vec[i][0], b, sizeof b), strlen(vec[i][1]));
        assert_string_equal(b, vec[i][1]);
    }
    /* terminal form: readable and without controls */
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    assert_true(pb_fput_path(out, "\x1b[2J\xD4\xA4\xCB\xE3"));
    fclose(out);
    assert_string_equal(buf, "\\x1B[2J预算");
    free(buf);
}

static void test_registry(void **state)
{
    (void)state;
    char joined[256] = "";
    size_t n = 0;
    for (const pb_reporter *r; (r = pb_reporter_at(n)); n++) {
        assert_ptr_equal(pb_reporter_find(r->name), r);
        if (n)
            strcat(joined, ", ");
        strcat(joined, r->name);
        /* only the HTML page redraws the tables */
        assert_int_equal(r->needs_tables, strcmp(r->name, "html") == 0);
    }
    assert_int_equal(n, 9);
    assert_string_equal(pb_reporter_names(), joined);
    assert_null(pb_reporter_find("xml"));
    assert_ptr_equal(pb_reporter_find("text"), &pb_reporter_text);
    assert_ptr_equal(pb_reporter_find("jsonl"), &pb_reporter_jsonl);
}

/* The GitHub log ends with the text format's totals, found without a
 * lookup by name. */
static void test_github_end(void **state)
{
    (void)state;
    pb_run_totals t = {.files = 2, .projects = 3, .findings = {1, 2, 3}, .baselined = 4};
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    FILE *fa = open_memstream(&a, &la), *fb = open_memstream(&b, &lb);
    assert_true(pb_reporter_text.end(fa, &t));
    assert_true(pb_reporter_github.end(fb, &t));
    fclose(fa);
    fclose(fb);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "baseline"));
    free(a);
    free(b);
}

/* ---- the text format */

__attribute__((noinline)) static char *text_of(const pb_document *d, const pb_text_style *st)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    pb_report_text_file(out, d, st);
    fclose(out);
    return buf;
}

/* A hand-built document: one project with findings in document order
 * info, error, warning, error of two rules. */
typedef struct fake {
    pb_project p, *pp;
    pb_finding f[4];
    pb_document d;
} fake;

static void fake_init(fake *k, pb_format format)
{
    size_t n;
    const pb_rule *rules = pb_rules(&n);
    const pb_rule *a = pb_rule_find("PB301"), *b = pb_rule_find("PB311"), *c = pb_rule_find("PB310");
    assert_true(n > 0 && rules && a && b && c);
    memset(k, 0, sizeof *k);
    k->p.number = 1;
    k->p.name.text = "项目\x1b]0;title\x07名";
    k->pp = &k->p;
    k->f[0] = (pb_finding){c, PB_SEV_INFO, "info one", &k->p, {1, 1, 3, -1}, NULL};
    k->f[1] = (pb_finding){a, PB_SEV_ERROR, "error one \x1b[31m", &k->p, {1, 2, 4, -1}, NULL};
    k->f[2] = (pb_finding){b, PB_SEV_WARNING, "warning one", &k->p, {1, 6, 27, -1}, NULL};
    k->f[3] = (pb_finding){a, PB_SEV_ERROR, "error two", &k->p, {1, 3, 4, -1}, NULL};
    k->d.path = "dir/\x1b[2Jname.docx";
    k->d.projects = &k->pp;
    k->d.project_count = 1;
    k->d.findings = k->f;
    k->d.finding_count = 4;
    k->d.format = format;
}

static void test_text_order_and_verdict(void **state)
{
    (void)state;
    fake k;
    fake_init(&k, PB_FORMAT_DOCX);
    char *t = text_of(&k.d, NULL);
    /* the verdict comes right after the file name, before any finding */
    char *verdict = strstr(t, "needs changes: 2 error(s), 1 warning(s), 1 info");
    assert_non_null(verdict);
    assert_true(verdict < strstr(t, "error one"));
    /* errors, then warnings, then info; document order within each */
    char *e1 = strstr(t, "error one"), *e2 = strstr(t, "error two"), *w = strstr(t, "warning one"),
         *i = strstr(t, "info one");
    assert_true(e1 && e2 && w && i);
    assert_true(e1 < e2 && e2 < w && w < i);
    /* the hint ends the first finding of each rule only */
    assert_non_null(strstr(e1, "error one \\x1B[31m (see: pbcheck explain PB301)\n"));
    assert_non_null(strstr(e2, "error two\n"));
    assert_null(strstr(e2, "error two (see"));
    assert_non_null(strstr(w, "warning one (see: pbcheck explain PB311)"));
    /* no control character reaches the terminal, file name included */
    assert_null(strchr(t, '\x1b'));
    assert_null(strchr(t, '\x07'));
    assert_non_null(strstr(t, "dir/\\x1B[2Jname.docx\n"));
    assert_non_null(strstr(t, "项目\\x1B]0;title\\x07名"));
    free(t);

    /* warnings alone pass; --fail-on warning makes them fail */
    k.f[1].severity = k.f[3].severity = PB_SEV_WARNING;
    t = text_of(&k.d, NULL);
    assert_non_null(strstr(t, "passed, with 3 warning(s) and 1 info to consider"));
    free(t);
    pb_text_style st = {.fail_on = PB_SEV_WARNING};
    t = text_of(&k.d, &st);
    /* a count of zero is left out of the verdict: it tells nothing */
    assert_non_null(strstr(t, "  needs changes: 3 warning(s), 1 info\n"));
    free(t);
    k.f[0].severity = PB_SEV_WARNING; /* no info left */
    t = text_of(&k.d, NULL);
    assert_non_null(strstr(t, "  passed, with 4 warning(s) to consider\n"));
    free(t);
    k.f[0].severity = k.f[1].severity = PB_SEV_ERROR;
    t = text_of(&k.d, NULL);
    assert_non_null(strstr(t, "  needs changes: 2 error(s), 2 warning(s)\n"));
    free(t);
    k.d.finding_count = 0;
    t = text_of(&k.d, NULL);
    assert_non_null(strstr(t, "  passed\n"));
    free(t);
}

static void test_text_min_severity(void **state)
{
    (void)state;
    fake k;
    fake_init(&k, PB_FORMAT_DOCX);
    pb_text_style st = {.min_severity = PB_SEV_WARNING};
    char *t = text_of(&k.d, &st);
    assert_non_null(strstr(t, "warning one"));
    assert_null(strstr(t, "info one"));
    /* the verdict still counts everything */
    assert_non_null(strstr(t, "1 info"));
    free(t);
    st.min_severity = PB_SEV_ERROR;
    t = text_of(&k.d, &st);
    assert_null(strstr(t, "warning one"));
    assert_non_null(strstr(t, "error two"));
    free(t);
}

static void test_text_xlsx_cells(void **state)
{
    (void)state;
    fake k;
    fake_init(&k, PB_FORMAT_XLSX);
    const char *names[] = {"封面", "项目\x1b表"};
    k.d.sheet_names = names;
    k.d.sheet_name_count = 2;
    char *t = text_of(&k.d, NULL);
    assert_non_null(strstr(t, "sheet 「项目\\x1B表」 cell E3: error one"));
    assert_non_null(strstr(t, "sheet 「项目\\x1B表」 cell AB7: warning one"));
    assert_non_null(strstr(t, "sheet 「项目\\x1B表」 cell D2: info one"));
    free(t);
    k.d.sheet_name_count = 0; /* name unknown: the sheet's number */
    t = text_of(&k.d, NULL);
    assert_non_null(strstr(t, "sheet 2 cell E3: error one"));
    free(t);
}

static void test_github_controls(void **state)
{
    (void)state;
    fake k;
    fake_init(&k, PB_FORMAT_DOCX);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    pb_report_file rf = {.doc = &k.d, .fail_on = PB_SEV_ERROR};
    assert_true(pb_reporter_github.file(out, NULL, &rf));
    fclose(out);
    assert_null(strchr(buf, '\x1b'));
    assert_non_null(strstr(buf, "::error file=dir/\\x1B[2Jname.docx,"));
    assert_non_null(strstr(buf, "error one \\x1B[31m\n"));
    free(buf);
}

/* ---- SARIF within GitHub's limits */

static char *sarif_cut(const char *in, size_t max_results, size_t max_runs, size_t *dropped)
{
    FILE *f = fmemopen((void *)in, strlen(in), "r");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_true(pb_sarif_limit(f, out, max_results, max_runs, dropped));
    fclose(f);
    fclose(out);
    return buf;
}

static void test_sarif_limit(void **state)
{
    (void)state;
    const char *log = "{\"version\":\"2.1.0\",\"runs\":[{\"results\":["
                      "{\"ruleId\":\"n1\",\"level\":\"note\"},{\"ruleId\":\"w1\",\"level\":\"warning\"},"
                      "{\"ruleId\":\"e1\",\"level\":\"error\"},{\"ruleId\":\"w2\"},"
                      "{\"ruleId\":\"e2\",\"level\":\"error\"}],"
                      "\"invocations\":[{\"executionSuccessful\":true,\"toolExecutionNotifications\":[]}]}]}";
    size_t dropped = 99;
    char *out = sarif_cut(log, 3, 20, &dropped);
    assert_int_equal(dropped, 2);
    /* both errors and the first warning stay, in their order */
    char *w1 = strstr(out, "\"w1\""), *e1 = strstr(out, "\"e1\""), *e2 = strstr(out, "\"e2\"");
    assert_true(w1 && e1 && e2 && w1 < e1 && e1 < e2);
    assert_null(strstr(out, "\"n1\""));
    assert_null(strstr(out, "\"w2\""));
    assert_non_null(strstr(out, "pbcheck-results-left-out"));
    assert_non_null(strstr(out, "2 of 5 results were left out"));
    free(out);

    /* within the limits: nothing left out, nothing said */
    out = sarif_cut(log, 5, 20, &dropped);
    assert_int_equal(dropped, 0);
    assert_null(strstr(out, "left-out"));
    free(out);

    /* runs past the limit go, and the first run says so */
    const char *runs = "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]},{\"results\":[{\"ruleId\":\"x\"}]},"
                       "{\"results\":[{\"ruleId\":\"y\"},{\"ruleId\":\"z\"}]}]}";
    out = sarif_cut(runs, 25000, 1, &dropped);
    assert_int_equal(dropped, 3);
    assert_non_null(strstr(out, "2 run(s) with 3 results were left out"));
    assert_null(strstr(out, "\"ruleId\":\"x\""));
    free(out);

    FILE *bad = fmemopen((void *)"[1,2]", 5, "r");
    assert_false(pb_sarif_limit(bad, stdout, 1, 1, NULL));
    fclose(bad);
}


/* The streaming cut gives the bytes the tree cut of the whole log gave
 * (these outputs are the earlier cJSON implementation's): whitespace,
 * escapes and numbers as cJSON prints them, members in their order, a
 * non-array "invocations" replaced at the run's end, runs past the limit
 * left out; the same from a pipe, which cannot be read twice. */
static const char sarif_in1[] =
        " { \"version\" : \"2.1.0\", \"runs\" : [ {\"tool\":{\"driver\":{\"name\":\"x\\u00e9\\/\"}}, \"results\" : [ {\"ruleId\":"
        "\"n1\",\"level\":\"note\",\"n\":1.50}, {\"ruleId\":\"w1\"} , {\"ruleId\":\"e1\",\"level\":\"error\",\"message\":{\"text\":\"a"
        "\\\"b\\n\"}}, 7, {\"ruleId\":\"e2\",\"level\":\"error\"} ], \"invocations\":[{\"exitCode\":1}] },\n {\"results\":[{\"rul"
        "eId\":\"a\",\"level\":\"note\"},{\"ruleId\":\"b\",\"level\":\"note\"}],\"invocations\":5}, {\"results\":[{\"ruleId\":\"c\"}"
        "]} ], \"extra\":[1,2e3] }\n";
static const char sarif_out1[] =
        "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"xé/\"}},\"results\":[{\"ruleId\":\"e1\",\"level\":\"erro"
        "r\",\"message\":{\"text\":\"a\\\"b\\n\"}}],\"invocations\":[{\"exitCode\":1,\"toolExecutionNotifications\":[{\"descri"
        "ptor\":{\"id\":\"pbcheck-runs-left-out\"},\"message\":{\"text\":\"1 run(s) with 1 results were left out to sta"
        "y within 2 runs per file.\"},\"level\":\"warning\"},{\"descriptor\":{\"id\":\"pbcheck-results-left-out\"},\"mess"
        "age\":{\"text\":\"4 of 5 results were left out to stay within 1 results per run (GitHub code scanning's "
        "limit); the most severe were kept. Split the batch (one upload per folder or per category) to see th"
        "em all.\"},\"level\":\"warning\"}]}]},{\"results\":[{\"ruleId\":\"a\",\"level\":\"note\"}],\"invocations\":[{\"executi"
        "onSuccessful\":true,\"toolExecutionNotifications\":[{\"descriptor\":{\"id\":\"pbcheck-results-left-out\"},\"me"
        "ssage\":{\"text\":\"1 of 2 results were left out to stay within 1 results per run (GitHub code scanning'"
        "s limit); the most severe were kept. Split the batch (one upload per folder or per category) to see "
        "them all.\"},\"level\":\"warning\"}]}]}],\"extra\":[1,2000]}\n";
static const char sarif_in2[] =
        "{\"runs\":[{\"results\":[{\"ruleId\":\"a\",\"level\":\"note\"},{\"ruleId\":\"b\",\"level\":\"warning\"},{\"ruleId\":\"c\",\"l"
        "evel\":\"error\"}],\"tool\":{}},{\"results\":[{\"ruleId\":\"d\"}]}],\"version\":\"2.1.0\"}";
static const char sarif_out2[] =
        "{\"runs\":[{\"results\":[{\"ruleId\":\"c\",\"level\":\"error\"}],\"tool\":{},\"invocations\":[{\"executionSuccessful\""
        ":true,\"toolExecutionNotifications\":[{\"descriptor\":{\"id\":\"pbcheck-runs-left-out\"},\"message\":{\"text\":\""
        "1 run(s) with 1 results were left out to stay within 1 runs per file.\"},\"level\":\"warning\"},{\"descrip"
        "tor\":{\"id\":\"pbcheck-results-left-out\"},\"message\":{\"text\":\"2 of 3 results were left out to stay withi"
        "n 1 results per run (GitHub code scanning's limit); the most severe were kept. Split the batch (one "
        "upload per folder or per category) to see them all.\"},\"level\":\"warning\"}]}]}],\"version\":\"2.1.0\"}\n";

static char *sarif_cut_pipe(const char *in, size_t max_results, size_t max_runs, size_t *dropped)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    size_t n = strlen(in);
    assert_int_equal(write(fds[1], in, n), (ssize_t)n); /* below a pipe's buffer */
    close(fds[1]);
    FILE *f = fdopen(fds[0], "r");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_true(pb_sarif_limit(f, out, max_results, max_runs, dropped));
    fclose(f);
    fclose(out);
    return buf;
}

static void test_sarif_limit_bytes(void **state)
{
    (void)state;
    size_t dropped = 0;
    char *out = sarif_cut(sarif_in1, 1, 2, &dropped);
    assert_string_equal(out, sarif_out1);
    assert_int_equal(dropped, 6);
    free(out);
    out = sarif_cut_pipe(sarif_in1, 1, 2, &dropped);
    assert_string_equal(out, sarif_out1);
    assert_int_equal(dropped, 6);
    free(out);
    out = sarif_cut(sarif_in2, 1, 1, &dropped);
    assert_string_equal(out, sarif_out2);
    assert_int_equal(dropped, 3);
    free(out);
    /* broken logs write nothing */
    const char *bad[] = {"{\"runs\":[{\"results\":[1,2,]}]}", "{\"runs\":[{\"results\":[1.5e]}]}",
                         "{\"runs\":[{\"tool\":{\"a\":[}}]}", "{\"runs\":[],}", "{\"runs\":{}}"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *o = open_memstream(&buf, &len);
        FILE *f = fmemopen((void *)bad[i], strlen(bad[i]), "r");
        assert_false(pb_sarif_limit(f, o, 1, 1, NULL));
        fclose(f);
        fclose(o);
        assert_int_equal(len, 0);
        free(buf);
    }
}
/* End to end: 870 copies of the reference filing under the strict preset
 * (29 findings each, 25,230 in all; the defaults give only 19) give one run
 * of exactly 25,000 results, the errors and warnings all kept, and a
 * notification of the 230 notes left out. */
static void test_sarif_cli_limit(void **state)
{
    (void)state;
    FX_PBCHECK(pb);
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "set -e; d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; mkdir \"$d/many\"; "
             "for i in $(seq 1 870); do cp data/reference.docx \"$d/many/r$i.docx\"; done; "
             "\"%s\" -q --preset strict -f sarif -o \"$d/out.sarif\" \"$d/many\" || true; "
             "python3 -c 'import json,sys; l=json.load(open(sys.argv[1])); r=l[\"runs\"][0]; "
             "lv=[x.get(\"level\") for x in r[\"results\"]]; "
             "n=r[\"invocations\"][0][\"toolExecutionNotifications\"]; "
             "print(len(l[\"runs\"]), len(lv), lv.count(\"warning\"), lv.count(\"note\"), "
             "[x[\"descriptor\"][\"id\"] for x in n])' \"$d/out.sarif\" > /tmp/pbcheck-sarif-limit.$$; "
             "cat /tmp/pbcheck-sarif-limit.$$; rm -f /tmp/pbcheck-sarif-limit.$$",
             pb);
    int status;
    char *line = fx_shell(cmd, &status);
    assert_int_equal(status, 0);
    assert_string_equal(line, "1 25000 12180 12820 ['pbcheck-results-left-out']\n");
    free(line);
}

/* Issue 19, defect 7: a file name with an escape sequence reaches no
 * terminal raw, in text, github, tables, or the notes on stderr. */
static void test_cli_control_names(void **state)
{
    (void)state;
    FX_PBCHECK(pb);
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; n=\"$d/$(printf 'r\\033]0;x\\007')\"; "
             "cp data/reference.docx \"$n.docx\"; printf x > \"$n-empty.docx\"; "
             "{ \"%s\" \"$d\"; \"%s\" -f github \"$d\"; \"%s\" -f json \"$d\" >/dev/null; "
             "\"%s\" tables \"$n.docx\" \"$n-empty.docx\"; } 2>&1 | "
             "LC_ALL=C awk '/\\033|\\007/ {bad++} /r\\\\x1B\\]0;x\\\\x07/ {seen++} END {print bad+0, (seen > 4)}'",
             pb, pb, pb, pb);
    char *line = fx_shell(cmd, NULL);
    assert_string_equal(line, "0 1\n");
    free(line);
}

/* ---- the HTML page for people */

static void test_html_for_people(void **state)
{
    (void)state;
    pb_document *d = fx_read_checked("data/reference.docx");
    assert_non_null(d);
    char *h = fx_html(&d, 1);
    assert_non_null(h);
    /* the verdict, then the must-fix list, then the info folded, before any table */
    char *verdict = strstr(h, "<p class=\"verdict passes\">passed, with 14 warning(s) and 5 info to consider</p>");
    char *must = strstr(h, "<ol class=\"must\">"), *infos = strstr(h, "<details class=\"infos\"><summary>5 info");
    char *table = strstr(h, "<table class=\"doc\"");
    assert_true(verdict && must && infos && table && verdict < must && must < infos && infos < table);
    /* the must-fix list holds no info */
    char *info_badge = strstr(must, "badge sev-info");
    assert_true(info_badge > infos);
    /* no cell is outlined for info alone */
    assert_null(strstr(h, "<td class=\"sev-info\""));
    assert_non_null(strstr(h, "<td class=\"sev-warning\""));
    /* each note opens its rule's explanation in place */
    assert_int_equal(fx_count(h, "<details class=\"why\">"), d->finding_count);
    /* month axis: 3月底 at 3/12, 12月底 at the end (x = 40 + month * 300 / 12) */
    assert_non_null(strstr(h, "<text x=\"115\" y=\"147\" font-size=\"10\" text-anchor=\"middle\">3月底</text>"));
    assert_non_null(strstr(h, "<text x=\"340\" y=\"159\" font-size=\"10\" text-anchor=\"middle\">12月底</text>"));
    /* the minimum line PB106 checks — by default only 10月底 ≥ 70% (issue 15's
     * practice minimums, not the old straight line) — and project 1's 10月底
     * (50%, PB106) marked red */
    assert_non_null(strstr(h, "stroke-dasharray=\"5 3\" points=\"40,132 290,48 \""));
    assert_non_null(strstr(h, "<circle cx=\"290\" cy=\"72\" r=\"5\" fill=\"#b71c1c\"/>"));
    /* A4 print; tables scroll in their box, the page does not */
    assert_non_null(strstr(h, "@page{size:A4;"));
    assert_non_null(strstr(h, ".scroll{overflow-x:auto;"));
    free(h);
    pb_document_free(d);
}

/* Several files: --report html:DIR/ makes DIR/index.html (one row per file,
 * linked) and a page per file; -f html on stdout writes the index alone and
 * says so; one file on stdout stays one page; a folder for another format
 * is refused. */
static void test_html_index_and_pages(void **state)
{
    (void)state;
    FX_PBCHECK(pb);
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; mkdir \"$d/in\"; "
             "for n in a b c; do cp data/reference.docx \"$d/in/$n.docx\"; done; printf x > \"$d/in/z.docx\"; "
             "\"%s\" -q --report html:\"$d/out/\" \"$d/in\" >/dev/null; echo \"status $?\"; "
             "ls \"$d/out\" | wc -l; grep -c '<tr><td class=\"path\"><a href=\"f[0-9a-f]*.html\">' \"$d/out/index.html\"; "
             "grep -c '<section class=\"file\"' \"$d\"/out/f*.html | grep -c ':1$'; "
             "grep -c '预算单位' \"$d/out/index.html\"; "
             "\"%s\" -f html \"$d/in\" 2>\"$d/err\" > \"$d/one.html\"; "
             "grep -c '<section class=\"file\"' \"$d/one.html\"; grep -c 'index only' \"$d/err\"; "
             "\"%s\" -f html \"$d/in/a.docx\" | grep -c '<section class=\"file\"'; "
             "\"%s\" --report json:\"$d/j/\" \"$d/in/a.docx\" 2>/dev/null; echo \"json $?\"",
             pb, pb, pb, pb);
    char *out = fx_shell(cmd, NULL);
    /* exit 3 (z.docx is unreadable); 4 pages + index; 4 linked rows; 4 pages
     * of one file each; the 预算单位 column; the stdout index has no file
     * section, and says so; one file is one page; json:DIR/ is refused */
    assert_string_equal(out, "status 3\n5\n4\n4\n1\n0\n1\n1\njson 2\n");
    free(out);
}

/* A file of 部门整体 tables only: its index row names the department as the
 * 预算单位 and counts its table beside the projects (「0 + 1 部门整体」), and
 * its page draws the department's table (jx_fuliang_dept_2026, 1 table). */
static void test_html_index_departments(void **state)
{
    (void)state;
    FX_PBCHECK(pb);
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; mkdir \"$d/in\"; "
             "cp tests/data/real-filings/jx_fuliang_dept_2026.docx data/reference.docx \"$d/in/\"; "
             "\"%s\" -q --report html:\"$d/out/\" \"$d/in\" >/dev/null; echo \"status $?\"; "
             "grep -c '</a></td><td>浮梁县林业局</td><td class=\"n\">0 + 1 部门整体</td>' \"$d/out/index.html\"; "
             "grep -c '<td class=\"n\">3</td>' \"$d/out/index.html\"; "
             "grep -l 'jx_fuliang' \"$d\"/out/f*.html | xargs grep -c '<table class=\"doc\"'",
             pb);
    char *out = fx_shell(cmd, NULL);
    assert_string_equal(out, "status 0\n1\n1\n1\n");
    free(out);
}

/* The first finding of each rule in a run ends with its hint, once: three
 * copies of the reference give the hints of one, whatever -j, in a
 * --report text file too, and no mark reaches the output. */
static void test_hints_once_per_run(void **state)
{
    (void)state;
    FX_PBCHECK(pb);
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; for n in a b c; do cp data/reference.docx \"$d/$n.docx\"; done; "
             "\"%s\" -q \"$d/a.docx\" | grep -c 'see: pbcheck explain'; "
             "\"%s\" -q -j 1 \"$d\" > \"$d/j1\"; \"%s\" -q -j 3 --report text:\"$d/r.txt\" \"$d\" > \"$d/j3\"; "
             "grep -c 'see: pbcheck explain' \"$d/j1\"; cmp -s \"$d/j1\" \"$d/j3\" && echo same; "
             "grep -c 'see: pbcheck explain' \"$d/r.txt\"; cat \"$d/j3\" \"$d/r.txt\" | LC_ALL=C grep -c \"$(printf '[\\035\\036\\037]')\"",
             pb, pb, pb);
    char *out = fx_shell(cmd, NULL);
    /* 8 rules fire on the reference under the default rule set (issue 15). */
    assert_string_equal(out, "8\n8\nsame\n8\n0\n");
    free(out);
}


/* ---- a body paragraph as a location (PB505's part-1 entries) */

static char *report_of(const char *name, const pb_document *d)
{
    const pb_reporter *r = pb_reporter_find(name);
    assert_non_null(r);
    pb_fingerprint fp[4];
    memset(fp, 0, sizeof fp);
    char *buf = NULL, *tb = NULL;
    size_t len = 0, tl = 0;
    FILE *out = open_memstream(&buf, &len), *tail = open_memstream(&tb, &tl);
    pb_report_file rf = {.doc = d, .fingerprints = fp, .fail_on = PB_SEV_ERROR, .seconds = -1};
    assert_true(!r->begin || r->begin(out));
    assert_true(r->file(out, tail, &rf));
    fclose(out);
    fclose(tail);
    free(tb);
    return buf;
}

static void test_paragraph_location(void **state)
{
    (void)state;
    fake k;
    fake_init(&k, PB_FORMAT_DOCX);
    k.f[1].loc = PB_PARAGRAPH_LOC(4);
    k.f[1].project = NULL;
    struct {
        const char *reporter, *want, *not_want;
    } cases[] = {
        {"text", "paragraph 5: error one", "table 1, row 3, column 5: error one"},
        {"json", "{\"paragraph\":4}", NULL},
        {"jsonl", "{\"paragraph\":4}", NULL},
        {"sarif", "paragraph 5", NULL},
        {"gitlab", "paragraph 5", NULL},
        {"github", "paragraph 5", NULL},
        {"junit", "paragraph 5", NULL},
        {"csv", ",,,", NULL},
        {"html", "<span class=\"where\">paragraph 5</span>", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *t = report_of(cases[i].reporter, &k.d);
        if (!strstr(t, cases[i].want))
            fail_msg("%s: no \"%s\" in\n%s", cases[i].reporter, cases[i].want, t);
        if (cases[i].not_want && strstr(t, cases[i].not_want))
            fail_msg("%s: \"%s\" in\n%s", cases[i].reporter, cases[i].not_want, t);
        if (strcmp(cases[i].reporter, "csv") == 0) {
            /* table, row and column empty; paragraph, the last column, 5 */
            const char *row = strstr(t, "error one");
            assert_non_null(row);
            const char *eol = strstr(row, "\r\n");
            assert_non_null(eol);
            assert_true(eol - row > 2 && eol[-1] == '5' && eol[-2] == ',');
            assert_non_null(strstr(t, "fingerprint,paragraph\r\n"));
        }
        free(t);
    }
    /* PB_NOLOC stays "nowhere": no paragraph key, no paragraph words */
    k.f[1].loc = PB_NOLOC;
    char *t = report_of("json", &k.d);
    assert_null(strstr(t, "paragraph"));
    free(t);
    t = report_of("text", &k.d);
    assert_null(strstr(t, "paragraph"));
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_strict), cmocka_unit_test(test_safe_text), cmocka_unit_test(test_fput_safe), cmocka_unit_test(test_path_display),
        cmocka_unit_test(test_registry),    cmocka_unit_test(test_github_end),
        cmocka_unit_test(test_text_order_and_verdict), cmocka_unit_test(test_text_min_severity),
        cmocka_unit_test(test_text_xlsx_cells), cmocka_unit_test(test_github_controls),
        cmocka_unit_test(test_sarif_limit), cmocka_unit_test(test_sarif_limit_bytes),
        cmocka_unit_test(test_sarif_cli_limit),
        cmocka_unit_test(test_cli_control_names),
        cmocka_unit_test(test_html_for_people), cmocka_unit_test(test_html_index_and_pages),
        cmocka_unit_test(test_html_index_departments),
        cmocka_unit_test(test_hints_once_per_run), cmocka_unit_test(test_paragraph_location),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
