/* The extractor: recognises project target tables by their labels (never by
 * fixed positions) and turns them into pb_project structs.
 *
 * Tables arrive one at a time (a Word table, or a whole worksheet) and are
 * read row by row.  A row is one of:
 *   - a title ("2.…绩效目标表", "…申报表"): the next project's heading;
 *   - a unit line ("单位：万元"), often beside the unit's own name;
 *   - key/value labels (项目编码 | … | 项目名称 | …, 资金总额 | 120 …);
 *   - a row of labels whose values are in the row below (资金支出计划 |
 *     3月底 | 6月底 …, or 资金总额 | 财政拨款 | 自有资金 …);
 *   - an indicator header (一级指标 | 二级指标 | 三级指标/指标内容 | 指标值 …)
 *     and the indicator rows under it, optionally named 年度/长期 blocks;
 *   - anything else, which is ignored.
 * A worksheet may hold several projects one below the other; a Word table
 * may hold the key/value part, the indicator part or both.  Self-evaluation
 * tables (绩效自评表) are recognised first and skipped whole. */
#include "extract/extract.h"
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

#define LABEL_MAX 256
#define MAX_SLOTS 64
#define MAX_CHECKPOINTS 16
#define MAX_FUND_COLS 16

typedef enum {
    COL_L1, COL_L2, COL_L3, COL_DESC, COL_VALUE, COL_BASIS, COL_UNIT, COL_TYPE, COL_OP,
    COL_EXPLAIN, COL_SCORING, COL_REMARK, COL_WEIGHT, COL_COUNT
} ind_col;

typedef enum {
    L_NONE, L_CODE, L_NAME, L_TOTAL, L_FISCAL, L_OTHER, L_GOALS, L_LONG_GOALS, L_SCHEDULE,
    L_PURPOSE, L_BUDGET_GROUP, L_FUNDS_GROUP, L_ATTRIBUTE, L_DEPARTMENT, L_IMPLEMENTER,
    L_MANAGER, L_PHONE, L_PERIOD
} label_kind;

typedef struct slot {
    const pb_cell *cell;
    char label[LABEL_MAX]; /* normalised, white space dropped; "" if long */
    signed char kind[2];   /* label_of(label, funds) by funds, -1 until asked */
} slot;

typedef enum { SCHED_NONE, SCHED_LABELS_NEXT, SCHED_VALUES_NEXT } sched_state;

struct pb_extractor {
    pb_document *doc;
    const pb_options *opt;
    pb_arena *a;
    size_t project_cap, table_cap, summary_cap, skipped_cap;
    pb_project *cur;
    size_t ind_cap, fund_cap; /* of cur->indicators, cur->funds */
    /* indicator part */
    bool ind_mode;
    int ind_col[COL_COUNT];
    int term_col; /* a column naming the block (长期绩效指标 merged down), or -1 */
    pb_term block_term, pending_term;
    bool has_pending_term;
    unsigned terms_seen; /* blocks of cur, one bit per pb_term */
    const char *carry_l1, *carry_l2;
    pb_loc carry_l1_loc, carry_l2_loc;
    /* a schedule header waiting for its labels or values row */
    sched_state sched;
    int sched_table, sched_row;
    int sched_cols[MAX_CHECKPOINTS];
    const char *sched_labels[MAX_CHECKPOINTS];
    int sched_n;
    /* a row of fund labels waiting for its values row */
    int fund_table, fund_row, fund_n;
    int fund_cols[MAX_FUND_COLS];
    label_kind fund_kinds[MAX_FUND_COLS];
    const char *fund_labels[MAX_FUND_COLS];
    /* titles and units met before their project; the pending title is
     * copied into title_buf, not the arena, where one copy per paragraph
     * would pile up (a document of short paragraphs) */
    const char *title;
    char title_buf[LABEL_MAX];
    pb_money_unit para_unit;
    bool in_summary;
    int last_table;
    pb_money_unit pend_unit;
    pb_field pend_unit_text;
    const char *pend_org;
};

static pb_loc cell_loc(const pb_table *t, const pb_cell *c)
{
    return (pb_loc){t->index, c->row, c->col};
}

pb_extractor *pbi_extractor_new(pb_document *d, const pb_options *o)
{
    pb_extractor *x = pb_arena_alloc(d->arena, sizeof *x);
    if (!x)
        return NULL;
    x->doc = d;
    x->opt = o;
    x->a = d->arena;
    x->last_table = -1;
    x->term_col = -1;
    return x;
}

/* ---- labels */

static pb_money_unit unit_in(const char *label)
{
    /* every unit but "单位:万" names 元 */
    if (!pbi_contains(label, "元"))
        return pbi_contains(label, "单位:万") ? PB_UNIT_WANYUAN : PB_UNIT_UNKNOWN;
    if (pbi_contains(label, "单位:万元") || pbi_contains(label, "(万元)") || pbi_contains(label, "单位:万"))
        return PB_UNIT_WANYUAN;
    if (pbi_contains(label, "单位:亿元") || pbi_contains(label, "(亿元)"))
        return PB_UNIT_YIYUAN;
    if (pbi_contains(label, "单位:元") || pbi_contains(label, "(元)"))
        return PB_UNIT_YUAN;
    return PB_UNIT_UNKNOWN;
}

/* A label to compare with, its length known when compiled: most cells are
 * not labels, and a length that differs rules a label out at once. */
typedef struct lit {
    const char *s;
    size_t len;
} lit;

#define LIT(x) {"" x, sizeof(x) - 1}

static bool in_list(const char *s, size_t n, const lit *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (list[i].len == n && memcmp(s, list[i].s, n) == 0)
            return true;
    return false;
}

#define IN(s, n, list) in_list((s), (n), (list), sizeof(list) / sizeof *(list))

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* "预算数(万元)" → "预算数", "资金支出计划(%)" → "资金支出计划": a short
 * parenthesised note at the end is not part of the label. */
static void label_base(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s);
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
    if (n < 2 || out[n - 1] != ')')
        return;
    char *open = strrchr(out, '(');
    if (open && open > out && (size_t)(out + n - open) <= 14)
        *open = '\0';
}

