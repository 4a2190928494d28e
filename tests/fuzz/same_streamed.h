/* The fuzzers' differential check: the bytes read whole and checked, and
 * read and checked a project at a time (pb_check_memory) — on one thread,
 * and with the package read on a thread of its own beside the checks —
 * must give the same document — status, projects, departments and
 * findings — or the harness aborts, which libFuzzer reports as a finding. */
#ifndef PB_FUZZ_SAME_STREAMED_H
#define PB_FUZZ_SAME_STREAMED_H

#include "pbcheck/pbcheck.h"

#include <stdlib.h>
#include <string.h>

static bool count_project(void *ctx, const pb_document *d, const pb_project *p)
{
    (void)d;
    (void)p;
    ++*(size_t *)ctx;
    return true;
}

static void same_streamed_read(const pb_document *whole, const void *data, size_t len, const pb_options *o,
                               bool beside)
{
    size_t seen = 0;
    pb_options streamed_opt = *o;
    streamed_opt.read_on_own_thread = beside;
    pb_document *s = pb_check_memory(data, len, "fuzz.docx", &streamed_opt, NULL, count_project, &seen);
    if (!s)
        return; /* out of memory */
    bool same = s->error.status == whole->error.status && s->project_count == whole->project_count &&
                s->department_count == whole->department_count && s->finding_count == whole->finding_count;
    if (same && s->error.status == PB_OK)
        same = seen == s->project_count + s->department_count;
    for (size_t i = 0; same && i < s->finding_count; i++)
        same = s->findings[i].rule == whole->findings[i].rule &&
               strcmp(s->findings[i].message, whole->findings[i].message) == 0 &&
               memcmp(&s->findings[i].loc, &whole->findings[i].loc, sizeof s->findings[i].loc) == 0;
    /* a time limit or memory may stop one read and not the other */
    bool resources = s->error.status == PB_ERR_NOMEM || whole->error.status == PB_ERR_NOMEM ||
                     s->error.status == PB_ERR_TIMEOUT || whole->error.status == PB_ERR_TIMEOUT;
    pb_document_free(s);
    if (!same && !resources)
        abort();
}

static void same_streamed(const pb_document *whole, const void *data, size_t len, const pb_options *o)
{
    same_streamed_read(whole, data, len, o, false);
    same_streamed_read(whole, data, len, o, true);
}

#endif
