/* Faults of the system and bad requests (issue 19), through the pbcheck
 * binary ($PBCHECK) run by the shell in a scratch folder: a full disk
 * (/dev/full), a small RLIMIT_FSIZE with SIGXFSZ ignored, SIGTERM in the
 * middle of a run, stdout write errors in every command, a FIFO that is
 * never written (deterministic: it always times out), a folder deeper than
 * PATH_MAX, and requests refused before anything is read or written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char repo[1024];
static char root[256];
static char io[256];

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

static bool exists_rel(const char *rel)
{
    char p[1024];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", root, rel);
    return stat(p, &st) == 0;
}

/* No temporary of an output is left in the scratch folder. */
static void assert_no_temporaries(void)
{
    run_result r = sh("ls -a | grep -c 'pbcheck-' || true");
    assert_string_equal(r.out, "0\n");
    run_free(&r);
}

static int group_setup(void **state)
{
    (void)state;
    if (!getcwd(repo, sizeof repo))
        return -1;
    snprintf(root, sizeof root, "/tmp/pbfaults-XXXXXX");
    snprintf(io, sizeof io, "/tmp/pbfaults-io-XXXXXX");
    if (!mkdtemp(root) || !mkdtemp(io))
        return -1;
    setenv("LC_ALL", "C.UTF-8", 1);
    unsetenv("LANGUAGE");
    static char bin[1200];
    if (!getenv("PBCHECK")) {
        snprintf(bin, sizeof bin, "%s/pbcheck", repo);
        setenv("PBCHECK", bin, 1);
    }
    char cmd[2600];
    snprintf(cmd, sizeof cmd, "cp '%s/data/reference.docx' '%s/reference.docx'", repo, root);
    return system(cmd) == 0 ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", root, io);
    return system(cmd) == 0 ? 0 : -1;
}

/* ------------------------------------------------------------ full disk */

static void test_full_disk_reports(void **state)
{
    (void)state;
    static const char *const formats[] = {"csv", "jsonl", "json", "sarif", "junit", "text"};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        run_result r = sh("\"$PBCHECK\" reference.docx --report %s:/dev/full >/dev/null", formats[i]);
        /* the reason is the first failed write's, not a later "input/output error" */
        if (r.status != 4 || !strstr(r.err, "cannot write /dev/full: the disk is full"))
            fail_msg("--report %s:/dev/full: status %d, stderr %s", formats[i], r.status, r.err);
        run_free(&r);
    }
    run_result r = sh("\"$PBCHECK\" reference.docx --write-baseline /dev/full >/dev/null");
    assert_int_equal(r.status, 4);
    assert_non_null(strstr(r.err, "cannot write /dev/full"));
    run_free(&r);
    r = sh("\"$PBCHECK\" export -o /dev/full reference.docx");
    assert_int_equal(r.status, 4);
    run_free(&r);
}

/* Writing stops at 1 KiB (ulimit -f 1) with EFBIG: the previous report and
 * baseline stay whole, a new one is not created, no temporary is left. */
static void test_size_limit_keeps_previous(void **state)
{
    (void)state;
    run_result r = sh("printf 'previous report\\n' > keep.json && printf 'previous baseline\\n' > keep.bl && "
                      "(ulimit -f 1; trap '' XFSZ; exec \"$PBCHECK\" reference.docx --report json:keep.json "
                      "--report sarif:new.sarif --write-baseline keep.bl >/dev/null)");
    assert_int_equal(r.status, 4);
    assert_non_null(strstr(r.err, "cannot write keep.json"));
    assert_non_null(strstr(r.err, "the previous file is left as it was"));
    assert_non_null(strstr(r.err, "cannot write new.sarif"));
    run_free(&r);
    char *kept = read_rel("keep.json");
    assert_string_equal(kept, "previous report\n");
    free(kept);
    kept = read_rel("keep.bl");
    assert_string_equal(kept, "previous baseline\n");
    free(kept);
    assert_false(exists_rel("new.sarif"));
    assert_no_temporaries();
}

/* A complete run replaces the file, keeping its permissions; a symbolic
 * link stays a link to the new content. */
