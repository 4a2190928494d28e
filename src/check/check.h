/* The checks' shared pieces: rule index, configuration look-ups, the default code pattern. */
#ifndef PB_CHECK_H
#define PB_CHECK_H

#include "util/util.h"

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)


/* ---- configuration (config.c) */
/* Like pb_config_severity(), with dflt for a rule left at its default (a
 * rule whose findings differ in default severity). */
pb_severity pbi_config_severity_or(const pb_config *c, const pb_rule *r, pb_severity dflt);
/* The month a checkpoint label names: "3月底" 3, "第二季度" 6, "上半年" 6;
 * 0 for none. */
int pbi_checkpoint_month(const char *label);
/* The configured minimum for a checkpoint label; false when it has none. */
bool pbi_config_checkpoint_minimum(const pb_config *c, const char *label, pb_decimal *min);

/* The default project-code-pattern: 6-digit region, 2-digit year, a
 * capital letter, 11 digits, a digit or capital letter. */
#define PB_DEFAULT_CODE_PATTERN "^[0-9]{6}[0-9]{2}[A-Z][0-9]{11}[0-9A-Z]$"
/* Whether code matches PB_DEFAULT_CODE_PATTERN, without a regex engine
 * (check.c; compiling the pattern cost more than the rest of a small
 * file's checks). */
bool pbi_code_matches_default(const char *code);

#pragma GCC visibility pop

#endif
