/* The SpreadsheetML reader: workbook → worksheets, each streamed through
 * xmlTextReader and handed to the sink as one pb_table (cells at their
 * sheet row and column, merged ranges resolved).  The shared strings and
 * the number formats are read first; beyond them memory holds one sheet's
 * non-empty cells.  Every part goes through the zip layer's limits.
 *
 * Cell text is what a reader of the sheet sees, within reason: shared and
 * inline strings (phonetic runs dropped), and numbers written from their
 * stored decimal text (never through a double) with the cell's number
 * format applied: percent formats scale by 100 and add "%", fixed decimals
 * pad with zeros, quoted literals ("万元") are kept, dates print as
 * YYYY-MM-DD.  A stored value is never rounded to the format's decimals: a
 * sum checked is the sum stored.  Formulas are read by their cached value. */
#include "read/read.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SML_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define SML_NS_S "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS_S "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define XLSX_MAX_ROW 1048576
#define XLSX_MAX_COL 16384
#define NAME_MAX_LEN 512   /* part names and sheet names */
#define FMT_CODE_MAX 256   /* a number format code (Excel allows 255) */
#define MAX_XFS (1u << 20) /* cell formats kept; later ones read as General */
#define MAX_NUMFMTS 4096
#define NUM_TEXT_MAX 64    /* a number longer than this is shown as stored */

/* ---- XML parts, streamed with the same walls as the Word reader */

typedef struct xml_in {
    xmlTextReaderPtr xr;
    pb_part *part;
    const pb_limits *lim;
    pb_error *err;
    pb_error xml_err;
    char name[NAME_MAX_LEN];
} xml_in;

static int io_read(void *ctx, char *buf, int len)
{
    xml_in *in = ctx;
    long n = pbi_part_read(in->part, buf, (size_t)len);
    return n < 0 ? -1 : (int)n;
}

static int io_close(void *ctx)
{
    (void)ctx;
    return 0;
}

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    xml_in *in = ctx;
    if (!e || e->level < XML_ERR_ERROR || in->xml_err.status != PB_OK)
        return;
    pb_status s = PB_ERR_XML_MALFORMED;
    if (e->message && strstr(e->message, "Excessive depth"))
        s = PB_ERR_XML_TOO_DEEP;
    else if (e->domain != XML_FROM_IO &&
             (e->code == XML_ERR_UNSUPPORTED_ENCODING || e->code == XML_ERR_INVALID_ENCODING))
        s = PB_ERR_XML_ENCODING;
    pbi_error_set(&in->xml_err, s, _("the part \"%s\" is not well-formed XML (line %d: %s)"), in->name, e->line,
                 e->message ? e->message : "?");
}

static bool xml_open(xml_in *in, pb_zip *z, const char *name, const pb_limits *l, pb_error *e)
{
    memset(in, 0, sizeof *in);
    in->lim = l;
    in->err = e;
    snprintf(in->name, sizeof in->name, "%s", name);
    in->part = pbi_part_open(z, name, e);
    if (!in->part)
        return false;
    /* the part's name as an absolute URL: for a bare name libxml2 asks
     * getcwd() for the folder of relative references (refused anyway) */
    char url[sizeof in->name + 1];
    snprintf(url, sizeof url, "/%s", in->name);
    in->xr = xmlReaderForIO(io_read, io_close, in, url, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!in->xr) {
        pbi_part_close(in->part);
        in->part = NULL;
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return false;
    }
    xmlTextReaderSetStructuredErrorHandler(in->xr, on_xml_error, in);
    return true;
}

static void xml_close(xml_in *in)
{
    if (in->xr)
        xmlFreeTextReader(in->xr);
    pbi_part_close(in->part);
    in->xr = NULL;
    in->part = NULL;
}

/* The next node, or over the current element's subtree when skip.
 * 1: a node; 0: the end; -1: an error, in->err set (the zip's first, then
 * libxml2's). */
static int xml_next(xml_in *in, bool skip)
{
    int ret = skip ? xmlTextReaderNext(in->xr) : xmlTextReaderRead(in->xr);
    if (ret == 1) {
        int type = xmlTextReaderNodeType(in->xr);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            pbi_error_set(in->err, PB_ERR_XML_DOCTYPE,
                         _("the part \"%s\" declares a DOCTYPE, which a workbook never needs; refused"), in->name);
            return -1;
        }
        if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
            pbi_error_set(in->err, PB_ERR_XML_DOCTYPE, _("the part \"%s\" uses entity references; refused"),
                         in->name);
            return -1;
        }
        if (type == XML_READER_TYPE_ELEMENT && (uint32_t)xmlTextReaderDepth(in->xr) >= in->lim->max_depth) {
            pbi_error_set(in->err, PB_ERR_XML_TOO_DEEP, _("XML elements are nested more than %u deep"),
                         in->lim->max_depth);
            return -1;
        }
        return 1;
    }
    if (ret == 0)
        return 0;
    if (pbi_part_error(in->part)->status != PB_OK)
        *in->err = *pbi_part_error(in->part);
    else if (in->xml_err.status != PB_OK)
        *in->err = in->xml_err;
    else
        pbi_error_set(in->err, PB_ERR_XML_MALFORMED, _("the part \"%s\" is not well-formed XML"), in->name);
    return -1;
}

static int node_type(xml_in *in) { return xmlTextReaderNodeType(in->xr); }
static int node_depth(xml_in *in) { return xmlTextReaderDepth(in->xr); }
static bool node_empty(xml_in *in) { return xmlTextReaderIsEmptyElement(in->xr) == 1; }

static bool local_is(xml_in *in, const char *name)
{
    return xmlStrEqual(xmlTextReaderConstLocalName(in->xr), BAD_CAST name);
}

/* A SpreadsheetML element (transitional or strict namespace). */
static bool sml_is(xml_in *in, const char *name)
{
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(in->xr);
    return local_is(in, name) && ns && (xmlStrEqual(ns, BAD_CAST SML_NS) || xmlStrEqual(ns, BAD_CAST SML_NS_S));
}

/* An attribute copied into buf (truncated to cap); false when absent. */
static bool attr(xml_in *in, const char *name, char *buf, size_t cap)
{
    xmlChar *v = xmlTextReaderGetAttribute(in->xr, BAD_CAST name);
    if (!v)
        return false;
    snprintf(buf, cap, "%s", (const char *)v);
    xmlFree(v);
    return true;
}

