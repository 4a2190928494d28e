/* Unit tests: exact decimals, text folding, 指标值 parsing, amounts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "read/read.h"
#include "extract/extract.h"
#include "extract/labels.h"
#include "model/model.h"
#include "check/check.h"

#include <regex.h>
#include <stdio.h>
#include <string.h>

static void expect_dec(const char *in, int64_t micro, const char *printed)
{
    pb_decimal d;
    char buf[PB_DECIMAL_BUFSIZE];
    assert_true(pb_decimal_parse(in, strlen(in), &d));
    assert_int_equal(d.micro, micro);
    assert_string_equal(pb_decimal_format(d, buf), printed);
}

static void test_decimal_parse(void **state)
{
    (void)state;
    expect_dec("242.59", 242590000, "242.59");
    expect_dec("237.00", 237000000, "237.00");
    expect_dec("0", 0, "0");
    expect_dec("-5.5", -5500000, "-5.5");
    expect_dec("2,370,000", 2370000000000LL, "2370000");
    expect_dec("1,234.5", 1234500000, "1234.5");
    expect_dec(".5", 500000, "0.5");
    expect_dec("0.000001", 1, "0.000001");
    pb_decimal d;
    const char *bad[] = {"", "abc", "1.2.3", "12,34", "1,2345", "0.0000001", "99999999999999999", "1e5", "+", "."};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(pb_decimal_parse(bad[i], strlen(bad[i]), &d));
}

static void test_decimal_arith(void **state)
{
    (void)state;
    pb_decimal a, b, s;
    char buf[PB_DECIMAL_BUFSIZE];
    /* 0.1 + 0.2 is 0.3 exactly, unlike binary floating point. */
    assert_true(pb_decimal_parse("0.1", 3, &a));
    assert_true(pb_decimal_parse("0.2", 3, &b));
    assert_true(pb_decimal_add(a, b, &s));
    assert_string_equal(pb_decimal_format(s, buf), "0.3");
    assert_true(pb_decimal_parse("0.3", 3, &b));
    assert_int_equal(pb_decimal_cmp(s, b), 0);
    /* 2,425,900 元 is 242.59 万元; 237 万元 is 2,370,000 元. */
    assert_true(pb_decimal_parse("2425900", 7, &a));
    assert_true(pbi_money_convert(a, 0, 4, &s));
    assert_string_equal(pb_decimal_format(s, buf), "242.59");
    assert_true(pb_decimal_parse("237", 3, &a));
    assert_true(pbi_money_convert(a, 4, 0, &s));
    assert_string_equal(pb_decimal_format(s, buf), "2370000");
    /* 0.5 元 in 亿元 needs 9 decimals: refused rather than rounded. */
    assert_true(pb_decimal_parse("0.5", 3, &a));
    assert_false(pbi_money_convert(a, 0, 8, &s));
    pb_decimal big = {INT64_MAX - 5, 0};
    assert_false(pb_decimal_add(big, big, &s));
    assert_false(pb_decimal_scale10(big, 2, &s));
    /* the digits written by hand, as printf wrote them: the extremes, the
     * zeros of a fraction, the digits a written form asked for */
    const struct {
        pb_decimal d;
        const char *printed;
    } shown[] = {{{INT64_MIN, 0}, "-9223372036854.775808"}, {{INT64_MAX, 6}, "9223372036854.775807"},
                 {{-1, 6}, "-0.000001"}, {{1000000, 2}, "1.00"}, {{10, 0}, "0.00001"}, {{0, 3}, "0.000"},
                 {{-120000000, 1}, "-120.0"}};
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++)
        assert_string_equal(pb_decimal_format(shown[i].d, buf), shown[i].printed);
}

/* pbi_join cuts and counts as snprintf("%s/%s/%s") does, at every size. */
static void test_join(void **state)
{
    (void)state;
    const char *parts[3] = {"产出", NULL, "数量x"};
    for (size_t cap = 0; cap < 24; cap++) {
        char a[24], b[24];
        memset(a, '#', sizeof a);
        memset(b, '#', sizeof b);
        size_t n = pbi_join(a, cap, "/", parts, 3);
        int m = snprintf(b, cap, "%s/%s/%s", "产出", "", "数量x");
        assert_int_equal(n, (size_t)m);
        assert_memory_equal(a, b, sizeof a);
    }
    char one[8];
    assert_int_equal(pbi_join(one, sizeof one, "", parts, 1), strlen("产出"));
    assert_string_equal(one, "产出");
    assert_int_equal(pbi_join(one, sizeof one, "/", parts, 0), 0);
    assert_string_equal(one, "");
}

