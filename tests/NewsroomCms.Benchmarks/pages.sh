#!/usr/bin/env bash
# Page quality of the readers' site: every public page type through the Nu Html Checker, and Lighthouse
# (mobile) on the home, a section and an article page, with demo content. Loopback only; every process it
# starts is stopped on exit. See README.md beside this file.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: tests/NewsroomCms.Benchmarks/pages.sh [--runs N] [--app DIR] [--keep]

  --runs N    Lighthouse runs per page (default 3); the table shows the median of each score
  --app DIR   use the app already published in DIR (dotnet publish -c Release -r linux-x64 --self-contained false -o DIR)
  --keep      keep the temporary folder (published app, database, pages, Lighthouse reports) for a look afterwards
EOF
}

RUNS=3
KEEP=0
APP_DIR=
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="${2:-}"; shift 2 ;;
        --app) APP_DIR="${2:-}"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "--runs needs a positive whole number" >&2; exit 2; }

REPO="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=common.sh
source "$REPO/tests/NewsroomCms.Benchmarks/common.sh"
TOOLS="${XDG_CACHE_HOME:-$HOME/.cache}/newsroomcms-pages"
LIGHTHOUSE_VERSION=12.2.3
VNU_VERSION=26.9.27
CHROME="${CHROME_PATH:-/usr/bin/chromium}"
PORT=5394
BASE="http://127.0.0.1:$PORT"
# Generated on top of the demo articles: photos, bylines of two or three, and more than a page of some sections.
GENERATED=200

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
START=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WORK="$(mktemp -d /tmp/newsroomcms-pages.XXXXXX)"
PIDS=()

cleanup() {
    local status=$?
    # A failed fetch is most often the app gone: say so, with the end of its log.
    if [ "$status" != 0 ] && [ -n "${APP_PID:-}" ] && ! kill -0 "$APP_PID" 2>/dev/null; then
        echo "The app is no longer running; the end of its log:" >&2
        tail -5 "$WORK/app.log" >&2
    fi
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
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
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ -x "$CHROME" ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x "$CHROME" ] || CHROME="$(command -v chromium)"

installed_version() { # package name: its version under $TOOLS, or nothing
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$TOOLS/node_modules/$1/package.json" 2>/dev/null || true
}
if [ "$(installed_version lighthouse)" != "$LIGHTHOUSE_VERSION" ] || [ "$(installed_version vnu-jar)" != "$VNU_VERSION" ]; then
    log "Installing lighthouse@$LIGHTHOUSE_VERSION and vnu-jar@$VNU_VERSION into $TOOLS"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION" "vnu-jar@$VNU_VERSION" >/dev/null
fi
LIGHTHOUSE="$TOOLS/node_modules/.bin/lighthouse"
VNU_JAR="$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar"
# Lighthouse 12.2.3 reads each frame's number from the trace's "chrome_frame_reporter", which newer Chromium
# (156 here) calls "frame_reporter". Unpatched, every audit built on the trace's elements fails with "Cannot
# read properties of undefined (reading 'frame_sequence')": the largest paint's element, whether it is lazy
# or prioritized, render-blocking requests, layout shifts. The scores do not depend on them. The patch
# reads either name, in this folder's copy only.
TRACE_HANDLER="$TOOLS/node_modules/@paulirish/trace_engine/models/trace/handlers/ScreenshotsHandler.js"
if grep -q 'beginEvent\.args\.chrome_frame_reporter\.frame_sequence' "$TRACE_HANDLER" 2>/dev/null; then
    sed -i 's/evt\.args\.data\.beginEvent\.args\.chrome_frame_reporter\.frame_sequence/(evt.args.data.beginEvent.args.chrome_frame_reporter ?? evt.args.data.beginEvent.args.frame_reporter).frame_sequence/' "$TRACE_HANDLER"
fi

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
DB="$WORK/pages.db"
MEDIA="$WORK/media"

