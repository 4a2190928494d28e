/* What a document keeps of a project once it is checked and freed (a
 * streamed read): who it is and where, never its indicators. */
#include "model/model.h"

#include <string.h>

static bool keep_text(pb_arena *a, const char **s)
{
    return !*s || (*s = pb_arena_strdup(a, *s)) != NULL;
}

pb_project *pbi_project_identity(pb_arena *a, const pb_project *p)
{
    pb_project *s = pb_arena_alloc(a, sizeof *s);
    if (!s)
        return NULL;
    *s = *p;
    /* the long texts and every list go */
    s->purpose.text = s->goals_cell.text = s->long_goals_cell.text = NULL;
    s->goals = s->long_goals = NULL;
    s->goal_count = s->long_goal_count = 0;
    s->indicators = NULL;
    s->indicator_count = 0;
    s->funds = NULL;
    s->fund_count = 0;
    s->schedule.items = NULL;
    s->schedule.count = 0;
    const char **texts[] = {&s->title, &s->org, &s->unit_text.text, &s->code.text, &s->name.text,
                            &s->total.raw, &s->fiscal.raw, &s->other.raw, &s->long_total.raw,
                            &s->long_fiscal.raw, &s->long_other.raw, &s->attribute.text, &s->department.text,
                            &s->implementer.text, &s->manager.text, &s->phone.text, &s->period.text};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (!keep_text(a, texts[i]))
            return NULL;
    return s;
}