static void test_replace_in_place(void **state)
{
    (void)state;
    run_result r = sh("printf old > perm.json && chmod 640 perm.json && ln -sf perm.json link.json && "
                      "\"$PBCHECK\" -f json reference.docx --report json:link.json >/dev/null; echo $?; "
                      "stat -c %%a perm.json; test -L link.json && echo link");
    assert_string_equal(r.out, "0\n640\nlink\n");
    run_free(&r);
    char *a = read_rel("perm.json");
    assert_non_null(strstr(a, "\"schema_version\":1"));
    free(a);
    assert_no_temporaries();
}

/* An HTML folder report (html:DIR/) is filled beside DIR and swapped into
 * place: a complete run replaces the old folder whole (no stale page left),
 * a run that cannot write leaves the old folder as it was. */
static void test_html_folder_all_or_nothing(void **state)
{
    (void)state;
    run_result r = sh("rm -rf site && mkdir site && printf old > site/index.html && printf stale > site/stale.html && "
                      "cp reference.docx second.docx && "
                      "\"$PBCHECK\" reference.docx second.docx --report html:site/ >/dev/null; echo $?; "
                      "ls site | grep -c '\\.html$'; test -e site/stale.html && echo stale; true");
    assert_string_equal(r.out, "0\n3\n");
    run_free(&r);
    char *index = read_rel("site/index.html");
    assert_non_null(strstr(index, "second.docx"));
    free(index);
    r = sh("(ulimit -f 1; trap '' XFSZ; exec \"$PBCHECK\" reference.docx second.docx --report html:site/ >/dev/null); "
           "echo $?; ls site | grep -c '\\.html$'");
    assert_string_equal(r.out, "4\n3\n");
    assert_non_null(strstr(r.err, "cannot write"));
    run_free(&r);
    r = sh("rm -rf fresh; (ulimit -f 1; trap '' XFSZ; exec \"$PBCHECK\" reference.docx --report html:fresh/ >/dev/null); "
           "echo $?; test -e fresh && echo created; true");
    assert_string_equal(r.out, "4\n");
    run_free(&r);
    assert_no_temporaries();
}

/* ------------------------------------------------------------ signals */

/* SIGTERM while pbcheck waits for more paths on stdin: the junit report
 * and the baseline it was writing are dropped and the old ones stay. */
static void test_signal_keeps_previous(void **state)
{
    (void)state;
    /* stdin is a FIFO pbcheck holds open for writing too: the list never ends. */
    run_result r = sh("printf 'old junit\\n' > sig.xml; rm -f sig.bl list; mkfifo list\n"
                      "\"$PBCHECK\" - --report junit:sig.xml --write-baseline sig.bl <>list >/dev/null 2>sig.err & pid=$!\n"
                      "echo reference.docx >list\n"
                      "i=0; while [ $i -lt 200 ] && ! ls -a | grep -q '^\\.sig\\.bl\\.pbcheck-'; do sleep 0.05; i=$((i+1)); done\n"
                      "sleep 0.2; kill -TERM $pid; wait $pid; echo $?; cat sig.err");
    assert_string_equal(strtok(r.out, "\n"), "4");
    char *rest = strtok(NULL, "");
    assert_non_null(rest);
    assert_non_null(strstr(rest, "sig.xml was not written; the previous file is left as it was"));
    assert_non_null(strstr(rest, "sig.bl was not written"));
    assert_non_null(strstr(rest, "interrupted"));
    run_free(&r);
    char *kept = read_rel("sig.xml");
    assert_string_equal(kept, "old junit\n");
    free(kept);
    assert_false(exists_rel("sig.bl"));
    assert_no_temporaries();
}

/* ------------------------------------------------------------- stdout */

static void test_stdout_errors_every_command(void **state)
{
    (void)state;
    static const char *const commands[] = {
        "rules", "rules --format markdown", "explain PB101", "config --print", "tables reference.docx",
        "tables -f json reference.docx", "--list-files reference.docx", "--help", "--version",
        "reference.docx", "-f json reference.docx", "export reference.docx", "export --help",
    };
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        run_result r = sh("\"$PBCHECK\" %s >/dev/full", commands[i]);
        if (r.status != 4 || !strstr(r.err, "cannot write to standard output: the disk is full"))
            fail_msg("pbcheck %s >/dev/full: status %d, stderr %s", commands[i], r.status, r.err);
        run_free(&r);
    }
}

/* ------------------------------------------------------ FIFO, deep paths */

/* A FIFO no one writes to: with -j 1 the file after it is checked only if
 * the FIFO gives up at its time limit. */
