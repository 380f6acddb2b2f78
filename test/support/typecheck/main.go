// Command typecheck type-checks Go packages the way the compiler's front end would, for the
// test that applies every fix pinlint offers (test/fix-corpus.test.ts). It reads one job per
// line on stdin, a JSON object {"dir": "...", "file": "..."}: the package in dir, built for the
// first platform whose build constraints select file. It prints one JSON line per job:
// {"dir", "platform", "errors": ["file.go: message", ...]}.
//
// Unlike go vet or go build it keeps going past imports it cannot find (Debian's x/sys has no
// windows package) and reports every error, so a test can compare the errors of a package
// before and after a fix: a fix must add none. Positions are left out of the messages, because
// a fix moves lines.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type job struct {
	Dir  string `json:"dir"`
	File string `json:"file"`
}

type result struct {
	Dir      string   `json:"dir"`
	Platform string   `json:"platform"`
	Errors   []string `json:"errors"`
}

// Platforms tried in order; the first that builds the file wins.
var platforms = []string{
	"linux/amd64", "windows/amd64", "darwin/amd64", "freebsd/amd64", "openbsd/amd64", "netbsd/amd64",
	"dragonfly/amd64", "solaris/amd64", "illumos/amd64", "aix/ppc64", "plan9/amd64", "js/wasm",
	"linux/386", "linux/arm", "linux/arm64", "linux/mips", "linux/mipsle", "linux/mips64", "linux/mips64le",
	"linux/ppc64", "linux/ppc64le", "linux/riscv64", "linux/s390x", "linux/loong64", "windows/386",
	"windows/arm", "windows/arm64", "darwin/arm64", "freebsd/386", "freebsd/arm", "freebsd/arm64",
	"freebsd/riscv64", "netbsd/386", "netbsd/arm", "netbsd/arm64", "openbsd/386", "openbsd/arm",
	"openbsd/arm64", "openbsd/mips64", "plan9/386", "plan9/arm", "android/arm64", "ios/arm64",
}

type checker struct {
	platform string
	ctxt     build.Context
	imp      types.Importer
	fset     *token.FileSet
}

var checkers = map[string]*checker{}

func checkerFor(platform string) *checker {
	if c := checkers[platform]; c != nil {
		return c
	}
	parts := strings.SplitN(platform, "/", 2)
	// The source importer reads build.Default; one importer (and its package cache) per platform.
	build.Default.GOOS, build.Default.GOARCH, build.Default.CgoEnabled = parts[0], parts[1], false
	fset := token.NewFileSet()
	c := &checker{platform: platform, ctxt: build.Default, imp: importer.ForCompiler(fset, "source", nil), fset: fset}
	checkers[platform] = c
	return c
}

func platformFor(dir, file string) (string, bool) {
	for _, p := range platforms {
		parts := strings.SplitN(p, "/", 2)
		ctxt := build.Default
		ctxt.GOOS, ctxt.GOARCH, ctxt.CgoEnabled = parts[0], parts[1], true
		if ok, err := ctxt.MatchFile(dir, file); err == nil && ok {
			return p, true
		}
	}
	return "", false
}

func check(j job) result {
	r := result{Dir: j.Dir, Errors: []string{}}
	platform, ok := platformFor(j.Dir, j.File)
	if !ok {
		r.Errors = append(r.Errors, j.File+": no platform builds this file")
		return r
	}
	r.Platform = platform
	c := checkerFor(platform)
	entries, err := os.ReadDir(j.Dir)
	if err != nil {
		r.Errors = append(r.Errors, err.Error())
		return r
	}
	ctxt := c.ctxt
	ctxt.CgoEnabled = true // select cgo files too; import "C" is faked below
	// The target file's package: an external _test package is checked on its own, and a
	// package test file with the package's other files.
	target, err := parser.ParseFile(c.fset, filepath.Join(j.Dir, j.File), nil, parser.PackageClauseOnly)
	if err != nil {
		r.Errors = append(r.Errors, j.File+": "+stripPos(err.Error()))
		return r
	}
	pkgName := target.Name.Name
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") {
			continue
		}
		if ok, err := ctxt.MatchFile(j.Dir, name); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(c.fset, filepath.Join(j.Dir, name), nil, parser.ParseComments)
		if err != nil {
			r.Errors = append(r.Errors, name+": "+stripPos(err.Error()))
			continue
		}
		if f.Name.Name == pkgName && (name == j.File || !strings.HasSuffix(name, "_test.go") || strings.HasSuffix(j.File, "_test.go")) {
			files = append(files, f)
		}
	}
	conf := types.Config{
		Importer:    c.imp,
		FakeImportC: true,
		Sizes:       types.SizesFor("gc", strings.SplitN(platform, "/", 2)[1]),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				r.Errors = append(r.Errors, filepath.Base(te.Fset.Position(te.Pos).Filename)+": "+te.Msg)
				return
			}
			r.Errors = append(r.Errors, stripPos(err.Error()))
		},
	}
	conf.Check(pkgName, c.fset, files, nil)
	sort.Strings(r.Errors)
	return r
}

func stripPos(s string) string {
	if i := strings.Index(s, ": "); i >= 0 && strings.Count(s[:i], ":") >= 1 {
		return filepath.Base(strings.SplitN(s[:i], ":", 2)[0]) + ": " + s[i+2:]
	}
	return s
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var j job
		if err := json.Unmarshal(in.Bytes(), &j); err != nil {
			fmt.Fprintln(os.Stderr, "typecheck: bad job:", err)
			os.Exit(2)
		}
		if err := out.Encode(check(j)); err != nil {
			os.Exit(2)
		}
	}
}
