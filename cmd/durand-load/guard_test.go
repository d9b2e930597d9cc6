package main

import "testing"

func TestCheckLoopbackURL(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"http://127.0.0.1:8080/slack/commands", true},
		{"http://127.0.0.1/slack/commands", true},
		{"http://127.9.8.7:1/x", true},
		{"http://localhost:8080/slack/commands", true},
		{"http://LOCALHOST:8080/", true},
		{"http://[::1]:8080/slack/commands", true},
		{"https://[::1]/", true},
		{"http://[::ffff:127.0.0.1]:80/", true},
		{"http://10.0.0.1:8080/slack/commands", false},
		{"http://example.com/slack/commands", false},
		{"http://example.com:8080/", false},
		{"http://0.0.0.0:8080/", false},
		{"http://192.168.1.1/", false},
		{"http://[::]:8080/", false},
		{"http://[2001:db8::1]:80/", false},
		{"http://localhost.example.com/", false},
		{"http://127.0.0.1.nip.io/", false},
		{"http://2130706433/", false}, // 127.0.0.1 as an integer: not a literal we accept
		{"ftp://127.0.0.1/", false},
		{"127.0.0.1:8080", false},
		{"", false},
	} {
		_, err := checkLoopbackURL(tc.url)
		if (err == nil) != tc.ok {
			t.Errorf("checkLoopbackURL(%q) = %v, want ok=%v", tc.url, err, tc.ok)
		}
	}
}

func TestCheckLoopbackListen(t *testing.T) {
	for _, tc := range []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:0", true},
		{"localhost:9999", true},
		{"[::1]:0", true},
		{":0", false},
		{"0.0.0.0:0", false},
		{"10.0.0.1:80", false},
		{"example.com:80", false},
		{"127.0.0.1", false},
	} {
		if err := checkLoopbackListen(tc.addr); (err == nil) != tc.ok {
			t.Errorf("checkLoopbackListen(%q) = %v, want ok=%v", tc.addr, err, tc.ok)
		}
	}
}

func TestDialLoopbackOnly(t *testing.T) {
	for _, tc := range []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:80", true},
		{"127.1.2.3:80", true},
		{"[::1]:80", true},
		{"10.0.0.1:80", false},
		{"93.184.216.34:443", false},
		{"[2001:db8::1]:80", false},
		{"example.com:80", false},
	} {
		if err := dialLoopbackOnly("tcp", tc.addr, nil); (err == nil) != tc.ok {
			t.Errorf("dialLoopbackOnly(%q) = %v, want ok=%v", tc.addr, err, tc.ok)
		}
	}
}