static const struct {
    lit text;
    label_kind kind;
} exact_labels[] = {
    {LIT("项目编码"), L_CODE},         {LIT("项目代码"), L_CODE},           {LIT("项目编号"), L_CODE},
    {LIT("项目名称"), L_NAME},         {LIT("预算数"), L_TOTAL},            {LIT("预算金额"), L_TOTAL},
    {LIT("资金总额"), L_TOTAL},        {LIT("年度资金总额"), L_TOTAL},      {LIT("项目资金总额"), L_TOTAL},
    {LIT("预算总额"), L_TOTAL},        {LIT("年度预算数"), L_TOTAL},        {LIT("项目预算"), L_TOTAL},
    {LIT("其他资金"), L_OTHER},        {LIT("自有资金"), L_OTHER},          {LIT("自筹资金"), L_OTHER},
    {LIT("单位自筹"), L_OTHER},        {LIT("事业收入"), L_OTHER},          {LIT("经营收入"), L_OTHER},
    {LIT("经营性收入"), L_OTHER},      {LIT("上级补助收入"), L_OTHER},      {LIT("附属单位上缴收入"), L_OTHER},
    {LIT("非财政拨款"), L_OTHER},      {LIT("非财政资金"), L_OTHER},        {LIT("社会资金"), L_OTHER},
    {LIT("银行贷款"), L_OTHER},        {LIT("绩效目标"), L_GOALS},          {LIT("年度绩效目标"), L_GOALS},
    {LIT("年度目标"), L_GOALS},        {LIT("长期目标"), L_LONG_GOALS},     {LIT("长期绩效目标"), L_LONG_GOALS},
    {LIT("中期目标"), L_LONG_GOALS},   {LIT("中期绩效目标"), L_LONG_GOALS}, {LIT("总目标"), L_LONG_GOALS},
    {LIT("总体目标"), L_LONG_GOALS},   {LIT("资金用途"), L_PURPOSE},        {LIT("项目资金用途"), L_PURPOSE},
    {LIT("预算规模及资金用途"), L_BUDGET_GROUP},
    {LIT("项目资金"), L_FUNDS_GROUP},
    {LIT("项目属性"), L_ATTRIBUTE},    {LIT("主管部门"), L_DEPARTMENT},     {LIT("主管部门及代码"), L_DEPARTMENT},
    {LIT("主管单位"), L_DEPARTMENT},   {LIT("实施单位"), L_IMPLEMENTER},    {LIT("项目实施单位"), L_IMPLEMENTER},
    {LIT("项目负责人"), L_MANAGER},    {LIT("负责人"), L_MANAGER},          {LIT("联系电话"), L_PHONE},
    {LIT("联系方式"), L_PHONE},        {LIT("起止时间"), L_PERIOD},         {LIT("项目起止时间"), L_PERIOD},
    {LIT("项目期"), L_PERIOD},         {LIT("实施期限"), L_PERIOD},         {LIT("项目实施期"), L_PERIOD},
    {LIT("项目周期"), L_PERIOD},
};

/* Labels that only mean a part of the funds beside other fund labels. */
static const lit context_other[] = {LIT("其他"), LIT("其他收入")};
static const lit context_total[] = {LIT("合计"), LIT("总计")};

static bool is_fiscal_label(const char *s)
{
    if (pbi_has_prefix(s, "其中:"))
        s += strlen("其中:");
    if (pbi_has_prefix(s, "非"))
        return false;
    return has_suffix(s, "财政资金") || has_suffix(s, "财政拨款") || has_suffix(s, "财政拨款资金");
}

static label_kind label_of(const char *label, bool funds)
{
    if (!*label)
        return L_NONE;
    char base[LABEL_MAX];
    label_base(label, base, sizeof base);
    size_t n = strlen(base);
    for (size_t i = 0; i < sizeof exact_labels / sizeof *exact_labels; i++)
        if (exact_labels[i].text.len == n && memcmp(base, exact_labels[i].text.s, n) == 0)
            return exact_labels[i].kind;
    if (pbi_has_prefix(base, "资金支出计划") || pbi_has_prefix(base, "资金支出进度") ||
        pbi_has_prefix(base, "支出进度计划") || strcmp(base, "支出计划") == 0)
        return L_SCHEDULE;
    if (is_fiscal_label(base))
        return L_FISCAL;
    if (funds && IN(base, n, context_other))
        return L_OTHER;
    if (funds && IN(base, n, context_total))
        return L_TOTAL;
    return L_NONE;
}

/* A row's labels are asked for several times: remember the answer. */
static label_kind slot_kind(slot *s, bool funds)
{
    if (s->kind[funds] < 0)
        s->kind[funds] = (signed char)label_of(s->label, funds);
    return (label_kind)s->kind[funds];
}

static bool is_amount_label(label_kind k) { return k == L_TOTAL || k == L_FISCAL || k == L_OTHER; }

/* Fields of which a project has one: a second one starts the next project,
 * and so does one met after the project's indicator part. */
static bool is_header_field(label_kind k)
{
    switch (k) {
    case L_CODE: case L_NAME: case L_TOTAL: case L_ATTRIBUTE: case L_DEPARTMENT: case L_IMPLEMENTER:
    case L_MANAGER: case L_PHONE: case L_PERIOD: case L_FUNDS_GROUP: case L_BUDGET_GROUP:
        return true;
    default:
        return false;
    }
}

/* "长期绩效指标", "中期指标", "年度绩效指标": the name of an indicator block. */
static bool term_marker(const char *l, pb_term *term)
{
    char base[LABEL_MAX];
    label_base(l, base, sizeof base);
    if (!pbi_contains(base, "指标") || strlen(base) > 24)
        return false;
    if (pbi_has_prefix(base, "长期") || pbi_has_prefix(base, "中期")) {
        *term = PB_TERM_LONG;
        return true;
    }
    if (pbi_has_prefix(base, "年度")) {
        *term = PB_TERM_ANNUAL;
        return true;
    }
    return false;
}

/* Column heads found only in self-evaluation and evaluation tables. */
static bool self_evaluation_label(const char *l)
{
    static const lit exact[] = {LIT("实际值"), LIT("完成值"), LIT("分值"), LIT("得分"), LIT("实际完成情况")};
    static const char *const prefix[] = {"实际完成值", "全年实际值", "年度实际完成值", "偏差原因", "全年执行数",
                                         "执行率", "自评得分", "全年执行率"};
    if (IN(l, strlen(l), exact))
        return true;
    for (size_t i = 0; i < sizeof prefix / sizeof *prefix; i++)
        if (pbi_has_prefix(l, prefix[i]))
            return true;
    return false;
}

static bool self_evaluation_title(const char *s)
{
    return pbi_contains(s, "自评") || pbi_contains(s, "评价表");
}