static bool rel_id_attr(xml_in *in, char *buf, size_t cap)
{
    xmlChar *v = xmlTextReaderGetAttributeNs(in->xr, BAD_CAST "id", BAD_CAST REL_NS);
    if (!v)
        v = xmlTextReaderGetAttributeNs(in->xr, BAD_CAST "id", BAD_CAST REL_NS_S);
    if (!v)
        return false;
    snprintf(buf, cap, "%s", (const char *)v);
    xmlFree(v);
    return true;
}

static bool is_text_node(int type)
{
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

static bool oom(pb_error *e)
{
    pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
    return false;
}

/* Appends the current text node to b, bounded by the cell text limit. */
static bool append_node_text(xml_in *in, pb_buf *b)
{
    const xmlChar *v = xmlTextReaderConstValue(in->xr);
    size_t n = v ? (size_t)xmlStrlen(v) : 0;
    if (b->len + n > in->lim->max_cell_text) {
        pbi_error_set(in->err, PB_ERR_CELL_TOO_LARGE, _("a cell or string of \"%s\" holds more than %llu bytes of text"),
                     in->name, (unsigned long long)in->lim->max_cell_text);
        return false;
    }
    return !n || pbi_buf_append(b, (const char *)v, n) || oom(in->err);
}

/* ---- part names */

static void dir_of(const char *part, char *out, size_t cap)
{
    snprintf(out, cap, "%s", part);
    char *slash = strrchr(out, '/');
    if (slash)
        slash[1] = '\0';
    else
        out[0] = '\0';
}

/* A relationship target resolved against the source part's folder; NULL
 * when it leaves the package or is not a plain part name. */
static char *resolve_target(pb_arena *a, const char *dir, const char *target)
{
    char joined[2 * NAME_MAX_LEN];
    if (!*target || strchr(target, '\\') || strchr(target, ':') || strlen(target) >= NAME_MAX_LEN)
        return NULL;
    if (target[0] == '/')
        snprintf(joined, sizeof joined, "%s", target);
    else
        snprintf(joined, sizeof joined, "%s%s", dir, target);
    char out[2 * NAME_MAX_LEN];
    size_t len = 0;
    const char *s = joined;
    while (*s) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 2 && s[0] == '.' && s[1] == '.') {
            if (len == 0)
                return NULL; /* above the package root */
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--;
        } else if (n > 0 && !(n == 1 && s[0] == '.')) {
            if (len > 0)
                out[len++] = '/';
            memcpy(out + len, s, n);
            len += n;
        }
        s = e ? e + 1 : s + n;
    }
    out[len] = '\0';
    return len ? pb_arena_strdup(a, out) : NULL;
}

/* ---- [Content_Types].xml */

static bool workbook_type(const char *t)
{
    return strstr(t, "spreadsheetml.sheet.main") || strstr(t, "spreadsheetml.template.main") ||
           strstr(t, "ms-excel.sheet.macroEnabled.main") || strstr(t, "ms-excel.template.macroEnabled.main") ||
           strstr(t, "ms-excel.sheet.binary.macroEnabled.main");
}

static bool has_suffix_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

bool pbi_xlsx_is_workbook(pb_zip *z, const char *main_part)
{
    static const pb_limits small = {.max_depth = 32, .max_cell_text = 1 << 16};
    pb_error e = {0};
    xml_in in;
    char by_default[NAME_MAX_LEN] = "", by_override[NAME_MAX_LEN] = "";
    const char *ext = strrchr(main_part, '.');
    if (xml_open(&in, z, "[Content_Types].xml", &small, &e)) {
        int ret;
        while (!by_override[0] && (ret = xml_next(&in, false)) == 1) {
            if (node_type(&in) != XML_READER_TYPE_ELEMENT)
                continue;
            char name[NAME_MAX_LEN], type[NAME_MAX_LEN];
            if (local_is(&in, "Override") && attr(&in, "PartName", name, sizeof name) &&
                attr(&in, "ContentType", type, sizeof type) && strcasecmp(name + (name[0] == '/'), main_part) == 0)
                snprintf(by_override, sizeof by_override, "%s", type);
            else if (local_is(&in, "Default") && ext && attr(&in, "Extension", name, sizeof name) &&
                     attr(&in, "ContentType", type, sizeof type) && strcasecmp(name, ext + 1) == 0)
                snprintf(by_default, sizeof by_default, "%s", type);
        }
        xml_close(&in);
    }
    const char *type = by_override[0] ? by_override : by_default;
    if (*type)
        return workbook_type(type) != 0;
    return has_suffix_ci(main_part, "workbook.xml");
}

/* ---- relationships of the workbook */

typedef struct rel {
    char *id, *type, *target;
} rel;

typedef struct rels {
    rel *items;
    size_t count, cap;
} rels;

static bool read_rels(pb_zip *z, pb_arena *a, const char *part, const pb_limits *l, rels *out, pb_error *e)
{
    char dir[NAME_MAX_LEN], path[2 * NAME_MAX_LEN];
    dir_of(part, dir, sizeof dir);
    snprintf(path, sizeof path, "%s_rels/%s.rels", dir, part + strlen(dir));
    xml_in in;
    if (!xml_open(&in, z, path, l, e))
        return false;
    int ret;
    while ((ret = xml_next(&in, false)) == 1) {
        if (node_type(&in) != XML_READER_TYPE_ELEMENT || !local_is(&in, "Relationship"))
            continue;
        char id[NAME_MAX_LEN], type[NAME_MAX_LEN], target[NAME_MAX_LEN], mode[32] = "";
        if (!attr(&in, "Id", id, sizeof id) || !attr(&in, "Type", type, sizeof type) ||
            !attr(&in, "Target", target, sizeof target))
            continue;
        attr(&in, "TargetMode", mode, sizeof mode);
        if (strcasecmp(mode, "External") == 0 || out->count >= l->max_entries)
            continue; /* never followed; more than the zip holds cannot all resolve */
        char *resolved = resolve_target(a, dir, target);
        if (!resolved)
            continue;
        if (!pbi_grow(a, (void **)&out->items, &out->cap, out->count, sizeof *out->items)) {
            xml_close(&in);
            return oom(e);
        }
        rel *r = &out->items[out->count];
        r->id = pb_arena_strdup(a, id);
        r->type = pb_arena_strdup(a, type);
        r->target = resolved;
        if (!r->id || !r->type) {
            xml_close(&in);
            return oom(e);
        }
        out->count++;
    }
    xml_close(&in);
    return ret == 0;
}

