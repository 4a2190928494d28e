/* Text as each output syntax needs it: JSON strings through cJSON, XML
 * character data and attributes, CSV fields.  Invalid UTF-8 never reaches a
 * format that requires valid text. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

bool pbi_json_add_str(cJSON *o, const char *key, const char *s)
{
    if (!s)
        return cJSON_AddNullToObject(o, key) != NULL;
    char *clean = pbi_utf8_clean(s);
    if (!clean)
        return false;
    bool ok = cJSON_AddStringToObject(o, key, clean) != NULL;
    free(clean);
    return ok;
}

bool pbi_json_put(FILE *out, cJSON *item)
{
    if (!item)
        return false;
    char *s = cJSON_PrintUnformatted(item);
    cJSON_Delete(item);
    if (!s)
        return false;
    fputs(s, out);
    free(s);
    return true;
}

static bool xml_allowed(unsigned cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

void pbi_xml_put(FILE *out, const char *s, bool attr)
{
    if (!s)
        return;
    while (*s) {
        unsigned cp;
        int n = pbi_utf8_valid(s, &cp);
        if (n == 0 || !xml_allowed(cp)) {
            fputs("\xEF\xBF\xBD", out);
            s += n ? n : 1;
            continue;
        }
        switch (cp) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs(attr ? "&quot;" : "\"", out); break;
        case '\r': fputs("&#13;", out); break;
        case '\n': fputs(attr ? "&#10;" : "\n", out); break;
        case '\t': fputs(attr ? "&#9;" : "\t", out); break;
        default: fwrite(s, 1, (size_t)n, out);
        }
        s += n;
    }
}

bool pbi_csv_text(FILE *out, const char *s)
{
    char *clean = pbi_utf8_clean(s);
    if (!clean)
        return false;
    fputc('"', out);
    if (*clean && strchr("=+-@\t\r", *clean))
        fputc('\'', out);
    for (const char *c = clean; *c; c++) {
        if (*c == '"')
            fputc('"', out);
        fputc(*c, out);
    }
    fputc('"', out);
    free(clean);
    return true;
}


/* HTML */

/* Control characters (other than the line breaks handled by the caller)
 * would make the page invalid or invisible; they become U+FFFD. */
static bool is_control(unsigned cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

void pbi_html_put(FILE *out, const char *s, bool line_breaks)
{
    if (!s)
        return;
    while (*s) {
        unsigned cp;
        int n = pbi_utf8_decode(s, &cp);
        switch (cp) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        case '\n': fputs(line_breaks ? "<br>" : " ", out); break;
        case '\t': fputc(' ', out); break;
        default:
            if (cp == 0xFFFD || is_control(cp))
                fputs("\xEF\xBF\xBD", out);
            else
                fwrite(s, 1, (size_t)n, out);
        }
        s += n;
    }
}