/* The distinct cells of a row in grid order, merged cells included once. */
static int row_slots(const pb_table *t, int row, slot *out, int max)
{
    int n = 0;
    const pb_cell *prev = NULL;
    for (int c = 0; c < t->width && n < max; c++) {
        const pb_cell *cell = pb_table_at(t, row, c);
        if (!cell || cell == prev)
            continue;
        prev = cell;
        out[n].cell = cell;
        out[n].kind[0] = out[n].kind[1] = -1;
        char *l = out[n].label;
        if (!pbi_normalize_buf(cell->text, true, l, LABEL_MAX))
            l[0] = '\0';
        /* "*指标值" marks a required column; "项目名称:" a label. */
        if (l[0] == '*')
            memmove(l, l + 1, strlen(l));
        size_t len = strlen(l);
        if (len && l[len - 1] == ':')
            l[len - 1] = '\0';
        n++;
    }
    return n;
}

static int non_blank_slots(const slot *s, int n, int *only)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        if (!pbi_is_blank(s[i].cell->text)) {
            *only = i;
            k++;
        }
    return k;
}

/* A row holding a table's heading and nothing else. */
static bool title_row(const slot *s, int n, int *which)
{
    if (non_blank_slots(s, n, which) != 1)
        return false;
    const char *l = s[*which].label;
    if (!*l || label_of(l, false) != L_NONE || unit_in(l) != PB_UNIT_UNKNOWN)
        return false;
    return has_suffix(l, "表") || pbi_contains(l, "绩效目标表") || pbi_contains(l, "申报表") ||
           pbi_contains(l, "自评表") || pbi_contains(l, "评价表");
}

/* ---- projects */

static const char *keep(pb_extractor *x, const char *s)
{
    return pb_arena_strdup(x->a, s ? s : "");
}

static void no_field(pb_field *f) { f->loc = PB_NOLOC; }

static void set_title(pb_extractor *x, const char *s)
{
    snprintf(x->title_buf, sizeof x->title_buf, "%s", s);
    x->title = x->title_buf;
}

static bool new_project(pb_extractor *x, const pb_table *t, pb_loc loc)
{
    pb_document *d = x->doc;
    if (!pbi_grow(x->a, (void **)&d->projects, &x->project_cap, d->project_count, sizeof *d->projects))
        return false;
    pb_project *p = pb_arena_alloc(x->a, sizeof *p);
    if (!p)
        return false;
    p->number = (int)d->project_count + 1;
    p->title = x->title ? pb_arena_strdup(x->a, x->title) : NULL;
    if (x->title && !p->title)
        return false;
    x->title = NULL;
    p->unit = x->para_unit;
    p->org = x->pend_org;
    p->loc = loc;
    p->first_table = p->last_table = t->index;
    pb_field *fields[] = {&p->code, &p->name, &p->purpose, &p->goals_cell, &p->unit_text, &p->attribute,
                          &p->department, &p->implementer, &p->manager, &p->phone, &p->period,
                          &p->long_goals_cell};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        no_field(fields[i]);
    if (x->pend_unit != PB_UNIT_UNKNOWN) {
        p->unit = x->pend_unit;
        p->unit_text = x->pend_unit_text;
    }
    x->pend_unit = PB_UNIT_UNKNOWN;
    x->pend_org = NULL;
    p->total.loc = p->fiscal.loc = p->other.loc = p->schedule.loc = PB_NOLOC;
    d->projects[d->project_count++] = p;
    x->cur = p;
    x->ind_cap = x->fund_cap = 0;
    x->ind_mode = false;
    x->sched = SCHED_NONE;
    x->fund_n = 0;
    x->terms_seen = 0;
    return true;
}

static bool set_field(pb_extractor *x, pb_field *f, const pb_table *t, const pb_cell *c)
{
    f->text = keep(x, c ? c->text : "");
    f->loc = c ? cell_loc(t, c) : PB_NOLOC;
    return f->text != NULL;
}

static bool set_amount(pb_extractor *x, pb_amount *m, const pb_table *t, const pb_cell *c)
{
    m->raw = keep(x, c ? c->text : "");
    m->loc = c ? cell_loc(t, c) : PB_NOLOC;
    return m->raw != NULL;
}

/* A part of the funds; a label met again (the same form filled twice)
 * replaces the part rather than counting it twice. */
static bool add_fund(pb_extractor *x, const char *label, bool fiscal, const pb_table *t, const pb_cell *c)
{
    pb_project *p = x->cur;
    pb_fund *f = NULL;
    for (size_t i = 0; i < p->fund_count && !f; i++)
        if (strcmp(p->funds[i].label, label) == 0)
            f = &p->funds[i];
    if (!f) {
        if (!pbi_grow(x->a, (void **)&p->funds, &x->fund_cap, p->fund_count, sizeof *p->funds))
            return false;
        f = &p->funds[p->fund_count++];
        memset(f, 0, sizeof *f);
        f->label = pb_arena_strdup(x->a, label);
        if (!f->label)
            return false;
    }
    f->fiscal = fiscal;
    return set_amount(x, &f->amount, t, c);
}

static bool split_lines(pb_extractor *x, const char *s, const char ***lines, size_t *count)
{
    size_t cap = 0;
    *lines = NULL;
    *count = 0;
    while (s && *s) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char *line = pb_arena_strndup(x->a, s, n);
        if (!line)
            return false;
        char *norm = pbi_normalize(x->a, line, false);
        if (!norm)
            return false;
        if (*norm) {
            if (!pbi_grow(x->a, (void **)lines, &cap, *count, sizeof **lines))
                return false;
            (*lines)[(*count)++] = norm;
        }
        s = e ? e + 1 : s + n;
    }
    return true;
}

/* ---- rows of labels with their values below */

static bool schedule_labels(pb_extractor *x, const pb_table *t, int row, const slot *s, int n, int from)
{
    x->sched_n = 0;
    for (int j = from; j < n && x->sched_n < MAX_CHECKPOINTS; j++) {
        if (pbi_is_blank(s[j].cell->text) || s[j].cell->row != row)
            continue;
        x->sched_cols[x->sched_n] = s[j].cell->col;
        x->sched_labels[x->sched_n] = pbi_normalize(x->a, s[j].cell->text, true);
        if (!x->sched_labels[x->sched_n])
            return false;
        x->sched_n++;
    }
    x->sched_table = t->index;
    x->sched_row = row;
    /* The checkpoints may sit in a row of their own under the label. */
    x->sched = x->sched_n ? SCHED_VALUES_NEXT : x->sched == SCHED_NONE ? SCHED_LABELS_NEXT : SCHED_NONE;
    return true;
}

static bool schedule_header(pb_extractor *x, const pb_table *t, int row, const slot *s, int n, int i)
{
    x->sched = SCHED_NONE;
    x->cur->schedule.loc = cell_loc(t, s[i].cell);
    return schedule_labels(x, t, row, s, n, i + 1);
}

