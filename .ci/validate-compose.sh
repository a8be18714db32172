#!/usr/bin/env bash
# Checks the container files without needing a Docker engine:
#  - docker-compose.yml renders with `docker-compose config`, refuses to render without
#    MSSQL_SA_PASSWORD, and wires db and web as documented;
#  - no password is committed (.env.example leaves it empty, .env is not tracked);
#  - src/NewsroomCms.Web/Dockerfile names its build and runtime stages, runs as a non-root user
#    on port 8080 with ICU globalization, and everything it copies is in the build context
#    that .dockerignore leaves (while bin/, obj/, App_Data/, .env, ... stay out).
# hadolint, where installed, lints the Dockerfile too.
#
# Usage: bash .ci/validate-compose.sh   (from anywhere in a clone; exit status 0 = all good)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

DOCKERFILE=src/NewsroomCms.Web/Dockerfile
COMPOSE_FILE=docker-compose.yml
# Only for rendering the compose file here; never used to run anything.
THROWAWAY_PASSWORD='compose-validation-Only-1'

say() { echo "validate-compose: $*"; }

if ! command -v docker-compose >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing docker-compose (Debian package)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
    else
        say "docker-compose is missing: install it with 'apt-get install docker-compose'" >&2
        exit 1
    fi
fi

# docker-compose depends on these Debian packages; the checks below use the same interpreter.
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c 'import yaml, docker.utils.build' 2>/dev/null; then
    say "$PYTHON cannot import yaml and docker (python3-yaml, python3-docker)" >&2
    exit 1
fi

for f in "$COMPOSE_FILE" "$DOCKERFILE" .dockerignore .env.example; do
    if [ ! -f "$f" ]; then
        say "$f is missing" >&2
        exit 1
    fi
done

# Render with a throwaway password and an empty env file, so that a developer's own .env
# (or an exported variable) neither helps nor hurts.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty.env"

say "docker-compose config with a throwaway MSSQL_SA_PASSWORD"
MSSQL_SA_PASSWORD="$THROWAWAY_PASSWORD" docker-compose --env-file "$work/empty.env" -f "$COMPOSE_FILE" config -q
MSSQL_SA_PASSWORD="$THROWAWAY_PASSWORD" docker-compose --env-file "$work/empty.env" -f "$COMPOSE_FILE" config > "$work/rendered.yml"

say "docker-compose config without MSSQL_SA_PASSWORD must refuse"
if env -u MSSQL_SA_PASSWORD docker-compose --env-file "$work/empty.env" -f "$COMPOSE_FILE" config -q 2>"$work/refused.txt"; then
    say "docker-compose.yml renders without MSSQL_SA_PASSWORD: use \${MSSQL_SA_PASSWORD:?...}" >&2
    exit 1
fi
if ! grep -q 'MSSQL_SA_PASSWORD' "$work/refused.txt"; then
    say "docker-compose refused, but not because of MSSQL_SA_PASSWORD:" >&2
    cat "$work/refused.txt" >&2
    exit 1
fi

tracked_env=""
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    tracked_env=$(git ls-files -- .env)
fi

say "checking the rendered services, the Dockerfile and the build context"
RENDERED="$work/rendered.yml" PASSWORD="$THROWAWAY_PASSWORD" DOCKERFILE="$DOCKERFILE" \
COMPOSE_FILE="$COMPOSE_FILE" TRACKED_ENV="$tracked_env" "$PYTHON" - <<'PY'
import os
import re
import sys

import yaml
from docker.utils.build import PatternMatcher, exclude_paths

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


password = os.environ["PASSWORD"]
dockerfile = os.environ["DOCKERFILE"]
compose_file = os.environ["COMPOSE_FILE"]
root = os.getcwd()

# --- the rendered compose file -------------------------------------------------------------
config = yaml.safe_load(open(os.environ["RENDERED"], encoding="utf-8"))
services = config.get("services") or {}
named_volumes = set((config.get("volumes") or {}).keys())
db = services.get("db") or {}
web = services.get("web") or {}
check(db, "compose: no 'db' service")
check(web, "compose: no 'web' service")


def env_of(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return env


def named_mount(service, target):
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict):
            source, dest = volume.get("source"), volume.get("target")
        else:
            parts = volume.split(":")
            source, dest = (parts[0], parts[1]) if len(parts) > 1 else (None, parts[0])
        if dest == target:
            return source in named_volumes
    return False


