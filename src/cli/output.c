/* All-or-nothing outputs (see output.h).  The one piece of process-wide
 * state is the table of temporaries a signal must remove: a handler cannot
 * be handed anything else. */
#define _GNU_SOURCE /* renameat2, fopencookie */
#include "cli/output.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/* A stream over fd that keeps the first write error: stdio keeps only its
 * error flag, and by the time the flag is looked at errno says something
 * else (a full disk came out as "input/output error"). */
struct kept_fd {
    int fd;
    int first_err;
};

struct cli_output {
    struct kept_fd kept;
    char *shown;  /* the path as given, for messages */
    char *target; /* the path replaced (a symbolic link's file) */
    char *tmp;    /* the temporary; NULL when written directly */
    FILE *f;
    bool is_stdout, is_dir, had_target;
    int slot; /* in pending[], or -1 */
};

/* ------------------------------------------------------------ signals */

#define MAX_PENDING 64

/* Written by the main thread only, read by the handler: a slot is filled
 * message first and path last, and emptied path first. */
static struct pending {
    char *volatile tmp;
    char *volatile msg;
    volatile sig_atomic_t dir;
} pending[MAX_PENDING];
static char *interrupted_msg;
static bool stdout_reported;
static struct kept_fd stdout_kept = {STDOUT_FILENO, 0};

/* ------------------------------------------------------- kept streams */

static ssize_t kept_write(void *cookie, const char *buf, size_t n)
{
    struct kept_fd *k = cookie;
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(k->fd, buf + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (!k->first_err)
                k->first_err = w < 0 ? errno : ENOSPC;
            return (ssize_t)done; /* fopencookie: short count = error */
        }
        done += (size_t)w;
    }
    return (ssize_t)done;
}

static int kept_close(void *cookie)
{
    struct kept_fd *k = cookie;
    if (close(k->fd) != 0 && errno != EINTR) {
        if (!k->first_err)
            k->first_err = errno;
        return -1;
    }
    return 0;
}

static FILE *kept_stream(struct kept_fd *k)
{
    cookie_io_functions_t io = {.write = kept_write, .close = kept_close};
    return fopencookie(k, "w", io);
}

/* errno of the first failed write of f, else of the last call */
static int stream_error(const struct kept_fd *k)
{
    return k->first_err ? k->first_err : errno ? errno : EIO;
}

static size_t safe_len(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void safe_put(const char *s)
{
    if (s && write(STDERR_FILENO, s, safe_len(s)) < 0) {
        /* nothing left to tell it to */
    }
}

/* Removes a temporary folder and what is directly inside it with system
 * calls alone (opendir and nftw allocate, which a handler must not). */
static int remove_dir_from_handler(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    if (fd < 0)
        return -1;
    char buf[4096];
    long n;
    while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0)
        for (long off = 0; off < n;) {
            /* struct linux_dirent64: u64 ino, s64 off, u16 reclen, u8 type, name */
            unsigned short reclen;
            memcpy(&reclen, buf + off + 16, sizeof reclen);
            const char *name = buf + off + 19;
            if (!(name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))))
                if (unlinkat(fd, name, 0) != 0)
                    unlinkat(fd, name, AT_REMOVEDIR);
            off += reclen;
        }
    close(fd);
    return rmdir(path);
}

static void on_signal(int sig)
{
    (void)sig;
    for (size_t i = 0; i < MAX_PENDING; i++) {
        char *tmp = pending[i].tmp;
        if (!tmp)
            continue;
        /* gone already: it was renamed into place a moment ago */
        if ((pending[i].dir ? remove_dir_from_handler(tmp) : unlink(tmp)) == 0)
            safe_put(pending[i].msg);
    }
    safe_put(interrupted_msg);
    _exit(EXIT_INTERNAL);
}

static int pending_add(const cli_output *o)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (!pending[i].tmp && !pending[i].msg) {
            pending[i].msg = cli_xprintf(o->had_target ? _("pbcheck: %s was not written; the previous file is left as it was\n")
                                                       : _("pbcheck: %s was not written\n"),
                                         o->shown);
            pending[i].dir = o->is_dir;
            pending[i].tmp = o->tmp;
            return i;
        }
    return -1; /* more than 64 at once: still removed on errors, not on signals */
}

static void pending_drop(int slot)
{
    if (slot < 0)
        return;
    pending[slot].tmp = NULL;
    char *msg = pending[slot].msg;
    pending[slot].msg = NULL;
    free(msg);
}

