package main

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"
)

// Slack's own worked example from "Verifying requests from Slack".
const (
	vectorSecret = "8f742231b10e8888abcd99yyyzzz85a5"
	vectorTS     = "1531420618"
	vectorBody   = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	vectorSig    = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func TestSignKnownVector(t *testing.T) {
	s := newSigner(vectorSecret)
	if got := s.sign(vectorTS, []byte(vectorBody)); got != vectorSig {
		t.Fatalf("sign = %s, want %s", got, vectorSig)
	}
	// The signer is reused by a worker: a second signature must not
	// depend on the first.
	s.sign("1", []byte("other"))
	if got := s.sign(vectorTS, []byte(vectorBody)); got != vectorSig {
		t.Fatalf("reused signer = %s, want %s", got, vectorSig)
	}
}

// verify checks a signature the way durand does, with slack-go.
func verify(h http.Header, body []byte, secret string) error {
	sv, err := slackgo.NewSecretsVerifier(h, secret)
	if err != nil {
		return err
	}
	if _, err := sv.Write(body); err != nil {
		return err
	}
	return sv.Ensure()
}

func TestSignAcceptedBySlackGo(t *testing.T) {
	cmd := slashCommand{
		Text: "who is Asif Durrani & what's the TTP? 100% «sure»", UserID: "ULOAD7", UserName: "load7",
		ChannelID: "CLOAD1", TeamID: "T0LOAD", ResponseURL: "http://127.0.0.1:9/response/7", TriggerID: "7.7.abc",
	}
	body := cmd.body()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", ts)
	h.Set("X-Slack-Signature", newSigner("load-secret").sign(ts, body))
	if err := verify(h, body, "load-secret"); err != nil {
		t.Fatalf("slack-go rejects our signature: %v", err)
	}
	if err := verify(h, body, "another-secret"); err == nil {
		t.Fatal("slack-go accepted a signature under the wrong secret")
	}
	if err := verify(h, append(body, 'x'), "load-secret"); err == nil {
		t.Fatal("slack-go accepted a tampered body")
	}

	form, err := url.ParseQuery(string(body))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"command": "/durand", "text": cmd.Text, "user_id": "ULOAD7", "channel_id": "CLOAD1", "team_id": "T0LOAD",
		"response_url": cmd.ResponseURL, "trigger_id": "7.7.abc",
	}
	for k, v := range want {
		if got := form.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
}
