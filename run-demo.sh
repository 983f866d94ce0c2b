#!/usr/bin/env bash
# One command starts the whole local GFMIS sign-in system: builds the project, then runs the demo
# launcher (Keycloak 26.7 with the GFMIS provider and realms, a mail catcher with a web inbox, and
# a small OpenID Connect demo app). Ctrl-C stops everything. See docs/demo.md.
#
#   ./run-demo.sh                      build, then start on the default ports
#   ./run-demo.sh --skip-build         start what the last build produced
#   ./run-demo.sh --help               launcher options (ports, keeping data)
#   DEMO_HTTP_PORT=8180 DEMO_MANAGEMENT_PORT=9100 DEMO_SMTP_PORT=3125 DEMO_WEB_PORT=8125 ./run-demo.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

skip_build="${DEMO_SKIP_BUILD:-false}"
launcher_args=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) skip_build=true ;;
    --help|-h) skip_build=true; launcher_args+=("$arg") ;;
    *) launcher_args+=("$arg") ;;
  esac
done

if ! command -v java >/dev/null 2>&1; then
  echo "run-demo.sh: Java 17 or newer is needed (no 'java' on PATH)." >&2
  exit 1
fi
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [[ -z "$java_major" || "${java_major%%.*}" -lt 17 ]]; then
  echo "run-demo.sh: Java 17 or newer is needed (found ${java_major:-unknown})." >&2
  exit 1
fi

if [[ "$skip_build" != "true" ]]; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "run-demo.sh: Maven is needed to build the project (no 'mvn' on PATH)." >&2
    exit 1
  fi
  echo "Building the project: mvn -B -q install -DskipTests (a few minutes the first time) ..."
  mvn -B -q install -DskipTests
fi

if [[ ! -f demo/target/gfmis-demo.jar ]]; then
  echo "run-demo.sh: demo/target/gfmis-demo.jar is missing; run without --skip-build." >&2
  exit 1
fi

# exec: the launcher replaces this shell, so Ctrl-C and kill reach it directly.
exec java ${DEMO_JAVA_OPTS:-} -jar demo/target/gfmis-demo.jar ${launcher_args[@]+"${launcher_args[@]}"}
