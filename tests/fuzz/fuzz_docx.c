/* libFuzzer harness over the whole path of one file: bytes → zip → XML →
 * tables → projects → checks → JSON and text reports.  The bytes are the
 * .docx itself, read with the default limits, as `pbcheck FILE` reads it. */
#include "pbcheck/pbcheck.h"

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
    pb_document *d = pb_read_memory(data, size, "fuzz.docx", NULL);
    if (!d)
        return 0;
    if (pb_check(d, NULL)) {
        free(pb_report_json_file(d));
        pb_text_style style = {false};
        pb_report_text_file(sink_file, d, &style);
    }
    pb_document_free(d);
    return 0;
}