static bool schedule_values(pb_extractor *x, const pb_table *t, int row)
{
    pb_schedule *sc = &x->cur->schedule;
    sc->items = pb_arena_alloc(x->a, (size_t)x->sched_n * sizeof *sc->items + 1);
    if (!sc->items)
        return false;
    sc->count = (size_t)x->sched_n;
    for (int k = 0; k < x->sched_n; k++) {
        pb_checkpoint *cp = &sc->items[k];
        const pb_cell *c = pb_table_at(t, row, x->sched_cols[k]);
        if (c && c->row != row)
            c = NULL; /* the header cell merged down is not a value */
        cp->label = x->sched_labels[k];
        cp->raw = keep(x, c ? c->text : "");
        cp->loc = c ? cell_loc(t, c) : (pb_loc){t->index, row, x->sched_cols[k]};
        if (!cp->raw)
            return false;
        cp->valid = true;
        if (!pbi_is_blank(cp->raw)) {
            cp->present = pbi_percent_parse(cp->raw, &cp->percent);
            cp->valid = cp->present;
        }
    }
    x->sched = SCHED_NONE;
    x->sched_n = 0;
    return true;
}

static bool schedule_next_row(pb_extractor *x, const pb_table *t, int row, const slot *s, int n)
{
    if (x->sched == SCHED_LABELS_NEXT)
        return schedule_labels(x, t, row, s, n, 0);
    return schedule_values(x, t, row);
}

static bool fund_values(pb_extractor *x, const pb_table *t, int row)
{
    pb_project *p = x->cur;
    for (int k = 0; k < x->fund_n; k++) {
        const pb_cell *c = pb_table_at(t, row, x->fund_cols[k]);
        if (c && c->row != row)
            c = NULL;
        bool ok = x->fund_kinds[k] == L_TOTAL ? set_amount(x, &p->total, t, c)
                                               : add_fund(x, x->fund_labels[k], x->fund_kinds[k] == L_FISCAL, t, c);
        if (!ok)
            return false;
        if (!c && x->fund_kinds[k] == L_TOTAL)
            p->total.loc = (pb_loc){t->index, row, x->fund_cols[k]};
    }
    x->fund_n = 0;
    return true;
}

/* 资金总额 | 财政拨款 | 自有资金 | …: labels side by side, values in the row
 * below.  Told from label | value pairs by each amount label being followed
 * by another label (or by nothing). */
static bool horizontal_amounts(const slot *s, const label_kind *kind, int n)
{
    int amounts = 0;
    for (int i = 0; i < n; i++) {
        if (!is_amount_label(kind[i]))
            continue;
        amounts++;
        bool rest_blank = true;
        for (int j = i + 1; j < n && rest_blank; j++)
            rest_blank = pbi_is_blank(s[j].cell->text);
        if (!(rest_blank || kind[i + 1] != L_NONE))
            return false;
    }
    return amounts >= 2;
}

/* ---- the key/value part */

/* "单位：万元" (often beside the unit's own name, "816001曹妃甸区…本级"):
 * it belongs to the project to come unless the current one is still being
 * read (this table started it and its indicators have not begun). */
static bool unit_row(pb_extractor *x, const pb_table *t, slot *s, int n, int i, pb_money_unit u)
{
    bool pending = !x->cur || x->cur->first_table != t->index || x->cur->has_indicator_table;
    pb_field f;
    if (!set_field(x, &f, t, s[i].cell))
        return false;
    const char *org = NULL;
    if (n == 2 && slot_kind(&s[1 - i], false) == L_NONE && !pbi_is_blank(s[1 - i].cell->text))
        org = pbi_normalize(x->a, s[1 - i].cell->text, false);
    if (pending) {
        x->pend_unit = u;
        x->pend_unit_text = f;
        x->pend_org = org;
    } else if (x->cur->unit_text.text == NULL) {
        x->cur->unit = u;
        x->cur->unit_text = f;
        if (org && !x->cur->org)
            x->cur->org = org;
    }
    return true;
}

static pb_field *header_field(pb_project *p, label_kind k)
{
    switch (k) {
    case L_CODE: return &p->code;
    case L_NAME: return &p->name;
    case L_PURPOSE: return &p->purpose;
    case L_ATTRIBUTE: return &p->attribute;
    case L_DEPARTMENT: return &p->department;
    case L_IMPLEMENTER: return &p->implementer;
    case L_MANAGER: return &p->manager;
    case L_PHONE: return &p->phone;
    case L_PERIOD: return &p->period;
    default: return NULL;
    }
}

static bool field_taken(const pb_project *p, label_kind k)
{
    pb_field *f = header_field((pb_project *)p, k);
    if (f)
        return f->text != NULL;
    return k == L_TOTAL && p->total.raw != NULL;
}

static bool starts_next_project(const pb_extractor *x, label_kind k)
{
    if (!x->cur)
        return true;
    if (!is_header_field(k))
        return false;
    return x->cur->has_indicator_table || field_taken(x->cur, k);
}

static bool funds_context(slot *s, int n)
{
    for (int i = 0; i < n; i++) {
        label_kind k = slot_kind(&s[i], false);
        if (k == L_FUNDS_GROUP || k == L_FISCAL || k == L_TOTAL)
            return true;
    }
    return false;
}

static bool fund_header(pb_extractor *x, const pb_table *t, int row, const slot *s, const label_kind *kind, int n)
{
    x->fund_n = 0;
    for (int i = 0; i < n && x->fund_n < MAX_FUND_COLS; i++) {
        if (!is_amount_label(kind[i]) || s[i].cell->row != row)
            continue;
        if (starts_next_project(x, kind[i]) && !new_project(x, t, cell_loc(t, s[i].cell)))
            return false;
        if (kind[i] == L_TOTAL && x->cur->unit == PB_UNIT_UNKNOWN)
            x->cur->unit = unit_in(s[i].label);
        x->fund_cols[x->fund_n] = s[i].cell->col;
        x->fund_kinds[x->fund_n] = kind[i];
        x->fund_labels[x->fund_n] = pb_arena_strdup(x->a, s[i].label);
        if (!x->fund_labels[x->fund_n])
            return false;
        x->fund_n++;
    }
    x->fund_table = t->index;
    x->fund_row = row;
    return true;
}

