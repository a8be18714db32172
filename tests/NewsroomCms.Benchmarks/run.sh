#!/usr/bin/env bash
# Load benchmark of the public site and the newsroom on a generated database, against nginx serving
# the same article page as a static file. Loopback only; every process it starts is stopped on exit.
# See README.md beside this file.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: tests/NewsroomCms.Benchmarks/run.sh [--articles N] [--quick] [--app DIR] [--keep]

  --articles N   articles in the generated database (default 100000); cached under
                 ${XDG_CACHE_HOME:-~/.cache}/newsroomcms-bench/ and generated when missing
  --quick        3 s per scenario instead of 10 s (for a busy machine)
  --app DIR      use the app already published in DIR (dotnet publish -c Release -r linux-x64 --self-contained false -o DIR)
  --keep         keep the temporary folder (published app, database copy, logs) for a look afterwards
EOF
}

ARTICLES=100000
QUICK=0
KEEP=0
APP_DIR=
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) ARTICLES="${2:-}"; shift 2 ;;
        --quick) QUICK=1; shift ;;
        --app) APP_DIR="${2:-}"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
[[ "$ARTICLES" =~ ^[1-9][0-9]*$ ]] || { echo "--articles needs a positive whole number" >&2; exit 2; }

REPO="$(cd "$(dirname "$0")/../.." && pwd)"
BENCH_DIR="$REPO/tests/NewsroomCms.Benchmarks"
# shellcheck source=common.sh
source "$BENCH_DIR/common.sh"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/newsroomcms-bench"
SEED=1
APP_PORT=5391
NOCACHE_PORT=5392
NGINX_PORT=5393
if [ "$QUICK" = 1 ]; then DURATION=3s; WARMUP=1s; else DURATION=10s; WARMUP=2s; fi
# The runtime recompiles hot code, optimized, on a background thread over a started app's first half
# minute of traffic. At 64 connections the requests keep both cores busy and that thread waits: the first
# scenarios measured unoptimized code (the uncached article page served 170 req/s for its first 20 s and
# 420-450 after). So each instance first serves its pages to one reader at a time, for this long.
JIT_WARMUP_SECONDS=30
# Readers: 64 connections. The newsroom is a few dozen people: 8. Autosaves of one article come from
# its one editor: 1 (several at once would only measure the refused concurrent saves).
# wrk's default 2 s timeout would close connections on a slow machine and count those as errors.
READER_LOAD=(-t2 -c64 "-d$DURATION" --timeout 10s --latency)
NEWSROOM_LOAD=(-t2 -c8 "-d$DURATION" --timeout 10s --latency)
AUTOSAVE_LOAD=(-t1 -c1 "-d$DURATION" --timeout 10s --latency)
# The issue's times for uncached lists and searches are the server's time for one page: one reader at a
# time, so that 64 connections queueing for 2 cores do not add their waiting to it.
SINGLE_LOAD=(-t1 -c1 "-d$DURATION" --timeout 10s --latency)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
START=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WORK="$(mktemp -d /tmp/newsroomcms-bench.XXXXXX)"
chmod 755 "$WORK" # nginx workers run as another user and read the page from here
PIDS=()

cleanup() {
    local status=$?
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ -f "$WORK/nginx.pid" ]; then
        kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    fi
    if [ "$KEEP" = 1 ]; then
        echo "Kept $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools ----------------------------------------------------------------------------------------
missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

# --- the app --------------------------------------------------------------------------------------
if [ -n "$APP_DIR" ]; then
    log "Using the app published in $APP_DIR"
    [ -f "$APP_DIR/NewsroomCms.Web.dll" ] || { echo "$APP_DIR has no NewsroomCms.Web.dll" >&2; exit 2; }
    cp -r "$APP_DIR" "$WORK/app"
else
    log "Publishing the app (Release)"
    # For the platform, as the Docker image is: compiled ahead of time (ReadyToRun), which halves start-up's JIT.
    dotnet publish "$REPO/src/NewsroomCms.Web" -c Release -r linux-x64 --self-contained false -o "$WORK/app" -v q -nologo >"$WORK/publish.log" 2>&1 \
        || { cat "$WORK/publish.log"; exit 1; }
