/* `pbcheck annotate`: every cell the reader sees has an anchor whose text
 * holds the cell's text (fixtures of every layout kind, the bundled filing,
 * ../shared/data); the annotated copy gives the same findings, keeps every
 * other part byte for byte, differs in the main part only by the anchors,
 * opens in LibreOffice (each annotation in the right cell) and python-docx;
 * existing comments keep their ids; outputs are planned and written safely. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "read/annotate.h"

#include <dirent.h>
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#define SHARED "../shared/data"

/* fx_tmp_path's buffer is reused by every call (fx_run's too): a copy in
 * a ring of buffers, each valid for the next 63 calls. */
static const char *tp(const char *name)
{
    static char ring[64][512];
    static size_t next;
    char *s = ring[next++ % 64];
    snprintf(s, sizeof ring[0], "%s", fx_tmp_path(name));
    return s;
}

static int strcmp_ptr(const char *const *a, const char *const *b) { return strcmp(*a, *b); }

/* ---- reading parts back */

static char *part_of(const char *path, const char *name, size_t *len)
{
    int err;
    zip_t *z = zip_open(path, ZIP_RDONLY, &err);
    if (!z)
        return NULL;
    zip_stat_t st;
    char *buf = NULL;
    if (zip_stat(z, name, 0, &st) == 0 && (buf = malloc(st.size + 1))) {
        zip_file_t *f = zip_fopen(z, name, 0);
        zip_int64_t n = f ? zip_fread(f, buf, st.size) : -1;
        if (f)
            zip_fclose(f);
        if (n != (zip_int64_t)st.size) {
            free(buf);
            buf = NULL;
        } else {
            buf[st.size] = 0;
            if (len)
                *len = st.size;
        }
    }
    zip_close(z);
    return buf;
}

static char *main_part_name(const char *path)
{
    pb_limits l;
    pb_limits_default(&l);
    pb_error e = {0};
    pb_zip *z = pbi_zip_open_file(path, &l, &e);
    if (!z)
        return NULL;
    pb_arena *a = pb_arena_new();
    char *n = pbi_zip_main_part(z, a, &e);
    char *r = n ? strdup(n) : NULL;
    pb_arena_free(a);
    pbi_zip_close(z);
    return r;
}