static void test_normalize(void **state)
{
    (void)state;
    char out[128];
    assert_true(pbi_normalize_buf("其中：财政    资金", true, out, sizeof out));
    assert_string_equal(out, "其中:财政资金");
    assert_true(pbi_normalize_buf("  ＞＝９５．５％ ", true, out, sizeof out));
    assert_string_equal(out, ">=95.5%");
    assert_true(pbi_normalize_buf("a\u3000\u00a0 b\tc\n", false, out, sizeof out));
    assert_string_equal(out, "a b c");
    assert_false(pbi_normalize_buf("too long for the buffer", false, out, 8));
    /* pbi_contains answers as strstr does. */
    static const char *const hay[] = {"", "a", "aab", "abab", "满意度", "服务对象满意度≥95%", "率率", "ab\xe7"};
    static const char *const needles[] = {"", "a", "ab", "aab", "b", "abc", "满意", "满意度", "率", "95%%", "\xe7", "率率率"};
    for (size_t i = 0; i < sizeof hay / sizeof *hay; i++)
        for (size_t j = 0; j < sizeof needles / sizeof *needles; j++)
            if (pbi_contains(hay[i], needles[j]) != (strstr(hay[i], needles[j]) != NULL))
                fail_msg("pbi_contains(\"%s\", \"%s\") differs from strstr", hay[i], needles[j]);
    assert_false(pbi_contains(NULL, "a"));
    /* pbi_contains_any (one pass, a set of first characters) answers as a
     * strstr per word, for every list of up to three of the needles. */
    static const char *const words[] = {"", "a", "ab", "满意", "满意度", "率", "%", "95%", "率率率", "\xe7", "对象"};
    const size_t nw = sizeof words / sizeof *words;
    for (size_t i = 0; i < sizeof hay / sizeof *hay; i++)
        for (size_t x = 0; x < nw; x++)
            for (size_t y = x; y < nw; y++)
                for (size_t z = y; z < nw; z++) {
                    const char *list[] = {words[x], words[y], words[z]};
                    for (size_t n = 0; n <= 3; n++) {
                        bool want = false;
                        for (size_t k = 0; k < n; k++)
                            want = want || strstr(hay[i], list[k]) != NULL;
                        if (pbi_contains_any(hay[i], list, n) != want)
                            fail_msg("pbi_contains_any(\"%s\", %zu words from \"%s\") differs from strstr", hay[i],
                                     n, list[0]);
                    }
                }
    assert_false(pbi_contains_any(NULL, words, nw));
    /* The label look-ups skip texts longer than any label they hold, and
     * find every label, hashed, where a scan of its list would. */
    size_t exact, column, exact_max, column_max;
    pbi_label_longest(&exact, &column, &exact_max, &column_max);
    assert_true(exact <= exact_max);
    assert_true(column <= column_max);
    pbi_lexicon lx;
    pbi_lexicon_init(&lx);
    assert_int_equal(pbi_lexicon_misses(&lx), 0);
    assert_int_equal(pbi_value_heads_unmarked(), 0);
    assert_true(pbi_may_head_values("指标值(年度)"));
    assert_true(pbi_may_head_values("绩效指标评价标准"));
    assert_false(pbi_may_head_values("三级指标"));
    assert_int_equal(pbi_label_of(&lx, "项目名称", false), L_NAME);
    assert_int_equal(pbi_label_of(&lx, "预算数(万元)", false), L_TOTAL);
    assert_int_equal(pbi_label_of(&lx, "项目名称2", false), L_NONE);
    assert_int_equal(pbi_indicator_column(&lx, "指标值(年度)"), COL_VALUE);
    assert_int_equal(pbi_indicator_column(&lx, "二级指标"), COL_L2);
    assert_int_equal(pbi_indicator_column(&lx, "二级指标(年度)"), -1);
    assert_true(pbi_is_blank(" \u3000\t\n"));
    assert_false(pbi_is_blank(" x "));
    /* Invalid UTF-8 does not stop the scan, and is kept as it is. */
    assert_true(pbi_normalize_buf("a\xff" "b", false, out, sizeof out));
    assert_string_equal(out, "a\xff" "b");
    /* Nor does it lengthen the text: written as U+FFFD, 100 bad bytes took
     * 300 and ran past a buffer sized for the input (a .pbcheck.json is not
     * checked for UTF-8 before its strings are normalised). */
    char bad[101], big[104];
    memset(bad, 0xff, 100);
    bad[100] = '\0';
    assert_true(pbi_normalize_buf(bad, true, big, sizeof big));
    assert_int_equal(strlen(big), 100);
    pb_arena *a = pb_arena_new();
    assert_non_null(a);
    char *n = pbi_normalize(a, "\xe4\xb8" "x\xf0\x9f\x98\xe3\x80\x80" "y", false);
    assert_non_null(n);
    assert_string_equal(n, "\xe4\xb8" "x\xf0\x9f\x98 y");
    pb_arena_free(a);
}