fi
APP_DLL="$WORK/app/NewsroomCms.Web.dll"

# Settings shared by the admin commands and the site: one database file, no demo content, logs in $WORK.
app_env() { # database, media folder, then the command with any extra VAR=value before it
    env ASPNETCORE_ENVIRONMENT=Production \
        "ConnectionStrings__Newsroom=Data Source=$1" \
        "Media__Root=$2" \
        Demo__Seed=false \
        "Serilog__WriteTo__1__Args__path=$WORK/logs/newsroom-.log" \
        "${@:3}"
}

# --- the database ---------------------------------------------------------------------------------
mkdir -p "$CACHE"
CACHED_DB="$CACHE/articles-$ARTICLES.db"
CACHED_MEDIA="$CACHE/articles-$ARTICLES-media"
if [ ! -f "$CACHED_DB" ]; then
    log "Generating $ARTICLES articles into $CACHED_DB (once; later runs reuse it)"
    rm -rf "$CACHED_DB.part" "$CACHED_DB.part-wal" "$CACHED_DB.part-shm" "$CACHED_MEDIA.part"
    (cd "$WORK/app" && app_env "$CACHED_DB.part" "$CACHED_MEDIA.part" dotnet "$APP_DLL" \
        generate-articles --count "$ARTICLES" --seed "$SEED") | grep -E '^(Generating|  |Generated)' | tee "$WORK/generate.log"
    sqlite3 "$CACHED_DB.part" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
    rm -rf "$CACHED_MEDIA"
    mv "$CACHED_MEDIA.part" "$CACHED_MEDIA"
    mv "$CACHED_DB.part" "$CACHED_DB"
else
    log "Reusing $CACHED_DB"
fi
# The run changes its copy (an account, articles waiting for review, an autosaved article, one published).
DB="$WORK/bench.db"
MEDIA="$WORK/media"
cp "$CACHED_DB" "$DB"
cp -r "$CACHED_MEDIA" "$MEDIA"

# A database generated by an older version gets the newer migrations here, as a deployment applies them,
# so that the timed start-up below is the app's own (a new index on a million articles takes a while once).
log "Applying migrations"
(cd "$WORK/app" && app_env "$DB" "$MEDIA" Serilog__MinimumLevel__Default=Warning dotnet "$APP_DLL" migrate) >/dev/null

EMAIL="benchmark-editor@example.com"
PASSWORD="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)a7"
log "Creating the benchmark editor account"
printf '%s\n' "$PASSWORD" | (cd "$WORK/app" && app_env "$DB" "$MEDIA" Serilog__MinimumLevel__Default=Warning \
    dotnet "$APP_DLL" create-user --email "$EMAIL" --name "Biên tập viên Benchmark" --role Editor) >/dev/null
USER_ID="$(sql "SELECT Id FROM AspNetUsers WHERE NormalizedEmail = upper('$EMAIL');")"

# 500 articles waiting for review (the oldest published ones, written by the benchmark editor), one of
# them given a unique word to find after it is published during a load test.
log "Preparing 500 submitted articles"
MARK="kiemtra$(date +%s)"
sql <<EOF
UPDATE Articles SET Status = 1, PublishedAt = NULL, CreatedById = '$USER_ID',
       SubmittedAt = strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (Id % 500) || ' minutes')
 WHERE Id IN (SELECT Id FROM Articles WHERE Status = 4 ORDER BY Id LIMIT 500);
UPDATE Articles SET Title = 'Bài kiểm tra độ trễ xuất bản $MARK', Slug = 'bai-kiem-tra-do-tre-xuat-ban-$MARK'
 WHERE Id = (SELECT min(Id) FROM Articles WHERE Status = 1);
