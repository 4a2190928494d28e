/* Hostile and broken files (issue 3).  tests/hostile_gen (built by make)
 * writes them into a temporary folder, named <expected-code>__<case>.docx;
 * the pbcheck binary ($PBCHECK) must refuse each one with exit status 3, that
 * code in --format json and one line on stderr, alone and all together, and
 * must read the ok__ files.  Every run is fenced by a CPU and a wall-clock
 * limit so a hang fails the test instead of blocking it.  Timings and peak
 * RSS are printed, not asserted.  The fuzzers' regression inputs
 * (tests/fuzz/regress/) are read in-process here too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pbcheck/pbcheck.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Generous: the slowest case takes about 4 s plain and longer under
 * ASan+UBSan on a shared machine. */
#define CPU_LIMIT_S 120
#define WALL_LIMIT_S 300

/* 42 hostile or unusual cases from the generator, plus the 100 MiB
 * legitimate document and the one of short paragraphs. */
#define EXPECTED_FILES 50

/* What one document may keep in its arena once read, whatever the input:
 * the limits bound what is kept, not only what is read.  (The reference
 * document keeps 64 KiB, its first block; before the title fix, the short
 * paragraphs case kept 19 MiB.) */
#define ARENA_LIMIT (16u << 20)

#define REFERENCE "data/reference.docx"
#define REGRESS_DIR "tests/fuzz/regress"

typedef struct hostile_case {
    char *name; /* file name */
    char *path;
    char code[64]; /* expected error code; "ok" when it must be read */
} hostile_case;

typedef struct hostile_set {
    char dir[64];
    hostile_case *cases;
    size_t count;
} hostile_set;

typedef struct run_result {
    int status;  /* exit status; -1 when killed by a signal */
    int signal;
    bool timed_out;
    double seconds;
    long maxrss_kib;
    char *out, *err;
} run_result;

/* ---- helpers */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *s = NULL;
    long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (s = malloc((size_t)n + 1)) != NULL) {
        size_t got = fread(s, 1, (size_t)n, f);
        s[got] = '\0';
        if (len)
            *len = got;
    }
    fclose(f);
    return s;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void child_exec(char *const argv[], const char *out, const char *err)
{
    int fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int fe = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fo < 0 || fe < 0 || dup2(fo, STDOUT_FILENO) < 0 || dup2(fe, STDERR_FILENO) < 0)
        _exit(126);
    struct rlimit cpu = {CPU_LIMIT_S, CPU_LIMIT_S + 5};
    setrlimit(RLIMIT_CPU, &cpu);
    execv(argv[0], argv);
    _exit(127);
}

/* Runs argv (no shell) with stdout and stderr captured in dir; wait4 gives
 * the child's own peak RSS. */
static run_result run_argv(char *const argv[], const char *dir)
{
    run_result r = {.status = -1};
    char out[256], err[256];
    snprintf(out, sizeof out, "%s/.stdout", dir);
    snprintf(err, sizeof err, "%s/.stderr", dir);
    double start = now_seconds();
    pid_t pid = fork();
    if (pid < 0)
        fail_msg("fork failed");
    if (pid == 0)
        child_exec(argv, out, err);
    int st = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    for (;;) {
        pid_t w = wait4(pid, &st, WNOHANG, &ru);
        if (w == pid)
            break;
        if (w < 0)
            fail_msg("wait4 failed");
        if (now_seconds() - start > WALL_LIMIT_S) {
            r.timed_out = true;
            kill(pid, SIGKILL);
            wait4(pid, &st, 0, &ru);
            break;
        }
        nanosleep(&(struct timespec){0, 2000000}, NULL);
    }
    r.seconds = now_seconds() - start;
    r.maxrss_kib = ru.ru_maxrss;
    if (WIFEXITED(st))
        r.status = WEXITSTATUS(st);
    else if (WIFSIGNALED(st))
        r.signal = WTERMSIG(st);
    r.out = slurp(out, NULL);
    r.err = slurp(err, NULL);
    if (!r.out || !r.err)
        fail_msg("cannot read the output of %s", argv[0]);
    return r;
}

