/* The rule catalogue: one table that the checks, `pbcheck rules` and the
 * documentation are all generated from.  IDs are grouped by area so that a
 * prefix selects a family: PB1 schedule, PB2 money, PB3 indicators. */
#include "internal.h"

#include <string.h>
#include <strings.h>

static const pb_rule catalogue[] = {
    {"PB101", "schedule-checkpoint-blank", PB_SEV_WARNING,
     N_("A checkpoint of the spending schedule is empty."),
     N_("The spending plan (资金支出计划) gives the cumulative share of the budget to be spent by each "
        "checkpoint (3月底, 6月底, …). An empty cell is either 0 % or a gap in the form; a reviewer "
        "cannot tell which. Fill in every checkpoint, writing 0% where nothing is spent yet. "
        "Source: reviewer practice [heuristic].")},
    {"PB102", "schedule-percent-range", PB_SEV_ERROR,
     N_("A schedule checkpoint is outside 0-100 %."),
     N_("Each checkpoint is a cumulative percentage of the budget, so it lies between 0 % and 100 %. "
        "Correct the value. Source: arithmetic of the form [heuristic].")},
    {"PB103", "schedule-not-cumulative", PB_SEV_ERROR,
     N_("A later checkpoint is below an earlier one."),
     N_("The schedule is cumulative: money spent by June is included in the figure for October, so a "
        "later checkpoint can never be lower than an earlier one. Write cumulative percentages. "
        "Source: arithmetic of the form [heuristic].")},
    {"PB104", "schedule-final-not-100", PB_SEV_ERROR,
     N_("The last checkpoint of the schedule is not 100 %."),
     N_("The spending plan covers the budget year, so by the last checkpoint (12月底) the whole budget "
        "is planned to be spent. Set the last checkpoint to 100%. Source: reviewer practice [heuristic].")},
    {"PB105", "schedule-value-unparsed", PB_SEV_WARNING,
     N_("A schedule checkpoint is not a percentage."),
     N_("A checkpoint must hold a percentage such as 50%. The text found could not be read as one. "
        "Write a number with a % sign.")},
    {"PB201", "budget-sum-mismatch", PB_SEV_ERROR,
     N_("财政资金 + 其他资金 differs from 预算数."),
     N_("The budget (预算数) is split into fiscal funds (其中：财政资金) and other funds (其他资金); the "
        "parts must add up to the total exactly. A blank 其他资金 counts as zero. Amounts are compared "
        "as exact decimals. Correct the total or the parts. Source: arithmetic of the form [heuristic].")},
    {"PB202", "cost-exceeds-budget", PB_SEV_ERROR,
     N_("A cost indicator allows more than the project's budget."),
     N_("A 成本指标 ceiling (≤ amount) above the project's whole budget cannot be a real target: the "
        "project cannot spend more than it has. Amounts are converted between 元, 万元 and 亿元 before "
        "comparing. Lower the ceiling to the budget or, better, give a unit cost. Source: vendor budget "
        "system rule that cost targets may not exceed the budget standard (S1) [interpretation].")},
    {"PB203", "budget-amount-unparsed", PB_SEV_ERROR,
     N_("An amount of the budget is not a number."),
     N_("预算数, 财政资金 and 其他资金 must be amounts such as 242.59 in the table's unit. The text found "
        "could not be read as an amount. Write the number only, in the unit given by 单位.")},
    {"PB301", "indicator-value-missing", PB_SEV_ERROR,
     N_("An indicator has no target value."),
     N_("Every 三级指标 needs a 指标值: the target the project will be evaluated against. Fill it in. "
        "Source: required column in the budget systems (S4).")},
    {"PB302", "indicator-value-unparsed", PB_SEV_WARNING,
     N_("An indicator value could not be read."),
     N_("A 指标值 is either a comparison with a number and a unit (≥95%, ≤242.59万元, 6次) or a short "
        "qualitative phrase (较好, 有所提升). This value mixes numbers and text in a way that cannot be "
        "read. Rewrite it as operator, number and unit.")},
    {"PB303", "indicator-percent-range", PB_SEV_ERROR,
     N_("A percentage target is above 100 % or below 0 %."),
     N_("A rate or share cannot exceed 100 % or fall below 0 %. Correct the value. "
        "Source: reviewer practice [heuristic].")},
    {"PB304", "indicator-direction", PB_SEV_WARNING,
     N_("The comparison contradicts the kind of indicator."),
     N_("Cost indicators are ceilings (≤), quality and satisfaction indicators are floors (≥), and a "
        "completion time is a deadline (≤). A cost with ≥, a quality or satisfaction target with ≤, or "
        "a completion time with ≥ says the opposite of what is meant. Turn the comparison around. "
        "Source: positive/reverse indicator classes of the budget systems (S2); the mapping to "
        "categories is reviewer practice [heuristic].")},
    {"PB401", "no-target-table", PB_SEV_ERROR,
     N_("The document has no project target table."),
     N_("pbcheck found no table with the labels of a 项目支出绩效目标表 (项目编码, 项目名称, 预算数, "
        "一级指标/二级指标/指标值 …). Either the wrong file was submitted or its tables use a layout "
        "pbcheck does not know; `pbcheck tables FILE` shows what was read. A CI job must not pass a "
        "file that was not checked.")},
};

#define RULE_COUNT (sizeof catalogue / sizeof *catalogue)
_Static_assert(sizeof catalogue / sizeof *catalogue <= 64, "pb_config holds 64 rules");

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
    for (size_t i = 0; i < 4; i++)
        if (strcmp(s, pb_severity_name(all[i])) == 0) {
            *out = all[i];
            return true;
        }
    return false;
}

void pb_config_default(pb_config *c) { memset(c, 0, sizeof *c); }

pb_severity pb_config_severity(const pb_config *c, const pb_rule *r)
{
    int i = pb_rule_index(r);
    if (c && i >= 0 && i < 64 && c->configured[i])
        return c->severity[i];
    return r->severity;
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
    };
    return s < PB_STATUS_COUNT && codes[s] ? codes[s] : "internal-error";
}
