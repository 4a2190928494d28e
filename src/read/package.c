/* A package, read: its main part found, a document or a workbook, libxml2
 * set up once for the process and kept quiet while the package is read. */
#include "read/read.h"

#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <pthread.h>

/* libxml2 must never load anything from outside the package: with no
 * DOCTYPE accepted this is a second wall.  The loader is process-wide in
 * libxml2 2.9, so it is installed once and never changed. */
static xmlParserInputPtr no_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

static void init_once(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(no_entity_loader);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

void pbi_read_init(void) { pthread_once(&once, init_once); }

/* libxml2 reports a few errors with no parser context (a failed encoding
 * conversion, "I/O error : encoder error") through the thread's generic
 * handler, which prints them on stderr; the readers' own handlers never see
 * them.  Silenced while a package is read, then the caller's restored. */
static void ignore_generic_error(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static bool read_main_part(pb_zip *z, pb_arena *a, const pb_limits *l, const pb_docx_sink *sink,
                           pb_format *format, pb_error *e)
{
    char *main_part = pbi_zip_main_part(z, a, e);
    if (!main_part)
        return false;
    if (pbi_xlsx_is_workbook(z, main_part)) {
        *format = PB_FORMAT_XLSX;
        pb_docx_sink tables_only = {sink->ctx, NULL, sink->table};
        return pbi_xlsx_read(z, main_part, l, &tables_only, e);
    }
    *format = PB_FORMAT_DOCX;
    pb_part *part = pbi_part_open(z, main_part, e);
    if (!part)
        return false;
    bool ok = pbi_docx_read(part, l, sink, e);
    pbi_part_close(part);
    return ok;
}

bool pbi_read_package(pb_zip *z, pb_arena *a, const pb_limits *l, const pb_docx_sink *sink,
                     pb_format *format, pb_error *e)
{
    pbi_read_init();
    xmlGenericErrorFunc saved = xmlGenericError;
    void *saved_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, ignore_generic_error);
    bool ok = read_main_part(z, a, l, sink, format, e);
    xmlSetGenericErrorFunc(saved_ctx, saved);
    return ok;
}
