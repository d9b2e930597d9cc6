package slack

import (
	"context"
	"errors"
	"fmt"

	"github.com/durandbot/durand/internal/textcut"

	slackgo "github.com/slack-go/slack"

	"github.com/durandbot/durand/bot"
)

var _ bot.Poster = (*Adapter)(nil)

// RenderDigest turns a digest into a Slack message: a header, a section per
// part, and the sources.
func RenderDigest(d bot.Digest) Rendered {
	head := []slackgo.Block{slackgo.NewHeaderBlock(plain(trimWords(d.Title, 150)))}
	var body []slackgo.Block
	for _, sec := range d.Sections {
		body = append(body, sections("*"+Escape(textcut.OneLine(sec.Heading))+"*\n"+textcut.Bullets(sec.Lines, "", Escape))...)
	}
	var tail []slackgo.Block
	if b := sourcesBlock(d.Sources); b != nil {
		tail = append(tail, b)
	}
	return Rendered{Text: trimWords(Escape(d.Title), maxText), Blocks: fit(head, body, tail)}
}

// PostDigest posts a digest to a channel with chat.postMessage. A rate
// limit that outlasts slack-go's own retries is returned as a
// *bot.RetryAfterError.
func (a *Adapter) PostDigest(ctx context.Context, channel string, d bot.Digest) (string, error) {
	r := RenderDigest(d)
	_, ts, err := a.api.PostMessageContext(ctx, channel,
		slackgo.MsgOptionText(r.Text, false), slackgo.MsgOptionBlocks(r.Blocks...), slackgo.MsgOptionDisableLinkUnfurl())
	var rl *slackgo.RateLimitedError
	if errors.As(err, &rl) {
		return "", &bot.RetryAfterError{Wait: rl.RetryAfter, Err: err}
	}
	if err != nil {
		return "", fmt.Errorf("slack: chat.postMessage: %w", err)
	}
	return channel + "/" + ts, nil
}
