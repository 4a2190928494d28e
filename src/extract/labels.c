/* The label lexicon as data: each field with the labels that name it, the
 * indicator columns with their heads, the comparators a 计算符号 cell may
 * hold.  A new variant of a label is one line in one of these tables. */
#include "extract/labels.h"

#include <string.h>

void pbi_label_fold(const char *text, char *l, size_t cap)
{
    if (!pbi_normalize_buf(text, true, l, cap)) {
        l[0] = '\0';
        return;
    }
    if (l[0] == '*')
        memmove(l, l + 1, strlen(l));
    size_t len = strlen(l);
    if (len && l[len - 1] == ':')
        l[len - 1] = '\0';
}

/* ---- labels */

pb_money_unit pbi_unit_in(const char *label)
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
 * not labels, and a length that differs rules a label out at once.  The
 * text is zero-padded to LIT_CAP bytes (a longer label does not compile),
 * so that its first 8 bytes are always there to read as one word. */
#define LIT_CAP 32
typedef struct lit {
    char s[LIT_CAP];
    size_t len;
} lit;

#define LIT(x) {"" x, sizeof(x) - 1 + 0 * sizeof(char[sizeof(x) <= LIT_CAP ? 1 : -1])}

/* A text being looked up: its first 8 bytes zero-padded as one word. */
typedef struct probe {
    const char *s;
    size_t len;
    uint64_t head;
} probe;

static inline uint64_t word_at(const char *s)
{
    uint64_t v;
    memcpy(&v, s, sizeof v);
    return v;
}

static probe probe_of(const char *s, size_t n)
{
    char head[8] = {0};
    memcpy(head, s, n < sizeof head ? n : sizeof head);
    return (probe){s, n, word_at(head)};
}

/* l is the probe's text.  The length and the first 8 bytes are tested in
 * one branch, rarely taken, so that it predicts well: the labels are
 * Chinese, many have one length (a multiple of 3) and share the first
 * byte (0xE4-0xE9), and testing the length first, true every few entries,
 * was mispredicted more often than any other branch of the program. */
static inline bool lit_is(const lit *l, const probe *p)
{
    return ((word_at(l->s) ^ p->head) | (l->len ^ p->len)) == 0 &&
           (p->len <= 8 || memcmp(l->s + 8, p->s + 8, p->len - 8) == 0);
}

/* A slot of a lexicon's table for a text's length and first 8 bytes
 * (labels sharing both follow one another there). */
static inline size_t slot_of(uint64_t head, size_t len, size_t slots)
{
    return (size_t)(((head ^ (uint64_t)len) * UINT64_C(0x9E3779B97F4A7C15)) >> 40) & (slots - 1);
}

static bool in_list(const char *s, size_t n, const lit *list, size_t count)
{
    probe p = probe_of(s, n);
    for (size_t i = 0; i < count; i++)
        if (lit_is(&list[i], &p))
            return true;
    return false;
}

#define IN(s, n, list) in_list((s), (n), (list), sizeof(list) / sizeof *(list))

bool pbi_label_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* "预算数(万元)" → "预算数", "资金支出计划(%)" → "资金支出计划": a short
 * parenthesised note at the end is not part of the label. */
void pbi_label_base(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s);
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
    /* "指标值及单位": the value column says it holds the unit too */
    if (n > strlen("及单位") && pbi_label_has_suffix(out, "及单位"))
        out[n -= strlen("及单位")] = '\0';
    if (n < 2 || out[n - 1] != ')')
        return;
    char *open = strrchr(out, '(');
    if (open && open > out && (size_t)(out + n - open) <= 14)
        *open = '\0';
}

