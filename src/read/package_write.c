/* Writing a package back: every entry copied compressed and unchanged
 * (libzip's ZIP_FL_COMPRESSED), a few parts replaced or added, the result
 * written to a stream. */
#include "read/annotate.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static bool zip_fail(pb_error *e, const char *what, zip_t *za)
{
    pbi_error_set(e, PB_ERR_IO, "%s: %s", what, za ? zip_strerror(za) : pb_strerror(errno));
    return false;
}

static const pbi_part_data *find_part(const pbi_part_data *parts, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(parts[i].name, name) == 0)
            return &parts[i];
    return NULL;
}

static bool add_data(zip_t *out, const pbi_part_data *p, pb_error *e)
{
    zip_source_t *s = zip_source_buffer(out, p->data, p->len, 0);
    if (!s)
        return zip_fail(e, _("cannot write the annotated copy"), out);
    zip_int64_t idx = zip_file_add(out, p->name, s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(s);
        return zip_fail(e, _("cannot write the annotated copy"), out);
    }
    zip_set_file_compression(out, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 0);
    return true;
}

/* Adds the entries of in to out: copies, replacements, then the new parts. */
static bool fill(zip_t *out, zip_t *in, const pbi_part_data *parts, size_t count, pb_error *e)
{
    zip_int64_t n = zip_get_num_entries(in, 0);
    bool *used = calloc(count ? count : 1, sizeof *used);
    if (!used) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return false;
    }
    bool ok = true;
    for (zip_int64_t i = 0; ok && i < n; i++) {
        const char *name = zip_get_name(in, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (!name) {
            ok = zip_fail(e, _("cannot read the package"), in);
            break;
        }
        const pbi_part_data *p = find_part(parts, count, name);
        if (p) {
            used[p - parts] = true;
            ok = add_data(out, p, e);
            continue;
        }
        zip_source_t *s = zip_source_zip(out, in, (zip_uint64_t)i, ZIP_FL_COMPRESSED, 0, -1);
        zip_int64_t idx = s ? zip_file_add(out, name, s, ZIP_FL_ENC_RAW) : -1;
        if (idx < 0) {
            if (s)
                zip_source_free(s);
            ok = zip_fail(e, _("cannot write the annotated copy"), out);
            break;
        }
        /* The entry keeps its method: left at the default, libzip would
         * deflate a stored entry (an embedded workbook, an image). */
        zip_stat_t st;
        if (zip_stat_index(in, (zip_uint64_t)i, 0, &st) == 0) {
            if (st.valid & ZIP_STAT_COMP_METHOD)
                zip_set_file_compression(out, (zip_uint64_t)idx, (zip_int32_t)st.comp_method, 0);
            if (st.valid & ZIP_STAT_MTIME)
                zip_file_set_mtime(out, (zip_uint64_t)idx, st.mtime, 0);
        }
    }
    for (size_t i = 0; ok && i < count; i++)
        if (!used[i])
            ok = add_data(out, &parts[i], e);
    free(used);
    return ok;
}

/* The archive libzip wrote into src, copied to out. */
static bool copy_out(zip_source_t *src, FILE *out, pb_error *e)
{
    if (zip_source_open(src) != 0) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return false;
    }
    char buf[65536];
    zip_int64_t n;
    bool ok = true;
    while (ok && (n = zip_source_read(src, buf, sizeof buf)) > 0)
        ok = fwrite(buf, 1, (size_t)n, out) == (size_t)n;
    zip_source_close(src);
    if (!ok)
        pbi_error_set(e, PB_ERR_IO, _("cannot write the annotated copy: %s"), pb_strerror(errno));
    return ok;
}

bool pbi_package_write(const char *in_path, FILE *out, const pbi_part_data *parts, size_t count, pb_error *e)
{
    int err = 0;
    zip_t *in = zip_open(in_path, ZIP_RDONLY, &err);
    if (!in) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        pbi_error_set(e, PB_ERR_IO, _("cannot read the package: %s"), zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return false;
    }
    /* The copy is built in memory and handed to the caller's stream, which
     * decides how it reaches its target (the command line writes beside
     * the target and renames). */
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
    bool ok = false;
    if (!za) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        if (mem)
            zip_source_free(mem);
    } else {
        zip_source_keep(mem); /* kept past zip_close, to be read back */
        if (!fill(za, in, parts, count, e))
            zip_discard(za);
        else if (zip_close(za) != 0) {
            pbi_error_set(e, PB_ERR_IO, "%s: %s", _("cannot write the annotated copy"), zip_strerror(za));
            zip_discard(za);
        } else
            ok = copy_out(mem, out, e);
        zip_source_free(mem);
    }
    zip_error_fini(&ze);
    zip_close(in);
    return ok;
}
