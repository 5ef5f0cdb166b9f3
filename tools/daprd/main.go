// Command daprd is the Dapr sidecar runtime (github.com/dapr/dapr at the tag in go.mod)
// built with only the components this project uses.
//
// The upstream entry point, github.com/dapr/dapr/cmd/daprd/app.Run, blank-imports a package
// that registers either every component (build tag allcomponents / stablecomponents) or
// panics (no tag). So this file re-implements app.Run and runWithContext as they are in
// cmd/daprd/app/app.go at dapr v1.18.1, and registers a small, explicit component set in
// registerComponents. Keep the runtime.Config literal in step with app.go whenever the
// dapr tag in go.mod changes: its fields differ between patch releases.
package main

import (
	"context"
	"fmt"
	"os"

	"go.opencensus.io/stats/view"
	"go.uber.org/automaxprocs/maxprocs"

	"github.com/dapr/components-contrib/bindings/cron"
	bindingshttp "github.com/dapr/components-contrib/bindings/http"
	"github.com/dapr/components-contrib/bindings/smtp"
	"github.com/dapr/components-contrib/nameresolution/mdns"
	nrsqlite "github.com/dapr/components-contrib/nameresolution/sqlite"
	pubsubinmemory "github.com/dapr/components-contrib/pubsub/in-memory"
	"github.com/dapr/components-contrib/pubsub/kafka"
	"github.com/dapr/components-contrib/secretstores/kubernetes"
	"github.com/dapr/components-contrib/secretstores/local/env"
	"github.com/dapr/components-contrib/secretstores/local/file"
	stateinmemory "github.com/dapr/components-contrib/state/in-memory"
	pgv1 "github.com/dapr/components-contrib/state/postgresql/v1"
	pgv2 "github.com/dapr/components-contrib/state/postgresql/v2"

	"github.com/dapr/dapr/cmd/daprd/options"
	"github.com/dapr/dapr/pkg/buildinfo"
	"github.com/dapr/dapr/pkg/components"
	bindingsLoader "github.com/dapr/dapr/pkg/components/bindings"
	configurationLoader "github.com/dapr/dapr/pkg/components/configuration"
	conversationLoader "github.com/dapr/dapr/pkg/components/conversation"
	cryptoLoader "github.com/dapr/dapr/pkg/components/crypto"
	lockLoader "github.com/dapr/dapr/pkg/components/lock"
	httpMiddlewareLoader "github.com/dapr/dapr/pkg/components/middleware/http"
	nrLoader "github.com/dapr/dapr/pkg/components/nameresolution"
	pubsubLoader "github.com/dapr/dapr/pkg/components/pubsub"
	secretstoresLoader "github.com/dapr/dapr/pkg/components/secretstores"
	stateLoader "github.com/dapr/dapr/pkg/components/state"
	"github.com/dapr/dapr/pkg/healthz"
	"github.com/dapr/dapr/pkg/metrics"
	"github.com/dapr/dapr/pkg/modes"
	"github.com/dapr/dapr/pkg/runtime"
	"github.com/dapr/dapr/pkg/runtime/registry"
	"github.com/dapr/dapr/pkg/security"
	"github.com/dapr/kit/concurrency"
	"github.com/dapr/kit/logger"
	"github.com/dapr/kit/signals"
)

var (
	log        = logger.NewLogger("dapr.runtime")
	logContrib = logger.NewLogger("dapr.contrib")
)

