/* The configuration a checked file gets (command line only): --config FILE,
 * or the nearest `.pbcheck.json` from the file's folder upward, or the
 * built-in defaults; then --select/--ignore on top.  Like ruff, the closest
 * file wins and files are not merged; --config turns the search off. */
#include "cli/cli.h"

#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>

/* One configuration file read (path NULL: the built-in defaults). */
typedef struct loaded {
    struct loaded *next;
    char *path;
    bool bad; /* could not be read: reported once */
    pb_config config;
} loaded;

struct cli_configs {
    pthread_mutex_t lock;
    char *explicit_path; /* --config */
    char *select, *ignore;
    loaded *files;
    char *last_dir;     /* the folder of the last lookup … */
    loaded *last;       /* … and what it found */
    bool failed;
};

cli_configs *cli_config_new(void)
{
    cli_configs *cc = calloc(1, sizeof *cc);
    if (cc && pthread_mutex_init(&cc->lock, NULL) != 0) {
        free(cc);
        return NULL;
    }
    return cc;
}

void cli_config_free(cli_configs *cc)
{
    if (!cc)
        return;
    for (loaded *l = cc->files, *next; l; l = next) {
        next = l->next;
        pb_config_free(&l->config);
        free(l->path);
        free(l);
    }
    free(cc->explicit_path);
    free(cc->select);
    free(cc->ignore);
    free(cc->last_dir);
    pthread_mutex_destroy(&cc->lock);
    free(cc);
}

/* "a" + "," + "b", or a copy of b. */
static char *joined(char *a, const char *b)
{
    size_t n = (a ? strlen(a) + 1 : 0) + strlen(b) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s", a ? a : "", a ? "," : "", b);
    free(a);
    return s;
}

/* Reads one configuration (NULL: the defaults) with the selection applied;
 * NULL when out of memory.  A bad file is kept, marked, and reported here. */
static loaded *load(cli_configs *cc, const char *path)
{
    loaded *l = calloc(1, sizeof *l);
    if (!l || (path && !(l->path = strdup(path)))) {
        free(l);
        return NULL;
    }
    pb_config_default(&l->config);
    char err[768];
    if ((path && !pb_config_load(&l->config, path, err, sizeof err)) ||
        !pb_config_select(&l->config, cc->select, cc->ignore, err, sizeof err)) {
        fprintf(stderr, "pbcheck: %s\n", err);
        l->bad = true;
        cc->failed = true;
    }
    l->next = cc->files;
    cc->files = l;
    return l;
}

static loaded *find_loaded(cli_configs *cc, const char *path)
{
    for (loaded *l = cc->files; l; l = l->next)
        if ((path == NULL) == (l->path == NULL) && (!path || strcmp(path, l->path) == 0))
            return l;
    return load(cc, path);
}

/* An empty list (``, `,,,`, ` `) would silently run no rule, or ignore
 * none: it is a mistake in the request. */
static bool has_selector(const char *list)
{
    for (; *list; list++)
        if (*list != ',' && *list != ' ' && *list != '\t')
            return true;
    return false;
}

int cli_config_option(cli_configs *cc, int opt, const char *arg)
{
    if (opt != CLI_OPT_CONFIG && !has_selector(arg)) {
        fprintf(stderr, _("pbcheck: %s needs at least one rule (an ID such as PB101, a prefix such as PB1, or ALL), not '%s'\n"),
                opt == CLI_OPT_SELECT ? "--select" : "--ignore", arg);
        return EXIT_USAGE;
    }
    char **slot = opt == CLI_OPT_CONFIG ? &cc->explicit_path : opt == CLI_OPT_SELECT ? &cc->select : &cc->ignore;
    if (opt == CLI_OPT_CONFIG) {
        free(*slot);
        *slot = strdup(arg);
    } else {
        *slot = joined(*slot, arg);
    }
    if (!*slot) {
        fputs(_("pbcheck: out of memory\n"), stderr);
        return EXIT_INTERNAL;
    }
    /* Check the selectors now, before anything is read. */
    pb_config probe;
    pb_config_default(&probe);
    char err[512];
    if (!pb_config_select(&probe, cc->select, cc->ignore, err, sizeof err)) {
        fprintf(stderr, "pbcheck: %s\n", err);
        return EXIT_USAGE;
    }
    return EXIT_CLEAN;
}

/* The loaded configuration for files in folder dir. */
static loaded *for_folder(cli_configs *cc, const char *dir)
{
    if (cc->explicit_path)
        return find_loaded(cc, cc->explicit_path);
    if (cc->last_dir && strcmp(cc->last_dir, dir) == 0)
        return cc->last;
    char *found = pb_config_find(dir);
    loaded *l = find_loaded(cc, found);
    free(found);
    free(cc->last_dir);
    cc->last_dir = l ? strdup(dir) : NULL;
    cc->last = cc->last_dir ? l : NULL;
    return l;
}

static const pb_config *lookup(cli_configs *cc, const char *dir, const char **source)
{
    pthread_mutex_lock(&cc->lock);
    loaded *l = for_folder(cc, dir);
    pthread_mutex_unlock(&cc->lock);
    if (source)
        *source = l ? l->path : NULL;
    return l && !l->bad ? &l->config : NULL;
}

static const pb_config *lookup_path(cli_configs *cc, const char *path, bool is_dir, const char **source)
{
    if (is_dir)
        return lookup(cc, path, source);
    char *copy = strdup(path);
    if (!copy)
        return NULL;
    const pb_config *c = lookup(cc, dirname(copy), source);
    free(copy);
    return c;
}

const pb_config *cli_config_for(cli_configs *cc, const char *path)
{
    return lookup_path(cc, path, false, NULL);
}

bool cli_config_failed(cli_configs *cc)
{
    pthread_mutex_lock(&cc->lock);
    bool failed = cc->failed;
    pthread_mutex_unlock(&cc->lock);
    return failed;
}

static bool is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cli_config_preflight(cli_configs *cc, char **paths, int count)
{
    for (int i = 0; i < count; i++)
        if (strcmp(paths[i], "-") != 0)
            lookup_path(cc, paths[i], is_folder(paths[i]), NULL);
    if (count == 0 || cc->explicit_path)
        lookup(cc, ".", NULL);
    return cli_config_failed(cc) ? EXIT_USAGE : EXIT_CLEAN;
}

const pb_config *cli_config_describe(cli_configs *cc, const char *path, const char **source)
{
    return lookup_path(cc, path, is_folder(path), source);
}

void cli_config_usage(FILE *out)
{
    fputs(_("Configuration:\n"
            "      --config FILE       read the configuration from FILE (JSON) instead of\n"
            "                          the nearest .pbcheck.json above each checked file\n"
            "      --select LIST       run only the rules LIST names: IDs (PB202), prefixes\n"
            "                          (PB1) or slugs (cost-exceeds-budget), comma-separated;\n"
            "                          ALL for every rule\n"
            "      --ignore LIST       do not run the rules LIST names\n"
            "See `pbcheck rules`, `pbcheck explain RULE` and `pbcheck config --print`.\n"),
          out);
}