EOF
PUBLISH_ID="$(sql "SELECT min(Id) FROM Articles WHERE Status = 1;")"
EDIT_ID="$(sql "SELECT max(Id) FROM Articles WHERE Status = 1;")"
ARTICLE_SLUG="$(sql "SELECT Slug FROM Articles WHERE Status = 4 ORDER BY Id DESC LIMIT 1 OFFSET 100;")"
PUBLISH_SECTION="$(sql "SELECT s.Slug FROM Sections s JOIN Articles a ON a.SectionId = s.Id WHERE a.Id = $PUBLISH_ID;")"
SECTION_SLUG="$(sql "SELECT Slug FROM Sections WHERE Name = 'Thời sự';")"
TAG_SLUG="$(sql "SELECT t.Slug FROM ArticleTags x JOIN Tags t ON t.Id = x.TagId GROUP BY x.TagId ORDER BY count(*) DESC LIMIT 1;")"
AUTHOR_SLUG="$(sql "SELECT au.Slug FROM ArticleAuthors x JOIN Authors au ON au.Id = x.AuthorId GROUP BY x.AuthorId ORDER BY count(*) DESC LIMIT 1;")"
sql 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null

# --- start the site -------------------------------------------------------------------------------
# Plain HTTP on loopback: with no HTTPS address, UseHttpsRedirection has no port to send readers to and
# lets requests through; HSTS is only sent over HTTPS.
start_app() { # port, extra VAR=value settings; sets STARTED_PID
    local port=$1
    shift
    (cd "$WORK/app" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" \
        ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Newsroom=Data Source=$DB" "Media__Root=$MEDIA" Demo__Seed=false \
        "Serilog__WriteTo__1__Args__path=$WORK/logs/newsroom-$port-.log" "$@" dotnet "$APP_DLL") >"$WORK/app-$port.log" 2>&1 &
    STARTED_PID=$!
    PIDS+=("$STARTED_PID")
}

wait_ready() { # port pid; prints milliseconds until /health/ready answered 200
    local begin; begin=$(now_ms)
    for _ in $(seq 1 1200); do
        if curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready"; then
            echo $(( $(now_ms) - begin ))
            return 0
        fi
        kill -0 "$2" 2>/dev/null || { echo "The app on port $1 stopped:" >&2; tail -20 "$WORK/app-$1.log" >&2; return 1; }
        sleep 0.1
    done
    echo "The app on port $1 was not ready after 120 s" >&2
    return 1
}

log "Starting the app on 127.0.0.1:$APP_PORT"
start_app "$APP_PORT"
APP_PID=$STARTED_PID
STARTUP_MS=$(wait_ready "$APP_PORT" "$APP_PID")
log "Ready after $STARTUP_MS ms"
BASE="http://127.0.0.1:$APP_PORT"

# --- nginx with the same article page -------------------------------------------------------------
mkdir -p "$WORK/www" "$WORK/nginx-temp"
curl -fsS "$BASE/bai-viet/$ARTICLE_SLUG" -o "$WORK/www/article.html"
# Readers' browsers ask for compression, and the app compresses public pages once and serves them from
# its output cache; nginx does the same here with a precompressed copy (gzip_static, gzip level 6 as the
# app's "Optimal"). Readers' scenarios send "Accept-Encoding: gzip" to both.
gzip -6 -k -n "$WORK/www/article.html"
cat >"$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    gzip off;
    gzip_static on;
    charset utf-8;
    types { text/html html; }
    client_body_temp_path $WORK/nginx-temp/body;
    proxy_temp_path $WORK/nginx-temp/proxy;
    fastcgi_temp_path $WORK/nginx-temp/fastcgi;
    uwsgi_temp_path $WORK/nginx-temp/uwsgi;
    scgi_temp_path $WORK/nginx-temp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location / { }
    }
}
EOF
"$NGINX" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
for _ in $(seq 1 50); do [ -f "$WORK/nginx.pid" ] && break; sleep 0.1; done