static bool type_is(const char *type, const char *kind)
{
    size_t n = strlen(type), m = strlen(kind);
    return n > m && type[n - m - 1] == '/' && strcmp(type + n - m, kind) == 0;
}

static const rel *rel_by_type(const rels *r, const char *kind)
{
    for (size_t i = 0; i < r->count; i++)
        if (type_is(r->items[i].type, kind))
            return &r->items[i];
    return NULL;
}

static const rel *rel_by_id(const rels *r, const char *id)
{
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->items[i].id, id) == 0)
            return &r->items[i];
    return NULL;
}

/* ---- number formats */

typedef enum { NF_GENERAL, NF_NUMBER, NF_PERCENT, NF_DATE, NF_TEXT } numfmt_kind;

typedef struct numfmt {
    numfmt_kind kind;
    int decimals; /* fraction digits at least */
    char prefix[48], suffix[48];
} numfmt;

static void put_literal(numfmt *f, bool after, const char *s, size_t n)
{
    char *dst = after ? f->suffix : f->prefix;
    size_t len = strlen(dst);
    if (len + n < sizeof f->prefix) {
        memcpy(dst + len, s, n);
        dst[len + n] = '\0';
    }
}

/* Reads the first section of a format code: literals, digits, %, dates. */
static void parse_format(const char *code, numfmt *f)
{
    memset(f, 0, sizeof *f);
    f->kind = NF_NUMBER;
    if (strncasecmp(code, "General", 7) == 0 && (code[7] == '\0' || code[7] == ';')) {
        f->kind = NF_GENERAL;
        return;
    }
    bool digits = false, fraction = false, percent = false, date = false, text = false;
    for (const char *s = code; *s && *s != ';'; s++) {
        char c = *s;
        if (c == '"') {
            const char *e = strchr(s + 1, '"');
            size_t n = e ? (size_t)(e - s - 1) : strlen(s + 1);
            put_literal(f, digits, s + 1, n);
            s += n + (e ? 1 : 0);
        } else if (c == '\\' && s[1]) {
            unsigned cp;
            int n = pbi_utf8_decode(s + 1, &cp);
            put_literal(f, digits, s + 1, (size_t)n);
            s += n;
        } else if (c == '[') {
            const char *e = strchr(s, ']');
            if (!e)
                break;
            if (s[1] == '$') { /* [$¥-804]: a currency symbol */
                const char *dash = memchr(s + 2, '-', (size_t)(e - s - 2));
                put_literal(f, digits, s + 2, (size_t)((dash ? dash : e) - s - 2));
            }
            s = e;
        } else if ((c == '_' || c == '*') && s[1]) {
            s++; /* padding or fill by the next character */
        } else if (c == '0' || c == '#' || c == '?') {
            digits = true;
            if (fraction && c == '0')
                f->decimals++;
        } else if (c == '.' && digits) {
            fraction = true;
        } else if (c == '%') {
            percent = true;
            put_literal(f, digits, "%", 1);
        } else if (c == '@') {
            text = true;
        } else if (strchr("yYdDmMhHsS", c) && !digits) {
            date = date || strchr("yYdDmM", c) != NULL;
        } else if (c == ',' || c == 'E' || c == 'e' || c == '+') {
            /* grouping and exponents: the number is written plainly */
        } else {
            unsigned cp;
            int n = pbi_utf8_decode(s, &cp);
            put_literal(f, digits, s, (size_t)n);
            s += n - 1;
        }
    }
    if (text)
        f->kind = NF_TEXT;
    else if (date && !digits)
        f->kind = NF_DATE;
    else if (percent)
        f->kind = NF_PERCENT;
    else if (!digits)
        f->kind = NF_GENERAL;
}

/* The built-in formats (ECMA-376 Part 1, 18.8.30) that change how a number
 * reads; the others print it plainly. */
static void builtin_format(int id, numfmt *f)
{
    memset(f, 0, sizeof *f);
    f->kind = NF_NUMBER;
    switch (id) {
    case 2: case 4: case 7: case 8: case 39: case 40: case 43: case 44:
        f->decimals = 2;
        break;
    case 1: case 3: case 5: case 6: case 37: case 38: case 41: case 42:
        break;
    case 9:
        f->kind = NF_PERCENT;
        strcpy(f->suffix, "%");
        break;
    case 10:
        f->kind = NF_PERCENT;
        f->decimals = 2;
        strcpy(f->suffix, "%");
        break;
    case 14: case 15: case 16: case 17: case 22: case 27: case 28: case 29: case 30: case 31: case 34:
    case 35: case 36: case 50: case 51: case 52: case 53: case 54: case 57: case 58:
        f->kind = NF_DATE;
        break;
    case 49:
        f->kind = NF_TEXT;
        break;
    default:
        f->kind = NF_GENERAL;
    }
}

typedef struct custom_fmt {
    int id;
    numfmt fmt;
} custom_fmt;

/* ---- the workbook's shared state */

typedef struct workbook {
    pb_zip *z;
    const pb_limits *lim;
    pb_error *err;
    pb_arena *a; /* everything below, for the whole read */
    const pb_docx_sink *sink;
    bool date1904;
    const char **strings;
    size_t string_count, string_cap;
    int *xf_fmt; /* cellXfs index → numFmtId */
    size_t xf_count, xf_cap;
    custom_fmt *fmts;
    size_t fmt_count, fmt_cap;
    int sheets_read;
} workbook;

static const numfmt *cell_format(const workbook *wb, int style, numfmt *tmp)
{
    int id = style >= 0 && (size_t)style < wb->xf_count ? wb->xf_fmt[style] : 0;
    for (size_t i = 0; i < wb->fmt_count; i++)
        if (wb->fmts[i].id == id)
            return &wb->fmts[i].fmt;
    builtin_format(id, tmp);
    return tmp;
}

/* ---- numbers, exactly */

/* A stored number as significant digits and the place of the point:
 * value = 0.digits × 10^point (sign apart). */
