// Command etcd runs a single-member etcd (the embedded server of go.etcd.io/etcd/server/v3) for the
// test bed's kube-apiserver. It serves plain HTTP on loopback only: nothing but the local API server
// talks to it, and the test bed throws its data away on every kube-up.
package main

import (
	"flag"
	"log"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	"go.etcd.io/etcd/server/v3/embed"
)

func main() {
	dataDir := flag.String("data-dir", "etcd-data", "directory of the member's data")
	client := flag.String("listen-client-url", "http://127.0.0.1:12379", "URL the API server connects to")
	peer := flag.String("listen-peer-url", "http://127.0.0.1:12380", "URL of the (unused) peer port")
	flag.Parse()

	cfg := embed.NewConfig()
	cfg.Name = "crater-testbed"
	cfg.Dir = *dataDir
	cfg.LogLevel = "warn"
	// Test data is disposable: skipping fsync keeps a 2-core machine's disk out of the API's latency.
	cfg.UnsafeNoFsync = true
	cu, pu := mustURL(*client), mustURL(*peer)
	cfg.ListenClientUrls, cfg.AdvertiseClientUrls = []url.URL{cu}, []url.URL{cu}
	cfg.ListenPeerUrls, cfg.AdvertisePeerUrls = []url.URL{pu}, []url.URL{pu}
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)

	e, err := embed.StartEtcd(cfg)
	if err != nil {
		log.Fatalf("etcd: %v", err)
	}
	defer e.Close()
	select {
	case <-e.Server.ReadyNotify():
		log.Printf("etcd ready on %s", cu.String())
	case err := <-e.Err():
		log.Fatalf("etcd: %v", err)
	}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	select {
	case <-stop:
	case err := <-e.Err():
		log.Fatalf("etcd: %v", err)
	}
}

func mustURL(s string) url.URL {
	u, err := url.Parse(s)
	if err != nil {
		log.Fatalf("etcd: bad URL %q: %v", s, err)
	}
	return *u
}