/* The text of the w:t elements between start and end (entities decoded). */
static char *region_text(const char *xml, size_t start, size_t end, const char *prefix)
{
    char open[48], close[48];
    snprintf(open, sizeof open, "<%s%st", prefix, prefix[0] ? ":" : "");
    snprintf(close, sizeof close, "</%s%st>", prefix, prefix[0] ? ":" : "");
    size_t cap = end - start + 1, n = 0;
    char *out = malloc(cap + 1);
    const char *p = xml + start, *stop = xml + end;
    while (p < stop && (p = strstr(p, open)) && p < stop) {
        char after = p[strlen(open)];
        if (after != '>' && after != ' ') {
            p++;
            continue;
        }
        const char *gt = strchr(p, '>');
        if (gt[-1] == '/') {
            p = gt;
            continue;
        }
        const char *q = strstr(gt, close);
        for (const char *s = gt + 1; s < q; s++) {
            if (*s == '&') {
                static const struct { const char *e; char c; } ents[] = {
                    {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
                bool done = false;
                for (size_t k = 0; k < 5 && !done; k++)
                    if (strncmp(s, ents[k].e, strlen(ents[k].e)) == 0) {
                        out[n++] = ents[k].c;
                        s += strlen(ents[k].e) - 1;
                        done = true;
                    }
                if (done)
                    continue;
            }
            out[n++] = *s;
        }
        p = q;
    }
    out[n] = 0;
    return out;
}

/* Without white space (the reader turns w:tab into a tab, w:br into a
 * line break). */
static void squeeze(char *s)
{
    char *w = s;
    for (char *p = s; *p; p++)
        if (!strchr(" \t\r\n", *p))
            *w++ = *p;
    *w = 0;
}

/* Every cell the reader sees has an anchor at its place, and each line of
 * the cell's text is in the anchored region. */
static void check_map(const char *path)
{
    pb_options o;
    pb_options_default(&o);
    o.keep_tables = true;
    pb_document *d = pb_read_file(path, &o);
    assert_non_null(d);
    if (d->error.status != PB_OK || d->format != PB_FORMAT_DOCX) {
        pb_document_free(d);
        return;
    }
    char *name = main_part_name(path);
    assert_non_null(name);
    size_t len;
    char *xml = part_of(path, name, &len);
    assert_non_null(xml);
    pb_arena *a = pb_arena_new();
    pbi_anchor_map m;
    pb_error e = {0};
    assert_true(pbi_anchor_map_build(xml, len, a, &m, &e));
    size_t cells = 0;
    for (size_t t = 0; t < d->table_count; t++) {
        const pb_table *tb = d->tables[t];
        for (int r = 0; r < tb->row_count; r++)
            for (int c = 0; c < tb->rows[r].count; c++) {
                const pb_cell *cell = &tb->rows[r].cells[c];
                const pbi_cell_anchor *an = NULL;
                for (size_t i = 0; i < m.count && !an; i++)
                    if (m.cells[i].table == tb->index && m.cells[i].row == cell->row && m.cells[i].col == cell->col)
                        an = &m.cells[i];
                if (!an)
                    fail_msg("%s: table %d row %d col %d has no anchor", path, tb->index, cell->row, cell->col);
                assert_int_equal(an->span, cell->col_span);
                assert_false(an->vmerge_continue && cell->row_span == 1 && r > 0 && false);
                if (!an->has_para)
                    continue;
                char *region = region_text(xml, an->start, an->end, m.prefix);
                char *text = strdup(cell->text);
                char *save = NULL;
                squeeze(region);
                for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
                    if (squeeze(line), !strstr(region, line))
                        fail_msg("%s: table %d row %d col %d: 「%s」 not in the anchored 「%.200s」", path, tb->index,
                                 cell->row, cell->col, line, region);
                free(text);
                free(region);
                cells++;
            }
    }
    /* Each entry of part 1 (a body paragraph the reader numbered) has the
     * anchor of that paragraph, whose text holds the entry. */
    for (size_t i = 0; i < d->summary_count; i++) {
        int k = d->summary[i].paragraph;
        if (k < 0 || (size_t)k >= m.para_count)
            fail_msg("%s: body paragraph %d (「%s」) has no anchor", path, k, d->summary[i].text);
        const pbi_cell_anchor *an = &m.paras[k];
        assert_true(an->has_para);
        assert_int_equal(an->table, -1);
        char *region = region_text(xml, an->start, an->end, m.prefix);
        char *text = strdup(d->summary[i].text);
        squeeze(region);
        squeeze(text);
        if (!strstr(region, text))
            fail_msg("%s: paragraph %d: 「%s」 not in the anchored 「%.200s」", path, k, text, region);
        free(text);
        free(region);
    }
    pb_arena_free(a);
    free(xml);
    free(name);
    pb_document_free(d);
}

/* ---- the annotated copy */

static char *findings_json(const char *path)
{
    char args[1200];
    snprintf(args, sizeof args, "-f jsonl --lang en '%s'", path);
    run_result r = fx_run(args);
    /* Only the findings: the path is the one thing that differs. */
    char *s = r.out;
    char *f = strstr(s, "\"findings\"");
    char *res = strdup(f ? f : "");
    fx_run_free(&r);
    return res;
}

/* The main part with our anchors taken out. */
static void strip_anchors(char *s, const char *pfx)
{
    char a[160], b[160];
    snprintf(a, sizeof a, "<%scommentRangeStart %sid=\"", pfx, pfx);
    snprintf(b, sizeof b, "<%scommentRangeEnd %sid=\"", pfx, pfx);
    char ref[200];
    snprintf(ref, sizeof ref, "<%sr><%scommentReference %sid=\"", pfx, pfx, pfx);
    char ref_end[80];
    snprintf(ref_end, sizeof ref_end, "\"/></%sr>", pfx);
    char *w = s;
    for (char *p = s; *p;) {
        if (strncmp(p, a, strlen(a)) == 0 || strncmp(p, b, strlen(b)) == 0) {
            p = strstr(p, "/>") + 2;
            continue;
        }
        if (strncmp(p, ref, strlen(ref)) == 0) {
            p = strstr(p, ref_end) + strlen(ref_end);
            continue;
        }
        *w++ = *p++;
    }
    *w = 0;
}

static xmlChar *c14n(const char *xml)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "x.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlChar *out = NULL;
    assert_true(xmlC14NDocDumpMemory(doc, NULL, XML_C14N_1_0, NULL, 0, &out) >= 0);
    xmlFreeDoc(doc);
    return out;
}

static bool is_rewritten(const char *name, const char *main)
{
    char rels[512];
    const char *slash = strrchr(main, '/');
    snprintf(rels, sizeof rels, "%.*s_rels/%s.rels", slash ? (int)(slash - main + 1) : 0, main,
             slash ? slash + 1 : main);
    return strcmp(name, main) == 0 || strcmp(name, rels) == 0 || strcmp(name, "[Content_Types].xml") == 0 ||
           strstr(name, "comments.xml") != NULL;
}

/* Every other part: same compressed bytes (size, CRC, method) and data. */
static void check_parts(const char *in, const char *out)
{
    char *main = main_part_name(in);
    int err;
    zip_t *zi = zip_open(in, ZIP_RDONLY, &err), *zo = zip_open(out, ZIP_RDONLY, &err);
    assert_non_null(zi);
    assert_non_null(zo);
    zip_int64_t n = zip_get_num_entries(zi, 0);
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zip_get_name(zi, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        zip_int64_t j = zip_name_locate(zo, name, ZIP_FL_ENC_RAW);
        if (j < 0)
            fail_msg("%s: part %s is missing from the copy", in, name);
        if (is_rewritten(name, main))
            continue;
        zip_stat_t a, b;
        assert_int_equal(zip_stat_index(zi, (zip_uint64_t)i, 0, &a), 0);
        assert_int_equal(zip_stat_index(zo, (zip_uint64_t)j, 0, &b), 0);
        if (a.crc != b.crc || a.comp_size != b.comp_size)
            fail_msg("%s: part %s was not copied unchanged (%llu → %llu compressed bytes)", in, name,
                     (unsigned long long)a.comp_size, (unsigned long long)b.comp_size);
        assert_int_equal(a.comp_method, b.comp_method);
        size_t la, lb;
        char *da = part_of(in, name, &la), *db = part_of(out, name, &lb);
        assert_non_null(da);
        assert_non_null(db);
        assert_int_equal(la, lb);
        assert_memory_equal(da, db, la);
        free(da);
        free(db);
    }
    zip_close(zi);
    zip_close(zo);
    /* The main part, anchors removed. */
    size_t la, lb;
    char *da = part_of(in, main, &la), *db = part_of(out, main, &lb);
    pb_arena *ar = pb_arena_new();
    pbi_anchor_map m;
    pb_error e = {0};
    assert_true(pbi_anchor_map_build(da, la, ar, &m, &e));
    char pfx[40];
    snprintf(pfx, sizeof pfx, "%s%s", m.prefix, m.prefix[0] ? ":" : "");
    strip_anchors(db, pfx);
    if (strcmp(da, db) != 0) {
        /* Only an empty <w:p/> that received a comment may differ, as
         * <w:p></w:p>: equal once canonical. */
        xmlChar *ca = c14n(da), *cb = c14n(db);
        assert_string_equal((char *)ca, (char *)cb);
        xmlFree(ca);
        xmlFree(cb);
    }
    pb_arena_free(ar);
    free(da);
    free(db);
    free(main);
}

static bool have(const char *cmd)
{
    char buf[256];
    snprintf(buf, sizeof buf, "command -v %s >/dev/null 2>&1", cmd);
    return system(buf) == 0;
}

/* LibreOffice: each office:annotation sits in a table cell whose text is
 * the cell the finding points at (the check in Python over content.xml). */
static const char lo_check_py[] =
    "import json, re, sys, zipfile, xml.etree.ElementTree as ET\n"
    "O='urn:oasis:names:tc:opendocument:xmlns:office:1.0'; T='urn:oasis:names:tc:opendocument:xmlns:table:1.0'\n"
    "X='urn:oasis:names:tc:opendocument:xmlns:text:1.0'; DC='http://purl.org/dc/elements/1.1/'\n"
    "def merge(kv):\n"
    "    m = {}\n"
    "    for k, v in kv: m.setdefault(k, []).extend(v)\n"
    "    return m\n"
    "want = json.load(open(sys.argv[2]), object_pairs_hook=merge)\n"
    "root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('content.xml'))\n"
    "parent = {c: p for p in root.iter() for c in p}\n"
    "norm = lambda s: re.sub(r'\\s+', '', s)\n"
    "def text(e):\n"
    "    if e.tag in ('{%s}annotation' % O, '{%s}table' % T): return e.tail or ''\n"
    "    return (e.text or '') + ''.join(text(c) for c in e) + (e.tail or '')\n"
    "def cell_text(c):\n"
    "    return (c.text or '') + ''.join(text(k) for k in c)\n"
    "n = 0\n"
    "for a in root.iter('{%s}annotation' % O):\n"
    "    who = ''.join(x.text or '' for x in a.iter('{%s}creator' % DC))\n"
    "    if who != 'pbcheck': continue\n"
    "    body = norm(''.join(''.join(p.itertext()) for p in a.iter('{%s}p' % X)))\n"
    "    c = parent.get(a)\n"
    "    while c is not None and c.tag != '{%s}table-cell' % T: c = parent.get(c)\n"
    "    if c is None:\n"
    "        # LibreOffice moves the start of a range that opens the first cell\n"
    "        # of a body beginning with a table out before the table: the end\n"
    "        # (where Word shows the reference mark) must then be in the cell.\n"
    "        name = a.get('{%s}name' % O)\n"
    "        ends = [e for e in root.iter('{%s}annotation-end' % O) if e.get('{%s}name' % O) == name]\n"
    "        c = ends[0] if ends else None\n"
    "        while c is not None and c.tag != '{%s}table-cell' % T: c = parent.get(c)\n"
    "    cands = want.get('__verdict__' if body.startswith('pbcheckverdict') else body)\n"
    "    paras = [x for x in (cands or []) if x.startswith('\u00b6')]\n"
    "    if c is None and paras:\n"
    "        # a finding on a body paragraph: the annotation is in that paragraph\n"
    "        p = parent.get(a)\n"
    "        while p is not None and p.tag not in ('{%s}p' % X, '{%s}h' % X): p = parent.get(p)\n"
    "        got = norm(text(p) if p is not None else '')\n"
    "        hit = [x for x in paras if x[1:] in got]\n"
    "        if not hit: sys.exit('annotation %s in paragraph %r, expected one of %r' % (body[:60], got[:60], paras))\n"
    "        cands.remove(hit[0]); n += 1; continue\n"
    "    if c is None and cands and '' in cands:\n"
    "        cands.remove(''); n += 1; continue  # no cell at all: on the first paragraph\n"
    "    if c is None: sys.exit('annotation outside any cell: ' + body[:80])\n"
    "    got = norm(cell_text(c))\n"
    "    if not cands: sys.exit('unexpected annotation ' + body[:80])\n"
    "    if got not in cands: sys.exit('annotation %s in cell %r, expected one of %r' % (body[:60], got[:60], [x[:60] for x in cands]))\n"
    "    cands.remove(got); n += 1\n"
    "left = sum(len(v) for v in want.values())\n"
    "if left: sys.exit('%d comments not shown by LibreOffice' % left)\n"
    "print(n)\n";

/* A finding on a body paragraph: "¶" and the text of part 1's entry there
 * (the reader keeps no other body paragraph), NULL for any other. */
static char *expected_paragraph(const pb_document *d, pb_loc loc)
{
    if (loc.table >= 0 || loc.paragraph < 0)
        return NULL;
    const char *t = "";
    for (size_t i = 0; i < d->summary_count; i++)
        if (d->summary[i].paragraph == loc.paragraph)
            t = d->summary[i].text;
    char *s = malloc(strlen(t) + 4);
    sprintf(s, "\u00b6%s", t);
    return s;
}

static const pb_cell *expected_cell(const pb_document *d, pb_loc loc)
{
    const pb_table *first = NULL, *t = NULL;
    for (size_t i = 0; i < d->table_count; i++) {
        if (!first || d->tables[i]->index < first->index)
            first = d->tables[i];
        if (d->tables[i]->index == loc.table)
            t = d->tables[i];
    }
    const pb_cell *c = t && loc.row >= 0 && loc.col >= 0 ? pb_table_at(t, loc.row, loc.col) : NULL;
    if (!c && t && loc.row >= 0)
        c = pb_table_at(t, loc.row, 0);
    /* Else the table's first cell, else the first table's. */
    for (int r = 0; !c && t && r < t->row_count; r++)
        if (t->rows[r].count)
            c = &t->rows[r].cells[0];
    for (int r = 0; !c && first && r < first->row_count; r++)
        if (first->rows[r].count)
            c = &first->rows[r].cells[0];
    return c;
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
            continue; /* compared without white space */
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* The office checks are batched: one soffice and one python3 for all the
 * copies of a test (starting them costs more than the checks). */
typedef struct pending {
    char *in, *copy, *want;
} pending;
static pending pend[256];
static size_t pend_count;

static void check_office(const char *in, const char *out)
{
    if (pend_count == sizeof pend / sizeof *pend)
        fail_msg("too many pending office checks");
    /* The expected cell of every comment, by its text, in the run's language
     * (English: the test runs pbcheck with --lang en). */
    setenv("LANGUAGE", "en", 1);
    pb_options o;
    pb_options_default(&o);
    o.keep_tables = true;
    pb_document *d = pb_read_file(in, &o);
    pb_config cfg;
    pb_config_default(&cfg);
    assert_true(pb_check(d, &cfg));
    char name[64];
    snprintf(name, sizeof name, "lo-want-%zu.json", pend_count);
    const char *want = tp(name);
    FILE *f = fopen(want, "w");
    fputs("{\"__verdict__\":[", f);
    const pb_cell *top = expected_cell(d, PB_NOLOC);
    json_str(f, top ? top->text : "");
    fputs("]", f);
    for (size_t i = 0; i < d->finding_count; i++) {
        const pb_finding *fd = &d->findings[i];
        const pb_cell *c = expected_cell(d, fd->loc);
        char key[4096];
        const char *sev = fd->severity == PB_SEV_ERROR ? "error" : fd->severity == PB_SEV_WARNING ? "warning" : "info";
        snprintf(key, sizeof key, "[%s] %s %s%s", sev, fd->rule->id, fd->rule->summary, fd->message);
        char *para = expected_paragraph(d, fd->loc);
        fputc(',', f);
        json_str(f, key);
        fputs(":[", f);
        json_str(f, para ? para : c ? c->text : "");
        fputc(']', f);
        free(para);
    }
    fputc('}', f);
    fclose(f);
    pb_document_free(d);
    const char *dir = tp("office");
    mkdir(dir, 0777);
    char copy[1024], cmd[4096];
    snprintf(copy, sizeof copy, "%s/c%zu.docx", dir, pend_count);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", out, copy);
    assert_int_equal(system(cmd), 0);
    pend[pend_count++] = (pending){strdup(in), strdup(copy), strdup(want)};
}

static void office_flush(void)
{
    if (pend_count == 0)
        return;
    const char *dir = tp("office");
    char *cmd = malloc(64 * 1024);
    size_t n = 0;
    char bad[1200] = "";
    if (have("soffice")) {
        /* a profile of its own: a second soffice on the machine's shared
         * profile hands the job to the first and exits 1 */
        snprintf(cmd, 4096,
                 "cd '%s' && soffice -env:UserInstallation=\"file://$PWD/lo-profile\" --headless "
                 "--convert-to odt c*.docx >/dev/null 2>&1",
                 dir);
        assert_int_equal(system(cmd), 0);
        /* Findings with the same text repeat a key: the script merges them. */
        const char *py = tp("lo_check.py");
        FILE *f = fopen(py, "w");
        fputs(lo_check_py, f);
        fclose(f);
        for (size_t i = 0; i < pend_count && !bad[0]; i++) {
            snprintf(cmd, 4096, "/usr/bin/python3 '%s' '%.*s.odt' '%s' >/dev/null", py,
                     (int)(strlen(pend[i].copy) - 5), pend[i].copy, pend[i].want);
            if (system(cmd) != 0)
                snprintf(bad, sizeof bad, "%s: LibreOffice does not show the comments in their cells", pend[i].in);
        }
    } else
        fprintf(stderr, "soffice missing: LibreOffice check skipped\n");
    if (system("/usr/bin/python3 -c 'import docx' 2>/dev/null") == 0) {
        /* python-docx reads the copy as it reads the original. */
        n = (size_t)snprintf(cmd, 4096,
                             "/usr/bin/python3 -c 'import docx,sys\n"
                             "a=sys.argv[1:]\n"
                             "for i in range(0,len(a),2):\n"
                             " x=docx.Document(a[i]); y=docx.Document(a[i+1])\n"
                             " if len(x.tables)!=len(y.tables) or len(x.paragraphs)!=len(y.paragraphs): sys.exit(a[i])\n'");
        for (size_t i = 0; i < pend_count && n < 60 * 1024; i++)
            n += (size_t)snprintf(cmd + n, 64 * 1024 - n, " '%s' '%s'", pend[i].in, pend[i].copy);
        if (!bad[0] && system(cmd) != 0)
            snprintf(bad, sizeof bad, "python-docx does not read an annotated copy as its original");
    } else
        fprintf(stderr, "python3-docx missing: python-docx check skipped\n");
    free(cmd);
    for (size_t i = 0; i < pend_count; i++) {
        free(pend[i].in);
        free(pend[i].copy);
        free(pend[i].want);
    }
    pend_count = 0;
    char rm[1024];
    snprintf(rm, sizeof rm, "rm -rf '%s'", dir);
    (void)!system(rm);
    if (bad[0])
        fail_msg("%s", bad);
}

/* Annotates in (a .docx pbcheck reads) and checks the copy every way. */
static void check_annotated(const char *in, bool with_office)
{
    check_map(in);
    const char *out = tp("annotated.docx");
    unlink(out);
    char args[1200];
    snprintf(args, sizeof args, "annotate -q --lang en -o '%s' '%s'", out, in);
    run_result r = fx_run(args);
    if (r.status != 0 && r.status != 1)
        fail_msg("%s: annotate exited %d: %s", in, r.status, r.err);
    fx_run_free(&r);
    char *a = findings_json(in), *b = findings_json(out);
    if (strcmp(a, b) != 0)
        fail_msg("%s: the annotated copy gives other findings", in);
    free(a);
    free(b);
    check_parts(in, out);
    if (with_office) {
        check_office(in, out);
    }
}

/* ---- fixtures of every layout kind */

static const char *fixture(const char *name, const char *body)
{
    static char path[512];
    snprintf(path, sizeof path, "%s", tp(name));
    assert_true(fx_docx_file(path, body));
    return path;
}

static void test_reference_filing(void **state)
{
    (void)state;
    check_annotated("data/reference.docx", true);
    office_flush();
}

static void test_generated_project(void **state)
{
    (void)state;
    fx_project p = {.total = "100", .fiscal = "60", .other = "30"}; /* 60 + 30 ≠ 100 */
    char *body = fx_reference_body(&p, 1);
    check_annotated(fixture("project.docx", body), true);
    free(body);
    office_flush();
}

static void test_layout_kinds(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        /* merges: gridSpan, vMerge, legacy hMerge */
        TBL(TR(TCP(SPAN(2), "a") TC("b")) TR(TCP(VRESTART, "c") TC("d") TC("e")) TR(TCP(VCONT, "") TC("f") TC("g"))),
        "<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr><w:hMerge w:val=\"restart\"/></w:tcPr>" P("h1") "</w:tc>"
        "<w:tc><w:tcPr><w:hMerge/></w:tcPr>" P("") "</w:tc>" TC("h2") "</w:tr></w:tbl>",
        /* gridBefore and a deleted row */
        TBL(TRP("<w:gridBefore w:val=\"1\"/>", TC("x") TC("y")) TRP("<w:del w:id=\"1\" w:author=\"a\"/>", TC("gone"))
                TR(TC("p") TC("q") TC("r"))),
        /* a nested table */
        TBL(TR("<w:tc>" P("outer") TBL(TR(TC("inner1") TC("inner2"))) P("after") "</w:tc>" TC("o2"))),
        /* a content control around a cell and one in it */
        TBL(TR("<w:sdt><w:sdtPr/><w:sdtContent>" TC("in sdt") "</w:sdtContent></w:sdt>"
               "<w:tc><w:sdt><w:sdtPr/><w:sdtContent>" P("sdt para") "</w:sdtContent></w:sdt></w:tc>")),
        /* tracked changes in a cell, an empty <w:p/> cell, paragraph props */
        TBL(TR("<w:tc><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>new</w:t></w:r></w:ins>"
               "<w:del w:id=\"3\" w:author=\"a\"><w:r><w:delText>old</w:delText></w:r></w:del></w:p></w:tc>"
               "<w:tc><w:p/></w:tc><w:tc><w:tcPr/><w:p/><w:p>" "<w:r><w:t>second</w:t></w:r></w:p></w:tc>")),
        /* a table split across pages: repeated header rows */
        TBL(TRP("<w:tblHeader/>", TC("head")) TR(TC("1")) TRP("<w:tblHeader/>", TC("head")) TR(TC("2"))),
        /* no table at all */
        P("just a paragraph"),
    };
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
        char name[32];
        snprintf(name, sizeof name, "layout%zu.docx", i);
        /* A heading first: LibreOffice moves a comment that starts in the
         * first cell of a body that begins with a table out before it. */
        char *body = malloc(strlen(bodies[i]) + 64);
        sprintf(body, "%s%s", P("标题"), bodies[i]);
        /* LibreOffice drops the text of a cell-level content control
         * (layout 4): that one is checked without it. */
        check_annotated(fixture(name, body), i != 4);
        free(body);
    }
    office_flush();
}