static void check_stdout_at_exit(void)
{
    errno = 0;
    bool bad = fflush(stdout) != 0 || ferror(stdout);
    int err = stream_error(&stdout_kept);
    if (!bad && fclose(stdout) != 0) {
        bad = true;
        err = errno;
    }
    if (!bad)
        return;
    if (!stdout_reported)
        fprintf(stderr, _("pbcheck: cannot write to standard output: %s\n"), pb_strerror(err));
    _exit(EXIT_INTERNAL);
}

void cli_output_setup(void)
{
    interrupted_msg = cli_xprintf("%s", _("pbcheck: interrupted\n"));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaddset(&sa.sa_mask, sigs[i]);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaction(sigs[i], &sa, NULL);
    atexit(check_stdout_at_exit);
    /* glibc's stdout is a variable, there to be set */
    fflush(stdout);
    FILE *kept = kept_stream(&stdout_kept);
    if (kept) {
        setvbuf(kept, NULL, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF, BUFSIZ);
        stdout = kept;
    }
}

/* ------------------------------------------------------------- opening */

static void output_free(cli_output *o)
{
    if (!o)
        return;
    pending_drop(o->slot);
    free(o->shown);
    free(o->target);
    free(o->tmp);
    free(o);
}

static mode_t new_file_mode(void)
{
    mode_t mask = umask(022); /* read and put back: main thread only */
    umask(mask);
    return 0666 & ~mask;
}

/* "<folder of target>/.<name>.pbcheck-XXXXXX" */
static char *temp_name(const char *target)
{
    const char *slash = strrchr(target, '/');
    int dir_len = slash ? (int)(slash - target + 1) : 0;
    return cli_xprintf("%.*s.%s.pbcheck-XXXXXX", dir_len, target, slash ? slash + 1 : target);
}

static void say_cannot_write(const char *name, int err)
{
    fprintf(stderr, _("pbcheck: cannot write %s: %s\n"), name, pb_strerror(err));
}

/* The output with its names; the target of a symbolic link resolved.
 * NULL (after saying why) when path cannot be a target. */
static cli_output *output_new(const char *path, bool dir, struct stat *st)
{
    cli_output *o = calloc(1, sizeof *o);
    if (!o || !(o->shown = strdup(path))) {
        free(o);
        fputs(_("pbcheck: out of memory\n"), stderr);
        return NULL;
    }
    o->slot = -1;
    o->is_dir = dir;
    struct stat lst;
    if (stat(path, st) == 0) {
        o->had_target = true;
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            o->target = realpath(path, NULL);
        else
            o->target = strdup(path);
    } else if (errno == ENOENT || errno == ENOTDIR) {
        if (errno == ENOTDIR || (lstat(path, &lst) == 0 && !S_ISLNK(lst.st_mode))) {
            say_cannot_write(path, ENOTDIR);
            output_free(o);
            return NULL;
        }
        memset(st, 0, sizeof *st);
        o->target = strdup(path);
    } else {
        say_cannot_write(path, errno);
        output_free(o);
        return NULL;
    }
    if (!o->target) {
        say_cannot_write(path, errno);
        output_free(o);
        return NULL;
    }
    return o;
}

cli_output *cli_output_open(const char *path)
{
    if (!path || strcmp(path, "-") == 0) {
        cli_output *o = calloc(1, sizeof *o);
        if (!o || !(o->shown = strdup(_("standard output")))) {
            free(o);
            fputs(_("pbcheck: out of memory\n"), stderr);
            return NULL;
        }
        o->slot = -1;
        o->is_stdout = true;
        o->f = stdout;
        return o;
    }
    struct stat st;
    cli_output *o = output_new(path, false, &st);
    if (!o)
        return NULL;
    if (o->had_target && S_ISDIR(st.st_mode)) {
        say_cannot_write(path, EISDIR);
        output_free(o);
        return NULL;
    }
    if (o->had_target && !S_ISREG(st.st_mode)) {
        /* a device, FIFO or terminal: nothing to keep, nothing to rename */
        o->kept.fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (o->kept.fd < 0 || !(o->f = kept_stream(&o->kept))) {
            say_cannot_write(path, errno);
            if (o->kept.fd >= 0)
                close(o->kept.fd);
            output_free(o);
            return NULL;
        }
        return o;
    }
    int fd = -1;
    if ((o->tmp = temp_name(o->target)))
        fd = mkstemp(o->tmp);
    if (fd < 0) {
        say_cannot_write(path, o->tmp ? errno : ENOMEM);
        output_free(o);
        return NULL;
    }
    o->slot = pending_add(o);
    o->kept.fd = fd;
    if (fchmod(fd, o->had_target ? (st.st_mode & 07777) : new_file_mode()) != 0 || !(o->f = kept_stream(&o->kept))) {
        say_cannot_write(path, errno);
        close(fd);
        cli_output_abort(o);
        return NULL;
    }
    return o;
}

