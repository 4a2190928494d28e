/* The libxml2 glue of every part the reader parses (see xml.h). */
#include "read/xml.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#if defined(__SSE2__) && !defined(PBI_PORTABLE_SCAN)
#define PBI_SCAN_SSE2 1
#include <emmintrin.h>
#endif
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---- the byte scanner: attribute floods and overlong tags, before libxml2 */

typedef enum { S_TEXT, S_LT, S_TAG, S_QUOTE, S_END, S_BANG, S_COMMENT, S_CDATA, S_DECL, S_PI } scan_state;

typedef struct scanner {
    scan_state st;
    char quote;
    int bang;       /* bytes of "--" or "[CDATA[" matched after "<!" */
    int close;      /* bytes of the closing sequence matched */
    uint32_t attrs; /* '=' outside quotes in the open start tag */
    uint64_t tag_len;
} scanner;

typedef struct xml_state {
    xmlParserCtxtPtr ctxt;
    const pbi_xml_handler *h;
    const pb_limits *lim;
    const char *name; /* NULL: the main part */
    pb_error *err;
    pb_error xml_err; /* libxml2's first error */
    bool stopped;
    int rc; /* xmlParseChunk's last return */
    uint32_t depth;
    uint32_t skip_depth; /* depth of the element whose subtree the client steps over */
    uint64_t tag_max;
    scanner sc;
    /* last: not zeroed (see pbi_xml_parse) */
    pbi_xml_attr attrs[PBI_XML_MAX_ATTRIBUTES];
    pbi_xml_ns decls[PBI_XML_MAX_ATTRIBUTES];
} xml_state;

static bool scan_fail_attrs(xml_state *x)
{
    if (x->name)
        pbi_error_set(x->err, PB_ERR_XML_TOO_MANY_ATTRIBUTES,
                     _("an element of the part \"%s\" carries more than %d attributes and namespace declarations; refused"),
                     x->name, PBI_XML_MAX_ATTRIBUTES);
    else
        pbi_error_set(x->err, PB_ERR_XML_TOO_MANY_ATTRIBUTES,
                     _("an element of the main part carries more than %d attributes and namespace declarations; refused"),
                     PBI_XML_MAX_ATTRIBUTES);
    return false;
}

/* A tag is bounded like a cell's text (but never below 1 MiB, as tags of
 * a part a user's small cell limit never meant, .rels, are long): an
 * attribute as long as a cell may be is the limit it hits, in pbcheck's
 * words rather than libxml2's "Huge input lookup". */
static uint64_t tag_limit(const pb_limits *l)
{
    return l->max_cell_text > PBI_XML_MIN_TAG_LIMIT ? l->max_cell_text : PBI_XML_MIN_TAG_LIMIT;
}

static bool scan_fail_tag(xml_state *x)
{
    pbi_error_set(x->err, PB_ERR_CELL_TOO_LARGE, _("an XML tag or attribute is longer than %llu bytes"),
                 (unsigned long long)tag_limit(x->lim));
    return false;
}

/* Bit i set: byte i of the 16 at p is special in a start tag.  Word's
 * markup is short names and values: SSE2 (every x86-64) tests 16 bytes at
 * once where the byte loop took four instructions a byte; elsewhere, or
 * with PBI_PORTABLE_SCAN (the sanitized test run, so both are tested), the
 * same mask is built byte by byte. */
static inline unsigned tag_mask16(const char *p)
{
#if defined(PBI_SCAN_SSE2)
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('>')), _mm_cmpeq_epi8(v, _mm_set1_epi8('='))),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\''))));
    return (unsigned)_mm_movemask_epi8(m);
#else
    unsigned bits = 0;
    for (int i = 0; i < 16; i++)
        if (p[i] == '>' || p[i] == '=' || p[i] == '"' || p[i] == '\'')
            bits |= 1u << i;
    return bits;
#endif
}

/* The mask of the (up to 16) bytes from p to end: a short tail is copied
 * into zeros, which are never special. */
static inline unsigned tag_mask(const char *p, const char *end, size_t *len)
{
    if (end - p >= 16) {
        *len = 16;
        return tag_mask16(p);
    }
    char tail[16] = {0};
    *len = (size_t)(end - p);
    memcpy(tail, p, *len);
    return tag_mask16(tail);
}