static void test_strict_document(void **state)
{
    (void)state;
    const char *doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                      "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body>"
                      TBL(TR(TC("strict a") TC("strict b"))) "</w:body></w:document>";
    fx_part parts[] = {
        {"[Content_Types].xml",
         "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>", 0},
        {"_rels/.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>", 0},
        {"word/document.xml", doc, 0},
    };
    const char *path = tp("strict.docx");
    assert_true(fx_zip_file(path, parts, 3));
    check_annotated(path, false);
    char *c = part_of(tp("annotated.docx"), "word/comments.xml", NULL);
    assert_non_null(c);
    assert_non_null(strstr(c, "http://purl.oclc.org/ooxml/wordprocessingml/main"));
    free(c);
    char *rels = part_of(tp("annotated.docx"), "word/_rels/document.xml.rels", NULL);
    assert_non_null(rels);
    assert_non_null(strstr(rels, "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"));
    free(rels);
}

/* A document with comments keeps them, and ours take ids above theirs. */
static void test_existing_comments(void **state)
{
    (void)state;
    const char *path = SHARED "/word-samples/table_gridbefore.docx";
    if (access(path, R_OK) != 0)
        skip();
    check_annotated(path, true);
    const char *out = tp("annotated.docx");
    char *before = part_of(path, "word/comments.xml", NULL), *after = part_of(out, "word/comments.xml", NULL);
    assert_non_null(after);
    xmlDocPtr doc = xmlReadMemory(after, (int)strlen(after), "c.xml", NULL, 0);
    assert_non_null(doc);
    int ids[4096], n = 0;
    for (xmlNodePtr c = xmlDocGetRootElement(doc)->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *id = xmlGetNsProp(c, BAD_CAST "id", BAD_CAST W_NS);
        assert_non_null(id);
        for (int k = 0; k < n; k++)
            assert_int_not_equal(ids[k], atoi((char *)id));
        ids[n++] = atoi((char *)id);
        xmlFree(id);
    }
    xmlFreeDoc(doc);
    assert_true(n > 0);
    free(before);
    free(after);
    office_flush();
}

