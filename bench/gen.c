/* The benchmark's workload generator: .docx reports of project target tables
 * (项目支出绩效目标表) in the layout of data/reference.docx — per project a
 * heading, a key/value table (gridSpan, vMerge) and an indicator table whose
 * 一级/二级指标 are merged down — with codes, names, amounts, schedules,
 * indicator counts and merges varied from a seed, and a few percent of the
 * projects carrying the faults pbcheck reports, so that the checks have work.
 *
 *   gen report N OUT.docx [--seed S] [--markup word|lo]
 *   gen folder M DIR      [--seed S] [--markup word|lo]
 *
 * `report` writes one report with N project tables (w:tbl), that is N/2
 * projects of two tables each; N is even and may be 0 (prose only).
 * `folder` writes DIR/report-0001.docx … with 1-6 projects each.
 * --markup word (default) writes the cell markup Word writes (tcW, vAlign,
 * jc, rFonts/sz on every run, borders on the table): about 13.5 KB of XML
 * per table, so 1,000 tables are the 12-14 MB issue 6 speaks of.
 * --markup lo copies the verbose LibreOffice export of data/reference.docx
 * (tcBorders and a styled pPr on every cell): about 25 KB per table.  Same
 * seed, same text: only the markup differs.
 *
 * Everything is deterministic in the seed; the generator exits on the first
 * error (out of memory, zip failure) with a message. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zip.h>

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* ---------------------------------------------------------------- output */

typedef struct buf {
    char *data;
    size_t len, cap;
} buf;

static void die(const char *what)
{
    fprintf(stderr, "gen: %s\n", what);
    exit(2);
}

static void put_n(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1 << 16;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d)
            die("out of memory");
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void put(buf *b, const char *s) { put_n(b, s, strlen(s)); }

static void putf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(buf *b, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        die("internal: formatted piece too long");
    put_n(b, tmp, (size_t)n);
}

static void put_escaped(buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': put(b, "&amp;"); break;
        case '<': put(b, "&lt;"); break;
        case '>': put(b, "&gt;"); break;
        default: put_n(b, s, 1);
        }
    }
}

/* ------------------------------------------------------------- randomness */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t rng_next(rng *r)
{
    /* xorshift64*: deterministic across platforms, good enough for text. */
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ull;
}

static rng rng_seeded(uint64_t seed)
{
    rng r = {seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull};
    if (!r.s)
        r.s = 1;
    for (int i = 0; i < 4; i++)
        rng_next(&r);
    return r;
}

static int pick(rng *r, int n) { return (int)(rng_next(r) % (uint64_t)n); }
static int between(rng *r, int lo, int hi) { return lo + pick(r, hi - lo + 1); }
static bool chance(rng *r, int per_mille) { return pick(r, 1000) < per_mille; }

#define PICK(r, a) ((a)[pick((r), (int)COUNT(a))])

/* ---------------------------------------------------------------- markup */

typedef enum { MARKUP_WORD, MARKUP_LO } markup;
typedef enum { VM_NONE, VM_RESTART, VM_CONTINUE } vmerge;

typedef struct writer {
    buf *b;
    markup m;
    int bookmark;
} writer;

static void cell_open(writer *w, int width, int span, vmerge vm)
{
    buf *b = w->b;
    putf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
    if (span > 1)
        putf(b, "<w:gridSpan w:val=\"%d\"/>", span);
    if (w->m == MARKUP_WORD) {
        if (vm == VM_RESTART)
            put(b, "<w:vMerge w:val=\"restart\"/>");
        else if (vm == VM_CONTINUE)
            put(b, "<w:vMerge/>");
        put(b, "<w:vAlign w:val=\"center\"/></w:tcPr>");
        return;
    }
    if (vm == VM_RESTART)
        put(b, "<w:vMerge w:val=\"restart\"/>");
    else if (vm == VM_CONTINUE)
        put(b, "<w:vMerge w:val=\"continue\"/>");
    put(b, "<w:tcBorders><w:left w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"808080\"/>"
           "<w:bottom w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"808080\"/>"
           "<w:right w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"808080\"/></w:tcBorders>"
           "<w:vAlign w:val=\"center\"/></w:tcPr>");
}

static void cell_close(writer *w) { put(w->b, "</w:tc>"); }