bool pbi_label_unit_note(const char *l, char *out, size_t cap)
{
    size_t n = strlen(l);
    if (n < 3 || l[n - 1] != ')')
        return false;
    const char *open = strrchr(l, '(');
    if (!open || open == l || (size_t)(l + n - open) > 14)
        return false;
    size_t len = (size_t)(l + n - 1 - (open + 1));
    if (len == 0 || len >= cap)
        return false;
    memcpy(out, open + 1, len);
    out[len] = '\0';
    /* a block qualifier (长期 / 年度 …) or a remark is no unit */
    static const char *const not_units[] = {"期", "年度", "当年", "指标", "说明", "选填", "必填", "注"};
    for (size_t i = 0; i < sizeof not_units / sizeof *not_units; i++)
        if (pbi_contains(out, not_units[i]))
            return false;
    for (const char *c = out; *c; c++)
        if (*c >= '0' && *c <= '9')
            return false;
    return true;
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
    /* Hunan, Gansu, municipal 申报表 */
    {LIT("项目支出名称"), L_NAME},     {LIT("项目(专项)名称"), L_NAME},     {LIT("二级项目名称"), L_NAME},
    {LIT("专项名称"), L_NAME},         {LIT("专项资金名称"), L_NAME},       {LIT("资金名称"), L_NAME},
    {LIT("年度本级预算金额"), L_TOTAL}, {LIT("当年资金总额"), L_TOTAL},     {LIT("本年度资金总额"), L_TOTAL},
    {LIT("年度预算金额"), L_TOTAL},    {LIT("年度预算"), L_TOTAL},
    {LIT("申报金额"), L_TOTAL},        {LIT("申请金额"), L_TOTAL},          {LIT("项目预算数"), L_TOTAL},
    {LIT("本年预算数"), L_TOTAL},      {LIT("年初预算数"), L_TOTAL},
    {LIT("本年度绩效目标"), L_GOALS},  {LIT("本年度目标"), L_GOALS},        {LIT("当年绩效目标"), L_GOALS},
    {LIT("年度总体目标"), L_GOALS},    {LIT("项目年度目标"), L_GOALS},      {LIT("项目年度绩效目标"), L_GOALS},
    {LIT("项目绩效目标"), L_GOALS},    {LIT("项目目标"), L_GOALS},
    {LIT("整体目标"), L_GOALS},        {LIT("绩效目标总体描述"), L_GOALS},        {LIT("项目总体目标"), L_LONG_GOALS}, {LIT("项目中期目标"), L_LONG_GOALS},
    {LIT("实施期绩效目标"), L_LONG_GOALS}, {LIT("实施期目标"), L_LONG_GOALS}, {LIT("中长期目标"), L_LONG_GOALS},
    {LIT("项目支出实施期"), L_PERIOD}, {LIT("实施期"), L_PERIOD},          {LIT("项目实施期限"), L_PERIOD},
    {LIT("预算部门"), L_DEPARTMENT},   {LIT("预算单位"), L_IMPLEMENTER},
    {LIT("项目主管部门"), L_DEPARTMENT}, {LIT("项目执行单位"), L_IMPLEMENTER}, {LIT("执行单位"), L_IMPLEMENTER},
    {LIT("资金情况"), L_FUNDS_TEXT},   {LIT("资金总额及构成"), L_FUNDS_TEXT}, {LIT("资金构成"), L_FUNDS_TEXT},
    {LIT("项目资金情况"), L_FUNDS_TEXT}, {LIT("资金来源"), L_FUNDS_TEXT},   {LIT("资金规模"), L_FUNDS_TEXT},
    {LIT("上级资金"), L_FISCAL},       {LIT("本级资金"), L_FISCAL},         {LIT("中央资金"), L_FISCAL},
    {LIT("省级资金"), L_FISCAL},       {LIT("市级资金"), L_FISCAL},         {LIT("区级资金"), L_FISCAL},
    {LIT("县级资金"), L_FISCAL},       {LIT("中央补助安排"), L_FISCAL},     {LIT("省级财政安排"), L_FISCAL},
    {LIT("市级财政安排"), L_FISCAL},   {LIT("本级财政"), L_FISCAL},         {LIT("预算申报数"), L_TOTAL},
    /* county 申报表: the sources by level (not 上级补助: 上级补助收入 is a unit's other income) */
    {LIT("中央补助"), L_FISCAL},       {LIT("省级补助"), L_FISCAL},         {LIT("市级补助"), L_FISCAL},
    {LIT("县级补助"), L_FISCAL},       {LIT("区级补助"), L_FISCAL},         {LIT("本级配套"), L_FISCAL},
    {LIT("市级配套"), L_FISCAL},       {LIT("县级配套"), L_FISCAL},         {LIT("区级配套"), L_FISCAL},
    {LIT("地方配套"), L_FISCAL},       {LIT("自筹"), L_OTHER},
    /* 部门整体 tables */
    {LIT("部门名称"), L_DEPT_NAME},    {LIT("部门(单位)名称"), L_DEPT_NAME}, {LIT("预算部门名称"), L_DEPT_NAME},
    {LIT("部门编码"), L_DEPT_CODE},    {LIT("部门代码"), L_DEPT_CODE},       {LIT("年度绩效总目标"), L_GOALS},
    {LIT("部门整体绩效目标"), L_GOALS}, {LIT("部门职能职责概述"), L_PURPOSE}, {LIT("部门职责"), L_PURPOSE},
    /* 中央对地方转移支付区域绩效目标表: the 中央 department heads the
     * transfer, the 地方 one carries it out; both halves of the funds are fiscal */
    {LIT("转移支付名称"), L_NAME},     {LIT("中央主管部门"), L_DEPARTMENT}, {LIT("地方主管部门"), L_IMPLEMENTER},
    {LIT("年度金额"), L_TOTAL},        {LIT("地方资金"), L_FISCAL},
    /* 单位整体 tables (and a project's unit: pbi_whole_unit_keys) */
    {LIT("单位名称"), L_UNIT_NAME},    {LIT("单位编码"), L_UNIT_CODE},       {LIT("单位代码"), L_UNIT_CODE},
    {LIT("单位整体绩效目标"), L_GOALS}, {LIT("单位职能职责概述"), L_PURPOSE}, {LIT("单位职责"), L_PURPOSE},
    {LIT("当年其他资金"), L_OTHER},    {LIT("年度其他资金"), L_OTHER},      {LIT("其中:当年其他资金"), L_OTHER},
};