# As readers get the site: production settings (output cache, compression, fingerprinted static files), demo content.
app_env() { # then the command, with any extra VAR=value before it
    env ASPNETCORE_ENVIRONMENT=Production \
        "ConnectionStrings__Newsroom=Data Source=$DB" \
        "Media__Root=$MEDIA" \
        Demo__Seed=true \
        "Serilog__WriteTo__1__Args__path=$WORK/logs/newsroom-.log" \
        "$@"
}
admin() { (cd "$WORK/app" && app_env Serilog__MinimumLevel__Default=Warning dotnet "$APP_DLL" "$@"); }

# --- the content ----------------------------------------------------------------------------------
# The demo paper, then generated articles for what the demo lacks: photos, bylines of two, a second page of
# a section. An editor account does what the newsroom would (below).
EMAIL="pages-editor@example.com"
PASSWORD="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)a7"
log "Preparing the database: the demo content, $GENERATED generated articles and an editor"
admin seed-demo >/dev/null
admin generate-articles --count "$GENERATED" --seed 1 >/dev/null
printf '%s\n' "$PASSWORD" | admin create-user --email "$EMAIL" --name "Biên tập viên Trang" --role Editor >/dev/null

# The article to correct: the newest with a photo, two pen names and a tag shared with another article (so
# it has related articles). The front page: the five newest with photos. Taken down: the oldest.
CORRECT_ID="$(sql "SELECT a.Id FROM Articles a WHERE a.Status = 4 AND a.FeaturedImageId IS NOT NULL
    AND (SELECT count(*) FROM ArticleAuthors x WHERE x.ArticleId = a.Id) = 2
    AND EXISTS (SELECT 1 FROM ArticleTags t JOIN ArticleTags u ON u.TagId = t.TagId AND u.ArticleId <> t.ArticleId WHERE t.ArticleId = a.Id)
    ORDER BY a.PublishedAt DESC LIMIT 1;")"
