/* 指标值: "≥95%", "≤242.59万元", "不少于6次", "395人", "较好", "2025年12月底前". */
#include "model/model.h"

#include <string.h>

typedef struct op_word {
    const char *text;
    pb_op op;
} op_word;

/* Longest first where one is a prefix of another. */
static const op_word prefix_ops[] = {
    {">=", PB_OP_GE},       {"<=", PB_OP_LE},       {"=>", PB_OP_GE},
    {"=<", PB_OP_LE},       {"≥", PB_OP_GE},        {"≤", PB_OP_LE},
    {"≧", PB_OP_GE},        {"≦", PB_OP_LE},        {"⩾", PB_OP_GE},
    {"⩽", PB_OP_LE},        {">", PB_OP_GT},        {"<", PB_OP_LT},
    {"=", PB_OP_EQ},        {"大于等于", PB_OP_GE}, {"大于或等于", PB_OP_GE},
    {"小于等于", PB_OP_LE}, {"小于或等于", PB_OP_LE}, {"不低于", PB_OP_GE},
    {"不少于", PB_OP_GE},   {"不小于", PB_OP_GE},   {"至少", PB_OP_GE},
    {"不超过", PB_OP_LE},   {"不高于", PB_OP_LE},   {"不大于", PB_OP_LE},
    {"不多于", PB_OP_LE},   {"至多", PB_OP_LE},     {"大于", PB_OP_GT},
    {"高于", PB_OP_GT},     {"超过", PB_OP_GT},     {"多于", PB_OP_GT},
    {"小于", PB_OP_LT},     {"低于", PB_OP_LT},     {"少于", PB_OP_LT},
    {"等于", PB_OP_EQ},     {"达到", PB_OP_EQ},
};

static const op_word suffix_ops[] = {
    {"及以上", PB_OP_GE}, {"以上", PB_OP_GE}, {"及以下", PB_OP_LE},
    {"以下", PB_OP_LE},   {"以内", PB_OP_LE}, {"之内", PB_OP_LE},
};

/* Units a 指标值 may carry, canonical form first. */
static const char *const units[] = {
    "%", "‰", "万元", "亿元", "千元", "元", "人次", "人", "次", "年", "个月",
    "月", "天", "日", "工作日", "小时", "分钟", "个", "项", "件", "户", "家",
    "所", "座", "台", "套", "辆", "册", "场", "期", "批", "份", "篇", "条",
    "处", "间", "平方米", "㎡", "m2", "亩", "公顷", "公里", "千米", "km", "米",
    "吨", "立方米", "万人", "万人次", "万册", "万份", "元/人", "元/月",
    "元/人·月", "元/平方米", "万元/年", "分", "周", "季度", "栋", "幢", "块",
    "本", "张", "名", "支", "只", "头", "棵", "株", "盏", "千瓦", "kw", "kwh",
    "度", "G", "GB", "TB", "M", "小时/天", "所次", "课时", "学时", "人/次",
};

static const char *match_prefix_op(const char *s, pb_op *op)
{
    for (size_t i = 0; i < sizeof prefix_ops / sizeof *prefix_ops; i++) {
        size_t n = strlen(prefix_ops[i].text);
        if (strncmp(s, prefix_ops[i].text, n) == 0) {
            *op = prefix_ops[i].op;
            return s + n;
        }
    }
    return s;
}

/* Strips a trailing 以上/以下 into *op; returns the new length. */
static size_t match_suffix_op(const char *s, size_t len, pb_op *op)
{
    for (size_t i = 0; i < sizeof suffix_ops / sizeof *suffix_ops; i++) {
        size_t n = strlen(suffix_ops[i].text);
        if (len > n && memcmp(s + len - n, suffix_ops[i].text, n) == 0) {
            if (*op == PB_OP_NONE)
                *op = suffix_ops[i].op;
            return len - n;
        }
    }
    return len;
}

static const char *known_unit(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strlen(units[i]) == len && memcmp(s, units[i], len) == 0)
            return units[i];
    return NULL;
}

static size_t number_len(const char *s, size_t len)
{
    size_t i = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        i++;
    while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ','))
        i++;
    return i;
}

static bool has_digit(const char *s)
{
    for (; *s; s++)
        if (*s >= '0' && *s <= '9')
            return true;
    return false;
}

/* A date or month deadline ("2025年12月31日前", "12月底前", "2025年底"):
 * a valid 时效 target that is not a number with a unit. */
static bool is_deadline(const char *s)
{
    return (pbi_contains(s, "年") || pbi_contains(s, "月")) &&
           (pbi_contains(s, "日") || pbi_contains(s, "底") || pbi_contains(s, "前") ||
            pbi_contains(s, "月")) &&
           !pbi_contains(s, "%");
}

