package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"net/url"
	"strconv"
	"strings"
)

// signer computes Slack's v0 request signature:
// "v0=" + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)).
// A signer is not safe for concurrent use; each worker has its own.
type signer struct {
	mac hash.Hash
	buf []byte
}

func newSigner(secret string) *signer {
	return &signer{mac: hmac.New(sha256.New, []byte(secret))}
}

// sign returns the X-Slack-Signature header for body sent at ts (Unix
// seconds, as in X-Slack-Request-Timestamp).
func (s *signer) sign(ts string, body []byte) string {
	s.mac.Reset()
	s.mac.Write([]byte("v0:"))
	s.mac.Write([]byte(ts))
	s.mac.Write([]byte(":"))
	s.mac.Write(body)
	s.buf = s.mac.Sum(s.buf[:0])
	return "v0=" + hex.EncodeToString(s.buf)
}

// slashCommand is one /durand invocation.
type slashCommand struct {
	Text, UserID, UserName, ChannelID, TeamID, ResponseURL, TriggerID string
}

// body encodes c as Slack encodes a slash command: a form body with the
// fields in Slack's order.
func (c slashCommand) body() []byte {
	var b strings.Builder
	b.Grow(256 + len(c.Text) + len(c.ResponseURL))
	field := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	field("token", "load-deprecated-verification-token")
	field("team_id", c.TeamID)
	field("team_domain", "load")
	field("channel_id", c.ChannelID)
	field("channel_name", "load-"+strings.ToLower(c.ChannelID))
	field("user_id", c.UserID)
	field("user_name", c.UserName)
	field("command", "/durand")
	field("text", c.Text)
	field("api_app_id", "A0LOAD")
	field("is_enterprise_install", strconv.FormatBool(false))
	field("response_url", c.ResponseURL)
	field("trigger_id", c.TriggerID)
	return []byte(b.String())
}
