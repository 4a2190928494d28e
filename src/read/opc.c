/* Relationships, content types and the main part (see opc.h). */
#include "read/opc.h"
#include "read/xml.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- targets */

char *pbi_opc_resolve(pb_arena *a, const char *source, const char *target)
{
    char joined[2 * PBI_OPC_NAME_MAX];
    if (!*target || strchr(target, '\\') || strchr(target, ':') || strlen(target) >= PBI_OPC_NAME_MAX ||
        strlen(source) >= PBI_OPC_NAME_MAX)
        return NULL;
    const char *slash = strrchr(source, '/');
    int dir_len = slash ? (int)(slash - source + 1) : 0;
    if (target[0] == '/')
        snprintf(joined, sizeof joined, "%s", target);
    else
        snprintf(joined, sizeof joined, "%.*s%s", dir_len, source, target);
    char out[2 * PBI_OPC_NAME_MAX];
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

/* ---- relationships */

typedef struct rels_reader {
    pb_arena *a;
    const char *source;
    const pb_limits *lim;
    pbi_opc_rels *out;
    pb_error *err;
    /* the package's main part only: stop at the first officeDocument */
    bool stop_at_main;
} rels_reader;

static bool oom(pb_error *e)
{
    pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
    return false;
}

static bool is_external(const pbi_xml_attr *a, int n)
{
    char mode[32];
    return pbi_xml_attr_copy(a, n, "TargetMode", NULL, NULL, mode, sizeof mode) && strcasecmp(mode, "External") == 0;
}

static bool rel_start(void *ctx, const char *ns, const char *local, const pbi_xml_attr *a, int n,
                      const pbi_xml_ns *d, int nd)
{
    (void)ns;
    (void)d;
    (void)nd;
    rels_reader *r = ctx;
    if (strcmp(local, "Relationship") != 0)
        return true;
    char id[PBI_OPC_NAME_MAX], type[PBI_OPC_NAME_MAX], target[PBI_OPC_NAME_MAX];
    if (!pbi_xml_attr_copy(a, n, "Type", NULL, NULL, type, sizeof type) ||
        !pbi_xml_attr_copy(a, n, "Target", NULL, NULL, target, sizeof target))
        return true;
    if (!pbi_xml_attr_copy(a, n, "Id", NULL, NULL, id, sizeof id))
        id[0] = '\0';
    if (is_external(a, n) || r->out->count >= r->lim->max_entries)
        return true; /* never followed; more than the zip holds cannot all resolve */
    char *resolved = pbi_opc_resolve(r->a, r->source, target);
    if (!resolved)
        return true;
    if (!pbi_grow(r->a, (void **)&r->out->items, &r->out->cap, r->out->count, sizeof *r->out->items))
        return oom(r->err);
    pbi_opc_rel *rel = &r->out->items[r->out->count];
    rel->id = pb_arena_strdup(r->a, id);
    rel->type = pb_arena_strdup(r->a, type);
    rel->target = resolved;
    rel->read = false;
    if (!rel->id || !rel->type)
        return oom(r->err);
    r->out->count++;
    /* the package's: the first officeDocument relationship is the one */
    return !(r->stop_at_main && pbi_opc_type_is(type, "officeDocument"));
}

static void rels_name(const char *source, char *out, size_t cap)
{
    const char *slash = strrchr(source, '/');
    int dir = slash ? (int)(slash - source + 1) : 0;
    snprintf(out, cap, "%.*s_rels/%s.rels", dir, source, source + dir);
}

static bool read_rels(pb_zip *z, pb_arena *a, const char *source, const pb_limits *l, pbi_opc_rels *out,
                      bool stop_at_main, pb_error *e)
{
    char name[2 * PBI_OPC_NAME_MAX + 16];
    rels_name(source, name, sizeof name);
    if (!pbi_zip_has(z, name))
        return true;
    pb_part *part = pbi_part_open(z, name, e);
    if (!part)
        return false;
    rels_reader r = {a, source, l, out, e, stop_at_main};
    pbi_xml_handler h = {&r, rel_start, NULL, NULL, NULL};
    bool ok = pbi_xml_parse(part, name, l, &h, e);
    pbi_part_close(part);
    return ok;
}

bool pbi_opc_read_rels(pb_zip *z, pb_arena *a, const char *source, const pb_limits *l, pbi_opc_rels *out,
                       pb_error *e)
{
    return read_rels(z, a, source, l, out, false, e);
}

bool pbi_opc_type_is(const char *type, const char *kind)
{
    size_t n = strlen(type), m = strlen(kind);
    return n > m && type[n - m - 1] == '/' && strcmp(type + n - m, kind) == 0;
}

const pbi_opc_rel *pbi_opc_rel_by_type(const pbi_opc_rels *r, const char *kind)
{
    for (size_t i = 0; i < r->count; i++)
        if (pbi_opc_type_is(r->items[i].type, kind))
            return &r->items[i];
    return NULL;
}

const pbi_opc_rel *pbi_opc_rel_by_id(const pbi_opc_rels *r, const char *id)
{
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->items[i].id, id) == 0)
            return &r->items[i];
    return NULL;
}

