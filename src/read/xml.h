/* The reader's one libxml2 glue: a part streamed through libxml2's SAX2
 * push parser, with the walls every part gets (no network, no DTD, no
 * entity, depth, attribute and tag limits, the time limit per chunk) and
 * one mapping of libxml2's errors to pbcheck's codes.  Its events carry
 * plain C strings, so that their clients (the Word walker, the workbook
 * readers) never see a libxml2 type. */
#ifndef PB_READ_XML_H
#define PB_READ_XML_H

#include "read/read.h"

#pragma GCC visibility push(hidden)

/* An element is refused when its start tag holds more attributes and
 * namespace declarations than this (xml-too-many-attributes): libxml2
 * 2.9.14 checks duplicates quadratically and calls nothing back meanwhile,
 * so they are counted in the bytes before libxml2 sees them.  Word's
 * busiest element, the root, declares about 40. */
#define PBI_XML_MAX_ATTRIBUTES 512

/* A start tag longer than the cell-text limit, or than this when that is
 * smaller, is refused (cell-too-large). */
#define PBI_XML_MIN_TAG_LIMIT (1u << 20)

/* The depth wall inside a subtree a client steps over (libxml2's classic
 * limit, which its push parser does not check). */
#define PBI_XML_SKIPPED_DEPTH 256

/* Bytes handed to libxml2 at once: the time limit is looked at between
 * two chunks. */
#define PBI_XML_CHUNK 16384

typedef struct pbi_xml_attr {
    const char *ns;    /* namespace URI, NULL for none */
    const char *local; /* local name, NUL-terminated */
    const char *value; /* NOT NUL-terminated: value_len bytes */
    size_t value_len;
} pbi_xml_attr;

typedef struct pbi_xml_ns {
    const char *prefix; /* NULL for the default namespace */
    const char *uri;
} pbi_xml_ns;

/* Each returns false to stop the parse, with the error already set in the
 * pb_error given to pbi_xml_parse(). */
typedef struct pbi_xml_handler {
    void *ctx;
    bool (*start)(void *ctx, const char *ns, const char *local, const pbi_xml_attr *attrs, int nattrs,
                  const pbi_xml_ns *decls, int ndecls);
    bool (*end)(void *ctx, const char *ns, const char *local);
    /* Character data (and CDATA), in pieces; not NUL-terminated. */
    bool (*text)(void *ctx, const char *s, size_t n);
    /* Whether the client is stepping over the subtree of the element it
     * was just given (NULL: never), asked after each start: a client
     * starts stepping over a subtree only in start, and stops at that
     * element's end, the subtree's one event delivered.  The depth limit
     * counts only the elements it walks, as a subtree stepped over costs
     * nothing; there PBI_XML_SKIPPED_DEPTH holds. */
    bool (*skipping)(void *ctx);
} pbi_xml_handler;

/* Streams part through the handler.  name is the part's name in messages,
 * NULL for the main part of a document; the first error wins:
 * the handler's, the zip layer's (limits, timeout), then libxml2's. */
bool pbi_xml_parse(pb_part *part, const char *name, const pb_limits *l, const pbi_xml_handler *h, pb_error *e);

/* The value of the attribute local in namespace ns1 or ns2 (either may be
 * NULL to mean "no namespace"), or NULL; *len its length. */
const char *pbi_xml_attr_find(const pbi_xml_attr *a, int n, const char *local, const char *ns1,
                              const char *ns2, size_t *len);
/* The same, copied NUL-terminated into buf (truncated to cap - 1);
 * false when absent. */
bool pbi_xml_attr_copy(const pbi_xml_attr *a, int n, const char *local, const char *ns1, const char *ns2,
                       char *buf, size_t cap);
/* Whether a value of len bytes equals the NUL-terminated s. */
bool pbi_xml_value_is(const char *v, size_t len, const char *s);

#pragma GCC visibility pop

#endif
