/* The rule catalogue: one table that the checks, `pbcheck rules` and the
 * documentation are all generated from.  IDs are grouped by area so that a
 * prefix selects a family: PB1 schedule, PB2 money, PB3 indicator values
 * and wording, PB4 structure, PB5 identity and cross-reference, PB6 tables
 * recognised but not checked. */
/* po: prose */
#include "check/check.h"
#include "model/model.h"

#include <string.h>
#include <strings.h>

/* Each entry: ID, slug, default severity, one-line summary, then what the
 * rule checks and why (with its source: "reviewer heuristic" where there is
 * no written rule), an example that fails, and the fix.  All English msgids;
 * the reporters and `pbcheck explain` translate them.  Every entry names
 * .strict, false included: clang (make asan) rejects a positional entry
 * that leaves the last field out (-Wmissing-field-initializers). */
static const pb_rule catalogue[PBI_RULE_COUNT] = {
    /* ---- PB1: the spending schedule (资金支出计划) */
    [RULE_SCHEDULE_CHECKPOINT_BLANK] = {"PB101", "schedule-checkpoint-blank", PB_SEV_WARNING,
     N_("A checkpoint of the spending schedule is empty."),
     N_("The spending plan (资金支出计划) gives the cumulative share of the budget to be spent by each "
        "checkpoint (3月底, 6月底, …). An empty cell is either 0 % or a gap in the form; a reviewer "
        "cannot tell which. Source: reviewer heuristic (no written rule)."),
     N_("资金支出计划 with 3月底 「 」, 6月底 「 」, 10月底 「50%」, 12月底 「100%」 (the reference "
        "document's table 1)."),
     N_("Fill in every checkpoint, writing 0% where nothing is planned to be spent by then."),
     .strict = false},
    [RULE_SCHEDULE_PERCENT_RANGE] = {"PB102", "schedule-percent-range", PB_SEV_ERROR,
     N_("A schedule checkpoint is outside 0-100 %."),
     N_("Each checkpoint is a cumulative percentage of the budget, so it lies between 0 % and 100 %. "
        "Source: arithmetic of the form (reviewer heuristic)."),
     N_("6月底 「120%」."),
     N_("Write the cumulative share of the budget planned to be spent by that checkpoint."),
     .strict = false},
    [RULE_SCHEDULE_NOT_CUMULATIVE] = {"PB103", "schedule-not-cumulative", PB_SEV_ERROR,
     N_("A later checkpoint is below an earlier one."),
     N_("The schedule is cumulative: money spent by June is included in the figure for October, so a "
        "later checkpoint can never be lower than an earlier one. Source: arithmetic of the form "
        "(reviewer heuristic)."),
     N_("3月底 「30%」 followed by 6月底 「20%」."),
     N_("Write cumulative percentages: each checkpoint includes everything planned before it."),
     .strict = false},
    [RULE_SCHEDULE_FINAL_NOT_100] = {"PB104", "schedule-final-not-100", PB_SEV_ERROR,
     N_("The last checkpoint of the schedule is not 100 %."),
     N_("The spending plan covers the budget year, so by the last checkpoint (12月底) the whole budget "
        "is planned to be spent. Source: reviewer heuristic (no written rule)."),
     N_("12月底 「90%」."),
     N_("Set the last checkpoint to 100%, or correct the budget if part of it will not be spent this "
        "year."),
     .strict = false},
    [RULE_SCHEDULE_VALUE_UNPARSED] = {"PB105", "schedule-value-unparsed", PB_SEV_WARNING,
     N_("A schedule checkpoint is not a percentage."),
     N_("A checkpoint must hold a percentage such as 50%. The text found could not be read as one, so "
        "the other schedule rules cannot check it."),
     N_("6月底 「过半」."),
     N_("Write a number with a % sign, such as 50%."),
     .strict = false},
    [RULE_SCHEDULE_BACK_LOADED] = {"PB106", "schedule-back-loaded", PB_SEV_WARNING,
     N_("An interim checkpoint of the schedule is below the minimum."),
     N_("Money planned for the last weeks of the year is the classic sign of a budget that will not "
        "be spent, or will be spent in a rush. By default each interim checkpoint is compared with "
        "what written practice cites: about 40 % by 7月底, rising 10 points a month to 80 % by 11月底 "
        "(8月底 50 %, 9月底 60 %, 10月底 70 %); checkpoints before July are not compared, since early "
        "spending differs between kinds of project. `schedule-minimums` sets an office's own minimum "
        "per checkpoint label, or \"straight-line\" (month × 100/12 %, 6月底 50 %, 10月底 83.33 %). "
        "Labels that name no month, blank checkpoints (PB101) and the last checkpoint (PB104) are "
        "not compared. Warning: a reviewer would normally ask why. Source: reviewers' practice "
        "(about 40 % by July and 80 % by November are cited). Known exceptions: projects paid at "
        "completion (construction, annual contracts); say so in the table."),
     N_("10月底 「50%」 (below 70 %) in the reference document's table 1."),
     N_("Plan spending earlier, say in the table why payment comes late, or set your finance "
        "office's minimums in .pbcheck.json."),
     .strict = false},

    /* ---- PB2: money */
    [RULE_BUDGET_SUM_MISMATCH] = {"PB201", "budget-sum-mismatch", PB_SEV_ERROR,
     N_("财政资金 + 其他资金 differs from 预算数."),
     N_("The budget (预算数) is split into fiscal funds (其中：财政资金) and other funds (其他资金); the "
        "parts must add up to the total exactly. A blank 其他资金 counts as zero. Amounts are compared "
        "as exact decimals. Source: arithmetic of the form (reviewer heuristic)."),
     N_("预算数 「242.59」 with 财政资金 「240.00」 and 其他资金 blank."),
     N_("Correct the total or the parts so that 财政资金 + 其他资金 = 预算数."),
     .strict = false},
    [RULE_COST_EXCEEDS_BUDGET] = {"PB202", "cost-exceeds-budget", PB_SEV_ERROR,
     N_("A cost indicator allows more than the project's budget."),
     N_("A 成本指标 ceiling (≤ amount) above the project's whole budget cannot be a real target: the "
        "project cannot spend more than it has. Amounts are converted exactly between 元, 千元, 万元 and "
        "亿元; an amount too large to convert is still reported. Error: certain from the table. Not "
        "compared: 社会成本 and 生态环境成本 rows (costs borne by society, 财预〔2021〕101号), the 中期 block, and "
        "projects whose 起止时间 spans several years. Source: the budget systems' rule that cost targets "
        "may not exceed the budget expenditure standard (S1); applying it to the whole budget is an "
        "interpretation."),
     N_("成本指标/资金成本 「≤250万元」 with 预算数 242.59 万元."),
     N_("Lower the ceiling to what the project can spend; better, give a unit or standard cost."),
     .strict = false},
    [RULE_BUDGET_AMOUNT_UNPARSED] = {"PB203", "budget-amount-unparsed", PB_SEV_ERROR,
     N_("An amount of the budget is not a number."),
     N_("预算数, 财政资金 and 其他资金 must be amounts such as 242.59 in the table's unit. The text found "
        "could not be read as an amount, so the sums cannot be checked."),
     N_("预算数 「约240」."),
     N_("Write the number only, in the unit given by 单位."),
     .strict = false},
    [RULE_COST_EQUALS_BUDGET] = {"PB204", "cost-equals-budget", PB_SEV_INFO,
     N_("The cost indicator only restates the whole budget."),
     N_("A 成本指标 of exactly the project's budget says nothing a reviewer does not already know "
        "(成本指标未细化). Cost targets are meant to follow a budget expenditure standard (预算支出标准): a unit "
        "or standard cost (元/人·月, 元/平方米, the subsidy per person) or the cost of the main components. "
        "Info: advice. Not reported where the template asks for the total (项目总成本), nor for "
        "社会成本/生态环境成本 rows or multi-year projects. Source: the budget systems' rule that cost targets "
        "follow the expenditure standard (S1); that the whole budget is not enough is reviewers' "
        "practice."),
     N_("成本指标/资金成本 「≤242.59万元」 with 预算数 242.59 万元 (the reference document's table 2)."),
     N_("Give a unit or standard cost, e.g. 人均补助标准 ≤500元/人·月, or the costs of the main parts "
        "of the project."),
     .strict = false},
    [RULE_BUDGET_UNIT_MISSING] = {"PB205", "budget-unit-missing", PB_SEV_WARNING,
     N_("The table does not say whether its amounts are in 元 or 万元."),
     N_("An amount such as 242.59 is 242.59 元 or 242.59 万元, a factor of 10 000 apart; the form says "
        "which in a line 单位：万元 (or 单位：元). With no unit line, no unit in a label (预算数（万元）) "
        "and no unit after the amounts, a reader cannot tell, and pbcheck cannot compare cost targets "
        "with the budget. Source: the layout of the form (reviewer heuristic)."),
     N_("A table without 「单位：万元」 whose 预算数 is 「242.59」."),
     N_("Add the line 单位：万元 (or 单位：元) above the table."),
     .strict = false},
    [RULE_BUDGET_MAGNITUDE] = {"PB206", "budget-magnitude", PB_SEV_INFO,
     N_("The budget is implausible for its unit (a likely 元/万元 slip)."),
     N_("A budget under 1 000 in 元, under 0.01 or from 1 000 000 up in 万元, or from 10 000 up in 亿元 "
        "is far outside what one project table holds, and usually means the amounts were typed in "
        "another unit than the one declared. Source: reviewer heuristic."),
     N_("单位：元 with 预算数 「242.59」 (most likely 242.59 万元)."),
     N_("Check the unit line against the amounts and correct whichever is wrong."),
     .strict = false},
    [RULE_ANNUAL_ABOVE_MEDIUM_TERM] = {"PB207", "annual-above-medium-term", PB_SEV_ERROR,
     N_("A year's target is above the same indicator's 中期 target."),
     N_("A 申报表 with a 中期 (multi-year) block sets the whole period's targets; the year's target for "
        "the same indicator, in the same unit, is a part of it. A year's amount above the period's is an "
        "error; a year's quantity above it is a warning (some quantities, such as a capacity, are not "
        "cumulative). Rates and durations are not compared. Source: arithmetic of the form (reviewer "
        "heuristic). Known exceptions: a quantity that is a level rather than a sum."),
     N_("年度 成本 「≤300万元」 with 中期 「≤200万元」."),
     N_("Correct the year's or the period's target so that the year's is a part of the period's."),
     .strict = false},
    [RULE_BUDGET_OUTPUT_MISMATCH] = {"PB208", "budget-output-mismatch", PB_SEV_WARNING,
     N_("Quantity × unit cost is far from the budget."),
     N_("When a 数量指标 counts in a unit (「≥395人」) and a 成本指标 prices that unit (「≤500元/人」), "
        "their product is what the project spends; more than 10 % away from 预算数 means a wrong "
        "quantity, unit cost or budget. Compared only when exactly one such pair exists and the project "
        "runs one year. Source: reviewer practice (the budget is quantity × standard). Known "
        "exceptions: a project with other spending besides the priced unit."),
     N_("「≥395人」 and 「≤500元/人」 against 预算数 237.00万元 (395 × 500 元 = 19.75万元)."),
     N_("Check the quantity, the unit cost and the budget against each other."),
     .strict = false},
    [RULE_IMPLIED_UNIT_COST] = {"PB209", "implied-unit-cost", PB_SEV_INFO,
     N_("No unit cost is given: the budget ÷ the quantity is shown."),
     N_("Where no 成本指标 prices a unit (no 「元/人」, 「元/平方米」 …) and exactly one 数量指标 counts "
        "the output in a unit (「395人」, 「≥3200平方米」), 预算数 ÷ that quantity is the unit cost the "
        "table implies, computed exactly and rounded to 0.01. A reviewer weighs it against the "
        "expenditure standard: 6000元 per 楼门长 a year may be right, 40万元 per 工作开展次数 says "
        "that the quantity does not count what the money buys. It also says that the cost "
        "indicator is not broken down (成本指标未细化), so it takes the row over from PB204. Info: "
        "advice. Not computed for multi-year projects, with several 数量指标, or where the template asks "
        "for the total (项目总成本). Source: the budget "
        "systems' rule that cost targets follow the expenditure standard (S1); dividing the budget "
        "by the quantity is reviewers' practice."),
     N_("预算数 237.00万元 with 数量指标 「395人」 and the 成本指标 「≤237万元」: 6000元 per 人."),
     N_("Write the 成本指标 as a unit cost (「≤6000元/人」) if that is the standard; otherwise count in "
        "the 数量指标 what the money buys."),
     .strict = false},

    /* ---- PB3: indicator values and wording */
    [RULE_INDICATOR_VALUE_MISSING] = {"PB301", "indicator-value-missing", PB_SEV_ERROR,
     N_("An indicator has no target value."),
     N_("Every 三级指标 needs a 指标值: the target the project will be evaluated against. Source: a "
        "required column in the budget systems (S4)."),
     N_("质量指标/覆盖率 with an empty 指标值."),
     N_("Fill in the target."),
     .strict = false},
    [RULE_INDICATOR_VALUE_UNPARSED] = {"PB302", "indicator-value-unparsed", PB_SEV_WARNING,
     N_("An indicator value could not be read."),
     N_("A 指标值 is either a comparison with a number and a unit (≥95%, ≤242.59万元, 6次) or a short "
        "qualitative phrase (较好, 有所提升). This value mixes numbers and text in a way that cannot be "
        "read, so it cannot be evaluated either."),
     N_("「95%-100%」 or 「约3到5次」."),
     N_("Rewrite it as operator, number and unit (≥95%), or as a short qualitative phrase."),
     .strict = false},
    [RULE_INDICATOR_PERCENT_RANGE] = {"PB303", "indicator-percent-range", PB_SEV_ERROR,
     N_("A percentage target is above 100 % or below 0 %."),
     N_("A share of a whole cannot exceed 100 % or fall below 0 %. Only names that are shares are "
        "checked, by a list of words (合格率, 覆盖率, 满意度, 占比, 知晓率, 达标率, 及时率, 到位率 …, see "
        "src/check/lexicon.c): occupancy, growth and completion rates may legitimately pass 100 % "
        "and are not reported. Error: the value contradicts itself. Source: arithmetic (reviewers' "
        "practice)."),
     N_("质量指标/合格率 「≥120%」."),
     N_("Correct the value."),
     .strict = false},
    [RULE_INDICATOR_DIRECTION] = {"PB304", "indicator-direction", PB_SEV_WARNING,
     N_("The comparison contradicts the kind of indicator."),
     N_("Cost indicators are ceilings (≤), quality and satisfaction indicators floors (≥), a "
        "completion time a deadline (≤). The direction is decided from the name's meaning as well as "
        "the 二级: rates of harmful events (差错, 事故, 投诉, 故障, 超支 … unless the name counts what was done "
        "about them, 投诉处理率) are reverse indicators (反向指标, ≤) even under 质量指标, and savings and growth "
        "(节约, 增长 …) are positive (≥) even under 成本指标; the word lists are in src/check/lexicon.c. A "
        "satisfaction target with ≤ is an error (it contradicts itself); the other cases are "
        "warnings. 「≥1年」 under 时效 is PB309's. Source: the positive/reverse indicator classes of the "
        "budget systems (S2); the word lists are reviewers' practice."),
     N_("服务对象满意度 「≤95%」 (an error); 质量指标/差错率 「≥1%」."),
     N_("Turn the comparison around: ≤ for costs, deadlines and 反向指标, ≥ for quality, satisfaction, "
        "savings and growth."),
     .strict = false},
    [RULE_INDICATOR_NO_OPERATOR] = {"PB305", "indicator-no-operator", PB_SEV_INFO,
     N_("A quantitative target has no comparison (≥, ≤, =)."),
     N_("「395人」 may mean exactly 395, at least 395 or at most 395. The budget systems read a value "
        "without a comparison as 「＝」, which is legal but rarely what was meant, and an evaluation "
        "later has to guess. Source: the positive/reverse indicator classes of the budget systems (S2); "
        "flagging the missing comparison is a reviewer heuristic."),
     N_("数量指标/发放人数 「395人」 (the reference document's table 4)."),
     N_("Write the comparison the target means: 「≥395人」, 「≤30天」 or 「＝100%」."),
     true},
    [RULE_INDICATOR_SATISFACTION_FLOOR] = {"PB306", "indicator-satisfaction-floor", PB_SEV_WARNING,
     N_("A satisfaction target is below the floor, or is not a percentage."),
     N_("Satisfaction (满意度) is measured as the share of people satisfied in a survey, so its target "
        "is a percentage, and offices expect a floor: 80 % by default (`satisfaction-floor` in the "
        "configuration). A lower target, or a target such as 「较好」, cannot be evaluated against a "
        "survey. Source: reviewer heuristic; no written floor was found (80-90 % is common practice)."),
     N_("服务对象满意度指标/服务群众满意度 「≥70%」, or 「满意」."),
     N_("Give the target as a percentage at or above the floor, e.g. 「≥90%」."),
     .strict = false},
    [RULE_INDICATOR_PERCENT_NOT_RATE] = {"PB307", "indicator-percent-not-rate", PB_SEV_WARNING,
     N_("A percentage target on an indicator that is not a rate."),
     N_("A percentage needs a base: 95 % of what? Names such as 覆盖率, 合格率, 满意度, 知晓度 or 占比 say what is "
        "counted; 维护社会稳定 or 提供优质服务 do not, so 「≥95%」 on them cannot be measured. Names with 率, 比例, "
        "占比, 比重, 百分比, 满意, 覆盖, 合格, 达标, 增长, 下降, 进度, …度 (知晓度, 认可度) or …性 (准确性, 及时性) count as rates "
        "(src/check/lexicon.c). A boilerplate name (PB311), a 三级 that repeats its 二级 (PB316) or a "
        "percentage under 数量指标 (PB319) is reported by that rule instead. Warning. Source: reviewers' "
        "practice; real tables show the same defect (S10)."),
     N_("可持续影响指标/维护社会稳定 「≥95%」 (the reference document)."),
     N_("Name what the percentage counts (e.g. 矛盾纠纷化解率 ≥95%), or give a number with its unit, or "
        "a qualitative target."),
     .strict = false},
    [RULE_INDICATOR_UNIT_MISMATCH] = {"PB308", "indicator-unit-mismatch", PB_SEV_WARNING,
     N_("The unit of a target does not suit the indicator's name."),
     N_("The name says what is counted and the unit must match it: 人数 in 人, 次数 in 次 (or 场, 期, 批), "
        "金额/成本/费用/经费/资金 in 元 or 万元, 时间/时限/周期 in 天, 月, 年 or 个工作日, rates in % (the systems' unit word "
        "百分比 is %). A mismatch usually means a value was pasted into the wrong row. A percentage on "
        "a name that is not a rate is PB307. Warning. Source: reviewers' practice; real tables show "
        "「28.8万元」 under the unit 「%」 (S10)."),
     N_("数量指标/发放人数 「≥395次」."),
     N_("Correct the unit, or the name, so that both say the same thing."),
     .strict = false},
    [RULE_INDICATOR_TIMELINESS_VAGUE] = {"PB309", "indicator-timeliness-vague", PB_SEV_WARNING,
     N_("A timeliness target of the whole year (or more) on a one-year budget."),
     N_("A one-year table's 时效 target of 「1年」, 「≤1年」, 「≥1年」 or 「全年」 holds for every project and measures "
        "nothing: 「≤1年」 only says the work ends within the budget year, 「1年」 is the year itself, and "
        "「≥1年」 sets no deadline at all. Reviewers expect a date (2025年10月31日前), a duration shorter "
        "than the year (≤30天 from application to payment, ≤6个月, which are not reported) or a rate "
        "(按时完成率 100%). The year in words (「全年」, 「年内」, 「本年度」) is the same as 「1年」. "
        "Not reported in the 中期 block, nor when 起止时间 or 项目期 spans several years "
        "(2023-2025, 「3年」, 「三年」). Takes its cell over from PB304 and PB305. Warning. Source: "
        "reviewers' practice."),
     N_("时效指标/项目完成时间 「≤1年」 (the reference document's table 2)."),
     N_("Give a deadline, a shorter duration, or a timeliness rate such as 补助按月发放及时率 ≥95%."),
     .strict = false},
    [RULE_INDICATOR_DESCRIPTION_REPEATS_NAME] = {"PB310", "indicator-description-repeats-name", PB_SEV_INFO,
     N_("绩效指标描述 repeats the 三级 indicator's name."),
     N_("The description (绩效指标描述, 指标解释) defines the indicator: how a quantitative one is counted or "
        "calculated, what a qualitative one assesses and how. A copy of the name, or of a part of "
        "it, explains nothing. Reported once per table, listing the rows. Info, in the strict "
        "preset: many filings leave the description short, and a reviewer seldom returns a table for "
        "it alone. Source: the definition of 指标解释 in the budget systems (S1); flagging copies is "
        "reviewers' practice."),
     N_("三级指标 「工作开展次数」 described as 「工作开展次数」, or 「项目覆盖率」 as 「覆盖率」 (the "
        "reference document)."),
     N_("Say how the value is counted or calculated, e.g. 「当年按月足额发放补助的楼门长人数」."),
     true},
    [RULE_INDICATOR_VAGUE_NAME] = {"PB311", "indicator-vague-name", PB_SEV_WARNING,
     N_("The indicator's name is boilerplate that fits any project."),
     N_("Some names are copied from form to form because they fit any project: 提供优质服务, 维护社会稳定, 生态影响, "
        "工作开展次数. They name nothing that can be counted or assessed (指标名称笼统、不可衡量), so the target "
        "cannot be evaluated. Reported once per table, listing the names; the row is not reported "
        "again by PB307 or PB308. The list is `vague-names` in the configuration; a name matches "
        "only as a whole, after white space and width are normalised. 公共服务水平提升情况 is not in it: a "
        "published common-indicator library recommends it as a 社会效益 indicator. Warning. Source: "
        "reviewers' practice; no official deny-list was found."),
     N_("社会效益指标/提供优质服务 「≥90%」 (the reference document's table 2)."),
     N_("Name what changes for whom and how it is measured, e.g. 楼门长补助按时发放率 or "
        "社区办公场所正常使用天数."),
     .strict = false},
    [RULE_INDICATOR_COPIED_ACROSS_PROJECTS] = {"PB312", "indicator-copied-across-projects", PB_SEV_INFO,
     N_("The same indicator and target appear in every project of the document."),
     N_("When every project table carries the same (二级, 三级, 指标值) row, the row was most likely copied "
        "rather than set for each project; the 效益 rows are the usual case. Reported once, at the "
        "first project's row, in documents of two or more projects. Info: advice. Source: reviewers' "
        "practice."),
     N_("生态效益指标/生态影响 「≥95%」 in all three tables of the reference document."),
     N_("Set each project's targets from what that project does, and leave out rows that do not "
        "apply where the form allows it."),
     .strict = false},
    [RULE_INDICATOR_BASIS_MISSING] = {"PB313", "indicator-basis-missing", PB_SEV_WARNING,
     N_("指标值确定依据 is empty or names no recognised basis."),
     N_("Each target needs its basis (指标值确定依据): a plan standard (计划标准), an industry standard "
        "(行业标准), history (历史标准), the budget expenditure standard (预算支出标准), a named "
        "document, or for a measured target the survey it comes from (调查, 问卷, 测评: "
        "「按服务对象满意度评价」 on a 满意度 row names its survey). An empty cell, or a text containing none of the accepted terms (`basis-vocabulary` "
        "in the configuration; an empty list accepts any text), leaves the reviewer unable to judge "
        "the target. Source: the column is in every budget system layout (S4) and the standard "
        "classes follow S1 and S7; the vocabulary check is a reviewer heuristic."),
     N_("An empty 指标值确定依据, or 「领导要求」."),
     N_("Name the standard or the document the target comes from, e.g. 「计划标准：2025年楼门长名册」."),
     .strict = false},
    [RULE_INDICATOR_BASIS_UNIFORM] = {"PB314", "indicator-basis-uniform", PB_SEV_INFO,
     N_("Every row of a table gives the same 指标值确定依据."),
     N_("One phrase on every row shows that the basis was filled in once for the table rather than "
        "found for each target: a satisfaction rate and a cost ceiling rarely come from the same "
        "source. Source: reviewer heuristic."),
     N_("「上级文件精神」 on all nine rows of the reference document's table 4."),
     N_("Give each target its own basis: the document, standard or history it comes from."),
     true},
    [RULE_INDICATOR_NAME_TWICE] = {"PB315", "indicator-name-twice", PB_SEV_ERROR,
     N_("The same 三级 indicator is in the table twice with different targets."),
     N_("One indicator, one target: with two rows of the same name and different 指标值, an evaluation "
        "cannot tell which holds. The year's block and the 中期 block are compared separately. Source: "
        "arithmetic of the form (a value that contradicts itself)."),
     N_("质量指标/验收合格率 「≥95%」 and, further down, 验收合格率 「=100%」."),
     N_("Keep one row, or name each row for what it measures."),
     .strict = false},
    [RULE_INDICATOR_NAME_IS_CATEGORY] = {"PB316", "indicator-name-is-category", PB_SEV_WARNING,
     N_("A 三级 indicator only repeats its 二级."),
     N_("「数量指标/数量」 or 「质量指标/质量指标」 names no measure: the 三级 says what is counted or assessed. "
        "Several such rows in a table are one finding listing them (a template whose name column was "
        "left at its categories). Source: reviewer practice (指标名称笼统、不可衡量)."),
     N_("质量指标/质量."),
     N_("Name what is measured, e.g. 补助发放人数 under 数量指标."),
     .strict = false},
    [RULE_INDICATOR_SATISFACTION_FULL] = {"PB317", "indicator-satisfaction-full", PB_SEV_INFO,
     N_("A satisfaction target of 100 %."),
     N_("「100%」 or 「≥100%」 satisfied asks every respondent to be satisfied, which no survey shows; "
        "the target will be missed or the survey not believed. Source: reviewer practice. Known "
        "exceptions: none known; it is advice."),
     N_("服务对象满意度 「≥100%」."),
     N_("Set a floor the project can reach, e.g. 「≥95%」."),
     .strict = false},
    [RULE_INDICATOR_TIMELINESS_NO_DATE] = {"PB318", "indicator-timeliness-no-date", PB_SEV_WARNING,
     N_("A timeliness target names no date, time limit or rate."),
     N_("A 时效指标 says by when: a date (「2025年12月31日前」), a time limit (「≤5个工作日」) or a rate "
        "(及时率 「≥95%」). 「按时完成」 or 「及时」 cannot be checked afterwards. Source: reviewer practice "
        "(指标不可衡量)."),
     N_("时效指标/项目完成时间 「按时完成」."),
     N_("Write a date, a time limit or a rate."),
     .strict = false},
    [RULE_INDICATOR_QUANTITY_NOT_COUNT] = {"PB319", "indicator-quantity-not-count", PB_SEV_WARNING,
     N_("A 数量指标 is a percentage or qualitative."),
     N_("A 数量指标 counts what the project delivers: people, events, square metres. A percentage (a "
        "rate) or a phrase belongs under 质量指标 or 效益指标; under 数量 it hides how much is delivered. "
        "Source: the indicator framework of 财预〔2021〕101号 (数量指标 = the quantity of output); "
        "reviewer practice. Known exceptions: a completion share where the quantity is given elsewhere."),
     N_("数量指标/改造覆盖率 「100%」."),
     N_("Give the quantity with its unit, and put a rate under 质量指标."),
     .strict = false},
    [RULE_INDICATOR_UNIT_MISSING] = {"PB320", "indicator-unit-missing", PB_SEV_WARNING,
     N_("A quantitative target has no unit."),
     N_("「88」 is 88 of what: people, events, 万元? With no unit in the cell and no unit column, the "
        "target cannot be evaluated. Names with 指数 (an index) are not reported. Source: reviewer "
        "practice."),
     N_("数量指标/召开会议 「2」."),
     N_("Write the unit after the number: 「≥2次」."),
     .strict = false},
    [RULE_INDICATOR_COST_NOT_MONEY] = {"PB321", "indicator-cost-not-money", PB_SEV_WARNING,
     N_("A 成本指标 is not an amount of money."),
     N_("A cost indicator gives a cost: 元 or 万元, per unit where it can (元/人, 元/平方米). A count, a "
        "duration or a bare percentage under 成本 says nothing about cost (成本指标未细化). Savings and "
        "cost-control rates (采购节约率, 成本控制率) are legitimate and not reported, nor are 社会成本 and "
        "生态环境成本 rows. Source: 财预〔2021〕101号 (成本指标 = 经济成本, 社会成本, 生态环境成本); "
        "reviewer practice."),
     N_("成本指标/培训费 「320人/天」."),
     N_("Give the cost in 元 or 万元, e.g. 「≤320元/人·天」."),
     .strict = false},
    [RULE_INDICATOR_EFFECT_WORDING] = {"PB322", "indicator-effect-wording", PB_SEV_INFO,
     N_("An 经济效益 or 生态效益 indicator names no such effect."),
     N_("Under 经济效益 an indicator names an economic effect (增收, 产值, 节约资金, 就业 …), under "
        "生态效益 an environmental one (绿化, 排放, 污染, 节能 …). Wording with nothing of the kind is "
        "usually a 社会效益 indicator in the wrong place; where it names a social effect (公共服务, "
        "群众, 稳定 …) the finding says so: 公共服务水平提升情况, which the reference document puts "
        "under 经济效益, is a 社会效益 indicator in published common-indicator libraries. Info: "
        "advice. Matched by a list of words, so opinionated: in the strict preset. Source: the "
        "indicator framework of 财预〔2021〕101号; the word lists are a heuristic."),
     N_("经济效益指标/公共服务水平提升情况 (the reference document)."),
     N_("Move the row under the 效益 it describes, or name the effect."),
     true},
    [RULE_TEMPLATE_PLACEHOLDER] = {"PB323", "template-placeholder", PB_SEV_WARNING,
     N_("A template placeholder was left in a name or value."),
     N_("Templates mark what the office fills in with placeholders: 「(≥**%)」 after a satisfaction "
        "indicator, 「**万元」 for a cost, 「XX」 or 「××」 for a name or a number. One left in the "
        "submitted table means the cell was not finished: the reviewer cannot tell whether the figure "
        "beside it is the target or the template's example. The finding is given once per project, "
        "naming the first placeholder and how many cells hold one; the other rules read those cells "
        "without it, so an unfinished template gives one finding, not one per rule. Exceptions: a single "
        "「*」 (the template's mark of a required field), 「×」 between numbers (a product) and X inside "
        "a Latin word are not placeholders. Source: reviewers' practice (an unfilled template is returned)."),
     N_("指标1:小区居民满意度(≥**%) with 指标值 ≥90% (ah_jinzhai_2021)."),
     N_("Write the real figure in place of the placeholder, or delete it where the 指标值 column already "
        "gives it."),
     .strict = false},
    [RULE_INDICATOR_EFFECT_UNMEASURABLE] = {"PB324", "indicator-effect-unmeasurable", PB_SEV_WARNING,
     N_("A 效益 target is only a word of degree (显著改善, 稳步提高) or a yes (是)."),
     N_("An effect indicator's target says what state is reached and how it is seen: a figure with its "
        "unit (受益人数, 增收金额, 优良天数比例) or, where the effect cannot be counted, a state an evaluator "
        "can observe. 「显著改善」, 「稳步提高」, 「持续保障」, 「长远」 or 「是」 alone cannot be evaluated: "
        "any outcome fits them (指标值不可衡量). Matched on the whole value only — an adverb of degree "
        "(显著, 明显, 稳步, 持续 …) and a verb of change (改善, 提高, 保障 …), or a bare yes (是, 有, 实现); "
        "a qualitative target that names what changes (「群众出行条件明显改善」) and graded values "
        "(好 / 较好, 优 / 良) are not reported. One finding per project, listing the rows. Warning. Source: "
        "财预〔2021〕101号 asks that indicators be 细化、量化 and, where only a qualitative target is "
        "possible, 可衡量; the truth files of ah_jinzhai_2021, zj_linhai_2024 and HB_qingshan_2020_bobo "
        "list such values as defects."),
     N_("社会效益指标/指标1:小区环境 「显著改善」, or 社会效益指标 「是」 (zj_linhai_2024)."),
     N_("Give a figure with its unit (小区环境卫生达标率 ≥95%, 受益住户 ≥1200户), or name the state to be "
        "reached in words an evaluator can check."),
     .strict = false},
    [RULE_ANNUAL_REPEATS_MEDIUM_TERM] = {"PB325", "annual-repeats-medium-term", PB_SEV_INFO,
     N_("The year's targets repeat the 中期 (实施期) targets word for word."),
     N_("Where a table asks for 中期 (实施期, 长期) and 年度 targets, the year's are the part of the whole "
        "period this budget pays for (财预〔2015〕88号: 年度目标 drawn from 中期目标). A year's indicator "
        "block equal row for row (二级, 三级 and 指标值, three rows or more) to the 中期 block, or a 年度 "
        "绩效目标 equal to the 中期 one, shows the year was not set apart. A project that lasts only this "
        "year may say the same twice, so the finding is info, and a warning when 项目期 / 起止时间 spans "
        "several years. One finding per project. Source: reviewers' practice; the truth files of "
        "HN_ningxiang_batang_2021 and HN_xiangtan_2023_wupaoche list it."),
     N_("长期 and 年度 blocks with the same nine rows (HN_ningxiang_batang_2021), or 本年度绩效目标 equal to "
        "实施期绩效目标 (HN_xiangtan_2023_wupaoche)."),
     N_("Give this year's part: what it delivers and by when. For a project of this year alone, write the "
        "year's targets and leave the 中期 part as the template asks (or say 同年度目标)."),
     .strict = false},
    [RULE_INDICATOR_GRADES_OVERLAP] = {"PB326", "indicator-grades-overlap", PB_SEV_WARNING,
     N_("Two neighbouring grades of 评价标准 (优 / 良 / 中 / 差) are the same figure."),
     N_("A graded standard (评价标准 优 | 良 | 中 | 差, the 转移支付 tables) scores a result by the grade whose "
        "threshold it reaches. When two neighbouring grades give the same figure (中 85%, 差 85%), a result "
        "between them falls in both and the evaluation cannot decide (分档重叠，无法区分). Only grades "
        "written as bare figures in the same unit are compared: a grade written with its comparison "
        "(「<85%」, 「85%以下」) is a bound of its own. One finding per table, listing the rows. Warning: the "
        "office may have meant 差 as 「below 中」, but the table does not say so. Source: arithmetic of "
        "the form; he_handan_2019's truth file lists it."),
     N_("评价标准 优 100% | 良 90% | 中 85% | 差 85% (he_handan_2019)."),
     N_("Give each grade its own threshold (优 100%, 良 90%, 中 85%, 差 70%), or write the lowest grade as a "
        "bound (「<85%」)."),
     .strict = false},

    [RULE_SPREADSHEET_ERROR] = {"PB327", "spreadsheet-error", PB_SEV_ERROR,
     N_("A cell shows a spreadsheet's error value (#NAME?, #REF!, #DIV/0! …) instead of a figure."),
     N_("Excel, WPS and LibreOffice show 「#NAME?」, 「#REF!」, 「#DIV/0!」, 「#VALUE!」, 「#N/A」, 「#NUM!」 or "
        "「#NULL!」 where a formula cannot be computed, and a table pasted from a sheet into Word keeps them "
        "as text. The submitted table then shows no target at all. The commonest cause in these tables is "
        "a 指标值 typed with a leading 「=」 (「=300天」, 「=100%」, as the 计算符号 of a target), which the "
        "sheet takes for a formula; others are a reference to a deleted row (#REF!) or a rate divided by an "
        "empty cell (#DIV/0!). Reported for 指标值, the amounts and the spending schedule, in place of the "
        "rules that would read the cell (PB105, PB203 and those of the 指标值). Error: certain from the "
        "table. Source: the error values of the spreadsheet programs."),
     N_("数量指标/免费开放天数 「#NAME?」, where 「=300天」 was typed in a worksheet."),
     N_("Type the value itself: 「≥300天」, or 「=300天」 entered as text (a leading apostrophe in Excel); "
        "for #REF! and #DIV/0!, mend the formula or write its result."),
     .strict = false},

    /* ---- PB4: structure of the table */
    [RULE_NO_TARGET_TABLE] = {"PB401", "no-target-table", PB_SEV_ERROR,
     N_("The document has no project target table."),
     N_("pbcheck found no table with the labels of a 项目支出绩效目标表 (项目编码, 项目名称, 预算数, "
        "一级指标/二级指标/指标值 …). Either the wrong file was submitted or its tables use a layout "
        "pbcheck does not know. A CI job must not pass a file that was not checked."),
     N_("A document whose tables have none of the labels 项目编码, 项目名称 or 一级指标."),
     N_("Check that the right file was submitted; `pbcheck tables FILE` shows what was read."),
     .strict = false},
    [RULE_TABLE_INCOMPLETE] = {"PB402", "table-incomplete", PB_SEV_ERROR,
     N_("A project table lacks a required part."),
     N_("A project target table has 项目编码, 项目名称, 预算数, 资金支出计划, 绩效目标 and an indicator "
        "part (一级/二级/三级指标 with 指标值). Without one of them the table cannot be reviewed or "
        "evaluated, and the other rules have nothing to check. Source: the layouts of the forms (S9, "
        "S10, S13); that a reviewer rejects such a table is a reviewer heuristic."),
     N_("An empty cell beside 项目编码; a table without 绩效目标; a project with no indicator table."),
     N_("Fill in the missing part."),
     .strict = false},
    [RULE_INDICATOR_CATEGORY_MISSING] = {"PB403", "indicator-category-missing", PB_SEV_ERROR,
     N_("A 一级 category or a required 二级 indicator is missing."),
     N_("The framework has three 一级 categories: 产出指标 (with 数量, 质量, 时效 and 成本指标), 效益指标 (at least one "
        "of 经济效益, 社会效益, 生态效益 and 可持续影响指标) and 满意度指标. Two layouts are valid: 成本指标 as a 二级 under 产出指标 "
        "(local forms, the reference document), or as a 一级 of its own with 经济成本/社会成本/生态环境成本指标 under "
        "it (the 2021 central template); 满意度 as a 二级 under 效益指标 (the Ministry's 2015 template) "
        "counts too. Error: the form requires them. Known exceptions: a project that serves no one "
        "directly may leave 满意度 out (say so, or set the rule's severity); a truncated copy of a "
        "table. Source: the frameworks of the forms and budget systems (S1, S9, S13, S14)."),
     N_("An indicator table without 满意度指标; 产出指标 without 质量指标."),
     N_("Add the missing category or 二级 indicator with at least one 三级 indicator and its target."),
     .strict = false},
    [RULE_INDICATOR_LEVEL_MISMATCH] = {"PB404", "indicator-level-mismatch", PB_SEV_ERROR,
     N_("A 二级 indicator sits under the wrong 一级 category."),
     N_("数量, 质量, 时效 and 成本指标 belong to 产出指标; 经济效益, 社会效益, 生态效益 and 可持续影响指标 to 效益指标; 服务对象满意度指标 and "
        "社会公众或服务对象满意度指标 to 满意度指标, or to 效益指标 as in the Ministry's 2015 template; 经济成本, 社会成本 and "
        "生态环境成本指标 to 成本指标 (2021 layout). The synonyms 环境效益 = 生态效益 and 进度 = 时效 are accepted. A 二级 in "
        "the wrong place is usually a row pasted into the wrong block. Error. Source: the fixed "
        "一级→二级 menus of the forms (S1, S9, S13, S14)."),
     N_("质量指标 under 效益指标."),
     N_("Move the row under its 一级 category, or correct the 二级 name."),
     .strict = false},
    [RULE_INDICATOR_LEVEL_EMPTY] = {"PB405", "indicator-level-empty", PB_SEV_ERROR,
     N_("A 二级 indicator has no 三级 indicator with a target."),
     N_("A 二级 row (数量指标, 社会效益指标, …) is a heading: what is measured are the 三级 indicators "
        "beneath it, each with its 指标值. A 二级 without any 三级 indicator that has a value sets no "
        "target. Source: reviewer heuristic."),
     N_("生态效益指标 with empty 三级指标 and 指标值 cells."),
     N_("Add a 三级 indicator with its target, or remove the 二级 row where the form allows it."),
     .strict = false},
    [RULE_INDICATOR_COUNT_LOW] = {"PB406", "indicator-count-low", PB_SEV_WARNING,
     N_("A table has fewer 三级 indicators than the minimum."),
     N_("Fewer than three 三级 indicators (the default; `min-indicators` in the configuration) cannot "
        "cover a project's output, effect and satisfaction. Source: a self-evaluation guide says the "
        "total may not be below 3 (S12, context unclear); otherwise a reviewer heuristic."),
     N_("An indicator table with only 发放人数 「≥395人」 and 服务群众满意度 「≥90%」."),
     N_("Add indicators for the aspects of the project that are not yet measured."),
     .strict = false},
    [RULE_INDICATOR_WEIGHTS_SUM] = {"PB407", "indicator-weights-sum", PB_SEV_ERROR,
     N_("The 权重 of the indicators do not add up to 100."),
     N_("Where the table gives weights (权重), they share out 100 points of the evaluation; a sum other "
        "than 100 is an arithmetic error. A merged weight cell counts once, and the 中期 block is summed "
        "on its own. Not checked when a weight is not a number. Source: arithmetic of the form."),
     N_("权重 30, 30, 20, 10 (sum 90)."),
     N_("Correct the weights so that they total 100."),
     .strict = false},

    /* ---- PB5: identity and cross-reference */
    [RULE_PROJECT_CODE_FORMAT] = {"PB501", "project-code-format", PB_SEV_ERROR,
     N_("项目编码 differs from the document's other codes or from the configured form."),
     N_("Budget systems number projects differently, so no fixed form is assumed by default. The "
        "document's codes are compared with each other: a code whose length differs from the common "
        "one (a character lost or added in copying), or with a letter O, o, I or l where the others "
        "have digits (or 0, 1 where they have letters) is an error that names the positions; a "
        "region (digits 1-6) or year (digits 7-8) that differs from the most common one is a "
        "warning. Compared only when more than half of the codes, at least two, share a length. An "
        "office can set its system's form as `project-code-pattern` (a POSIX extended regular "
        "expression, e.g. ^[0-9]{6}[0-9]{2}[A-Z][0-9]{11}[0-9A-Z]$ for the Hebei codes of the "
        "reference document); a code that does not match is then an error. Source: reviewers' "
        "practice (copy slips); the Hebei form was inferred from three codes, not from a published "
        "rule."),
     N_("「13020925P0O147O100099」 among codes of digits (the letter O at positions 11, 15); "
        "「13020925P00147010」 among codes of 21 characters."),
     N_("Copy the code from the budget system."),
     .strict = false},
    [RULE_PROJECT_CODE_DUPLICATE] = {"PB502", "project-code-duplicate", PB_SEV_ERROR,
     N_("Two project tables have the same 项目编码."),
     N_("A 项目编码 identifies one project in the budget system. Two tables with one code are a copied "
        "table whose code was not changed, or one project entered twice. Source: reviewer heuristic."),
     N_("Tables 1 and 3 both with 项目编码 「13020925P001470100024」."),
     N_("Give each table its own project's code, or remove the second copy."),
     .strict = false},
    [RULE_PROJECT_NAME_DUPLICATE] = {"PB503", "project-name-duplicate", PB_SEV_ERROR,
     N_("Two project tables have the same 项目名称."),
     N_("Each project of a department budget has its own name. Two tables with one name are a copied "
        "table whose name was not changed, or one project entered twice. Compared after white space "
        "and width are normalised. Source: reviewer heuristic."),
     N_("Tables 2 and 3 both named 「楼门长补助专项经费」."),
     N_("Give each table its own project's name, or remove the second copy."),
     .strict = false},
    [RULE_PROJECT_TITLE_MISMATCH] = {"PB504", "project-title-mismatch", PB_SEV_WARNING,
     N_("The heading of a table names another project than its 项目名称."),
     N_("The heading above each table (「1.房屋租赁和物业管理专项经费绩效目标表」) repeats the project's "
        "name. When it names another project, the heading or the table was copied and not updated. "
        "Compared after white space and width are normalised, without the leading number and the "
        "closing (项目)(支出)绩效目标表, and without what files or dates the table before the name "
        "(附件1：, 附表2, 表1, 2021年度); a heading that names no project (附件2：项目支出绩效目标表) is not "
        "compared. Source: reviewer heuristic."),
     N_("The heading 「3.街道专项工作经费绩效目标表」 above 项目名称 「中山路街道专项经费」."),
     N_("Make the heading and 项目名称 the same."),
     .strict = false},
    [RULE_SUMMARY_PROJECT_MISMATCH] = {"PB505", "summary-project-mismatch", PB_SEV_WARNING,
     N_("The projects of part 1 (分项绩效目标) and the tables of part 2 do not correspond."),
     N_("Part 1 of the filing lists each project's goals (「（一）街道专项工作经费」), part 2 has each project's "
        "table. Each entry needs a table with the same 项目名称 and each table an entry, since the name "
        "must be the one in the department budget. When as many entries as tables are unmatched, "
        "they are the same projects named two ways and each mismatch is reported once, on the table, "
        "with both names. Compared after white space and width are normalised; documents without a "
        "part 1 list are not checked. Warning. Source: the forms' filling instructions, which "
        "require the name of the department budget (S8, S13)."),
     N_("Part 1 lists 「街道专项工作经费」 while part 2 has a table for 「中山路街道专项经费」 (the "
        "reference document)."),
     N_("Use the same project name in both parts, and give each project an entry and a table."),
     .strict = false},
    [RULE_SELF_EVALUATION_SKIPPED] = {"PB601", "self-evaluation-skipped", PB_SEV_INFO,
     N_("A self-evaluation table was recognised and not checked."),
     N_("A 绩效自评表 (or 绩效评价表) reports what a project achieved, with columns such as 权重, 分值, "
        "实际完成值 and 得分, instead of setting its targets. pbcheck recognises it by its heading or its "
        "column heads and skips it, so that it is neither checked as a target table nor taken for one. "
        "The finding says where it is, so that a table recognised wrongly can be noticed. Source: the "
        "evaluation tables of the budget systems (S6) [read]; the recognition is a heuristic."),
     N_("A table headed 「2024年度项目支出绩效自评表」 with the columns 年度指标值 | 实际完成值 | 分值 | 得分."),
     N_("Nothing to fix when the table is a self-evaluation. If the filing needs target tables, submit "
        "them; a document with none fails with no-target-table."),
     .strict = false},
};