bool pbi_label_is_year(const char *s)
{
    if (pbi_has_prefix(s, "其中:"))
        s += strlen("其中:");
    return pbi_has_prefix(s, "当年") || pbi_has_prefix(s, "本年") || pbi_has_prefix(s, "年度");
}

/* Labels that only mean a part of the funds beside other fund labels. */
static const lit context_other[] = {LIT("其他"), LIT("其他收入")};
static const lit context_total[] = {LIT("合计"), LIT("总计"), LIT("总额")};

static bool is_fiscal_label(const char *s)
{
    if (pbi_has_prefix(s, "其中:"))
        s += strlen("其中:");
    if (pbi_has_prefix(s, "非"))
        return false;
    return pbi_label_has_suffix(s, "财政资金") || pbi_label_has_suffix(s, "财政拨款") || pbi_label_has_suffix(s, "财政拨款资金");
}

/* The longest text of exact_labels and of column_labels, in bytes: a cell
 * longer is none of them (test_unit holds them to pbi_label_longest()). */
#define EXACT_LABEL_MAX 27
#define COLUMN_LABEL_MAX 24

label_kind pbi_label_of(const pbi_lexicon *lx, const char *label, bool funds)
{
    if (!*label)
        return L_NONE;
    char base[LABEL_MAX];
    pbi_label_base(label, base, sizeof base);
    size_t n = strlen(base);
    if (n <= EXACT_LABEL_MAX) {
        probe p = probe_of(base, n);
        for (size_t i = slot_of(p.head, n, PBI_LEXICON_EXACT_SLOTS); lx->exact[i];
             i = (i + 1) & (PBI_LEXICON_EXACT_SLOTS - 1))
            if (lit_is(&exact_labels[lx->exact[i] - 1].text, &p))
                return exact_labels[lx->exact[i] - 1].kind;
    }
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


const char *pbi_after_list_number(const char *s)
{
    static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    const char *p = s + (*s == '(');
    const char *q = p;
    while (*q >= '0' && *q <= '9' && q - p < 2)
        q++;
    for (size_t i = 0; q == p && i < sizeof numerals / sizeof *numerals; i++)
        if (pbi_has_prefix(p, numerals[i]))
            q = p + strlen(numerals[i]);
    if (q == p)
        return s;
    if (*s == '(')
        return *q == ')' ? q + 1 : s;
    if (*q == '.')
        return q + 1;
    return pbi_has_prefix(q, "、") ? q + strlen("、") : s;
}

label_kind pbi_numbered_label(const pbi_lexicon *lx, const char *label, bool funds, const char **rest)
{
    const char *s = pbi_after_list_number(label);
    if (s == label || !*s)
        return L_NONE;
    label_kind k = pbi_label_of(lx, s, funds);
    if (k != L_NONE)
        *rest = s;
    return k;
}

/* Only beside other fund labels: elsewhere a numbered text that names a
 * field («1.年度目标») is a value. */
label_kind pbi_fund_item_label(const pbi_lexicon *lx, const char *label)
{
    const char *s = label;
    if (pbi_has_prefix(s, "其中:"))
        s += strlen("其中:");
    s = pbi_after_list_number(s);
    if (s == label)
        return L_NONE;
    label_kind k = pbi_label_of(lx, s, true);
    return k == L_TOTAL || k == L_FISCAL || k == L_OTHER ? k : L_NONE;
}

/* "长期绩效指标", "中期指标", "年度绩效指标": the name of an indicator block. */
bool pbi_term_marker(const char *l, pb_term *term)
{
    char base[LABEL_MAX];
    pbi_label_base(l, base, sizeof base);
    if (!pbi_contains(base, "指标") || strlen(base) > 24)
        return false;
    if (pbi_has_prefix(base, "长期") || pbi_has_prefix(base, "中期")) {
        *term = PB_TERM_LONG;
        return true;
    }
    if (pbi_has_prefix(base, "年度") || pbi_has_prefix(base, "本年度") || pbi_has_prefix(base, "当年")) {
        *term = PB_TERM_ANNUAL;
        return true;
    }
    return false;
}

/* Column heads found only in self-evaluation and evaluation tables.  Not
 * 分值: a target table may give each indicator its 分值 (its weight), and a
 * self-evaluation beside its 分值 always has its 得分 or 实际完成值. */
bool pbi_self_evaluation_label(const char *l)
{
    static const lit exact[] = {LIT("实际值"), LIT("完成值"), LIT("得分"), LIT("实际完成情况")};
    static const char *const prefix[] = {"实际完成值", "全年实际值", "年度实际完成值", "偏差原因", "全年执行数",
                                         "执行率", "自评得分", "全年执行率"};
    if (IN(l, strlen(l), exact))
        return true;
    for (size_t i = 0; i < sizeof prefix / sizeof *prefix; i++)
        if (pbi_has_prefix(l, prefix[i]))
            return true;
    return false;
}

bool pbi_self_evaluation_title(const char *s)
{
    return pbi_contains(s, "自评") || pbi_contains(s, "评价表");
}


/* ---- the indicator part */

static const struct {
    lit text;
    ind_col col;
} column_labels[] = {
    {LIT("一级指标"), COL_L1},        {LIT("一级绩效指标"), COL_L1},
    {LIT("绩效指标分类"), COL_L1},    {LIT("指标分类"), COL_L1},         {LIT("指标类别"), COL_L1},
    {LIT("绩效指标评价标准"), COL_VALUE}, {LIT("评价标准确定依据"), COL_BASIS},
    {LIT("二级指标"), COL_L2},        {LIT("二级绩效指标"), COL_L2},
    {LIT("三级指标"), COL_L3},        {LIT("三级指标名称"), COL_L3},     {LIT("三级绩效指标"), COL_L3},
    {LIT("指标内容"), COL_L3},        {LIT("指标名称"), COL_L3},         {LIT("绩效指标名称"), COL_L3},
    {LIT("绩效指标描述"), COL_DESC},  {LIT("指标描述"), COL_DESC},
    {LIT("指标值"), COL_VALUE},       {LIT("目标值"), COL_VALUE},        {LIT("绩效指标值"), COL_VALUE},
    {LIT("年度指标值"), COL_VALUE},   {LIT("指标目标值"), COL_VALUE},
    {LIT("指标值确定依据"), COL_BASIS}, {LIT("指标值设定依据"), COL_BASIS}, {LIT("确定依据"), COL_BASIS},
    {LIT("设定依据"), COL_BASIS},
    {LIT("计量单位"), COL_UNIT},      {LIT("度量单位"), COL_UNIT},       {LIT("单位"), COL_UNIT},
    {LIT("指标值类型"), COL_TYPE},    {LIT("指标类型"), COL_TYPE},
    {LIT("计算符号"), COL_OP},        {LIT("指标性质"), COL_OP},         {LIT("运算符号"), COL_OP},
    {LIT("比较符号"), COL_OP},        {LIT("符号"), COL_OP},
    {LIT("指标方向"), COL_DIRECTION}, {LIT("指标方向性"), COL_DIRECTION}, {LIT("方向"), COL_DIRECTION},
    {LIT("指标解释"), COL_EXPLAIN},   {LIT("指标说明"), COL_EXPLAIN},    {LIT("公式或说明"), COL_EXPLAIN},
    {LIT("评(扣)分标准"), COL_SCORING}, {LIT("评分标准"), COL_SCORING}, {LIT("扣分标准"), COL_SCORING},
    {LIT("评(扣)分办法"), COL_SCORING},
    {LIT("备注"), COL_REMARK},
    {LIT("权重"), COL_WEIGHT},        {LIT("指标权重"), COL_WEIGHT},
};

/* Every value column's head holds one of these: a row none of whose
 * cells holds one heads no indicator block (see pbi_may_head_values). */
static const char *const value_head_marks[] = {"值", "评价标准"};

bool pbi_may_head_values(const char *l)
{
    for (size_t i = 0; i < sizeof value_head_marks / sizeof *value_head_marks; i++)
        if (pbi_contains(l, value_head_marks[i]))
            return true;
    return false;
}

size_t pbi_value_heads_unmarked(void)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof column_labels / sizeof *column_labels; i++)
        n += column_labels[i].col == COL_VALUE && !pbi_may_head_values(column_labels[i].text.s);
    return n;
}