/* ../shared/data: every .docx, annotated and checked (LibreOffice on each). */
static void walk_shared(const char *dir, int *count)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    char *names[512];
    int n = 0;
    while ((de = readdir(d)) && n < 512)
        if (de->d_name[0] != '.')
            names[n++] = strdup(de->d_name);
    closedir(d);
    for (int i = 0; i < n; i++) {
        char p[1024];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
            walk_shared(p, count);
        else if (strlen(p) > 5 && strcmp(p + strlen(p) - 5, ".docx") == 0) {
            check_annotated(p, true);
            (*count)++;
        }
        free(names[i]);
    }
}

static void test_shared_data(void **state)
{
    (void)state;
    if (access(SHARED, R_OK) != 0)
        skip();
    int count = 0;
    walk_shared(SHARED, &count);
    assert_true(count > 0);
    office_flush();
}

/* ---- findings on a body paragraph */

/* The text from the start anchor of every comment whose text holds what
 * to the end of the paragraph it is in, joined by '|' (malloc'd). */
static char *anchored_paragraphs(const char *copy, const char *what)
{
    char *comments = part_of(copy, "word/comments.xml", NULL), *doc = part_of(copy, "word/document.xml", NULL);
    assert_non_null(comments);
    assert_non_null(doc);
    size_t cap = strlen(doc) + 1, n = 0;
    char *out = calloc(1, cap);
    for (const char *c = comments; (c = strstr(c, "<w:comment ")); c++) {
        const char *end = strstr(c, "</w:comment>");
        const char *hit = strstr(c, what);
        if (!hit || hit > end)
            continue;
        int id = atoi(strstr(c, "w:id=\"") + 6);
        char start[64];
        snprintf(start, sizeof start, "<w:commentRangeStart w:id=\"%d\"/>", id);
        const char *at = strstr(doc, start);
        assert_non_null(at);
        const char *para_end = strstr(at, "</w:p>");
        assert_non_null(para_end);
        char *t = region_text(doc, (size_t)(at - doc), (size_t)(para_end - doc), "w");
        n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? "|" : "", t);
        free(t);
    }
    free(comments);
    free(doc);
    return out;
}