/* A number followed by a calendar word: 「12月底前」, 「6月末」, 「10月前」,
 * 「2025年底」 name a date, not twelve of a unit 「月底前」 (a duration is
 * 「12个月」). */
static bool date_after_number(const char *s, size_t len)
{
    size_t nl = number_len(s, len);
    if (nl == 0 || nl == len)
        return false;
    const char *u = s + nl;
    static const char *const words[] = {"月底", "月末", "月前", "月份前", "月中旬", "月上旬", "月下旬", "年底", "年末",
                                        "年前"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (pbi_has_prefix(u, words[i]))
            return true;
    return false;
}

static bool parse_number_unit(pb_arena *a, const char *s, size_t len, pb_value *out)
{
    size_t nl = number_len(s, len);
    if (nl == 0 || !pb_decimal_parse(s, nl, &out->number))
        return false;
    size_t ul = len - nl;
    if (ul == 0) {
        out->unit = "";
        return true;
    }
    const char *u = known_unit(s + nl, ul);
    if (!u) {
        /* A short unit we do not list (a count word) is still a unit; text
         * with more digits is not. */
        char tmp[64];
        if (ul >= sizeof tmp)
            return false;
        memcpy(tmp, s + nl, ul);
        tmp[ul] = '\0';
        if (has_digit(tmp) || ul > 12 || pbi_contains(tmp, "%"))
            return false;
        u = pb_arena_strdup(a, tmp);
        if (!u)
            return false;
    }
    out->unit = u;
    return true;
}

bool pb_value_parse(pb_arena *a, const char *raw, pb_value *out)
{
    memset(out, 0, sizeof *out);
    out->raw = raw;
    out->unit = "";
    if (pbi_is_blank(raw)) {
        out->kind = PB_VALUE_EMPTY;
        return true;
    }
    char *n = pbi_normalize(a, raw, true);
    if (!n)
        return false;
    out->text = n;
    pb_op op = PB_OP_NONE;
    const char *p = match_prefix_op(n, &op);
    size_t len = match_suffix_op(p, strlen(p), &op);
    out->op = op;
    if (len > 0 && !date_after_number(p, len) && parse_number_unit(a, p, len, out)) {
        out->kind = PB_VALUE_NUMBER;
        return true;
    }
    out->number = (pb_decimal){0, 0};
    out->unit = "";
    if (!has_digit(n) || is_deadline(n)) {
        out->kind = PB_VALUE_QUALITATIVE;
        return true;
    }
    out->kind = PB_VALUE_UNPARSED;
    return true;
}

const char *pb_op_symbol(pb_op op)
{
    static const char *const s[] = {"", "≥", "≤", ">", "<", "="};
    return op <= PB_OP_EQ ? s[op] : "";
}

const char *pb_op_ascii(pb_op op)
{
    static const char *const s[] = {NULL, ">=", "<=", ">", "<", "="};
    return op <= PB_OP_EQ ? s[op] : NULL;
}

/* ---- amounts and percentages in the key/value part */

static const struct {
    const char *suffix;
    int exp;
} money_suffix[] = {
    {"亿元", 8}, {"万元", 4}, {"千元", 3}, {"元", 0}, {"亿", 8}, {"万", 4},
    /* «3.5千» beside 预算数（万元）: 千元, as «250万» is 万元 whatever the table's unit */
    {"千", 3},
};

bool pbi_amount_parse(const char *raw, pb_decimal *out, int *unit_exp)
{
    char buf[128];
    *unit_exp = -1;
    if (!raw || !pbi_normalize_buf(raw, true, buf, sizeof buf))
        return false;
    size_t len = strlen(buf);
    for (size_t i = 0; i < sizeof money_suffix / sizeof *money_suffix; i++) {
        size_t n = strlen(money_suffix[i].suffix);
        if (len > n && memcmp(buf + len - n, money_suffix[i].suffix, n) == 0) {
            *unit_exp = money_suffix[i].exp;
            len -= n;
            break;
        }
    }
    return len > 0 && pb_decimal_parse(buf, len, out);
}

bool pbi_percent_parse(const char *raw, pb_decimal *out)
{
    char buf[64];
    if (!raw || !pbi_normalize_buf(raw, true, buf, sizeof buf))
        return false;
    size_t len = strlen(buf);
    if (len > 0 && buf[len - 1] == '%')
        len--;
    return len > 0 && pb_decimal_parse(buf, len, out);
}

const char *pb_money_unit_name(pb_money_unit u)
{
    switch (u) {
    case PB_UNIT_YUAN: return "元";
    case PB_UNIT_WANYUAN: return "万元";
    case PB_UNIT_YIYUAN: return "亿元";
    default: return NULL;
    }
}

int pb_money_unit_exp(pb_money_unit u)
{
    switch (u) {
    case PB_UNIT_WANYUAN: return 4;
    case PB_UNIT_YIYUAN: return 8;
    default: return 0;
    }
}