static inline unsigned lowest_bit(unsigned bits)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctz(bits);
#else
    unsigned i = 0;
    while (!(bits & 1u)) {
        bits >>= 1;
        i++;
    }
    return i;
#endif
}

/* The rest of a start tag from *pp, a 16-byte mask of its special bytes
 * at a time; s->quote is the quote of the value the scan is in, if any.
 * The length is checked at each special byte outside a value, so that it
 * refuses a tag before the count of an '=' may.  Leaves s->st at S_TEXT
 * after the '>', at S_QUOTE in a value the chunk cuts, else at S_TAG;
 * false when refused. */
static inline bool scan_tag(xml_state *x, const char **pp, const char *end)
{
    scanner *s = &x->sc;
    const char *p = *pp, *from = p;
    char quote = s->st == S_QUOTE ? s->quote : 0;
    while (p < end) {
        size_t len;
        unsigned bits = tag_mask(p, end, &len);
        for (; bits; bits &= bits - 1) {
            const char *at = p + lowest_bit(bits);
            char c = *at;
            if (quote) {
                if (c == quote)
                    quote = 0;
                continue;
            }
            if (s->tag_len + (uint64_t)(at - from) > x->tag_max)
                return scan_fail_tag(x);
            if (c == '>') {
                s->tag_len += (uint64_t)(at + 1 - from);
                s->st = S_TEXT;
                *pp = at + 1;
                return true; /* (the closing '>' is counted but, as ever, never refused) */
            }
            if (c == '=') {
                if (++s->attrs > PBI_XML_MAX_ATTRIBUTES)
                    return scan_fail_attrs(x);
            } else {
                quote = c;
            }
        }
        p += len;
    }
    s->tag_len += (uint64_t)(p - from);
    s->st = quote ? S_QUOTE : S_TAG;
    s->quote = quote;
    *pp = p;
    return s->tag_len <= x->tag_max || scan_fail_tag(x);
}

/* Only start tags are counted; comments, CDATA, declarations and
 * processing instructions are stepped over by their closing sequence.
 * From a '<' (s->st S_TEXT, *pp at it) or from the state a chunk left,
 * this runs until the markup is over (s->st back at S_TEXT, *pp after it)
 * or the chunk is; false when refused. */
static bool scan_markup(xml_state *x, const char **pp, const char *end)
{
    scanner *s = &x->sc;
    const char *p = *pp;
    if (s->st == S_TEXT) {
        s->st = S_LT;
        p++;
    }
    while (p < end && s->st != S_TEXT) {
        switch (s->st) {
        case S_TEXT:
            break;
        case S_LT:
            if (*p == '/')
                s->st = S_END;
            else if (*p == '!') {
                s->st = S_BANG;
                s->bang = 0;
            } else if (*p == '?') {
                s->st = S_PI;
                s->close = 0;
            } else {
                s->st = S_TAG;
                s->attrs = 0;
                s->tag_len = 1;
                continue;
            }
            p++;
            break;
        case S_TAG:
        case S_QUOTE:
            if (!scan_tag(x, &p, end))
                return false;
            break;
        case S_END:
        case S_DECL: {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            p = gt ? gt + 1 : end;
            if (gt)
                s->st = S_TEXT;
            break;
        }
        case S_BANG: {
            static const char cdata[] = "[CDATA[";
            if (s->bang == 0 && *p == '-')
                s->bang = -1; /* one dash of "<!--" seen */
            else if (s->bang == -1 && *p == '-') {
                s->st = S_COMMENT;
                s->close = 0;
            } else if (s->bang >= 0 && s->bang < 7 && *p == cdata[s->bang]) {
                if (++s->bang == 7) {
                    s->st = S_CDATA;
                    s->close = 0;
                }
            } else {
                s->st = S_DECL;
                continue;
            }
            p++;
            break;
        }
        case S_COMMENT:
        case S_CDATA:
        case S_PI: {
            /* "-->", "]]>", "?>": close counts the matched bytes */
            char c = *p++;
            char lead = s->st == S_COMMENT ? '-' : s->st == S_CDATA ? ']' : '?';
            int need = s->st == S_PI ? 1 : 2;
            if (c == lead)
                s->close = s->close < need ? s->close + 1 : need;
            else if (c == '>' && s->close >= need)
                s->st = S_TEXT;
            else
                s->close = 0;
            break;
        }
        }
    }
    *pp = p;
    return true;
}

