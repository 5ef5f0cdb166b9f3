// Command sentry is Dapr's certificate authority (github.com/dapr/dapr/cmd/sentry at the tag in
// ../go.mod): it issues the sidecars' mTLS certificates, so the local stack runs with mTLS and
// access-control policies as a cluster does (scripts/lib/sentry.sh starts it).
package main

import "github.com/dapr/dapr/cmd/sentry/app"

func main() {
	app.Run()
}
