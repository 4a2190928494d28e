/* The floor of the benchmark: the least any .docx checker must do.  For each
 * file it opens the zip (libzip), inflates word/document.xml as a stream and
 * walks it with libxml2's xmlTextReader to the end, with the same parser
 * options pbcheck uses — and does nothing else: no names compared, no text
 * kept, no tables built.  pbcheck's time over this program's is the cost of
 * extraction, checks and output.
 *
 *   floor FILE...        prints "FILE: N nodes" per file; exit 0, or 1 when
 *                        a file could not be read to the end.
 *   floor --sax FILE...  the same walk with libxml2's SAX2 push parser and
 *                        empty callbacks instead of xmlTextReader (no tree
 *                        nodes built and freed): issue 18's floor, as
 *                        pbcheck's reader now runs on SAX2 itself. */
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

static int read_part(void *ctx, char *buf, int len)
{
    zip_int64_t n = zip_fread(ctx, buf, (zip_uint64_t)len);
    return n < 0 ? -1 : (int)n;
}

static int close_part(void *ctx)
{
    (void)ctx;
    return 0;
}

/* word/document.xml of path, opened for reading; NULL when it cannot be. */
static zip_file_t *open_main(const char *path, zip_t **za)
{
    int err = 0;
    *za = zip_open(path, ZIP_RDONLY, &err);
    if (!*za)
        return NULL;
    zip_file_t *zf = zip_fopen(*za, "word/document.xml", 0);
    if (!zf)
        zip_close(*za);
    return zf;
}

/* Nodes read, or -1 when the file could not be read to the end. */
static long walk(const char *path)
{
    zip_t *za;
    zip_file_t *zf = open_main(path, &za);
    if (!zf)
        return -1;
    long nodes = -1;
    xmlTextReaderPtr r = xmlReaderForIO(read_part, close_part, zf, "document.xml", NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (r) {
        int ret;
        long n = 0;
        while ((ret = xmlTextReaderRead(r)) == 1)
            n++;
        if (ret == 0)
            nodes = n;
        xmlFreeTextReader(r);
    }
    zip_fclose(zf);
    zip_close(za);
    return nodes;
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
                     const xmlChar **ns, int nb_attr, int nb_defaulted, const xmlChar **attr)
{
    (void)local, (void)prefix, (void)uri, (void)nb_ns, (void)ns, (void)nb_attr, (void)nb_defaulted, (void)attr;
    ++*(long *)ctx;
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)local, (void)prefix, (void)uri;
    ++*(long *)ctx;
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
    (void)s, (void)len;
    ++*(long *)ctx;
}

/* Elements and text events seen, or -1. */
static long walk_sax(const char *path)
{
    zip_t *za;
    zip_file_t *zf = open_main(path, &za);
    if (!zf)
        return -1;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    long n = 0;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, &n, NULL, 0, "document.xml");
    bool ok = ctxt != NULL;
    if (ok)
        xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    char buf[16384];
    zip_int64_t got;
    while (ok && (got = zip_fread(zf, buf, sizeof buf)) > 0)
        ok = xmlParseChunk(ctxt, buf, (int)got, 0) == 0;
    ok = ok && got == 0 && xmlParseChunk(ctxt, NULL, 0, 1) == 0 && ctxt->wellFormed;
    if (ctxt)
        xmlFreeParserCtxt(ctxt);
    zip_fclose(zf);
    zip_close(za);
    return ok ? n : -1;
}

int main(int argc, char **argv)
{
    bool sax = argc > 1 && strcmp(argv[1], "--sax") == 0;
    if (argc < 2 + sax) {
        fputs("usage: floor [--sax] FILE...\n", stderr);
        return 2;
    }
    xmlInitParser();
    int status = 0;
    for (int i = 1 + sax; i < argc; i++) {
        long n = sax ? walk_sax(argv[i]) : walk(argv[i]);
        if (n < 0) {
            fprintf(stderr, "floor: %s: cannot read word/document.xml to the end\n", argv[i]);
            status = 1;
            continue;
        }
        printf("%s: %ld nodes\n", argv[i], n);
    }
    xmlCleanupParser();
    return status;
}