/* Bit i of *lt set: byte i of the 32 at p is '<'; of *eq: '='; of *bang:
 * '!' or '?'. */
static inline void text_masks(const char *p, uint32_t *lt, uint32_t *eq, uint32_t *bang)
{
#if defined(PBI_SCAN_SSE2)
    uint32_t m[3][2];
    for (int h = 0; h < 2; h++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * h));
        m[0][h] = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
        m[1][h] = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('=')));
        m[2][h] = (uint32_t)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')), _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))));
    }
    *lt = m[0][0] | m[0][1] << 16;
    *eq = m[1][0] | m[1][1] << 16;
    *bang = m[2][0] | m[2][1] << 16;
#else
    uint32_t l = 0, e = 0, b = 0;
    for (int i = 0; i < 32; i++) {
        l |= (uint32_t)(p[i] == '<') << i;
        e |= (uint32_t)(p[i] == '=') << i;
        b |= (uint32_t)(p[i] == '!' || p[i] == '?') << i;
    }
    *lt = l;
    *eq = e;
    *bang = b;
#endif
}

/* The '=' of a block: a table, as x86-64's baseline has no popcount. */
static const unsigned char bits_in_byte[256] = {
#define B2(n) n, n + 1, n + 1, n + 2
#define B4(n) B2(n), B2(n + 1), B2(n + 1), B2(n + 2)
#define B6(n) B4(n), B4(n + 1), B4(n + 1), B4(n + 2)
    B6(0), B6(1), B6(1), B6(2)
#undef B6
#undef B4
#undef B2
};

static inline unsigned bits32(uint32_t m)
{
    return (unsigned)bits_in_byte[m & 0xFFu] + bits_in_byte[(m >> 8) & 0xFFu] + bits_in_byte[(m >> 16) & 0xFFu] +
           bits_in_byte[m >> 24];
}

static inline unsigned highest_bit(unsigned bits)
{
#if defined(__GNUC__)
    return 31u - (unsigned)__builtin_clz(bits);
#else
    unsigned i = 0;
    while (bits >>= 1)
        i++;
    return i;
#endif
}

/* The chunk's bytes, before libxml2 parses them.  XML allows no '<' inside
 * a tag, and libxml2 stops reading a start tag's attributes at one: all
 * that it reads of a tag lies between a '<' and the next (a run), and each
 * attribute or declaration holds an '='.  So a run with no more '=' than
 * the limit needs no closer look; only the others, and comments, CDATA,
 * declarations and processing instructions ("<!", "<?"), go through
 * scan_markup, which follows quotes and counts exactly.  The '=' are
 * counted by whole 32-byte blocks, a few too many at worst, which only
 * sends a run to the closer look; a run that starts and ends in one block
 * holds at most 32.  A run still open when the chunk ends goes through
 * scan_markup too, whose state the next chunk takes up: so a tag longer
 * than a chunk, the only kind that can reach the tag limit, is always
 * measured by it. */
static bool scan(xml_state *x, const char *buf, size_t n)
{
    _Static_assert(PBI_XML_MIN_TAG_LIMIT > PBI_XML_CHUNK, "a tag within one chunk is below the tag limit");
    _Static_assert(PBI_XML_MAX_ATTRIBUTES >= 32, "a run within one block is never looked at closer");
    scanner *s = &x->sc;
    const char *p = buf, *end = buf + n;
    if (s->st != S_TEXT && !scan_markup(x, &p, end))
        return false;
    if (s->st != S_TEXT)
        return true;
    const char *run = NULL; /* the last '<' seen */
    unsigned run_eq = 0;
    uint32_t carry = 0; /* the block before ended in '<' */
    char tail[32];
    while (p < end) {
        const char *block = p;
        size_t len = 32;
        if (end - p < 32) {
            /* read as if followed by zeros */
            len = (size_t)(end - p);
            memset(tail, 0, sizeof tail);
            memcpy(tail, p, len);
            block = tail;
        }
        uint32_t lt, eq, bang;
        text_masks(block, &lt, &eq, &bang);
        unsigned block_eq = bits32(eq);
        if ((lt != 0) & (run != NULL) & (run_eq + block_eq > PBI_XML_MAX_ATTRIBUTES))
            goto closer_look;
        uint32_t marked = ((lt << 1) | carry) & bang; /* a '<' before '!' or '?' */
        if (marked) {
            run = p + lowest_bit(marked) - 1;
            goto closer_look;
        }
        carry = lt >> 31;
        run = lt ? p + highest_bit(lt | 1u) : run;
        run_eq = lt ? block_eq : run_eq + block_eq;
        p += len;
        continue;
    closer_look:
        p = run;
        run = NULL;
        carry = 0;
        if (!scan_markup(x, &p, end))
            return false;
        if (s->st != S_TEXT)
            return true;
    }
    if (run) {
        p = run;
        return scan_markup(x, &p, end);
    }
    return true;
}