typedef struct dec_text {
    bool negative;
    char digits[NUM_TEXT_MAX];
    size_t len;
    long point;
} dec_text;

static bool parse_stored(const char *s, dec_text *d)
{
    memset(d, 0, sizeof *d);
    while (*s == ' ')
        s++;
    if (*s == '-' || *s == '+')
        d->negative = *s++ == '-';
    bool any = false, seen_point = false, leading = true;
    long point = 0;
    for (; (*s >= '0' && *s <= '9') || (*s == '.' && !seen_point); s++) {
        if (*s == '.') {
            seen_point = true;
            continue;
        }
        any = true;
        if (leading && *s == '0') {
            if (seen_point)
                point--; /* 0.05: the point moves left of the first digit */
            continue;
        }
        leading = false;
        if (d->len < NUM_TEXT_MAX - 1)
            d->digits[d->len++] = *s;
        if (!seen_point && point < 100000)
            point++;
    }
    if (!any)
        return false;
    if (*s == 'e' || *s == 'E') {
        s++;
        bool neg = *s == '-';
        if (*s == '-' || *s == '+')
            s++;
        long e = 0;
        if (!(*s >= '0' && *s <= '9'))
            return false;
        for (; *s >= '0' && *s <= '9'; s++)
            if (e < 100000)
                e = e * 10 + (*s - '0');
        point += neg ? -e : e;
    }
    while (*s == ' ')
        s++;
    if (*s)
        return false;
    d->digits[d->len] = '\0';
    d->point = point;
    if (d->len == 0)
        d->negative = false;
    return true;
}

/* Excel keeps 15 significant digits; "0.30000000000000004" is 0.3. */
static void round_15(dec_text *d)
{
    if (d->len > 15) {
        bool up = d->digits[15] >= '5';
        d->len = 15;
        for (int i = 14; up && i >= 0; i--) {
            if (d->digits[i] == '9')
                d->digits[i] = '0';
            else {
                d->digits[i]++;
                up = false;
            }
        }
        if (up) {
            memmove(d->digits + 1, d->digits, 14);
            d->digits[0] = '1';
            d->point++;
        }
    }
    while (d->len > 0 && d->digits[d->len - 1] == '0')
        d->len--;
    d->digits[d->len] = '\0';
    if (d->len == 0)
        d->negative = false;
}

static bool plain_number(const dec_text *d, int decimals, pb_buf *out)
{
    char buf[3 * NUM_TEXT_MAX];
    size_t n = 0;
    if (d->negative)
        buf[n++] = '-';
    int frac = 0;
    if (d->len == 0)
        buf[n++] = '0';
    else if (d->point <= 0) {
        buf[n++] = '0';
        buf[n++] = '.';
        for (long i = 0; i < -d->point; i++, frac++)
            buf[n++] = '0';
        for (size_t i = 0; i < d->len; i++, frac++)
            buf[n++] = d->digits[i];
    } else {
        for (long i = 0; i < d->point; i++)
            buf[n++] = (size_t)i < d->len ? d->digits[i] : '0';
        if ((size_t)d->point < d->len) {
            buf[n++] = '.';
            for (size_t i = (size_t)d->point; i < d->len; i++, frac++)
                buf[n++] = d->digits[i];
        }
    }
    if (decimals > 0 && frac == 0)
        buf[n++] = '.';
    for (; frac < decimals && frac < 30; frac++)
        buf[n++] = '0';
    return pbi_buf_append(out, buf, n);
}

/* Days since 1970-01-01 → civil date (the proleptic Gregorian calendar). */
static void civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* A date serial: day 1 is 1900-01-01 (day 60 the 1900-02-29 that Lotus
 * invented), or day 0 is 1904-01-01 in the 1904 system. */
static bool date_text(const dec_text *d, bool date1904, pb_buf *out)
{
    if (d->negative || d->point > 7)
        return false;
    long serial = 0;
    for (long i = 0; i < d->point; i++)
        serial = serial * 10 + ((size_t)i < d->len ? d->digits[i] - '0' : 0);
    if (serial > 2958465)
        return false;
    char buf[32];
    if (!date1904 && serial == 60) {
        snprintf(buf, sizeof buf, "1900-02-29");
    } else {
        /* 1899-12-31 is day -25568 from 1970; 1904-01-01 is day -24107. */
        long days = date1904 ? serial - 24107 : (serial > 60 ? serial - 1 : serial) - 25568;
        long y;
        int m, dd;
        civil_from_days(days, &y, &m, &dd);
        snprintf(buf, sizeof buf, "%04ld-%02d-%02d", y, m, dd);
    }
    return pbi_buf_append(out, buf, strlen(buf));
}

/* The text a number cell shows; false only when out of memory. */
static bool number_text(const workbook *wb, const char *stored, int style, pb_buf *out)
{
    numfmt tmp;
    const numfmt *f = cell_format(wb, style, &tmp);
    dec_text d;
    if (f->kind == NF_TEXT || !parse_stored(stored, &d))
        return pbi_buf_append(out, stored, strlen(stored));
    round_15(&d);
    if (f->kind == NF_DATE && date_text(&d, wb->date1904, out))
        return true;
    if (f->kind == NF_PERCENT)
        d.point += 2;
    if (d.point > NUM_TEXT_MAX || d.point < -NUM_TEXT_MAX)
        return pbi_buf_append(out, stored, strlen(stored));
    bool general = f->kind == NF_GENERAL || f->kind == NF_DATE;
    return (general || pbi_buf_append(out, f->prefix, strlen(f->prefix))) &&
           plain_number(&d, general ? 0 : f->decimals, out) &&
           (general || pbi_buf_append(out, f->suffix, strlen(f->suffix)));
}

/* Excel writes characters XML cannot hold as _xHHHH_ ("_x000D_"). */
static void unescape_x(char *s)
{
    char *o = s;
    for (const char *p = s; *p;) {
        unsigned cp = 0;
        bool esc = p[0] == '_' && p[1] == 'x';
        for (int i = 2; esc && i < 6; i++) {
            char c = p[i];
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            esc = v >= 0;
            cp = cp * 16 + (unsigned)(v < 0 ? 0 : v);
        }
        if (esc && p[6] == '_' && cp > 0 && cp < 0x80) {
            if (cp != '\r')
                *o++ = (char)cp;
            p += 7;
        } else
            *o++ = *p++;
    }
    *o = '\0';
}

