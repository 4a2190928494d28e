/* The extractor: tables and paragraphs → projects of the model. */
#ifndef PB_EXTRACT_H
#define PB_EXTRACT_H

#include "util/util.h"

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)

/* ---- extraction (extract.c) */
typedef struct pb_extractor pb_extractor;
pb_extractor *pbi_extractor_new(pb_document *d, const pb_options *o);
bool pbi_extract_paragraph(pb_extractor *x, const char *text, int index);
bool pbi_extract_table(pb_extractor *x, const pb_table *t);
bool pbi_extract_finish(pb_extractor *x);
/* Hands each project and department to fn as soon as it is complete (the
 * next one begins, or the document ends), numbered and in its list of the
 * document.  What it points to is then freed: fn must keep nothing of it
 * (it replaces the list's entry by what it keeps).  false from fn stops the
 * read.  Without this, everything stays in the document's arena. */
typedef bool (*pbi_project_done)(void *ctx, pb_project *p);
bool pbi_extractor_stream(pb_extractor *x, pbi_project_done fn, void *ctx);
/* Frees what the extractor holds outside the document's arena (after
 * pbi_extract_finish, or instead of it when the read failed). */
void pbi_extractor_free(pb_extractor *x);

#pragma GCC visibility pop

#endif