static void run_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

static const char *pbcheck_bin(void)
{
    const char *p = getenv("PBCHECK");
    return p && *p ? p : "./pbcheck";
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static bool is_ok_case(const hostile_case *c) { return strcmp(c->code, "ok") == 0; }

static const char *json_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The error code of one file object of the JSON report ("ok" when the file
 * was read), or NULL when the object is not shaped as documented. */
static const char *file_code(const cJSON *file)
{
    const cJSON *err = cJSON_GetObjectItemCaseSensitive(file, "error");
    const char *status = json_str(file, "status");
    if (!status)
        return NULL;
    if (cJSON_IsNull(err))
        return strcmp(status, "ok") == 0 ? "ok" : NULL;
    return strcmp(status, "error") == 0 ? json_str(err, "code") : NULL;
}

/* ---- the generated set */

static int cmp_cases(const void *a, const void *b)
{
    return strcmp(((const hostile_case *)a)->name, ((const hostile_case *)b)->name);
}

static bool add_case(hostile_set *s, const char *name, size_t *cap)
{
    const char *sep = strstr(name, "__");
    size_t n = strlen(name);
    if (!sep || n < 5 || (strcmp(name + n - 5, ".docx") != 0 && strcmp(name + n - 5, ".xlsx") != 0) ||
        (size_t)(sep - name) >= sizeof s->cases->code)
        return true; /* not one of ours */
    if (s->count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        hostile_case *c = realloc(s->cases, ncap * sizeof *c);
        if (!c)
            return false;
        s->cases = c;
        *cap = ncap;
    }
    hostile_case *c = &s->cases[s->count];
    memset(c, 0, sizeof *c);
    c->name = strdup(name);
    size_t plen = strlen(s->dir) + 1 + n + 1;
    c->path = malloc(plen);
    if (!c->name || !c->path) {
        free(c->name);
        free(c->path);
        return false;
    }
    snprintf(c->path, plen, "%s/%s", s->dir, name);
    memcpy(c->code, name, (size_t)(sep - name));
    s->count++;
    return true;
}

static bool list_cases(hostile_set *s)
{
    DIR *d = opendir(s->dir);
    if (!d)
        return false;
    size_t cap = 0;
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d)) != NULL)
        ok = add_case(s, e->d_name, &cap);
    closedir(d);
    if (ok && s->count)
        qsort(s->cases, s->count, sizeof *s->cases, cmp_cases);
    return ok;
}

/* The folder is flat: the generated files and the captured output. */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[512];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static int group_teardown(void **state)
{
    hostile_set *s = *state;
    if (!s)
        return 0;
    for (size_t i = 0; i < s->count; i++) {
        free(s->cases[i].name);
        free(s->cases[i].path);
    }
    free(s->cases);
    if (s->dir[0])
        remove_dir(s->dir);
    free(s);
    return 0;
}

static int group_setup(void **state)
{
    hostile_set *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    *state = s;
    snprintf(s->dir, sizeof s->dir, "/tmp/pbcheck-hostile-XXXXXX");
    if (!mkdtemp(s->dir)) {
        s->dir[0] = '\0';
        return -1;
    }
    char gen[512];
    const char *env = getenv("HOSTILE_GEN");
    const char *b = getenv("B");
    if (env && *env)
        snprintf(gen, sizeof gen, "%s", env);
    else
        snprintf(gen, sizeof gen, "%s/tests/hostile_gen", b && *b ? b : "build");
    char *argv[] = {gen, s->dir, NULL};
    run_result r = run_argv(argv, s->dir);
    bool ok = r.status == 0;
    if (!ok)
        fprintf(stderr, "hostile_gen (%s) failed with status %d: %s\n", gen, r.status, r.err);
    run_free(&r);
    if (ok && list_cases(s))
        return 0;
    group_teardown(state); /* cmocka does not tear down a failed setup */
    *state = NULL;
    return -1;
}

/* ---- tests */

/* The generator wrote what hostile_gen.md lists: every refusal the issue
 * names, with codes pbcheck knows, and the files to be read. */