/* ---- styles.xml */

static bool read_styles(workbook *wb, const char *part)
{
    xml_in in;
    if (!xml_open(&in, wb->z, part, wb->lim, wb->err))
        return false;
    int ret, xfs_depth = -1, fmts_depth = -1;
    while ((ret = xml_next(&in, false)) == 1) {
        int type = node_type(&in), depth = node_depth(&in);
        if (type == XML_READER_TYPE_END_ELEMENT) {
            if (depth == xfs_depth)
                xfs_depth = -1;
            if (depth == fmts_depth)
                fmts_depth = -1;
            continue;
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        char v[FMT_CODE_MAX + 8];
        if (sml_is(&in, "cellXfs") && !node_empty(&in))
            xfs_depth = depth;
        else if (sml_is(&in, "numFmts") && !node_empty(&in))
            fmts_depth = depth;
        else if (xfs_depth >= 0 && depth == xfs_depth + 1 && sml_is(&in, "xf") && wb->xf_count < MAX_XFS) {
            if (!pbi_grow(wb->a, (void **)&wb->xf_fmt, &wb->xf_cap, wb->xf_count, sizeof *wb->xf_fmt))
                break;
            wb->xf_fmt[wb->xf_count++] = attr(&in, "numFmtId", v, sizeof v) ? atoi(v) : 0;
        } else if (fmts_depth >= 0 && depth == fmts_depth + 1 && sml_is(&in, "numFmt") &&
                   wb->fmt_count < MAX_NUMFMTS && attr(&in, "numFmtId", v, sizeof v)) {
            int id = atoi(v);
            if (!attr(&in, "formatCode", v, sizeof v) || strlen(v) > FMT_CODE_MAX)
                continue;
            if (!pbi_grow(wb->a, (void **)&wb->fmts, &wb->fmt_cap, wb->fmt_count, sizeof *wb->fmts))
                break;
            wb->fmts[wb->fmt_count].id = id;
            parse_format(v, &wb->fmts[wb->fmt_count].fmt);
            wb->fmt_count++;
        }
    }
    xml_close(&in);
    if (ret == 1)
        return oom(wb->err);
    return ret == 0;
}

/* ---- sharedStrings.xml */

/* Appends one string.  A workbook uses no more distinct strings than it
 * has cells, so their number is bounded like cells are (four sheets' worth
 * of the cell limit); the index grows by realloc, without leaving copies
 * behind.  False with the error set. */
static bool add_string(workbook *wb, xml_in *in, const char *s)
{
    uint64_t max = wb->lim->max_cells > UINT64_MAX / 4 ? UINT64_MAX : wb->lim->max_cells * 4;
    if (wb->string_count >= max) {
        pbi_error_set(wb->err, PB_ERR_PART_TOO_LARGE, _("the part \"%s\" holds more than %llu strings"), in->name,
                     (unsigned long long)max);
        return false;
    }
    if (wb->string_count == wb->string_cap) {
        size_t cap = wb->string_cap ? wb->string_cap * 2 : 256;
        const char **n = cap < SIZE_MAX / sizeof *n ? realloc(wb->strings, cap * sizeof *n) : NULL;
        if (!n)
            return oom(wb->err);
        wb->strings = n;
        wb->string_cap = cap;
    }
    wb->strings[wb->string_count++] = s;
    return true;
}

static bool read_shared_strings(workbook *wb, const char *part)
{
    xml_in in;
    if (!xml_open(&in, wb->z, part, wb->lim, wb->err))
        return false;
    pb_buf b = {0};
    bool in_si = false, in_t = false, ok = true, skip = false;
    int ret;
    while (ok && (ret = xml_next(&in, skip)) == 1) {
        skip = false;
        int type = node_type(&in);
        if (type == XML_READER_TYPE_ELEMENT) {
            if (sml_is(&in, "si")) {
                in_si = !node_empty(&in);
                pbi_buf_reset(&b);
                if (!in_si)
                    ok = add_string(wb, &in, "");
            } else if (in_si && sml_is(&in, "rPh"))
                skip = !node_empty(&in); /* phonetic guide: not the text */
            else if (in_si && sml_is(&in, "t"))
                in_t = !node_empty(&in);
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (sml_is(&in, "t"))
                in_t = false;
            else if (sml_is(&in, "si") && in_si) {
                in_si = false;
                char *s = pb_arena_strndup(wb->a, b.data ? b.data : "", b.len);
                if (s)
                    unescape_x(s);
                ok = s ? add_string(wb, &in, s) : oom(wb->err);
            }
        } else if (in_t && is_text_node(type)) {
            ok = append_node_text(&in, &b);
        }
    }
    pbi_buf_free(&b);
    xml_close(&in);
    return ok && ret == 0;
}

/* ---- worksheets */

typedef struct sheet_cell {
    int row, col;
    int seq; /* document order; -1 for an empty cell made for a merged range */
    const char *text;
} sheet_cell;

typedef struct merge {
    int r1, c1, r2, c2;
} merge;

typedef struct sheet {
    workbook *wb;
    xml_in in;
    pb_arena *a; /* this sheet's cells and table */
    const char *name;
    int index;
    sheet_cell *cells;
    size_t count, cap;
    merge *merges;
    size_t merge_count, merge_cap;
    int rows, width; /* extent of the non-empty cells */
    /* the open row and cell */
    int row, next_col;
    bool in_cell, in_v, in_t;
    int col, style;
    char type[16];
    pb_buf text;
} sheet;

/* "AB12" → column 27, row 12 (1-based); false when malformed. */
static bool parse_ref(const char *s, int *col, int *row)
{
    long c = 0, r = 0;
    int letters = 0, digits = 0;
    for (; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'); s++, letters++)
        if (c <= XLSX_MAX_COL)
            c = c * 26 + ((*s | 0x20) - 'a' + 1);
    for (; *s >= '0' && *s <= '9'; s++, digits++)
        if (r <= XLSX_MAX_ROW)
            r = r * 10 + (*s - '0');
    if (*s || (col && (letters == 0 || c > XLSX_MAX_COL)) || (row && (digits == 0 || r > XLSX_MAX_ROW || r < 1)))
        return false;
    if (col)
        *col = (int)c;
    if (row)
        *row = (int)r;
    return true;
}

static bool sheet_fail(sheet *sh, pb_status s, const char *msg)
{
    pbi_error_set(sh->wb->err, s, "%s", msg);
    return false;
}

static bool row_start(sheet *sh)
{
    char v[32];
    int r;
    if (attr(&sh->in, "r", v, sizeof v) && parse_ref(v, NULL, &r))
        sh->row = r;
    else
        sh->row++;
    sh->next_col = 1;
    return true;
}

static bool cell_start(sheet *sh)
{
    char v[32];
    int c, r;
    if (sh->row < 1)
        sh->row = 1;
    if (attr(&sh->in, "r", v, sizeof v) && parse_ref(v, &c, &r)) {
        sh->col = c;
        sh->row = r;
    } else
        sh->col = sh->next_col;
    sh->next_col = sh->col + 1;
    sh->style = attr(&sh->in, "s", v, sizeof v) ? atoi(v) : 0;
    if (!attr(&sh->in, "t", sh->type, sizeof sh->type))
        strcpy(sh->type, "n");
    sh->in_cell = true;
    pbi_buf_reset(&sh->text);
    return true;
}

static const char *trimmed(const char *s, char *buf, size_t cap)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    snprintf(buf, cap, "%s", s);
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        buf[--n] = '\0';
    return buf;
}

/* The text the cell shows, or NULL with the error set. */
static const char *cell_text(sheet *sh)
{
    const char *raw = sh->text.data ? sh->text.data : "";
    const char *t = sh->type;
    if (strcmp(t, "s") == 0) {
        char buf[32];
        const char *v = trimmed(raw, buf, sizeof buf);
        char *end;
        unsigned long i = strtoul(v, &end, 10);
        if (!*v)
            return "";
        if (*end || i >= sh->wb->string_count) {
            char msg[256];
            snprintf(msg, sizeof msg, _("worksheet \"%s\" refers to shared string %s, which does not exist"), sh->name, v);
            sheet_fail(sh, PB_ERR_XML_MALFORMED, msg);
            return NULL;
        }
        return sh->wb->strings[i];
    }
    if (strcmp(t, "b") == 0)
        return raw[0] == '1' ? "TRUE" : "FALSE";
    if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0 || strcmp(t, "e") == 0 || strcmp(t, "d") == 0) {
        char *s = pb_arena_strndup(sh->a, raw, sh->text.len);
        if (s)
            unescape_x(s);
        return s;
    }
    if (sh->text.len == 0)
        return "";
    pb_buf b = {0};
    char *s = NULL;
    if (number_text(sh->wb, raw, sh->style, &b))
        s = pb_arena_strndup(sh->a, b.data ? b.data : "", b.len);
    pbi_buf_free(&b);
    return s;
}

