/* libFuzzer harness over the whole path of one file: bytes → zip → XML →
 * tables → projects → checks → JSON and text reports.  The bytes are the
 * .docx itself, read with the default limits, as `pbcheck FILE` reads it;
 * and read again a project at a time, which must find the same. */
#include "pbcheck/pbcheck.h"
#include "fuzz/same_streamed.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static FILE *sink_file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sink_file = fopen("/dev/null", "w");
    return sink_file ? 0 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pb_options o;
    pb_options_default(&o);
    pb_document *d = pb_read_memory(data, size, "fuzz.docx", &o);
    if (!d)
        return 0;
    if (pb_check(d, NULL)) {
        free(pb_report_json_file(d));
        pb_text_style style = {false};
        pb_report_text_file(sink_file, d, &style);
        same_streamed(d, data, size, &o);
    }
    pb_document_free(d);
    return 0;
}
