/* The HTML page's two figures, drawn from the model only: the budget split
 * (the parts, their exact sum and whether it is 预算数) and the spending plan
 * as an inline SVG on a month axis.  Checkpoints stand at their month
 * (3月底 at 3/12 of the axis), so a plan that PB106 calls back-loaded looks
 * back-loaded; the expected line is the one the checks use — the configured
 * minimums, else a straight line through the year — and a checkpoint with
 * a finding is drawn red. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

static void put_esc(FILE *out, const char *s) { pbi_html_put(out, s, false); }

/* ------------------------------------------------------- schedule chart */

enum { CH_W = 360, CH_H = 178, CH_LEFT = 40, CH_TOP = 12, CH_PLOT_H = 120, CH_PLOT_W = 300 };

/* The month a checkpoint label names ("3月底", "6月30日", "10月"), 1-12;
 * 0 when it names none. */
static int month_of(const char *label)
{
    char norm[64];
    if (!label || !pbi_normalize_buf(label, true, norm, sizeof norm))
        return 0;
    const char *yue = strstr(norm, "月");
    if (!yue)
        return 0;
    int m = 0, digits = 0;
    for (const char *p = norm; p < yue; p++) {
        if (*p >= '0' && *p <= '9')
            m = m * 10 + (*p - '0'), digits++;
        else
            m = 0, digits = 0;
    }
    return digits && m >= 1 && m <= 12 ? m : 0;
}

/* The x of month m (0-12) on the axis. */
static long month_x(long m) { return CH_LEFT + m * CH_PLOT_W / 12; }

/* The y coordinate of a percentage, clamped to the plot (0-100 %); integer
 * arithmetic on the exact value, so no rounding surprises. */
static long chart_y(pb_decimal percent)
{
    int64_t m = percent.micro;
    if (m < 0)
        m = 0;
    if (m > 100 * PB_DECIMAL_SCALE)
        m = 100 * PB_DECIMAL_SCALE;
    return CH_TOP + CH_PLOT_H - (long)(m * CH_PLOT_H / (100 * PB_DECIMAL_SCALE));
}

static void chart_axes(FILE *out)
{
    for (int pct = 0; pct <= 100; pct += 25) {
        long y = CH_TOP + CH_PLOT_H - pct * CH_PLOT_H / 100;
        fprintf(out, "<line x1=\"%d\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\" stroke=\"#dde1e5\"/>", CH_LEFT, y,
                CH_LEFT + CH_PLOT_W, y);
        fprintf(out, "<text x=\"%d\" y=\"%ld\" font-size=\"10\" text-anchor=\"end\" fill=\"#5f6b76\">%d%%</text>",
                CH_LEFT - 4, y + 3, pct);
    }
    for (int m = 1; m <= 12; m++)
        fprintf(out, "<line x1=\"%ld\" y1=\"%d\" x2=\"%ld\" y2=\"%d\" stroke=\"#9aa3ad\"/>", month_x(m),
                CH_TOP + CH_PLOT_H, month_x(m), CH_TOP + CH_PLOT_H + 3);
}

/* The minimum the checks hold a checkpoint to (the defaults without a
 * configuration); false when none. */
static bool minimum_of(const pb_config *c, const pb_checkpoint *cp, pb_decimal *min)
{
    pb_config dflt;
    if (!c) {
        pb_config_default(&dflt);
        c = &dflt;
    }
    return cp->label && pb_config_checkpoint_minimum(c, cp->label, min);
}

/* Whether a finding at warning or above points at the checkpoint's cell. */
static bool has_finding(const pb_document *d, const pb_project *p, const pb_checkpoint *cp)
{
    for (size_t k = 0; k < d->finding_count; k++) {
        const pb_finding *f = &d->findings[k];
        if (f->project == p && f->severity >= PB_SEV_WARNING && f->loc.table == cp->loc.table &&
            f->loc.row == cp->loc.row && f->loc.col == cp->loc.col && cp->loc.table >= 0)
            return true;
    }
    return false;
}

static void point_label(FILE *out, const pb_checkpoint *cp, long x, long y, bool bad)
{
    char buf[PB_DECIMAL_BUFSIZE];
    fprintf(out, "<text x=\"%ld\" y=\"%ld\" font-size=\"10\" text-anchor=\"middle\" fill=\"%s\"%s>", x, y,
            bad ? "#b71c1c" : "#1d2329", bad ? " font-weight=\"700\"" : "");
    if (!cp->valid)
        fputs("?", out);
    else if (!cp->present)
        fputs("\xE2\x80\x94", out); /* an em dash: blank */
    else
        fprintf(out, "%s%%", pb_decimal_format(cp->percent, buf));
    fputs("</text>", out);
}