static bool cell_end(sheet *sh)
{
    sh->in_cell = sh->in_v = sh->in_t = false;
    const char *text = cell_text(sh);
    if (!text)
        return sh->wb->err->status != PB_OK ? false : oom(sh->wb->err);
    if (!*text)
        return true; /* formatting only */
    const pb_limits *l = sh->wb->lim;
    char msg[256];
    if ((uint64_t)sh->row > l->max_rows) {
        snprintf(msg, sizeof msg, _("worksheet \"%s\" has a value in row %d, beyond the limit of %u rows"), sh->name,
                 sh->row, l->max_rows);
        return sheet_fail(sh, PB_ERR_TABLE_TOO_LARGE, msg);
    }
    if ((uint64_t)sh->col > l->max_columns) {
        snprintf(msg, sizeof msg, _("worksheet \"%s\" has a value in column %d, beyond the limit of %u columns"),
                 sh->name, sh->col, l->max_columns);
        return sheet_fail(sh, PB_ERR_GRID_TOO_WIDE, msg);
    }
    if (sh->count >= l->max_cells) {
        snprintf(msg, sizeof msg, _("worksheet \"%s\" has more than %llu cells"), sh->name,
                 (unsigned long long)l->max_cells);
        return sheet_fail(sh, PB_ERR_TABLE_TOO_LARGE, msg);
    }
    if (!pbi_grow(sh->a, (void **)&sh->cells, &sh->cap, sh->count, sizeof *sh->cells))
        return oom(sh->wb->err);
    sh->cells[sh->count] = (sheet_cell){sh->row - 1, sh->col - 1, (int)sh->count, text};
    sh->count++;
    if (sh->row > sh->rows)
        sh->rows = sh->row;
    if (sh->col > sh->width)
        sh->width = sh->col;
    return true;
}

static bool merge_cell(sheet *sh)
{
    char ref[64];
    if (!attr(&sh->in, "ref", ref, sizeof ref))
        return true;
    char *colon = strchr(ref, ':');
    if (!colon)
        return true;
    *colon = '\0';
    merge m;
    if (!parse_ref(ref, &m.c1, &m.r1) || !parse_ref(colon + 1, &m.c2, &m.r2))
        return true; /* not a range we can place: ignored, like a bad format */
    if (m.r2 < m.r1 || m.c2 < m.c1 || (m.r1 == m.r2 && m.c1 == m.c2))
        return true;
    if (sh->merge_count >= sh->wb->lim->max_cells) {
        char msg[256];
        snprintf(msg, sizeof msg, _("worksheet \"%s\" has more than %llu merged ranges"), sh->name,
                 (unsigned long long)sh->wb->lim->max_cells);
        return sheet_fail(sh, PB_ERR_TABLE_TOO_LARGE, msg);
    }
    if (!pbi_grow(sh->a, (void **)&sh->merges, &sh->merge_cap, sh->merge_count, sizeof *sh->merges))
        return oom(sh->wb->err);
    sh->merges[sh->merge_count++] = (merge){m.r1 - 1, m.c1 - 1, m.r2 - 1, m.c2 - 1};
    return true;
}