/* Heads whose short parenthesised note is dropped before comparing
 * ("指标值(年度)", "权重(%)"); the others are compared as written. */
static bool column_takes_note(ind_col c) { return c == COL_VALUE || c == COL_WEIGHT; }

static int column_of(const pbi_lexicon *lx, const char *l, bool base)
{
    size_t n = strlen(l);
    if (n > COLUMN_LABEL_MAX)
        return -1;
    probe p = probe_of(l, n);
    for (size_t i = slot_of(p.head, n, PBI_LEXICON_COLUMN_SLOTS); lx->column[i];
         i = (i + 1) & (PBI_LEXICON_COLUMN_SLOTS - 1)) {
        ind_col c = column_labels[lx->column[i] - 1].col;
        if (lit_is(&column_labels[lx->column[i] - 1].text, &p) && (!base || column_takes_note(c)))
            return (int)c;
    }
    return -1;
}

/* The lists are arrays of structs whose first member is the lit: entry i
 * of one, whichever its struct. */
static const lit *entry(const void *list, size_t stride, size_t i)
{
    return (const lit *)(const void *)((const char *)list + i * stride);
}

/* Entries in list order, each to the first free slot from its own: a text
 * listed twice is found first where it was listed first, as by a scan. */
static void fill(uint16_t *table, size_t slots, const void *list, size_t stride, size_t count)
{
    for (size_t e = 0; e < count; e++) {
        const lit *l = entry(list, stride, e);
        size_t i = slot_of(probe_of(l->s, l->len).head, l->len, slots);
        while (table[i])
            i = (i + 1) & (slots - 1);
        table[i] = (uint16_t)(e + 1);
    }
}