void pbi_html_schedule(FILE *out, const pb_document *d, const pb_project *p, const pb_config *config)
{
    const pb_schedule *s = &p->schedule;
    if (s->count == 0 || s->count > 24)
        return;
    /* Labels without a month are spaced evenly, as before. */
    long x[24];
    bool months = true;
    for (size_t i = 0; i < s->count; i++)
        months = months && month_of(s->items[i].label) > 0;
    for (size_t i = 0; i < s->count; i++)
        x[i] = months ? month_x(month_of(s->items[i].label))
                      : CH_LEFT + (long)(CH_PLOT_W / s->count) * (long)i + (long)(CH_PLOT_W / s->count) / 2;
    fprintf(out, "<figure><svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\"><title>",
            CH_W, CH_H, CH_W, CH_H);
    put_esc(out, _("Spending plan: cumulative percent by checkpoint"));
    fputs("</title>", out);
    chart_axes(out);
    /* the expected line: the minimums of the checkpoints, from 0 at the start of the year */
    fputs("<polyline fill=\"none\" stroke=\"#8a5300\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\" points=\"", out);
    fprintf(out, "%d,%d ", CH_LEFT, CH_TOP + CH_PLOT_H);
    for (size_t i = 0; i < s->count; i++) {
        pb_decimal min;
        if (minimum_of(config, &s->items[i], &min))
            fprintf(out, "%ld,%ld ", x[i], chart_y(min));
    }
    fputs("\"/>", out);
    fputs("<polyline fill=\"none\" stroke=\"#0d47a1\" stroke-width=\"2\" points=\"", out);
    for (size_t i = 0; i < s->count; i++)
        if (s->items[i].present && s->items[i].valid)
            fprintf(out, "%ld,%ld ", x[i], chart_y(s->items[i].percent));
    fputs("\"/>", out);
    for (size_t i = 0; i < s->count; i++) {
        const pb_checkpoint *cp = &s->items[i];
        bool bad = has_finding(d, p, cp), drawn = cp->present && cp->valid;
        long y = drawn ? chart_y(cp->percent) : CH_TOP + CH_PLOT_H;
        if (drawn)
            fprintf(out, "<circle cx=\"%ld\" cy=\"%ld\" r=\"%d\" fill=\"%s\"/>", x[i], y, bad ? 5 : 3,
                    bad ? "#b71c1c" : "#0d47a1");
        else if (bad)
            fprintf(out, "<circle cx=\"%ld\" cy=\"%ld\" r=\"5\" fill=\"none\" stroke=\"#b71c1c\" stroke-width=\"2\"/>",
                    x[i], y);
        point_label(out, cp, x[i], y - 7 < 10 ? 10 : y - 7, bad);
        /* labels alternate in height so that 9月底 and 10月底 do not collide */
        fprintf(out, "<text x=\"%ld\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">", x[i],
                CH_TOP + CH_PLOT_H + 15 + (int)(i % 2) * 12);
        put_esc(out, cp->label);
        fputs("</text>", out);
    }
    fputs("</svg><figcaption class=\"where\">", out);
    put_esc(out, _("Spending plan: cumulative percent by checkpoint"));
    fputs(" \xC2\xB7 <span class=\"key-expected\">", out);
    put_esc(out, _("dashed: the minimums the checks hold the plan to"));
    fputs("</span></figcaption></figure>\n", out);
}

/* ---------------------------------------------------------- budget split */

static void money_cell(FILE *out, const pb_amount *m)
{
    char buf[PB_DECIMAL_BUFSIZE];
    fputs("<td>", out);
    if (m->present && m->valid)
        fputs(pb_decimal_format(m->value, buf), out);
    else if (m->present)
        put_esc(out, m->raw);
    else
        fputs("\xE2\x80\x94", out);
    fputs("</td>", out);
}

static void money_row(FILE *out, const char *label, const pb_amount *m)
{
    fputs("<tr><th>", out);
    put_esc(out, label);
    fputs("</th>", out);
    money_cell(out, m);
    fputs("</tr>\n", out);
}

/* The parts of the budget as the table writes them: the funds of a 申报表,
 * else 其中：财政资金 and 其他资金.  Their exact sum is set in *sum; false
 * when a part is not a number (or the sum overflows). */
static bool budget_parts(FILE *out, const pb_project *p, pb_decimal *sum)
{
    bool ok = true;
    *sum = (pb_decimal){0, 0};
    if (p->fund_count == 0) {
        money_row(out, "其中：财政资金", &p->fiscal);
        money_row(out, "其他资金", &p->other);
        const pb_amount *parts[2] = {&p->fiscal, &p->other};
        for (int i = 0; i < 2; i++)
            if (parts[i]->present)
                ok = ok && parts[i]->valid && pb_decimal_add(*sum, parts[i]->value, sum);
        return ok;
    }
    for (size_t i = 0; i < p->fund_count; i++) {
        const pb_fund *f = &p->funds[i];
        money_row(out, f->label ? f->label : "", &f->amount);
        if (f->amount.present)
            ok = ok && f->amount.valid && pb_decimal_add(*sum, f->amount.value, sum);
    }
    return ok;
}

void pbi_html_budget(FILE *out, const pb_project *p)
{
    const char *unit = pb_money_unit_name(p->unit);
    fputs("<table class=\"money\"><caption class=\"where\">", out);
    put_esc(out, _("Budget split"));
    if (unit) {
        fputs(" (", out);
        put_esc(out, unit);
        fputc(')', out);
    }
    fputs("</caption>\n", out);
    pb_decimal sum;
    bool parts_ok = budget_parts(out, p, &sum);
    char buf[PB_DECIMAL_BUFSIZE];
    fputs("<tr class=\"sum\"><th>", out);
    put_esc(out, _("Sum of the parts"));
    fprintf(out, "</th><td>%s</td></tr>\n", parts_ok ? pb_decimal_format(sum, buf) : "?");
    money_row(out, "预算数", &p->total);
    if (parts_ok && p->total.present && p->total.valid) {
        bool equal = pb_decimal_cmp(sum, p->total.value) == 0;
        fprintf(out, "<tr><th></th><td class=\"%s\">", equal ? "ok" : "bad");
        put_esc(out, equal ? _("the parts add up to 预算数") : _("the parts do not add up to 预算数"));
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
}