db_env = env_of(db)
check(str(db.get("image", "")).startswith("mcr.microsoft.com/mssql/server:"), "db: not the official SQL Server image")
check(db_env.get("ACCEPT_EULA") == "Y", "db: ACCEPT_EULA must be Y")
check(db_env.get("MSSQL_SA_PASSWORD") == password, "db: MSSQL_SA_PASSWORD does not come from the environment")
health = db.get("healthcheck") or {}
test = health.get("test")
test = " ".join(test) if isinstance(test, list) else str(test or "")
check("/opt/mssql-tools18/bin/sqlcmd" in test and " -C " in f" {test} ", "db: health check must use /opt/mssql-tools18/bin/sqlcmd -C")
check(password not in test, "db: the health check must not contain the password itself (use $$MSSQL_SA_PASSWORD)")
check(named_mount(db, "/var/opt/mssql"), "db: /var/opt/mssql must be on a named volume")

web_env = env_of(web)
build = web.get("build") or {}
context = build.get("context", "") if isinstance(build, dict) else str(build)
check(os.path.realpath(context or ".") == os.path.realpath(root), "web: the build context must be the repository root")
check(isinstance(build, dict) and build.get("dockerfile") == dockerfile, f"web: build.dockerfile must be {dockerfile}")
depends = web.get("depends_on") or {}
check(isinstance(depends, dict) and (depends.get("db") or {}).get("condition") == "service_healthy",
      "web: depends_on db must wait for condition: service_healthy")
check(web_env.get("Database__Provider") == "SqlServer", "web: Database__Provider must be SqlServer")
connection = str(web_env.get("ConnectionStrings__Newsroom") or "")
check("Server=db;" in connection and f"Password={password};" in connection,
      "web: ConnectionStrings__Newsroom must reach Server=db with the MSSQL_SA_PASSWORD password")
check(named_mount(web, "/data/media"), "web: /data/media must be on a named volume")
ports = web.get("ports") or []
published = {(str(p.get("published")), str(p.get("target"))) if isinstance(p, dict) else tuple(str(p).rsplit(":", 1)[-2:]) for p in ports}
check(("8080", "8080") in published, "web: port 8080 must be published as 8080")

# --- no committed password -----------------------------------------------------------------
raw_compose = open(compose_file, encoding="utf-8").read().replace('\\"', '"')
for match in re.finditer(r"(?i)(?:password\s*[:=]\s*|-P\s+)([^\s;\"']+|\"[^\"]*\")", raw_compose):
    value = match.group(1).strip('"')
    check(value.startswith("${") or value.startswith("$$"), f"{compose_file}: literal password '{match.group(0)}'")
for line in open(".env.example", encoding="utf-8"):
    if line.startswith("MSSQL_SA_PASSWORD="):
        check(line.strip() == "MSSQL_SA_PASSWORD=", ".env.example: MSSQL_SA_PASSWORD must be left empty")
check(not os.environ.get("TRACKED_ENV"), ".env is tracked by git: remove it (git rm --cached .env)")

# --- the Dockerfile ------------------------------------------------------------------------
instructions = []  # (stage index, keyword, arguments)
stage = -1
stages = []  # (image, name)
pending = ""
for raw in open(dockerfile, encoding="utf-8").read().splitlines():
    line = raw.strip()
    if not pending and (not line or line.startswith("#")):
        continue
    if pending and line.startswith("#"):
        continue
    if line.endswith("\\"):
        pending += line[:-1] + " "
        continue
    line, pending = (pending + line).strip(), ""
    if not line:
        continue
    keyword, _, args = line.partition(" ")
    keyword = keyword.upper()
    if keyword == "FROM":
        words = args.split()
        words = [w for w in words if not w.startswith("--platform")]
        image = words[0] if words else ""
        name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
        stages.append((image, name))
        stage += 1
    instructions.append((stage, keyword, args.strip()))

names = [name for _, name in stages]
check(len(stages) >= 2, "Dockerfile: needs a build stage and a runtime stage")
check(any(image.startswith("mcr.microsoft.com/dotnet/sdk:") and name == "build" for image, name in stages),
      "Dockerfile: no 'FROM mcr.microsoft.com/dotnet/sdk:... AS build' stage")