static void test_generated_set(void **state)
{
    const hostile_set *s = *state;
    static const char *const required[] = {
        "empty-file",   "not-a-zip",           "ole-compound",  "zip-corrupt",         "no-main-part",
        "xml-malformed", "xml-doctype",        "part-too-large", "zip-ratio",           "zip-too-many-entries",
        "zip-duplicate-entry", "zip-encrypted-entry", "xml-too-deep", "table-too-large", "cell-too-large",
        "grid-too-wide", "xml-too-many-attributes", "ok",
    };
    assert_int_equal(s->count, EXPECTED_FILES);
    for (size_t i = 0; i < s->count; i++) {
        bool known = false;
        for (int k = 0; k < PB_STATUS_COUNT && !known; k++)
            known = strcmp(s->cases[i].code, pb_status_code((pb_status)k)) == 0;
        if (!known)
            fail_msg("%s: \"%s\" is not an error code of pbcheck", s->cases[i].name, s->cases[i].code);
    }
    for (size_t k = 0; k < sizeof required / sizeof *required; k++) {
        bool found = false;
        for (size_t i = 0; i < s->count && !found; i++)
            found = strcmp(s->cases[i].code, required[k]) == 0;
        if (!found)
            fail_msg("no generated file expects %s", required[k]);
    }
}

/* Checks one lone run; on a mismatch writes why and returns false. */
static bool check_alone(const hostile_case *c, const run_result *r, char *why, size_t cap)
{
    if (r->timed_out || r->signal) {
        snprintf(why, cap, "killed (%s, signal %d) after %.1f s", r->timed_out ? "wall-clock limit" : "signal",
                 r->signal, r->seconds);
        return false;
    }
    bool ok = is_ok_case(c);
    if (ok ? (r->status != 0 && r->status != 1) : r->status != 3) {
        snprintf(why, cap, "exit status %d; stderr: %.300s", r->status, r->err);
        return false;
    }
    cJSON *j = cJSON_Parse(r->out);
    const cJSON *files = cJSON_GetObjectItemCaseSensitive(j, "files");
    const cJSON *file = cJSON_GetArrayItem(files, 0);
    const char *code = file_code(file);
    const char *path = json_str(file, "path");
    const char *msg = json_str(cJSON_GetObjectItemCaseSensitive(file, "error"), "message");
    bool good = true;
    if (!j || cJSON_GetArraySize(files) != 1 || !code || !path) {
        snprintf(why, cap, "not the documented JSON: %.300s", r->out);
        good = false;
    } else if (strcmp(code, c->code) != 0 || strcmp(path, c->path) != 0) {
        snprintf(why, cap, "JSON says %s for %s", code, path);
        good = false;
    } else if (ok && r->err[0]) {
        snprintf(why, cap, "stderr is not empty: %.300s", r->err);
        good = false;
    } else if (!ok && (count_lines(r->err) != 1 || r->err[strlen(r->err) - 1] != '\n' ||
                       !strstr(r->err, c->path) || !msg || !*msg || !strstr(r->err, msg) ||
                       !strstr(r->err, c->code))) {
        snprintf(why, cap, "stderr is not one line naming the file, the reason and the code: %.300s", r->err);
        good = false;
    }
    cJSON_Delete(j);
    return good;
}

static void test_each_file_alone(void **state)
{
    const hostile_set *s = *state;
    size_t failures = 0;
    double slowest = 0;
    long biggest = 0;
    printf("hostile: %-45s %4s %-22s %8s %10s\n", "file", "exit", "code", "seconds", "peak RSS");
    for (size_t i = 0; i < s->count; i++) {
        const hostile_case *c = &s->cases[i];
        char *argv[] = {(char *)pbcheck_bin(), "--format", "json", c->path, NULL};
        run_result r = run_argv(argv, s->dir);
        char why[512];
        bool good = check_alone(c, &r, why, sizeof why);
        printf("hostile: %-45s %4d %-22s %8.2f %6.1f MiB%s\n", c->name, r.status, c->code, r.seconds,
               (double)r.maxrss_kib / 1024.0, good ? "" : "  FAILED");
        if (!good) {
            printf("hostile:   %s\n", why);
            failures++;
        }
        if (r.seconds > slowest)
            slowest = r.seconds;
        if (r.maxrss_kib > biggest)
            biggest = r.maxrss_kib;
        run_free(&r);
    }
    printf("hostile: slowest %.2f s, largest peak RSS %.1f MiB\n", slowest, (double)biggest / 1024.0);
    assert_int_equal(failures, 0);
}