#define FILL(table, list) fill((table), sizeof(table) / sizeof *(table), (list), sizeof *(list), sizeof(list) / sizeof *(list))

void pbi_lexicon_init(pbi_lexicon *lx)
{
    /* at most half full, so that a text that is no label meets an empty slot soon */
    _Static_assert(sizeof exact_labels / sizeof *exact_labels <= PBI_LEXICON_EXACT_SLOTS / 2, "exact slots");
    _Static_assert(sizeof column_labels / sizeof *column_labels <= PBI_LEXICON_COLUMN_SLOTS / 2, "column slots");
    memset(lx, 0, sizeof *lx);
    FILL(lx->exact, exact_labels);
    FILL(lx->column, column_labels);
}

/* The entries the hashed look-up finds elsewhere than the first entry of
 * the same text a scan of the list would. */
static size_t misses(const uint16_t *table, size_t slots, const void *list, size_t stride, size_t count)
{
    size_t n = 0;
    for (size_t e = 0; e < count; e++) {
        const lit *want = entry(list, stride, e);
        probe p = probe_of(want->s, want->len);
        size_t found = count, first = e;
        for (size_t i = slot_of(p.head, p.len, slots); table[i] && found == count; i = (i + 1) & (slots - 1))
            if (lit_is(entry(list, stride, table[i] - 1u), &p))
                found = table[i] - 1u;
        for (size_t i = 0; i < e && first == e; i++)
            if (lit_is(entry(list, stride, i), &p))
                first = i;
        n += found != first;
    }
    return n;
}