static bool key_value(pb_extractor *x, const pb_table *t, const slot *s, int i, label_kind k, const pb_cell *v)
{
    pb_project *p = x->cur;
    pb_field *f = header_field(p, k);
    if (f)
        return set_field(x, f, t, v);
    switch (k) {
    case L_TOTAL:
        if (p->unit == PB_UNIT_UNKNOWN)
            p->unit = unit_in(s[i].label);
        return set_amount(x, &p->total, t, v);
    case L_FISCAL:
    case L_OTHER:
        return add_fund(x, s[i].label, k == L_FISCAL, t, v);
    case L_GOALS:
        return set_field(x, &p->goals_cell, t, v) && split_lines(x, p->goals_cell.text, &p->goals, &p->goal_count);
    case L_LONG_GOALS:
        return set_field(x, &p->long_goals_cell, t, v) &&
               split_lines(x, p->long_goals_cell.text, &p->long_goals, &p->long_goal_count);
    default:
        return true;
    }
}

static bool key_value_row(pb_extractor *x, const pb_table *t, int row, slot *s, int n, bool *used)
{
    label_kind kind[MAX_SLOTS + 1];
    bool funds = funds_context(s, n);
    for (int i = 0; i < n; i++)
        kind[i] = slot_kind(&s[i], funds);
    kind[n] = L_NONE;
    for (int i = 0; i < n; i++) {
        pb_money_unit u = unit_in(s[i].label);
        if (u != PB_UNIT_UNKNOWN && kind[i] != L_TOTAL && s[i].cell->row == row) {
            if (!unit_row(x, t, s, n, i, u))
                return false;
            *used = true;
        }
    }
    if (horizontal_amounts(s, kind, n)) {
        *used = true;
        return fund_header(x, t, row, s, kind, n);
    }
    for (int i = 0; i < n; i++) {
        label_kind k = kind[i];
        if (k == L_NONE)
            continue;
        if (s[i].cell->row != row && k != L_BUDGET_GROUP)
            continue; /* a label merged down from above */
        *used = true;
        if (starts_next_project(x, k) && (s[i].cell->row == row || !x->cur) &&
            !new_project(x, t, cell_loc(t, s[i].cell)))
            return false;
        if (k == L_FUNDS_GROUP || k == L_ATTRIBUTE || k == L_DEPARTMENT || k == L_IMPLEMENTER)
            x->cur->layout = PB_LAYOUT_DECLARATION;
        if (k == L_SCHEDULE)
            return schedule_header(x, t, row, s, n, i);
        if (k == L_BUDGET_GROUP) {
            /* The purpose row: the group label merged down, one text beside it. */
            pb_project *p = x->cur;
            if (s[i].cell->row != row && n == 2 && s[1].cell->row == row && kind[1] == L_NONE &&
                !p->purpose.text && !set_field(x, &p->purpose, t, s[1].cell))
                return false;
            continue;
        }
        if (k == L_FUNDS_GROUP)
            continue;
        const pb_cell *v = i + 1 < n && kind[i + 1] == L_NONE ? s[i + 1].cell : NULL;
        if (!key_value(x, t, s, i, k, v))
            return false;
        if (v)
            i++;
    }
    return true;
}

/* ---- the indicator part */

static int indicator_column(const char *l)
{
    static const lit l1[] = {LIT("一级指标"), LIT("一级绩效指标")};
    static const lit l2[] = {LIT("二级指标"), LIT("二级绩效指标")};
    static const lit l3[] = {LIT("三级指标"), LIT("三级指标名称"), LIT("三级绩效指标"),
                             LIT("指标内容"), LIT("指标名称"),     LIT("绩效指标名称")};
    static const lit desc[] = {LIT("绩效指标描述"), LIT("指标描述")};
    static const lit value[] = {LIT("指标值"), LIT("目标值"), LIT("绩效指标值"), LIT("年度指标值"), LIT("指标目标值")};
    static const lit basis[] = {LIT("指标值确定依据"), LIT("指标值设定依据"), LIT("确定依据"), LIT("设定依据")};
    static const lit unit[] = {LIT("计量单位"), LIT("度量单位"), LIT("单位")};
    static const lit type[] = {LIT("指标值类型"), LIT("指标类型")};
    static const lit op[] = {LIT("计算符号"), LIT("指标性质"), LIT("运算符号"),
                             LIT("比较符号"), LIT("符号"),     LIT("指标方向")};
    static const lit expl[] = {LIT("指标解释"), LIT("指标说明"), LIT("公式或说明")};
    static const lit scoring[] = {LIT("评(扣)分标准"), LIT("评分标准"), LIT("扣分标准"), LIT("评(扣)分办法")};
    static const lit remark[] = {LIT("备注")};
    static const lit weight[] = {LIT("权重"), LIT("指标权重")};
    char base[LABEL_MAX];
    label_base(l, base, sizeof base);
    size_t n = strlen(l), bn = strlen(base);
    if (IN(l, n, l1)) return COL_L1;
    if (IN(l, n, l2)) return COL_L2;
    if (IN(l, n, l3)) return COL_L3;
    if (IN(l, n, desc)) return COL_DESC;
    if (IN(l, n, value) || IN(base, bn, value)) return COL_VALUE;
    if (IN(l, n, basis)) return COL_BASIS;
    if (IN(l, n, unit)) return COL_UNIT;
    if (IN(l, n, type)) return COL_TYPE;
    if (IN(l, n, op)) return COL_OP;
    if (IN(l, n, expl)) return COL_EXPLAIN;
    if (IN(l, n, scoring)) return COL_SCORING;
    if (IN(l, n, remark)) return COL_REMARK;
    if (IN(l, n, weight) || IN(base, bn, weight)) return COL_WEIGHT;
    return -1;
}

typedef struct ind_header {
    int col[COL_COUNT];
    int term_col;
    int term; /* pb_term named in the header row, or -1 */
} ind_header;

static bool indicator_header(const slot *s, int n, ind_header *h)
{
    for (int k = 0; k < COL_COUNT; k++)
        h->col[k] = -1;
    h->term_col = -1;
    h->term = -1;
    for (int i = 0; i < n; i++) {
        int k = indicator_column(s[i].label);
        pb_term term;
        if (k >= 0 && h->col[k] < 0)
            h->col[k] = s[i].cell->col;
        else if (k < 0 && h->term < 0 && term_marker(s[i].label, &term)) {
            h->term = (int)term;
            h->term_col = s[i].cell->col;
        }
    }
    return h->col[COL_VALUE] >= 0 && h->col[COL_L2] >= 0 && (h->col[COL_L1] >= 0 || h->col[COL_L3] >= 0);
}