mapfile -t FRONT_IDS < <(sql "SELECT Id FROM Articles WHERE Status = 4 AND FeaturedImageId IS NOT NULL ORDER BY PublishedAt DESC LIMIT 5;")
TAKE_DOWN_ID="$(sql "SELECT Id FROM Articles WHERE Status = 4 ORDER BY PublishedAt LIMIT 1;")"
TAKEN_DOWN_SLUG="$(sql "SELECT Slug FROM Articles WHERE Id = $TAKE_DOWN_ID;")"
[ -n "$CORRECT_ID" ] && [ ${#FRONT_IDS[@]} = 5 ] || { echo "The generated articles have too few photos or bylines of two" >&2; exit 1; }

# --- start the site -------------------------------------------------------------------------------
log "Starting the app on 127.0.0.1:$PORT"
(cd "$WORK/app" && exec env ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Newsroom=Data Source=$DB" \
    "Media__Root=$MEDIA" Demo__Seed=true "Serilog__WriteTo__1__Args__path=$WORK/logs/newsroom-.log" dotnet "$APP_DLL") >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=("$APP_PID")
for _ in $(seq 1 1200); do
    curl -fs -o /dev/null "$BASE/health/ready" && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "The app stopped:" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
    sleep 0.1
done
curl -fs -o /dev/null "$BASE/health/ready" || { echo "The app was not ready after 120 s" >&2; exit 1; }

# --- the newsroom's part: front page, a correction, an article taken down -------------------------
JAR="$WORK/cookies.txt"
post() { # url, form page (html file), then --data-urlencode fields; fails unless answered with a redirect
    local url="$1" page="$2" status
    shift 2
    status=$(curl -sS -b "$JAR" -c "$JAR" -o "$WORK/post.html" -w '%{http_code}' "$url" \
        --data-urlencode "__RequestVerificationToken=$(hidden __RequestVerificationToken "$page")" "$@")
    [ "$status" = 302 ] || { echo "POST $url answered $status" >&2; exit 1; }
}
log "Signing in as $EMAIL; choosing the front page, correcting article $CORRECT_ID, taking down article $TAKE_DOWN_ID"
curl -fsS -c "$JAR" -b "$JAR" "$BASE/account/login" -o "$WORK/login.html"
post "$BASE/account/login" "$WORK/login.html" --data-urlencode "Email=$EMAIL" --data-urlencode "Password=$PASSWORD"

curl -fsS -b "$JAR" -c "$JAR" "$BASE/newsroom/front-page" -o "$WORK/front-page.html"
front=()
for i in "${!FRONT_IDS[@]}"; do
    front+=(--data-urlencode "Articles[$i]=${FRONT_IDS[$i]}")
done
post "$BASE/newsroom/front-page" "$WORK/front-page.html" --data-urlencode "Version=$(hidden Version "$WORK/front-page.html")" "${front[@]}"

curl -fsS -b "$JAR" -c "$JAR" "$BASE/newsroom/review/$CORRECT_ID" -o "$WORK/review.html"
post "$BASE/newsroom/review/$CORRECT_ID/correct" "$WORK/review.html" --data-urlencode "Version=$(hidden Version "$WORK/review.html")" \
    --data-urlencode "Notice=Bài viết đã sửa tên xã: xã Tân Phú, không phải xã Tân Phước như đã đăng."

curl -fsS -b "$JAR" -c "$JAR" "$BASE/newsroom/review/$TAKE_DOWN_ID" -o "$WORK/review.html"
post "$BASE/newsroom/review/$TAKE_DOWN_ID/take-down" "$WORK/review.html" --data-urlencode "Version=$(hidden Version "$WORK/review.html")" \
    --data-urlencode "Note=Gỡ bài theo yêu cầu của ban biên tập."

# --- one address per page type, found as a reader or a crawler finds them -------------------------
log "Finding one page of each type from the home page and the sitemap"
python3 - "$BASE" "$TAKEN_DOWN_SLUG" >"$WORK/pages.tsv" <<'EOF'
import html, re, sys, urllib.error, urllib.parse, urllib.request
base, taken_down = sys.argv[1], sys.argv[2]

def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return ""

def local(url):
    return url[len(base):] if url.startswith(base) else url

home = get("/")
sitemap = re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", get("/sitemap.xml"))
sections = [local(loc) for loc, _ in sitemap if "/chuyen-muc/" in loc]
# Sections in the home page's navigation first, then the sitemap's.
sections = list(dict.fromkeys(re.findall(r'<a href="(/chuyen-muc/[^"?]+)"', home) + sections))
section = second_page = None
for path in sections:
    found = re.search(r'<a href="([^"]+)" rel="next"', get(path))
    if found:
        # As a browser follows it: "&amp;" in the page's HTML is "&" in the address.
        section, second_page = path, html.unescape(found.group(1))
        break

# The article page with everything an article can show; recently changed articles first.
wanted = ['<figure class="featured">', 'class="corrections"', 'class="related"', 'class="most-read"', '<ul class="tags"']
article = page = None
for loc, _ in sorted(((loc, lastmod) for loc, lastmod in sitemap if "/bai-viet/" in loc), key=lambda x: x[1], reverse=True):
    page = get(local(loc))
    if all(w in page for w in wanted) and page.count('rel="author"') == 2:
        article = local(loc)
        break
if not (section and article):
    sys.exit("No section with a second page, or no article with a photo, two pen names, a correction, tags and related articles")
tag = re.search(r'<a href="(/the/[^"]+)"', page).group(1)
author = re.search(r'<a href="(/tac-gia/[^"]+)" rel="author"', page).group(1)
title = re.search(r"<h1>([^<]+)</h1>", page).group(1)
words = " ".join(title.split()[:2])

q = lambda text: "/tim-kiem?q=" + urllib.parse.quote(text)
for name, path, status in [
    ("home", "/", 200),
    ("section", section, 200),
    ("section, page 2", second_page, 200),
    ("article", article, 200),
    ("tag", tag, 200),
    ("author", author, 200),
    ("search: results", q(words), 200),
    ("search: no results", q("zqxjvw"), 200),
    ("search: empty query", "/tim-kiem?q=", 200),
    ("search: no words", q('"*-'), 200),
    ("404 not found", "/khong-co-trang-nay", 404),
    ("410 taken down", "/bai-viet/" + taken_down, 410),
]:
    print(f"{name}\t{path}\t{status}")
EOF

# Each page as a browser gets it (compressed when it may be), saved decompressed for the checker. Its weight
# is what crosses the network for the page, its stylesheets and scripts (images and the icon not counted).
i=0
while IFS=$'\t' read -r name path expected; do
    i=$((i + 1))
    file="$WORK/page-$i.html"
    read -r status bytes < <(curl -s --compressed -o "$file" -w '%{http_code} %{size_download}\n' "$BASE$path")
    [ "$status" = "$expected" ] || { echo "$name ($path) answered $status, not $expected" >&2; exit 1; }
    for asset in $(python3 -c 'import re, sys; print(" ".join(re.findall(r"<(?:link[^>]*rel=\"stylesheet\"[^>]*href|script[^>]*src)=\"([^\"]+)\"", open(sys.argv[1], encoding="utf-8").read())))' "$file"); do
        bytes=$(( bytes + $(curl -s --compressed -o /dev/null -w '%{size_download}' "$BASE$asset") ))
    done
    printf '%s\t%s\t%s\t%s\n' "$name" "$path" "$file" "$bytes" >>"$WORK/fetched.tsv"
done <"$WORK/pages.tsv"

# --- the Nu Html Checker ------------------------------------------------------------------------
log "Checking $i pages with the Nu Html Checker $VNU_VERSION"
java -jar "$VNU_JAR" --format json --exit-zero-always $(cut -f3 "$WORK/fetched.tsv") 2>"$WORK/vnu.json"

# --- Lighthouse ---------------------------------------------------------------------------------
for name in home section article; do
    path=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$WORK/fetched.tsv")
    for run in $(seq 1 "$RUNS"); do
        log "Lighthouse $LIGHTHOUSE_VERSION, mobile: $name ($path), run $run of $RUNS"
        timeout 300 "$LIGHTHOUSE" "$BASE$path" --chrome-path="$CHROME" --chrome-flags="--headless=new --no-sandbox" \
            --only-categories=performance,accessibility,best-practices,seo --form-factor=mobile \
            --output=json --output-path="$WORK/lighthouse-$name-$run.json" --quiet \
            || log "Lighthouse failed on $name, run $run"
    done
done

# --- report ---------------------------------------------------------------------------------------
ELAPSED=$(( $(date +%s) - START ))
{
    echo
    echo "NewsroomCms page quality: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$REPO" rev-parse --short HEAD)"
    echo "Nu Html Checker $VNU_VERSION; Lighthouse $LIGHTHOUSE_VERSION, mobile, median of $RUNS runs, $("$CHROME" --version 2>/dev/null | head -1)"
    echo "Load average of the machine (other work included): $LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
    echo
    python3 - "$WORK" "$RUNS" <<'EOF'
import json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
pages = [line.rstrip("\n").split("\t") for line in open(f"{work}/fetched.tsv", encoding="utf-8")]
messages = json.load(open(f"{work}/vnu.json", encoding="utf-8"))["messages"]
categories = ["performance", "accessibility", "best-practices", "seo"]

def checked(file, kind):
    mine = [m for m in messages if m.get("url", "").endswith("/" + file.rsplit("/", 1)[1])]
    if kind == "error":
        return sum(1 for m in mine if m["type"] in ("error", "non-document-error"))
    return sum(1 for m in mine if m["type"] == "info" and m.get("subType") == "warning")

rows, notes = [], []
for name, path, file, weight in pages:
    scores = [""] * 4
    if name in ("home", "section", "article"):
        reports = []
        for run in range(1, runs + 1):
            try:
                reports.append(json.load(open(f"{work}/lighthouse-{name}-{run}.json", encoding="utf-8")))
            except (OSError, ValueError):
                pass
        if reports:
            for i, category in enumerate(categories):
                values = [round(r["categories"][category]["score"] * 100) for r in reports if r["categories"][category]["score"] is not None]
                median = round(statistics.median(values)) if values else "?"
                scores[i] = f"{median} ({min(values)}–{max(values)})" if values and len(set(values)) > 1 else str(median)
            # What to look at: every audit below full marks in some run, with what each such run measured.
            # Metrics count when they weigh in a score (not Time to Interactive or Max Potential FID).
            weighted = {ref["id"] for category in reports[0]["categories"].values() for ref in category["auditRefs"] if ref.get("weight")}
            failed = {}
            for r in reports:
                for key, audit in r["audits"].items():
                    mode = audit["scoreDisplayMode"]
                    if mode == "error":
                        failed.setdefault(key, []).append("did not run: " + (audit.get("errorMessage") or "")[:80])
                    elif (mode in ("binary", "metricSavings") or (mode == "numeric" and key in weighted)) and audit["score"] is not None and audit["score"] < 1:
                        failed.setdefault(key, []).append(f"{audit.get('displayValue') or audit['title']} ({audit['score']:g})")
            median_of = lambda key: statistics.median(r["audits"][key]["numericValue"] for r in reports)
            timings = (f"FCP {median_of('first-contentful-paint') / 1000:.1f} s, LCP {median_of('largest-contentful-paint') / 1000:.1f} s, "
                       f"TBT {median_of('total-blocking-time'):.0f} ms, CLS {median_of('cumulative-layout-shift'):.3f}")
            lcp = "?"
            try:
                lcp = reports[-1]["audits"]["largest-contentful-paint-element"]["details"]["items"][0]["items"][0]["node"]["selector"]
            except (KeyError, IndexError, TypeError):
                pass
            notes.append(f"{name}: {timings}; largest paint: {lcp}")
            # Lighthouse's own measure of the machine's speed at the start of each run: on a shared machine
            # it moves by half between runs minutes apart, so each score is shown next to it.
            notes.append("  Performance by run (benchmarkIndex): " + ", ".join(
                f"{round(r['categories']['performance']['score'] * 100)} ({r['environment']['benchmarkIndex']:.0f})"
                for r in reports if r["categories"]["performance"]["score"] is not None))
            notes.extend(f"  {key}, {len(values)} of {len(reports)} runs: {'; '.join(values)}" for key, values in sorted(failed.items()))
        else:
            scores = ["failed"] * 4
    rows.append([name, path if len(path) <= 44 else path[:43] + "…", str(checked(file, "error")), str(checked(file, "warning")), *scores, weight])

header = ["page", "address", "vnu errors", "vnu warnings", "Performance", "Accessibility", "Best Practices", "SEO", "bytes"]
widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]
right = {2, 3, 4, 5, 6, 7, 8}
line = lambda cells: "| " + " | ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)) + " |"
print(line(header))
print("|" + "|".join("-" * (w + 1) + (":" if i in right else "-") for i, w in enumerate(widths)) + "|")
for r in rows:
    print(line(r))
print()
print("bytes: the page with its stylesheets and scripts, compressed as sent to a browser (images not counted).")
print("Lighthouse: median metrics, the largest paint's element, and every audit below full marks in any run (its score):")
for note in notes:
    print(note)
errors = [m for m in messages if m["type"] in ("error", "non-document-error") or m.get("subType") == "warning"]
if errors:
    print()
    print("Nu Html Checker messages:")
    names = {file.rsplit("/", 1)[1]: name for name, _, file, _ in pages}
    for m in errors:
        print(f"  {names.get(m.get('url', '').rsplit('/', 1)[-1], '?')}: line {m.get('lastLine', '?')}: {m['type']}{'/' + m['subType'] if 'subType' in m else ''}: {m['message']}")
EOF
    echo
    echo "Elapsed: ${ELAPSED} s"
} | tee "$TOOLS/last-run.txt"