cli_output *cli_output_open_dir(const char *path)
{
    struct stat st;
    cli_output *o = output_new(path, true, &st);
    if (!o)
        return NULL;
    if (o->had_target && !S_ISDIR(st.st_mode)) {
        say_cannot_write(path, ENOTDIR);
        output_free(o);
        return NULL;
    }
    if (!(o->tmp = temp_name(o->target)) || !mkdtemp(o->tmp)) {
        say_cannot_write(path, o->tmp ? errno : ENOMEM);
        output_free(o);
        return NULL;
    }
    o->slot = pending_add(o);
    return o;
}

FILE *cli_output_file(const cli_output *o) { return o->f; }
int cli_output_write_error(const cli_output *o)
{
    return o->is_stdout ? stdout_kept.first_err : o->kept.first_err;
}
const char *cli_output_name(const cli_output *o) { return o->shown; }
const char *cli_output_dir_path(const cli_output *o) { return o->tmp; }

/* ------------------------------------------------------------ closing */

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

static void remove_tree(const char *path) { nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS); }

void cli_output_abort(cli_output *o)
{
    if (!o)
        return;
    if (o->f && !o->is_stdout)
        fclose(o->f);
    if (o->tmp) {
        if (o->is_dir)
            remove_tree(o->tmp);
        else
            unlink(o->tmp);
    }
    output_free(o);
}

/* Swaps a filled temporary folder with the folder it replaces, then
 * removes the old one (now under the temporary name). */
static bool put_dir_in_place(const cli_output *o)
{
    if (rename(o->tmp, o->target) == 0)
        return true;
    if (errno != EEXIST && errno != ENOTEMPTY)
        return false;
    if (syscall(SYS_renameat2, AT_FDCWD, o->tmp, AT_FDCWD, o->target, RENAME_EXCHANGE) != 0)
        return false;
    remove_tree(o->tmp);
    return true;
}

int cli_output_commit(cli_output *o)
{
    if (!o)
        return EXIT_CLEAN;
    int err = 0;
    if (o->f) {
        errno = 0;
        if (fflush(o->f) != 0 || ferror(o->f))
            err = stream_error(o->is_stdout ? &stdout_kept : &o->kept);
        if (o->is_stdout) {
            if (err) {
                fprintf(stderr, _("pbcheck: cannot write to standard output: %s\n"), pb_strerror(err));
                stdout_reported = true;
            }
            output_free(o);
            return err ? EXIT_INTERNAL : EXIT_CLEAN;
        }
        /* durable before it replaces the previous file */
        if (!err && o->tmp && fsync(o->kept.fd) != 0 && errno != EINVAL && errno != EROFS)
            err = errno;
        if (fclose(o->f) != 0 && !err)
            err = stream_error(&o->kept);
        o->f = NULL;
    }
    if (!err && o->tmp && !(o->is_dir ? put_dir_in_place(o) : rename(o->tmp, o->target) == 0))
        err = errno;
    if (err)
        return cli_output_fail(o, err);
    output_free(o);
    return EXIT_CLEAN;
}

int cli_output_fail(cli_output *o, int err)
{
    if (!o)
        return EXIT_INTERNAL;
    if (o->is_stdout)
        fprintf(stderr, _("pbcheck: cannot write to standard output: %s\n"), pb_strerror(err));
    else if (!o->tmp)
        say_cannot_write(o->shown, err);
    else if (o->had_target)
        fprintf(stderr, _("pbcheck: cannot write %s: %s; the previous file is left as it was\n"), o->shown,
                pb_strerror(err));
    else
        fprintf(stderr, _("pbcheck: cannot write %s: %s; no file was created\n"), o->shown, pb_strerror(err));
    if (o->is_stdout)
        stdout_reported = true;
    cli_output_abort(o);
    return EXIT_INTERNAL;
}
