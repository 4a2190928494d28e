/* PB1: the spending schedule (资金支出计划), checkpoint by checkpoint. */
#include "check/check.h"
#include <string.h>

static void check_back_loaded(pbi_checker *k, const pb_project *p, const pb_checkpoint *cp)
{
    pb_decimal min;
    if (!pb_config_checkpoint_minimum(k->c, cp->label, &min) || pb_decimal_cmp(cp->percent, min) >= 0)
        return;
    char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE];
    if (k->c->schedule_mode == PB_SCHEDULE_PRACTICE)
        pbi_add(k, RULE_SCHEDULE_BACK_LOADED, p, cp->loc,
            _("资金支出计划 「%s」 is %s%%, below the %s%% usually expected by then (about 40%% by July, 80%% by "
              "November); plan spending earlier, or say in the table why payment comes late"),
            cp->label, pb_decimal_format(cp->percent, a), pb_decimal_format(min, b));
    else if (k->c->schedule_mode == PB_SCHEDULE_STRAIGHT_LINE)
        pbi_add(k, RULE_SCHEDULE_BACK_LOADED, p, cp->loc,
            _("资金支出计划 「%s」 is %s%%, below a straight line through the year (%s%% by then); plan "
              "spending earlier or explain why it comes late"),
            cp->label, pb_decimal_format(cp->percent, a), pb_decimal_format(min, b));
    else
        pbi_add(k, RULE_SCHEDULE_BACK_LOADED, p, cp->loc,
            _("资金支出计划 「%s」 is %s%%, below the minimum of %s%% set for this checkpoint; plan spending "
              "earlier or explain why it comes late"),
            cp->label, pb_decimal_format(cp->percent, a), pb_decimal_format(min, b));
}

void pbi_check_schedule(pbi_checker *k, const pb_project *p)
{
    const pb_schedule *s = &p->schedule;
    const pb_checkpoint *prev = NULL;
    char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE];
    for (size_t i = 0; i < s->count; i++) {
        const pb_checkpoint *cp = &s->items[i];
        if (!cp->valid) {
            const char *error = pbi_spreadsheet_error(cp->raw);
            if (error)
                pbi_add(k, RULE_SPREADSHEET_ERROR, p, cp->loc,
                    _("资金支出计划 「%s」: 「%s」 is what a spreadsheet shows for a formula it cannot compute (%s): "
                      "write the percentage itself"),
                    cp->label, cp->raw, error);
            else
                pbi_add(k, RULE_SCHEDULE_VALUE_UNPARSED, p, cp->loc, _("资金支出计划 「%s」: 「%s」 is not a percentage"),
                    cp->label, cp->raw);
            continue;
        }
        if (!cp->present) {
            pbi_add(k, RULE_SCHEDULE_CHECKPOINT_BLANK, p, cp->loc,
                _("资金支出计划 「%s」 is empty; write the planned cumulative percentage (0%% if nothing is spent by then)"),
                cp->label);
            continue;
        }
        if (cp->percent.micro < 0 || cp->percent.micro > 100 * PB_DECIMAL_SCALE)
            pbi_add(k, RULE_SCHEDULE_PERCENT_RANGE, p, cp->loc, _("资金支出计划 「%s」 is %s%%, outside 0-100%%"), cp->label,
                pb_decimal_format(cp->percent, a));
        if (prev && pb_decimal_cmp(cp->percent, prev->percent) < 0)
            pbi_add(k, RULE_SCHEDULE_NOT_CUMULATIVE, p, cp->loc,
                _("资金支出计划 「%s」 is %s%%, below 「%s」 %s%%; the plan is cumulative and cannot go down"),
                cp->label, pb_decimal_format(cp->percent, a), prev->label, pb_decimal_format(prev->percent, b));
        if (i + 1 < s->count)
            check_back_loaded(k, p, cp);
        prev = cp;
    }
    if (s->count > 0) {
        const pb_checkpoint *last = &s->items[s->count - 1];
        if (last->valid && last->present && last->percent.micro != 100 * PB_DECIMAL_SCALE)
            pbi_add(k, RULE_SCHEDULE_FINAL_NOT_100, p, last->loc,
                _("资金支出计划 「%s」, the last checkpoint, is %s%%; by then the whole budget should be spent (100%%)"),
                last->label, pb_decimal_format(last->percent, a));
    }
}