static void test_fifo_obeys_file_timeout(void **state)
{
    (void)state;
    run_result r = sh("rm -f never && mkfifo never && \"$PBCHECK\" -j 1 --file-timeout 200ms -f json never reference.docx");
    assert_int_equal(r.status, 3);
    cJSON *j = cJSON_Parse(r.out);
    assert_non_null(j);
    cJSON *files = cJSON_GetObjectItem(j, "files");
    cJSON *e = cJSON_GetObjectItem(cJSON_GetArrayItem(files, 0), "error");
    assert_string_equal(cJSON_GetObjectItem(e, "code")->valuestring, "timeout");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(files, 1), "status")->valuestring, "ok");
    cJSON_Delete(j);
    assert_non_null(strstr(r.err, "never: reading took longer than the limit of 200 ms (--file-timeout) [timeout]"));
    run_free(&r);
    /* What is written to a FIFO is checked like the file. */
    r = sh("rm -f fed && mkfifo fed && { cat reference.docx > fed & } && \"$PBCHECK\" -f json fed");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"status\":\"ok\""));
    run_free(&r);
}

/* Built with mkdirat/openat: shells cannot cd past PATH_MAX. */
static void make_deep(const char *top, int levels)
{
    char path[1024], name[101];
    memset(name, 'd', 100);
    name[100] = '\0';
    snprintf(path, sizeof path, "%s/%s", root, top);
    assert_int_equal(mkdir(path, 0755), 0);
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    assert_true(fd >= 0);
    for (int i = 0; i < levels; i++) {
        assert_int_equal(mkdirat(fd, name, 0755), 0);
        int next = openat(fd, name, O_RDONLY | O_DIRECTORY);
        assert_true(next >= 0);
        close(fd);
        fd = next;
    }
    snprintf(path, sizeof path, "%s/reference.docx", root);
    int in = open(path, O_RDONLY), out = openat(fd, "reference.docx", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(in >= 0 && out >= 0);
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0)
        assert_int_equal(write(out, buf, (size_t)n), n);
    close(in);
    close(out);
    close(fd);
}

/* A filing in a folder deeper than PATH_MAX is an unreadable file with its
 * reason, not skipped in silence. */
static void test_path_deeper_than_path_max(void **state)
{
    (void)state;
    make_deep("deep", 45); /* 45 × 101 bytes: past PATH_MAX (4096) */
    run_result r = sh("\"$PBCHECK\" deep 2>&1");
    assert_int_equal(r.status, 3);
    assert_non_null(strstr(r.out, "cannot open: the path is too long"));
    run_free(&r);
    make_deep("shallow", 3);
    r = sh("\"$PBCHECK\" -q shallow");
    assert_int_equal(r.status, 0);
    run_free(&r);
}

/* ------------------------------------------------------ bad requests */

static void test_bad_requests_refused(void **state)
{
    (void)state;
    static const struct {
        const char *args, *says;
    } cases[] = {
        {"--select '' reference.docx", "--select needs at least one rule"},
        {"--select ',,,' reference.docx", "--select needs at least one rule"},
        {"--ignore '' reference.docx", "--ignore needs at least one rule"},
        {"--ignore ' , ' reference.docx", "--ignore needs at least one rule"},
        {"--file-timeout 18446744073709551615ms reference.docx", "--file-timeout needs a duration"},
        {"--file-timeout 99999999999999h reference.docx", "--file-timeout needs a duration"},
        {"--max-part-size 18446744073709551616 reference.docx", "--max-part-size needs a positive size"},
        {"--max-part-size 99999999999999999G reference.docx", "--max-part-size needs a positive size"},
        {"--report json:reference.docx reference.docx", "is also an input"},
        {"--report json:./reference.docx reference.docx", "is also an input"},
        {"--write-baseline reference.docx reference.docx", "is also an input"},
        {"--report json:two.json --report sarif:two.json reference.docx", "two outputs are written to two.json"},
        {"--report json:two.json --write-baseline ./two.json reference.docx", "two outputs are written to"},
        {"export -o reference.docx reference.docx", "is also an input"},
    };
    run_result before = sh("md5sum reference.docx");
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        run_result r = sh("\"$PBCHECK\" %s", cases[i].args);
        if (r.status != 2 || !strstr(r.err, cases[i].says) || r.out[0])
            fail_msg("pbcheck %s: status %d, stdout %.80s, stderr %s", cases[i].args, r.status, r.out, r.err);
        run_free(&r);
    }
    run_result after = sh("md5sum reference.docx");
    assert_string_equal(before.out, after.out);
    run_free(&before);
    run_free(&after);
    assert_false(exists_rel("two.json"));
    /* The same device twice is asked for on purpose. */
    run_result r = sh("\"$PBCHECK\" -q reference.docx --report json:/dev/null --report sarif:/dev/null >/dev/null");
    assert_int_equal(r.status, 0);
    run_free(&r);
}

