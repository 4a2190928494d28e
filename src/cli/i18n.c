/* Language selection for the command line; see cli_i18n.h for the policy. */
#include "cli/i18n.h"
#include "cli/cli.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#ifndef PB_LOCALEDIR
#define PB_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef PB_BUILD_LOCALEDIR
#define PB_BUILD_LOCALEDIR "build/locale"
#endif

/* The catalogue Chinese is read from; zh_TW and zh_HK users get it too,
 * since there is no Traditional catalogue. */
#define ZH_CATALOGUE "zh_CN"

/* True when s is `lang` alone or followed by a locale separator. */
static bool has_language(const char *s, const char *lang)
{
    size_t n = strlen(lang);
    return strncasecmp(s, lang, n) == 0 && strchr("_-.@", s[n]) != NULL;
}

bool cli_lang_parse(const char *s, cli_lang *out)
{
    if (!s)
        return false;
    if (has_language(s, "zh")) {
        *out = CLI_LANG_ZH;
        return true;
    }
    if (has_language(s, "en") || has_language(s, "C") || strcmp(s, "POSIX") == 0) {
        *out = CLI_LANG_EN;
        return true;
    }
    return false;
}

static bool is_set(const char *s) { return s && *s; }

/* LANGUAGE is a colon-separated priority list; the first entry that names a
 * language pbcheck speaks decides. */
static bool from_language_list(const char *list, cli_lang *out)
{
    char entry[64];
    while (*list) {
        size_t n = strcspn(list, ":");
        if (n > 0 && n < sizeof entry) {
            memcpy(entry, list, n);
            entry[n] = '\0';
            if (cli_lang_parse(entry, out))
                return true;
        }
        list += n;
        if (*list == ':')
            list++;
    }
    return false;
}

cli_lang cli_lang_from_env(const char *language, const char *lc_all, const char *lc_messages, const char *lang)
{
    const char *posix = is_set(lc_all) ? lc_all : is_set(lc_messages) ? lc_messages : is_set(lang) ? lang : "C";
    /* GNU gettext ignores LANGUAGE under the C locale, and so do we. */
    bool c_locale = strcmp(posix, "C") == 0 || strcmp(posix, "POSIX") == 0;
    cli_lang l = CLI_LANG_EN;
    if (!c_locale && is_set(language) && from_language_list(language, &l))
        return l;
    return cli_lang_parse(posix, &l) ? l : CLI_LANG_EN;
}

static bool has_catalogue(const char *dir)
{
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/" ZH_CATALOGUE "/LC_MESSAGES/pbcheck.mo", dir);
    return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

static bool try_dir(char *buf, size_t cap, const char *a, const char *b)
{
    int n = snprintf(buf, cap, "%s%s", a, b);
    return n > 0 && (size_t)n < cap && has_catalogue(buf);
}

bool cli_find_localedir(const char *exe_dir, char *buf, size_t cap)
{
    const char *env = getenv("PBCHECK_LOCALEDIR");
    if (is_set(env) && try_dir(buf, cap, env, ""))
        return true;
    if (exe_dir && (try_dir(buf, cap, exe_dir, "/../share/locale") || try_dir(buf, cap, exe_dir, "/locale") ||
                    try_dir(buf, cap, exe_dir, "/" PB_BUILD_LOCALEDIR)))
        return true;
    return try_dir(buf, cap, PB_LOCALEDIR, "");
}

/* LC_MESSAGES must name a locale other than C for gettext to read LANGUAGE;
 * zh_CN.UTF-8 may not be generated, but some UTF-8 locale nearly always is. */
static bool messages_locale_for_chinese(void)
{
    static const char *const candidates[] = {"zh_CN.UTF-8", "C.UTF-8", "C.utf8", "en_US.UTF-8"};
    const char *cur = setlocale(LC_MESSAGES, NULL);
    if (cur && strcmp(cur, "C") != 0 && strcmp(cur, "POSIX") != 0)
        return true;
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++)
        if (setlocale(LC_MESSAGES, candidates[i]))
            return true;
    return false;
}

bool cli_lang_apply(cli_lang lang, const char *localedir)
{
    if (lang == CLI_LANG_EN || !localedir) {
        /* English is the msgids themselves: the C message locale returns them. */
        setlocale(LC_MESSAGES, "C");
        return lang == CLI_LANG_EN;
    }
    if (!bindtextdomain("pbcheck", localedir) || !bind_textdomain_codeset("pbcheck", "UTF-8") ||
        !messages_locale_for_chinese() || setenv("LANGUAGE", ZH_CATALOGUE, 1) != 0) {
        setlocale(LC_MESSAGES, "C");
        return false;
    }
    return true;
}

static bool exe_dir(char *buf, size_t cap)
{
    ssize_t n = readlink("/proc/self/exe", buf, cap - 1);
    if (n <= 0 || (size_t)n >= cap - 1)
        return false;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return true;
}

/* Removes argv[i] .. argv[i+k-1]. */
static void drop_args(int *argc, char **argv, int i, int k)
{
    memmove(&argv[i], &argv[i + k], (size_t)(*argc - i - k + 1) * sizeof *argv);
    *argc -= k;
}

/* Finds the last --lang of the command line and removes them all; *value is
 * NULL when there is none.  False when --lang lacks its argument. */
static bool take_lang_option(int *argc, char **argv, const char **value)
{
    *value = NULL;
    for (int i = 1; i < *argc;) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strncmp(argv[i], "--lang=", 7) == 0) {
            *value = argv[i] + 7;
            drop_args(argc, argv, i, 1);
        } else if (strcmp(argv[i], "--lang") == 0) {
            if (i + 1 >= *argc)
                return false;
            *value = argv[i + 1];
            drop_args(argc, argv, i, 2);
        } else {
            i++;
        }
    }
    return true;
}

int cli_i18n_setup(int *argc, char **argv)
{
    char dir[PATH_MAX], exe[PATH_MAX];
    bool have_dir = cli_find_localedir(exe_dir(exe, sizeof exe) ? exe : NULL, dir, sizeof dir);
    cli_lang lang = cli_lang_from_env(getenv("LANGUAGE"), getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"));
    cli_lang_apply(lang, have_dir ? dir : NULL);

    const char *value;
    if (!take_lang_option(argc, argv, &value)) {
        fputs(_("pbcheck: --lang needs a language: zh or en\n"), stderr);
        return EXIT_USAGE;
    }
    if (!value)
        return EXIT_CLEAN;
    cli_lang asked;
    if (!cli_lang_parse(value, &asked)) {
        fprintf(stderr, _("pbcheck: --lang takes zh or en, not '%s'\n"), value);
        return EXIT_USAGE;
    }
    if (!cli_lang_apply(asked, have_dir ? dir : NULL))
        fputs("pbcheck: the Chinese messages are not installed (pbcheck.mo for zh_CN was not found); "
              "using English\n",
              stderr);
    return EXIT_CLEAN;
}
