/* Rule selection like ruff's --select/--ignore: the most specific selector
 * wins, and a rule the strict preset holds runs when a selector names it. */
#include "check/check.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define SPECIFIC 1000 /* a whole ID or slug */

/* How specifically `sel` names rule r: -1 when not at all. */
static int specificity(const char *sel, const pb_rule *r)
{
    if (strcasecmp(sel, "ALL") == 0)
        return 0;
    if (strcasecmp(sel, r->id) == 0 || strcmp(sel, r->slug) == 0)
        return SPECIFIC;
    size_t n = strlen(sel);
    if (n >= 2 && n < strlen(r->id) && strncasecmp(sel, r->id, n) == 0)
        return (int)n;
    return -1;
}

typedef struct selection {
    int best[PB_RULES_MAX]; /* the most specific match per rule, -1 for none */
    bool given;
} selection;

static bool apply_selectors(const char *list, selection *s, const char *what, char *err, size_t errlen)
{
    size_t n;
    const pb_rule *rules = pb_rules(&n);
    for (size_t i = 0; i < n; i++)
        s->best[i] = -1;
    s->given = list != NULL;
    if (!list)
        return true;
    const char *p = list;
    bool named = false;
    while (*p) {
        while (*p == ',' || *p == ' ')
            p++;
        size_t len = strcspn(p, ", ");
        if (len == 0)
            break;
        char sel[128];
        if (len >= sizeof sel) {
            snprintf(err, errlen, _("%s: '%.40s…' is not a rule ID, prefix or slug"), what, p);
            return false;
        }
        memcpy(sel, p, len);
        sel[len] = '\0';
        p += len;
        bool matched = false;
        for (size_t i = 0; i < n; i++) {
            int sp = specificity(sel, &rules[i]);
            if (sp >= 0)
                matched = true;
            if (sp > s->best[i])
                s->best[i] = sp;
        }
        if (!matched) {
            snprintf(err, errlen, _("%s: '%s' matches no rule (see `pbcheck rules`)"), what, sel);
            return false;
        }
        named = true;
    }
    if (!named) {
        snprintf(err, errlen, _("%s: no rule is named; give IDs, prefixes or slugs (see `pbcheck rules`)"), what);
        return false;
    }
    return true;
}

bool pb_config_preset(pb_config *c, const char *name, char *err, size_t errlen)
{
    if (strcmp(name, "strict") == 0 || strcmp(name, "default") == 0) {
        c->strict = strcmp(name, "strict") == 0;
        return true;
    }
    snprintf(err, errlen, _("--preset: '%s' is not a preset (default, strict)"), name);
    return false;
}

bool pb_config_select(pb_config *c, const char *select, const char *ignore, char *err, size_t errlen)
{
    selection sel, ign;
    if (!apply_selectors(select, &sel, "--select", err, errlen) ||
        !apply_selectors(ignore, &ign, "--ignore", err, errlen))
        return false;
    size_t n;
    pb_rules(&n);
    for (size_t i = 0; i < n; i++) {
        bool on = sel.given ? sel.best[i] >= 0 && sel.best[i] > ign.best[i] : ign.best[i] < 0;
        c->deselected[i] = !on;
        c->selected[i] = sel.given && on;
    }
    return true;
}

