package main

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
)

// Load may only go to this machine: a target, a response_url or a fake
// Slack must be loopback (127.0.0.0/8 or ::1). The check is made twice:
// on the names given, and again on every address actually dialled, so
// that neither a resolver nor a redirect can send load elsewhere.

// checkLoopbackHost accepts "localhost" and literal loopback addresses
// (a host as url.URL.Hostname returns it: no port, no brackets).
func checkLoopbackHost(host string) error {
	if strings.EqualFold(host, "localhost") {
		return nil
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%q is not a loopback address (only 127.0.0.0/8, ::1 and localhost are allowed)", host)
	}
	if !ip.WithZone("").Unmap().IsLoopback() {
		return fmt.Errorf("%s is not a loopback address (only 127.0.0.0/8, ::1 and localhost are allowed)", ip)
	}
	return nil
}

// checkLoopbackURL parses an http(s) URL whose host is loopback.
func checkLoopbackURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("%q is not an http(s) URL", raw)
	}
	if err := checkLoopbackHost(u.Hostname()); err != nil {
		return nil, err
	}
	return u, nil
}

// checkLoopbackListen accepts a host:port to listen on whose host is
// loopback; an empty host (every interface) is refused.
func checkLoopbackListen(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "" {
		return fmt.Errorf("%q would listen on every interface; give a loopback host such as 127.0.0.1", addr)
	}
	return checkLoopbackHost(host)
}

// dialLoopbackOnly is a net.Dialer Control function: it refuses to
// connect to any address that is not loopback, whatever name resolved
// to it.
func dialLoopbackOnly(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !ip.WithZone("").Unmap().IsLoopback() {
		return fmt.Errorf("refusing to connect to %s: not a loopback address", address)
	}
	return nil
}
