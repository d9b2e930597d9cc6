package slack

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/durandbot/durand/internal/textcut"

	"github.com/durandbot/durand/bot"
)

// Action ids of the buttons durand puts in messages.
//
// Slack rejects a block whose buttons share an action_id, so the first
// suggestion carries ActionAsk and the second to fifth carry ActionAsk+"_2"
// to ActionAsk+"_5"; baseAction maps them all back to ActionAsk.
//
// The vote buttons' ids are a contract: 👍's starts with ActionVoteUp and
// 👎's with ActionVoteDown, and each comes back with the answer's
// bot.AnswerRef, encoded, as its value.
const (
	ActionShare    = "durand_share"         // "Share in channel": value is the question
	ActionAsk      = "durand_ask"           // a suggestion: value is the question to ask
	ActionVoteUp   = "durand_feedback_up"   // 👍 on an answer: value is its encoded bot.AnswerRef
	ActionVoteDown = "durand_feedback_down" // 👎 on an answer: opens the "What was wrong?" modal
)

// Block ids of the blocks durand puts in messages.
const (
	blockQuestion    = "durand_question"
	blockSources     = "durand_sources"
	blockTrimmed     = "durand_trimmed"
	blockSuggestions = "durand_suggestions"
	blockShare       = "durand_share"
	blockFeedback    = "durand_feedback"
	blockVoted       = "durand_voted"
)

// Slack's limits, and ours.
const (
	maxBlocks       = 50   // blocks in a message
	maxText         = 3000 // characters in a text object (a section's text, a context element)
	maxContextElems = 10   // elements in a context block
	maxButtonText   = 75   // characters on a button
	maxButtonValue  = 2000 // characters in a button's value
	maxQuestion     = 300  // characters of the question shown in the context line
	maxSuggestions  = 5    // suggestion buttons
	maxSourcePart   = 500  // characters of a source's title, author or section
	maxQuote        = 600  // characters of a source's quote (40 words run to about 300)
)

const (
	zwj      = "\u200d" // zero-width joiner: breaks "@here" without showing
	shareBtn = "Share in channel"
	upBtn    = "👍"
	downBtn  = "👎"
)

// RenderOptions says how to render a response.
type RenderOptions struct {
	Question string // the question asked, shown in a context line and carried by the Share button
	Share    bool   // add a "Share in channel" button (for ephemeral answers)
	SharedBy string // Slack user id who shared it: adds "Shared by <@U…>" (this one mention is ours and stays live)
	// Voted shows bot.Thanks in place of an answer's 👍 and 👎: the
	// voter's own copy once they have voted.
	Voted bool
}

// Rendered is a Slack message: Block Kit blocks and the plain fallback text
// notifications use.
type Rendered struct {
	Text   string
	Blocks []slackgo.Block
}

// Render turns a response into a Slack message.
//
// The message is, in order: a context line with the question (and who
// shared it), the lead, the supporting lines as bullets, the sources, and
// an actions block with the suggestions and the Share button. Every piece
// of text is escaped, and the message keeps within Slack's limits: long text
// is split into several sections on line or word boundaries, and a message
// that would exceed 50 blocks loses its last sections, keeping the sources
// and the buttons. An answer (a response whose Answer is set) also carries
// 👍 and 👎 buttons, or the thanks in their place once voted.
// KindError renders the lead only.
func Render(r bot.Response, o RenderOptions) Rendered {
	if r.Digest != nil {
		return RenderDigest(*r.Digest)
	}
	lead := Escape(strings.TrimSpace(r.Lead))
	if r.Kind == bot.KindError {
		if lead == "" {
			lead = "Something went wrong. Please try again."
		}
		lead = "⚠️ " + lead
		return Rendered{Text: trimWords(lead, maxText), Blocks: sections(lead)}
	}

	var head, body, tail []slackgo.Block
	if b := questionBlock(o); b != nil {
		head = append(head, b)
	}
	body = append(body, sections(lead)...)
	body = append(body, sections(textcut.Bullets(r.Lines, r.MoreLine(), Escape))...)
	if b := sourcesBlock(r.Sources); b != nil {
		tail = append(tail, b)
	}
	var vote *bot.AnswerRef
	if !o.Voted {
		vote = r.Answer
	}
	if b := actionsBlock(r.Suggestions, vote, o); b != nil {
		tail = append(tail, b)
	}
	if o.Voted && r.Answer != nil {
		tail = append(tail, slackgo.NewContextBlock(blockVoted, plain("✓ "+bot.Thanks)))
	}

	text := lead
	if text == "" && len(r.Lines) > 0 {
		text = Escape(textcut.OneLine(r.Lines[0]))
	}
	return Rendered{Text: trimWords(text, maxText), Blocks: fit(head, body, tail)}
}

