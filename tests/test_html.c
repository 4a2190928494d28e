/* The HTML report: structure (every finding shown and linked, merged cells
 * kept, no external assets), escaping of the document's text, the schedule
 * chart and budget split, and a real render in headless Chromium (skipped,
 * with the reason on make check's closing line, when /usr/bin/chromium is
 * absent). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "pbcheck/pbcheck.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

/* The browser; PBCHECK_CHROMIUM names another (tests/test_run_sh.sh names
 * none, to see make check's closing line give the reason of the skip). */
static const char *chromium(void)
{
    const char *c = getenv("PBCHECK_CHROMIUM");
    return c && *c ? c : "/usr/bin/chromium";
}

#define SKIP_WITHOUT_CHROMIUM()                                                                              \
    do {                                                                                                     \
        if (access(chromium(), X_OK) != 0)                                                                   \
            FX_SKIP("%s is not installed; apt-get install chromium fonts-noto-cjk to render the HTML "      \
                    "report in a real browser",                                                              \
                    chromium());                                                                             \
    } while (0)

/* ---------------------------------------------------------------- helpers */

/* The page of the given documents, as a run of `pbcheck --format html`. */
static char *render_docs(pb_document **docs, size_t n)
{
    char *html = fx_html(docs, n);
    assert_non_null(html);
    return html;
}

static char *render(pb_document *d) { return render_docs(&d, 1); }

static pb_document *read_checked_file(const char *path)
{
    pb_document *d = fx_read_checked(path);
    assert_non_null(d);
    return d;
}

static pb_document *read_checked_fixture(const fx_project *p, const char *name)
{
    char *body = fx_reference_body(p, 1);
    size_t len;
    void *zip = fx_docx_mem(body, &len);
    free(body);
    assert_non_null(zip);
    pb_document *d = pb_read_memory(zip, len, name, NULL);
    free(zip);
    assert_non_null(d);
    assert_true(pb_check(d, NULL));
    return d;
}

/* The text as the page must carry it (the HTML escapes of put_text). */
static char *html_escaped(const char *s)
{
    size_t cap = strlen(s) * 6 + 1, o = 0;
    char *e = malloc(cap);
    assert_non_null(e);
    for (; *s; s++) {
        const char *rep = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : *s == '"' ? "&quot;"
                        : *s == '\'' ? "&#39;" : NULL;
        if (rep) {
            memcpy(e + o, rep, strlen(rep));
            o += strlen(rep);
        } else {
            e[o++] = *s;
        }
    }
    e[o] = '\0';
    return e;
}

/* ------------------------------------------------------- the sample report */