/* The default project-code-pattern is matched by hand (check.c); it must
 * say what the regular expression says, for every one-character change of
 * a valid code and for every length around it. */
static void test_code_pattern_default(void **state)
{
    (void)state;
    regex_t re;
    assert_int_equal(regcomp(&re, PB_DEFAULT_CODE_PATTERN, REG_EXTENDED | REG_NOSUB), 0);
    static const char *const probes[] = {"0", "9", "A", "Z", "a", "z", "/", ":", "@", "[", " ", "-", "\xef\xbc\x91"};
    const char *valid = "13020925P000000000011";
    int checked = 0, matched = 0;
    for (size_t pos = 0; pos < strlen(valid); pos++)
        for (size_t k = 0; k < sizeof probes / sizeof *probes; k++) {
            char code[64];
            snprintf(code, sizeof code, "%.*s%s%s", (int)pos, valid, probes[k], valid + pos + 1);
            bool by_regex = regexec(&re, code, 0, NULL, 0) == 0;
            assert_int_equal(pbi_code_matches_default(code), by_regex);
            checked++;
            matched += by_regex;
        }
    for (size_t len = 0; len <= strlen(valid) + 2; len++) {
        char code[64];
        snprintf(code, sizeof code, "%.*s%s", (int)len, "13020925P00000000001199", "");
        assert_int_equal(pbi_code_matches_default(code), regexec(&re, code, 0, NULL, 0) == 0);
    }
    regfree(&re);
    /* both answers occur: the loop above compared something */
    assert_true(matched > 0 && matched < checked);
    assert_true(pbi_code_matches_default(valid));
    assert_true(pbi_code_matches_default("13020925P00000000001Z"));
    assert_false(pbi_code_matches_default("13020925p000000000011"));
}

typedef struct value_case {
    const char *raw;
    pb_value_kind kind;
    pb_op op;
    const char *number;
    const char *unit;
} value_case;

