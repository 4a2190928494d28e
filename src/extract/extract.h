/* The extractor: tables and paragraphs → projects of the model. */
#ifndef PB_EXTRACT_H
#define PB_EXTRACT_H

#include "util/util.h"

/* ---- extraction (extract.c) */
typedef struct pb_extractor pb_extractor;
pb_extractor *pb_extractor_new(pb_document *d, const pb_options *o);
bool pb_extract_paragraph(pb_extractor *x, const char *text, int index);
bool pb_extract_table(pb_extractor *x, const pb_table *t);
bool pb_extract_finish(pb_extractor *x);

#endif