/* The text of a cell as the page carries it: escaped, lines joined by <br>. */
static char *cell_html(const char *text)
{
    char *e = html_escaped(text), *out = malloc(strlen(e) * 4 + 1);
    assert_non_null(out);
    size_t o = 0;
    for (const char *p = e; *p; p++) {
        if (*p == '\n') {
            memcpy(out + o, "<br>", 4);
            o += 4;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
    free(e);
    return out;
}

/* The drawn table of d with document index `index`, or NULL. */
static const pb_table *drawn_table(const pb_document *d, int index)
{
    for (size_t i = 0; i < d->table_count; i++)
        if (d->tables[i]->index == index)
            return d->tables[i];
    return NULL;
}

/* Every finding is listed once in the summary (errors, then warnings, then
 * info, linking to its note), and its note sits inside the <td> of the
 * cell it points at, which is outlined when the finding is an error or a
 * warning; the cell's own text comes first. */
static void assert_findings_drawn(const pb_document *d, const char *html)
{
    const char *first = strstr(html, "<li><a href=\"#f");
    char file[40] = "";
    if (d->finding_count)
        assert_int_equal(sscanf(first, "<li><a href=\"#%32[^-]-", file), 1);
    const char *prev = html;
    pb_severity prev_sev = PB_SEV_ERROR;
    for (int sev = PB_SEV_ERROR; sev >= PB_SEV_INFO; sev--)
    for (size_t k = 0; k < d->finding_count; k++) {
        const pb_finding *f = &d->findings[k];
        if ((int)f->severity != sev)
            continue;
        char id[64], attr[96], note[160], href[128];
        snprintf(id, sizeof id, "%s-n%zu", file, k + 1);
        snprintf(href, sizeof href, "<li><a href=\"#%s\">", id);
        assert_int_equal(fx_count(html, href), 1);
        const char *link = strstr(html, href);
        /* the list goes by severity, document order within one */
        if (f->severity == prev_sev)
            assert_true(link > prev);
        prev = link;
        prev_sev = f->severity;
        snprintf(attr, sizeof attr, " id=\"%s\"", id);
        assert_int_equal(fx_count(html, attr), 1);
        snprintf(note, sizeof note, "<div class=\"note sev-%s\"%s>", pb_severity_name(f->severity), attr);
        const char *at = strstr(html, note);
        if (!at)
            fail_msg("finding %zu (%s) has no note %s", k, f->rule->id, note);
        char *msg = html_escaped(f->message);
        const char *end = strstr(at, "</div>");
        assert_non_null(end);
        assert_non_null(strstr(at, msg));
        assert_true(strstr(at, msg) < end);
        free(msg);
        const pb_table *t = f->loc.table >= 0 ? drawn_table(d, f->loc.table) : NULL;
        const pb_cell *c = t ? pb_table_at(t, f->loc.row, f->loc.col) : NULL;
        if (!c)
            continue;
        /* Walk back to the <td> that holds the note. */
        const char *td = NULL;
        for (const char *p = html; (p = strstr(p, "<td")) && p < at; p++)
            td = p;
        assert_non_null(td);
        const char *close = strstr(td, "</td>");
        assert_true(close > at);
        const char *gt = strchr(td, '>');
        if (f->severity >= PB_SEV_WARNING) {
            assert_non_null(strstr(td, "class=\"sev-"));
            assert_true(strstr(td, "class=\"sev-") < gt);
        }
        char *text = cell_html(c->text);
        if (strncmp(gt + 1, text, strlen(text)) != 0)
            fail_msg("finding %zu (%s): the cell holding its note starts %.40s, not %.40s", k, f->rule->id, gt + 1,
                     text);
        free(text);
    }
    assert_int_equal(fx_count(html, "<li><a href=\"#"), d->finding_count);
    assert_int_equal(fx_count(html, "<div class=\"note "), d->finding_count);
}

/* data/reference.docx, read by hand: project 1's 资金支出计划 leaves 3月底
 * and 6月底 blank (PB101) and project 3's 项目完成时间 is 「≥1年」 (PB304). */
static void test_reference_every_finding_shown_and_linked(void **state)
{
    (void)state;
    pb_document *d = read_checked_file("data/reference.docx");
    char *html = render(d);
    assert_true(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    assert_non_null(strstr(html, "</html>\n"));
    assert_findings_drawn(d, html);
    size_t blank = 0, direction = 0;
    for (size_t k = 0; k < d->finding_count; k++) {
        blank += strcmp(d->findings[k].rule->id, "PB101") == 0;
        direction += strcmp(d->findings[k].rule->id, "PB309") == 0;
    }
    assert_int_equal(blank, 2);
    assert_int_equal(direction, 3); /* 「≤1年」, 「1年」, 「≥1年」: one finding each (PB309, not PB304 too) */
    const char *cell = strstr(html, ">≥1年<div class=\"note ");
    assert_non_null(cell);
    const char *pb304 = strstr(cell, "PB309"), *close = strstr(cell, "</td>");
    assert_true(pb304 && pb304 < close);
    /* Three projects, each with its two tables. */
    assert_int_equal(fx_count(html, "<section class=\"project\""), 3);
    assert_int_equal(fx_count(html, "<table class=\"doc\""), 6);
    free(html);
    pb_document_free(d);
}

static void test_no_external_assets(void **state)
{
    (void)state;
    pb_document *d = read_checked_file("data/reference.docx");
    char *html = render(d);
    static const char *const banned[] = {"<script", "<link", "<img", "<iframe", " src=", "url(", "@import",
                                         "http://", "https://"};
    for (size_t i = 0; i < sizeof banned / sizeof *banned; i++)
        if (strstr(html, banned[i]))
            fail_msg("the page refers to something outside itself: %s", banned[i]);
    assert_non_null(strstr(html, "<style>"));
    assert_non_null(strstr(html, "@media print"));
    assert_non_null(strstr(html, "name=\"viewport\""));
    free(html);
    pb_document_free(d);
}

/* ------------------------------------------------------------- merged cells */

/* Walks the rendered <table> that follows `at` and checks it covers a grid
 * of exactly rows × width slots, each once, as the model's table does. */
static void assert_grid_matches(const char *at, const pb_table *t)
{
    const char *end = strstr(at, "</table>");
    assert_non_null(end);
    int *taken = calloc((size_t)t->row_count * (size_t)t->width, sizeof *taken);
    assert_non_null(taken);
    int row = -1, col = 0, cells = 0;
    for (const char *p = at; p && p < end; p++) {
        if (strncmp(p, "<tr>", 4) == 0) {
            row++;
            col = 0;
            assert_true(row < t->row_count);
        } else if (strncmp(p, "<td", 3) == 0) {
            const char *close = strchr(p, '>');
            int rs = 1, cs = 1;
            const char *q = strstr(p, "rowspan=\"");
            if (q && q < close)
                rs = atoi(q + 9);
            q = strstr(p, "colspan=\"");
            if (q && q < close)
                cs = atoi(q + 9);
            while (col < t->width && taken[row * t->width + col])
                col++;
            assert_true(col + cs <= t->width);
            assert_true(row + rs <= t->row_count);
            /* The drawn cell is the model's cell at that slot, with its spans. */
            const pb_cell *c = pb_table_at(t, row, col);
            if (c) {
                assert_int_equal(c->row, row);
                assert_int_equal(c->col, col);
                assert_int_equal(c->row_span, rs);
                assert_int_equal(c->col_span, cs);
            }
            for (int r = row; r < row + rs; r++)
                for (int k = col; k < col + cs; k++) {
                    assert_int_equal(taken[r * t->width + k], 0);
                    taken[r * t->width + k] = 1;
                }
            col += cs;
            cells++;
        }
    }
    assert_int_equal(row + 1, t->row_count);
    for (int i = 0; i < t->row_count * t->width; i++)
        assert_int_equal(taken[i], 1);
    assert_true(cells > 0);
    free(taken);
}

static void test_merged_cells_kept(void **state)
{
    (void)state;
    pb_document *d = read_checked_file("data/reference.docx");
    char *html = render(d);
    for (size_t i = 0; i < d->table_count; i++) {
        char id[64];
        snprintf(id, sizeof id, "-t%d\">", d->tables[i]->index + 1);
        const char *at = strstr(html, id);
        assert_non_null(at);
        assert_grid_matches(at, d->tables[i]);
    }
    /* The reference's own merges: 预算规模及资金用途 covers two rows, the
     * 资金用途 text six columns. */
    assert_non_null(strstr(html, "<td rowspan=\"2\">预算规模及资金用途</td>"));
    assert_non_null(strstr(html, "<td colspan=\"6\">支付所辖社区党群服务中心办公场所租赁费"));
    free(html);
    pb_document_free(d);
}

/* ----------------------------------------------------------------- escaping */

static void test_document_text_is_escaped(void **state)
{
    (void)state;
    fx_project p = {.name = "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"q\"",
                    .purpose = "&lt;img src=x onerror=alert(1)&gt;",
                    .sched = {"&lt;script&gt;", "25%", "50%", "100%"}};
    pb_document *d = read_checked_fixture(&p, "<b>evil</b>.docx");
    char *html = render(d);
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<img"));
    assert_null(strstr(html, "<b>evil"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
    assert_non_null(strstr(html, "&lt;img src=x onerror=alert(1)&gt;"));
    assert_non_null(strstr(html, "&lt;b&gt;evil&lt;/b&gt;.docx"));
    /* The bad checkpoint is a finding whose message quotes the cell. */
    int unparsed = 0;
    for (size_t k = 0; k < d->finding_count; k++)
        unparsed += strcmp(d->findings[k].rule->slug, "schedule-value-unparsed") == 0;
    assert_int_equal(unparsed, 1);
    free(html);
    pb_document_free(d);
}

static void test_invalid_bytes_replaced(void **state)
{
    (void)state;
    pb_document *d = pb_read_memory("PK", 2, "bad\xff\x01name.docx", NULL);
    assert_non_null(d);
    assert_int_not_equal(d->error.status, PB_OK);
    char *html = render(d);
    /* a byte that is no UTF-8 (nor GB18030) is shown \xHH, as in the text
     * report; a control character is U+FFFD */
    assert_non_null(strstr(html, "bad\\xFF\xEF\xBF\xBDname.docx"));
    assert_null(strstr(html, "\xff"));
    assert_null(strstr(html, "\x01"));
    /* An unreadable file says why, with its stable code. */
    assert_non_null(strstr(html, "class=\"unreadable\""));
    assert_non_null(strstr(html, pb_status_code(d->error.status)));
    free(html);
    pb_document_free(d);
}

/* ----------------------------------------------------- chart and the money */

/* The cy of every <circle> in order. */
static size_t circle_ys(const char *html, long *ys, size_t cap)
{
    size_t n = 0;
    for (const char *p = strstr(html, "<circle "); p && n < cap; p = strstr(p + 1, "<circle ")) {
        const char *cy = strstr(p, "cy=\"");
        assert_non_null(cy);
        ys[n++] = atol(cy + 4);
    }
    return n;
}

static void test_schedule_chart(void **state)
{
    (void)state;
    fx_project p = {.sched = {"25%", "50%", "75%", "100%"}};
    pb_document *d = read_checked_fixture(&p, "chart.docx");
    char *html = render(d);
    assert_int_equal(fx_count(html, "<svg class=\"chart\""), 1);
    long ys[8];
    assert_int_equal(circle_ys(html, ys, 8), 4);
    /* The plot is 120 units high with its top at 12: 100 % at 12, each
     * quarter 30 lower. */
    assert_int_equal(ys[0], 12 + 120 - 30);
    assert_int_equal(ys[1], 12 + 120 - 60);
    assert_int_equal(ys[2], 12 + 120 - 90);
    assert_int_equal(ys[3], 12);
    for (int i = 0; i < 4; i++)
        assert_non_null(strstr(html, p.sched[i]));
    assert_non_null(strstr(html, ">10月底</text>"));
    free(html);
    pb_document_free(d);

    /* Blank checkpoints get no point: the reference's project 1 has two. */
    d = read_checked_file("data/reference.docx");
    html = render(d);
    assert_int_equal(circle_ys(html, ys, 8), 8); /* 2 + 4 + 2 of 3 projects' 4 checkpoints each */
    free(html);
    pb_document_free(d);
}

static void test_budget_split(void **state)
{
    (void)state;
    fx_project p = {.total = "100", .fiscal = "60.5", .other = "30"};
    pb_document *d = read_checked_fixture(&p, "money.docx");
    char *html = render(d);
    /* 60.5 + 30 = 90.5, which is not 100: the sum is shown and marked. */
    assert_non_null(strstr(html, "<td>90.5</td>"));
    assert_non_null(strstr(html, "<td class=\"bad\">"));
    assert_null(strstr(html, "<td class=\"ok\">"));
    /* The finding sits on the 预算数 cell. */
    assert_non_null(strstr(html, "<td class=\"sev-error\">100<div class=\"note sev-error\""));
    free(html);
    pb_document_free(d);

    fx_project q = {.total = "242.59", .fiscal = "200", .other = "42.59"};
    d = read_checked_fixture(&q, "money-ok.docx");
    html = render(d);
    assert_non_null(strstr(html, "<td>242.59</td>"));
    assert_non_null(strstr(html, "<td class=\"ok\">"));
    free(html);
    pb_document_free(d);
}

static void test_batch_ids_unique(void **state)
{
    (void)state;
    pb_document *docs[2] = {read_checked_file("data/reference.docx"), NULL};
    fx_project p = {.sched = {"", "", "50%", "100%"}};
    docs[1] = read_checked_fixture(&p, "second.docx");
    char *html = render_docs(docs, 2);
    /* Every id once in the page. */
    for (const char *p2 = strstr(html, " id=\""); p2; p2 = strstr(p2 + 1, " id=\"")) {
        char id[96], attr[128];
        assert_int_equal(sscanf(p2, " id=\"%95[^\"]\"", id), 1);
        snprintf(attr, sizeof attr, " id=\"%s\"", id);
        if (fx_count(html, attr) != 1)
            fail_msg("id %s appears %zu times", id, fx_count(html, attr));
    }
    assert_int_equal(fx_count(html, "<section class=\"file\""), 2);
    assert_int_equal(fx_count(html, "<section class=\"totals\""), 1);
    free(html);
    pb_document_free(docs[0]);
    pb_document_free(docs[1]);
}

/* ---------------------------------------------------- the real browser */

typedef struct png_image {
    uint32_t width, height;
    unsigned channels;
    unsigned char *pixels; /* width * height * channels */
} png_image;

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int paeth(int a, int b, int c)
{
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Undoes the PNG row filters in place (raw: height rows of 1 + stride). */
static bool unfilter(unsigned char *raw, uint32_t height, size_t stride, unsigned bpp, unsigned char *out)
{
    for (uint32_t y = 0; y < height; y++) {
        unsigned char *line = raw + y * (stride + 1), type = line[0], *cur = out + y * stride;
        const unsigned char *prev = y ? out + (y - 1) * stride : NULL;
        for (size_t x = 0; x < stride; x++) {
            int a = x >= bpp ? cur[x - bpp] : 0, b = prev ? prev[x] : 0, c = prev && x >= bpp ? prev[x - bpp] : 0;
            int v = line[1 + x];
            switch (type) {
            case 0: break;
            case 1: v += a; break;
            case 2: v += b; break;
            case 3: v += (a + b) / 2; break;
            case 4: v += paeth(a, b, c); break;
            default: return false;
            }
            cur[x] = (unsigned char)v;
        }
    }
    return true;
}

/* Reads an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes). */
static bool png_read(const char *path, png_image *img)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    unsigned char sig[8], head[8];
    unsigned char *idat = NULL;
    size_t idat_len = 0;
    bool ok = fread(sig, 1, 8, f) == 8 && memcmp(sig, "\x89PNG\r\n\x1a\n", 8) == 0;
    unsigned depth = 0, color = 0, interlace = 1;
    while (ok && fread(head, 1, 8, f) == 8) {
        uint32_t len = be32(head);
        if (len > (1u << 28)) {
            ok = false;
            break;
        }
        unsigned char *data = malloc(len + 4u);
        ok = data && fread(data, 1, len + 4u, f) == len + 4u;
        if (ok && memcmp(head + 4, "IHDR", 4) == 0 && len >= 13) {
            img->width = be32(data);
            img->height = be32(data + 4);
            depth = data[8];
            color = data[9];
            interlace = data[12];
        } else if (ok && memcmp(head + 4, "IDAT", 4) == 0) {
            unsigned char *n = realloc(idat, idat_len + len);
            ok = n != NULL;
            if (ok) {
                memcpy(n + idat_len, data, len);
                idat = n;
                idat_len += len;
            }
        }
        free(data);
        if (memcmp(head + 4, "IEND", 4) == 0)
            break;
    }
    fclose(f);
    img->channels = color == 6 ? 4 : color == 2 ? 3 : 0;
    ok = ok && depth == 8 && img->channels && interlace == 0 && img->width && img->height &&
         img->width < 20000 && img->height < 40000;
    size_t stride = ok ? (size_t)img->width * img->channels : 0;
    uLongf raw_len = ok ? (uLongf)((stride + 1) * img->height) : 0;
    unsigned char *raw = ok ? malloc(raw_len) : NULL;
    img->pixels = ok ? malloc(stride * img->height) : NULL;
    ok = ok && raw && img->pixels && uncompress(raw, &raw_len, idat, idat_len) == Z_OK &&
         raw_len == (stride + 1) * img->height && unfilter(raw, img->height, stride, img->channels, img->pixels);
    free(raw);
    free(idat);
    if (!ok) {
        free(img->pixels);
        img->pixels = NULL;
    }
    return ok;
}

static size_t pixels_near(const png_image *img, int r, int g, int b, int tolerance)
{
    size_t n = 0;
    for (size_t i = 0; i < (size_t)img->width * img->height; i++) {
        const unsigned char *p = img->pixels + i * img->channels;
        if (abs(p[0] - r) <= tolerance && abs(p[1] - g) <= tolerance && abs(p[2] - b) <= tolerance)
            n++;
    }
    return n;
}

/* Runs Chromium on file:// html at width x height and waits at most
 * `seconds`; its own process group, so a hung browser and its helpers can
 * be ended together.  action is --screenshot=PNG or --dump-dom (stdout to
 * dump, when not NULL). */
static bool chromium_run(const char *html_path, const char *action, const char *dump, const char *profile, int width,
                         int height, int seconds)
{
    char prof[600], url[600], size[64];
    snprintf(prof, sizeof prof, "--user-data-dir=%s", profile);
    snprintf(url, sizeof url, "file://%s", html_path);
    snprintf(size, sizeof size, "--window-size=%d,%d", width, height);
    char *const argv[] = {(char *)chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                          prof, (char *)action, size, url, NULL};
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        setpgid(0, 0);
        int null = open("/dev/null", O_WRONLY);
        int to = dump ? open(dump, O_WRONLY | O_CREAT | O_TRUNC, 0600) : null;
        if (null >= 0) {
            dup2(to >= 0 ? to : null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        execv(chromium(), argv);
        _exit(127);
    }
    int status = 0;
    for (int waited = 0; waited < seconds * 10; waited++) {
        if (waitpid(pid, &status, WNOHANG) == pid)
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    kill(-pid, SIGKILL);
    waitpid(pid, &status, 0);
    return false;
}

static bool screenshot(const char *html_path, const char *png_path, const char *profile, int seconds)
{
    char shot[600];
    snprintf(shot, sizeof shot, "--screenshot=%s", png_path);
    return chromium_run(html_path, shot, NULL, profile, 1000, 1400, seconds);
}

static bool write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    fputs(text, f);
    return fclose(f) == 0;
}

/* A line of text at 48 px, as Chromium draws it at 1000x1400. */
static bool render_line(const char *dir, const char *name, const char *text, png_image *img)
{
    char html[256], png[256], profile[256], page[1024];
    snprintf(html, sizeof html, "%s/%s.html", dir, name);
    snprintf(png, sizeof png, "%s/%s.png", dir, name);
    snprintf(profile, sizeof profile, "%s/profile-%s", dir, name);
    snprintf(page, sizeof page,
             "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><body style=\"margin:0;background:#fff\">"
             "<p style=\"margin:0;font:48px 'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif;color:#000\">%s</p>",
             text);
    return write_text(html, page) && screenshot(html, png, profile, 90) && png_read(png, img);
}

/* Issue 16 point 7: without a CJK font Chinese renders as boxes, and the
 * report is unreadable while every other test passes.  Chinese must look
 * different from characters no font has (private use, drawn as the same
 * box): eight ideographs against eight private-use characters. */
static void test_browser_draws_chinese(void **state)
{
    (void)state;
    SKIP_WITHOUT_CHROMIUM();
    char dir[] = "/tmp/pbcheck-cjk-XXXXXX", cmd[512];
    assert_non_null(mkdtemp(dir));
    png_image zh = {0}, box = {0};
    bool ok = render_line(dir, "zh", "预算单位绩效目标", &zh) &&
              render_line(dir, "box", "\xEE\x80\x80\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83\xEE\x80\x84\xEE\x80\x85"
                                      "\xEE\x80\x86\xEE\x80\x87",
                          &box);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        print_message("could not remove %s\n", dir);
    if (!ok)
        fail_msg("chromium did not render the two lines");
    assert_int_equal(zh.width, box.width);
    assert_int_equal(zh.height, box.height);
    size_t total = (size_t)zh.width * zh.height, differ = 0, ink = total - pixels_near(&zh, 255, 255, 255, 30);
    for (size_t i = 0; i < total; i++)
        differ += memcmp(zh.pixels + i * zh.channels, box.pixels + i * box.channels, 3) != 0;
    free(zh.pixels);
    free(box.pixels);
    if (ink < 2000)
        fail_msg("the Chinese line left almost no ink (%zu pixels)", ink);
    if (differ < ink / 4)
        fail_msg("Chinese renders like characters no font has (%zu of %zu inked pixels differ): install a CJK font "
                 "(fonts-noto-cjk, see scripts/deps.sh)",
                 differ, ink);
}

/* Loads html at 400 px in Chromium with a script that measures two widths
 * (a JavaScript expression "a+' '+b"): *a and *b; fails the test when
 * Chromium does not run it or the viewport is not about 400 px. */
static void measure_at_400(const char *html, const char *widths, int *a, int *b)
{
    char dir[] = "/tmp/pbcheck-phone-XXXXXX", cmd[512];
    assert_non_null(mkdtemp(dir));
    char page[256], dump[256], profile[256];
    snprintf(page, sizeof page, "%s/page.html", dir);
    snprintf(dump, sizeof dump, "%s/dom.txt", dir);
    snprintf(profile, sizeof profile, "%s/profile", dir);
    FILE *f = fopen(page, "w");
    assert_non_null(f);
    fprintf(f, "%s<script>document.body.setAttribute('data-widths',%s+' '+document.documentElement.clientWidth)</script>",
            html, widths);
    fclose(f);
    bool ran = chromium_run(page, "--dump-dom", dump, profile, 400, 900, 90);
    char *dom = ran ? fx_slurp(dump) : NULL;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        print_message("could not remove %s\n", dir);
    const char *attr = dom ? strstr(dom, "data-widths=\"") : NULL;
    if (!attr)
        fail_msg("chromium did not run the measuring script");
    int view = 0;
    assert_int_equal(sscanf(attr + strlen("data-widths=\""), "%d %d %d", a, b, &view), 3);
    free(dom);
    /* headless Chromium may keep a window a little wider than asked */
    if (view > 520 || view < 300)
        fail_msg("the viewport is %d px wide, not about 400", view);
}

/* Issue 16 point 2: at 400 px the page itself never scrolls sideways; wide
 * tables scroll inside their box.  A copy of the page measures itself. */
static void test_browser_phone_width(void **state)
{
    (void)state;
    SKIP_WITHOUT_CHROMIUM();
    pb_document *d = read_checked_file("data/reference.docx");
    char *html = render(d);
    int width = 0, view = 0;
    measure_at_400(html, "document.documentElement.scrollWidth+' '+document.documentElement.clientWidth", &width,
                   &view);
    free(html);
    pb_document_free(d);
    if (width > view)
        fail_msg("at %d px the page is %d px wide: it scrolls sideways", view, width);
}

/* The batch index at phone width: long file names break, so the whole
 * table — the verdict column included — fits without scrolling its box. */
static void test_browser_index_phone_width(void **state)
{
    (void)state;
    SKIP_WITHOUT_CHROMIUM();
    FX_PBCHECK(pb);
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "d=$(mktemp -d) && mkdir \"$d/in\" && for n in HB_qingshan_2020_bobo_xiangmu_zhichu CQ_rongchang_2022; do "
             "cp data/reference.docx \"$d/in/$n.docx\"; done && \"%s\" -q --lang zh --report html:\"$d/out/\" \"$d/in\" "
             ">/dev/null; cat \"$d/out/index.html\"; rm -rf \"$d\"",
             pb);
    char *index = fx_shell(cmd, NULL);
    assert_non_null(strstr(index, "<table class=\"doc index\">"));
    int inner = 0, box = 0;
    measure_at_400(index, "document.querySelector('.scroll').scrollWidth+' '+document.querySelector('.scroll').clientWidth",
                   &inner, &box);
    free(index);
    if (inner > box)
        fail_msg("at 400 px the index table is %d px wide in a %d px box: its verdict column is off-screen", inner, box);
}

static void test_browser_renders_report(void **state)
{
    (void)state;
    SKIP_WITHOUT_CHROMIUM();
    pb_document *d = read_checked_file("data/reference.docx");
    char *html = render(d);
    char dir[] = "/tmp/pbcheck-html-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char html_path[256], png_path[256], profile[256], cmd[512];
    snprintf(html_path, sizeof html_path, "%s/report.html", dir);
    snprintf(png_path, sizeof png_path, "%s/report.png", dir);
    snprintf(profile, sizeof profile, "%s/profile", dir);
    FILE *f = fopen(html_path, "w");
    assert_non_null(f);
    fputs(html, f);
    fclose(f);
    bool ran = screenshot(html_path, png_path, profile, 90);
    png_image img = {0};
    bool read = ran && png_read(png_path, &img);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        print_message("could not remove %s\n", dir);
    free(html);
    pb_document_free(d);
    if (!ran)
        fail_msg("chromium did not write a screenshot");
    if (!read)
        fail_msg("the screenshot is not a PNG this test can read");
    assert_int_equal(img.width, 1000);
    assert_int_equal(img.height, 1400);
    size_t total = (size_t)img.width * img.height;
    size_t white = pixels_near(&img, 255, 255, 255, 0);
    /* Not blank: text, rules and tables cover a good part of the page. */
    assert_true(white < total - total / 20);
    /* The summary's warning count and the highlighted cells are drawn in the
     * warning colours (background #fff4d6, outline #8a5300). */
    assert_true(pixels_near(&img, 0xff, 0xf4, 0xd6, 2) > 200);
    assert_true(pixels_near(&img, 0x8a, 0x53, 0x00, 8) > 100);
    free(img.pixels);
}

/* A 部门整体 table is drawn like a project's tables, under its department
 * (id …-d1), with its findings' notes in their cells and the cells of its
 * errors outlined (PB303 on 「120%」, PB304 on 「≤90%」). */
static void test_department_drawn(void **state)
{
    (void)state;
    size_t len;
    void *zip = fx_docx_mem(
        TBL(TR(TC("部门编码:") TC("316") TC("部门名称:") TC("某县林业局"))
            TR(TC("*年度绩效总目标") TC("保障运转"))
            TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值"))
            TR(TC("产出指标") TC("质量指标") TC("森林覆盖率") TC("120%"))
            TR(TC("满意度指标") TC("服务对象满意度指标") TC("群众满意度") TC("≤90%"))),
        &len);
    assert_non_null(zip);
    pb_document *d = pb_read_memory(zip, len, "dept.docx", NULL);
    free(zip);
    assert_non_null(d);
    assert_true(pb_check(d, NULL));
    assert_int_equal(d->department_count, 1);
    assert_true(d->finding_count >= 2);
    char *html = render(d);
    assert_findings_drawn(d, html);
    assert_int_equal(fx_count(html, "<section class=\"project department\""), 1);
    assert_int_equal(fx_count(html, "<table class=\"doc\""), 1);
    const char *sec = strstr(html, "<section class=\"project department\"");
    assert_non_null(strstr(sec, "-d1\">"));
    assert_true(strstr(sec, "-d1\">") < strchr(sec, '\n'));
    assert_non_null(strstr(sec, "<dt>部门编码</dt><dd>316</dd><dt>部门名称</dt><dd>某县林业局</dd>"));
    /* no amount, no spending plan: no budget split of nothing */
    assert_null(strstr(sec, "<div class=\"figures\">"));
    assert_non_null(strstr(sec, "<td class=\"sev-error\">120%<div class=\"note sev-error\""));
    assert_non_null(strstr(sec, "<td class=\"sev-error\">≤90%<div class=\"note sev-error\""));
    free(html);
    pb_document_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_every_finding_shown_and_linked),
        cmocka_unit_test(test_no_external_assets),
        cmocka_unit_test(test_merged_cells_kept),
        cmocka_unit_test(test_document_text_is_escaped),
        cmocka_unit_test(test_invalid_bytes_replaced),
        cmocka_unit_test(test_schedule_chart),
        cmocka_unit_test(test_budget_split),
        cmocka_unit_test(test_batch_ids_unique),
        cmocka_unit_test(test_department_drawn),
        cmocka_unit_test(test_browser_renders_report),
        cmocka_unit_test(test_browser_draws_chinese),
        cmocka_unit_test(test_browser_phone_width),
        cmocka_unit_test(test_browser_index_phone_width),
    };
    return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