#define MISSES(table, list) misses((table), sizeof(table) / sizeof *(table), (list), sizeof *(list), sizeof(list) / sizeof *(list))

size_t pbi_lexicon_misses(const pbi_lexicon *lx)
{
    return MISSES(lx->exact, exact_labels) + MISSES(lx->column, column_labels);
}

int pbi_indicator_column(const pbi_lexicon *lx, const char *l)
{
    /* pbi_label_base drops at most "及单位" (9 bytes) and a note of 14 */
    if (strlen(l) > COLUMN_LABEL_MAX + 9 + 14)
        return -1;
    int k = column_of(lx, l, false);
    if (k >= 0)
        return k;
    char base[LABEL_MAX];
    pbi_label_base(l, base, sizeof base);
    return column_of(lx, base, true);
}

/* Heads that name a column only where no other head does: 「绩效指标」 is
 * the 三级 of a two-level table, but elsewhere the block's name merged down
 * the left edge. */
static const struct {
    lit text;
    ind_col col;
} weak_column_labels[] = {
    {LIT("绩效指标"), COL_L3},
    {LIT("指标"), COL_L3},
};

int pbi_indicator_column_weak(const char *l)
{
    probe p = probe_of(l, strlen(l));
    for (size_t i = 0; i < sizeof weak_column_labels / sizeof *weak_column_labels; i++)
        if (lit_is(&weak_column_labels[i].text, &p))
            return (int)weak_column_labels[i].col;
    return -1;
}

