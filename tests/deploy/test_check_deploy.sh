#!/usr/bin/env bash
# Tests of the deployment checks and the deploy scripts (run by scripts/check-deploy.sh):
#   1. check-deploy fails on broken copies of the tree: an unknown field in a Deployment, a
#      value the chart's schema rejects, a container without readOnlyRootFilesystem, a misspelt
#      field in a Dapr component, a bad key in a workflow, a shellcheck finding in a script, a
#      port changed in one place without ports.txt (dapr.yaml, a chart, a Dockerfile, a Dapr
#      component) or in ports.txt alone, a port used twice;
#   2. each deploy script's --dry-run prints the steps it must contain and runs no command
#      (every cloud CLI on PATH is a stub that records being called);
#   3. re-running a deploy script against an account where everything exists creates nothing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

ok() { passed=$((passed + 1)); printf 'ok   %s\n' "$*"; }
not_ok() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }

# copy_tree NAME: a copy of what check-deploy reads.
copy_tree() {
  local dst="$work/$1"
  mkdir -p "$dst"
  cp -r "$root/helm" "$root/dapr" "$root/.github" "$root/scripts" "$root/docker" "$root/.dockerignore" "$dst/"
  cp "$root/ports.txt" "$root/dapr.yaml" "$root/README.md" "$dst/"
  mkdir -p "$dst/tests" && cp -r "$root/tests/deploy" "$dst/tests/"
  rm -rf "$dst"/helm/*/charts "$dst"/helm/*/Chart.lock
  printf '%s' "$dst"
}

# expect_failure NAME STAGES PATTERN: check-deploy on the copy must fail, saying PATTERN.
expect_failure() {
  local name="$1" stages="$2" pattern="$3" out
  if out="$(CHECK_DEPLOY_NESTED=1 CHECK_DEPLOY_ONLY="$stages" bash "$root/scripts/check-deploy.sh" "$work/$name" 2>&1)"; then
    not_ok "check-deploy passed on a broken copy ($name)"
  elif ! grep -Eq -- "$pattern" <<<"$out"; then
    printf '%s\n' "$out" | tail -n 20
    not_ok "check-deploy failed on $name, but without /$pattern/"
  else
    ok "check-deploy fails on $name: $(grep -Em1 -- "$pattern" <<<"$out" | cut -c1-150)"
  fi
}

# edit FILE PYTHON-EXPR: rewrites FILE with t = <expr of t>, which must change it.
edit() {
  python3 - "$1" "$2" <<'PY'
import sys
path, expr = sys.argv[1], sys.argv[2]
t = open(path).read()
n = eval(expr)
assert n != t, f"edit of {path} changed nothing"
open(path, "w").write(n)
PY
}

echo "== check-deploy on broken copies"
base="$(copy_tree baseline)"
if CHECK_DEPLOY_NESTED=1 CHECK_DEPLOY_ONLY="helm dapr workflows ports" bash "$root/scripts/check-deploy.sh" "$base" >"$work/baseline.log" 2>&1; then
  ok "check-deploy passes on an unchanged copy"
else
  tail -n 30 "$work/baseline.log"
  not_ok "check-deploy fails on an unchanged copy"
fi

d="$(copy_tree unknown-field)"
# shellcheck disable=SC2016  # the text is Helm's, not the shell's
edit "$d/helm/todo-common/templates/_helpers.tpl" 't.replace("  terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds }}\n", "  terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds }}\n  restartPolicyy: Always\n", 1)'
expect_failure unknown-field helm 'unknown field "restartPolicyy"'

d="$(copy_tree bad-value)"
edit "$d/helm/task-service/values.yaml" 't.replace("replicaCount: 2", "replicaCount: two", 1)'
expect_failure bad-value helm 'replicaCount|schema'

d="$(copy_tree writable-root)"
edit "$d/helm/kafka/templates/_helpers.tpl" 't.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", 1)'
expect_failure writable-root helm 'readOnlyRootFilesystem must be true'

d="$(copy_tree dapr-typo)"
edit "$d/dapr/kubernetes/resources/statestore.yaml" 't.replace("  metadata:\n", "  metdata:\n", 1)'
expect_failure dapr-typo dapr 'unknown field "metdata"'

d="$(copy_tree umbrella-dapr-typo)"
edit "$d/helm/todo-platform/templates/dapr-resiliency.yaml" 't.replace("maxRetries: 50", "maxRetrys: 50", 1)'
expect_failure umbrella-dapr-typo helm 'unknown field "maxRetrys"'

