/* Choosing the language of pbcheck's messages (command line only).
 *
 * Messages are English msgids translated through GNU gettext (text domain
 * "pbcheck").  The language is Simplified Chinese or English: `--lang` wins,
 * then the environment as GNU gettext reads it (LANGUAGE unless the locale is
 * C/POSIX, then LC_ALL, LC_MESSAGES, LANG); any zh* (zh_CN, zh_TW, zh_HK, zh)
 * gives Simplified Chinese, anything else English.  Chinese must work where no
 * zh_CN locale is generated (a fresh Debian has only C.UTF-8), so the catalogue
 * is reached through LANGUAGE over a UTF-8 LC_MESSAGES that does exist. */
#ifndef PB_CLI_I18N_H
#define PB_CLI_I18N_H

#include <stdbool.h>
#include <stddef.h>

typedef enum cli_lang { CLI_LANG_EN = 0, CLI_LANG_ZH } cli_lang;

/* "zh", "zh_CN", "zh-TW", "zh-Hans", "zh_CN.UTF-8" → Chinese; "en", "en_US",
 * "C", "POSIX" → English; false for anything else. */
bool cli_lang_parse(const char *s, cli_lang *out);

/* The language the environment asks for (the arguments are the values of
 * LANGUAGE, LC_ALL, LC_MESSAGES and LANG, each possibly NULL). */
cli_lang cli_lang_from_env(const char *language, const char *lc_all, const char *lc_messages,
                           const char *lang);

/* The first directory holding zh_CN/LC_MESSAGES/pbcheck.mo among:
 * $PBCHECK_LOCALEDIR, <exe>/../share/locale (an installed, possibly moved
 * tree), <exe>/locale and <exe>/<build>/locale (the build tree), and the
 * compiled-in LOCALEDIR.  Writes it to buf; false when none has it. */
bool cli_find_localedir(const char *exe_dir, char *buf, size_t cap);

/* Makes the process speak lang: binds the text domain to localedir (may be
 * NULL for English) with UTF-8 output and sets LC_MESSAGES/LANGUAGE so that
 * dgettext() answers in lang.  False when Chinese was asked for but cannot be
 * delivered (no catalogue, no UTF-8 locale at all); the process then speaks
 * English. */
bool cli_lang_apply(cli_lang lang, const char *localedir);

/* Called by main() after setlocale(LC_ALL, ""): picks the language from the
 * environment, then takes every `--lang L` / `--lang=L` out of argv (up to a
 * "--") so that no subcommand has to know the option.  Returns 0, or the
 * usage exit status after printing why. */
int cli_i18n_setup(int *argc, char **argv);

#endif
