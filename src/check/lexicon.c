/* The words the indicator rules read a 三级 name and a unit by: data, one
 * list per meaning.  Names are matched normalised (width folded, white
 * space dropped), as substrings; units whole.  Sources: the 通用共性指标库
 * published by provincial finance departments (财政厅) and the indicator
 * names of the real filings in ../shared/data; docs/rules.md cites them. */
#include "check/check.h"

#include <string.h>

/* Harmful events: a rate or count of them is a 反向指标 (the lower the
 * better, ≤). */
static const char *const harmful[] = {
    "差错", "错误", "失误", "误差", "事故", "伤亡", "死亡", "投诉", "信访", "上访", "举报", "纠纷",
    "故障", "停电", "停水", "中断", "宕机", "超支", "超标", "超期", "逾期", "延误", "延期", "拖欠",
    "欠款", "违规", "违纪", "违法", "违章", "案件", "发案", "隐患", "不合格", "不达标", "缺陷", "返工",
    "返修", "退货", "漏检", "漏报", "误报", "差评", "流失", "辍学", "失业", "返贫", "发病", "感染",
    "污染", "排放", "能耗", "浪费", "损失", "损耗", "闲置", "空置", "积压", "滞留", "火灾", "事件发生",
    "发生率", "不良率", "次品", "废品", "复发", "死亡率", "缺勤",
};

/* ... unless the name counts what was done about them: 投诉处理率 and
 * 故障修复率 are floors again. */
static const char *const remedied[] = {
    "处理", "处置", "办结", "结案", "解决", "化解", "修复", "排除", "整改", "查处", "回复", "答复",
    "响应", "调处", "消除", "减少", "降低", "下降", "压减", "控制", "防控", "治理", "挽回", "追回",
    "清欠", "清偿", "销号",
};

/* Savings and growth: positive even under 成本指标 (a procurement savings
 * rate is a floor, ≥). */
static const char *const positive[] = {
    "节约", "节支", "节省", "节资", "节能", "降本", "增长", "增幅", "增加", "提高", "提升", "增收",
    "回收", "收益", "效益",
};

/* Shares of a whole: never above 100 %. */
static const char *const bounded[] = {
    "合格率", "覆盖率", "满意度", "满意率", "占比", "比重", "知晓率", "知晓度", "达标率", "优良率",
    "及时率", "准确率", "正确率", "到位率", "入学率", "巩固率", "参保率", "普及率", "通过率", "合规率",
    "发放率", "兑现率", "受益率", "救治率", "治愈率", "处理率", "处置率", "办结率", "结案率", "响应率",
    "完好率", "建档率", "接种率", "落实率", "保障率", "出勤率", "参与率", "认可度", "认同度", "好评率",
    "覆盖面", "无害化", "验收合格", "一次性通过", "按时", "足额",
};

/* Rates and shares by name: a percentage suits them (…率, …度 and the
 * words of a proportion). */
static const char *const rates[] = {
    "率", "比例", "占比", "比重", "百分比", "满意", "覆盖", "合格", "达标", "增长", "增幅", "下降",
    "降低", "降幅", "进度", "知晓度", "认可度", "认同度", "支持度", "参与度", "完成度", "达成度",
    "普及度", "认知度", "信任度", "好评度", "熟悉度", "覆盖度", "贡献度", "配合度", "依从度", "饱和度",
    "程度", "准确性", "及时性", "完整性", "规范性", "合规性", "%",
};

/* Durations as the budget systems write their unit words. */
static const char *const time_units[] = {
    "年", "月", "个月", "天", "日", "工作日", "个工作日", "自然日", "个自然日", "日历天", "小时", "周",
    "个周", "季度", "个季度", "分钟", "年内", "周年", "月内", "天内", "日内", "工作日内", "小时内",
};

/* The percentage as the systems' unit column writes it. */
static const char *const percent_units[] = {"%", "百分比", "百分之", "％"};