/* ------------------------------------------------ what a folder holds */

/* Old binary formats in a folder are unreadable files with the way out;
 * lock files are named as such; nothing to check is a usage error. */
static void test_old_formats_lock_files_no_input(void **state)
{
    (void)state;
    run_result r = sh("rm -rf old empty && mkdir old empty && printf x > old/a.doc && printf x > old/b.XLS && "
                      "printf x > old/c.wps && printf x > old/d.et && printf x > 'old/~$e.docx' && "
                      "printf x > old/notes.txt && cp reference.docx old/f.docx && \"$PBCHECK\" -f json old");
    assert_int_equal(r.status, 3);
    cJSON *j = cJSON_Parse(r.out);
    assert_non_null(j);
    cJSON *files = cJSON_GetObjectItem(j, "files");
    assert_int_equal(cJSON_GetArraySize(files), 5);
    for (int i = 0; i < 4; i++) {
        cJSON *e = cJSON_GetObjectItem(cJSON_GetArrayItem(files, i), "error");
        assert_string_equal(cJSON_GetObjectItem(e, "code")->valuestring, "ole-compound");
        assert_non_null(strstr(cJSON_GetObjectItem(e, "message")->valuestring, "save it as .docx or .xlsx"));
    }
    cJSON_Delete(j);
    assert_non_null(strstr(r.err, "old/~$e.docx: an Office lock file"));
    run_free(&r);
    /* The run ends with the files to look at again, by verdict. */
    r = sh("\"$PBCHECK\" --fail-on warning old reference.docx >/dev/null");
    assert_int_equal(r.status, 3);
    assert_non_null(strstr(r.err, "Files that cannot be read (4):\n  old/a.doc\n  old/b.XLS\n  old/c.wps\n  old/d.et\n"
                                  "Files with findings that fail the run (2):\n  old/f.docx\n  reference.docx\n"));
    run_free(&r);
    r = sh("\"$PBCHECK\" -q --fail-on warning old reference.docx >/dev/null");
    assert_null(strstr(r.err, "Files that"));
    run_free(&r);
    r = sh("\"$PBCHECK\" empty");
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "no .docx or .xlsx file was found in empty"));
    run_free(&r);
    /* ... and its reports are written, empty, as the README says (a CI step
     * that uploads them still finds them) */
    r = sh("rm -f none.sarif; \"$PBCHECK\" -f json --report sarif:none.sarif empty && exit 9; echo \"st $?\"; "
           "test -s none.sarif && echo written");
    assert_non_null(strstr(r.out, "\"files\":[]"));
    assert_non_null(strstr(r.out, "\"exit_status\":2}}"));
    assert_non_null(strstr(r.out, "st 2\nwritten\n"));
    run_free(&r);
    /* ... and SARIF says that the run checked nothing */
    r = sh("cat none.sarif");
    assert_non_null(strstr(r.out, "\"executionSuccessful\":false,\"exitCode\":2"));
    run_free(&r);
    r = sh("\"$PBCHECK\" --list-files empty");
    assert_int_equal(r.status, 2);
    run_free(&r);
    r = sh("\"$PBCHECK\" - </dev/null");
    assert_int_equal(r.status, 2);
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_disk_reports),
        cmocka_unit_test(test_size_limit_keeps_previous),
        cmocka_unit_test(test_replace_in_place),
        cmocka_unit_test(test_html_folder_all_or_nothing),
        cmocka_unit_test(test_signal_keeps_previous),
        cmocka_unit_test(test_stdout_errors_every_command),
        cmocka_unit_test(test_fifo_obeys_file_timeout),
        cmocka_unit_test(test_path_deeper_than_path_max),
        cmocka_unit_test(test_bad_requests_refused),
        cmocka_unit_test(test_old_formats_lock_files_no_input),
    };
    return cmocka_run_group_tests_name("faults", tests, group_setup, group_teardown);
}