# --- signing in -----------------------------------------------------------------------------------
JAR="$WORK/cookies.txt"
cookie_header() { # the cookie jar as one Cookie header value
    awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$JAR"
}
log "Signing in as $EMAIL"
curl -fsS -c "$JAR" -b "$JAR" "$BASE/account/login" -o "$WORK/login.html"
curl -sS -c "$JAR" -b "$JAR" -o /dev/null -w '%{http_code}' "$BASE/account/login" \
    --data-urlencode "Email=$EMAIL" --data-urlencode "Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$(hidden __RequestVerificationToken "$WORK/login.html")" | grep -q 302 \
    || { echo "Signing in failed" >&2; exit 1; }

# The editor on a 50 KB article: one autosave makes the article that long, and the load test autosaves
# the same text again (a stale version with the same text is accepted, as after a lost answer).
curl -fsS -b "$JAR" -c "$JAR" "$BASE/newsroom/articles/$EDIT_ID/edit" -o "$WORK/editor.html"
python3 - "$WORK/editor.html" "$DB" "$EDIT_ID" "$(hidden __RequestVerificationToken "$WORK/editor.html")" >"$WORK/autosave.form" <<'EOF'
import html, re, sqlite3, sys, urllib.parse
page = open(sys.argv[1], encoding="utf-8").read()
def field(name):
    m = re.search(r'<input[^>]*name="%s"[^>]*value="([^"]*)"' % name, page)
    return html.unescape(m.group(1)) if m else ""
db = sqlite3.connect(sys.argv[2])
title, sapo, body, section = db.execute("SELECT Title, Sapo, Body, SectionId FROM Articles WHERE Id = ?", (int(sys.argv[3]),)).fetchone()
authors = [r[0] for r in db.execute("SELECT AuthorId FROM ArticleAuthors WHERE ArticleId = ? ORDER BY Position", (int(sys.argv[3]),))]
tags = [r[0] for r in db.execute("SELECT t.Name FROM ArticleTags x JOIN Tags t ON t.Id = x.TagId WHERE x.ArticleId = ?", (int(sys.argv[3]),))]
long_body = body
while len(long_body.encode("utf-8")) < 50 * 1024:
    long_body += body
fields = [("Version", field("Version")), ("Title", title), ("Slug", field("Slug")), ("Sapo", sapo), ("Body", long_body),
          ("SectionId", str(section)), ("Tags", ", ".join(tags))] + [("AuthorIds", str(a)) for a in authors] + \
         [("__RequestVerificationToken", sys.argv[4])]