#define RULE_COUNT PBI_RULE_COUNT

const pb_rule *pbi_rule(pbi_rule_id id) { return &catalogue[id]; }

const pb_rule *pb_rules(size_t *count)
{
    *count = RULE_COUNT;
    return catalogue;
}

const pb_rule *pb_rule_find(const char *key)
{
    for (size_t i = 0; i < RULE_COUNT; i++)
        if (strcasecmp(key, catalogue[i].id) == 0 || strcmp(key, catalogue[i].slug) == 0)
            return &catalogue[i];
    return NULL;
}

int pb_rule_index(const pb_rule *r) { return (int)(r - catalogue); }

const char *pb_severity_name(pb_severity s)
{
    switch (s) {
    case PB_SEV_INFO: return "info";
    case PB_SEV_WARNING: return "warning";
    case PB_SEV_ERROR: return "error";
    default: return "off";
    }
}

bool pb_severity_parse(const char *s, pb_severity *out)
{
    static const pb_severity all[] = {PB_SEV_OFF, PB_SEV_INFO, PB_SEV_WARNING, PB_SEV_ERROR};
    _Static_assert(sizeof all / sizeof *all == PB_SEVERITY_COUNT, "every severity has a name");
    for (size_t i = 0; i < PB_SEVERITY_COUNT; i++)
        if (strcmp(s, pb_severity_name(all[i])) == 0) {
            *out = all[i];
            return true;
        }
    return false;
}

