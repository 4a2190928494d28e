#define _GNU_SOURCE /* strcasestr */
/* End-to-end tests of batch runs and CI formats (issue 5), through the
 * pbcheck binary ($PBCHECK) run by the shell in a scratch folder: folders,
 * stdin lists, lock files, symlinks, parallel jobs, every format (validated
 * with real validators: python3-jsonschema for SARIF, xmllint for JUnit),
 * fingerprints, baselines, exit statuses, export and the GNU parallel
 * recipe.  Expected values were worked out by hand from the fixtures and
 * from data/reference.docx (its text dump is in shared/seed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include <cjson/cJSON.h>
#include <pbcheck/pbcheck.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char repo[1024]; /* where the tests were started: the source tree */
static char root[256];  /* the scratch folder the commands run in */
static char io[256];    /* where their stdout and stderr go */

/* Runs a shell command in the scratch folder ("$PBCHECK" is the binary). */
static run_result sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static run_result sh(const char *fmt, ...)
{
    char body[8192], cmd[9200], out[300], err[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    snprintf(out, sizeof out, "%s/out", io);
    snprintf(err, sizeof err, "%s/err", io);
    snprintf(cmd, sizeof cmd, "cd '%s' && { %s\n} >'%s' 2>'%s'", root, body, out, err);
    int st = system(cmd);
    return (run_result){WIFEXITED(st) ? WEXITSTATUS(st) : 128, fx_slurp(out), fx_slurp(err)};
}

static void run_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

static char *read_rel(const char *rel)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    return fx_slurp(p);
}

static void write_docx(const char *rel, const fx_project *p)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    char *body = fx_reference_body(p, 1);
    assert_non_null(body);
    if (!fx_docx_file(path, body))
        fail_msg("cannot write %s", path);
    free(body);
}

static void write_text(const char *rel, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void mkdir_rel(const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    if (mkdir(path, 0755) != 0)
        fail_msg("mkdir %s", path);
}

static cJSON *parse_json(const char *text)
{
    cJSON *j = cJSON_Parse(text);
    if (!j)
        fail_msg("not JSON: %.300s", text);
    return j;
}

static const char *str_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int count_of(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* The projects the tests use.  ok: the reference's project 1 (warnings and
 * info only: 3月底 and 6月底 are blank); err: its schedule ends at 90%
 * (PB104 schedule-final-not-100, an error). */
static const fx_project ok_project = {0};
static const fx_project err_project = {.sched = {"25%", "50%", "75%", "90%"}};

/* ------------------------------------------------------------ fixtures */

#define MANY 200

/* 200 files: every tenth (…3) is empty (unreadable), every tenth (…7) has
 * the PB104 error, every tenth (…5) another 项目编码; a few sit in a
 * sub-folder, one Word lock file must be skipped. */
static void make_many(void)
{
    mkdir_rel("many");
    mkdir_rel("many/sub");
    for (int i = 0; i < MANY; i++) {
        char rel[64], code[32];
        snprintf(rel, sizeof rel, "many/%s%03d.docx", i % 40 == 1 ? "sub/f" : "f", i);
        if (i % 10 == 3) {
            write_text(rel, "");
            continue;
        }
        fx_project p = i % 10 == 7 ? err_project : ok_project;
        snprintf(code, sizeof code, "1302P%016d", i);
        if (i % 10 == 5)
            p.code = code;
        write_docx(rel, &p);
    }
    write_text("many/~$f000.docx", "lock");
}

static int group_setup(void **state)
{
    (void)state;
    if (!getcwd(repo, sizeof repo))
        return -1;
    snprintf(root, sizeof root, "/tmp/pbbatch-XXXXXX");
    snprintf(io, sizeof io, "/tmp/pbbatch-io-XXXXXX");
    if (!mkdtemp(root) || !mkdtemp(io) || chmod(root, 0755) != 0)
        return -1;
    /* Messages are asserted in English, whatever the caller's locale. */
    setenv("LC_ALL", "C.UTF-8", 1);
    unsetenv("LANGUAGE");
    static char bin[1200];
    if (!getenv("PBCHECK")) {
        snprintf(bin, sizeof bin, "%s/pbcheck", repo);
        setenv("PBCHECK", bin, 1);
    }
    char cmd[2600];
    snprintf(cmd, sizeof cmd, "cp '%s/data/reference.docx' '%s/reference.docx'", repo, root);
    if (system(cmd) != 0)
        return -1;
    write_docx("ok.docx", &ok_project);
    write_docx("err.docx", &err_project);
    make_many();
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s' '%s'", root, root, io);
    return system(cmd) == 0 ? 0 : -1;
}

/* ------------------------------------------------------- files, folders */

static void test_walk_sorted_lock_files_skipped(void **state)
{
    (void)state;
    mkdir_rel("walk");
    mkdir_rel("walk/sub");
    write_docx("walk/b.docx", &ok_project);
    write_docx("walk/a.docx", &ok_project);
    write_docx("walk/sub/c.docx", &ok_project);
    write_docx("walk/预算 表.docx", &ok_project);
    write_docx("walk/UPPER.DOCX", &ok_project);
    write_text("walk/~$a.docx", "a Word lock file, not a zip");
    write_text("walk/notes.txt", "not a filing");
    /* Byte order within each folder: 'U' < 'a' < 'b' < 'n' < 's' < '~' < 0xE9. */
    run_result r = sh("\"$PBCHECK\" --list-files walk");
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "walk/UPPER.DOCX\nwalk/a.docx\nwalk/b.docx\nwalk/sub/c.docx\nwalk/预算 表.docx\n");
    run_free(&r);
    /* The check itself sees the same five files, lock file and .txt left out. */
    r = sh("\"$PBCHECK\" -f json walk/");
    cJSON *j = parse_json(r.out);
    cJSON *files = cJSON_GetObjectItem(j, "files");
    assert_int_equal(cJSON_GetArraySize(files), 5);
    assert_string_equal(str_of(cJSON_GetArrayItem(files, 3), "path"), "walk/sub/c.docx");
    assert_null(strstr(r.out, "~$"));
    assert_int_equal(r.status, 0);
    cJSON_Delete(j);
    run_free(&r);
    /* An explicitly named file is checked whatever its name; a lock file is
     * unreadable, and its reason says it is a lock file (issue 16 point 4). */
    r = sh("\"$PBCHECK\" -f json 'walk/~$a.docx'");
    assert_int_equal(r.status, 3);
    assert_non_null(strstr(r.out, "\"code\":\"not-a-zip\""));
    assert_non_null(strstr(r.out, "\"message\":\"an Office lock file (its document is open in Word or WPS), not a filing\""));
    run_free(&r);
    r = sh("\"$PBCHECK\" --lang zh 'walk/~$a.docx' walk/a.docx");
    assert_int_equal(r.status, 3);
    assert_non_null(strstr(r.out, "walk/~$a.docx：无法读取 [not-a-zip]：这是 Office 锁定文件（对应文档正在 Word 或 WPS 中打开），不是申报文件\n"));
    run_free(&r);
    /* In a folder it is skipped, and said so */
    r = sh("\"$PBCHECK\" --lang zh walk");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "pbcheck：walk/~$a.docx：这是 Office 锁定文件（对应文档正在 Word 或 WPS 中打开），不是申报文件，已跳过\n"));
    run_free(&r);
}

static void test_symlinks(void **state)
{
    (void)state;
    mkdir_rel("links");
    mkdir_rel("links/real");
    mkdir_rel("outside");
    write_docx("links/real/x.docx", &ok_project);
    write_docx("outside/y.docx", &ok_project);
    run_result r = sh("ln -s ../outside links/other && ln -s .. links/real/loop");
    assert_int_equal(r.status, 0);
    run_free(&r);
    /* Not followed unless asked. */
    r = sh("\"$PBCHECK\" --list-files links");
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "links/real/x.docx\n");
    run_free(&r);
    /* -L follows them; the loop back to links/ is noticed and cut. */
    r = sh("\"$PBCHECK\" -L --list-files links");
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "links/other/y.docx\nlinks/real/x.docx\n");
    assert_non_null(strstr(r.err, "links/real/loop: a symbolic link loop leads back to links"));
    run_free(&r);
    r = sh("\"$PBCHECK\" -L -f json links");
    assert_int_equal(r.status, 0);
    cJSON *j = parse_json(r.out);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "files")), 2);
    cJSON_Delete(j);
    run_free(&r);
}