int pbi_indicator_column_term(const pbi_lexicon *lx, const char *l, pb_term *term)
{
    static const struct {
        const char *suffix;
        pb_term term;
    } quals[] = {{"(长期)", PB_TERM_LONG}, {"(中期)", PB_TERM_LONG}, {"(实施期)", PB_TERM_LONG},
                 {"(年度)", PB_TERM_ANNUAL}, {"(本年度)", PB_TERM_ANNUAL}, {"(当年)", PB_TERM_ANNUAL}};
    size_t len = strlen(l);
    bool closed = len >= 2 && l[len - 1] == ')'; /* every qualifier ends so */
    for (size_t i = 0; closed && i < sizeof quals / sizeof *quals; i++)
        if (pbi_label_has_suffix(l, quals[i].suffix) && strlen(l) > strlen(quals[i].suffix)) {
            char head[LABEL_MAX];
            size_t n = strlen(l) - strlen(quals[i].suffix);
            if (n >= sizeof head)
                return -1;
            memcpy(head, l, n);
            head[n] = '\0';
            *term = quals[i].term;
            return pbi_indicator_column(lx, head);
        }
    /* 「中期指标值」 | 「年度指标值」: value columns named by a leading block
     * word (only values: 「年度绩效指标」 names a block, not a column) */
    static const struct {
        const char *prefix;
        pb_term term;
    } leads[] = {{"中期", PB_TERM_LONG}, {"长期", PB_TERM_LONG}, {"实施期", PB_TERM_LONG},
                 {"本年度", PB_TERM_ANNUAL}, {"年度", PB_TERM_ANNUAL}, {"当年", PB_TERM_ANNUAL}};
    for (size_t i = 0; i < sizeof leads / sizeof *leads; i++)
        if (pbi_has_prefix(l, leads[i].prefix) && pbi_indicator_column(lx, l + strlen(leads[i].prefix)) == COL_VALUE) {
            *term = leads[i].term;
            return COL_VALUE;
        }
    return -1;
}

/* The comparator of a 计算符号 / 指标性质 cell.  Budget systems export codes:
 * 1 ≥, 2 >, 3 =, 4 <, 5 ≤, 6 定性.  4, 5 and 6 follow the vendor scripts
 * (S2, S3 in docs/review-rules.md); 1, 2 and 3 are a guess among the three
 * "positive" comparators.  NULL when the cell names none. */
const char *pbi_comparator_symbol(const char *raw, bool *qualitative)
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