// registerComponents adds the project's components to the default registries. Names are
// given without the kind prefix: the registry adds it, so "kafka" is YAML type pubsub.kafka.
func registerComponents() {
	// Pub/sub.
	pubsubLoader.DefaultRegistry.RegisterComponent(kafka.NewKafka, "kafka")
	pubsubLoader.DefaultRegistry.RegisterComponent(pubsubinmemory.New, "in-memory")

	// State. PostgreSQL has two implementations; an empty spec.version selects v1 (the
	// upstream default), so components should say `version: v2` explicitly.
	postgres := components.Versioning{
		Preferred: components.VersionConstructor{Version: "v2", Constructor: pgv2.NewPostgreSQLStateStore},
		Others: []components.VersionConstructor{
			{Version: "v1", Constructor: pgv1.NewPostgreSQLStateStore},
		},
		Default: "v1",
	}
	for _, name := range []string{"postgresql", "postgres"} {
		stateLoader.DefaultRegistry.RegisterComponentWithVersions(name, postgres)
	}
	stateLoader.DefaultRegistry.RegisterComponent(stateinmemory.NewInMemoryStateStore, "in-memory")

	// Secret stores.
	secretstoresLoader.DefaultRegistry.RegisterComponent(file.NewLocalSecretStore, "local.file")
	secretstoresLoader.DefaultRegistry.RegisterComponent(env.NewEnvSecretStore, "local.env")
	secretstoresLoader.DefaultRegistry.RegisterComponent(kubernetes.NewKubernetesSecretStore, "kubernetes")

	// Bindings.
	bindingsLoader.DefaultRegistry.RegisterOutputBinding(smtp.NewSMTP, "smtp")
	bindingsLoader.DefaultRegistry.RegisterOutputBinding(bindingshttp.NewHTTP, "http")
	bindingsLoader.DefaultRegistry.RegisterInputBinding(cron.NewCron, "cron")

	// Name resolution: mdns is the standalone default; sqlite is the fallback for hosts
	// where multicast does not work (select it in the Configuration's spec.nameResolution).
	nrLoader.DefaultRegistry.RegisterComponent(mdns.NewResolver, "mdns")
	nrLoader.DefaultRegistry.RegisterComponent(nrsqlite.NewResolver, "sqlite")
}

func main() {
	_, _ = maxprocs.Set()

	opts, err := options.New(os.Args[1:])
	if err != nil {
		log.Fatalf("Failed to parse flags: %v", err)
	}

	switch {
	case opts.RuntimeVersion:
		//nolint:forbidigo
		fmt.Println(buildinfo.Version())
		os.Exit(0)
	case opts.BuildInfo:
		//nolint:forbidigo
		fmt.Printf("Version: %s\nGit Commit: %s\nGit Version: %s\n",
			buildinfo.Version(), buildinfo.Commit(), buildinfo.GitVersion())
		os.Exit(0)
	case opts.WaitCommand:
		runtime.WaitUntilDaprOutboundReady(opts.DaprHTTPPort)
		os.Exit(0)
	}

	opts.Logger.SetAppID(opts.AppID)
	if err = logger.ApplyOptionsToLoggers(&opts.Logger); err != nil {
		log.Fatal(err)
	}

	log.Infof("Starting Dapr Runtime -- version %s -- commit %s", buildinfo.Version(), buildinfo.Commit())
	log.Infof("Log level set to: %s", opts.Logger.OutputLevel)

	secretstoresLoader.DefaultRegistry.Logger = logContrib
	stateLoader.DefaultRegistry.Logger = logContrib
	cryptoLoader.DefaultRegistry.Logger = logContrib
	configurationLoader.DefaultRegistry.Logger = logContrib
	lockLoader.DefaultRegistry.Logger = logContrib
	pubsubLoader.DefaultRegistry.Logger = logContrib
	nrLoader.DefaultRegistry.Logger = logContrib
	bindingsLoader.DefaultRegistry.Logger = logContrib
	conversationLoader.DefaultRegistry.Logger = logContrib
	httpMiddlewareLoader.DefaultRegistry.Logger = log // upstream uses the runtime logger here too

	registerComponents()

	ctx := signals.Context()
	hupCh := signals.OnHUP(ctx)

	defer log.Info("Daprd shutdown gracefully")
	for {
		select {
		case <-ctx.Done():
			return
		case hctx, ok := <-hupCh:
			if !ok {
				return
			}
			if err := runWithContext(hctx, opts); err != nil {
				log.Fatalf("Fatal error from runtime: %s", err)
			}
			// The runtime stopped by itself (e.g. the shutdown API) rather than through
			// SIGHUP/SIGTERM: exit instead of waiting for another SIGHUP.
			if hctx.Err() == nil {
				return
			}
		}
	}
}