/* What an economic effect is about ... */
static const char *const economic[] = {
    "经济", "收入", "增收", "产值", "税", "利润", "效益", "成本", "节约", "节省", "资金", "投资", "融资", "就业",
    "产业", "消费", "营业", "销售", "价格", "收益", "带动", "拉动", "增加值", "贷款", "补助", "补贴", "租金",
    "费用", "财政", "经营", "市场", "商户", "企业", "招商", "旅游", "产量", "亩产", "元", "GDP",
};

/* ... and an ecological one. */
static const char *const ecological[] = {
    "生态", "环境", "绿化", "绿地", "空气", "水质", "排放", "污染", "节能", "能耗", "垃圾", "植被", "森林", "林",
    "碳", "噪音", "噪声", "扬尘", "水土", "湿地", "土壤", "农药", "化肥", "卫生", "厕", "河", "湖", "水源",
    "资源", "节水", "节电", "环保", "清洁", "美化", "宜居", "人居", "野生", "物种", "废", "治理", "整治",
};

/* ... and a social one: what a 社会效益 indicator of the common-indicator
 * libraries is about (公共服务水平提升情况 is listed there). */
static const char *const social[] = {
    "公共服务", "服务水平", "服务质量", "便民", "群众", "居民", "市民", "村民", "社区", "社会", "稳定", "安全",
    "治安", "民生", "就医", "就学", "教育", "养老", "救助", "优抚", "文化", "宣传", "知晓", "获得感", "幸福",
    "和谐", "秩序", "办事", "政务", "公共",
};

bool pbi_is_social_name(const char *n3) { return pbi_contains_any(n3, social, PBI_COUNT(social)); }

bool pbi_is_economic_name(const char *n3) { return pbi_contains_any(n3, economic, PBI_COUNT(economic)); }

bool pbi_is_ecological_name(const char *n3) { return pbi_contains_any(n3, ecological, PBI_COUNT(ecological)); }

bool pbi_is_money_unit(const char *u) { return pbi_contains(u, "元"); }

bool pbi_is_harmful_name(const char *n3)
{
    return pbi_contains_any(n3, harmful, PBI_COUNT(harmful)) && !pbi_contains_any(n3, remedied, PBI_COUNT(remedied));
}

bool pbi_is_positive_name(const char *n3) { return pbi_contains_any(n3, positive, PBI_COUNT(positive)); }

bool pbi_is_bounded_share(const char *n3) { return pbi_contains_any(n3, bounded, PBI_COUNT(bounded)); }

bool pbi_is_rate_name(const char *n3) { return pbi_contains_any(n3, rates, PBI_COUNT(rates)); }

bool pbi_is_time_unit(const char *u) { return pbi_in_list(u, time_units, PBI_COUNT(time_units)); }

bool pbi_is_percent_unit(const char *u) { return pbi_in_list(u, percent_units, PBI_COUNT(percent_units)); }

/* The error values Excel, WPS and LibreOffice Calc show for a formula they
 * cannot compute; the same in every language of Excel.  Pasted into Word
 * from a sheet, they stay in the cell as text. */
static const struct {
    const char *value;
    const char *cause;
} spreadsheet_errors[] = {
    {"#NAME?", N_("a name it does not know: a value typed after 「=」, such as =300天, is taken for a formula")},
    {"#REF!", N_("a reference to a cell that was deleted")},
    {"#DIV/0!", N_("a division by zero")},
    {"#VALUE!", N_("a value of the wrong kind in the formula")},
    {"#N/A", N_("a value the formula could not find")},
    {"#NUM!", N_("a number out of range")},
    {"#NULL!", N_("two ranges that do not meet")},
};

const char *pbi_spreadsheet_error(const char *raw)
{
    if (!raw)
        return NULL;
    while (*raw == ' ')
        raw++;
    size_t n = strlen(raw);
    while (n > 0 && raw[n - 1] == ' ')
        n--;
    for (size_t i = 0; i < PBI_COUNT(spreadsheet_errors); i++)
        if (strlen(spreadsheet_errors[i].value) == n && memcmp(raw, spreadsheet_errors[i].value, n) == 0)
            return _(spreadsheet_errors[i].cause);
    return NULL;
}