/* Time is bounded for every input: with --file-timeout 300ms each file
 * ends within the limit plus a second, with its own code or timeout
 * (the limit is looked at between chunks of 16 KiB fed to the parser). */
static void test_each_file_within_timeout(void **state)
{
    const hostile_set *s = *state;
    size_t failures = 0;
    for (size_t i = 0; i < s->count; i++) {
        const hostile_case *c = &s->cases[i];
        char *argv[] = {(char *)pbcheck_bin(), "--file-timeout", "300ms", "--format", "json", c->path, NULL};
        run_result r = run_argv(argv, s->dir);
        cJSON *j = cJSON_Parse(r.out);
        const char *code = file_code(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(j, "files"), 0));
        bool good = !r.timed_out && !r.signal && r.seconds < 1.3 && code &&
                    (strcmp(code, c->code) == 0 || strcmp(code, "timeout") == 0);
        if (!good) {
            printf("hostile: %s under --file-timeout 300ms: %s after %.2f s\n", c->name, code ? code : "?",
                   r.seconds);
            failures++;
        }
        cJSON_Delete(j);
        run_free(&r);
    }
    assert_int_equal(failures, 0);
}

/* One invocation over every file, with the reference document in the
 * middle: each file is reported in order, the good one is still checked,
 * and the exit status is 3. */
static void test_all_in_one_invocation(void **state)
{
    const hostile_set *s = *state;
    size_t argc = s->count + 5, mid = s->count / 2, bad = 0;
    char **argv = calloc(argc, sizeof *argv);
    assert_non_null(argv);
    size_t k = 0;
    argv[k++] = (char *)pbcheck_bin();
    argv[k++] = "--format";
    argv[k++] = "json";
    for (size_t i = 0; i < s->count; i++) {
        if (i == mid)
            argv[k++] = REFERENCE;
        argv[k++] = s->cases[i].path;
        bad += !is_ok_case(&s->cases[i]);
    }
    run_result r = run_argv(argv, s->dir);
    printf("hostile: all %zu files in one run: exit %d, %.2f s, peak RSS %.1f MiB\n", s->count + 1, r.status,
           r.seconds, (double)r.maxrss_kib / 1024.0);
    assert_false(r.timed_out);
    assert_int_equal(r.signal, 0);
    assert_int_equal(r.status, 3);
    cJSON *j = cJSON_Parse(r.out);
    assert_non_null(j);
    const cJSON *files = cJSON_GetObjectItemCaseSensitive(j, "files");
    assert_int_equal(cJSON_GetArraySize(files), s->count + 1);
    for (size_t i = 0; i < s->count + 1; i++) {
        const cJSON *file = cJSON_GetArrayItem(files, (int)i);
        const char *path = argv[3 + i];
        assert_string_equal(json_str(file, "path"), path);
        if (i == mid) {
            assert_string_equal(file_code(file), "ok");
            assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(file, "projects")), 3);
            continue;
        }
        const hostile_case *c = &s->cases[i < mid ? i : i - 1];
        assert_string_equal(file_code(file), c->code);
    }
    const cJSON *summary = cJSON_GetObjectItemCaseSensitive(j, "summary");
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(summary, "files")->valueint, s->count + 1);
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(summary, "unreadable")->valueint, bad);
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(summary, "projects")->valueint, 3);
    /* One stderr line per refused file, in command-line order. */
    assert_int_equal(count_lines(r.err), bad);
    const char *line = r.err;
    for (size_t i = 0; i < s->count; i++) {
        if (is_ok_case(&s->cases[i]))
            continue;
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        char *one = strndup(line, (size_t)(end - line));
        assert_non_null(one);
        if (!strstr(one, s->cases[i].path) || !strstr(one, s->cases[i].code))
            fail_msg("stderr line \"%s\" does not name %s", one, s->cases[i].name);
        free(one);
        line = end + 1;
    }
    cJSON_Delete(j);
    run_free(&r);
    free(argv);
}

