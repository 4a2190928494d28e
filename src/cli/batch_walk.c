/* The batch's producer: the paths named on the command line, the lists
 * read from stdin ("-") and the folders walked in sorted order, with
 * Office lock files and symbolic-link loops told apart. */
#include "cli/batch_int.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <strings.h>
#include <sys/stat.h>

walker batch_walker(char **paths, int count, bool nul, bool follow)
{
    return (walker){paths, count, 0, nul, follow, false, NULL, 0, NULL, 0, 0};
}

bool batch_walker_one_file(const walker *w)
{
    struct stat st;
    return w->count == 1 && strcmp(w->args[0], "-") != 0 &&
           stat(w->args[0], &st) == 0 && S_ISREG(st.st_mode);
}

/* Word's lock files (~$name.docx) are not documents. */
static bool wanted_name(const char *name)
{
    static const char *const extensions[] = {".docx", ".xlsx"};
    size_t n = strlen(name);
    if (strncmp(name, "~$", 2) == 0)
        return false;
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
        size_t e = strlen(extensions[i]);
        if (n > e && strcasecmp(name + n - e, extensions[i]) == 0)
            return true;
    }
    return false;
}

/* Binary formats a folder of filings often holds: told, not skipped. */
static bool old_format(const char *name)
{
    static const char *const extensions[] = {".doc", ".wps", ".xls", ".et"};
    size_t n = strlen(name);
    if (strncmp(name, "~$", 2) == 0)
        return false;
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
        size_t e = strlen(extensions[i]);
        if (n > e && strcasecmp(name + n - e, extensions[i]) == 0)
            return true;
    }
    return false;
}