static void test_paragraph_findings(void **state)
{
    (void)state;
    /* Part 1 lists a project that has no table: PB505 on that entry's
     * paragraph, not on a table. */
    fx_project p = {0};
    char *tables = fx_reference_body(&p, 1);
    const char *part1 = P("二、分项绩效目标") P("分项绩效目标") P("（一）房屋租赁和物业管理专项经费")
        P("（二）不存在的专项经费") P("三、工作保障措施");
    char *body = malloc(strlen(tables) + strlen(part1) + 1);
    sprintf(body, "%s%s", part1, tables);
    free(tables);
    const char *in = fixture("para.docx", body);
    free(body);
    check_annotated(in, true);
    char *got = anchored_paragraphs(tp("annotated.docx"), "but no table in part 2 has this");
    assert_string_equal(got, "（二）不存在的专项经费");
    free(got);
    office_flush();
}

/* ---- the check options */

/* The rule IDs of the comments of copy, sorted, one per line (malloc'd);
 * the verdict comment is "verdict". */
static char *comment_rules(const char *copy)
{
    char *c = part_of(copy, "word/comments.xml", NULL);
    assert_non_null(c);
    char *lines[512];
    size_t n = 0;
    for (const char *p = c; (p = strstr(p, "<w:comment ")) && n < 512; p++) {
        const char *t = strstr(p, "xml:space=\"preserve\">") + 21;
        const char *id = strstr(t, "] PB");
        const char *end = strstr(p, "</w:comment>");
        char buf[64];
        if (id && id < end && id < strstr(t, "<"))
            snprintf(buf, sizeof buf, "%.5s", id + 2);
        else
            snprintf(buf, sizeof buf, "verdict");
        lines[n++] = strdup(buf);
    }
    free(c);
    qsort(lines, n, sizeof *lines, (int (*)(const void *, const void *))strcmp_ptr);
    size_t cap = n * 10 + 1, k = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < n; i++) {
        k += (size_t)snprintf(out + k, cap - k, "%s\n", lines[i]);
        free(lines[i]);
    }
    return out;
}