static void test_stdin_lists(void **state)
{
    (void)state;
    run_result want = sh("\"$PBCHECK\" -f json reference.docx 'many/f000.docx' err.docx");
    assert_int_equal(want.status, 1);
    /* Lines (with a Windows CR and a blank line), then NUL-separated. */
    run_result r = sh("printf 'reference.docx\\r\\nmany/f000.docx\\n\\nerr.docx\\n' | \"$PBCHECK\" -f json -");
    assert_int_equal(r.status, 1);
    assert_string_equal(r.out, want.out);
    run_free(&r);
    r = sh("printf 'reference.docx\\0many/f000.docx\\0err.docx\\0' | \"$PBCHECK\" -0 -f json -");
    assert_string_equal(r.out, want.out);
    run_free(&r);
    /* find -print0 | pbcheck -0 -: the same files as the folder walk. */
    run_result walk = sh("\"$PBCHECK\" -f jsonl many");
    r = sh("find many -name '*.docx' ! -name '~$*' -print0 | LC_ALL=C sort -z | \"$PBCHECK\" -0 -f jsonl -");
    assert_int_equal(count_of(r.out, "\n"), MANY);
    assert_int_equal(count_of(walk.out, "\n"), MANY);
    /* Byte order of whole paths is the walk's order here (no name in many/
     * sorts between "f…" and "sub/"). */
    assert_string_equal(r.out, walk.out);
    run_free(&r);
    /* A folder named in a list is walked too. */
    r = sh("echo many | \"$PBCHECK\" -f jsonl -");
    assert_string_equal(r.out, walk.out);
    run_free(&r);
    run_free(&walk);
    run_free(&want);
}

/* ---------------------------------------------------------- parallelism */

/* Fails unless A.EXT and B.EXT (in the scratch folder) hold the same
 * bytes; A's text, to be freed. */
/* JUnit's time="…" attributes are measured: they are left out of a
 * comparison. */
static void drop_times(char *s)
{
    char *o = s;
    while (*s) {
        if (strncmp(s, " time=\"", 7) == 0) {
            char *end = strchr(s + 7, '"');
            if (end) {
                s = end + 1;
                continue;
            }
        }
        *o++ = *s++;
    }
    *o = '\0';
}

static char *same_files(const char *a, const char *b, const char *ext)
{
    char an[64], bn[64];
    snprintf(an, sizeof an, "%s.%s", a, ext);
    snprintf(bn, sizeof bn, "%s.%s", b, ext);
    char *x = read_rel(an), *y = read_rel(bn);
    drop_times(x);
    drop_times(y);
    if (strcmp(x, y) != 0) {
        size_t at = 0;
        while (x[at] && x[at] == y[at])
            at++;
        size_t from = at > 80 ? at - 80 : 0;
        fail_msg("%s and %s differ at byte %zu: «%.160s» / «%.160s»", an, bn, at, x + from, y + from);
    }
    free(y);
    return x;
}

static const char *const all_formats[] = {"text", "json", "jsonl", "sarif", "junit", "github", "gitlab", "csv"};
#define FORMAT_COUNT (sizeof all_formats / sizeof *all_formats)

/* Every format but HTML takes a streamed read (each project checked and
 * freed as it is read; JSON spools what it writes of each project, past
 * 1 MiB in a temporary file): the output is the one of the whole document,
 * read when an HTML report is also asked for — byte for byte, and for JSON
 * with a spool larger than its part kept in memory. */
static void test_streamed_like_whole(void **state)
{
    (void)state;
    enum { PROJECTS = 300 };
    static fx_project many[PROJECTS];
    static char codes[PROJECTS][32];
    for (int i = 0; i < PROJECTS; i++) {
        many[i] = i % 3 ? ok_project : err_project;
        snprintf(codes[i], sizeof codes[i], "13020925P%012d", i % 250); /* some twice: PB502 */
        many[i].code = codes[i];
    }
    char *body = fx_reference_body(many, PROJECTS);
    assert_non_null(body);
    char path[1024];
    snprintf(path, sizeof path, "%s/streamed.docx", root);
    assert_true(fx_docx_file(path, body));
    free(body);
    for (size_t i = 0; i < FORMAT_COUNT; i++) {
        run_result r = sh("\"$PBCHECK\" -f %s streamed.docx > streamed.%s; echo $?; "
                          "\"$PBCHECK\" -f %s --report html:streamed.html streamed.docx > whole.%s; echo $?",
                          all_formats[i], all_formats[i], all_formats[i], all_formats[i]);
        assert_string_equal(r.out, "1\n1\n");
        run_free(&r);
        free(same_files("streamed", "whole", all_formats[i]));
    }
    char *json = read_rel("streamed.json");
    assert_true(strlen(json) > (1u << 20)); /* the spool went to a temporary file */
    assert_non_null(strstr(json, "\"rule\":\"PB502\""));
    free(json);
}

/* A spool that cannot be written (here: past the file size limit) fails
 * its file with the reason, exit 4; nothing half-written is reported. */
static void test_spool_cannot_be_written(void **state)
{
    (void)state;
    run_result r = sh("(ulimit -f 256; trap '' XFSZ; exec \"$PBCHECK\" -f json streamed.docx reference.docx "
                      "> spool.json)");
    assert_int_equal(r.status, 4);
    if (!strstr(r.err, "cannot write a temporary file of the report"))
        fail_msg("stderr: %s", r.err);
    run_free(&r);
    char *text = read_rel("spool.json");
    cJSON *j = parse_json(text);
    free(text);
    const cJSON *files = cJSON_GetObjectItem(j, "files");
    assert_int_equal(cJSON_GetArraySize(files), 2);
    const cJSON *first = cJSON_GetArrayItem(files, 0);
    assert_string_equal(cJSON_GetObjectItem(first, "status")->valuestring, "error");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(first, "projects")), 0);
    const cJSON *second = cJSON_GetArrayItem(files, 1);
    assert_string_equal(cJSON_GetObjectItem(second, "status")->valuestring, "ok");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(second, "projects")), 3);
    cJSON_Delete(j);
}

static void test_jobs_identical_output(void **state)
{
    (void)state;
    char cmd[4096];
    for (int jobs = 1; jobs <= 4; jobs += 3) {
        int n = snprintf(cmd, sizeof cmd, "\"$PBCHECK\" -j %d --statistics -f text many > j%d.stdout", jobs, jobs);
        for (size_t i = 0; i < FORMAT_COUNT; i++)
            n += snprintf(cmd + n, sizeof cmd - (size_t)n, " --report %s:j%d.%s", all_formats[i], jobs, all_formats[i]);
        run_result r = sh("%s", cmd);
        assert_int_equal(r.status, 3); /* empty files: unreadable wins over the PB104 errors */
        run_free(&r);
    }
    for (size_t i = 0; i < FORMAT_COUNT; i++) {
        char *x = same_files("j1", "j4", all_formats[i]);
        assert_true(strlen(x) > 1000);
        free(x);
    }
    /* stdout keeps its own format next to the reports, in input order. */
    char *j1 = read_rel("j1.stdout"), *j4 = read_rel("j4.stdout"), *text = read_rel("j1.text");
    assert_string_equal(j1, j4);
    assert_true(strncmp(j1, text, strlen(text) - 200) == 0);
    assert_true(strstr(j1, "many/f000.docx") < strstr(j1, "many/f002.docx"));
    assert_true(strstr(j1, "many/f198.docx") < strstr(j1, "many/f199.docx"));
    assert_null(strstr(j1, "~$"));
    /* --statistics: 20 files end at 90% (…7), 20 are empty (…3). */
    assert_non_null(strstr(j1, "      20  PB104 "));
    assert_non_null(strstr(j1, "      20  empty-file "));
    assert_non_null(strstr(j1, "200 file(s), 20 unreadable, 180 project(s): 20 error(s)"));
    free(j1);
    free(j4);
    free(text);
    char *json = read_rel("j4.json");
    cJSON *j = parse_json(json);
    cJSON *summary = cJSON_GetObjectItem(j, "summary");
    assert_int_equal(cJSON_GetObjectItem(summary, "files")->valueint, MANY);
    assert_int_equal(cJSON_GetObjectItem(summary, "unreadable")->valueint, 20);
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(summary, "findings"), "error")->valueint, 20);
    assert_int_equal(cJSON_GetObjectItem(summary, "exit_status")->valueint, 3);
    cJSON_Delete(j);
    free(json);
    /* export too */
    run_result r = sh("\"$PBCHECK\" export -j 1 many > e1.csv; \"$PBCHECK\" export -j 4 many > e4.csv");
    assert_int_equal(r.status, 3);
    run_free(&r);
    char *e1 = read_rel("e1.csv"), *e4 = read_rel("e4.csv");
    assert_string_equal(e1, e4);
    assert_int_equal(count_of(e1, "\r\n"), MANY + 1);
    free(e1);
    free(e4);
}