static void test_value_parse(void **state)
{
    (void)state;
    static const value_case cases[] = {
        {"≥95%", PB_VALUE_NUMBER, PB_OP_GE, "95", "%"},
        {"≤242.59万元", PB_VALUE_NUMBER, PB_OP_LE, "242.59", "万元"},
        {">=6次", PB_VALUE_NUMBER, PB_OP_GE, "6", "次"},
        {"<=1年", PB_VALUE_NUMBER, PB_OP_LE, "1", "年"},
        {"＞＝９５％", PB_VALUE_NUMBER, PB_OP_GE, "95", "%"},
        {"＜＝３０天", PB_VALUE_NUMBER, PB_OP_LE, "30", "天"},
        {"＞80%", PB_VALUE_NUMBER, PB_OP_GT, "80", "%"},
        {"＜5‰", PB_VALUE_NUMBER, PB_OP_LT, "5", "‰"},
        {"＝100%", PB_VALUE_NUMBER, PB_OP_EQ, "100", "%"},
        {"=100%", PB_VALUE_NUMBER, PB_OP_EQ, "100", "%"},
        {"≧90%", PB_VALUE_NUMBER, PB_OP_GE, "90", "%"},
        {"≦10天", PB_VALUE_NUMBER, PB_OP_LE, "10", "天"},
        {">5", PB_VALUE_NUMBER, PB_OP_GT, "5", ""},
        {"<3次", PB_VALUE_NUMBER, PB_OP_LT, "3", "次"},
        {"不低于90%", PB_VALUE_NUMBER, PB_OP_GE, "90", "%"},
        {"不少于6次", PB_VALUE_NUMBER, PB_OP_GE, "6", "次"},
        {"不超过100万元", PB_VALUE_NUMBER, PB_OP_LE, "100", "万元"},
        {"不高于5%", PB_VALUE_NUMBER, PB_OP_LE, "5", "%"},
        {"大于等于95%", PB_VALUE_NUMBER, PB_OP_GE, "95", "%"},
        {"小于等于12个月", PB_VALUE_NUMBER, PB_OP_LE, "12", "个月"},
        {"95%以上", PB_VALUE_NUMBER, PB_OP_GE, "95", "%"},
        {"3天以内", PB_VALUE_NUMBER, PB_OP_LE, "3", "天"},
        {"395人", PB_VALUE_NUMBER, PB_OP_NONE, "395", "人"},
        {"1年", PB_VALUE_NUMBER, PB_OP_NONE, "1", "年"},
        {"≥9" "5%", PB_VALUE_NUMBER, PB_OP_GE, "95", "%"},
        {"≥ 95 %", PB_VALUE_NUMBER, PB_OP_GE, "95", "%"},
        {"≤2,425,900元", PB_VALUE_NUMBER, PB_OP_LE, "2425900", "元"},
        {"≤1.5亿元", PB_VALUE_NUMBER, PB_OP_LE, "1.5", "亿元"},
        {"≥10所", PB_VALUE_NUMBER, PB_OP_GE, "10", "所"},
        {"好", PB_VALUE_QUALITATIVE, PB_OP_NONE, NULL, ""},
        {"较好", PB_VALUE_QUALITATIVE, PB_OP_NONE, NULL, ""},
        {"显著", PB_VALUE_QUALITATIVE, PB_OP_NONE, NULL, ""},
        {"有所提升", PB_VALUE_QUALITATIVE, PB_OP_NONE, NULL, ""},
        {"2025年12月31日前", PB_VALUE_QUALITATIVE, PB_OP_NONE, NULL, ""},
        /* a month or year deadline, not 12 of a unit 「月底前」; a duration keeps its unit */
        {"12月底前", PB_VALUE_QUALITATIVE, PB_OP_NONE, NULL, ""},
        {"6月末", PB_VALUE_QUALITATIVE, PB_OP_NONE, NULL, ""},
        {"2025年底前", PB_VALUE_QUALITATIVE, PB_OP_NONE, NULL, ""},
        {"≤12个月", PB_VALUE_NUMBER, PB_OP_LE, "12", "个月"},
        {"", PB_VALUE_EMPTY, PB_OP_NONE, NULL, ""},
        {" \u3000", PB_VALUE_EMPTY, PB_OP_NONE, NULL, ""},
        {"95%-100%", PB_VALUE_UNPARSED, PB_OP_NONE, NULL, ""},
        {"约3到5次", PB_VALUE_UNPARSED, PB_OP_NONE, NULL, ""},
    };
    pb_arena *a = pb_arena_new();
    assert_non_null(a);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const value_case *c = &cases[i];
        pb_value v;
        assert_true(pb_value_parse(a, c->raw, &v));
        if (v.kind != c->kind || v.op != c->op)
            fail_msg("%s: kind %d op %d, expected kind %d op %d", c->raw, v.kind, v.op, c->kind, c->op);
        assert_string_equal(v.raw, c->raw);
        assert_string_equal(v.unit, c->unit);
        if (c->number) {
            char buf[PB_DECIMAL_BUFSIZE];
            assert_string_equal(pb_decimal_format(v.number, buf), c->number);
        }
    }
    pb_arena_free(a);
}

static void test_amounts(void **state)
{
    (void)state;
    pb_decimal d;
    int exp;
    char buf[PB_DECIMAL_BUFSIZE];
    assert_true(pbi_amount_parse("242.59", &d, &exp));
    assert_int_equal(exp, -1);
    assert_true(pbi_amount_parse("242.59万", &d, &exp));
    assert_int_equal(exp, 4);
    assert_true(pbi_amount_parse("2,425,900元", &d, &exp));
    assert_int_equal(exp, 0);
    assert_string_equal(pb_decimal_format(d, buf), "2425900");
    assert_true(pbi_amount_parse("２４２．５９", &d, &exp));
    assert_string_equal(pb_decimal_format(d, buf), "242.59");
    assert_false(pbi_amount_parse("两百万", &d, &exp));
    assert_true(pbi_percent_parse("50%", &d));
    assert_string_equal(pb_decimal_format(d, buf), "50");
    assert_true(pbi_percent_parse("５０％", &d));
    assert_true(pbi_percent_parse("75", &d));
    assert_false(pbi_percent_parse("半年", &d));
    assert_false(pbi_percent_parse("", &d));
}

