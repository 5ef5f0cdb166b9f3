#!/usr/bin/env bash
# Deploys the platform to Azure: resource group, AKS cluster (Azure CNI with Azure network
# policies, cluster autoscaler), Azure Database for PostgreSQL Flexible Server, the Dapr control
# plane, Kafka (in-cluster KRaft, 3 nodes; or a managed Kafka with KAFKA_BROKERS), the Secrets
# and the umbrella chart, then the smoke test. Idempotent: what exists is kept, and re-running
# upgrades the release in place.
#   scripts/deploy-azure.sh [--dry-run] [--no-smoke]
# Environment (defaults in brackets):
#   AZ_RESOURCE_GROUP [todo-platform]  AZ_LOCATION [westeurope]  AKS_NAME [todo-aks]
#   AKS_NODE_COUNT [3]  AKS_NODE_SIZE [Standard_D2s_v5]  AKS_MAX_NODES [6]
#   PG_SERVER [todo-pg-<subscription-hash>]  PG_SKU [Standard_B1ms]  PG_STORAGE_GB [32]
#   KAFKA_BROKERS [empty: in-cluster]  KAFKA_USERNAME  KAFKA_PASSWORD (SASL, for a managed Kafka)
#   IMAGE_TAG [0.1.0]  IMAGE_REGISTRY  NAMESPACE [todo]  DAPR_VERSION
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/deploy.sh
. "$here/lib/deploy.sh"

parse_cloud_deploy_args "$@"
rg="${AZ_RESOURCE_GROUP:-todo-platform}"
location="${AZ_LOCATION:-westeurope}"
aks="${AKS_NAME:-todo-aks}"
nodes="${AKS_NODE_COUNT:-3}"

step "prerequisites"
need az "the Azure CLI: https://learn.microsoft.com/cli/azure/install-azure-cli"
need_cluster_tools
need_done
if ! exists az account show; then
  ((DRY_RUN)) || die "not logged in to Azure: run 'az login' (and 'az account set -s <subscription>')"
fi
pg="${PG_SERVER:-todo-pg-$(capture az account show --query id -o tsv | sha256sum | cut -c1-8)}"

step "resource group $rg ($location)"
if exists az group show -n "$rg"; then log "resource group $rg exists"; else
  run az group create -n "$rg" -l "$location" -o none
fi

step "AKS cluster $aks"
if exists az aks show -g "$rg" -n "$aks"; then log "AKS cluster $aks exists"; else
  run az aks create -g "$rg" -n "$aks" -l "$location" \
    --node-count "$nodes" --node-vm-size "${AKS_NODE_SIZE:-Standard_D2s_v5}" \
    --enable-cluster-autoscaler --min-count "$nodes" --max-count "${AKS_MAX_NODES:-6}" \
    --network-plugin azure --network-policy azure \
    --enable-managed-identity --enable-oidc-issuer --enable-workload-identity \
    --enable-azure-monitor-metrics --generate-ssh-keys -o none
fi
run az aks get-credentials -g "$rg" -n "$aks" --overwrite-existing
ensure_namespace

step "PostgreSQL flexible server $pg"
admin="todoadmin"
# The admin password lives in the cluster (Secret postgres-admin), so re-runs reuse it.
password="$(secret_value postgres-admin password)"
redact "$password"
if [ -z "$password" ]; then
  password="$(random_secret 24)"
  redact "$password"
  ensure_secret postgres-admin "password=$password"
  new_password=1
else
  new_password=0
fi
if exists az postgres flexible-server show -g "$rg" -n "$pg"; then
  log "PostgreSQL server $pg exists"
  if ((new_password)); then
    run az postgres flexible-server update -g "$rg" -n "$pg" --admin-password "$password" -o none
  fi
else
  run az postgres flexible-server create -g "$rg" -n "$pg" -l "$location" --version 16 \
    --tier Burstable --sku-name "${PG_SKU:-Standard_B1ms}" --storage-size "${PG_STORAGE_GB:-32}" \
    --admin-user "$admin" --admin-password "$password" --public-access 0.0.0.0 --yes -o none
  # --public-access 0.0.0.0: reachable from Azure services only, TLS required. For production,
  # use VNet integration (--vnet/--subnet) and narrow global.networkPolicy.postgresql.
fi
for db in dapr_state tasks; do
  if exists az postgres flexible-server db show -g "$rg" -s "$pg" -d "$db"; then log "database $db exists"; else
    run az postgres flexible-server db create -g "$rg" -s "$pg" -d "$db" -o none
  fi
done
ensure_db_secrets "$pg.postgres.database.azure.com" 5432 "$admin" "$password" require

install_dapr
ensure_app_secrets

kafka_chart_args managed-csi
# Azure Monitor's managed Prometheus agents (ama-metrics) run in kube-system.
install_platform -f "$ROOT/helm/todo-platform/values-cloud.yaml" "${KAFKA_ARGS[@]}" \
  --set-json 'global.networkPolicy.metricsFrom=[{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"kube-system"}}}]'

if ((SMOKE)); then smoke_test; fi
step "done"
echo "frontend: kubectl -n $NAMESPACE get svc frontend   (EXTERNAL-IP, port 8080)"