final_image, final_name = stages[-1] if stages else ("", None)
check(final_image.startswith("mcr.microsoft.com/dotnet/aspnet:") and final_name == "runtime",
      "Dockerfile: the last stage must be 'FROM mcr.microsoft.com/dotnet/aspnet:... AS runtime'")
last = len(stages) - 1
final = [(k, a) for s, k, a in instructions if s == last]
users = [a for k, a in final if k == "USER"]
check(users and users[-1].split(":")[0] not in ("root", "0"), "Dockerfile: the runtime stage must end as a non-root USER")
check(any(k == "EXPOSE" and "8080" in a.split() for k, a in final), "Dockerfile: the runtime stage must EXPOSE 8080")
check(any(k in ("ENTRYPOINT", "CMD") and "NewsroomCms.Web.dll" in a for k, a in final), "Dockerfile: no ENTRYPOINT/CMD running NewsroomCms.Web.dll")
check(any(k == "COPY" and "--from=build" in a for k, a in final), "Dockerfile: the runtime stage copies nothing from the build stage")
env_text = " ".join(a for k, a in final if k == "ENV")
check(re.search(r"\bASPNETCORE_HTTP_PORTS=8080\b", env_text), "Dockerfile: ENV ASPNETCORE_HTTP_PORTS=8080 missing")
check(re.search(r"\bDOTNET_SYSTEM_GLOBALIZATION_INVARIANT=(false|0)\b", env_text, re.I),
      "Dockerfile: ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false missing (vi-VN needs ICU)")
for _, keyword, args in instructions:
    check(not re.search(r"GLOBALIZATION_INVARIANT=(true|1)\b|InvariantGlobalization=true", args, re.I),
          f"Dockerfile: invariant globalization in '{keyword} {args}'")

# --- the build context ---------------------------------------------------------------------
patterns = [line.strip() for line in open(".dockerignore", encoding="utf-8").read().splitlines()]
patterns = [p for p in patterns if p and not p.startswith("#")]
context_files = set(exclude_paths(root, patterns, dockerfile=dockerfile))
for s, keyword, args in instructions:
    if keyword not in ("COPY", "ADD") or "--from=" in args:
        continue
    words = [w for w in args.split() if not w.startswith("--")]
    for source in words[:-1]:
        source = source.rstrip("/") or "."
        if not os.path.exists(source):
            problems.append(f"Dockerfile: '{keyword} {args}' copies {source}, which does not exist")
        elif os.path.isdir(source):
            if not any(f == source or f.startswith(source + "/") for f in context_files):
                problems.append(f"Dockerfile: {source}/ is left out of the build context by .dockerignore")
        elif source not in context_files:
            problems.append(f"Dockerfile: {source} is left out of the build context by .dockerignore")
matcher = PatternMatcher(patterns)


def left_out(path):
    # As Docker does: a file is left out when it or one of its folders matches.
    parts = path.split("/")
    return any(matcher.matches("/".join(parts[:i])) for i in range(1, len(parts) + 1))


for path in (".env", ".git/HEAD", "src/NewsroomCms.Web/bin/Release/net10.0/NewsroomCms.Web.dll",
             "src/NewsroomCms.Web/obj/project.assets.json", "src/NewsroomCms.Web/App_Data/newsroom.db",
             "src/NewsroomCms.Web/App_Data/media/photo.jpg", "src/NewsroomCms.Web/node_modules/tinymce/tinymce.js",
             "tests/NewsroomCms.Tests/bin/Debug/net10.0/NewsroomCms.Tests.dll"):
    check(left_out(path), f".dockerignore: {path} would be sent to the build")

if problems:
    for problem in problems:
        print(f"validate-compose: {problem}", file=sys.stderr)
    sys.exit(1)
print(f"validate-compose: {len(stages)} stages ({', '.join(str(n) for n in names)}), "
      f"services {', '.join(sorted(services))}, {len(context_files)} files in the build context")
PY

if command -v hadolint >/dev/null 2>&1; then
    say "hadolint $DOCKERFILE"
    hadolint "$DOCKERFILE"
else
    say "hadolint not installed (no Debian package): skipped"
fi

say "ok"