static int cmp_cells(const void *x, const void *y)
{
    const sheet_cell *a = x, *b = y;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Merged ranges are clipped to the extent of the values: a range reaching
 * past them is formatting, not content. */
static bool clip_merge(const sheet *sh, merge *m)
{
    if (m->r1 >= sh->rows || m->c1 >= sh->width)
        return false;
    if (m->r2 >= sh->rows)
        m->r2 = sh->rows - 1;
    if (m->c2 >= sh->width)
        m->c2 = sh->width - 1;
    return m->r2 > m->r1 || m->c2 > m->c1;
}

/* Marks the slots of each sound merged range with its number (1-based).
 * A range starting inside an earlier one is dropped (r1 = -1); the slots
 * visited stay within the grid's size, so overlapping ranges cannot make
 * the work grow with their count. */
static bool place_merges(sheet *sh, size_t *owner, size_t slots)
{
    size_t work = 0, w = (size_t)sh->width;
    for (size_t i = 0; i < sh->merge_count; i++) {
        merge *m = &sh->merges[i];
        if (!clip_merge(sh, m) || owner[(size_t)m->r1 * w + (size_t)m->c1]) {
            m->r1 = -1;
            continue;
        }
        size_t area = (size_t)(m->r2 - m->r1 + 1) * (size_t)(m->c2 - m->c1 + 1);
        if ((work += area) > slots) {
            char msg[256];
            snprintf(msg, sizeof msg, _("worksheet \"%s\" has overlapping merged ranges"), sh->name);
            return sheet_fail(sh, PB_ERR_TABLE_TOO_LARGE, msg);
        }
        for (int r = m->r1; r <= m->r2; r++)
            for (int c = m->c1; c <= m->c2; c++)
                if (!owner[(size_t)r * w + (size_t)c])
                    owner[(size_t)r * w + (size_t)c] = i + 1;
        /* A range whose first cell is empty still is a cell. */
        if (!pbi_grow(sh->a, (void **)&sh->cells, &sh->cap, sh->count, sizeof *sh->cells))
            return oom(sh->wb->err);
        sh->cells[sh->count++] = (sheet_cell){m->r1, m->c1, -1, ""};
    }
    return true;
}

/* Whether a value shows: not hidden under a range it does not start. */
static bool visible(const sheet *sh, const size_t *owner, int r, int c)
{
    size_t o = owner[(size_t)r * (size_t)sh->width + (size_t)c];
    return !o || (sh->merges[o - 1].r1 == r && sh->merges[o - 1].c1 == c);
}

static bool build_rows(sheet *sh, pb_table *t, const size_t *owner)
{
    pb_arena *a = sh->a;
    size_t w = (size_t)sh->width;
    for (size_t i = 0; i < sh->count;) {
        int r = sh->cells[i].row;
        size_t j = i;
        while (j < sh->count && sh->cells[j].row == r)
            j++;
        pb_row *row = &t->rows[r];
        row->cells = pb_arena_alloc(a, (j - i + 1) * sizeof *row->cells);
        if (!row->cells)
            return false;
        for (size_t k = i; k < j; k++) {
            const sheet_cell *sc = &sh->cells[k];
            /* The last of cells written twice wins; a value wins over the
             * empty cell made for its range. */
            if ((k + 1 < j && sh->cells[k + 1].col == sc->col) || !visible(sh, owner, r, sc->col))
                continue;
            pb_cell *c = &row->cells[row->count++];
            *c = (pb_cell){sc->text, r, sc->col, 1, 1};
            t->grid[(size_t)r * w + (size_t)sc->col] = c;
        }
        i = j;
    }
    for (int r = 0; r < sh->rows; r++)
        if (!t->rows[r].cells && !(t->rows[r].cells = pb_arena_alloc(a, sizeof *t->rows[r].cells)))
            return false;
    for (size_t i = 0; i < sh->merge_count; i++) {
        const merge *m = &sh->merges[i];
        if (m->r1 < 0)
            continue;
        pb_cell *c = t->grid[(size_t)m->r1 * w + (size_t)m->c1];
        c->row_span = m->r2 - m->r1 + 1;
        c->col_span = m->c2 - m->c1 + 1;
        for (int r = m->r1; r <= m->r2; r++)
            for (int k = m->c1; k <= m->c2; k++)
                if (owner[(size_t)r * w + (size_t)k] == i + 1)
                    t->grid[(size_t)r * w + (size_t)k] = c;
    }
    return true;
}

static pb_table *build_table(sheet *sh)
{
    pb_arena *a = sh->a;
    pb_table *t = pb_arena_alloc(a, sizeof *t);
    if (!t)
        return NULL;
    t->index = sh->index;
    t->name = sh->name;
    t->parent_table = t->parent_row = t->parent_col = -1;
    size_t slots = (size_t)sh->rows * (size_t)sh->width;
    if (slots > sh->wb->lim->max_cells) {
        char msg[256];
        snprintf(msg, sizeof msg, _("worksheet \"%s\" spans %d rows × %d columns, more than %llu cells"), sh->name,
                 sh->rows, sh->width, (unsigned long long)sh->wb->lim->max_cells);
        sheet_fail(sh, PB_ERR_TABLE_TOO_LARGE, msg);
        return NULL;
    }
    t->row_count = sh->rows;
    t->width = sh->width;
    t->rows = pb_arena_alloc(a, ((size_t)sh->rows + 1) * sizeof *t->rows);
    t->grid = pb_arena_alloc(a, (slots + 1) * sizeof *t->grid);
    size_t *owner = pb_arena_alloc(a, (slots + 1) * sizeof *owner);
    if (!t->rows || !t->grid || !owner || !place_merges(sh, owner, slots))
        return NULL;
    qsort(sh->cells, sh->count, sizeof *sh->cells, cmp_cells);
    return build_rows(sh, t, owner) ? t : NULL;
}

/* One element of a worksheet; *skip steps over its subtree. */
static bool sheet_element(sheet *sh, int depth, bool *skip)
{
    xml_in *in = &sh->in;
    bool empty = node_empty(in);
    if (depth == 0) {
        if (sml_is(in, "worksheet"))
            return true;
        return sheet_fail(sh, PB_ERR_NO_MAIN_PART, _("a worksheet part is not a SpreadsheetML worksheet"));
    }
    if (depth == 1) {
        *skip = !(sml_is(in, "sheetData") || sml_is(in, "mergeCells")) && !empty;
        return true;
    }
    if (sml_is(in, "row")) {
        row_start(sh);
        return true;
    }
    if (sml_is(in, "c")) {
        cell_start(sh);
        return !empty || cell_end(sh);
    }
    if (sh->in_cell && sml_is(in, "v")) {
        sh->in_v = !empty;
        return true;
    }
    if (sh->in_cell && (sml_is(in, "is") || sml_is(in, "r")))
        return true;
    if (sh->in_cell && sml_is(in, "t")) {
        sh->in_t = !empty;
        return true;
    }
    if (sml_is(in, "mergeCell"))
        return merge_cell(sh);
    *skip = !empty; /* formulas, phonetic runs, anything else */
    return true;
}

static bool read_sheet(sheet *sh, const char *part)
{
    if (!xml_open(&sh->in, sh->wb->z, part, sh->wb->lim, sh->wb->err))
        return false;
    int ret;
    bool skip = false, ok = true;
    while (ok && (ret = xml_next(&sh->in, skip)) == 1) {
        skip = false;
        int type = node_type(&sh->in);
        if (type == XML_READER_TYPE_ELEMENT)
            ok = sheet_element(sh, node_depth(&sh->in), &skip);
        else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (sml_is(&sh->in, "v"))
                sh->in_v = false;
            else if (sml_is(&sh->in, "t"))
                sh->in_t = false;
            else if (sml_is(&sh->in, "c") && sh->in_cell)
                ok = cell_end(sh);
        } else if ((sh->in_v || sh->in_t) && is_text_node(type))
            ok = append_node_text(&sh->in, &sh->text);
    }
    xml_close(&sh->in);
    pbi_buf_free(&sh->text);
    if (!ok || ret != 0)
        return false;
    pb_table *t = build_table(sh);
    if (!t)
        return sh->wb->err->status != PB_OK ? false : oom(sh->wb->err);
    return !sh->wb->sink->table || sh->wb->sink->table(sh->wb->sink->ctx, t) || oom(sh->wb->err);
}

