/* Open Packaging Conventions: relationships and content types, one
 * implementation for every part of a package (the package's own
 * _rels/.rels, a workbook's rels) and one policy for targets. */
#ifndef PB_READ_OPC_H
#define PB_READ_OPC_H

#include "read/read.h"

#pragma GCC visibility push(hidden)

#define PBI_OPC_NAME_MAX 512 /* part names, ids and types kept */

typedef struct pbi_opc_rel {
    char *id, *type;
    char *target; /* the package-relative part name it resolves to */
    bool read;    /* for the caller: the part was read already */
} pbi_opc_rel;

typedef struct pbi_opc_rels {
    pbi_opc_rel *items;
    size_t count, cap;
} pbi_opc_rels;

/* A relationship target resolved against the folder of its source part
 * (source "" for the package): "/" starts from the root, "." and ".."
 * step as in a path.  NULL when it leaves the package (".." above the
 * root) or is not a plain part name (empty, a scheme, a backslash). */
char *pbi_opc_resolve(pb_arena *a, const char *source, const char *target);

/* The relationships of source ("" for the package's _rels/.rels), in
 * order; external targets and targets outside the package left out, at
 * most l->max_entries of them.  A missing rels part is no error (none). */
bool pbi_opc_read_rels(pb_zip *z, pb_arena *a, const char *source, const pb_limits *l, pbi_opc_rels *out,
                       pb_error *e);

/* Whether type ends in "/kind" (either namespace of the relationship
 * types, Transitional or Strict). */
bool pbi_opc_type_is(const char *type, const char *kind);
const pbi_opc_rel *pbi_opc_rel_by_type(const pbi_opc_rels *r, const char *kind);
const pbi_opc_rel *pbi_opc_rel_by_id(const pbi_opc_rels *r, const char *id);

/* The content type [Content_Types].xml gives part (its Override, else the
 * Default of its extension), copied into buf; false when none. */
bool pbi_opc_content_type(pb_zip *z, const char *part, char *buf, size_t cap);

/* Whether the package has a part of that name (ASCII case-insensitive). */
bool pbi_zip_has(pb_zip *z, const char *name);

#pragma GCC visibility pop

#endif