bool pbi_looks_like_level1(const char *s)
{
    static const char *const words[] = {"指标", "产出", "效益", "满意", "成本", "效果"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (pbi_contains(s, words[i]))
            return true;
    return false;
}

/* ---- keys */

bool pbi_key_inside(const char *text, int key)
{
    if (key < L_KIND_COUNT) {
        for (size_t i = 0; i < sizeof exact_labels / sizeof *exact_labels; i++)
            if ((int)exact_labels[i].kind == key && strstr(text, exact_labels[i].text.s))
                return true;
        return false;
    }
    for (size_t i = 0; i < sizeof column_labels / sizeof *column_labels; i++)
        if ((int)column_labels[i].col == key - L_KIND_COUNT && strstr(text, column_labels[i].text.s))
            return true;
    return false;
}

const char *pbi_key_name(int key)
{
    static const char *const fields[L_KIND_COUNT] = {
        [L_CODE] = "项目编码",       [L_NAME] = "项目名称",        [L_TOTAL] = "预算数",
        [L_FISCAL] = "财政拨款",     [L_OTHER] = "其他资金",       [L_GOALS] = "年度目标",
        [L_LONG_GOALS] = "中期目标", [L_SCHEDULE] = "资金支出计划", [L_PURPOSE] = "资金用途",
        [L_BUDGET_GROUP] = "预算规模及资金用途", [L_FUNDS_GROUP] = "项目资金",
        [L_ATTRIBUTE] = "项目属性",  [L_DEPARTMENT] = "主管部门",  [L_IMPLEMENTER] = "实施单位",
        [L_MANAGER] = "项目负责人",  [L_PHONE] = "联系电话",       [L_PERIOD] = "起止时间",
        [L_FUNDS_TEXT] = "资金情况", [L_DEPT_NAME] = "部门名称", [L_DEPT_CODE] = "部门编码",
        [L_UNIT_NAME] = "单位名称", [L_UNIT_CODE] = "单位编码",
    };
    static const char *const columns[COL_COUNT] = {
        [COL_L1] = "一级指标",   [COL_L2] = "二级指标", [COL_L3] = "三级指标",     [COL_DESC] = "指标描述",
        [COL_VALUE] = "指标值",  [COL_BASIS] = "指标值确定依据", [COL_UNIT] = "计量单位",
        [COL_TYPE] = "指标值类型", [COL_OP] = "计算符号", [COL_EXPLAIN] = "指标解释",
        [COL_SCORING] = "评(扣)分标准", [COL_REMARK] = "备注", [COL_WEIGHT] = "权重",
        [COL_DIRECTION] = "指标方向",
    };
    if (key < 0 || key >= KEY_COUNT)
        return "";
    const char *n = key < L_KIND_COUNT ? fields[key] : columns[key - L_KIND_COUNT];
    return n ? n : "";
}

void pbi_label_longest(size_t *exact, size_t *column, size_t *exact_max, size_t *column_max)
{
    *exact = *column = 0;
    for (size_t i = 0; i < sizeof exact_labels / sizeof *exact_labels; i++)
        if (exact_labels[i].text.len > *exact)
            *exact = exact_labels[i].text.len;
    for (size_t i = 0; i < sizeof column_labels / sizeof *column_labels; i++)
        if (column_labels[i].text.len > *column)
            *column = column_labels[i].text.len;
    *exact_max = EXACT_LABEL_MAX;
    *column_max = COLUMN_LABEL_MAX;
}

/* 「项目名称：某项目」, 「资金总额：20万元」, 「年度目标：…」: a field's label
 * and its value in one cell, split at the first colon (within the first
 * 40 bytes).  Only the key/value fields; a blank value is no pair. */
label_kind pbi_label_inside(const pbi_lexicon *lx, const char *text, bool funds, char *head, size_t cap, const char **rest)
{
    const char *colon = NULL;
    size_t skip = 0;
    for (const char *c = text; c && *c && c - text < 40; c++) {
        if (*c == ':') {
            colon = c, skip = 1;
            break;
        }
        if (strncmp(c, "：", 3) == 0) {
            colon = c, skip = 3;
            break;
        }
    }
    if (!colon || colon == text)
        return L_NONE;
    char raw[LABEL_MAX];
    size_t len = (size_t)(colon - text);
    if (len >= sizeof raw)
        return L_NONE;
    memcpy(raw, text, len);
    raw[len] = '\0';
    pbi_label_fold(raw, head, cap);
    label_kind k = pbi_label_of(lx, head, funds);
    const char *bare;
    /* «1.项目名称：某项目»: the colon and the value make it a label */
    if (k == L_NONE && (k = pbi_numbered_label(lx, head, funds, &bare)) != L_NONE)
        memmove(head, bare, strlen(bare) + 1);
    switch (k) {
    case L_CODE: case L_NAME: case L_TOTAL: case L_FISCAL: case L_OTHER: case L_GOALS: case L_LONG_GOALS:
    case L_PURPOSE: case L_ATTRIBUTE: case L_DEPARTMENT: case L_IMPLEMENTER: case L_MANAGER: case L_PHONE:
    case L_PERIOD: case L_FUNDS_TEXT: case L_DEPT_NAME: case L_DEPT_CODE: case L_UNIT_NAME: case L_UNIT_CODE:
        break;
    default:
        return L_NONE;
    }
    const char *r = colon + skip;
    while (*r == ' ' || *r == '\t' || *r == '\n')
        r++;
    if (pbi_is_blank(r))
        return L_NONE;
    *rest = r;
    return k;
}
