package main

import (
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Annotations every Dapr-enabled pod template must carry (docs/deploy.md).
var requiredDaprAnnotations = []string{
	"dapr.io/app-id", "dapr.io/app-port", "dapr.io/config", "dapr.io/api-token-secret",
	"dapr.io/app-token-secret", "dapr.io/sidecar-cpu-request", "dapr.io/sidecar-memory-request",
	"dapr.io/sidecar-cpu-limit", "dapr.io/sidecar-memory-limit",
}

// checkPolicy applies the project's workload rules to Deployments, StatefulSets and Jobs.
func (c *checker) checkPolicy(src string, obj runtime.Object) {
	switch o := obj.(type) {
	case *appsv1.Deployment:
		c.checkPod(src, &o.Spec.Template, true)
	case *appsv1.StatefulSet:
		c.checkPod(src, &o.Spec.Template, true)
	case *batchv1.Job:
		c.checkPod(src, &o.Spec.Template, false)
	case *appsv1.DaemonSet, *corev1.Pod, *appsv1.ReplicaSet, *batchv1.CronJob:
		c.fail(src, "policy: this kind of workload is not expected in the charts")
	}
}

func (c *checker) checkPod(src string, t *corev1.PodTemplateSpec, longRunning bool) {
	ps := t.Spec
	if ps.ServiceAccountName == "" || ps.ServiceAccountName == "default" {
		c.fail(src, "policy: pod must run under its own ServiceAccount")
	}
	podNonRoot := ps.SecurityContext != nil && ps.SecurityContext.RunAsNonRoot != nil && *ps.SecurityContext.RunAsNonRoot
	podSeccomp := ps.SecurityContext != nil && ps.SecurityContext.SeccompProfile != nil &&
		ps.SecurityContext.SeccompProfile.Type == corev1.SeccompProfileTypeRuntimeDefault
	all := append(append([]corev1.Container{}, ps.InitContainers...), ps.Containers...)
	for _, ct := range all {
		where := src + " container " + ct.Name
		sc := ct.SecurityContext
		if sc == nil {
			c.fail(where, "policy: securityContext missing")
			continue
		}
		if !podNonRoot && (sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot) {
			c.fail(where, "policy: runAsNonRoot must be true")
		}
		if !podSeccomp && (sc.SeccompProfile == nil || sc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault) {
			c.fail(where, "policy: seccompProfile must be RuntimeDefault")
		}
		if sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
			c.fail(where, "policy: readOnlyRootFilesystem must be true")
		}
		if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			c.fail(where, "policy: allowPrivilegeEscalation must be false")
		}
		dropsAll := false
		if sc.Capabilities != nil {
			for _, d := range sc.Capabilities.Drop {
				if d == "ALL" {
					dropsAll = true
				}
			}
			if len(sc.Capabilities.Add) > 0 {
				c.fail(where, "policy: no capability may be added")
			}
		}
		if !dropsAll {
			c.fail(where, "policy: capabilities must drop ALL")
		}
		for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			if _, ok := ct.Resources.Requests[r]; !ok {
				c.fail(where, "policy: resources.requests.%s missing", r)
			}
			if _, ok := ct.Resources.Limits[r]; !ok {
				c.fail(where, "policy: resources.limits.%s missing", r)
			}
		}
	}
	if longRunning {
		for _, ct := range ps.Containers {
			if ct.LivenessProbe == nil || ct.ReadinessProbe == nil {
				c.fail(src+" container "+ct.Name, "policy: liveness and readiness probes are required")
			}
		}
	}
	if t.Annotations["dapr.io/enabled"] == "true" {
		for _, a := range requiredDaprAnnotations {
			if t.Annotations[a] == "" {
				c.fail(src, "policy: Dapr-enabled pod template lacks annotation %s", a)
			}
		}
	}
}