/* ---- SAX2 callbacks */

static void stop(xml_state *x)
{
    x->stopped = true;
    xmlStopParser(x->ctxt);
}

static void on_start_skipped(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
                             const xmlChar **ns, int nb_attrs, int nb_defaulted, const xmlChar **attrs);
static void on_end_skipped(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri);
static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri);

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
                     const xmlChar **ns, int nb_attrs, int nb_defaulted, const xmlChar **attrs)
{
    (void)prefix;
    (void)nb_defaulted;
    xml_state *x = ctx;
    if (x->stopped)
        return;
    /* Not in a subtree stepped over: on_start_skipped takes those. */
    if (x->depth >= x->lim->max_depth) {
        pbi_error_set(x->err, PB_ERR_XML_TOO_DEEP, _("XML elements are nested more than %u deep"),
                     x->lim->max_depth);
        stop(x);
        return;
    }
    x->depth++;
    if (nb_attrs > PBI_XML_MAX_ATTRIBUTES || nb_ns > PBI_XML_MAX_ATTRIBUTES) {
        scan_fail_attrs(x); /* the scanner counts them first; a second wall */
        stop(x);
        return;
    }
    for (int i = 0; i < nb_attrs; i++) {
        const xmlChar **a = attrs + 5 * i;
        x->attrs[i].local = (const char *)a[0];
        x->attrs[i].ns = (const char *)a[2];
        x->attrs[i].value = (const char *)a[3];
        x->attrs[i].value_len = (size_t)(a[4] - a[3]);
    }
    for (int i = 0; i < nb_ns; i++) {
        x->decls[i].prefix = (const char *)ns[2 * i];
        x->decls[i].uri = (const char *)ns[2 * i + 1];
    }
    if (x->h->start &&
        !x->h->start(x->h->ctx, (const char *)uri, (const char *)local, x->attrs, nb_attrs, x->decls, nb_ns)) {
        stop(x);
        return;
    }
    if (x->h->skipping && x->h->skipping(x->h->ctx)) {
        /* The client steps over this element's subtree (w:rPr, w:pPr …):
         * its elements are counted and bounded here and not delivered,
         * as the client would only count them; its end is. */
        x->skip_depth = x->depth;
        x->ctxt->sax->startElementNs = on_start_skipped;
        x->ctxt->sax->endElementNs = on_end_skipped;
    }
}

static void on_start_skipped(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
                             const xmlChar **ns, int nb_attrs, int nb_defaulted, const xmlChar **attrs)
{
    (void)local;
    (void)prefix;
    (void)uri;
    (void)ns;
    (void)nb_defaulted;
    (void)attrs;
    xml_state *x = ctx;
    if (x->stopped)
        return;
    /* the walls of on_start, for a client that is skipping */
    uint32_t wall = x->lim->max_depth < PBI_XML_SKIPPED_DEPTH ? PBI_XML_SKIPPED_DEPTH : x->lim->max_depth;
    if (x->depth >= wall) {
        pbi_error_set(x->err, PB_ERR_XML_TOO_DEEP, _("XML elements are nested more than %u deep"),
                     x->lim->max_depth);
        stop(x);
        return;
    }
    x->depth++;
    if (nb_attrs > PBI_XML_MAX_ATTRIBUTES || nb_ns > PBI_XML_MAX_ATTRIBUTES) {
        scan_fail_attrs(x);
        stop(x);
    }
}

