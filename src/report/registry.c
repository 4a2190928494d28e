/* The one list of report formats: pb_reporter_find, pb_reporter_at (the
 * CLI's help) and the names in messages all come from REPORTERS.  Adding a
 * format is a file defining pb_reporter_NAME (whose name field is "NAME")
 * and one word here. */
#include "report/report.h"

#include <string.h>

#define REPORTERS(X) X(text) X(json) X(jsonl) X(sarif) X(junit) X(github) X(gitlab) X(csv) X(html)

#define ENTRY(n) &pb_reporter_##n,
static const pb_reporter *const reporters[] = {REPORTERS(ENTRY)};
#define REPORTER_COUNT (sizeof reporters / sizeof *reporters)

/* ", text, json, …": the list's names, joined when compiled. */
#define NAME(n) ", " #n
static const char names[] = REPORTERS(NAME);

const pb_reporter *pb_reporter_find(const char *name)
{
    for (size_t i = 0; i < REPORTER_COUNT; i++)
        if (strcmp(reporters[i]->name, name) == 0)
            return reporters[i];
    return NULL;
}

const pb_reporter *pb_reporter_at(size_t i) { return i < REPORTER_COUNT ? reporters[i] : NULL; }

const char *pb_reporter_names(void) { return names + 2; }
