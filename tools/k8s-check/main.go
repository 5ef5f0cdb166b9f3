// k8s-check validates Kubernetes and Dapr manifests offline against the real Go API types.
//
// Every YAML document (from files, directories or "-" for stdin) is decoded strictly into the
// Go type registered for its apiVersion/kind: the k8s.io/api types for Kubernetes objects and
// the github.com/dapr/dapr/pkg/apis types for Dapr's Component, Subscription, Resiliency and
// Configuration. An unknown kind, an unknown or misspelt field, a duplicate key or a value of
// the wrong type is an error. With -policy, workloads are also held to the project's rules
// (non-root, read-only root filesystem, all capabilities dropped, seccomp RuntimeDefault,
// requests and limits, probes on long-running containers, Dapr annotations).
//
// Usage: k8s-check [-policy] [-q] PATH|- ...
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"sigs.k8s.io/yaml"

	componentsv1alpha1 "github.com/dapr/dapr/pkg/apis/components/v1alpha1"
	configurationv1alpha1 "github.com/dapr/dapr/pkg/apis/configuration/v1alpha1"
	resiliencyv1alpha1 "github.com/dapr/dapr/pkg/apis/resiliency/v1alpha1"
	subscriptionsv1alpha1 "github.com/dapr/dapr/pkg/apis/subscriptions/v1alpha1"
	subscriptionsv2alpha1 "github.com/dapr/dapr/pkg/apis/subscriptions/v2alpha1"
)

func newScheme() *runtime.Scheme {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, batchv1.AddToScheme, autoscalingv2.AddToScheme,
		policyv1.AddToScheme, networkingv1.AddToScheme, rbacv1.AddToScheme,
		componentsv1alpha1.AddToScheme, configurationv1alpha1.AddToScheme,
		resiliencyv1alpha1.AddToScheme, subscriptionsv1alpha1.AddToScheme,
		subscriptionsv2alpha1.AddToScheme,
	} {
		if err := add(s); err != nil {
			panic(err)
		}
	}
	return s
}

type doc struct {
	source string // file and document index
	body   []byte
}

// splitDocs splits a YAML stream on "---" lines, dropping empty documents and comments-only ones.
func splitDocs(source string, data []byte) []doc {
	var docs []doc
	var cur bytes.Buffer
	idx := 0
	flush := func() {
		if hasContent(cur.Bytes()) {
			docs = append(docs, doc{fmt.Sprintf("%s#%d", source, idx), append([]byte(nil), cur.Bytes()...)})
		}
		idx++
		cur.Reset()
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "---") && strings.TrimSpace(strings.TrimLeft(line, "-")) == "" ||
			strings.HasPrefix(line, "--- ") {
			flush()
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
	}
	flush()
	return docs
}

func hasContent(b []byte) bool {
	for _, l := range strings.Split(string(b), "\n") {
		t := strings.TrimSpace(l)
		if t != "" && !strings.HasPrefix(t, "#") {
			return true
		}
	}
	return false
}

type checker struct {
	scheme *runtime.Scheme
	policy bool
	errs   []string
	counts map[string]int
}

func (c *checker) fail(source, format string, args ...any) {
	c.errs = append(c.errs, source+": "+fmt.Sprintf(format, args...))
}

func (c *checker) check(d doc) {
	var tm struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Metadata   struct {
			Name string `json:"name"`
		} `json:"metadata"`
	}
	if err := yaml.Unmarshal(d.body, &tm); err != nil {
		c.fail(d.source, "not YAML: %v", err)
		return
	}
	if tm.APIVersion == "" || tm.Kind == "" {
		c.fail(d.source, "apiVersion and kind are required")
		return
	}
	gv, err := schema.ParseGroupVersion(tm.APIVersion)
	if err != nil {
		c.fail(d.source, "bad apiVersion %q: %v", tm.APIVersion, err)
		return
	}
	gvk := gv.WithKind(tm.Kind)
	src := fmt.Sprintf("%s (%s %s)", d.source, tm.Kind, tm.Metadata.Name)
	obj, err := c.scheme.New(gvk)
	if err != nil {
		c.fail(src, "unknown type %s: not a Kubernetes or Dapr API type this checker knows", gvk)
		return
	}
	if err := yaml.UnmarshalStrict(d.body, obj); err != nil {
		c.fail(src, "does not match %s: %v", gvk, err)
		return
	}
	if tm.Metadata.Name == "" {
		c.fail(src, "metadata.name is empty")
	}
	c.counts[tm.Kind]++
	if c.policy {
		c.checkPolicy(src, obj)
	}
}

func main() {
	policy := flag.Bool("policy", false, "also apply the project's workload rules")
	quiet := flag.Bool("q", false, "print only errors")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: k8s-check [-policy] [-q] PATH|- ...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	c := &checker{scheme: newScheme(), policy: *policy, counts: map[string]int{}}
	total := 0
	for _, arg := range flag.Args() {
		files, err := expand(arg)
		if err != nil {
			fmt.Fprintln(os.Stderr, "k8s-check:", err)
			os.Exit(2)
		}
		for _, f := range files {
			var data []byte
			if f == "-" {
				data, err = io.ReadAll(os.Stdin)
			} else {
				data, err = os.ReadFile(f)
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "k8s-check:", err)
				os.Exit(2)
			}
			for _, d := range splitDocs(f, data) {
				total++
				c.check(d)
			}
		}
	}
	if total == 0 {
		c.errs = append(c.errs, "no YAML documents found in "+strings.Join(flag.Args(), " "))
	}
	for _, e := range c.errs {
		fmt.Fprintln(os.Stderr, "FAIL", e)
	}
	if len(c.errs) > 0 {
		fmt.Fprintf(os.Stderr, "k8s-check: %d error(s) in %d document(s)\n", len(c.errs), total)
		os.Exit(1)
	}
	if !*quiet {
		kinds := make([]string, 0, len(c.counts))
		for k, n := range c.counts {
			kinds = append(kinds, fmt.Sprintf("%s=%d", k, n))
		}
		sort.Strings(kinds)
		fmt.Printf("k8s-check: %d document(s) valid (%s)\n", total, strings.Join(kinds, " "))
	}
}

// expand turns a directory into its *.yaml and *.yml files (recursively), sorted.
func expand(arg string) ([]string, error) {
	if arg == "-" {
		return []string{"-"}, nil
	}
	st, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{arg}, nil
	}
	var files []string
	err = filepath.WalkDir(arg, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return nil
	})
	if err == nil && len(files) == 0 {
		err = errors.New("no YAML files under " + arg)
	}
	return files, err
}