sys.stdout.write(urllib.parse.urlencode(fields))
EOF
AUTOSAVE_STATUS=$(curl -sS -b "$JAR" -c "$JAR" -o "$WORK/autosave.json" -w '%{http_code}' \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$WORK/autosave.form" "$BASE/newsroom/articles/$EDIT_ID/autosave")
[ "$AUTOSAVE_STATUS" = 200 ] || { echo "The first autosave answered $AUTOSAVE_STATUS: $(head -c 300 "$WORK/autosave.json")" >&2; exit 1; }
COOKIE="$(cookie_header)"
EDITOR_BYTES=$(curl -fsS -b "$JAR" "$BASE/newsroom/articles/$EDIT_ID/edit" | wc -c)
log "Editor page: $EDITOR_BYTES bytes"

# --- scenarios ------------------------------------------------------------------------------------
RESULTS="$WORK/results.tsv"
: >"$RESULTS"
NGINX_RPS=""

# run NAME URL LOAD(reader|newsroom) [METHOD BODYFILE]
run() {
    local name="$1" url="$2" load="$3" method="${4:-}" body="${5:-}" status
    local -a settings
    case "$load" in
        newsroom) settings=("${NEWSROOM_LOAD[@]}") ;;
        autosave) settings=("${AUTOSAVE_LOAD[@]}") ;;
        single) settings=("${SINGLE_LOAD[@]}") ;;
        *) settings=("${READER_LOAD[@]}") ;;
    esac
    # Readers' browsers accept gzip; the newsroom's pages are never compressed anyway.
    local encoding=""
    [ "$load" = reader ] || [ "$load" = single ] && encoding=gzip
    # One request first, as wrk will send it: it tells whether the page exists, and fills the output
    # cache without a client that gives up (wrk closing connections at the end of the warm-up).
    local -a probe=(curl -s -o /dev/null -w '%{http_code}' --max-time 60)
    [ -n "$encoding" ] && probe+=(-H "Accept-Encoding: $encoding")
    [ -n "${COOKIE_FOR_RUN:-}" ] && probe+=(-H "Cookie: $COOKIE_FOR_RUN")
    [ -n "$method" ] && probe+=(-H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$body")
    status=$("${probe[@]}" "$url" || true)
    if [ "$status" = 000 ]; then
        log "$name: no answer, not measured"
        printf '%s\t%s\n' "$name" "no answer" >>"$RESULTS"
        return 0
    fi
    if [ "$status" -ge 400 ]; then
        log "$name: $status, not measured"
        printf '%s\t%s\n' "$name" "missing ($status)" >>"$RESULTS"
        return 0
    fi
    log "$name"
    BENCH_METHOD="$method" BENCH_BODY_FILE="$body" BENCH_COOKIE="${COOKIE_FOR_RUN:-}" BENCH_ACCEPT_ENCODING="$encoding" \
        wrk "${settings[@]/#-d*/-d$WARMUP}" -s "$BENCH_DIR/report.lua" "$url" >/dev/null 2>&1 || true
    local line
    line=$(BENCH_METHOD="$method" BENCH_BODY_FILE="$body" BENCH_COOKIE="${COOKIE_FOR_RUN:-}" BENCH_ACCEPT_ENCODING="$encoding" \
        wrk "${settings[@]}" -s "$BENCH_DIR/report.lua" "$url" 2>&1 | grep '^RESULT' || true)
    if [ -z "$line" ]; then
        printf '%s\t%s\n' "$name" "wrk failed" >>"$RESULTS"
        return 0
    fi
    # RESULT rps p50 p99 errors bytes socket-errors requests
    read -r _ rps p50 p99 bad bytes socket requests <<<"$line"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$bad" "$bytes" "$socket" "$requests" >>"$RESULTS"
}