func runWithContext(ctx context.Context, opts *options.Options) error {
	reg := registry.NewOptions().
		WithSecretStores(secretstoresLoader.DefaultRegistry).
		WithStateStores(stateLoader.DefaultRegistry).
		WithConfigurations(configurationLoader.DefaultRegistry).
		WithLocks(lockLoader.DefaultRegistry).
		WithPubSubs(pubsubLoader.DefaultRegistry).
		WithNameResolutions(nrLoader.DefaultRegistry).
		WithBindings(bindingsLoader.DefaultRegistry).
		WithCryptoProviders(cryptoLoader.DefaultRegistry).
		WithHTTPMiddlewares(httpMiddlewareLoader.DefaultRegistry).
		WithConversations(conversationLoader.DefaultRegistry)

	hz := healthz.New()
	secProvider, err := security.New(ctx, security.Options{
		SentryAddress:           opts.SentryAddress,
		ControlPlaneTrustDomain: opts.ControlPlaneTrustDomain,
		ControlPlaneNamespace:   opts.ControlPlaneNamespace,
		TrustAnchors:            opts.TrustAnchors,
		AppID:                   opts.AppID,
		MTLSEnabled:             opts.EnableMTLS,
		Mode:                    modes.DaprMode(opts.Mode),
		Healthz:                 hz,
		JwtAudiences:            opts.SentryRequestJwtAudiences,
	})
	if err != nil {
		return err
	}

	runSidecar := func(ctx context.Context) error {
		sec, err := secProvider.Handler(ctx)
		if err != nil {
			return err
		}

		// Same fields as the runtime.Config literal in cmd/daprd/app/app.go at v1.18.1.
		rt, err := runtime.FromConfig(ctx, &runtime.Config{
			AppID:                         opts.AppID,
			ActorsService:                 opts.ActorsService,
			ActorsDisseminationTimeout:    opts.ActorsDisseminationTimeout,
			RemindersService:              opts.RemindersService,
			SchedulerAddress:              opts.SchedulerAddress,
			SchedulerStreams:              opts.SchedulerJobStreams,
			AllowedOrigins:                opts.AllowedOrigins,
			ResourcesPath:                 opts.ResourcesPath,
			ControlPlaneAddress:           opts.ControlPlaneAddress,
			AppProtocol:                   opts.AppProtocol,
			Mode:                          opts.Mode,
			DaprHTTPPort:                  opts.DaprHTTPPort,
			DaprInternalGRPCPort:          opts.DaprInternalGRPCPort,
			DaprInternalGRPCListenAddress: opts.DaprInternalGRPCListenAddress,
			DaprAPIGRPCPort:               opts.DaprAPIGRPCPort,
			DaprAPIListenAddresses:        opts.DaprAPIListenAddresses,
			DaprPublicPort:                opts.DaprPublicPort,
			DaprPublicListenAddress:       opts.DaprPublicListenAddress,
			ApplicationPort:               opts.AppPort,
			ProfilePort:                   opts.ProfilePort,
			EnableProfiling:               opts.EnableProfiling,
			AppMaxConcurrency:             opts.AppMaxConcurrency,
			EnableMTLS:                    opts.EnableMTLS,
			SentryAddress:                 opts.SentryAddress,
			MaxRequestSize:                opts.MaxRequestSize,
			ReadBufferSize:                opts.ReadBufferSize,
			UnixDomainSocket:              opts.UnixDomainSocket,
			DaprGracefulShutdownSeconds:   opts.DaprGracefulShutdownSeconds,
			DaprBlockShutdownDuration:     opts.DaprBlockShutdownDuration,
			DisableBuiltinK8sSecretStore:  opts.DisableBuiltinK8sSecretStore,
			EnableAppHealthCheck:          opts.EnableAppHealthCheck,
			AppHealthCheckPath:            opts.AppHealthCheckPath,
			AppHealthProbeInterval:        opts.AppHealthProbeInterval,
			AppHealthProbeTimeout:         opts.AppHealthProbeTimeout,
			AppHealthThreshold:            opts.AppHealthThreshold,
			AppChannelAddress:             opts.AppChannelAddress,
			EnableAPILogging:              opts.EnableAPILogging,
			Config:                        opts.Config,
			DisableInitEndpoints:          opts.DisableInitEndpoints,
			Metrics: metrics.Options{
				Enabled:       opts.Metrics.Enabled(),
				Log:           log,
				Port:          opts.Metrics.Port(),
				Namespace:     metrics.DefaultMetricNamespace,
				Healthz:       hz,
				ListenAddress: opts.Metrics.ListenAddress(),
				Meter:         view.NewMeter(),
			},
			AppSSL:         opts.AppSSL,
			ComponentsPath: opts.ComponentsPath,
			Registry:       reg,
			Security:       sec,
			Healthz:        hz,
		})
		if err != nil {
			return err
		}
		return rt.Run(ctx)
	}

	return concurrency.NewRunnerManager(secProvider.Run, runSidecar).Run(ctx)
}
