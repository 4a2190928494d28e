/* The frame every HTML page of pbcheck shares (a file's page and the batch
 * index): the <head>, and the one style sheet, inline so that a page is a
 * single file that works offline.  Screen, phone width (tables scroll in
 * their box, the page never sideways) and A4 print. */
#include "report/report.h"

static void put_esc(FILE *out, const char *s) { pbi_html_put(out, s, false); }

static const char page_css[] =
    ":root{--err:#b71c1c;--err-bg:#fdecea;--warn:#8a5300;--warn-bg:#fff4d6;--info:#0d47a1;--info-bg:#e8f1fb;"
    "--line:#9aa3ad;--muted:#5f6b76}"
    "*{box-sizing:border-box}"
    "body{margin:0 auto;max-width:72rem;padding:1rem;font:15px/1.5 system-ui,-apple-system,'Noto Sans CJK SC',"
    "'Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif;color:#1d2329;background:#fff;"
    "display:flex;flex-direction:column}"
    "h1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.2rem;margin:1.6rem 0 .4rem;overflow-wrap:anywhere}"
    "h3{font-size:1.05rem;margin:1.4rem 0 .4rem}"
    "a{color:inherit}"
    ".totals{order:-1;border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem;margin-bottom:.6rem}"
    ".counts{display:flex;flex-wrap:wrap;gap:.4rem .8rem;margin:.3rem 0}"
    ".count{padding:.1rem .5rem;border-radius:4px;font-weight:600}"
    ".sev-error{background:var(--err-bg)}.sev-warning{background:var(--warn-bg)}.sev-info{background:var(--info-bg)}"
    ".badge{display:inline-block;padding:0 .35rem;border-radius:3px;font-size:.8rem;font-weight:700;color:#fff;"
    "white-space:nowrap}"
    ".badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}"
    ".badge.sev-info{background:var(--info)}"
    ".file{border-top:3px solid #1d2329;margin-top:1rem}"
    ".summary h4{margin:.8rem 0 .2rem;font-size:.95rem;overflow-wrap:anywhere}"
    ".summary ol{padding-left:2.2rem;margin:.2rem 0}.summary li{margin:.2rem 0}"
    ".summary a{text-decoration:none}.summary a:hover{text-decoration:underline}"
    ".rule{font-family:ui-monospace,monospace;font-size:.85rem;color:var(--muted)}"
    ".where{color:var(--muted);font-size:.85rem}"
    ".meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}"
    ".meta dt{color:var(--muted)}.meta dd{margin:0;overflow-wrap:anywhere}"
    ".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.4rem 0}"
    "table.doc{border-collapse:collapse;min-width:100%;font-size:.9rem}"
    "table.doc td{border:1px solid var(--line);padding:.25rem .4rem;vertical-align:top;min-width:3.5rem}"
    "table.doc th{border:1px solid var(--line);padding:.25rem .4rem;text-align:left;background:#f3f5f7}"
    "table.index td.n{text-align:right}"
    "table.doc td.gap{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#eef0f2 4px,#eef0f2 8px)}"
    "td.sev-error{outline:3px solid var(--err);outline-offset:-3px}"
    "td.sev-warning{outline:3px solid var(--warn);outline-offset:-3px}"
    ".verdict{font-size:1.15rem;font-weight:700;margin:.4rem 0;padding:.3rem .6rem;border-radius:4px}"
    ".verdict.fails{background:var(--err-bg);color:var(--err)}.verdict.passes{background:#e8f5e9;color:#1b5e20}"
    "details.infos>summary,details.why>summary{cursor:pointer;color:var(--muted)}"
    "details.why{font-size:.85rem;margin-top:.15rem}details.why p{margin:.2rem 0}"
    ".file,.project,.summary,.figures,.scroll,figure{min-width:0;max-width:100%}"
    "figure{margin:.4rem 0}"
    ".note{margin-top:.3rem;padding:.2rem .35rem;border-left:3px solid;font-size:.85rem;background:#fff}"
    ".note.sev-error{border-color:var(--err)}.note.sev-warning{border-color:var(--warn)}"
    ".note.sev-info{border-color:var(--info)}"
    ".note:target{box-shadow:0 0 0 3px #1d2329}"
    ".notes{list-style:none;padding:0}"
    ".figures{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}"
    ".money td,.money th{padding:.15rem .6rem;text-align:right;border-bottom:1px solid #dde1e5}"
    ".money th{text-align:left;font-weight:400;color:var(--muted)}"
    ".money .sum td,.money .sum th{border-top:2px solid #1d2329}"
    ".ok{color:#1b5e20;font-weight:700}.bad{color:var(--err);font-weight:700}"
    "svg.chart{max-width:100%;height:auto}"
    ".unreadable{border-left:4px solid var(--err);padding:.4rem .7rem;background:var(--err-bg)}"
    "@media (max-width:40rem){body{padding:.5rem;font-size:14px}table.doc{font-size:.8rem}"
    "td.sev-error,td.sev-warning{min-width:10rem}h2,h3,.summary li{overflow-wrap:anywhere}"
    /* the index at phone width: names break anywhere, so that the verdict
     * column stays on the screen */
    "table.index td{min-width:2rem}table.index td.path{word-break:break-all}}"
    "@page{size:A4;margin:15mm 12mm}"
    "@media print{body{display:block;max-width:none;padding:0;font-size:10.5pt}details.why{display:none}"
    ".scroll{overflow:visible}table.doc{min-width:0;width:100%}tr,.note,.figures{break-inside:avoid}"
    ".project{break-before:page}.file:first-of-type .project:first-of-type{break-before:auto}"
    "a{text-decoration:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

void pbi_html_page_head(FILE *out, const char *title)
{
    /* TRANSLATORS: the language tag of the HTML report (BCP 47), e.g. zh-CN. */
    const char *lang = _("en");
    fputs("<!DOCTYPE html>\n<html lang=\"", out);
    put_esc(out, lang);
    fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"pbcheck " PB_VERSION "\">\n<title>",
          out);
    put_esc(out, title);
    fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n", page_css);
}

