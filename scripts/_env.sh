# Shared setup for scripts/serve and scripts/test (sourced, not run).
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

apt_install() {  # apt_install PACKAGE... : install Debian packages that are missing
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
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
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
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
