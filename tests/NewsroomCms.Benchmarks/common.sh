# Helpers shared by run.sh and pages.sh (sourced, not run). They expect START (the script's start, in
# seconds) and, for sql, DB (the SQLite file) to be set by the script.

log() { printf '[%4ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }

now_ms() { date +%s%3N; }

sql() { sqlite3 -batch -noheader "$DB" "$@"; }

hidden() { # field name, html file: the value of the first hidden input with that name
    python3 - "$1" "$2" <<'PY'
import html, re, sys
page = open(sys.argv[2], encoding="utf-8").read()
m = re.search(r'<input[^>]*name="%s"[^>]*value="([^"]*)"' % re.escape(sys.argv[1]), page) \
    or re.search(r'<input[^>]*value="([^"]*)"[^>]*name="%s"' % re.escape(sys.argv[1]), page)
print(html.unescape(m.group(1)) if m else "")
PY
}
