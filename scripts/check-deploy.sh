#!/usr/bin/env bash
# Offline checks of everything that deploys the platform to Kubernetes (no cluster, no Docker):
#   1. every Helm chart: `helm lint --strict` (values against values.schema.json), then
#      `helm template` with the default values and with each values-*.yaml and ci/*.yaml, and
#      every rendered object strictly decoded into its Kubernetes or Dapr Go type (unknown
#      fields fail) plus the workload rules (tools/k8s-check -policy);
#   2. the Dapr resources in dapr/ (self-hosted and Kubernetes) against Dapr's own Go types;
#   3. the GitHub workflows with actionlint (which also shellchecks their run: blocks);
#   4. every shell script with shellcheck;
#   5. the Dockerfiles: one per service, multi-stage, Debian based, non-root user;
#   6. the ports: every copy of a port in dapr.yaml, the self-hosted Dapr components, the
#      Dockerfiles' EXPOSE, the charts' app ports and README.md equals ports.txt, their only
#      home (tools/ports/check.py);
#   7. tests/deploy/test_check_deploy.sh: broken copies must fail these checks, and each deploy
#      script's --dry-run prints its steps and runs nothing.
# Tools come from the registries and are cached in $TODO_CACHE/bin by exact version: helm and
# actionlint built from the Go module proxy, k8s-check from tools/k8s-check, shellcheck from Debian.
#   scripts/check-deploy.sh [ROOT]    check another tree (a copy); or CHECK_DEPLOY_ROOT=ROOT
#   CHECK_DEPLOY_ONLY="helm dapr workflows scripts docker ports tests"   run only these stages
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"

HELM_VERSION=v3.22.0
ACTIONLINT_VERSION=v1.7.12
root="$(cd "${1:-${CHECK_DEPLOY_ROOT:-$ROOT}}" && pwd)"
only="${CHECK_DEPLOY_ONLY:-helm dapr workflows scripts docker ports tests}"
bin="$TODO_CACHE/bin"
started=$SECONDS
failures=0

want() { [[ " $only " == *" $1 "* ]]; }
fail() {
  log "FAIL: $*"
  failures=$((failures + 1))
}

# go_ready: a Go toolchain >= 1.26 on PATH (the one that builds daprd).
go_ready() {
  if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
    PATH="/usr/local/go/bin:$PATH"
    export PATH
  fi
  command -v go >/dev/null 2>&1 || die "no Go toolchain: install Go >= 1.26 (e.g. at /usr/local/go)"
}

# go_tool NAME VERSION PACKAGE: builds PACKAGE@VERSION once into $bin/NAME-VERSION.
go_tool() {
  local name="$1" version="$2" pkg="$3" out="$bin/$1-$2"
  if [ ! -x "$out" ]; then
    go_ready
    log "building $name $version from the Go module proxy (once)"
    mkdir -p "$bin"
    local tmp
    tmp="$(mktemp -d)"
    GOBIN="$tmp" GOFLAGS=-buildvcs=false nice -n 10 go install "$pkg@$version" ||
      { rm -rf "$tmp"; die "could not build $name $version"; }
    mv "$tmp/$name" "$out"
    rm -rf "$tmp"
  fi
  printf '%s' "$out"
}

# k8s_check_tool: tools/k8s-check built once per content of its sources.
k8s_check_tool() {
  local src="$ROOT/tools/k8s-check" sum out
  sum="$(cat "$src/go.mod" "$src/go.sum" "$src"/*.go | sha256sum | cut -c1-16)"
  out="$bin/k8s-check-$sum"
  if [ ! -x "$out" ]; then
    go_ready
    log "building tools/k8s-check (once per source change)"
    mkdir -p "$bin"
    rm -f "$bin"/k8s-check-*  # builds of older sources
    (cd "$src" && GOFLAGS=-buildvcs=false nice -n 10 go build -o "$out.tmp" .) || die "could not build tools/k8s-check"
    mv "$out.tmp" "$out"
  fi
  printf '%s' "$out"
}

log "== deployment checks of $root (stages: $only)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if want helm || want dapr; then
  K8S_CHECK="$(k8s_check_tool)"
fi