/* The library from memory (the fuzzers' entry point) agrees with the
 * command line on every generated file, and keeps a bounded arena. */
static void test_each_file_in_memory(void **state)
{
    const hostile_set *s = *state;
    size_t largest = 0;
    for (size_t i = 0; i < s->count; i++) {
        const hostile_case *c = &s->cases[i];
        size_t len = 0;
        char *data = slurp(c->path, &len);
        assert_non_null(data);
        pb_document *d = pb_read_memory(data, len, c->name, NULL);
        assert_non_null(d);
        if (strcmp(pb_status_code(d->error.status), c->code) != 0)
            fail_msg("%s: read from memory gives %s (%s)", c->name, pb_status_code(d->error.status),
                     d->error.message);
        size_t kept = pb_arena_bytes(d->arena);
        if (kept > ARENA_LIMIT)
            fail_msg("%s: the document keeps %zu bytes in its arena", c->name, kept);
        if (kept > largest)
            largest = kept;
        pb_document_free(d);
        free(data);
    }
    printf("hostile: largest arena kept after a read: %.2f MiB\n", (double)largest / 1048576.0);
}

/* ---- fuzzer findings */

/* One regression input through the library: read, check, JSON. */
static void regress_in_memory(const char *path, const char *name, const char *want)
{
    size_t len = 0;
    char *data = slurp(path, &len);
    assert_non_null(data);
    pb_document *doc = pb_read_memory(data, len, name, NULL);
    assert_non_null(doc);
    assert_true(pb_check(doc, NULL));
    char *json = pb_report_json_file(doc);
    assert_non_null(json);
    cJSON *j = cJSON_Parse(json);
    const char *got = file_code(j);
    if (!got || strcmp(got, want) != 0)
        fail_msg("%s: expected %s, got %s", name, want, pb_status_code(doc->error.status));
    cJSON_Delete(j);
    free(json);
    pb_document_free(doc);
    /* Again with every rule off: a document with no finding at all (the
     * first fuzz finding sorted a NULL findings array; which documents
     * draw no finding changes as rules are added, so force it). */
    pb_config *quiet = malloc(sizeof *quiet);
    assert_non_null(quiet);
    pb_config_default(quiet);
    size_t nrules = 0;
    pb_rules(&nrules);
    for (size_t i = 0; i < nrules && i < PB_RULES_MAX; i++) {
        quiet->configured[i] = true;
        quiet->severity[i] = PB_SEV_OFF;
    }
    doc = pb_read_memory(data, len, name, NULL);
    assert_non_null(doc);
    assert_true(pb_check(doc, quiet));
    assert_int_equal(doc->finding_count, 0);
    json = pb_report_json_file(doc);
    assert_non_null(json);
    free(json);
    pb_document_free(doc);
    free(quiet);
    free(data);
}

/* The same through the binary: its status and a quiet stderr (one line for
 * a refused file, none for a read one; libxml2 must not add its own). */
static void regress_cli(const char *dir, const char *path, const char *name, const char *want)
{
    char *argv[] = {(char *)pbcheck_bin(), "--format", "json", (char *)path, NULL};
    run_result r = run_argv(argv, dir);
    bool ok = strcmp(want, "ok") == 0;
    if (r.timed_out || r.signal || (ok ? r.status > 1 : r.status != 3) || count_lines(r.err) != (ok ? 0u : 1u))
        fail_msg("%s: exit %d (signal %d), stderr: %.300s", name, r.status, r.signal, r.err);
    run_free(&r);
}