static void test_arena(void **state)
{
    (void)state;
    pb_arena *a = pb_arena_new();
    assert_non_null(a);
    /* Large and small blocks interleave without losing memory. */
    for (int i = 0; i < 1000; i++) {
        char *p = pb_arena_alloc(a, (size_t)(i % 7 == 0 ? 100000 : 24));
        assert_non_null(p);
        assert_int_equal(((uintptr_t)p) % 16, 0);
        assert_int_equal(p[0], 0);
        p[0] = 1;
    }
    assert_true(pb_arena_bytes(a) > 143 * 100000);
    assert_string_equal(pb_arena_strndup(a, "abcdef", 3), "abc");
    pb_arena_free(a);
    /* Issue 18: strings are packed byte by byte (10,000 of 3 bytes fit one
     * 64 KiB block, rounded to 16 bytes they took three), and what is
     * allocated after one is 16-byte aligned and zeroed again. */
    a = pb_arena_new();
    assert_non_null(a);
    char *first = pb_arena_strdup(a, "ab"), *last = NULL;
    for (int i = 1; i < 10000; i++)
        assert_non_null(last = pb_arena_strdup(a, i % 2 ? "cd" : "ef"));
    assert_string_equal(first, "ab");
    assert_string_equal(last, "cd");
    assert_true(pb_arena_bytes(a) < 2 * 64 * 1024);
    unsigned char *z = pb_arena_alloc(a, 40);
    assert_non_null(z);
    assert_int_equal(((uintptr_t)z) % 16, 0);
    for (int i = 0; i < 40; i++)
        assert_int_equal(z[i], 0);
    pb_arena_free(a);
}

/* A reset arena hands out its kept blocks again, zeroed, and gives the
 * large ones back. */
static void test_arena_reset(void **state)
{
    (void)state;
    pb_arena *a = pb_arena_new();
    assert_non_null(a);
    enum { N = 16, SIZE = 16000 }; /* four to a standard block */
    char *first[N];
    for (int i = 0; i < N; i++) {
        first[i] = pb_arena_alloc(a, SIZE);
        assert_non_null(first[i]);
        memset(first[i], 0xab, SIZE);
    }
    assert_non_null(pb_arena_alloc(a, 1000000)); /* a block of its own */
    size_t before = pb_arena_bytes(a);
    pbi_arena_reset(a);
    size_t kept = pb_arena_bytes(a);
    assert_true(kept > 0 && kept < before - 1000000);
    for (int i = 0; i < N; i++) {
        char *p = pb_arena_alloc(a, SIZE);
        assert_non_null(p);
        bool reused = false;
        for (int j = 0; j < N; j++)
            reused = reused || p == first[j];
        assert_true(reused);
        for (size_t k = 0; k < SIZE; k++)
            if (p[k] != 0)
                fail_msg("byte %zu of a reused block is not zero", k);
    }
    assert_int_equal(pb_arena_bytes(a), kept); /* no block was added */
    pb_arena_free(a);
}

/* The rules read an indicator's 二级 class from the table pbi_classify
 * made for its project; any other indicator (another project's, a copy)
 * is classed from its text, and none is after pbi_unclassify. */
static void test_sub_of_cache(void **state)
{
    (void)state;
    pb_document *d = pb_read_file("data/reference.docx", NULL);
    assert_non_null(d);
    assert_true(d->project_count >= 2);
    pb_config c;
    pb_config_default(&c);
    pbi_checker k;
    assert_true(pbi_check_begin(&k, d, &c));
    const pb_project *p = d->projects[0], *other = d->projects[1];
    assert_true(pbi_classify(&k, p));
    size_t quantities = 0;
    for (size_t i = 0; i < p->indicator_count; i++) {
        assert_int_equal(pbi_sub_of(&k, &p->indicators[i]), pbi_subcategory_of(p->indicators[i].level2.text));
        quantities += pbi_sub_of(&k, &p->indicators[i]) == SUB_QUANTITY;
    }
    assert_true(quantities > 0);
    for (size_t i = 0; i < other->indicator_count; i++)
        assert_int_equal(pbi_sub_of(&k, &other->indicators[i]), pbi_subcategory_of(other->indicators[i].level2.text));
    pb_indicator copy = p->indicators[0];
    copy.level2.text = "满意度指标";
    assert_int_equal(pbi_sub_of(&k, &copy), SUB_SATISFACTION);
    /* the cache is what is read: an entry changed under it shows */
    unsigned char saved = k.sub_of[0];
    k.sub_of[0] = SUB_ECOLOGICAL;
    assert_int_equal(pbi_sub_of(&k, &p->indicators[0]), SUB_ECOLOGICAL);
    k.sub_of[0] = saved;
    pbi_unclassify(&k);
    k.sub_of[0] = SUB_ECOLOGICAL;
    assert_int_equal(pbi_sub_of(&k, &p->indicators[0]), pbi_subcategory_of(p->indicators[0].level2.text));
    assert_true(pbi_check_end(&k));
    pb_document_free(d);
}