/* pbcheck annotate with args on the reference filing; its exit status, and
 * the comments' rules in *rules (malloc'd). */
static int annotate_ref(const char *args, char **rules)
{
    const char *out = tp("opts.docx");
    unlink(out);
    char cmd[2000];
    snprintf(cmd, sizeof cmd, "annotate -q %s -o '%s' data/reference.docx", args, out);
    run_result r = fx_run(cmd);
    int st = r.status;
    fx_run_free(&r);
    *rules = st <= 1 ? comment_rules(out) : NULL;
    return st;
}

/* The findings pbcheck itself reports with args, as comment_rules gives
 * them (the verdict first). */
static char *check_rules(const char *args)
{
    char cmd[2000];
    snprintf(cmd, sizeof cmd, "-q %s -f jsonl data/reference.docx", args);
    run_result r = fx_run(cmd);
    char *lines[512];
    size_t n = 0;
    lines[n++] = strdup("verdict");
    for (const char *p = r.out; (p = strstr(p, "\"rule\":\"")) && n < 512; p++)
        lines[n++] = strndup(p + 8, 5);
    fx_run_free(&r);
    qsort(lines, n, sizeof *lines, (int (*)(const void *, const void *))strcmp_ptr);
    size_t cap = n * 10 + 1, k = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < n; i++) {
        k += (size_t)snprintf(out + k, cap - k, "%s\n", lines[i]);
        free(lines[i]);
    }
    return out;
}

static void expect_same_rules(const char *args, int status)
{
    char *got = NULL, *want = check_rules(args);
    assert_int_equal(annotate_ref(args, &got), status);
    if (strcmp(got, want) != 0)
        fail_msg("annotate %s: comments\n%s\nbut pbcheck %s reports\n%s", args, got, args, want);
    free(got);
    free(want);
}

static void test_check_options(void **state)
{
    (void)state;
    /* The rule set: default, --preset strict, --select, --ignore, --config
     * give the comments pbcheck reports for the same options. */
    expect_same_rules("", 0);
    expect_same_rules("--preset strict", 0);
    expect_same_rules("--select PB1", 0);
    expect_same_rules("--ignore PB3,PB505", 0);
    const char *cfg = tp("annotate-config.json");
    FILE *f = fopen(cfg, "w");
    fputs("{\"rules\": {\"indicator-timeliness-vague\": \"error\", \"schedule-back-loaded\": \"off\"}}", f);
    fclose(f);
    char args[1200];
    snprintf(args, sizeof args, "--lang en --config '%s'", cfg);
    expect_same_rules(args, 1); /* PB309 made an error fails */
    char *got = NULL;
    assert_int_equal(annotate_ref(args, &got), 1);
    assert_null(strstr(got, "PB106"));
    free(got);
    char *c = part_of(tp("opts.docx"), "word/comments.xml", NULL);
    assert_non_null(strstr(c, "[error] PB309"));
    free(c);
    snprintf(args, sizeof args, "--config '%s' --select PB309", cfg);
    assert_int_equal(annotate_ref(args, &got), 1);
    assert_string_equal(got, "PB309\nPB309\nPB309\nverdict\n");
    free(got);
    /* A bad preset or rule list: usage, nothing written. */
    assert_int_equal(annotate_ref("--preset nosuch", &got), 2);
    assert_int_equal(access(tp("opts.docx"), F_OK), -1);
    assert_int_equal(annotate_ref("--select PB999", &got), 2);
    /* -S: only findings at or above the level become comments; the
     * verdict still counts every one. */
    assert_int_equal(annotate_ref("-S warning --lang en", &got), 0);
    char *all = check_rules("");
    assert_null(strstr(got, "PB312")); /* PB312 is info on the reference */
    assert_non_null(strstr(all, "PB312"));
    assert_non_null(strstr(got, "PB101"));
    free(all);
    free(got);
    c = part_of(tp("opts.docx"), "word/comments.xml", NULL);
    assert_non_null(strstr(c, "5 notes"));
    free(c);
    assert_int_equal(annotate_ref("-S error", &got), 0);
    assert_string_equal(got, "verdict\n");
    free(got);
    assert_int_equal(annotate_ref("-S loud", &got), 2);
    /* --fail-on: the reference has warnings and notes but no error. */
    assert_int_equal(annotate_ref("--fail-on warning", &got), 1);
    free(got);
    assert_int_equal(annotate_ref("--fail-on info --exit-zero", &got), 0);
    free(got);
    assert_int_equal(annotate_ref("--fail-on bad", &got), 2);
    /* --lang: the comments' language. */
    assert_int_equal(annotate_ref("--lang en", &got), 0);
    free(got);
    c = part_of(tp("opts.docx"), "word/comments.xml", NULL);
    assert_non_null(strstr(c, "pbcheck verdict: passed"));
    assert_non_null(strstr(c, "[warning] PB101"));
    free(c);
    assert_int_equal(annotate_ref("--lang zh", &got), 0);
    free(got);
    c = part_of(tp("opts.docx"), "word/comments.xml", NULL);
    assert_non_null(strstr(c, "通过"));
    assert_non_null(strstr(c, "[警告] PB101"));
    assert_null(strstr(c, "[warning]"));
    free(c);
    /* 3: a file that cannot be read, the other annotated; 4: see
     * test_write_error_exit_4 and test_full_disk. */
    const char *bad = tp("unreadable.docx");
    f = fopen(bad, "w");
    fputs("PK not really", f);
    fclose(f);
    char dir[600];
    snprintf(dir, sizeof dir, "%s/", tp("status3"));
    snprintf(args, sizeof args, "annotate -q -o '%s' '%s' data/reference.docx", dir, bad);
    run_result r = fx_run(args);
    assert_int_equal(r.status, 3);
    fx_run_free(&r);
    char p[800];
    snprintf(p, sizeof p, "%sreference.docx", dir);
    assert_int_equal(access(p, R_OK), 0);
    snprintf(p, sizeof p, "%sunreadable.docx", dir);
    assert_int_equal(access(p, F_OK), -1);
}