/* Every input a fuzzer found a bug with, named <expected-code>__<what>.docx. */
static void test_fuzz_regressions(void **state)
{
    const hostile_set *s = *state;
    DIR *d = opendir(REGRESS_DIR);
    assert_non_null(d);
    size_t seen = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *sep = strstr(e->d_name, "__");
        if (e->d_name[0] == '.' || !sep)
            continue;
        char path[512], want[64];
        snprintf(path, sizeof path, "%s/%s", REGRESS_DIR, e->d_name);
        snprintf(want, sizeof want, "%.*s", (int)(sep - e->d_name), e->d_name);
        regress_in_memory(path, e->d_name, want);
        regress_cli(s->dir, path, e->d_name, want);
        seen++;
    }
    closedir(d);
    assert_true(seen > 0);
}

/* Writes src into the FIFO from a child process; the pid. */
static pid_t feed_fifo(const char *fifo, const char *src)
{
    pid_t pid = fork();
    if (pid == 0) {
        int in = open(src, O_RDONLY), out = open(fifo, O_WRONLY);
        char buf[4096];
        ssize_t n;
        while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
            if (write(out, buf, (size_t)n) != n)
                break; /* the reader stopped: over the limit */
        _exit(0);
    }
    return pid;
}

/* A pipe (`pbcheck <(curl …)`) is read whole, as libzip must seek, and only
 * up to the file size limit.  It used to be reported as a damaged zip, and
 * for a while as an empty file (its st_size is 0). */
static void test_pipe_input(void **state)
{
    (void)state;
    char dir[] = "/tmp/pbpipe-XXXXXX", fifo[64];
    assert_non_null(mkdtemp(dir));
    snprintf(fifo, sizeof fifo, "%s/in.docx", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    pb_options o;
    pb_options_default(&o);
    pid_t pid = feed_fifo(fifo, "data/reference.docx");
    assert_true(pid > 0);
    pb_document *d = pb_read_file(fifo, &o);
    waitpid(pid, NULL, 0);
    assert_non_null(d);
    if (d->error.status != PB_OK)
        fail_msg("a pipe: %s", d->error.message);
    assert_int_equal(d->project_count, 3);
    pb_document_free(d);
    o.limits.max_file_size = 4096; /* data/reference.docx is 12 KB */
    pid = feed_fifo(fifo, "data/reference.docx");
    assert_true(pid > 0);
    d = pb_read_file(fifo, &o);
    waitpid(pid, NULL, 0);
    assert_non_null(d);
    assert_int_equal(d->error.status, PB_ERR_FILE_TOO_LARGE);
    pb_document_free(d);
    /* A stream is held in memory only up to 64 MiB, below the file limit
     * (256 MiB): 70 MB that start like a zip are refused past the bound. */
    pb_options_default(&o);
    pid = fork();
    if (pid == 0) {
        int out = open(fifo, O_WRONLY);
        static char buf[1 << 16];
        memcpy(buf, "PK\003\004", 4);
        for (int i = 0; i < 70 * 16 && out >= 0; i++) {
            if (write(out, buf, sizeof buf) != (ssize_t)sizeof buf)
                break; /* the reader stopped: over the bound */
            memset(buf, 0, 4);
        }
        _exit(0);
    }
    assert_true(pid > 0);
    d = pb_read_file(fifo, &o);
    waitpid(pid, NULL, 0);
    assert_non_null(d);
    assert_int_equal(d->error.status, PB_ERR_FILE_TOO_LARGE);
    assert_non_null(strstr(d->error.message, "67108864"));
    pb_document_free(d);
    /* A device that does not start like a zip is refused at its first
     * bytes, not read to the bound. */
    d = pb_read_file("/dev/zero", &o);
    assert_non_null(d);
    assert_int_equal(d->error.status, PB_ERR_NOT_ZIP);
    pb_document_free(d);
    unlink(fifo);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generated_set),
        cmocka_unit_test(test_each_file_alone),
        cmocka_unit_test(test_all_in_one_invocation),
        cmocka_unit_test(test_each_file_in_memory),
        cmocka_unit_test(test_fuzz_regressions),
        cmocka_unit_test(test_pipe_input),
        cmocka_unit_test(test_each_file_within_timeout),
    };
    setvbuf(stdout, NULL, _IOLBF, 0);
    return cmocka_run_group_tests_name("hostile", tests, group_setup, group_teardown);
}