/* A file's report is written out in blocks while it is still being
 * rendered (cli_batch.c).  Large reports (several 64 KiB blocks each)
 * between small and unreadable ones must come out whole and in order, the
 * same with 1 and 3 jobs, and each file's JSON the same as when it is
 * checked alone. */
static void test_large_outputs_stream(void **state)
{
    (void)state;
    mkdir_rel("large");
    enum { PROJECTS = 40 };
    static fx_project big[PROJECTS];
    static char codes[PROJECTS][32];
    for (int i = 0; i < PROJECTS; i++) {
        big[i] = err_project;
        snprintf(codes[i], sizeof codes[i], "13020925P%012d", i);
        big[i].code = codes[i];
    }
    char *body = fx_reference_body(big, PROJECTS);
    assert_non_null(body);
    static const char *const names[] = {"large/a-big.docx", "large/b-small.docx", "large/c-big.docx",
                                        "large/d-empty.docx", "large/e-big.docx"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", root, names[i]);
        if (names[i][6] == 'd')
            write_text(names[i], "");
        else if (names[i][8] == 's')
            write_docx(names[i], &ok_project);
        else if (!fx_docx_file(path, body))
            fail_msg("cannot write %s", path);
    }
    free(body);
    for (int jobs = 1; jobs <= 3; jobs += 2) {
        run_result r = sh("\"$PBCHECK\" -j %d -f json --report text:large%d.txt --report sarif:large%d.sarif large "
                          "> large%d.json",
                          jobs, jobs, jobs, jobs);
        assert_int_equal(r.status, 3);
        run_free(&r);
    }
    static const char *const kinds[] = {"json", "txt", "sarif"};
    for (size_t k = 0; k < 3; k++)
        free(same_files("large1", "large3", kinds[k]));
    char *all = read_rel("large1.json");
    assert_true(strlen(all) > 3 * 3 * 65536); /* three big files of several blocks each */
    cJSON *j = parse_json(all);
    const cJSON *files = cJSON_GetObjectItem(j, "files");
    assert_int_equal(cJSON_GetArraySize(files), 5);
    for (int i = 0; i < 5; i++) {
        const cJSON *f = cJSON_GetArrayItem(files, i);
        assert_string_equal(str_of(f, "path"), names[i]);
        /* alone, with a core to spare: read on a thread beside its checks */
        run_result r = sh("\"$PBCHECK\" -j 2 -f json %s", names[i]);
        cJSON *alone = parse_json(r.out);
        const cJSON *same = cJSON_GetArrayItem(cJSON_GetObjectItem(alone, "files"), 0);
        if (!cJSON_Compare(f, same, 1))
            fail_msg("%s reads differently in the batch", names[i]);
        cJSON_Delete(alone);
        run_free(&r);
    }
    cJSON_Delete(j);
    free(all);
    /* One big file read beside its checks (-j 2) reports as when it is read
     * and checked on one thread (-j 1): streamed, in every format but HTML,
     * and read whole for HTML. */
    for (int jobs = 1; jobs <= 2; jobs++) {
        char cmd[4096];
        int n = snprintf(cmd, sizeof cmd, "\"$PBCHECK\" -j %d -f html large/a-big.docx > one%d.html && \"$PBCHECK\" -j %d -f json large/a-big.docx > one%d.stdout",
                         jobs, jobs, jobs, jobs);
        for (size_t i = 0; i < FORMAT_COUNT; i++)
            n += snprintf(cmd + n, sizeof cmd - (size_t)n, " --report %s:one%d.%s", all_formats[i], jobs, all_formats[i]);
        run_result r = sh("%s", cmd);
        assert_int_equal(r.status, 1);
        run_free(&r);
    }
    for (size_t i = 0; i < FORMAT_COUNT; i++)
        free(same_files("one1", "one2", all_formats[i]));
    free(same_files("one1", "one2", "html"));
    free(same_files("one1", "one2", "stdout"));
}

/* jsonl is written as soon as a file and those before it are done: the
 * first line must come out while the list on stdin is still open. */
static void test_jsonl_streams(void **state)
{
    (void)state;
    run_result r = sh("start=$(date +%%s%%N); "
                      "{ echo reference.docx; sleep 3; echo ok.docx; } | \"$PBCHECK\" -j 2 -q -f jsonl - | "
                      "{ IFS= read -r first; echo $(( ($(date +%%s%%N) - start) / 1000000 )) > first.ms; "
                      "printf '%%s\\n' \"$first\" > lines.jsonl; cat >> lines.jsonl; }; "
                      "echo $(( ($(date +%%s%%N) - start) / 1000000 )) > total.ms");
    assert_int_equal(r.status, 0);
    run_free(&r);
    char *first = read_rel("first.ms"), *total = read_rel("total.ms"), *lines = read_rel("lines.jsonl");
    long first_ms = atol(first), total_ms = atol(total);
    if (!(first_ms < 2500 && total_ms >= 3000))
        fail_msg("first line after %ld ms, all after %ld ms", first_ms, total_ms);
    assert_int_equal(count_of(lines, "\n"), 2);
    cJSON *j = parse_json(lines); /* the first line alone */
    assert_string_equal(str_of(j, "path"), "reference.docx");
    cJSON_Delete(j);
    free(first);
    free(total);
    free(lines);
}

/* ------------------------------------------------------------ unreadable */

static void test_unreadable_in_folder(void **state)
{
    (void)state;
    mkdir_rel("perm");
    mkdir_rel("perm/locked");
    write_docx("perm/a.docx", &ok_project);
    write_docx("perm/b.docx", &ok_project);
    write_docx("perm/c.docx", &err_project);
    write_docx("perm/locked/x.docx", &ok_project);
    /* Root reads a chmod 000 file anyway, so the run drops to nobody with
     * setpriv (a copy of the binary in the scratch folder, which nobody may
     * enter, wherever the build tree is); a non-root run needs nothing. */
    const char *as = geteuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup --clear-groups " : "";
    run_result r = sh("cp \"$PBCHECK\" pbcheck-copy && chmod 755 pbcheck-copy && chmod 000 perm/b.docx perm/locked && "
                      "%s./pbcheck-copy -f json perm",
                      as);
    assert_int_equal(r.status, 3);
    cJSON *j = parse_json(r.out);
    cJSON *files = cJSON_GetObjectItem(j, "files");
    assert_int_equal(cJSON_GetArraySize(files), 4);
    static const char *const paths[] = {"perm/a.docx", "perm/b.docx", "perm/c.docx", "perm/locked"};
    static const char *const codes[] = {NULL, "io-error", NULL, "io-error"};
    for (int i = 0; i < 4; i++) {
        cJSON *f = cJSON_GetArrayItem(files, i);
        assert_string_equal(str_of(f, "path"), paths[i]);
        if (!codes[i]) {
            assert_string_equal(str_of(f, "status"), "ok");
            continue;
        }
        assert_string_equal(str_of(cJSON_GetObjectItem(f, "error"), "code"), codes[i]);
        /* in pbcheck's words, not the C library's (issue 16) */
        assert_non_null(strcasestr(str_of(cJSON_GetObjectItem(f, "error"), "message"), "permission denied"));
    }
    /* c.docx was still checked: its PB104 error is there. */
    assert_non_null(strstr(r.out, "schedule-final-not-100"));
    assert_non_null(strstr(r.err, "perm/b.docx: cannot open the file: permission denied [io-error]"));
    cJSON_Delete(j);
    run_free(&r);
    r = sh("chmod 755 perm/locked && chmod 644 perm/b.docx");
    run_free(&r);
    /* A second way, root or not: a dangling link named like a filing. */
    r = sh("ln -s /nonexistent/gone.docx perm/gone.docx && \"$PBCHECK\" -f csv perm");
    assert_int_equal(r.status, 3);
    assert_non_null(strstr(r.out, "\"perm/gone.docx\",,,,io-error,error,"));
    run_free(&r);
}

