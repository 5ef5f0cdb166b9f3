#!/usr/bin/env bash
# Deploys the platform to DigitalOcean: a DOKS cluster (Cilium, so network policies are
# enforced; node autoscaling), a managed PostgreSQL cluster reachable only from the Kubernetes
# cluster, the Dapr control plane, Kafka (in-cluster KRaft, 3 nodes; or DigitalOcean's managed
# Kafka or another with KAFKA_BROKERS), the Secrets and the umbrella chart, then the smoke test.
# Idempotent: what exists is kept; re-running upgrades the release.
#   scripts/deploy-doks.sh [--dry-run] [--no-smoke]
# Environment (defaults in brackets):
#   DO_REGION [fra1]  DOKS_NAME [todo-doks]  DOKS_NODE_SIZE [s-4vcpu-8gb]  DOKS_NODES [3]
#   DOKS_MAX_NODES [6]  DO_PG_NAME [todo-pg]  DO_PG_SIZE [db-s-1vcpu-1gb]
#   KAFKA_BROKERS  KAFKA_USERNAME  KAFKA_PASSWORD  IMAGE_TAG  IMAGE_REGISTRY  NAMESPACE  DAPR_VERSION
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/deploy.sh
. "$here/lib/deploy.sh"

parse_cloud_deploy_args "$@"
region="${DO_REGION:-fra1}"
doks="${DOKS_NAME:-todo-doks}"
pg="${DO_PG_NAME:-todo-pg}"
nodes="${DOKS_NODES:-3}"

step "prerequisites"
need doctl "the DigitalOcean CLI: https://docs.digitalocean.com/reference/doctl/how-to/install/"
need_cluster_tools
need python3 "apt-get install python3 (reads doctl's JSON)"
need_done
if ! exists doctl account get; then
  ((DRY_RUN)) || die "doctl is not authenticated: run 'doctl auth init'"
fi

step "DOKS cluster $doks ($region)"
if exists doctl kubernetes cluster get "$doks"; then log "DOKS cluster $doks exists"; else
  run doctl kubernetes cluster create "$doks" --region "$region" --version latest \
    --node-pool "name=default;size=${DOKS_NODE_SIZE:-s-4vcpu-8gb};count=$nodes;auto-scale=true;min-nodes=$nodes;max-nodes=${DOKS_MAX_NODES:-6}" \
    --wait
fi
run doctl kubernetes cluster kubeconfig save "$doks"
ensure_namespace

# pg_cluster_id: the id of the database cluster named $pg (empty if none).
pg_cluster_id() {
  if ((DRY_RUN)); then
    printf '? %s\n' "doctl databases list --format Name,ID --no-header" >&2
    printf '<%s-id>' "$pg"
    return 0
  fi
  doctl databases list --format Name,ID --no-header | awk -v n="$pg" '$1 == n {print $2}'
}

step "managed PostgreSQL $pg"
if [ -n "$(pg_cluster_id)" ] && ! ((DRY_RUN)); then
  log "database cluster $pg exists"
else
  run doctl databases create "$pg" --engine pg --version 16 --region "$region" \
    --size "${DO_PG_SIZE:-db-s-1vcpu-1gb}" --num-nodes 1 --wait
fi
pg_id="$(pg_cluster_id)"
cluster_id="$(capture doctl kubernetes cluster get "$doks" --format ID --no-header)"
# Only the Kubernetes cluster may connect (a trusted source); re-adding an existing rule is harmless.
run doctl databases firewalls append "$pg_id" --rule "k8s:$cluster_id"
for db in dapr_state tasks; do
  if exists doctl databases db get "$pg_id" "$db"; then log "database $db exists"; else
    run doctl databases db create "$pg_id" "$db"
  fi
done
conn="$(capture doctl databases connection "$pg_id" --output json)"
if ((DRY_RUN)); then
  host="<host>" port="25060" user="doadmin" password="<password>"
else
  host="$(printf '%s' "$conn" | python3 -c 'import json,sys; print(json.load(sys.stdin)["host"])')"
  port="$(printf '%s' "$conn" | python3 -c 'import json,sys; print(json.load(sys.stdin)["port"])')"
  user="$(printf '%s' "$conn" | python3 -c 'import json,sys; print(json.load(sys.stdin)["user"])')"
  password="$(printf '%s' "$conn" | python3 -c 'import json,sys; print(json.load(sys.stdin)["password"])')"
fi
redact "$password"
ensure_db_secrets "$host" "$port" "$user" "$password" require

install_dapr
ensure_app_secrets
kafka_chart_args do-block-storage

install_platform -f "$ROOT/helm/todo-platform/values-cloud.yaml" "${KAFKA_ARGS[@]}"

if ((SMOKE)); then smoke_test; fi
step "done"
echo "frontend: kubectl -n $NAMESPACE get svc frontend   (EXTERNAL-IP, port 8080)"