static void on_end_skipped(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    xml_state *x = ctx;
    if (x->stopped)
        return;
    if (x->depth == x->skip_depth) {
        /* the end of the subtree's own element: delivered */
        x->ctxt->sax->startElementNs = on_start;
        x->ctxt->sax->endElementNs = on_end;
        on_end(ctx, local, prefix, uri);
        return;
    }
    if (x->depth > 0)
        x->depth--;
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)prefix;
    xml_state *x = ctx;
    if (x->stopped)
        return;
    if (x->depth > 0)
        x->depth--;
    if (x->h->end && !x->h->end(x->h->ctx, (const char *)uri, (const char *)local))
        stop(x);
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
    xml_state *x = ctx;
    if (x->stopped || len <= 0)
        return;
    if (x->h->text && !x->h->text(x->h->ctx, (const char *)s, (size_t)len))
        stop(x);
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext_id, const xmlChar *sys_id)
{
    (void)name;
    (void)ext_id;
    (void)sys_id;
    xml_state *x = ctx;
    if (x->stopped)
        return;
    if (x->name)
        pbi_error_set(x->err, PB_ERR_XML_DOCTYPE,
                     _("the part \"%s\" declares a DOCTYPE, which a workbook never needs; refused"), x->name);
    else
        pbi_error_set(x->err, PB_ERR_XML_DOCTYPE,
                     _("the XML declares a DOCTYPE (entities or a DTD), which a Word document never needs; refused"));
    stop(x);
}

/* Asked for every reference that is not one of XML's five: none is ever
 * known, as no DTD is read. */
static xmlEntityPtr on_entity(void *ctx, const xmlChar *name)
{
    (void)name;
    xml_state *x = ctx;
    if (!x->stopped) {
        if (x->name)
            pbi_error_set(x->err, PB_ERR_XML_DOCTYPE, _("the part \"%s\" uses entity references; refused"),
                         x->name);
        else
            pbi_error_set(x->err, PB_ERR_XML_DOCTYPE, "%s", _("the XML uses entity references; refused"));
        stop(x);
    }
    return NULL;
}

/* libxml2 may stumble on a DTD's entities before the DOCTYPE is refused. */
static bool is_entity_error(const xmlError *e)
{
    switch (e->code) {
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_ENTITY_NOT_STARTED:
    case XML_ERR_ENTITY_NOT_FINISHED:
    case XML_ERR_ENTITY_PE_INTERNAL:
    case XML_ERR_DOCTYPE_NOT_FINISHED:
    case XML_ERR_EXT_ENTITY_STANDALONE:
    case XML_ERR_PEREF_IN_PROLOG:
    case XML_ERR_PEREF_IN_EPILOG:
    case XML_ERR_PEREF_IN_INT_SUBSET:
    case XML_ERR_PEREF_NO_NAME:
    case XML_ERR_PEREF_SEMICOL_MISSING:
        return true;
    default:
        return e->message && (strstr(e->message, "ntity") || strstr(e->message, "DOCTYPE"));
    }
}

/* The one mapping of libxml2's errors to pbcheck's codes. */
static pb_status status_of(const xmlError *e)
{
    if (e->message && strstr(e->message, "Excessive depth"))
        return PB_ERR_XML_TOO_DEEP;
    if (is_entity_error(e))
        return PB_ERR_XML_DOCTYPE;
    if (e->domain != XML_FROM_IO && (e->code == XML_ERR_UNSUPPORTED_ENCODING || e->code == XML_ERR_INVALID_ENCODING))
        return PB_ERR_XML_ENCODING;
    return PB_ERR_XML_MALFORMED;
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    xml_state *x = ctx;
    if (!e || e->level < XML_ERR_ERROR || x->xml_err.status != PB_OK)
        return;
    pb_status s = status_of(e);
    char msg[256];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "?");
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    if (x->name)
        pbi_error_set(&x->xml_err, s, _("the part \"%s\" is not well-formed XML (line %d: %s)"), x->name, e->line,
                     msg);
    else
        pbi_error_set(&x->xml_err, s, _("the main part is not well-formed XML (line %d: %s)"), e->line, msg);
}

/* ---- the feed loop */

static void fail_generic(xml_state *x)
{
    if (x->name)
        pbi_error_set(x->err, PB_ERR_XML_MALFORMED, _("the part \"%s\" is not well-formed XML"), x->name);
    else
        pbi_error_set(x->err, PB_ERR_XML_MALFORMED, "%s", _("the main part is not well-formed XML"));
}

