# Shared setup for scripts/serve, test, pdf and bench (sourced, not run): system-deps.txt and .venv.
# Creates .venv with the pinned Python packages; needs only Python 3.11+ and git.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NO_MKDOCS_2_WARNING=1  # Material's end-of-life notice on every build

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "error: '$*' needs root; run it as root or install sudo" >&2; return 1
  fi
}

deb_installed() {  # deb_installed PACKAGE : true if the package is installed (a removed
  # package whose configuration files are left behind is not, though dpkg still knows it)
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

apt_install() {  # apt_install PACKAGE... : install Debian packages that are missing
  local missing=()
  for p in "$@"; do deb_installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

python_venv() {  # python_venv REQUIREMENTS_FILE : .venv with the pinned packages
  local req="$1"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv 2>/dev/null || { apt_install python3-venv && rm -rf .venv && python3 -m venv .venv; }
  fi
  local stamp=".venv/.installed-$(sha256sum "$req" requirements.txt | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
    touch "$stamp"
  fi
  export PATH="$ROOT/.venv/bin:$PATH"
}

node_deps() {  # node_deps [--with-dev] : node_modules from package-lock.json (exact versions)
  local stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)${1:-}"
  if [ ! -f "$stamp" ]; then
    if [ "${1:-}" = "--with-dev" ]; then
      npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    else
      npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
    fi
    touch "$stamp"
  fi
}

manifest_rows() {  # manifest_rows KIND ROLE : "package programs" for each row of system-deps.txt
  awk -v kind="$1" -v role="$2" '
    /^[[:space:]]*#/ || NF < 4 { next }
    $1 == kind && ("," $4 ",") ~ ("," role ",") { print $2, $3 }' "$ROOT/system-deps.txt"
}

system_deps() {  # system_deps ROLE : install what system-deps.txt lists for serve, test, pdf or bench
  local role="$1" pkg progs missing=() p present
  while read -r pkg progs; do
    deb_installed "$pkg" && continue
    present=1
    if [ "$progs" = "-" ]; then present=0
    else for p in ${progs//,/ }; do command -v "$p" >/dev/null 2>&1 || present=0; done
    fi
    [ "$present" = 1 ] || missing+=("$pkg")
  done < <(manifest_rows debian "$role")
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  local npm_rows
  npm_rows="$(manifest_rows npm "$role" | cut -d' ' -f1)"
  if [ -n "$npm_rows" ]; then
    if python3 -c 'import json,sys; d=json.load(open("package.json")).get("devDependencies",{}); sys.exit(0 if set(sys.argv[1:]) & set(d) else 1)' $npm_rows; then
      node_deps --with-dev
    else
      node_deps
    fi
  fi
}
