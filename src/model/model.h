/* The model's helpers: copies of tables, amounts and money units, percentages. */
#ifndef PB_MODEL_H
#define PB_MODEL_H

#include "util/util.h"

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)

/* ---- tables */
pb_table *pbi_table_copy(pb_arena *a, const pb_table *t);

/* ---- money */
/* Converts an amount in unit `from` (power-of-ten exponent in 元) to `to`. */
bool pbi_money_convert(pb_decimal v, int from_exp, int to_exp, pb_decimal *out);
/* Parses an amount cell: "242.59", "2,425,900元", "242.59万", "１２３．４".
 * *unit_exp is set to the unit suffix's exponent or -1 when there is none. */
bool pbi_amount_parse(const char *raw, pb_decimal *out, int *unit_exp);
/* Parses a percentage cell "50%", "50", "５０％". */
bool pbi_percent_parse(const char *raw, pb_decimal *out);

#pragma GCC visibility pop

#endif
