/* libFuzzer harness for the main part: the bytes are word/document.xml,
 * which the harness packs into a stored zip with correct CRCs (so that
 * mutations reach the XML reader, the extractor and the checks instead of
 * failing the zip's CRC), then the whole path runs as in fuzz_docx.c, with
 * every table kept (as `pbcheck tables` reads). */
#include "pbcheck/pbcheck.h"
#include "fuzz/same_streamed.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

typedef struct entry {
    const char *name;
    const uint8_t *data;
    size_t len;
    uint32_t crc, offset;
} entry;

static FILE *sink_file;

static uint8_t *put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    return p + 2;
}

static uint8_t *put32(uint8_t *p, uint32_t v) { return put16(put16(p, v & 0xFFFF), v >> 16); }

/* The fixed part of a local (central = false) or central header. */
static uint8_t *header(uint8_t *p, const entry *e, bool central)
{
    p = put32(p, central ? 0x02014b50u : 0x04034b50u);
    if (central)
        p = put16(p, 20); /* version made by */
    p = put16(p, 20);     /* version needed */
    p = put16(p, 0);      /* flags */
    p = put16(p, 0);      /* method: stored */
    p = put32(p, 0);      /* DOS time and date */
    p = put32(p, e->crc);
    p = put32(p, (uint32_t)e->len);
    p = put32(p, (uint32_t)e->len);
    p = put16(p, (uint32_t)strlen(e->name));
    p = put16(p, 0); /* extra */
    if (central) {
        p = put16(p, 0); /* comment */
        p = put16(p, 0); /* disk */
        p = put16(p, 0); /* internal attributes */
        p = put32(p, 0); /* external attributes */
        p = put32(p, e->offset);
    }
    memcpy(p, e->name, strlen(e->name));
    return p + strlen(e->name);
}

/* A stored zip of the three parts of a minimal .docx; malloc'd. */
static uint8_t *pack(const uint8_t *doc, size_t doc_len, size_t *out_len)
{
    entry e[3] = {
        {"[Content_Types].xml", (const uint8_t *)content_types, sizeof content_types - 1, 0, 0},
        {"_rels/.rels", (const uint8_t *)package_rels, sizeof package_rels - 1, 0, 0},
        {"word/document.xml", doc, doc_len, 0, 0},
    };
    size_t cap = 22;
    for (int i = 0; i < 3; i++)
        cap += 30 + 46 + 2 * strlen(e[i].name) + e[i].len;
    uint8_t *z = malloc(cap), *p = z;
    if (!z)
        return NULL;
    for (int i = 0; i < 3; i++) {
        e[i].crc = (uint32_t)crc32(0, e[i].data, (uInt)e[i].len);
        e[i].offset = (uint32_t)(p - z);
        p = header(p, &e[i], false);
        if (e[i].len)
            memcpy(p, e[i].data, e[i].len);
        p += e[i].len;
    }
    uint32_t cd = (uint32_t)(p - z);
    for (int i = 0; i < 3; i++)
        p = header(p, &e[i], true);
    uint32_t cd_size = (uint32_t)(p - z) - cd;
    p = put32(p, 0x06054b50u);
    p = put32(p, 0); /* disks */
    p = put16(p, 3);
    p = put16(p, 3);
    p = put32(p, cd_size);
    p = put32(p, cd);
    p = put16(p, 0); /* comment */
    *out_len = (size_t)(p - z);
    return z;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sink_file = fopen("/dev/null", "w");
    return sink_file ? 0 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (64u << 20))
        return 0;
    size_t len = 0;
    uint8_t *zip = pack(data, size, &len);
    if (!zip)
        return 0;
    pb_options o;
    pb_options_default(&o);
    o.keep_tables = true;
    pb_document *d = pb_read_memory(zip, len, "fuzz.docx", &o);
    if (d && pb_check(d, NULL)) {
        free(pb_report_json_file(d));
        pb_text_style style = {false};
        pb_report_text_file(sink_file, d, &style);
        same_streamed(d, zip, len, &o);
    }
    pb_document_free(d);
    free(zip);
    return 0;
}