/* ---- the package's main part */

static bool is_office_document_type(const char *t)
{
    return strcmp(t, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument") == 0 ||
           strcmp(t, "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument") == 0;
}

char *pbi_zip_main_part(pb_zip *z, pb_arena *a, pb_error *e)
{
    if (!pbi_zip_has(z, "_rels/.rels")) {
        pbi_error_set(e, PB_ERR_NO_MAIN_PART, "%s",
                     _("no main document part: the package has no _rels/.rels (not a Word document?)"));
        return NULL;
    }
    /* the package's rels are small: the limits of a small part */
    pb_limits small = *pbi_zip_limits(z);
    if (small.max_cell_text > (1u << 16))
        small.max_cell_text = 1u << 16;
    pbi_opc_rels rels = {0};
    pb_error rerr = {0};
    bool ok = read_rels(z, a, "", &small, &rels, true, &rerr);
    const char *target = NULL;
    for (size_t i = 0; i < rels.count && !target; i++)
        if (is_office_document_type(rels.items[i].type))
            target = rels.items[i].target;
    if (!ok && rerr.status == PB_ERR_XML_DOCTYPE) {
        pbi_error_set(e, PB_ERR_XML_DOCTYPE, "%s",
                     _("_rels/.rels declares a DOCTYPE (entities or a DTD), which a Word document never needs; refused"));
        return NULL;
    }
    if (!ok && !target) {
        bool xml = rerr.status == PB_ERR_XML_MALFORMED || rerr.status == PB_ERR_XML_ENCODING ||
                   rerr.status == PB_ERR_XML_TOO_DEEP || rerr.status == PB_ERR_CELL_TOO_LARGE;
        if (xml)
            pbi_error_set(e, PB_ERR_NO_MAIN_PART, "%s", _("_rels/.rels is not well-formed XML"));
        else
            *e = rerr;
        return NULL;
    }
    if (!target) {
        pbi_error_set(e, PB_ERR_NO_MAIN_PART, "%s",
                     _("no main document part: _rels/.rels has no officeDocument relationship"));
        return NULL;
    }
    if (!pbi_zip_has(z, target)) {
        pbi_error_set(e, PB_ERR_NO_MAIN_PART, _("the main document part \"%s\" named in _rels/.rels is missing"),
                     target);
        return NULL;
    }
    return (char *)target;
}

/* ---- [Content_Types].xml */

typedef struct types_reader {
    const char *part, *ext;
    char by_default[PBI_OPC_NAME_MAX], by_override[PBI_OPC_NAME_MAX];
} types_reader;

static bool type_start(void *ctx, const char *ns, const char *local, const pbi_xml_attr *a, int n,
                       const pbi_xml_ns *d, int nd)
{
    (void)ns;
    (void)d;
    (void)nd;
    types_reader *t = ctx;
    char name[PBI_OPC_NAME_MAX], type[PBI_OPC_NAME_MAX];
    if (strcmp(local, "Override") == 0 && pbi_xml_attr_copy(a, n, "PartName", NULL, NULL, name, sizeof name) &&
        pbi_xml_attr_copy(a, n, "ContentType", NULL, NULL, type, sizeof type) &&
        strcasecmp(name + (name[0] == '/'), t->part) == 0) {
        snprintf(t->by_override, sizeof t->by_override, "%s", type);
        return false; /* an Override is final */
    }
    if (strcmp(local, "Default") == 0 && t->ext &&
        pbi_xml_attr_copy(a, n, "Extension", NULL, NULL, name, sizeof name) &&
        pbi_xml_attr_copy(a, n, "ContentType", NULL, NULL, type, sizeof type) && strcasecmp(name, t->ext) == 0)
        snprintf(t->by_default, sizeof t->by_default, "%s", type);
    return true;
}

bool pbi_opc_content_type(pb_zip *z, const char *part, char *buf, size_t cap)
{
    static const pb_limits small = {.max_depth = 32, .max_cell_text = 1 << 16};
    pb_error e = {0};
    types_reader t = {.part = part};
    const char *dot = strrchr(part, '.');
    t.ext = dot ? dot + 1 : NULL;
    pb_part *p = pbi_zip_has(z, "[Content_Types].xml") ? pbi_part_open(z, "[Content_Types].xml", &e) : NULL;
    if (p) {
        pbi_xml_handler h = {&t, type_start, NULL, NULL, NULL};
        pbi_xml_parse(p, "[Content_Types].xml", &small, &h, &e); /* what was read before an error counts */
        pbi_part_close(p);
    }
    const char *type = t.by_override[0] ? t.by_override : t.by_default;
    if (!*type)
        return false;
    snprintf(buf, cap, "%s", type);
    return true;
}
