package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/durandbot/durand/internal/cli"
)

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestLoadServeConfig(t *testing.T) {
	slackHTTP := []string{"SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"}
	tests := []struct {
		name    string
		env     []string
		wantErr string // the variable the one-line error names; "" for valid
	}{
		{"nothing set", nil, "no chat platform configured"},
		{"slack http", slackHTTP, ""},
		{"slack socket mode", []string{"SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"}, ""},
		{"bot token as app token", []string{"SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2"}, "SLACK_APP_TOKEN"},
		{"secret without bot token", []string{"SLACK_SIGNING_SECRET", "s"}, "SLACK_BOT_TOKEN"},
		{"bot token alone", []string{"SLACK_BOT_TOKEN", "xoxb-1"}, "SLACK_SIGNING_SECRET"},
		{"bad addr", append([]string{"DURAND_ADDR", "localhost"}, slackHTTP...), "DURAND_ADDR"},
		{"bad zone", append([]string{"DURAND_TZ", "Mars/Olympus"}, slackHTTP...), "DURAND_TZ"},
		{"good zone", append([]string{"DURAND_TZ", "Asia/Karachi"}, slackHTTP...), ""},
		{"zone in any case", append([]string{"DURAND_TZ", "america/argentina/buenos_aires"}, slackHTTP...), ""},
		{"utc", append([]string{"DURAND_TZ", "utc"}, slackHTTP...), ""},
		{"local zone", append([]string{"DURAND_TZ", "Local"}, slackHTTP...), "DURAND_TZ"},
		{"local zone lower case", append([]string{"DURAND_TZ", "local"}, slackHTTP...), "DURAND_TZ"},
		{"posixrules", append([]string{"DURAND_TZ", "posixrules"}, slackHTTP...), "DURAND_TZ"},
		{"factory", append([]string{"DURAND_TZ", "Factory"}, slackHTTP...), "DURAND_TZ"},
		{"rule not place", append([]string{"DURAND_TZ", "EST5EDT"}, slackHTTP...), "DURAND_TZ"},
		{"bad api url", append([]string{"SLACK_API_URL", "ftp://x"}, slackHTTP...), "SLACK_API_URL"},
		{"discord alone", []string{"DISCORD_BOT_TOKEN", "xoxb-1"}, ""},
		{"discord beside slack", append([]string{"DISCORD_BOT_TOKEN", "xoxb-1", "DISCORD_GUILD_ID", "123456789012345678"}, slackHTTP...), ""},
		{"bad discord url", []string{"DISCORD_BOT_TOKEN", "xoxb-1", "DISCORD_API_URL", "discord"}, "DISCORD_API_URL"},
		{"bad guild id", []string{"DISCORD_BOT_TOKEN", "xoxb-1", "DISCORD_GUILD_ID", "my-guild"}, "DISCORD_GUILD_ID"},
		{"bad shard id", []string{"DISCORD_BOT_TOKEN", "xoxb-1", "DISCORD_SHARD_ID", "two", "DISCORD_SHARD_COUNT", "4"}, "DISCORD_SHARD_ID"},
		{"shard beyond count", []string{"DISCORD_BOT_TOKEN", "xoxb-1", "DISCORD_SHARD_ID", "4", "DISCORD_SHARD_COUNT", "4"}, "DISCORD_SHARD_ID"},
		{"shard without count", []string{"DISCORD_BOT_TOKEN", "xoxb-1", "DISCORD_SHARD_ID", "1"}, "DISCORD_SHARD_COUNT"},
		{"shards", []string{"DISCORD_BOT_TOKEN", "xoxb-1", "DISCORD_SHARD_ID", "3", "DISCORD_SHARD_COUNT", "4"}, ""},
		{"bad rate", append([]string{"DURAND_RATE", "fast"}, slackHTTP...), "DURAND_RATE"},
		{"rate", append([]string{"DURAND_RATE", "0"}, slackHTTP...), ""},
		{"bad log questions", append([]string{"DURAND_LOG_QUESTIONS", "yes please"}, slackHTTP...), "DURAND_LOG_QUESTIONS"},
		{"pack max", append([]string{"DURAND_PACK_MAX", "64MiB"}, slackHTTP...), ""},
		{"bad pack max", append([]string{"DURAND_PACK_MAX", "lots"}, slackHTTP...), "DURAND_PACK_MAX"},
		{"zero pack max", append([]string{"DURAND_PACK_MAX", "0"}, slackHTTP...), "DURAND_PACK_MAX"},
		{"drain", append([]string{"DURAND_DRAIN", "30s"}, slackHTTP...), ""},
		{"bad drain", append([]string{"DURAND_DRAIN", "soon"}, slackHTTP...), "DURAND_DRAIN"},
		{"negative drain", append([]string{"DURAND_DRAIN", "-5s"}, slackHTTP...), "DURAND_DRAIN"},
		{"gaps off", append([]string{"DURAND_GAPS", "0"}, slackHTTP...), ""},
		{"gaps on", append([]string{"DURAND_GAPS", "1"}, slackHTTP...), ""},
		{"bad gaps", append([]string{"DURAND_GAPS", "yes"}, slackHTTP...), "DURAND_GAPS"},
		{"gaps true", append([]string{"DURAND_GAPS", "true"}, slackHTTP...), "DURAND_GAPS"},
		{"gaps days", append([]string{"DURAND_GAPS_DAYS", "30"}, slackHTTP...), ""},
		{"zero gaps days", append([]string{"DURAND_GAPS_DAYS", "0"}, slackHTTP...), "DURAND_GAPS_DAYS"},
		{"negative gaps days", append([]string{"DURAND_GAPS_DAYS", "-7"}, slackHTTP...), "DURAND_GAPS_DAYS"},
		{"gaps days with unit", append([]string{"DURAND_GAPS_DAYS", "30d"}, slackHTTP...), "DURAND_GAPS_DAYS"},
		{"gaps days beyond a century", append([]string{"DURAND_GAPS_DAYS", "1000000"}, slackHTTP...), "DURAND_GAPS_DAYS"},
		{"pack not a directory", append([]string{"DURAND_PACK", "/no/such/pack"}, slackHTTP...), "DURAND_PACK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := loadServeConfig(env(tt.env...))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				if c.Addr != ":8080" && !strings.Contains(strings.Join(tt.env, " "), "DURAND_ADDR") {
					t.Errorf("default addr %q", c.Addr)
				}
				return
			}
			var ee *cli.ExitError
			if !errors.As(err, &ee) || ee.Code != 2 {
				t.Fatalf("error %v, want exit status 2", err)
			}
			if !strings.Contains(ee.Msg, tt.wantErr) || strings.Contains(ee.Msg, "\n") {
				t.Errorf("message %q: want one line naming %s", ee.Msg, tt.wantErr)
			}
			for _, secret := range []string{"xoxb-1", "xapp-1"} {
				if strings.Contains(ee.Msg, secret) {
					t.Errorf("message leaks a token: %q", ee.Msg)
				}
			}
		})
	}
}

// TestServeConfigGapsDefaults reads DURAND_GAPS and DURAND_GAPS_DAYS:
// question text kept for 90 days unless set otherwise.
func TestServeConfigGapsDefaults(t *testing.T) {
	slackHTTP := []string{"SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"}
	tests := []struct {
		name     string
		env      []string
		keepText bool
		days     int
	}{
		{"unset", slackHTTP, true, 90},
		{"gaps off", append([]string{"DURAND_GAPS", "0"}, slackHTTP...), false, 90},
		{"gaps on, 30 days", append([]string{"DURAND_GAPS", "1", "DURAND_GAPS_DAYS", "30"}, slackHTTP...), true, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := loadServeConfig(env(tt.env...))
			if err != nil {
				t.Fatal(err)
			}
			if c.Gaps != tt.keepText || c.GapsDays != tt.days {
				t.Errorf("Gaps %v, GapsDays %d; want %v, %d", c.Gaps, c.GapsDays, tt.keepText, tt.days)
			}
		})
	}
}

func TestServeWithoutTokensExits2(t *testing.T) {
	_, errs, code := runCmd(t, "", "serve")
	if code != 2 || !strings.Contains(errs, "SLACK_BOT_TOKEN") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