/* A per-file time limit: a large file stops cleanly as [timeout] and the
 * batch goes on. */
/* A FIFO that is never written stays unread for ever: the limit alone ends
 * it, whatever the speed of the machine, and the file after it (-j 1) is
 * still checked. */
static void test_file_timeout(void **state)
{
    (void)state;
    run_result r = sh("rm -f silent.fifo && mkfifo silent.fifo && "
                      "\"$PBCHECK\" -j 1 --file-timeout 500ms -f json silent.fifo reference.docx");
    assert_int_equal(r.status, 3);
    cJSON *j = parse_json(r.out);
    cJSON *files = cJSON_GetObjectItem(j, "files");
    assert_string_equal(str_of(cJSON_GetObjectItem(cJSON_GetArrayItem(files, 0), "error"), "code"), "timeout");
    assert_string_equal(str_of(cJSON_GetArrayItem(files, 1), "status"), "ok");
    cJSON_Delete(j);
    assert_non_null(
        strstr(r.err, "silent.fifo: reading took longer than the limit of 500 ms (--file-timeout) [timeout]"));
    run_free(&r);
    r = sh("\"$PBCHECK\" --file-timeout soon ok.docx");
    assert_int_equal(r.status, 2);
    run_free(&r);
}

/* -------------------------------------------------------------- formats */

static void test_sarif_valid(void **state)
{
    (void)state;
    mkdir_rel("sarif");
    run_result r = sh("cp reference.docx err.docx sarif/ && : > sarif/empty.docx && "
                      "\"$PBCHECK\" -f sarif sarif > out.sarif");
    assert_int_equal(r.status, 3);
    run_free(&r);
    r = sh("/usr/bin/python3 '%s/tests/validate_sarif.py' '%s/tests/data/sarif-schema-2.1.0.json' out.sarif", repo,
           repo);
    if (r.status != 0)
        fail_msg("SARIF invalid: %s", r.err);
    run_free(&r);
    /* The validator does reject what breaks the schema. */
    r = sh("sed 's/\"level\":\"warning\"/\"level\":\"warn\"/' out.sarif > bad.sarif && "
           "/usr/bin/python3 '%s/tests/validate_sarif.py' '%s/tests/data/sarif-schema-2.1.0.json' bad.sarif",
           repo, repo);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "'warn' is not one of"));
    run_free(&r);
    char *text = read_rel("out.sarif");
    cJSON *j = parse_json(text);
    free(text);
    cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0);
    cJSON *rules = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver"), "rules");
    size_t n;
    const pb_rule *all = pb_rules(&n);
    assert_int_equal(cJSON_GetArraySize(rules), (int)n);
    for (size_t i = 0; i < n; i++) {
        cJSON *rule = cJSON_GetArrayItem(rules, (int)i);
        assert_string_equal(str_of(rule, "id"), all[i].id);
        assert_string_equal(str_of(rule, "name"), all[i].slug);
        assert_non_null(str_of(rule, "helpUri"));
        assert_true(strlen(str_of(cJSON_GetObjectItem(rule, "fullDescription"), "text")) > 20);
        assert_non_null(str_of(cJSON_GetObjectItem(rule, "shortDescription"), "text"));
    }
    /* The reference's blank 3月底: table 1, row 6, column 2 of project
     * 13020925P001470100024 (counted from 1). */
    cJSON *res, *found = NULL;
    cJSON_ArrayForEach(res, cJSON_GetObjectItem(run, "results"))
    {
        cJSON *loc = cJSON_GetArrayItem(cJSON_GetObjectItem(res, "locations"), 0);
        cJSON *logical = cJSON_GetArrayItem(cJSON_GetObjectItem(loc, "logicalLocations"), 0);
        const char *fqn = str_of(logical, "fullyQualifiedName");
        if (fqn && strcmp(fqn, "table 1/row 6/column 2/13020925P001470100024") == 0)
            found = res;
    }
    assert_non_null(found);
    assert_string_equal(str_of(found, "ruleId"), "PB101");
    assert_string_equal(str_of(found, "level"), "warning");
    cJSON *phys = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(found, "locations"), 0), "physicalLocation");
    assert_string_equal(str_of(cJSON_GetObjectItem(phys, "artifactLocation"), "uri"), "sarif/reference.docx");
    const char *fp = str_of(cJSON_GetObjectItem(found, "partialFingerprints"), "primaryLocationLineHash");
    assert_non_null(fp);
    assert_int_equal(strlen(fp), 32);
    /* The empty file is a notification of the invocation, which failed. */
    cJSON *inv = cJSON_GetArrayItem(cJSON_GetObjectItem(run, "invocations"), 0);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(inv, "executionSuccessful")));
    assert_int_equal(cJSON_GetObjectItem(inv, "exitCode")->valueint, 3);
    cJSON *note = cJSON_GetArrayItem(cJSON_GetObjectItem(inv, "toolExecutionNotifications"), 0);
    assert_string_equal(str_of(cJSON_GetObjectItem(note, "descriptor"), "id"), "empty-file");
    cJSON_Delete(j);
}

static void test_junit_valid(void **state)
{
    (void)state;
    run_result r = sh("\"$PBCHECK\" -f junit reference.docx err.docx many/f003.docx > out.xml; echo $? > status; "
                      "xmllint --noout --schema '%s/tests/data/jenkins-junit.xsd' out.xml",
                      repo);
    if (r.status != 0)
        fail_msg("JUnit invalid: %s", r.err);
    run_free(&r);
    char *xml = read_rel("out.xml"), *status = read_rel("status");
    assert_int_equal(atoi(status), 3);
    /* One testsuite per file, one testcase per project. */
    assert_int_equal(count_of(xml, "<testsuite "), 3);
    assert_non_null(strstr(xml, "<testcase name=\"project 1 13020925P001470100024 房屋租赁和物业管理专项经费\" "
                                "classname=\"reference.docx\" time=\""));
    /* every suite and case carries the seconds it took */
    assert_int_equal(count_of(xml, "\" time=\""), count_of(xml, "<testsuite ") + count_of(xml, "<testcase "));
    assert_non_null(strstr(xml, "<testcase name=\"project 3 13020925P001517100028 中山路街道专项经费\""));
    /* err.docx: its project fails on PB104; the warnings stay in system-out. */
    const char *suite = strstr(xml, "<testsuite name=\"err.docx\"");
    assert_non_null(suite);
    assert_non_null(strstr(suite, "failures=\"1\" errors=\"0\""));
    assert_non_null(strstr(suite, "<failure type=\"PB104\" message=\"PB104 schedule-final-not-100: "));
    assert_non_null(strstr(suite, "<system-out>warning PB"));
    const char *empty = strstr(xml, "<testsuite name=\"many/f003.docx\" tests=\"1\" failures=\"0\" errors=\"1\"");
    assert_non_null(empty);
    assert_non_null(strstr(empty, "<error type=\"empty-file\""));
    free(xml);
    free(status);
    /* xmllint does reject a testcase without its name. */
    r = sh("sed 's/<testcase name=\"[^\"]*\"/<testcase/' out.xml > bad.xml && "
           "xmllint --noout --schema '%s/tests/data/jenkins-junit.xsd' bad.xml",
           repo);
    assert_int_not_equal(r.status, 0);
    run_free(&r);
    /* --fail-on warning makes the warnings failures too. */
    r = sh("\"$PBCHECK\" -f junit --fail-on warning ok.docx");
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "<failure type=\"PB101\""));
    run_free(&r);
}