// Escape makes user or pack text safe for Slack mrkdwn: & < > become
// &amp; &lt; &gt;, so "<!everyone>", "<!channel>", "<!here>", "<@U123>" and
// "<https://x|y>" typed by a user never become live mentions or links.
// It also puts a zero-width joiner after the @ of a word-initial "@channel",
// "@here" or "@everyone", which Slack may otherwise turn into a broadcast,
// and breaks bare URLs with a zero-width space (see textcut.Unlink), which
// Slack would otherwise link in a message's text.
func Escape(s string) string {
	return neutralise(textcut.Unlink(escaper.Replace(s)))
}

// escaper replaces Slack's three control characters. A strings.Replacer is
// immutable and safe for concurrent use.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// neutralise puts a zero-width joiner after the @ of every word-initial
// @channel, @here or @everyone (in any case).
func neutralise(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 3*strings.Count(s, "@"))
	prev := ' '
	for i, r := range s {
		b.WriteRune(r)
		if r == '@' && !unicode.IsLetter(prev) && !unicode.IsDigit(prev) && broadcast(s[i+1:]) {
			b.WriteString(zwj)
		}
		prev = r
	}
	return b.String()
}

// broadcast reports whether s starts with the name of a broadcast mention.
func broadcast(s string) bool {
	for _, w := range [...]string{"channel", "here", "everyone"} {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			return true
		}
	}
	return false
}

// baseAction maps the action id of a pressed button to the Action constant
// it stands for: "durand_ask_3" (the third suggestion) is ActionAsk, and
// any id starting with ActionVoteUp or ActionVoteDown is that vote. Other
// ids are returned unchanged.
func baseAction(id string) string {
	for _, vote := range [...]string{ActionVoteUp, ActionVoteDown} {
		if strings.HasPrefix(id, vote) {
			return vote
		}
	}
	if n, ok := strings.CutPrefix(id, ActionAsk+"_"); ok {
		if _, err := strconv.Atoi(n); err == nil {
			return ActionAsk
		}
	}
	return id
}

// askAction is the action id of the i-th (from 0) suggestion button.
func askAction(i int) string {
	if i == 0 {
		return ActionAsk
	}
	return ActionAsk + "_" + strconv.Itoa(i+1)
}

// questionBlock is the context line above the answer: the question asked
// and who shared it, or nil when there is neither.
func questionBlock(o RenderOptions) slackgo.Block {
	var els []slackgo.MixedElement
	if q := textcut.OneLine(o.Question); q != "" {
		// plain_text: nothing the user typed is read as mrkdwn.
		els = append(els, plain("Q: "+trimWords(Escape(q), maxQuestion)))
	}
	if o.SharedBy != "" {
		els = append(els, mrkdwn("Shared by "+userMention(o.SharedBy)))
	}
	if len(els) == 0 {
		return nil
	}
	return slackgo.NewContextBlock(blockQuestion, els...)
}

// userMention is a live mention of a Slack user id, or the escaped id when
// it does not look like one.
func userMention(id string) string {
	ok := len(id) > 1 && len(id) <= 32 && (id[0] == 'U' || id[0] == 'W')
	for _, c := range id {
		ok = ok && ('A' <= c && c <= 'Z' || '0' <= c && c <= '9')
	}
	if !ok {
		return Escape(id)
	}
	return "<@" + id + ">"
}

// sections puts escaped mrkdwn text into as many sections as Slack's
// 3,000-character limit needs.
func sections(text string) []slackgo.Block {
	var blocks []slackgo.Block
	for _, part := range split(text, maxText) {
		blocks = append(blocks, slackgo.NewSectionBlock(mrkdwn(part), nil, nil))
	}
	return blocks
}

// sourcesBlock lists the sources in a context block, one "📄 *Title* —
// Author, Section" line each, with the quotes the answer rests on beneath
// it; what would pass the element's 3,000 characters is counted instead
// ("…and 2 more sources").
func sourcesBlock(sources []bot.Source) slackgo.Block {
	var chunks []string
	for _, c := range bot.Group(sources) {
		if l := sourceLine(c); l != "" {
			chunks = append(chunks, l)
		}
	}
	if len(chunks) == 0 {
		return nil
	}
	const reserve = 40 // room for "…and N more sources"
	text := ""
	for i, c := range chunks {
		next := text
		if next != "" {
			next += "\n"
		}
		next += c
		if utf8.RuneCountInString(next) > maxText-reserve && i > 0 {
			text += "\n…and " + strconv.Itoa(len(chunks)-i) + " more sources"
			break
		}
		text = next
	}
	return slackgo.NewContextBlock(blockSources, mrkdwn(trimWords(text, maxText)))
}