static void run(writer *w, const char *text)
{
    if (w->m == MARKUP_WORD)
        put(w->b, "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/><w:sz w:val=\"18\"/></w:rPr><w:t>");
    else
        put(w->b, "<w:r><w:rPr></w:rPr><w:t>");
    put_escaped(w->b, text);
    put(w->b, "</w:t></w:r>");
}

/* One paragraph of a cell; runs is NULL-terminated (a value written in
 * pieces, "≥" "95%", as Word splits runs at every edit). */
static void cell_para(writer *w, const char *const *runs)
{
    buf *b = w->b;
    if (w->m == MARKUP_WORD)
        put(b, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>");
    else
        put(b, "<w:p><w:pPr><w:pStyle w:val=\"TableContents\"/><w:widowControl w:val=\"false\"/>"
               "<w:suppressLineNumbers/><w:bidi w:val=\"0\"/><w:jc w:val=\"left\"/><w:rPr></w:rPr></w:pPr>");
    for (; *runs; runs++)
        if (**runs)
            run(w, *runs);
    put(b, "</w:p>");
}

static void cell_empty_para(writer *w)
{
    if (w->m == MARKUP_WORD)
        put(w->b, "<w:p><w:pPr><w:jc w:val=\"center\"/><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:pPr></w:p>");
    else
        put(w->b, "<w:p><w:pPr><w:pStyle w:val=\"TableContents\"/><w:bidi w:val=\"0\"/><w:jc w:val=\"left\"/>"
                  "<w:rPr><w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/></w:rPr></w:pPr><w:r><w:rPr><w:sz w:val=\"4\"/>"
                  "<w:szCs w:val=\"4\"/></w:rPr></w:r></w:p>");
}

/* A cell holding one paragraph made of up to three runs. */
static void cell3(writer *w, int width, int span, vmerge vm, const char *a, const char *b, const char *c)
{
    cell_open(w, width, span, vm);
    if (vm == VM_CONTINUE || (!*a && !(b && *b) && !(c && *c))) {
        cell_empty_para(w);
    } else {
        const char *runs[] = {a, b ? b : "", c ? c : "", NULL};
        cell_para(w, runs);
    }
    cell_close(w);
}

static void cell(writer *w, int width, int span, vmerge vm, const char *text)
{
    cell3(w, width, span, vm, text, NULL, NULL);
}

static void row_open(writer *w, bool header)
{
    if (w->m == MARKUP_WORD)
        put(w->b, header ? "<w:tr><w:trPr><w:trHeight w:val=\"454\"/><w:tblHeader/><w:jc w:val=\"center\"/></w:trPr>"
                         : "<w:tr><w:trPr><w:trHeight w:val=\"454\"/><w:jc w:val=\"center\"/></w:trPr>");
    else
        put(w->b, header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr></w:trPr>");
}

static void row_close(writer *w) { put(w->b, "</w:tr>"); }

static void table_open(writer *w, const int *grid, int n)
{
    buf *b = w->b;
    if (w->m == MARKUP_WORD)
        put(b, "<w:tbl><w:tblPr><w:tblW w:w=\"10205\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
               "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
               "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
               "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
               "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
               "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
               "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders>"
               "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"30\" w:type=\"dxa\"/>"
               "<w:right w:w=\"30\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" "
               "w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>");
    else
        put(b, "<w:tbl><w:tblPr><w:tblW w:w=\"10205\" w:type=\"dxa\"/><w:jc w:val=\"left\"/>"
               "<w:tblInd w:w=\"-7\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
               "<w:top w:w=\"30\" w:type=\"dxa\"/><w:left w:w=\"30\" w:type=\"dxa\"/>"
               "<w:bottom w:w=\"30\" w:type=\"dxa\"/><w:right w:w=\"30\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>");
    put(b, "<w:tblGrid>");
    for (int i = 0; i < n; i++)
        putf(b, "<w:gridCol w:w=\"%d\"/>", grid[i]);
    put(b, "</w:tblGrid>");
}

static void table_close(writer *w) { put(w->b, "</w:tbl>"); }

typedef enum { PARA_BODY, PARA_H1, PARA_H2 } para_kind;

/* A body paragraph; a second text becomes a second run ("1." "…绩效目标表"). */
static void body_para(writer *w, para_kind k, const char *a, const char *b)
{
    buf *o = w->b;
    static const char *const style[] = {"TextBody", "Heading1", "Heading2"};
    if (w->m == MARKUP_WORD)
        putf(o, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/><w:spacing w:line=\"360\" w:lineRule=\"auto\"/>"
                "<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/><w:rPr><w:rFonts w:hint=\"eastAsia\"/>"
                "</w:rPr></w:pPr>",
             style[k]);
    else
        putf(o, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/><w:bidi w:val=\"0\"/><w:spacing w:lineRule=\"auto\" "
                "w:line=\"276\" w:before=\"0\" w:after=\"140\"/><w:jc w:val=\"left\"/><w:rPr></w:rPr></w:pPr>",
             style[k]);
    if (k == PARA_H2) {
        putf(o, "<w:bookmarkStart w:id=\"%d\" w:name=\"_Toc_%010d\"/><w:bookmarkEnd w:id=\"%d\"/>", w->bookmark,
             w->bookmark, w->bookmark);
        w->bookmark++;
    }
    if (a && *a)
        run(w, a);
    if (b && *b)
        run(w, b);
    put(o, "</w:p>");
}

/* ------------------------------------------------------------------ text */

static const char *const orgs[] = {
    "816001曹妃甸区中山路街道办事处本级", "816002曹妃甸区唐海镇人民政府本级", "816003曹妃甸区滨海镇人民政府本级",
    "816004曹妃甸区柳赞镇人民政府本级",   "816005曹妃甸区一农场办事处本级", "816006曹妃甸区新城街道办事处本级",
};

static const char *const subjects[] = {
    "房屋租赁和物业管理", "楼门长补助",     "街道专项工作",   "社区党群服务中心运行", "综合治理",
    "城市管理",           "环境卫生整治",   "老旧小区改造",   "社区养老服务",         "安全生产监管",
    "网格化管理",         "退役军人服务",   "文化体育活动",   "防汛应急",             "垃圾分类",
    "道路维修养护",       "绿化养护",       "公共卫生服务",   "残疾人帮扶",           "党建工作",
    "信访维稳",           "社区工作者补贴", "便民服务中心",   "消防安全",             "流动人口服务",
};

static const char *const kinds[] = {"专项经费", "项目经费", "补助资金", "运行经费", "工作经费"};
static const char *const place_a[] = {"中山路", "唐海", "滨海", "柳赞", "一农场", "新城", "南堡", "八里滩"};
static const char *const place_b[] = {"街道", "社区", "片区", "镇区", "园区"};

static const char *const purposes[] = {
    "支付所辖社区党群服务中心办公场所租赁费、物业服务费；支付街道库房租赁费。",
    "用于支付楼门长补贴",
    "街道及社区基础运行经费",
    "用于辖区环境卫生整治、垃圾清运及公共区域保洁。",
    "保障社区日常办公、水电暖等运行支出，开展便民服务活动。",
    "用于辖区道路、路灯、排水设施的日常维修养护。",
    "开展安全生产检查、隐患排查整治及宣传培训。",
};

static const char *const goals[] = {
    "保证街道下辖社区党群服务中心房租及时支付", "保证楼门长补助及时足额发放", "协助社区公共服务水平提升",
    "保证社区管理工作正常开展",                 "街道机关各科室正常运行",     "保证日常工作正常开展",
    "保证街道所辖社区正常运行",                 "改善辖区人居环境",           "提高居民群众满意度",
};

static const char *const bases[] = {"单位年初预算安排", "上级文件精神", "单位年初工作安排", "历史标准",
                                    "行业标准"};

static const char *const prose[] = {
    "宣传贯彻执行党的路线方针政策和党中央、上级党组织的决议，依法管理辖区公共事务。",
    "组织实施与居民生活密切相关的公共服务，落实民政民生、卫生健康、住房保障、就业创业、社会保障等政策。",
    "按照职责分工组织维护辖区安全稳定，协调维护社会治安综合治理，做好应急管理工作。",
    "完善财务管理制度，严格审批程序，加强固定资产登记、使用和报废处置管理，做到支出合理，物尽其用。",
    "加强内部监督制度建设，对绩效运行情况、重大支出决策和资产处置进行督导，确保财政资金安全有效。",
};

/* ------------------------------------------------------------- a project */

typedef struct amount {
    int64_t cents; /* in the project's unit, two decimals */
} amount;

static void fmt_amount(char *out, size_t n, int64_t cents, bool decimals)
{
    if (decimals)
        snprintf(out, n, "%" PRId64 ".%02" PRId64, cents / 100, cents % 100);
    else
        snprintf(out, n, "%" PRId64, cents / 100);
}

typedef struct indicator {
    const char *l1, *l2, *l3;
    char value[64];
    const char *op; /* split into its own run */
} indicator;

typedef struct project {
    int number;
    char code[32];
    char name[160];
    const char *org;
    bool yuan; /* amounts in 元 (else 万元) */
    bool unit_in_paragraph;
    char total[32], fiscal[32], other[32];
    int64_t total_cents;
    const char *purpose;
    bool purpose_own_label;
    char sched[4][16];
    int goal_count;
    const char *goal[4];
    indicator ind[16];
    int ind_count;
    bool l2_merge[16]; /* this row continues the 二级指标 above */
    bool header_row_flag;
    bool gap_between_tables;
} project;

static void make_amounts(rng *r, project *p)
{
    int64_t total = p->yuan ? (int64_t)between(r, 2000, 9000000) * 100 : (int64_t)between(r, 50, 999999);
    if (!p->yuan && chance(r, 200))
        total = total / 100 * 100; /* a round 237.00 */
    p->total_cents = total;
    int64_t fiscal = total, other = -1;
    if (chance(r, 150)) {
        fiscal = total * between(r, 50, 95) / 100;
        other = total - fiscal;
    }
    if (chance(r, 25)) /* the parts do not add up (PB201) */
        fiscal += between(r, 1, 500);
    bool dec = p->yuan ? chance(r, 300) : true;
    fmt_amount(p->total, sizeof p->total, total, dec);
    fmt_amount(p->fiscal, sizeof p->fiscal, fiscal, dec);
    if (other >= 0)
        fmt_amount(p->other, sizeof p->other, other, dec);
    else
        p->other[0] = '\0';
    if (chance(r, 8)) /* an amount in words (PB203) */
        snprintf(p->fiscal, sizeof p->fiscal, "%s", "详见附表");
}

static void make_schedule(rng *r, project *p)
{
    int a = 5 * between(r, 0, 8), b = a + 5 * between(r, 0, 6), c = b + 5 * between(r, 0, 6);
    if (c > 95)
        c = 95;
    if (b > c)
        b = c;
    int v[4] = {a, b, c, 100};
    for (int i = 0; i < 4; i++)
        snprintf(p->sched[i], sizeof p->sched[i], "%d%%", v[i]);
    int fault = pick(r, 1000);
    if (fault < 80) { /* the early checkpoints left blank, as in the reference (PB101) */
        p->sched[0][0] = '\0';
        if (fault < 50)
            p->sched[1][0] = '\0';
    } else if (fault < 100) { /* not cumulative (PB103) */
        snprintf(p->sched[2], sizeof p->sched[2], "%d%%", b > 10 ? b - 10 : 0);
        snprintf(p->sched[1], sizeof p->sched[1], "%d%%", b > 10 ? b : 10);
    } else if (fault < 120) { /* the year does not end at 100 % (PB104) */
        snprintf(p->sched[3], sizeof p->sched[3], "%d%%", c < 90 ? 90 : c);
    } else if (fault < 130) { /* text (PB105) */
        snprintf(p->sched[1], sizeof p->sched[1], "%s", "待定");
    } else if (fault < 136) { /* out of range (PB102, PB104) */
        snprintf(p->sched[3], sizeof p->sched[3], "%s", "120%");
    } else if (fault < 200) { /* full-width per cent sign: not a fault */
        snprintf(p->sched[2], sizeof p->sched[2], "%d％", c);
    }
}

static void add_ind(project *p, const char *l1, const char *l2, const char *l3, const char *op, const char *fmt,
                    ...) __attribute__((format(printf, 6, 7)));

static void add_ind(project *p, const char *l1, const char *l2, const char *l3, const char *op, const char *fmt, ...)
{
    if (p->ind_count >= (int)COUNT(p->ind))
        return;
    indicator *d = &p->ind[p->ind_count];
    d->l1 = l1;
    d->l2 = l2;
    d->l3 = l3;
    d->op = op;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->value, sizeof d->value, fmt, ap);
    va_end(ap);
    p->l2_merge[p->ind_count] = p->ind_count > 0 && strcmp(p->ind[p->ind_count - 1].l2, l2) == 0 &&
                                strcmp(p->ind[p->ind_count - 1].l1, l1) == 0;
    p->ind_count++;
}

static void make_cost(rng *r, project *p)
{
    char v[32];
    const char *unit = p->yuan ? "元" : "万元";
    int fault = pick(r, 1000);
    int64_t cents = p->total_cents;
    if (fault < 30) { /* above the budget (PB202) */
        cents = cents * 3 / 2 + 100;
    } else if (fault < 45) { /* below it, in the other unit: exact conversion */
        if (!p->yuan) {
            snprintf(v, sizeof v, "%" PRId64, cents * 100);
            add_ind(p, "产出指标", "成本指标", "资金成本", "≤", "%s元", v);
            return;
        }
    } else if (fault < 60) { /* a unit cost: not compared with the budget */
        add_ind(p, "产出指标", "成本指标", "人均补助标准", "≤", "%d元/人·月", between(r, 100, 900));
        return;
    }
    fmt_amount(v, sizeof v, cents, !p->yuan || cents % 100);
    add_ind(p, "产出指标", "成本指标", chance(r, 500) ? "资金成本" : "成本金额", "≤", "%s%s", v, unit);
}

static void make_indicators(rng *r, project *p)
{
    static const char *const counted[][2] = {
        {"工作开展次数", "次"}, {"发放人数", "人"}, {"服务户数", "户"}, {"培训人次", "人次"}, {"维修面积", "平方米"},
    };
    int n = between(r, 1, 2);
    for (int i = 0; i < n; i++) {
        int k = (i + pick(r, 5)) % 5;
        if (chance(r, 300))
            add_ind(p, "产出指标", "数量指标", counted[k][0], "", "%d%s", between(r, 5, 900), counted[k][1]);
        else
            add_ind(p, "产出指标", "数量指标", counted[k][0], "≥", "%d%s", between(r, 5, 900), counted[k][1]);
    }
    add_ind(p, "产出指标", "质量指标", chance(r, 500) ? "覆盖率" : "验收合格率", "≥", "%d%%", between(r, 85, 100));
    if (chance(r, 300))
        add_ind(p, "产出指标", "质量指标", "资金使用合规率", "", "%s", "100%");
    if (chance(r, 50))
        add_ind(p, "产出指标", "时效指标", "项目完成时间", "≥", "%s", "1年"); /* PB304 */
    else if (chance(r, 300))
        add_ind(p, "产出指标", "时效指标", "完成时间", "", "%s", "2025年12月底前");
    else
        add_ind(p, "产出指标", "时效指标", "项目完成时间", "≤", "%s", "1年");
    make_cost(r, p);
    static const char *const benefit[][2] = {
        {"经济效益指标", "公共服务水平提升情况"},
        {"社会效益指标", "提供优质服务"},
        {"生态效益指标", "生态影响"},
        {"可持续影响指标", "维护社会稳定"},
    };
    for (size_t i = 0; i < COUNT(benefit); i++) {
        if (i > 1 && chance(r, 250))
            continue;
        if (chance(r, 150))
            add_ind(p, "效益指标", benefit[i][0], benefit[i][1], "", "%s", chance(r, 500) ? "有所提升" : "较好");
        else if (chance(r, 10))
            add_ind(p, "效益指标", benefit[i][0], benefit[i][1], "≥", "%s", "105%"); /* PB303 */
        else if (chance(r, 10))
            add_ind(p, "效益指标", benefit[i][0], benefit[i][1], "", "%s", ""); /* PB301 */
        else
            add_ind(p, "效益指标", benefit[i][0], benefit[i][1], "≥", "%d%%", between(r, 80, 98));
    }
    add_ind(p, "满意度指标", "服务对象满意度指标", "社会公众和服务对象满意度", "≥", "%d%%", between(r, 85, 98));
    if (chance(r, 200))
        add_ind(p, "满意度指标", "服务对象满意度指标", "服务群众满意度", "≥", "%d%%", between(r, 85, 98));
}

static void make_project(rng *r, project *p, int number, uint64_t file_id)
{
    memset(p, 0, sizeof *p);
    p->number = number;
    /* Codes like 13020925P001470100024: region 130209, year 25, P, a serial
     * unique in the file; one in a hundred has another district's region. */
    snprintf(p->code, sizeof p->code, "1302%s25P%06" PRIu64 "%05d%c", chance(r, 10) ? "08" : "09",
             file_id % 1000000, number % 100000, "0123456789A"[pick(r, 11)]);
    /* Names are unique in a file (a duplicate is a finding): place × subject ×
     * kind through a permutation of 5,000, then a phase number. */
    int k = (int)(((uint64_t)(number - 1) % 5000 * 7919 + file_id * 131) % 5000);
    int ns = (int)COUNT(subjects), nk = (int)COUNT(kinds), np = (int)COUNT(place_a);
    snprintf(p->name, sizeof p->name, "%s%s%s%s", place_a[k / (ns * nk) % np], place_b[k / (ns * nk * np) % 5],
             subjects[k % ns], kinds[k / ns % nk]);
    if (number > 5000) {
        char phase[24];
        snprintf(phase, sizeof phase, "（%d期）", (number - 1) / 5000 + 1);
        strncat(p->name, phase, sizeof p->name - strlen(p->name) - 1);
    }
    p->org = PICK(r, orgs);
    p->yuan = chance(r, 50);
    p->unit_in_paragraph = chance(r, 100);
    make_amounts(r, p);
    p->purpose = PICK(r, purposes);
    p->purpose_own_label = chance(r, 200);
    make_schedule(r, p);
    p->goal_count = between(r, 1, 4);
    for (int i = 0; i < p->goal_count; i++)
        p->goal[i] = goals[(pick(r, (int)COUNT(goals)) + i) % COUNT(goals)];
    make_indicators(r, p);
    p->header_row_flag = chance(r, 300);
    p->gap_between_tables = chance(r, 500);
}

/* ------------------------------------------------------ the project tables */

static const int kv_grid[] = {2029, 1262, 1668, 1885, 1311, 1865, 185};
static const int ind_grid[] = {1013, 1772, 2398, 2398, 1168, 1456};

static void kv_table(writer *w, const project *p)
{
    const char *unit = p->yuan ? "单位：元" : "单位：万元";
    table_open(w, kv_grid, (int)COUNT(kv_grid));
    if (!p->unit_in_paragraph) {
        row_open(w, false);
        cell3(w, 8155, 5, VM_NONE, p->org, NULL, NULL);
        cell(w, 2050, 2, VM_NONE, unit);
        row_close(w);
    }
    row_open(w, false);
    cell(w, 2029, 1, VM_NONE, "项目编码");
    cell(w, 2930, 2, VM_NONE, p->code);
    cell(w, 1885, 1, VM_NONE, "项目名称");
    cell(w, 3361, 3, VM_NONE, p->name);
    row_close(w);

    row_open(w, false);
    cell(w, 2029, 1, p->purpose_own_label ? VM_NONE : VM_RESTART, p->purpose_own_label ? "预算规模" : "预算规模及资金用途");
    cell(w, 1262, 1, VM_NONE, "预算数");
    cell(w, 1668, 1, VM_NONE, p->total);
    cell(w, 1885, 1, VM_NONE, "其中：财政 资金");
    cell(w, 1311, 1, VM_NONE, p->fiscal);
    cell(w, 1865, 1, VM_NONE, "其他资金");
    cell(w, 185, 1, VM_NONE, p->other);
    row_close(w);
    row_open(w, false);
    if (p->purpose_own_label)
        cell(w, 2029, 1, VM_NONE, "资金用途");
    else
        cell(w, 2029, 1, VM_CONTINUE, "");
    cell(w, 8176, 6, VM_NONE, p->purpose);
    row_close(w);

    row_open(w, false);
    cell3(w, 2029, 1, VM_RESTART, "资金支出计划（", "%", "）");
    cell3(w, 2930, 2, VM_NONE, "3", "月底", NULL);
    cell3(w, 1885, 1, VM_NONE, "6", "月底", NULL);
    cell3(w, 1311, 1, VM_NONE, "10", "月底", NULL);
    cell3(w, 2050, 2, VM_NONE, "12", "月底", NULL);
    row_close(w);
    row_open(w, false);
    cell(w, 2029, 1, VM_CONTINUE, "");
    cell(w, 2930, 2, VM_NONE, p->sched[0]);
    cell(w, 1885, 1, VM_NONE, p->sched[1]);
    cell(w, 1311, 1, VM_NONE, p->sched[2]);
    cell(w, 2050, 2, VM_NONE, p->sched[3]);
    row_close(w);

    row_open(w, false);
    cell(w, 2029, 1, VM_NONE, "绩效目标");
    cell_open(w, 8176, 6, VM_NONE);
    for (int i = 0; i < p->goal_count; i++) {
        char n[16];
        snprintf(n, sizeof n, "%d.", i + 1);
        const char *runs[] = {n, p->goal[i], NULL};
        cell_para(w, runs);
    }
    cell_close(w);
    row_close(w);
    table_close(w);
}

/* Splits "≥95%" the way Word stores an edited value: operator, number, unit. */
static void value_cell(writer *w, const indicator *d)
{
    const char *v = d->value;
    size_t digits = strspn(v, "0123456789.");
    char num[32];
    snprintf(num, sizeof num, "%.*s", (int)(digits < sizeof num ? digits : sizeof num - 1), v);
    cell3(w, 1168, 1, VM_NONE, d->op, digits ? num : v, digits ? v + digits : "");
}

static void indicator_table(writer *w, const project *p)
{
    static const char *const head[] = {"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"};
    table_open(w, ind_grid, (int)COUNT(ind_grid));
    row_open(w, p->header_row_flag);
    for (size_t i = 0; i < COUNT(head); i++)
        cell(w, ind_grid[i], 1, VM_NONE, head[i]);
    row_close(w);
    const char *basis = bases[p->number % COUNT(bases)];
    for (int i = 0; i < p->ind_count; i++) {
        const indicator *d = &p->ind[i];
        bool l1_first = i == 0 || strcmp(p->ind[i - 1].l1, d->l1) != 0;
        bool l1_more = i + 1 < p->ind_count && strcmp(p->ind[i + 1].l1, d->l1) == 0;
        bool l2_more = i + 1 < p->ind_count && p->l2_merge[i + 1];
        row_open(w, false);
        cell(w, ind_grid[0], 1, l1_first ? (l1_more ? VM_RESTART : VM_NONE) : VM_CONTINUE, d->l1);
        cell(w, ind_grid[1], 1, p->l2_merge[i] ? VM_CONTINUE : (l2_more ? VM_RESTART : VM_NONE), d->l2);
        cell(w, ind_grid[2], 1, VM_NONE, d->l3);
        cell(w, ind_grid[3], 1, VM_NONE, d->l3);
        value_cell(w, d);
        cell(w, ind_grid[5], 1, VM_NONE, basis);
        row_close(w);
    }
    table_close(w);
}

static void write_project(writer *w, const project *p)
{
    char n[16], title[200];
    snprintf(n, sizeof n, "%d.", p->number);
    snprintf(title, sizeof title, "%s绩效目标表", p->name);
    body_para(w, PARA_H2, n, title);
    if (p->unit_in_paragraph)
        body_para(w, PARA_BODY, p->org, p->yuan ? "    单位：元" : "    单位：万元");
    kv_table(w, p);
    if (p->gap_between_tables)
        body_para(w, PARA_BODY, "", NULL);
    indicator_table(w, p);
}

/* ------------------------------------------------------------ a document */

static const char doc_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
    "xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" xmlns:v=\"urn:schemas-microsoft-com:vml\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:w10=\"urn:schemas-microsoft-com:office:word\" "
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" "
    "xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\" "
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
    "mc:Ignorable=\"w14 w15\"><w:body>";

static const char doc_tail[] =
    "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"567\" w:right=\"567\" w:bottom=\"567\" "
    "w:left=\"1134\" w:header=\"0\" w:footer=\"0\" w:gutter=\"0\"/><w:cols w:space=\"720\"/></w:sectPr>"
    "</w:body></w:document>";

/* The whole main part for n projects; the projects' seed is (seed, file_id). */
static void write_document(buf *b, markup m, int n, uint64_t seed, uint64_t file_id)
{
    writer w = {b, m, 0};
    rng r = rng_seeded(seed * 1000003u + file_id);
    put(b, doc_head);
    body_para(&w, PARA_H1, "第一部分", NULL);
    body_para(&w, PARA_H1, "部门整体绩效目标", NULL);
    body_para(&w, PARA_H2, "一、总体绩效目标", NULL);
    for (size_t i = 0; i < COUNT(prose); i++)
        body_para(&w, PARA_BODY, prose[i], NULL);
    body_para(&w, PARA_H2, "二、分项绩效目标", NULL);
    body_para(&w, PARA_H1, "第二部分", NULL);
    body_para(&w, PARA_H1, "预算项目绩效目标", NULL);
    project *p = malloc(sizeof *p);
    if (!p)
        die("out of memory");
    for (int i = 1; i <= n; i++) {
        make_project(&r, p, i, file_id);
        write_project(&w, p);
    }
    free(p);
    body_para(&w, PARA_BODY, "", NULL);
    put(b, doc_tail);
}

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/></Relationships>";

static const char document_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" "
    "Target=\"settings.xml\"/></Relationships>";

static const char styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\" "
    "w:hAnsi=\"Times New Roman\"/><w:sz w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr>"
    "</w:rPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TextBody\"><w:name w:val=\"Body Text\"/>"
    "<w:basedOn w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TableContents\"><w:name w:val=\"Table Contents\"/>"
    "<w:basedOn w:val=\"Normal\"/></w:style></w:styles>";

static const char settings[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:defaultTabStop w:val=\"420\"/><w:compat/></w:settings>";

static const char core[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>项目支出绩效目标表</dc:title>"
    "<dc:creator>pbcheck bench/gen</dc:creator></cp:coreProperties>";

static void add_part(zip_t *za, const char *name, const char *data, size_t len)
{
    zip_source_t *s = zip_source_buffer(za, data, len, 0);
    if (!s || zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
        zip_source_free(s);
        fprintf(stderr, "gen: cannot add %s: %s\n", name, zip_strerror(za));
        exit(2);
    }
}

/* Writes one .docx; returns the size of its main part. */
static size_t write_docx(const char *path, markup m, int n, uint64_t seed, uint64_t file_id)
{
    buf doc = {0};
    write_document(&doc, m, n, seed, file_id);
    int err = 0;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!za) {
        fprintf(stderr, "gen: cannot create %s (libzip error %d)\n", path, err);
        exit(2);
    }
    add_part(za, "[Content_Types].xml", content_types, strlen(content_types));
    add_part(za, "_rels/.rels", package_rels, strlen(package_rels));
    add_part(za, "docProps/core.xml", core, strlen(core));
    add_part(za, "word/document.xml", doc.data, doc.len);
    add_part(za, "word/_rels/document.xml.rels", document_rels, strlen(document_rels));
    add_part(za, "word/styles.xml", styles, strlen(styles));
    add_part(za, "word/settings.xml", settings, strlen(settings));
    if (zip_close(za) != 0) {
        fprintf(stderr, "gen: cannot write %s: %s\n", path, zip_strerror(za));
        zip_discard(za);
        exit(2);
    }
    size_t len = doc.len;
    free(doc.data);
    return len;
}

/* ------------------------------------------------------------------ main */

static void usage(void)
{
    fputs("usage: gen report N OUT.docx [--seed S] [--markup word|lo]\n"
          "       gen folder M DIR [--seed S] [--markup word|lo]\n",
          stderr);
    exit(2);
}

static long parse_count(const char *s, long max)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 0 || v > max)
        usage();
    return v;
}