static char *join(const char *dir, const char *name)
{
    size_t d = strlen(dir);
    bool slash = d > 0 && dir[d - 1] == '/';
    return cli_xprintf("%s%s%s", dir, slash ? "" : "/", name);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void frame_free(frame *f)
{
    for (size_t i = 0; i < f->count; i++)
        free(f->names[i]);
    free(f->names);
    free(f->dir);
}

static int set_item(item *it, item_kind kind, char *path, char *message)
{
    if (!message) {
        free(path);
        return -1;
    }
    *it = (item){kind, path, message, PB_ERR_IO};
    return 1;
}

/* Reads a folder's names (sorted, so the order never depends on the file
 * system) and pushes it; a folder that is already on the stack is a loop.
 * Takes path.  Returns 1 with *it set, 0 when pushed, -1 out of memory. */
static int push_dir(walker *w, char *path, const struct stat *st, item *it)
{
    for (size_t i = 0; i < w->depth; i++)
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino)
            return set_item(it, ITEM_NOTICE, path,
                            cli_xprintf(_("pbcheck: %s: a symbolic link loop leads back to %s; not followed\n"), path,
                                    w->stack[i].dir));
    DIR *dir = opendir(path);
    if (!dir)
        return set_item(it, ITEM_UNREADABLE, path, cli_xprintf(_("cannot open the folder: %s"), pb_strerror(errno)));
    frame f = {path, NULL, 0, 0, st->st_dev, st->st_ino};
    size_t cap = 0;
    struct dirent *e;
    bool oom = false;
    errno = 0;
    while (!oom && (e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (f.count == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **n = realloc(f.names, ncap * sizeof *n);
            if (!n) {
                oom = true;
                break;
            }
            f.names = n;
            cap = ncap;
        }
        if (!(f.names[f.count] = strdup(e->d_name)))
            oom = true;
        else
            f.count++;
        errno = 0;
    }
    int read_errno = oom ? 0 : errno;
    closedir(dir);
    if (!oom && w->depth == w->cap) {
        size_t ncap = w->cap ? w->cap * 2 : 16;
        frame *n = realloc(w->stack, ncap * sizeof *n);
        if (n) {
            w->stack = n;
            w->cap = ncap;
        } else
            oom = true;
    }
    if (oom || read_errno) {
        char *dir_path = f.dir;
        f.dir = NULL;
        frame_free(&f);
        if (oom) {
            free(dir_path);
            return -1;
        }
        return set_item(it, ITEM_UNREADABLE, dir_path, cli_xprintf(_("cannot read the folder: %s"), pb_strerror(read_errno)));
    }
    if (f.count) /* qsort(NULL, 0, …) is undefined */
        qsort(f.names, f.count, sizeof *f.names, cmp_str);
    w->stack[w->depth++] = f;
    return 0;
}

/* A path named on the command line or in a list: a folder is walked, and
 * anything else is checked whatever its name (a missing file is reported
 * by the reader).  -1 when out of memory. */
static int visit_arg(walker *w, const char *arg, item *it)
{
    char *path = strdup(arg);
    if (!path)
        return -1;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return push_dir(w, path, &st, it);
    *it = (item){ITEM_FILE, path, NULL, PB_OK};
    return 1;
}

/* An entry met in a walk: .docx files (not lock files), sub-folders, and
 * symlinked folders only when asked.  Takes path. */
static int visit_entry(walker *w, char *path, const char *name, item *it)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        /* A path too long to open may be a folder of filings: say so. */
        if (errno == ENAMETOOLONG || errno == ELOOP)
            return set_item(it, ITEM_UNREADABLE, path, cli_xprintf(_("cannot open: %s"), pb_strerror(errno)));
        if (!wanted_name(name)) {
            free(path);
            return 0;
        }
        return set_item(it, ITEM_UNREADABLE, path, cli_xprintf(_("cannot open the file: %s"), pb_strerror(errno)));
    }
    if (S_ISLNK(st.st_mode) && stat(path, &st) != 0) {
        /* A dangling link named like a filing is a filing that is missing. */
        if (!wanted_name(name)) {
            free(path);
            return 0;
        }
        *it = (item){ITEM_FILE, path, NULL, PB_OK};
        return 1;
    }
    bool link = false;
    struct stat lst;
    if (lstat(path, &lst) == 0)
        link = S_ISLNK(lst.st_mode);
    if (S_ISDIR(st.st_mode)) {
        if (link && !w->follow) {
            free(path);
            return 0;
        }
        return push_dir(w, path, &st, it);
    }
    if (S_ISREG(st.st_mode) && wanted_name(name)) {
        *it = (item){ITEM_FILE, path, NULL, PB_OK};
        return 1;
    }
    if (S_ISREG(st.st_mode) && old_format(name)) {
        int r = set_item(it, ITEM_UNREADABLE, path,
                         cli_xprintf(_("an old Office or WPS format (.doc, .wps, .xls, .et) that pbcheck cannot read: "
                                       "save it as .docx or .xlsx")));
        it->status = PB_ERR_OLE;
        return r;
    }
    if (S_ISREG(st.st_mode) && strncmp(name, "~$", 2) == 0 && strlen(name) > 2)
        return set_item(it, ITEM_NOTICE, path,
                        cli_xprintf(_("pbcheck: %s: %s; skipped\n"), path, _(CLI_LOCK_FILE)));
    free(path);
    return 0;
}

int batch_walker_next(walker *w, item *it)
{
    for (;;) {
        if (w->depth > 0) {
            frame *f = &w->stack[w->depth - 1];
            if (f->next < f->count) {
                const char *name = f->names[f->next++];
                char *path = join(f->dir, name);
                if (!path)
                    return -1;
                int r = visit_entry(w, path, name, it);
                if (r != 0)
                    return r;
                continue;
            }
            frame_free(f);
            w->depth--;
            continue;
        }
        if (w->in_list) {
            ssize_t n = getdelim(&w->line, &w->line_cap, w->nul ? '\0' : '\n', stdin);
            if (n < 0) {
                w->in_list = false;
                continue;
            }
            if (n > 0 && w->line[n - 1] == (w->nul ? '\0' : '\n'))
                w->line[--n] = '\0';
            if (!w->nul && n > 0 && w->line[n - 1] == '\r')
                w->line[--n] = '\0';
            if (n == 0)
                continue;
            int r = visit_arg(w, w->line, it);
            if (r != 0)
                return r;
            continue;
        }
        if (w->next < w->count) {
            const char *arg = w->args[w->next++];
            if (strcmp(arg, "-") == 0) {
                w->in_list = true;
                continue;
            }
            int r = visit_arg(w, arg, it);
            if (r != 0)
                return r;
            continue;
        }
        return 0;
    }
}

void batch_walker_free(walker *w)
{
    while (w->depth > 0)
        frame_free(&w->stack[--w->depth]);
    free(w->stack);
    free(w->line);
}