d="$(copy_tree workflow-key)"
edit "$d/.github/workflows/ci.yml" 't.replace("    runs-on: ubuntu-24.04\n", "    runs_on: ubuntu-24.04\n", 1)'
expect_failure workflow-key workflows 'runs_on|runs-on'

d="$(copy_tree script-finding)"
# shellcheck disable=SC2016  # the broken script's text
printf '#!/usr/bin/env bash\nrm -rf $1/*\n' >"$d/scripts/broken.sh"
expect_failure script-finding scripts 'SC2115|SC2086|shellcheck'

# A port changed in one place only: each copy must fail, naming the place and the table's value.
d="$(copy_tree dapr-yaml-port)"
edit "$d/dapr.yaml" 't.replace("daprHTTPPort: 3501", "daprHTTPPort: 3599", 1)'
expect_failure dapr-yaml-port ports 'dapr.yaml: task-service daprHTTPPort is 3599, ports.txt says 3501'

d="$(copy_tree chart-port)"
edit "$d/helm/task-service/values.yaml" 't.replace("\nport: 8081\n", "\nport: 8091\n", 1)'
expect_failure chart-port ports 'helm/task-service/values.yaml: port is 8091, ports.txt says 8081'

d="$(copy_tree dockerfile-expose)"
edit "$d/docker/recurrence-service.Dockerfile" 't.replace("EXPOSE 8082", "EXPOSE 8092", 1)'
expect_failure dockerfile-expose ports 'docker/recurrence-service.Dockerfile: EXPOSE 8092, ports.txt says 8082'

d="$(copy_tree component-port)"
edit "$d/dapr/self-hosted/resources/kafka-pubsub.yaml" 't.replace("value: \"127.0.0.1:29092\"", "value: \"127.0.0.1:29094\"", 1)'
expect_failure component-port ports 'kafka-pubsub.yaml: kafka port is 29094, ports.txt says 29092'

d="$(copy_tree table-only)"
edit "$d/ports.txt" 't.replace("notification-service   8084   9084", "notification-service   8085   9085", 1)'
expect_failure table-only ports 'dapr.yaml: notification-service appPort is 8084, ports.txt says 8085'

d="$(copy_tree port-twice)"
edit "$d/ports.txt" 't.replace("\nntfy                   2586", "\nntfy                   2587", 1)'
expect_failure port-twice ports 'ports.txt: 2587 is both ntfy port and fcm port'

echo "== deploy scripts: --dry-run prints the steps and runs nothing"
stubs="$work/stubs"
mkdir -p "$stubs"
# One stub for every external tool the scripts may call. It records each call; with
# STUB_EXISTS=1 it answers like an account where everything already exists.
cat >"$stubs/stub" <<'STUB'
#!/usr/bin/env bash
printf '%s %s\n' "$(basename "$0")" "$*" >>"$STUB_LOG"
[ "${STUB_EXISTS:-0}" = 1 ] || exit 0
case "$(basename "$0") $*" in
  "kubectl "*jsonpath*) printf 'c2VjcmV0' ;;
  "doctl databases list"*) printf 'todo-pg 1234-abcd\n' ;;
  "doctl databases connection"*) printf '{"host":"db.example","port":25060,"user":"doadmin","password":"pw"}' ;;
  "gcloud config get-value project"*) printf 'demo-project' ;;
  "az account show"*) printf '00000000-0000-0000-0000-000000000000' ;;
  "openssl "*) printf 'deadbeef' ;;
esac
exit 0
STUB
chmod +x "$stubs/stub"
for t in az kubectl helm gcloud gke-gcloud-auth-plugin doctl minikube openssl curl; do ln -sf stub "$stubs/$t"; done

# dry_run SCRIPT PATTERN...: the dry run succeeds, calls no tool, and prints every PATTERN.
dry_run() {
  local script="$1" out p missing=""
  shift
  : >"$work/calls.log"
  if ! out="$(PATH="$stubs:$PATH" STUB_LOG="$work/calls.log" bash "$root/scripts/$script" --dry-run 2>&1)"; then
    printf '%s\n' "$out" | tail -n 20
    not_ok "$script --dry-run failed"
    return
  fi
  if [ -s "$work/calls.log" ]; then
    not_ok "$script --dry-run ran commands: $(head -n 3 "$work/calls.log" | tr '\n' ';')"
  else
    ok "$script --dry-run runs no command"
  fi
  for p in "$@"; do grep -Eq -- "$p" <<<"$out" || missing+=" /$p/"; done
  if [ -n "$missing" ]; then not_ok "$script --dry-run lacks:$missing"; else ok "$script --dry-run prints its $# required steps"; fi
  if grep -E -- '--from-literal=[^=]+=[^<]|--admin-password [^\\<]|--password [^\\<]' <<<"$out" | grep -vq redacted; then
    not_ok "$script --dry-run prints a secret"
  fi
}

