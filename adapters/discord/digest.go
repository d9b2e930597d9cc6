package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/durandbot/durand/internal/textcut"

	"github.com/bwmarrin/discordgo"

	"github.com/durandbot/durand/bot"
)

var _ bot.Poster = (*Adapter)(nil)

// RenderDigest turns a digest into an embed: one field per part, then the
// sources, within Discord's limits.
func RenderDigest(d bot.Digest) Rendered {
	var fields []field
	for _, sec := range d.Sections {
		var lines []string
		for _, l := range sec.Lines {
			lines = append(lines, "• "+Escape(textcut.OneLine(l)))
		}
		fields = append(fields, field{name: neutralise(textcut.OneLine(sec.Heading)), lines: lines, noun: "lines"})
	}
	if src := sourceLines(d.Sources); len(src) > 0 {
		fields = append(fields, field{name: "Sources", lines: src, noun: "sources"})
	}
	return Rendered{Embeds: []*discordgo.MessageEmbed{fit(neutralise(d.Title), "", "", colorDigest, fields)}}
}

// colorDigest is the digest embed's colour.
const colorDigest = 0x1565C0

// PostDigest posts a digest to a channel and returns the message id. A rate
// limit that outlasts discordgo's own retries is returned as a
// *bot.RetryAfterError.
func (a *Adapter) PostDigest(ctx context.Context, channel string, d bot.Digest) (string, error) {
	r := RenderDigest(d)
	m, err := a.s.ChannelMessageSendComplex(channel, &discordgo.MessageSend{
		Content: r.Content, Embeds: r.Embeds, AllowedMentions: NoMentions(),
	}, discordgo.WithContext(ctx))
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusTooManyRequests {
		wait := time.Second
		if s, perr := strconv.ParseFloat(re.Response.Header.Get("Retry-After"), 64); perr == nil {
			wait = time.Duration(s * float64(time.Second))
		}
		return "", &bot.RetryAfterError{Wait: wait, Err: errors.New(redact(err))}
	}
	if err != nil {
		return "", fmt.Errorf("discord: posting digest: %s", redact(err))
	}
	return m.ID, nil
}