/* pbcheck --help names the command, and so does pbcheck(1). */
static void test_help_and_manual(void **state)
{
    (void)state;
    run_result r = fx_run("--lang en --help");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "pbcheck annotate FILE|DIR..."));
    fx_run_free(&r);
    r = fx_run("--lang en annotate --help");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "--severity"));
    assert_non_null(strstr(r.out, "--preset"));
    assert_non_null(strstr(r.out, "--lang"));
    fx_run_free(&r);
    char *man = fx_slurp("man/pbcheck.1");
    assert_non_null(strstr(man, ".B annotate\n"));                     /* SYNOPSIS */
    assert_non_null(strstr(man, ".B annotate \\fIFILE\\fP|\\fIDIR\\fP")); /* COMMANDS */
    free(man);
}

/* ---- safe writing and exit statuses */

static void test_never_overwrites_input(void **state)
{
    (void)state;
    const char *in = fixture("input.docx", TBL(TR(TC("a"))));
    char *before = fx_slurp(in);
    char args[1200];
    snprintf(args, sizeof args, "annotate -o '%s' '%s'", in, in);
    run_result r = fx_run(args);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "overwrite"));
    fx_run_free(&r);
    char *after = fx_slurp(in);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void test_output_inside_input_folder(void **state)
{
    (void)state;
    char dir[600], out[700], args[1600];
    snprintf(dir, sizeof dir, "%s", tp("tree"));
    mkdir(dir, 0777);
    char f[700];
    snprintf(f, sizeof f, "%s/a.docx", dir);
    assert_true(fx_docx_file(f, TBL(TR(TC("a")))));
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(args, sizeof args, "annotate -o '%s' '%s'", out, dir);
    run_result r = fx_run(args);
    assert_int_equal(r.status, 2);
    fx_run_free(&r);
    struct stat st;
    assert_int_not_equal(stat(out, &st), 0); /* nothing written */
}

static void test_folder_mirrors_tree_and_unreadable_goes_on(void **state)
{
    (void)state;
    char dir[600], sub[700], p[800], out[700], args[1600];
    snprintf(dir, sizeof dir, "%s", tp("tree2"));
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(dir, 0777);
    mkdir(sub, 0777);
    snprintf(p, sizeof p, "%s/a.docx", sub);
    assert_true(fx_docx_file(p, TBL(TR(TC("a")))));
    snprintf(p, sizeof p, "%s/bad.docx", dir);
    FILE *f = fopen(p, "w");
    fputs("not a zip", f);
    fclose(f);
    snprintf(out, sizeof out, "%s", tp("mirror"));
    snprintf(args, sizeof args, "annotate -q -o '%s' '%s'", out, dir);
    run_result r = fx_run(args);
    assert_int_equal(r.status, 3);
    assert_non_null(strstr(r.err, "bad.docx"));
    fx_run_free(&r);
    snprintf(p, sizeof p, "%s/sub/a.docx", out);
    assert_int_equal(access(p, R_OK), 0);
    snprintf(p, sizeof p, "%s/bad.docx", out);
    assert_int_not_equal(access(p, R_OK), 0);
    /* Beside the input without -o, and no temporary file left. */
    snprintf(args, sizeof args, "annotate -q '%s/a.docx'", sub);
    r = fx_run(args);
    assert_int_equal(r.status, 1); /* no target table: PB401, an error */
    fx_run_free(&r);
    snprintf(p, sizeof p, "%s/a.pbcheck.docx", sub);
    assert_int_equal(access(p, R_OK), 0);
    DIR *d = opendir(sub);
    struct dirent *de;
    int files = 0;
    while ((de = readdir(d)))
        files += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    closedir(d);
    assert_int_equal(files, 2); /* a.docx, a.pbcheck.docx: no temporary file left */
}

/* -o DIR/ with one file: the copy goes into DIR (created), same name. */
static void test_output_folder_for_one_file(void **state)
{
    (void)state;
    const char *in = fixture("one.docx", TBL(TR(TC("a"))));
    char out[600], args[1400], p[700];
    snprintf(out, sizeof out, "%s/", tp("newdir"));
    snprintf(args, sizeof args, "annotate -q -o '%s' '%s'", out, in);
    run_result r = fx_run(args);
    assert_int_equal(r.status, 1);
    fx_run_free(&r);
    snprintf(p, sizeof p, "%sone.docx", out);
    assert_int_equal(access(p, R_OK), 0);
}

static void test_write_error_exit_4(void **state)
{
    (void)state;
    const char *in = fixture("w.docx", TBL(TR(TC("a"))));
    char args[1200];
    snprintf(args, sizeof args, "annotate -o /proc/pbcheck-no/out.docx '%s'", in);
    run_result r = fx_run(args);
    assert_int_equal(r.status, 4);
    assert_non_null(strstr(r.err, "out.docx"));
    fx_run_free(&r);
    /* A full disk. */
    snprintf(args, sizeof args, "annotate -o /dev/full '%s'", in);
    r = fx_run(args);
    assert_int_equal(r.status, 4);
    assert_non_null(strstr(r.err, "/dev/full"));
    fx_run_free(&r);
}

/* Writing stops at 1 KiB (ulimit -f 1, SIGXFSZ ignored: EFBIG): exit 4,
 * the message names the copy, no half-written copy and no temporary is
 * left, and a previous copy stays as it was. */