/* Chinese, spaces, ',', '%' and '&' in file names, in every format. */
static void test_names_in_every_format(void **state)
{
    (void)state;
    mkdir_rel("names");
    write_docx("names/预算 表,1%.docx", &err_project);
    write_docx("names/R&D.docx", &ok_project);
    const char *odd = "names/预算 表,1%.docx";
    run_result r = sh("\"$PBCHECK\" -f text names");
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "\nnames/预算 表,1%.docx\n"));
    run_free(&r);
    r = sh("\"$PBCHECK\" -f json names");
    cJSON *j = parse_json(r.out);
    cJSON *files = cJSON_GetObjectItem(j, "files");
    assert_string_equal(str_of(cJSON_GetArrayItem(files, 0), "path"), "names/R&D.docx");
    assert_string_equal(str_of(cJSON_GetArrayItem(files, 1), "path"), odd);
    cJSON_Delete(j);
    run_free(&r);
    r = sh("\"$PBCHECK\" -f jsonl names");
    const char *second = strchr(r.out, '\n');
    assert_non_null(second);
    j = parse_json(second + 1);
    assert_string_equal(str_of(j, "path"), odd);
    cJSON_Delete(j);
    run_free(&r);
    /* SARIF: a relative URI, UTF-8 bytes, space, ',', '%' and '&' encoded. */
    r = sh("\"$PBCHECK\" -f sarif names");
    assert_non_null(strstr(r.out, "\"uri\":\"names/%E9%A2%84%E7%AE%97%20%E8%A1%A8%2C1%25.docx\""));
    assert_non_null(strstr(r.out, "\"uri\":\"names/R%26D.docx\""));
    run_free(&r);
    /* GitHub: ',' and '%' in a property are %2C and %25. */
    r = sh("\"$PBCHECK\" -f github names");
    assert_non_null(strstr(r.out, "::error file=names/预算 表%2C1%25.docx,title=PB104 schedule-final-not-100::"));
    assert_non_null(strstr(r.out, "::warning file=names/R&D.docx,title=PB101 schedule-checkpoint-blank::"));
    run_free(&r);
    r = sh("\"$PBCHECK\" -f gitlab names");
    j = parse_json(r.out);
    cJSON *issue, *hit = NULL;
    cJSON_ArrayForEach(issue, j)
    {
        if (strcmp(str_of(issue, "check_name"), "PB104") == 0)
            hit = issue;
    }
    assert_non_null(hit);
    assert_string_equal(str_of(cJSON_GetObjectItem(hit, "location"), "path"), odd);
    assert_string_equal(str_of(hit, "severity"), "major");
    cJSON_Delete(j);
    run_free(&r);
    /* CSV: UTF-8 BOM, the path quoted whole. */
    r = sh("\"$PBCHECK\" -f csv names");
    assert_true(strncmp(r.out, "\xEF\xBB\xBF" "file,project_code,", 21) == 0);
    assert_non_null(strstr(r.out, "\r\n\"names/预算 表,1%.docx\",\"13020925P001470100024\",\"房屋租赁和物业管理专项经费\","
                                  "PB104,schedule-final-not-100,error,1,6,6,\"资金支出计划/12月底\","));
    run_free(&r);
    r = sh("\"$PBCHECK\" -f junit names");
    assert_non_null(strstr(r.out, "<testsuite name=\"names/预算 表,1%.docx\""));
    assert_non_null(strstr(r.out, "<testsuite name=\"names/R&amp;D.docx\""));
    run_free(&r);
}

/* Decodes base64 (RFC 4648) into out; its length, or -1 on a bad digit. */
static int unbase64(const char *s, char *out, size_t cap)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned v = 0;
    int bits = 0;
    size_t n = 0;
    for (; *s && *s != '='; s++) {
        const char *d = strchr(digits, *s);
        if (!d || n + 1 >= cap)
            return -1;
        v = v << 6 | (unsigned)(d - digits);
        if ((bits += 6) >= 8) {
            bits -= 8;
            out[n++] = (char)(v >> bits & 0xFF);
        }
    }
    out[n] = '\0';
    return (int)n;
}

/* Issue 16 point 6: names in GBK (a Windows or an old Chinese desktop's
 * zip) are shown readable in text, CSV and HTML; JSON and JSONL carry the
 * bytes that reopen the file; a byte that is neither UTF-8 nor GB18030 stays
 * escaped. */
static void test_gbk_names(void **state)
{
    (void)state;
    mkdir_rel("gbk");
    const char *gbk = "gbk/\xD4\xA4\xCB\xE3\xB1\xED.docx"; /* 预算表.docx in GBK */
    const char *bad = "gbk/bad\xFF.docx";
    write_docx(gbk, &err_project);
    write_docx(bad, &ok_project);
    write_docx("gbk/utf8.docx", &ok_project);
    run_result r = sh("\"$PBCHECK\" -f text gbk");
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "gbk/预算表.docx\n"));
    assert_non_null(strstr(r.out, "gbk/bad\\xFF.docx\n"));
    assert_null(strstr(r.out, "\xD4\xA4"));
    /* the closing list of the files that fail, on stderr */
    assert_non_null(strstr(r.err, "  gbk/预算表.docx\n"));
    run_free(&r);
    r = sh("\"$PBCHECK\" -f csv gbk");
    assert_non_null(strstr(r.out, "\r\n\"gbk/预算表.docx\",\"13020925P001470100024\","));
    assert_non_null(strstr(r.out, "\r\n\"gbk/bad\\xFF.docx\","));
    run_free(&r);
    r = sh("\"$PBCHECK\" -f html --report html:pages/ gbk");
    assert_non_null(strstr(r.out, "gbk/预算表.docx"));
    run_free(&r);
    char *page = read_rel("pages/index.html");
    assert_non_null(strstr(page, "gbk/预算表.docx"));
    assert_non_null(strstr(page, "gbk/bad\\xFF.docx"));
    free(page);
    r = sh("\"$PBCHECK\" -f json gbk");
    cJSON *j = parse_json(r.out);
    run_free(&r);
    cJSON *files = cJSON_GetObjectItem(j, "files"), *f;
    assert_int_equal(cJSON_GetArraySize(files), 3);
    int reopened = 0;
    cJSON_ArrayForEach(f, files)
    {
        const char *shown = str_of(f, "path");
        cJSON *bytes = cJSON_GetObjectItem(f, "path_bytes");
        if (strcmp(shown, "gbk/utf8.docx") == 0) {
            assert_null(bytes); /* a UTF-8 name is exact already */
            continue;
        }
        assert_true(strcmp(shown, "gbk/预算表.docx") == 0 || strcmp(shown, "gbk/bad\\xFF.docx") == 0);
        assert_true(cJSON_IsString(bytes));
        char name[256], full[1024];
        assert_true(unbase64(bytes->valuestring, name, sizeof name) > 0);
        assert_string_equal(name, strcmp(shown, "gbk/预算表.docx") == 0 ? gbk : bad);
        /* the file opens from the JSON's form, and is the file checked */
        snprintf(full, sizeof full, "%s/%s", root, name);
        struct stat st;
        assert_int_equal(stat(full, &st), 0);
        reopened++;
    }
    assert_int_equal(reopened, 2);
    cJSON_Delete(j);
    /* JSONL: the same object per line; the shell reopens it with base64 -d */
    r = sh("\"$PBCHECK\" -f jsonl gbk | head -n 1 > first.jsonl && "
           "\"$PBCHECK\" -f json \"$(sed 's/.*\"path_bytes\":\"\\([^\"]*\\)\".*/\\1/' first.jsonl | base64 -d)\"");
    j = parse_json(r.out);
    assert_string_equal(str_of(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "files"), 0), "path"), "gbk/bad\\xFF.docx");
    cJSON_Delete(j);
    run_free(&r);
}

/* ------------------------------------------------- fingerprints, baseline */

static const fx_indicator two_rows[] = {
    {"产出指标", "数量指标", "培训人数", "参加培训的人数", "≥100人", "年度计划"},
    {"", "质量指标", "培训合格率", "考核合格的比例", "≥120%", "行业标准"},
};
static const fx_indicator row_inserted[] = {
    {"产出指标", "数量指标", "培训人数", "参加培训的人数", "≥100人", "年度计划"},
    {"", "数量指标", "培训场次", "举办培训的场次", "≥5场", "年度计划"},
    {"", "质量指标", "培训合格率", "考核合格的比例", "≥120%", "行业标准"},
};
static const fx_indicator row_inserted_new_error[] = {
    {"产出指标", "数量指标", "培训人数", "参加培训的人数", "≥100人", "年度计划"},
    {"", "数量指标", "培训场次", "举办培训的场次", "≥5场", "年度计划"},
    {"", "质量指标", "培训合格率", "考核合格的比例", "≥120%", "行业标准"},
    {"", "质量指标", "证书发放率", "取得证书的比例", "≥150%", "行业标准"},
};