static bool begin_block(pb_extractor *x, const pb_table *t, int r, const slot *s, const ind_header *h)
{
    pb_term term = h->term >= 0 ? (pb_term)h->term : x->has_pending_term ? x->pending_term : PB_TERM_ANNUAL;
    x->has_pending_term = false;
    /* The header row repeated where Word or a page break split the table. */
    bool repeated = x->cur && x->cur->has_indicator_table && x->ind_mode && term == x->block_term &&
                    (t->rows[r].header || memcmp(h->col, x->ind_col, sizeof h->col) == 0);
    memcpy(x->ind_col, h->col, sizeof h->col);
    x->term_col = h->term_col;
    if (repeated)
        return true;
    if (!x->cur || (x->cur->has_indicator_table && (x->terms_seen & (1u << term)))) {
        if (!new_project(x, t, cell_loc(t, s[0].cell)))
            return false;
    }
    x->cur->has_indicator_table = true;
    x->terms_seen |= 1u << term;
    x->block_term = term;
    x->ind_mode = true;
    x->carry_l1 = x->carry_l2 = NULL;
    return true;
}

static const pb_cell *at_col(const pb_table *t, int row, int col)
{
    return col < 0 ? NULL : pb_table_at(t, row, col);
}

static bool blank_here(const pb_cell *c, int row)
{
    return !c || c->row != row || pbi_is_blank(c->text);
}

/* The comparator of a 计算符号 / 指标性质 cell.  Budget systems export codes:
 * 1 ≥, 2 >, 3 =, 4 <, 5 ≤, 6 定性.  4, 5 and 6 follow the vendor scripts
 * (S2, S3 in docs/review-rules.md); 1, 2 and 3 are a guess among the three
 * "positive" comparators.  NULL when the cell names none. */
static const char *comparator_symbol(const char *raw, bool *qualitative)
{
    static const struct {
        const char *text, *symbol;
    } map[] = {
        {"1", "≥"}, {"2", ">"}, {"3", "="}, {"4", "<"}, {"5", "≤"},
        {"≥", "≥"}, {">=", "≥"}, {"≧", "≥"}, {"⩾", "≥"}, {"≤", "≤"}, {"<=", "≤"}, {"≦", "≤"}, {"⩽", "≤"},
        {">", ">"}, {"<", "<"}, {"=", "="},
        {"大于等于", "≥"}, {"大于或等于", "≥"}, {"不低于", "≥"}, {"不少于", "≥"}, {"不小于", "≥"}, {"至少", "≥"},
        {"小于等于", "≤"}, {"小于或等于", "≤"}, {"不高于", "≤"}, {"不超过", "≤"}, {"不大于", "≤"}, {"至多", "≤"},
        {"大于", ">"}, {"高于", ">"}, {"超过", ">"}, {"小于", "<"}, {"低于", "<"}, {"等于", "="}, {"达到", "="},
        /* A direction, not a comparator: read as its non-strict form (a guess). */
        {"正向", "≥"}, {"正向指标", "≥"}, {"反向", "≤"}, {"反向指标", "≤"},
    };
    char buf[64];
    *qualitative = false;
    if (!raw || !pbi_normalize_buf(raw, true, buf, sizeof buf))
        return NULL;
    if (strcmp(buf, "6") == 0 || pbi_has_prefix(buf, "定性")) {
        *qualitative = true;
        return NULL;
    }
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(buf, map[i].text) == 0)
            return map[i].symbol;
    return NULL;
}

/* 指标值 with its comparator and unit in cells of their own: "≥" "95" "%"
 * read as "≥95%".  A value that carries its own comparator or unit keeps
 * it; qualitative values (定性, code 6) are read as written. */
static bool indicator_value(pb_extractor *x, pb_indicator *ind)
{
    if (!pb_value_parse(x->a, ind->value_cell.text, &ind->value))
        return false;
    if (ind->value.kind != PB_VALUE_NUMBER)
        return true;
    bool qualitative;
    const char *op = comparator_symbol(ind->comparator.text, &qualitative);
    if (qualitative || (ind->value_type.text && pbi_contains(ind->value_type.text, "定性")))
        return true;
    const char *unit = ind->unit_cell.text && !pbi_is_blank(ind->unit_cell.text) ? ind->unit_cell.text : NULL;
    bool add_op = op && ind->value.op == PB_OP_NONE;
    bool add_unit = unit && !*ind->value.unit;
    for (int attempt = 0; attempt < 2 && (add_op || add_unit); attempt++, add_unit = false) {
        char *v = pbi_normalize(x->a, ind->value_cell.text, false);
        char *u = add_unit ? pbi_normalize(x->a, unit, true) : NULL;
        if (!v || (add_unit && !u))
            return false;
        size_t len = strlen(v) + (u ? strlen(u) : 0) + 8;
        char *joined = pb_arena_alloc(x->a, len);
        if (!joined)
            return false;
        snprintf(joined, len, "%s%s%s", add_op ? op : "", v, u ? u : "");
        pb_value parsed;
        if (!pb_value_parse(x->a, joined, &parsed))
            return false;
        if (parsed.kind == PB_VALUE_NUMBER) {
            ind->value = parsed;
            return true;
        }
    }
    return true;
}