/* ---- workbook.xml */

typedef struct sheet_ref {
    char *name, *rid;
} sheet_ref;

static bool read_workbook(workbook *wb, const char *part, sheet_ref **sheets, size_t *count)
{
    xml_in in;
    if (!xml_open(&in, wb->z, part, wb->lim, wb->err))
        return false;
    size_t cap = 0;
    int ret;
    bool skip = false, seen_root = false;
    while ((ret = xml_next(&in, skip)) == 1) {
        skip = false;
        if (node_type(&in) != XML_READER_TYPE_ELEMENT)
            continue;
        char v[NAME_MAX_LEN], rid[NAME_MAX_LEN];
        if (!seen_root) {
            seen_root = true;
            if (!sml_is(&in, "workbook")) {
                xml_close(&in);
                pbi_error_set(wb->err, PB_ERR_NO_MAIN_PART, "%s", _("the main part is not a SpreadsheetML workbook"));
                return false;
            }
        } else if (sml_is(&in, "workbookPr")) {
            wb->date1904 = attr(&in, "date1904", v, sizeof v) && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
        } else if (sml_is(&in, "sheet") && attr(&in, "name", v, sizeof v) && rel_id_attr(&in, rid, sizeof rid)) {
            if (*count >= wb->lim->max_tables) {
                xml_close(&in);
                pbi_error_set(wb->err, PB_ERR_TOO_MANY_TABLES, _("the workbook has more than %u sheets"),
                             wb->lim->max_tables);
                return false;
            }
            if (!pbi_grow(wb->a, (void **)sheets, &cap, *count, sizeof **sheets)) {
                xml_close(&in);
                return oom(wb->err);
            }
            sheet_ref *s = &(*sheets)[*count];
            s->name = pb_arena_strdup(wb->a, v);
            s->rid = pb_arena_strdup(wb->a, rid);
            if (!s->name || !s->rid) {
                xml_close(&in);
                return oom(wb->err);
            }
            (*count)++;
        } else if (node_depth(&in) == 1 && !sml_is(&in, "sheets") && !node_empty(&in)) {
            skip = true; /* defined names, views, extensions */
        }
    }
    xml_close(&in);
    if (ret == 0 && !seen_root)
        pbi_error_set(wb->err, PB_ERR_XML_MALFORMED, "%s", _("the workbook part is empty"));
    return ret == 0 && seen_root;
}

static bool read_sheets(workbook *wb, const rels *r, const sheet_ref *sheets, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const rel *target = rel_by_id(r, sheets[i].rid);
        if (!target) {
            pbi_error_set(wb->err, PB_ERR_NO_MAIN_PART, _("the workbook names sheet \"%s\", whose part is missing"),
                         sheets[i].name);
            return false;
        }
        if (!type_is(target->type, "worksheet"))
            continue; /* chart sheets and dialog sheets hold no cells */
        sheet sh;
        memset(&sh, 0, sizeof sh);
        sh.wb = wb;
        sh.name = sheets[i].name;
        sh.index = wb->sheets_read++;
        sh.a = pb_arena_new();
        if (!sh.a)
            return oom(wb->err);
        bool ok = read_sheet(&sh, target->target);
        pb_arena_free(sh.a);
        if (!ok)
            return false;
    }
    return true;
}

bool pbi_xlsx_read(pb_zip *z, const char *workbook_part, const pb_limits *l, const pb_docx_sink *sink, pb_error *e)
{
    if (has_suffix_ci(workbook_part, ".bin")) {
        pbi_error_set(e, PB_ERR_NO_MAIN_PART, "%s",
                     _("this is a binary workbook (.xlsb), which is not supported; save it as .xlsx"));
        return false;
    }
    workbook wb;
    memset(&wb, 0, sizeof wb);
    wb.z = z;
    wb.lim = l;
    wb.err = e;
    wb.sink = sink;
    wb.a = pb_arena_new();
    if (!wb.a)
        return oom(e);
    rels r = {0};
    sheet_ref *sheets = NULL;
    size_t count = 0;
    bool ok = read_rels(z, wb.a, workbook_part, l, &r, e);
    const rel *styles = ok ? rel_by_type(&r, "styles") : NULL;
    const rel *strings = ok ? rel_by_type(&r, "sharedStrings") : NULL;
    ok = ok && (!styles || read_styles(&wb, styles->target));
    ok = ok && (!strings || read_shared_strings(&wb, strings->target));
    ok = ok && read_workbook(&wb, workbook_part, &sheets, &count);
    ok = ok && read_sheets(&wb, &r, sheets, count);
    free(wb.strings);
    pb_arena_free(wb.a);
    return ok && e->status == PB_OK;
}