/* The PB303 (percentage above 100) finding's fingerprint in gitlab, SARIF
 * and CSV output, and its row in JSON. */
static void pb303_identity(const char *file, char gitlab_fp[64], int *row)
{
    run_result r = sh("\"$PBCHECK\" -f gitlab --report sarif:fp.sarif --report csv:fp.csv --report json:fp.json '%s'",
                      file);
    assert_int_equal(r.status, 1);
    cJSON *j = parse_json(r.out), *issue;
    int n = 0;
    cJSON_ArrayForEach(issue, j)
    {
        if (strcmp(str_of(issue, "check_name"), "PB303") == 0) {
            snprintf(gitlab_fp, 64, "%s", str_of(issue, "fingerprint"));
            n++;
        }
    }
    assert_int_equal(n, 1);
    cJSON_Delete(j);
    run_free(&r);
    char *sarif = read_rel("fp.sarif"), *csv = read_rel("fp.csv"), *json = read_rel("fp.json");
    char needle[128];
    snprintf(needle, sizeof needle, "\"primaryLocationLineHash\":\"%s\"", gitlab_fp);
    assert_non_null(strstr(sarif, needle));
    snprintf(needle, sizeof needle, ",%s,\r\n", gitlab_fp); /* then the (empty) paragraph column */
    assert_non_null(strstr(csv, needle));
    const char *f = strstr(json, "\"rule\":\"PB303\"");
    assert_non_null(f);
    const char *rowp = strstr(f, "\"row\":");
    assert_non_null(rowp);
    *row = atoi(rowp + 6);
    free(sarif);
    free(csv);
    free(json);
}

static void test_fingerprints_survive_inserted_rows(void **state)
{
    (void)state;
    mkdir_rel("fp");
    fx_project a = {.indicators = two_rows, .indicator_count = 2};
    fx_project b = {.indicators = row_inserted, .indicator_count = 3};
    fx_project c = {.indicators = row_inserted, .indicator_count = 3, .code = "13020925P009999999999"};
    write_docx("fp/t.docx", &a);
    char before[64], after[64], other[64];
    int row_before, row_after, row_other;
    pb303_identity("fp/t.docx", before, &row_before);
    write_docx("fp/t.docx", &b);
    pb303_identity("fp/t.docx", after, &row_after);
    /* The row moved down by one (header row 0, then the indicators)… */
    assert_int_equal(row_before, 2);
    assert_int_equal(row_after, 3);
    /* …and the finding kept its identity. */
    assert_string_equal(before, after);
    /* Another 项目编码 is another finding. */
    write_docx("fp/t.docx", &c);
    pb303_identity("fp/t.docx", other, &row_other);
    assert_int_equal(row_other, 3);
    assert_string_not_equal(before, other);
}

static void test_baseline(void **state)
{
    (void)state;
    mkdir_rel("bl");
    fx_project a = err_project;
    fx_project b = {.indicators = two_rows, .indicator_count = 2, .code = "13020925P000000000002"};
    write_docx("bl/a.docx", &a);
    write_docx("bl/b.docx", &b);
    run_result r = sh("\"$PBCHECK\" -f json --write-baseline base.json bl");
    assert_int_equal(r.status, 1);
    cJSON *j = parse_json(r.out);
    int total = 0;
    cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(j, "files"))
    {
        total += cJSON_GetArraySize(cJSON_GetObjectItem(f, "findings"));
    }
    cJSON_Delete(j);
    run_free(&r);
    char *base_text = read_rel("base.json");
    cJSON *base = parse_json(base_text);
    free(base_text);
    assert_int_equal(cJSON_GetObjectItem(base, "pbcheck_baseline")->valueint, 1);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(base, "findings")), total);
    assert_true(total >= 2);
    cJSON_Delete(base);
    /* Nothing new: clean, and the text says what was left out. */
    r = sh("\"$PBCHECK\" --baseline base.json bl");
    assert_int_equal(r.status, 0);
    char needle[128];
    snprintf(needle, sizeof needle, "%d finding(s) left out: already in the baseline", total);
    assert_non_null(strstr(r.out, needle));
    assert_null(strstr(r.out, "PB104"));
    assert_null(strstr(r.out, "no longer fire"));
    run_free(&r);
    /* a.docx fixed; b.docx got a row inserted and a new error. */
    write_docx("bl/a.docx", &ok_project);
    fx_project b2 = {.indicators = row_inserted_new_error, .indicator_count = 4, .code = "13020925P000000000002"};
    write_docx("bl/b.docx", &b2);
    r = sh("\"$PBCHECK\" -f json --baseline base.json bl");
    assert_int_equal(r.status, 1);
    assert_int_equal(count_of(r.out, "\"rule\":\"PB303\""), 1);
    assert_non_null(strstr(r.out, "证书发放率"));
    assert_null(strstr(r.out, "\"rule\":\"PB104\""));
    /* Stale entries go to stderr next to a machine format. */
    assert_non_null(strstr(r.err, "Baseline entries that no longer fire:\n"));
    assert_non_null(strstr(r.err, "\n  bl/a.docx: PB104 13020925P001470100024 资金支出计划/12月底: "));
    run_free(&r);
    r = sh("\"$PBCHECK\" --baseline base.json bl");
    assert_non_null(strstr(r.out, "bl/a.docx: PB104 "));
    assert_non_null(strstr(r.out, "baseline entr(y/ies) no longer fire"));
    run_free(&r);
    /* Entries of files not checked in this run are not stale. */
    r = sh("\"$PBCHECK\" --baseline base.json bl/b.docx");
    assert_null(strstr(r.out, "bl/a.docx"));
    run_free(&r);
    /* A missing or foreign baseline is a configuration error. */
    r = sh("\"$PBCHECK\" --baseline nothere.json bl");
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    run_free(&r);
    r = sh("echo '{\"findings\":[]}' > foreign.json && \"$PBCHECK\" --baseline foreign.json bl");
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "not a pbcheck baseline"));
    run_free(&r);
}

/* ----------------------------------------------------------- exit status */