// sourceLine is one source as "📄 *Title* — Author, Section", escaped,
// leaving out what is empty, the title linked to the document's address
// where it has one and falling back to the document id; then each quote
// on a line of its own.
func sourceLine(c bot.Cited) string {
	part := func(p string) string { return trimWords(Escape(textcut.OneLine(p)), maxSourcePart) }
	title := part(c.Title)
	if title == "" {
		title = part(c.Doc)
	}
	if title == "" {
		return ""
	}
	line := "📄 *" + title + "*"
	if u := linkURL(c.URL); u != "" {
		line = "📄 *<" + u + "|" + title + ">*"
	}
	var by []string
	for _, p := range []string{part(c.Author), part(c.Section)} {
		if p != "" {
			by = append(by, p)
		}
	}
	if len(by) > 0 {
		line += " — " + strings.Join(by, ", ")
	}
	for _, q := range c.Quotes {
		line += "\n" + trimWords(Escape(q), maxQuote)
	}
	return line
}

// linkURL is a source's address made safe inside a Slack link, or "" when
// it is not an http(s) address: the pack's addresses are checked on load,
// but a link's "|" and ">" would still end it early.
func linkURL(u string) string {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") || strings.ContainsAny(u, "|<> \n") {
		return ""
	}
	return u
}

// actionsBlock holds a button for each suggestion (at most five), the
// Share button, and 👍 and 👎 when vote is set, or is nil when there are
// none. Its block id names the first kind of button in it.
func actionsBlock(suggestions []string, vote *bot.AnswerRef, o RenderOptions) slackgo.Block {
	var els []slackgo.BlockElement
	for _, s := range textcut.Distinct(suggestions, maxSuggestions) {
		els = append(els, button(askAction(len(els)), s, s))
	}
	id := blockSuggestions
	if len(els) == 0 {
		id = blockShare
	}
	if o.Share {
		els = append(els, button(ActionShare, shareBtn, strings.TrimSpace(o.Question)).WithStyle(slackgo.StylePrimary))
	}
	if vote != nil {
		if len(els) == 0 {
			id = blockFeedback
		}
		// The value is made to fit Slack's limit: no trimming, which would
		// spoil it.
		value := vote.Encode(maxButtonValue)
		els = append(els,
			slackgo.NewButtonBlockElement(ActionVoteUp, value, plain(upBtn)),
			slackgo.NewButtonBlockElement(ActionVoteDown, value, plain(downBtn)))
	}
	if len(els) == 0 {
		return nil
	}
	return slackgo.NewActionBlock(id, els...)
}

// button is a button labelled with the escaped, trimmed label. Its value is
// not escaped: it is never shown, and comes back verbatim in the
// interaction payload as the question to answer (which Render escapes then).
func button(actionID, label, value string) *slackgo.ButtonBlockElement {
	return slackgo.NewButtonBlockElement(actionID, trimWords(value, maxButtonValue),
		plain(trimWords(Escape(label), maxButtonText)))
}

// fit joins the blocks, dropping the last body sections if the message
// would exceed Slack's 50 blocks, and saying so where they were.
func fit(head, body, tail []slackgo.Block) []slackgo.Block {
	if room := maxBlocks - len(head) - len(tail); len(body) > room {
		keep := room - 1 // one block for the notice
		dropped := len(body) - keep
		body = append(body[:keep:keep], slackgo.NewContextBlock(blockTrimmed,
			plain("…trimmed ("+strconv.Itoa(dropped)+" more sections not shown)")))
	}
	blocks := make([]slackgo.Block, 0, len(head)+len(body)+len(tail))
	blocks = append(blocks, head...)
	blocks = append(blocks, body...)
	return append(blocks, tail...)
}

// mrkdwn is a mrkdwn text object for text already escaped. Verbatim stops
// Slack from linking channel names and URLs on its own.
func mrkdwn(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.MarkdownType, s, false, true)
}

// plain is a plain_text object for text already escaped, with no
// :emoji: codes expanded.
func plain(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.PlainTextType, s, false, false)
}

// trimWords shortens s to at most max runes on a word boundary, ending in
// "…" when it cuts.
func trimWords(s string, max int) string { return textcut.Trim(s, max) }

// split breaks s into parts of at most max runes, on line or word
// boundaries where it can.
func split(s string, max int) []string { return textcut.Split(s, max) }