if want helm; then
  HELM="$(go_tool helm "$HELM_VERSION" helm.sh/helm/v3/cmd/helm)"
  export HELM_CACHE_HOME="$work/helm-cache" HELM_CONFIG_HOME="$work/helm-config" HELM_DATA_HOME="$work/helm-data"
  # Work on a copy: `helm dependency update` writes charts/ and Chart.lock.
  cp -r "$root/helm" "$work/helm"
  rm -rf "$work"/helm/*/charts "$work"/helm/*/Chart.lock
  charts=0
  # In name order, so the service charts have vendored helm/todo-common before the umbrella
  # chart (todo-platform) packages them.
  for chart in "$work"/helm/*/; do
    chart="${chart%/}"
    name="$(basename "$chart")"
    [ -f "$chart/Chart.yaml" ] || continue
    charts=$((charts + 1))
    [ -f "$chart/values.schema.json" ] || grep -q '^type: library' "$chart/Chart.yaml" ||
      fail "helm/$name has no values.schema.json"
    if grep -q '^dependencies:' "$chart/Chart.yaml"; then
      "$HELM" dependency update --skip-refresh "$chart" >"$work/dep.log" 2>&1 ||
        { cat "$work/dep.log" >&2; fail "helm dependency update helm/$name"; continue; }
    fi
    "$HELM" lint --strict --quiet "$chart" >"$work/lint.log" 2>&1 ||
      { cat "$work/lint.log" >&2; fail "helm lint --strict helm/$name"; }
    grep -q '^type: library' "$chart/Chart.yaml" && continue
    # Default values, then every values file the chart ships (production, cloud, ci/).
    variants=("")
    for f in "$chart"/values-*.yaml "$chart"/ci/*.yaml; do [ -f "$f" ] && variants+=("$f"); done
    for v in "${variants[@]}"; do
      label="helm/$name${v:+ with ${v#"$work/"}}"
      args=(template todo "$chart" --namespace todo)
      [ -z "$v" ] || args+=(-f "$v")
      if [ -n "$v" ]; then
        "$HELM" lint --strict --quiet "$chart" -f "$v" >"$work/lint.log" 2>&1 ||
          { cat "$work/lint.log" >&2; fail "helm lint --strict $label"; continue; }
      fi
      if ! "$HELM" "${args[@]}" >"$work/rendered.yaml" 2>"$work/render.log"; then
        cat "$work/render.log" >&2
        fail "helm template $label"
        continue
      fi
      if out="$("$K8S_CHECK" -policy "$work/rendered.yaml" 2>&1)"; then
        log "ok   $label: ${out#k8s-check: }"
      else
        printf '%s\n' "$out" >&2
        fail "rendered objects of $label"
      fi
    done
  done
  ((charts > 0)) || fail "no charts under $root/helm"
fi

if want dapr; then
  for dir in "$root/dapr/self-hosted" "$root/dapr/kubernetes"; do
    if out="$("$K8S_CHECK" "$dir" 2>&1)"; then
      log "ok   ${dir#"$root/"}: ${out#k8s-check: }"
    else
      printf '%s\n' "$out" >&2
      fail "Dapr resources in ${dir#"$root/"}"
    fi
  done
fi

if want workflows || want scripts; then
  apt_install shellcheck
fi

if want workflows; then
  ACTIONLINT="$(go_tool actionlint "$ACTIONLINT_VERSION" github.com/rhysd/actionlint/cmd/actionlint)"
  mapfile -t workflows < <(find "$root/.github/workflows" -name '*.yml' -o -name '*.yaml' 2>/dev/null | sort)
  if ((${#workflows[@]} == 0)); then
    fail "no workflows in .github/workflows"
  elif (cd "$root" && "$ACTIONLINT" -shellcheck "$(command -v shellcheck)" "${workflows[@]}"); then
    log "ok   actionlint: ${#workflows[@]} workflow(s)"
  else
    fail "actionlint"
  fi
fi

if want scripts; then
  mapfile -t scripts < <(find "$root/scripts" "$root/docker" "$root/tests/deploy" "$root/tests/scripts" -name '*.sh' 2>/dev/null | sort)
  if shellcheck -x -P SCRIPTDIR "${scripts[@]}"; then
    log "ok   shellcheck: ${#scripts[@]} script(s)"
  else
    fail "shellcheck"
  fi
fi

if want docker; then
  for svc in task-service recurrence-service reminder-scheduler notification-service frontend; do
    f="$root/docker/$svc.Dockerfile"
    if [ ! -f "$f" ]; then fail "missing docker/$svc.Dockerfile"; continue; fi
    (($(grep -c '^FROM ' "$f") >= 2)) || fail "docker/$svc.Dockerfile is not a multi-stage build"
    grep -q '^FROM debian:.*-slim AS runtime' "$f" || fail "docker/$svc.Dockerfile: runtime stage must be Debian slim"
    grep -Eq '^USER [1-9][0-9]*' "$f" || fail "docker/$svc.Dockerfile: must run as a numeric non-root USER"
    grep -q "^ENTRYPOINT \[\"/app/$svc\"\]" "$f" || fail "docker/$svc.Dockerfile: ENTRYPOINT must be /app/$svc"
  done
  grep -q 'web/dist /app/web' "$root/docker/frontend.Dockerfile" 2>/dev/null ||
    fail "docker/frontend.Dockerfile must carry the built web assets"
  [ -f "$root/.dockerignore" ] || fail "missing .dockerignore"
  ((failures)) || log "ok   Dockerfiles"
fi

if want ports; then
  if out="$(python3 "$ROOT/tools/ports/check.py" "$root" 2>&1)"; then
    log "ok   ${out#ports: }"
  else
    printf '%s\n' "$out" >&2
    fail "ports that disagree with ports.txt"
  fi
fi

if want tests && [ "${CHECK_DEPLOY_NESTED:-0}" = 0 ]; then
  bash "$root/tests/deploy/test_check_deploy.sh" || fail "tests/deploy/test_check_deploy.sh"
fi

if ((failures)); then
  log "deployment checks FAILED: $failures problem(s) ($((SECONDS - started))s)"
  exit 1
fi
log "deployment checks passed in $((SECONDS - started))s"