static void feed(xml_state *x, pb_part *part)
{
    char buf[PBI_XML_CHUNK];
    bool started = false;
    for (;;) {
        long n = pbi_part_read(part, buf, sizeof buf);
        if (n < 0) {
            *x->err = *pbi_part_error(part);
            return;
        }
        if (n > 0 && !scan(x, buf, (size_t)n))
            return;
        if (!started) {
            /* the first bytes tell libxml2 the encoding */
            xmlSAXHandler h;
            memset(&h, 0, sizeof h);
            h.initialized = XML_SAX2_MAGIC;
            h.startElementNs = on_start;
            h.endElementNs = on_end;
            h.characters = on_text;
            h.cdataBlock = on_text;
            h.ignorableWhitespace = on_text;
            h.internalSubset = on_doctype;
            h.externalSubset = on_doctype;
            h.getEntity = on_entity;
            h.getParameterEntity = on_entity;
            h.serror = on_error;
            size_t first = n < 4 ? (size_t)n : 4;
            x->ctxt = xmlCreatePushParserCtxt(&h, x, buf, (int)first, x->name ? x->name : "/document.xml");
            if (!x->ctxt) {
                pbi_error_set(x->err, PB_ERR_NOMEM, "%s", _("out of memory"));
                return;
            }
            xmlCtxtUseOptions(x->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
            started = true;
            if (n > (long)first)
                x->rc = xmlParseChunk(x->ctxt, buf + first, (int)(n - (long)first), 0);
        } else if (n > 0) {
            x->rc = xmlParseChunk(x->ctxt, buf, (int)n, 0);
        }
        if (x->stopped || x->err->status != PB_OK)
            return;
        if (n == 0)
            break;
        if (x->ctxt->instate == XML_PARSER_EOF || (!x->ctxt->wellFormed && x->xml_err.status != PB_OK))
            break; /* libxml2 gave up: its error below */
    }
    x->rc = xmlParseChunk(x->ctxt, NULL, 0, 1);
    if (x->stopped || x->err->status != PB_OK)
        return;
    if (x->xml_err.status != PB_OK)
        *x->err = x->xml_err;
    else if (!x->ctxt->wellFormed || x->rc != 0)
        fail_generic(x); /* e.g. an encoder error, which libxml2 reports to no handler */
}

bool pbi_xml_parse(pb_part *part, const char *name, const pb_limits *l, const pbi_xml_handler *h, pb_error *e)
{
    /* The attribute arrays (24 KiB) are written before they are read:
     * zeroing them cost more than a small part's parse. */
    xml_state *x = malloc(sizeof *x);
    if (x)
        memset(x, 0, offsetof(xml_state, attrs));
    if (!x) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return false;
    }
    x->h = h;
    x->lim = l;
    x->name = name;
    x->err = e;
    x->tag_max = tag_limit(l);
    feed(x, part);
    if (x->ctxt) {
        if (x->ctxt->myDoc)
            xmlFreeDoc(x->ctxt->myDoc);
        xmlFreeParserCtxt(x->ctxt);
    }
    bool ok = e->status == PB_OK;
    if (!ok && x->stopped && e->status == PB_OK)
        fail_generic(x);
    free(x);
    return ok;
}

const char *pbi_xml_attr_find(const pbi_xml_attr *a, int n, const char *local, const char *ns1,
                              const char *ns2, size_t *len)
{
    for (int i = 0; i < n; i++) {
        if (strcmp(a[i].local, local) != 0)
            continue;
        const char *ns = a[i].ns;
        bool match = ns ? (ns1 && strcmp(ns, ns1) == 0) || (ns2 && strcmp(ns, ns2) == 0) : !ns1 || !ns2;
        if (!match)
            continue;
        *len = a[i].value_len;
        return a[i].value;
    }
    return NULL;
}

bool pbi_xml_attr_copy(const pbi_xml_attr *a, int n, const char *local, const char *ns1, const char *ns2,
                       char *buf, size_t cap)
{
    size_t len;
    const char *v = pbi_xml_attr_find(a, n, local, ns1, ns2, &len);
    if (!v || cap == 0)
        return false;
    if (len >= cap)
        len = cap - 1;
    memcpy(buf, v, len);
    buf[len] = '\0';
    return true;
}

bool pbi_xml_value_is(const char *v, size_t len, const char *s)
{
    return v && strlen(s) == len && memcmp(v, s, len) == 0;
}