common_steps=('^\+ helm upgrade --install dapr dapr/dapr --version [0-9.]+ --namespace dapr-system'
  '^\+ kubectl -n todo create secret generic todo-dapr-api-token'
  '^\+ helm dependency update'
  '^\+ helm upgrade --install todo .*/helm/todo-platform --namespace todo'
  'smoke-test\.sh')
dry_run minikube-deploy.sh '^\+ minikube start -p todo .*--cni calico' \
  '^\+ minikube -p todo image build -t \S+/frontend:dev -f docker/frontend.Dockerfile' \
  '^\+ helm upgrade --install dapr dapr/dapr --version [0-9.]+ --namespace dapr-system' \
  '^\+ helm upgrade --install todo .*/helm/todo-platform --namespace todo' \
  'kafka.enabled=true' 'postgresql.enabled=true' 'secrets.create=true' 'smoke-test\.sh'
dry_run deploy-azure.sh '^\? az account show' '^\+ az group create -n todo-platform' \
  '^\+ az aks create .*--network-policy azure' '^\+ az aks get-credentials' \
  '^\+ az postgres flexible-server create ' '^\+ az postgres flexible-server db create .*-d dapr_state' \
  '^\+ az postgres flexible-server db create .*-d tasks' '^\+ kubectl -n todo create secret generic postgres-credentials' \
  'in-cluster Kafka \(KRaft, 3 nodes\)' 'kafka.replicas=3' "${common_steps[@]}"
dry_run deploy-gcp.sh '^\+ gcloud services enable container.googleapis.com' \
  '^\+ gcloud container clusters create todo-gke .*--enable-dataplane-v2' '--enable-managed-prometheus' \
  '^\+ gcloud sql instances create todo-pg ' '^\+ gcloud sql databases create dapr_state' \
  'kind: PodMonitoring' 'kafka.replicas=3' "${common_steps[@]}"
dry_run deploy-doks.sh '^\+ doctl kubernetes cluster create todo-doks ' '^\+ doctl kubernetes cluster kubeconfig save' \
  '^\+ doctl databases create todo-pg --engine pg' '^\+ doctl databases firewalls append .* --rule k8s:' \
  '^\+ doctl databases db create .* dapr_state' 'kafka.replicas=3' "${common_steps[@]}"

# A managed Kafka: SASL over TLS with its credentials in a Secret.
out="$(PATH="$stubs:$PATH" STUB_LOG="$work/calls.log" KAFKA_BROKERS=b.example:9092 KAFKA_USERNAME=todo-user KAFKA_PASSWORD=a-long-kafka-password \
  bash "$root/scripts/deploy-azure.sh" --dry-run 2>&1)"
if grep -q 'create secret generic kafka-credentials' <<<"$out" && grep -q 'pubsub.authType=password' <<<"$out" &&
  grep -q 'pubsub.tls=true' <<<"$out" && grep -q 'kafka.enabled=false' <<<"$out" &&
  ! grep -q 'a-long-kafka-password' <<<"$out"; then
  ok "deploy-azure.sh --dry-run with KAFKA_BROKERS uses the managed Kafka over SASL/TLS"
else
  not_ok "deploy-azure.sh --dry-run with KAFKA_BROKERS"
fi

echo "== deploy scripts: re-running where everything exists creates nothing"
rerun() {
  local script="$1" out
  shift
  : >"$work/calls.log"
  if ! out="$(PATH="$stubs:$PATH" STUB_LOG="$work/calls.log" STUB_EXISTS=1 bash "$root/scripts/$script" "$@" 2>&1)"; then
    printf '%s\n' "$out" | tail -n 20
    not_ok "$script re-run failed"
    return
  fi
  if grep -E '^(az (group|aks|postgres flexible-server( db)?) create|gcloud (container clusters|sql instances|sql databases|compute addresses) create|doctl (kubernetes cluster|databases|databases db) create|minikube start|kubectl .*create secret)' "$work/calls.log"; then
    not_ok "$script re-run created something again"
  elif ! grep -q '^helm upgrade --install todo' "$work/calls.log"; then
    not_ok "$script re-run did not upgrade the release"
  else
    ok "$script re-run keeps what exists and upgrades the release"
  fi
}
rerun minikube-deploy.sh --no-build --no-smoke
rerun deploy-azure.sh --no-smoke
rerun deploy-gcp.sh --no-smoke
rerun deploy-doks.sh --no-smoke

echo "$passed passed, $failed failed"
((failed == 0))