# jit_warm_up URL...: JIT_WARMUP_SECONDS shared between the pages, one connection, as readers' browsers ask.
jit_warm_up() {
    local each=$(( JIT_WARMUP_SECONDS / $# ))
    log "Warming up: $JIT_WARMUP_SECONDS s at one connection over $# pages"
    for url in "$@"; do
        wrk -t1 -c1 "-d${each}s" -H 'Accept-Encoding: gzip' "$url" >/dev/null 2>&1 || true
    done
}

q() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

COOKIE_FOR_RUN=""
jit_warm_up "$BASE/bai-viet/$ARTICLE_SLUG" "$BASE/" "$BASE/chuyen-muc/$SECTION_SLUG?trang=2" "$BASE/the/$TAG_SLUG" "$BASE/rss"
# nginx and the article in turns, three times: on a shared machine a neighbour's burst during one 10 s
# run moves a ratio of two runs by a tenth or more. Each turn's ratio is of two runs back to back; the
# table shows the median turn of each and the median ratio, and the three ratios below it.
for turn in 1 2 3; do
    run "nginx: static article" "http://127.0.0.1:$NGINX_PORT/article.html" reader
    run "article" "$BASE/bai-viet/$ARTICLE_SLUG" reader
done
read -r NGINX_RPS ARTICLE_RATIO ARTICLE_RATIOS < <(python3 - "$RESULTS" <<'EOF'
import statistics, sys
path = sys.argv[1]
rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
turns = {name: [r for r in rows if r[0] == name] for name in ("nginx: static article", "article")}
def median_row(found):
    measured = sorted((r for r in found if len(r) > 2), key=lambda r: float(r[1]))
    return measured[len(measured) // 2] if measured else found[0]
ratios = [float(a[1]) / float(n[1]) for n, a in zip(turns["nginx: static article"], turns["article"])
          if len(n) > 2 and len(a) > 2 and float(n[1]) > 0]
kept, written = [], set()
for r in rows:
    if r[0] in turns:
        if r[0] not in written:
            kept.append(median_row(turns[r[0]]))
            written.add(r[0])
    else:
        kept.append(r)
with open(path, "w", encoding="utf-8") as out:
    out.writelines("\t".join(r) + "\n" for r in kept)
nginx = median_row(turns["nginx: static article"])
print(nginx[1] if len(nginx) > 2 else "-", f"{statistics.median(ratios):.2f}" if ratios else "-", ",".join(f"{x:.2f}" for x in ratios) or "-")
EOF
)

run "home" "$BASE/" reader
run "section, page 1" "$BASE/chuyen-muc/$SECTION_SLUG" reader
run "section, page 1000" "$BASE/chuyen-muc/$SECTION_SLUG?trang=1000" reader
run "tag" "$BASE/the/$TAG_SLUG" reader
run "author" "$BASE/tac-gia/$AUTHOR_SLUG" reader
run "/rss" "$BASE/rss" reader
run "/sitemap.xml" "$BASE/sitemap.xml" reader
run "/sitemap-news.xml" "$BASE/sitemap-news.xml" reader

# Every query and the whole render on each request: a second instance with the output cache off.
# Searches are only measured here: with the cache on, a repeated search is a cached page.
log "Starting a second instance with OutputCache:Enabled=false on port $NOCACHE_PORT"
start_app "$NOCACHE_PORT" OutputCache__Enabled=false Workflow__SchedulerEnabled=false
NOCACHE_PID=$STARTED_PID
wait_ready "$NOCACHE_PORT" "$NOCACHE_PID" >/dev/null
NOCACHE="http://127.0.0.1:$NOCACHE_PORT"
jit_warm_up "$NOCACHE/bai-viet/$ARTICLE_SLUG" "$NOCACHE/bai-viet/$ARTICLE_SLUG" "$NOCACHE/chuyen-muc/$SECTION_SLUG" "$NOCACHE/tim-kiem?q=$(q 'kinh tế')"
run "article, uncached" "$NOCACHE/bai-viet/$ARTICLE_SLUG" reader
run "home, uncached" "$NOCACHE/" single
run "section, page 1, uncached" "$NOCACHE/chuyen-muc/$SECTION_SLUG" single
run "section, page 1000, uncached" "$NOCACHE/chuyen-muc/$SECTION_SLUG?trang=1000" single
# Readers reach page 1,000 through page 999's "older articles" link, which names page 999's last article
# (&sau=id): the page starts there in the index instead of stepping over 19,980 entries.
PAGE_1000_LINK="$(curl -fsS "$NOCACHE/chuyen-muc/$SECTION_SLUG?trang=999" | python3 -c '
import html, re, sys
m = re.search(r"<a href=\"([^\"]+)\" rel=\"next\">", sys.stdin.read())
print(html.unescape(m.group(1)) if m else "")')"
run "section, page 1000 by link, uncached" "$NOCACHE${PAGE_1000_LINK:-/chuyen-muc/$SECTION_SLUG?trang=1000&sau=missing}" single
run "tag, uncached" "$NOCACHE/the/$TAG_SLUG" single
run "author, uncached" "$NOCACHE/tac-gia/$AUTHOR_SLUG" single
run "search: kinh tế, uncached" "$NOCACHE/tim-kiem?q=$(q 'kinh tế')" single
run "search: rare word (voọc), uncached" "$NOCACHE/tim-kiem?q=$(q 'voọc')" single
run "search: kinh te (no marks), uncached" "$NOCACHE/tim-kiem?q=$(q 'kinh te')" single
run "search: long phrase, uncached" "$NOCACHE/tim-kiem?q=$(q 'phát triển kinh tế xã hội bền vững tại địa phương trong năm')" single
run "search: năm, uncached" "$NOCACHE/tim-kiem?q=$(q 'năm')" single
NOCACHE_PEAK_KB=$(awk '/^VmHWM/ { print $2 }' "/proc/$NOCACHE_PID/status" 2>/dev/null || echo 0)
kill "$NOCACHE_PID"; wait "$NOCACHE_PID" 2>/dev/null || true

# A browser takes the renewed sign-in cookie each time the session is checked again (once a minute,
# Accounts:SessionRevalidationInterval); wrk replays one cookie, so it is renewed here, just before the
# newsroom's scenarios, which take less than a minute together.
curl -fsS -b "$JAR" -c "$JAR" -o /dev/null "$BASE/newsroom"
COOKIE="$(cookie_header)"
COOKIE_FOR_RUN="$COOKIE"
run "newsroom: editor, 50 KB article" "$BASE/newsroom/articles/$EDIT_ID/edit" newsroom
run "newsroom: autosave, 50 KB (1 editor)" "$BASE/newsroom/articles/$EDIT_ID/autosave" autosave POST "$WORK/autosave.form"
run "newsroom: review queue, 500 waiting" "$BASE/newsroom/review" newsroom
COOKIE_FOR_RUN=""

# --- publishing under load ------------------------------------------------------------------------
# An editor publishes the marked article while readers load the home page; then each public list is
# polled every 50 ms until the article is on it (at most 5 s).
log "Publishing an article while the home page is under load"
wrk -t2 -c64 -d8s -H 'Accept-Encoding: gzip' "$BASE/" >/dev/null 2>&1 &
LOAD_PID=$!
PIDS+=("$LOAD_PID")
sleep 1
curl -fsS -b "$JAR" -c "$JAR" "$BASE/newsroom/review/$PUBLISH_ID" -o "$WORK/review.html"
POST_STARTED=$(now_ms)
PUBLISH_STATUS=$(curl -sS -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code}' "$BASE/newsroom/review/$PUBLISH_ID/publish" \
    --data-urlencode "Version=$(hidden Version "$WORK/review.html")" \
    --data-urlencode "__RequestVerificationToken=$(hidden __RequestVerificationToken "$WORK/review.html")" || true)
# Delays count from the editor's answer: from then on the article is published.
PUBLISHED_AT=$(now_ms)
PUBLISH_MS=$(( PUBLISHED_AT - POST_STARTED ))
declare -A SEEN=()
declare -A WHERE=(
    [home]="$BASE/"
    [section]="$BASE/chuyen-muc/$PUBLISH_SECTION"
    [search]="$BASE/tim-kiem?q=$MARK"
    [rss]="$BASE/rss"
)
# Polls one page every 50 ms (at most 5 s) until it shows the article; says after how long, which
# request saw it and how long that request itself took among the load's. One poller per page, side by
# side, so one page's wait does not add to another's.
poll() { # place, address
    local tries=0 body status_line code
    while [ "$(now_ms)" -lt $(( PUBLISHED_AT + 5000 )) ]; do
        tries=$(( tries + 1 ))
        body=$(curl -s --max-time 5 -w '\n%{http_code} %{time_total}' "$2" || true)
        status_line=${body##*$'\n'}
        code=${status_line% *}
        [[ "$code" =~ ^[0-9]+$ ]] || code=000
        if [ "$code" != 000 ] && [ "$code" -ge 400 ]; then
            echo "page missing ($code)" >"$WORK/seen-$1"
            return
        elif [ "$code" != 000 ] && grep -q "$MARK" <<<"$body"; then
            echo "$(( $(now_ms) - PUBLISHED_AT )) ms (request $tries, itself $(awk -v t="${status_line#* }" 'BEGIN { printf "%.0f", t * 1000 }') ms)" >"$WORK/seen-$1"
            return
        fi
        sleep 0.05
    done
}
if [ "$PUBLISH_STATUS" = 302 ]; then
    POLLERS=()
    for place in "${!WHERE[@]}"; do
        poll "$place" "${WHERE[$place]}" &
        POLLERS+=($!)
        PIDS+=($!)
    done
    wait "${POLLERS[@]}" 2>/dev/null || true
    for place in "${!WHERE[@]}"; do
        [ -f "$WORK/seen-$place" ] && SEEN[$place]="$(cat "$WORK/seen-$place")"
    done
fi
wait "$LOAD_PID" 2>/dev/null || true
# The Publish POST's own time in the app (its request log line), next to what the editor's client waited.
PUBLISH_APP_MS=$(python3 - "$WORK/logs/newsroom-$APP_PORT-" "/newsroom/review/$PUBLISH_ID/publish" <<'EOF'
import glob, json, sys
for name in glob.glob(sys.argv[1] + "*.log"):
    for line in open(name, encoding="utf-8", errors="replace"):
        if sys.argv[2] in line and '"Elapsed"' in line:
            entry = json.loads(line)
            if entry.get("RequestPath") == sys.argv[2] and "Elapsed" in entry:
                print(round(entry["Elapsed"]))
EOF
)

# --- report ---------------------------------------------------------------------------------------
PEAK_KB=$(awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
RSS_KB=$(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
ELAPSED=$(( $(date +%s) - START ))

{
    echo
    echo "NewsroomCms benchmark: $ARTICLES articles, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$REPO" rev-parse --short HEAD)"
    echo "wrk: readers ${READER_LOAD[*]} (Accept-Encoding: gzip), uncached lists and searches ${SINGLE_LOAD[*]}, newsroom ${NEWSROOM_LOAD[*]}, autosave ${AUTOSAVE_LOAD[*]}; each instance first ${JIT_WARMUP_SECONDS} s at one connection, then each scenario a $WARMUP warm-up"
    echo "Load average of the machine (other work included): $LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
    echo
    printf '| %-40s | %9s | %8s | %8s | %7s | %9s | %8s |\n' "scenario" "req/s" "p50 ms" "p99 ms" "4xx/5xx" "bytes/resp" "vs nginx"
    printf '|%s|%s|%s|%s|%s|%s|%s|\n' "------------------------------------------" "----------:" "---------:" "---------:" "--------:" "-----------:" "---------:"
    while IFS=$'\t' read -r name rps p50 p99 bad bytes socket requests; do
        if [ -z "${p50:-}" ]; then
            printf '| %-40s | %9s | %8s | %8s | %7s | %9s | %8s |\n' "$name" "$rps" "" "" "" "" ""
            continue
        fi
        ratio=""
        # Not for the rows measured one request at a time: their requests/s is one reader's.
        if [ -n "$NGINX_RPS" ] && [[ "$name" != nginx* ]] && [[ "$name" != newsroom* ]] && [[ "$name" != search* ]] \
            && ! [[ "$name" =~ ^(home|section|tag|author).*uncached$ ]]; then
            ratio=$(awk -v a="$rps" -v b="$NGINX_RPS" 'BEGIN { if (b > 0) printf "%.2f", a / b }')
        fi
        [ "$name" = article ] && ratio="$ARTICLE_RATIO"
        [ "$socket" != 0 ] && bad="$bad (+$socket socket)"
        printf '| %-40s | %9.0f | %8s | %8s | %7s | %9s | %8s |\n' "$name" "$rps" "$p50" "$p99" "$bad" "$bytes" "$ratio"
    done <"$RESULTS"
    echo
    echo "nginx and the cached article: three turns of each, the median turn of each above; the article's ratio is the median of its turns' ratios: ${ARTICLE_RATIOS//,/, }"
    echo "App start-up to /health/ready: $STARTUP_MS ms; peak resident memory (VmHWM): $(( PEAK_KB / 1024 )) MB, at the end (VmRSS): $(( RSS_KB / 1024 )) MB; the uncached instance's peak: $(( NOCACHE_PEAK_KB / 1024 )) MB"
    if [ "$PUBLISH_STATUS" = 302 ]; then
        echo "Published article $PUBLISH_ID under load (the Publish POST took $PUBLISH_MS ms at the client, ${PUBLISH_APP_MS:-?} ms in the app); then seen on: home ${SEEN[home]:-not within 5 s}, section ${SEEN[section]:-not within 5 s}, search ${SEEN[search]:-not within 5 s}, /rss ${SEEN[rss]:-not within 5 s}"
    else
        echo "Publishing under load failed: the review POST answered $PUBLISH_STATUS"
    fi
    echo "Elapsed: ${ELAPSED} s"
} | tee "$CACHE/last-run-$ARTICLES.txt"