int main(int argc, char **argv)
{
    if (argc < 4)
        usage();
    uint64_t seed = 2025;
    markup m = MARKUP_WORD;
    for (int i = 4; i < argc; i++) {
        if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = (uint64_t)parse_count(argv[++i], 0x7fffffffL);
        else if (strcmp(argv[i], "--markup") == 0 && i + 1 < argc) {
            const char *v = argv[++i];
            if (strcmp(v, "word") == 0)
                m = MARKUP_WORD;
            else if (strcmp(v, "lo") == 0)
                m = MARKUP_LO;
            else
                usage();
        } else
            usage();
    }
    long count = parse_count(argv[2], 1000000);
    if (strcmp(argv[1], "report") == 0) {
        if (count % 2) {
            fputs("gen: N counts tables, two per project: it must be even\n", stderr);
            return 2;
        }
        size_t xml = write_docx(argv[3], m, (int)(count / 2), seed, 0);
        printf("%s: %ld tables (%ld projects), %zu bytes of document.xml\n", argv[3], count, count / 2, xml);
        return 0;
    }
    if (strcmp(argv[1], "folder") == 0) {
        if (mkdir(argv[3], 0777) != 0 && errno != EEXIST) {
            perror(argv[3]);
            return 2;
        }
        rng r = rng_seeded(seed);
        size_t xml = 0;
        long projects = 0;
        for (long i = 1; i <= count; i++) {
            char path[4096];
            int n = between(&r, 1, 6);
            snprintf(path, sizeof path, "%s/report-%04ld.docx", argv[3], i);
            xml += write_docx(path, m, n, seed, (uint64_t)i);
            projects += n;
        }
        printf("%s: %ld reports, %ld projects, %zu bytes of document.xml\n", argv[3], count, projects, xml);
        return 0;
    }
    usage();
    return 2;
}