const char *pb_status_code(pb_status s)
{
    static const char *const codes[PB_STATUS_COUNT] = {
        [PB_OK] = "ok",
        [PB_ERR_IO] = "io-error",
        [PB_ERR_EMPTY] = "empty-file",
        [PB_ERR_FILE_TOO_LARGE] = "file-too-large",
        [PB_ERR_NOT_ZIP] = "not-a-zip",
        [PB_ERR_OLE] = "ole-compound",
        [PB_ERR_ZIP_CORRUPT] = "zip-corrupt",
        [PB_ERR_ZIP_TOO_MANY_ENTRIES] = "zip-too-many-entries",
        [PB_ERR_ZIP_DUPLICATE] = "zip-duplicate-entry",
        [PB_ERR_ZIP_ENCRYPTED] = "zip-encrypted-entry",
        [PB_ERR_ZIP_METHOD] = "zip-unsupported-method",
        [PB_ERR_ZIP_RATIO] = "zip-ratio",
        [PB_ERR_PART_TOO_LARGE] = "part-too-large",
        [PB_ERR_NO_MAIN_PART] = "no-main-part",
        [PB_ERR_XML_MALFORMED] = "xml-malformed",
        [PB_ERR_XML_DOCTYPE] = "xml-doctype",
        [PB_ERR_XML_TOO_DEEP] = "xml-too-deep",
        [PB_ERR_XML_ENCODING] = "xml-encoding",
        [PB_ERR_TOO_MANY_TABLES] = "too-many-tables",
        [PB_ERR_TABLE_TOO_LARGE] = "table-too-large",
        [PB_ERR_GRID_TOO_WIDE] = "grid-too-wide",
        [PB_ERR_CELL_TOO_LARGE] = "cell-too-large",
        [PB_ERR_TABLES_TOO_DEEP] = "tables-too-deep",
        [PB_ERR_TIMEOUT] = "timeout",
        [PB_ERR_NOMEM] = "out-of-memory",
        [PB_ERR_INTERNAL] = "internal-error",
        [PB_ERR_XML_TOO_MANY_ATTRIBUTES] = "xml-too-many-attributes",
    };
    return s < PB_STATUS_COUNT && codes[s] ? codes[s] : "internal-error";
}