static bool looks_like_level1(const char *s)
{
    static const char *const words[] = {"指标", "产出", "效益", "满意", "成本", "效果"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (pbi_contains(s, words[i]))
            return true;
    return false;
}

/* A row that ends the indicator part: one cell covering the name and the
 * value columns (项目实施进度计划), or a 一级 cell that names no category
 * (审核意见, 填报说明 below the indicators of a worksheet). */
static bool section_row(const pb_extractor *x, const pb_table *t, int row)
{
    const pb_cell *name = at_col(t, row, x->ind_col[COL_L3] >= 0 ? x->ind_col[COL_L3] : x->ind_col[COL_L2]);
    const pb_cell *value = at_col(t, row, x->ind_col[COL_VALUE]);
    if (name && name == value && !pbi_is_blank(name->text))
        return true;
    const pb_cell *l1 = at_col(t, row, x->ind_col[COL_L1]);
    return l1 && !blank_here(l1, row) && !looks_like_level1(l1->text);
}

static bool indicator_row(pb_extractor *x, const pb_table *t, int row)
{
    pb_project *p = x->cur;
    const pb_cell *c[COL_COUNT];
    for (int k = 0; k < COL_COUNT; k++)
        c[k] = at_col(t, row, x->ind_col[k]);
    bool l3_blank = blank_here(c[COL_L3], row), v_blank = blank_here(c[COL_VALUE], row);
    /* 一级/二级 carry down through merges and through plain blank cells. */
    if (c[COL_L1] && !pbi_is_blank(c[COL_L1]->text)) {
        x->carry_l1 = c[COL_L1]->text;
        x->carry_l1_loc = cell_loc(t, c[COL_L1]);
    }
    if (c[COL_L2] && !pbi_is_blank(c[COL_L2]->text)) {
        x->carry_l2 = c[COL_L2]->text;
        x->carry_l2_loc = cell_loc(t, c[COL_L2]);
    }
    /* A row naming a 二级 with nothing beside it is kept: the checks report
     * a 二级 without indicators (indicator-level-empty). */
    if (l3_blank && v_blank && blank_here(c[COL_L2], row))
        return true; /* a spare template row */
    if (!pbi_grow(x->a, (void **)&p->indicators, &x->ind_cap, p->indicator_count, sizeof *p->indicators))
        return false;
    pb_indicator *ind = &p->indicators[p->indicator_count++];
    memset(ind, 0, sizeof *ind);
    ind->loc = (pb_loc){t->index, row, 0};
    ind->term = x->block_term;
    pb_term term;
    const pb_cell *tc = at_col(t, row, x->term_col);
    if (tc && term_marker(tc->text, &term))
        ind->term = term;
    ind->level1.text = keep(x, x->carry_l1);
    ind->level1.loc = x->carry_l1 ? x->carry_l1_loc : PB_NOLOC;
    ind->level2.text = keep(x, x->carry_l2);
    ind->level2.loc = x->carry_l2 ? x->carry_l2_loc : PB_NOLOC;
    pb_field *f[COL_COUNT] = {NULL, NULL, &ind->level3, &ind->description, &ind->value_cell, &ind->basis,
                              &ind->unit_cell, &ind->value_type, &ind->comparator, &ind->explanation,
                              &ind->scoring, &ind->remark, &ind->weight};
    for (int k = COL_L3; k < COL_COUNT; k++) {
        /* A cell merged down over several rows (one 依据 for a group) holds
         * for each of them; a value never does. */
        const pb_cell *cc = c[k] && (c[k]->row == row || k != COL_VALUE) ? c[k] : NULL;
        if (x->ind_col[k] < 0) {
            f[k]->loc = PB_NOLOC;
            continue;
        }
        if (!set_field(x, f[k], t, cc))
            return false;
        if (!cc)
            f[k]->loc = (pb_loc){t->index, row, x->ind_col[k]};
    }
    if (x->ind_col[COL_DESC] < 0 && x->ind_col[COL_EXPLAIN] >= 0)
        ind->description = ind->explanation;
    if (!ind->level1.text || !ind->level2.text)
        return false;
    return indicator_value(x, ind);
}

/* ---- self-evaluation tables */

/* Rows [from, *end) are one table: up to the next title row.  True when
 * they are a self-evaluation table, by their title or their column heads. */
static bool self_evaluation(const pb_table *t, int from, const char *title, int *end)
{
    slot s[MAX_SLOTS];
    bool found = title && self_evaluation_title(title);
    int r = from + (title ? 1 : 0);
    for (; r < t->row_count; r++) {
        int n = row_slots(t, r, s, MAX_SLOTS), which;
        if (r > from && title_row(s, n, &which))
            break;
        for (int i = 0; i < n && !found; i++)
            found = self_evaluation_label(s[i].label);
    }
    *end = r;
    return found;
}

static bool skip_table(pb_extractor *x, const pb_table *t, int row, const char *title)
{
    pb_document *d = x->doc;
    if (!pbi_grow(x->a, (void **)&d->skipped, &x->skipped_cap, d->skipped_count, sizeof *d->skipped))
        return false;
    pb_skipped_table *sk = &d->skipped[d->skipped_count++];
    sk->kind = PB_TABLE_SELF_EVALUATION;
    sk->title = title ? pb_arena_strdup(x->a, title) : NULL;
    sk->loc = (pb_loc){t->index, row, 0};
    x->ind_mode = false;
    x->sched = SCHED_NONE;
    x->fund_n = 0;
    x->title = NULL;
    return !title || sk->title;
}

/* ---- tables */

static bool keep_table(pb_extractor *x, const pb_table *t)
{
    pb_document *d = x->doc;
    if (d->table_count && d->tables[d->table_count - 1]->index == t->index)
        return true;
    pb_table *copy = pbi_table_copy(x->a, t);
    if (!copy || !pbi_grow(x->a, (void **)&d->tables, &x->table_cap, d->table_count, sizeof *d->tables))
        return false;
    d->tables[d->table_count++] = copy;
    return true;
}

/* A label or a unit line ends the indicator part: the next project's
 * table may follow without anything between. */
static bool row_starts_project(slot *s, int n, int row)
{
    for (int i = 0; i < n; i++)
        if (s[i].cell->row == row &&
            (slot_kind(&s[i], false) != L_NONE || unit_in(s[i].label) != PB_UNIT_UNKNOWN))
            return true;
    return false;
}

static bool term_row(const slot *s, int n, pb_term *term)
{
    int which;
    return non_blank_slots(s, n, &which) == 1 && term_marker(s[which].label, term);
}

/* One row of a target table (not a title row). */
static bool content_row(pb_extractor *x, const pb_table *t, int r, slot *s, int n, bool *used)
{
    if (x->sched != SCHED_NONE && x->cur && x->sched_table == t->index && x->sched_row == r - 1) {
        *used = true;
        return schedule_next_row(x, t, r, s, n);
    }
    if (x->fund_n && x->cur && x->fund_table == t->index && x->fund_row == r - 1) {
        *used = true;
        return fund_values(x, t, r);
    }
    ind_header h;
    if (indicator_header(s, n, &h)) {
        *used = true;
        return begin_block(x, t, r, s, &h);
    }
    pb_term term;
    if (term_row(s, n, &term)) {
        /* A block's name on a row of its own, before its header or, under
         * a shared header, before its rows. */
        x->pending_term = term;
        x->has_pending_term = true;
        if (x->ind_mode && term != x->block_term) {
            x->block_term = term;
            x->terms_seen |= 1u << term;
            x->carry_l1 = x->carry_l2 = NULL;
        }
        return true;
    }
    if (x->ind_mode && !row_starts_project(s, n, r) && !section_row(x, t, r)) {
        *used = true;
        return indicator_row(x, t, r);
    }
    x->ind_mode = false;
    return key_value_row(x, t, r, s, n, used);
}

static bool table_rows(pb_extractor *x, const pb_table *t, bool *used)
{
    slot s[MAX_SLOTS];
    for (int r = 0; r < t->row_count; r++) {
        int n = row_slots(t, r, s, MAX_SLOTS), which;
        bool is_title = title_row(s, n, &which);
        const char *title = is_title ? s[which].label : NULL;
        if (r == 0 || is_title) {
            /* A table's heading is its title row, else the paragraph before
             * it, else the worksheet's name. */
            const char *context = title ? title : x->title;
            if (!context && t->name && self_evaluation_title(t->name))
                context = t->name;
            int end;
            bool self = self_evaluation(t, r, title, &end);
            if (self || (context && self_evaluation_title(context))) {
                if (!skip_table(x, t, r, context))
                    return false;
                r = end - 1;
                continue;
            }
        }
        if (is_title) {
            set_title(x, title);
            x->ind_mode = false;
            x->sched = SCHED_NONE;
            x->fund_n = 0;
            continue;
        }
        if (!content_row(x, t, r, s, n, used))
            return false;
    }
    return true;
}

bool pbi_extract_table(pb_extractor *x, const pb_table *t)
{
    pb_document *d = x->doc;
    d->tables_seen++;
    bool used = false;
    if (x->opt->keep_tables && !keep_table(x, t))
        return false;
    /* The indicator part continues into this table only when it follows
     * the last one directly, with no heading between (a page break). */
    if (x->cur && ((x->cur->last_table != t->index - 1 && t->parent_table < 0) || x->title))
        x->ind_mode = false;
    if (!table_rows(x, t, &used))
        return false;
    if (used && x->cur) {
        x->cur->last_table = t->index;
        if (!x->opt->keep_tables && x->opt->keep_project_tables && !keep_table(x, t))
            return false;
    }
    /* 一级/二级 may carry into the next table (a page break); the cells
     * they point into go with this table's scratch memory. */
    if ((x->carry_l1 && !(x->carry_l1 = keep(x, x->carry_l1))) || (x->carry_l2 && !(x->carry_l2 = keep(x, x->carry_l2))))
        return false;
    x->title = NULL;
    x->last_table = t->index;
    return true;
}

/* ---- paragraphs: titles, the unit line and part 1's project list */

static bool summary_item(pb_extractor *x, const char *norm, int index)
{
    /* "(一)街道专项工作经费" after width folding. */
    if (norm[0] != '(')
        return true;
    const char *close = strchr(norm, ')');
    if (!close || close - norm > 12 || !close[1])
        return true;
    pb_document *d = x->doc;
    /* Each item names a project with a table of its own: a longer list is
     * not one, and is not kept without bound. */
    if (d->summary_count >= x->opt->limits.max_tables)
        return true;
    if (!pbi_grow(x->a, (void **)&d->summary, &x->summary_cap, d->summary_count, sizeof *d->summary))
        return false;
    d->summary[d->summary_count].text = pb_arena_strdup(x->a, close + 1);
    d->summary[d->summary_count].paragraph = index;
    if (!d->summary[d->summary_count].text)
        return false;
    d->summary_count++;
    return true;
}

bool pbi_extract_paragraph(pb_extractor *x, const char *text, int index)
{
    if (pbi_is_blank(text))
        return true;
    char norm[LABEL_MAX];
    if (!pbi_normalize_buf(text, false, norm, sizeof norm))
        return true; /* a long paragraph is prose: no title, no label */
    pb_money_unit u = unit_in(norm);
    if (u != PB_UNIT_UNKNOWN)
        x->para_unit = u;
    if (pbi_contains(norm, "分项绩效目标"))
        x->in_summary = true;
    else if (x->in_summary && (pbi_has_prefix(norm, "三、") || pbi_has_prefix(norm, "第二部分")))
        x->in_summary = false;
    else if (x->in_summary && !summary_item(x, norm, index))
        return false;
    if (u == PB_UNIT_UNKNOWN)
        set_title(x, norm);
    return true;
}

/* ---- amounts, once the unit is known */

static void finish_amount(pb_project *p, pb_amount *m)
{
    if (!m->raw || pbi_is_blank(m->raw)) {
        m->present = false;
        m->valid = true;
        return;
    }
    int exp;
    pb_decimal v;
    m->present = true;
    m->valid = pbi_amount_parse(m->raw, &v, &exp);
    if (!m->valid)
        return;
    if (exp >= 0 && p->unit == PB_UNIT_UNKNOWN)
        p->unit = exp == 8 ? PB_UNIT_YIYUAN : exp == 4 ? PB_UNIT_WANYUAN : exp == 0 ? PB_UNIT_YUAN : PB_UNIT_UNKNOWN;
    if (exp >= 0 && p->unit != PB_UNIT_UNKNOWN)
        m->valid = pbi_money_convert(v, exp, pb_money_unit_exp(p->unit), &v);
    m->value = v;
}

/* fiscal and other from the parts: one part is copied as it is (its raw
 * text and cell); several are added up, an unreadable one standing for
 * all. */
static bool sum_funds(pb_extractor *x, pb_project *p, bool fiscal, pb_amount *out)
{
    size_t parts = 0, present = 0;
    const pb_amount *one = NULL, *bad = NULL;
    pb_decimal sum = {0, 0};
    bool overflow = false;
    pb_buf raw = {0};
    for (size_t i = 0; i < p->fund_count; i++) {
        const pb_amount *m = &p->funds[i].amount;
        if (p->funds[i].fiscal != fiscal)
            continue;
        parts++;
        one = one ? one : m;
        if (!m->valid && !bad)
            bad = m;
        if (!m->present || !m->valid)
            continue;
        if (present++ == 0)
            one = m;
        overflow = overflow || !pb_decimal_add(sum, m->value, &sum);
        if ((raw.len && !pbi_buf_append(&raw, "+", 1)) || !pbi_buf_append(&raw, m->raw, strlen(m->raw))) {
            pbi_buf_free(&raw);
            return false;
        }
    }
    bool ok = true;
    if (parts == 1 || bad || present <= 1) {
        if (bad || one)
            *out = bad ? *bad : *one;
    } else {
        *out = *one;
        out->value = sum;
        out->valid = !overflow;
        out->raw = pb_arena_strndup(x->a, raw.data, raw.len);
        ok = out->raw != NULL;
    }
    pbi_buf_free(&raw);
    return ok;
}

bool pbi_extract_finish(pb_extractor *x)
{
    pb_document *d = x->doc;
    for (size_t i = 0; i < d->project_count; i++) {
        pb_project *p = d->projects[i];
        finish_amount(p, &p->total);
        for (size_t j = 0; j < p->fund_count; j++)
            finish_amount(p, &p->funds[j].amount);
        finish_amount(p, &p->fiscal);
        finish_amount(p, &p->other);
        if (!sum_funds(x, p, true, &p->fiscal) || !sum_funds(x, p, false, &p->other))
            return false;
    }
    return true;
}

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