/* The subjects of a project's findings through its index are what
 * pb_finding_subject says (the streamed check uses the index). */
static void test_subject_index(void **state)
{
    (void)state;
    static const char *const files[] = {"data/reference.docx", "tests/data/real-filings/he_handan_2019.docx",
                                        "tests/data/real-filings/SC_mata_2023.xlsx",
                                        "tests/data/real-filings/HB_qingshan_jyxt_2020.docx"};
    size_t compared = 0;
    for (size_t fi = 0; fi < sizeof files / sizeof *files; fi++) {
        pb_document *d = pb_read_file(files[fi], NULL);
        assert_non_null(d);
        assert_true(pb_check(d, NULL));
        pb_arena *a = pb_arena_new();
        assert_non_null(a);
        for (size_t pi = 0; pi < d->project_count; pi++) {
            pbi_subject_index ix;
            assert_true(pbi_subject_index_build(a, d->projects[pi], &ix));
            for (size_t i = 0; i < d->finding_count; i++) {
                const pb_finding *f = &d->findings[i];
                char x[1024], y[1024];
                /* also at every indicator's cells, not only where findings are */
                pb_finding probe = *f;
                probe.project = d->projects[pi];
                probe.subject = NULL;
                assert_string_equal(pbi_subject_indexed(&probe, &ix, x, sizeof x), pb_finding_subject(&probe, y, sizeof y));
                compared++;
            }
            for (size_t j = 0; j < d->projects[pi]->indicator_count; j++) {
                const pb_indicator *ind = &d->projects[pi]->indicators[j];
                const pb_loc at[] = {ind->loc, ind->value_cell.loc, ind->level3.loc};
                for (size_t l = 0; l < sizeof at / sizeof *at; l++) {
                    pb_finding probe = {.project = d->projects[pi], .loc = at[l]};
                    char x[1024], y[1024];
                    assert_string_equal(pbi_subject_indexed(&probe, &ix, x, sizeof x),
                                        pb_finding_subject(&probe, y, sizeof y));
                    compared++;
                }
            }
        }
        pb_arena_free(a);
        pb_document_free(d);
    }
    assert_true(compared > 100);
}

static void test_rules_table(void **state)
{
    (void)state;
    size_t n;
    const pb_rule *r = pb_rules(&n);
    assert_true(n >= 10);
    for (size_t i = 0; i < n; i++) {
        assert_ptr_equal(pb_rule_find(r[i].id), &r[i]);
        assert_ptr_equal(pb_rule_find(r[i].slug), &r[i]);
        assert_true(strlen(r[i].id) == 5 && strncmp(r[i].id, "PB", 2) == 0);
        if (i > 0)
            assert_true(strcmp(r[i - 1].id, r[i].id) < 0);
    }
    assert_ptr_equal(pb_rule_find("pb101"), pb_rule_find("schedule-checkpoint-blank"));
    assert_null(pb_rule_find("no-such-rule"));
    for (int s = 0; s < PB_STATUS_COUNT; s++)
        assert_non_null(pb_status_code((pb_status)s));
    assert_string_equal(pb_status_code(PB_ERR_OLE), "ole-compound");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decimal_parse), cmocka_unit_test(test_decimal_arith), cmocka_unit_test(test_join),
        cmocka_unit_test(test_normalize),     cmocka_unit_test(test_code_pattern_default),
        cmocka_unit_test(test_value_parse),   cmocka_unit_test(test_amounts),
        cmocka_unit_test(test_arena),         cmocka_unit_test(test_arena_reset),
        cmocka_unit_test(test_rules_table),   cmocka_unit_test(test_sub_of_cache), cmocka_unit_test(test_subject_index),
    };
    return cmocka_run_group_tests_name("unit", tests, NULL, NULL);
}