static void test_full_disk(void **state)
{
    (void)state;
    char dir[600], cmd[3000];
    snprintf(dir, sizeof dir, "%s", tp("fulldisk"));
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s' && cp data/reference.docx '%s/in.docx'", dir, dir, dir);
    assert_int_equal(system(cmd), 0);
    const char *bin = getenv("PBCHECK") ? getenv("PBCHECK") : "./pbcheck";
    for (int previous = 0; previous < 2; previous++) {
        if (previous) {
            snprintf(cmd, sizeof cmd, "printf 'previous copy' > '%s/out.docx'", dir);
            assert_int_equal(system(cmd), 0);
        }
        snprintf(cmd, sizeof cmd,
                 "cd '%s' && (ulimit -f 1; trap '' XFSZ; exec '%s' annotate --lang en -o out.docx in.docx) "
                 ">stdout 2>stderr",
                 dir, bin);
        int st = system(cmd);
        assert_true(WIFEXITED(st));
        assert_int_equal(WEXITSTATUS(st), 4);
        char p[800];
        snprintf(p, sizeof p, "%s/stderr", dir);
        char *err = fx_slurp(p);
        if (!strstr(err, "out.docx"))
            fail_msg("the message does not name the copy: %s", err);
        free(err);
        snprintf(p, sizeof p, "%s/out.docx", dir);
        char *was = fx_slurp(p);
        assert_string_equal(was, previous ? "previous copy" : "");
        if (!previous)
            assert_int_equal(access(p, F_OK), -1);
        free(was);
        /* in.docx, stdout, stderr (and out.docx): nothing else. */
        snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq %d", dir, 3 + previous);
        assert_int_equal(system(cmd), 0);
    }
    /* With the limit lifted the same command writes the copy. */
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' annotate -q -o out.docx in.docx", dir, bin);
    assert_int_equal(system(cmd), 0);
}

/* Refused before anything is written: an output that is an input under
 * another name (./, a symbolic link), an input later on the command line
 * than a file that would be written, and -o naming an input folder. */
static void test_refusals_write_nothing(void **state)
{
    (void)state;
    char dir[600], cmd[4000], p[800];
    snprintf(dir, sizeof dir, "%s", tp("refuse"));
    snprintf(cmd, sizeof cmd,
             "rm -rf '%s' && mkdir -p '%s/sub' && cp data/reference.docx '%s/a.docx' && "
             "cp data/reference.docx '%s/sub/b.docx' && ln -s a.docx '%s/link.docx'",
             dir, dir, dir, dir, dir);
    assert_int_equal(system(cmd), 0);
    static const char *const cases[] = {
        "-o ./a.docx a.docx",
        "-o link.docx a.docx",
        "-o sub/ a.docx sub/b.docx", /* sub/a.docx would come first */
        "-o sub sub",
        "-o sub/deeper/ sub",
        "-o . .",
        "-o sub/out/ a.docx sub",
    };
    const char *bin = getenv("PBCHECK") ? getenv("PBCHECK") : "./pbcheck";
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(cmd, sizeof cmd, "cd '%s' && '%s' annotate -q %s 2>/dev/null", dir, bin,
                 cases[i]);
        int st = system(cmd);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 2)
            fail_msg("annotate %s: exit %d, not 2", cases[i], WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        /* Nothing new in the folder, and the inputs unchanged. */
        snprintf(cmd, sizeof cmd, "cd '%s' && test \"$(find . | sort | tr '\\n' ' ')\" = "
                 "'. ./a.docx ./link.docx ./sub ./sub/b.docx ' && cmp -s a.docx '%s/data/reference.docx' && "
                 "cmp -s sub/b.docx a.docx",
                 dir, getenv("PWD") ? getenv("PWD") : ".");
        if (system(cmd) != 0)
            fail_msg("annotate %s wrote something or changed an input", cases[i]);
    }
    snprintf(p, sizeof p, "%s/a.docx", dir);
    assert_int_equal(access(p, R_OK), 0);
}

static void test_xlsx_not_supported(void **state)
{
    (void)state;
    const char *path = SHARED "/real-filings/SC_mata_2023.xlsx";
    if (access(path, R_OK) != 0)
        skip();
    char args[1200];
    snprintf(args, sizeof args, "annotate --lang en -o '%s' '%s'", tp("x.pbcheck.xlsx"), path);
    run_result r = fx_run(args);
    assert_int_equal(r.status, 3);
    assert_non_null(strstr(r.err, "does not support .xlsx yet"));
    fx_run_free(&r);
}

static void test_exit_statuses_and_language(void **state)
{
    (void)state;
    fx_project p = {.total = "100", .fiscal = "60", .other = "30"};
    char *body = fx_reference_body(&p, 1);
    const char *in = fixture("fail.docx", body);
    free(body);
    char args[1200];
    const char *out = tp("fail.pbcheck.docx");
    snprintf(args, sizeof args, "annotate -q --lang zh -o '%s' '%s'", out, in);
    run_result r = fx_run(args);
    assert_int_equal(r.status, 1);
    fx_run_free(&r);
    char *c = part_of(out, "word/comments.xml", NULL);
    assert_non_null(c);
    assert_non_null(strstr(c, "w:author=\"pbcheck\""));
    assert_non_null(strstr(c, "不通过"));
    free(c);
    snprintf(args, sizeof args, "annotate -q --exit-zero -o '%s' '%s'", out, in);
    r = fx_run(args);
    assert_int_equal(r.status, 0);
    fx_run_free(&r);
    snprintf(args, sizeof args, "annotate -q --select PB000000 '%s'", in);
    r = fx_run(args);
    assert_int_equal(r.status, 2);
    fx_run_free(&r);
    r = fx_run("annotate");
    assert_int_equal(r.status, 2);
    fx_run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_filing),
        cmocka_unit_test(test_generated_project),
        cmocka_unit_test(test_layout_kinds),
        cmocka_unit_test(test_strict_document),
        cmocka_unit_test(test_existing_comments),
        cmocka_unit_test(test_never_overwrites_input),
        cmocka_unit_test(test_output_inside_input_folder),
        cmocka_unit_test(test_folder_mirrors_tree_and_unreadable_goes_on),
        cmocka_unit_test(test_output_folder_for_one_file),
        cmocka_unit_test(test_write_error_exit_4),
        cmocka_unit_test(test_full_disk),
        cmocka_unit_test(test_refusals_write_nothing),
        cmocka_unit_test(test_paragraph_findings),
        cmocka_unit_test(test_check_options),
        cmocka_unit_test(test_help_and_manual),
        cmocka_unit_test(test_xlsx_not_supported),
        cmocka_unit_test(test_exit_statuses_and_language),
        cmocka_unit_test(test_shared_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