static void test_exit_status_contract(void **state)
{
    (void)state;
    static const struct {
        const char *args;
        int status;
    } cases[] = {
        {"ok.docx", 0},                          /* warnings and info only */
        {"--fail-on warning ok.docx", 1},
        {"--fail-on info ok.docx", 1},
        {"err.docx", 1},
        {"--exit-zero err.docx", 0},
        {"--fail-on warning --exit-zero ok.docx", 0},
        {"--exit-zero err.docx many/f003.docx", 3}, /* --exit-zero changes 1 only */
        {"err.docx many/f003.docx", 3},
        {"--fail-on fatal ok.docx", 2},
        {"--fail-on off ok.docx", 2},
        {"--report sarif ok.docx", 2},
        {"--report yaml:x.yaml ok.docx", 2},
        {"--report json:/nonexistent/dir/x.json ok.docx", 2},
        {"--jobs many ok.docx", 2},
        {"--format xml ok.docx", 2},
        {"ok.docx > /dev/full", 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        run_result r = sh("\"$PBCHECK\" %s", cases[i].args);
        if (r.status != cases[i].status)
            fail_msg("pbcheck %s: status %d, expected %d; stderr: %s", cases[i].args, r.status, cases[i].status,
                     r.err);
        run_free(&r);
    }
}

/* --------------------------------------------------------------- export */

static void test_export(void **state)
{
    (void)state;
    run_result r = sh("\"$PBCHECK\" export reference.docx many/f003.docx");
    assert_int_equal(r.status, 3);
    /* By hand from the reference document (shared/seed): amounts in 万元,
     * the schedule 3月底 and 6月底 blank, then 50% and 100% (project 1),
     * 25/50/75/100 (project 2), 10/30/60/100 (project 3); nine indicators each. */
    assert_true(strncmp(r.out, "\xEF\xBB\xBF文件,状态,表类,序号,项目编码,项目名称,预算单位,金额单位,表样,预算数,财政资金,其他资金,3月底,"
                               "6月底,7月底,9月底,10月底,11月底,12月底,其他支出计划,指标数,错误,警告,提示,规则\r\n",
                        strlen("\xEF\xBB\xBF文件,状态,表类,序号,项目编码,项目名称,预算单位,金额单位,表样,预算数,财政资金,其他资金,3月底,"
                               "6月底,7月底,9月底,10月底,11月底,12月底,其他支出计划,指标数,错误,警告,提示,规则\r\n")) == 0);
    assert_non_null(strstr(r.out, "\r\n\"reference.docx\",ok,项目,1,\"13020925P001470100024\",\"房屋租赁和物业管理专项经费\","
                                  "\"816001曹妃甸区中山路街道办事处本级\",万元,\"预算管理一体化项目支出绩效目标表\",242.59,242.59,,,,,,50,,100,\"\",9,0,"));
    assert_non_null(strstr(r.out, "\r\n\"reference.docx\",ok,项目,2,\"13020925P00146810002A\",\"楼门长补助专项经费\","
                                  "\"816001曹妃甸区中山路街道办事处本级\",万元,\"预算管理一体化项目支出绩效目标表\",237.00,237.00,,25,50,,,75,,100,\"\",9,0,"));
    assert_non_null(strstr(r.out, "\r\n\"reference.docx\",ok,项目,3,\"13020925P001517100028\",\"中山路街道专项经费\","
                                  "\"816001曹妃甸区中山路街道办事处本级\",万元,\"预算管理一体化项目支出绩效目标表\",305.48,305.48,,10,30,,,60,,100,\"\",9,0,"));
    assert_non_null(strstr(r.out, "\r\n\"many/f003.docx\",empty-file,"));
    /* Project 1 under the default rule set (issue 15: PB310 and PB314 only in
     * the strict preset): 6 warnings, 3 info, as the text report lists them. */
    assert_non_null(strstr(r.out, ",万元,\"预算管理一体化项目支出绩效目标表\",242.59,242.59,,,,,,50,,100,\"\",9,0,6,3,"
                                  "PB101 PB106 PB209 PB307 PB309 PB311 PB312\r\n"));
    /* issue 16: every row has the same 25 columns, an unreadable file's too */
    for (const char *line = r.out; *line; line = strstr(line, "\r\n") + 2) {
        int commas = 0;
        for (const char *c = line; *c != '\r'; c++)
            commas += *c == ',';
        assert_int_equal(commas, 24);
    }
    assert_int_equal(count_of(r.out, "\r\n"), 5);
    run_free(&r);
    r = sh("\"$PBCHECK\" export -f json -o rows.json reference.docx");
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "");
    run_free(&r);
    char *text = read_rel("rows.json");
    assert_non_null(strstr(text, "\"budget\":{\"total\":237.00,\"fiscal\":237.00,\"other\":null}"));
    cJSON *j = parse_json(text);
    free(text);
    assert_int_equal(cJSON_GetArraySize(j), 3);
    cJSON *row = cJSON_GetArrayItem(j, 2);
    assert_string_equal(str_of(row, "code"), "13020925P001517100028");
    assert_string_equal(str_of(row, "kind"), "project");
    assert_string_equal(str_of(row, "unit"), "万元");
    assert_string_equal(str_of(row, "agency"), "816001曹妃甸区中山路街道办事处本级");
    /* the template family: its ID, as the check's JSON writes it, and its name */
    assert_string_equal(str_of(row, "template"), "yitihua");
    assert_string_equal(str_of(row, "template_name"), "预算管理一体化项目支出绩效目标表");
    /* the rule IDs of the project's findings, in catalogue order */
    cJSON *ids = cJSON_GetObjectItem(row, "rules");
    assert_true(cJSON_GetArraySize(ids) > 2);
    assert_string_equal(cJSON_GetArrayItem(ids, 0)->valuestring, "PB106");
    assert_int_equal(cJSON_GetObjectItem(row, "indicators")->valueint, 9);
    cJSON *cp = cJSON_GetArrayItem(cJSON_GetObjectItem(row, "schedule"), 1);
    assert_string_equal(str_of(cp, "label"), "6月底");
    assert_int_equal(cJSON_GetObjectItem(cp, "percent")->valueint, 30);
    cJSON_Delete(j);
}

/* Issue 14 point 7: a 部门整体 table has its row, after the file's projects,
 * with the same columns: 表类 部门整体, the department's number, code and
 * name (jx_fuliang_dept_2026 as its truth file says: 316, 浮梁县林业局, 13
 * indicators, no amount), in the .docx and the .xlsx alike; JSON says
 * "kind": "department" and names the number department_number. */
/* The closing counts say how many 部门整体 tables the run read, apart from
 * the projects (they said "0 project(s)" for a department alone). */
static void test_totals_count_departments(void **state)
{
    (void)state;
    char cmd[2600];
    snprintf(cmd, sizeof cmd, "cp '%s/tests/data/real-filings/jx_fuliang_dept_2026.docx' '%s/'", repo, root);
    assert_int_equal(system(cmd), 0);
    run_result r = sh("\"$PBCHECK\" --lang en jx_fuliang_dept_2026.docx reference.docx --report json:tot.json "
                      "--report html:tot.html");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "2 file(s), 0 unreadable, 3 project(s), 1 department-wide table(s): "));
    run_free(&r);
    char *json = read_rel("tot.json"), *html = read_rel("tot.html");
    assert_non_null(strstr(json, "\"projects\":3,\"departments\":1,"));
    assert_non_null(strstr(html, "3 project(s), 1 department-wide table(s)"));
    free(json);
    free(html);
    /* none: the line as it always was */
    r = sh("\"$PBCHECK\" --lang en reference.docx");
    assert_non_null(strstr(r.out, "1 file(s), 0 unreadable, 3 project(s): 0 error(s)"));
    run_free(&r);
}

static void test_export_departments(void **state)
{
    (void)state;
    char cmd[2600];
    snprintf(cmd, sizeof cmd, "cp '%s/tests/data/real-filings/jx_fuliang_dept_2026.docx' "
                              "'%s/tests/data/real-filings/jx_fuliang_dept_2026.calc.xlsx' '%s/'", repo, repo, root);
    assert_int_equal(system(cmd), 0);
    run_result r = sh("\"$PBCHECK\" export jx_fuliang_dept_2026.docx jx_fuliang_dept_2026.calc.xlsx reference.docx");
    assert_int_equal(r.status, 0);
    for (size_t i = 0; i < 2; i++) {
        char want[512];
        snprintf(want, sizeof want, "\r\n\"%s\",ok,部门整体,1,\"316\",\"浮梁县林业局\",\"浮梁县林业局\",,\"部门整体绩效目标表\",",
                 i ? "jx_fuliang_dept_2026.calc.xlsx" : "jx_fuliang_dept_2026.docx");
        const char *row = strstr(r.out, want);
        if (!row)
            fail_msg("no department row %s in\n%s", want, r.out);
        /* no amount, no schedule; 13 indicators, no finding */
        static const char tail[] = ",\"\",13,0,0,0,";
        const char *eol = strstr(row + 2, "\r\n");
        if (!eol || eol - row < (ptrdiff_t)strlen(tail))
            fail_msg("the department row ends too soon: %.200s", row);
        assert_true(strncmp(eol - strlen(tail), tail, strlen(tail)) == 0);
    }
    assert_int_equal(count_of(r.out, ",ok,部门整体,"), 2);
    assert_int_equal(count_of(r.out, ",ok,项目,"), 3);
    for (const char *line = r.out; *line; line = strstr(line, "\r\n") + 2) {
        int commas = 0;
        for (const char *c = line; *c != '\r'; c++)
            commas += *c == ',';
        assert_int_equal(commas, 24);
    }
    run_free(&r);
    r = sh("\"$PBCHECK\" export -f json jx_fuliang_dept_2026.docx");
    assert_int_equal(r.status, 0);
    cJSON *j = parse_json(r.out);
    run_free(&r);
    assert_int_equal(cJSON_GetArraySize(j), 1);
    cJSON *row = cJSON_GetArrayItem(j, 0);
    assert_string_equal(str_of(row, "kind"), "department");
    assert_string_equal(str_of(row, "name"), "浮梁县林业局");
    assert_string_equal(str_of(row, "code"), "316");
    assert_int_equal(cJSON_GetObjectItem(row, "department_number")->valueint, 1);
    assert_null(cJSON_GetObjectItem(row, "project_number"));
    assert_int_equal(cJSON_GetObjectItem(row, "indicators")->valueint, 13);
    assert_string_equal(str_of(row, "template"), "department");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(row, "budget"), "total")));
    cJSON_Delete(j);
    /* a department's findings are counted on its row (PB303 on 「120%」, PB304
     * on 「≤90%」) */
    char path[2200];
    snprintf(path, sizeof path, "%s/dept-err.docx", root);
    assert_true(fx_docx_file(path, TBL(TR(TC("部门编码:") TC("316") TC("部门名称:") TC("某县林业局"))
                                           TR(TC("*年度绩效总目标") TC("保障运转"))
                                           TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值"))
                                           TR(TC("产出指标") TC("质量指标") TC("森林覆盖率") TC("120%"))
                                           TR(TC("满意度指标") TC("服务对象满意度指标") TC("群众满意度")
                                              TC("≤90%")))));
    r = sh("\"$PBCHECK\" export dept-err.docx");
    assert_int_equal(r.status, 0);
    const char *row2 = strstr(r.out, "\r\n\"dept-err.docx\",ok,部门整体,1,\"316\",\"某县林业局\",");
    if (!row2)
        fail_msg("no department row in\n%s", r.out);
    const char *end = strstr(row2 + 2, "\r\n"), *tail = ",2,2,0,0,PB303 PB304";
    assert_non_null(end);
    if (end - row2 < (ptrdiff_t)strlen(tail) || strncmp(end - strlen(tail), tail, strlen(tail)) != 0)
        fail_msg("the department row ends %.*s, not %s", (int)(end - row2), row2, tail);
    run_free(&r);
}

/* ------------------------------------------- progress, colour, summary */

static void test_progress_and_colour(void **state)
{
    (void)state;
    /* Not a terminal: no progress line, nothing but the report. */
    run_result r = sh("{ echo reference.docx; sleep 1.5; echo ok.docx; } | \"$PBCHECK\" -f json -");
    assert_null(strstr(r.err, "files/s"));
    assert_string_equal(r.err, "");
    run_free(&r);
    /* A terminal (script(1) makes one) on a run longer than a second. */
    write_text("prog.sh", "{ echo reference.docx; sleep 1.6; echo ok.docx; } | \"$PBCHECK\" $OPTS -f json - > prog.json\n");
    r = sh("script -qec 'sh prog.sh' /dev/null > tty.txt");
    char *tty = read_rel("tty.txt");
    if (r.status != 0 || !strstr(tty, "files")) {
        free(tty);
        run_free(&r);
        /* the reason, for the closing line of tests/run.sh */
        print_message("[  SKIPPED ] test_progress_and_colour: no pseudo-terminal (script(1) failed)\n");
        skip();
    }
    assert_non_null(strstr(tty, "files/s"));
    free(tty);
    run_free(&r);
    r = sh("OPTS=--no-progress script -qec 'sh prog.sh' /dev/null > tty.txt");
    tty = read_rel("tty.txt");
    assert_null(strstr(tty, "files/s"));
    free(tty);
    run_free(&r);
    /* Colour on stdout when asked, never in a report file. */
    r = sh("\"$PBCHECK\" --color always --report text:plain.txt ok.docx");
    assert_non_null(strstr(r.out, "\033["));
    char *plain = read_rel("plain.txt");
    assert_null(strstr(plain, "\033["));
    assert_non_null(strstr(plain, "ok.docx\n"));
    free(plain);
    run_free(&r);
    r = sh("NO_COLOR=1 \"$PBCHECK\" ok.docx");
    assert_null(strstr(r.out, "\033["));
    run_free(&r);
    /* --quiet: the report only. */
    r = sh("\"$PBCHECK\" --quiet ok.docx many/f003.docx");
    assert_int_equal(r.status, 3);
    assert_null(strstr(r.out, "file(s)"));
    assert_non_null(strstr(r.out, "many/f003.docx: cannot be read [empty-file]"));
    assert_string_equal(r.err, "");
    run_free(&r);
}

/* ------------------------------------------------ GNU parallel recipe */

typedef struct keys {
    char **items;
    size_t count;
} keys;

static int cmp_key(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* "path|rule|table|row|column|message" of every finding in a JSONL text. */
static keys findings_of(const char *jsonl)
{
    keys k = {NULL, 0};
    const char *line = jsonl;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        cJSON *o = cJSON_ParseWithLength(line, n);
        if (!o)
            fail_msg("not a JSON line: %.100s", line);
        cJSON *f;
        cJSON_ArrayForEach(f, cJSON_GetObjectItem(o, "findings"))
        {
            cJSON *loc = cJSON_GetObjectItem(f, "location");
            char buf[4096];
            const char *path = str_of(o, "path"), *rule = str_of(f, "rule"), *message = str_of(f, "message");
            if (!path || !rule || !message)
                fail_msg("a finding without path, rule or message: %.100s", line);
            snprintf(buf, sizeof buf, "%s|%s|%d|%d|%d|%s", path, rule,
                     cJSON_IsObject(loc) ? cJSON_GetObjectItem(loc, "table")->valueint : -1,
                     cJSON_IsObject(loc) ? cJSON_GetObjectItem(loc, "row")->valueint : -1,
                     cJSON_IsObject(loc) ? cJSON_GetObjectItem(loc, "column")->valueint : -1, message);
            k.items = realloc(k.items, (k.count + 1) * sizeof *k.items);
            k.items[k.count++] = strdup(buf);
        }
        cJSON_Delete(o);
        line += n + (end != NULL);
    }
    qsort(k.items, k.count, sizeof *k.items, cmp_key);
    return k;
}

static void keys_free(keys *k)
{
    for (size_t i = 0; i < k->count; i++)
        free(k->items[i]);
    free(k->items);
}

static void test_gnu_parallel_recipe(void **state)
{
    (void)state;
    run_result r = sh("command -v parallel");
    if (r.status != 0) {
        run_free(&r);
        print_message("[  SKIPPED ] test_gnu_parallel_recipe: GNU parallel is not installed (scripts/deps.sh test)\n");
        skip();
    }
    run_free(&r);
    /* Blocks of 17 paths, 3 pbcheck runs at a time, on this host (":"). */
    r = sh("'%s/scripts/pbcheck-parallel.sh' -S : -N 17 -j 3 many > parallel.jsonl; echo $? > parallel.status; "
           "\"$PBCHECK\" -q -f jsonl many > single.jsonl",
           repo);
    assert_int_equal(r.status, 3);
    run_free(&r);
    char *par = read_rel("parallel.jsonl"), *one = read_rel("single.jsonl"), *st = read_rel("parallel.status");
    /* 12 blocks of 17 paths; every one holds an empty file (status 3). */
    assert_int_equal(atoi(st), 12);
    assert_int_equal(count_of(par, "\n"), MANY);
    keys a = findings_of(par), b = findings_of(one);
    assert_int_equal(a.count, b.count);
    assert_true(a.count > 100);
    for (size_t i = 0; i < a.count; i++)
        assert_string_equal(a.items[i], b.items[i]);
    /* Kept in order, the concatenation is the single run byte for byte. */
    assert_string_equal(par, one);
    keys_free(&a);
    keys_free(&b);
    free(par);
    free(one);
    free(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_walk_sorted_lock_files_skipped),
        cmocka_unit_test(test_symlinks),
        cmocka_unit_test(test_stdin_lists),
        cmocka_unit_test(test_jobs_identical_output),
        cmocka_unit_test(test_large_outputs_stream),
        cmocka_unit_test(test_streamed_like_whole),
        cmocka_unit_test(test_spool_cannot_be_written),
        cmocka_unit_test(test_jsonl_streams),
        cmocka_unit_test(test_unreadable_in_folder),
        cmocka_unit_test(test_file_timeout),
        cmocka_unit_test(test_sarif_valid),
        cmocka_unit_test(test_junit_valid),
        cmocka_unit_test(test_names_in_every_format),
        cmocka_unit_test(test_gbk_names),
        cmocka_unit_test(test_fingerprints_survive_inserted_rows),
        cmocka_unit_test(test_baseline),
        cmocka_unit_test(test_exit_status_contract),
        cmocka_unit_test(test_export),
        cmocka_unit_test(test_export_departments),
        cmocka_unit_test(test_totals_count_departments),
        cmocka_unit_test(test_progress_and_colour),
        cmocka_unit_test(test_gnu_parallel_recipe),
    };
    return cmocka_run_group_tests_name("batch", tests, group_setup, group_teardown);
}
