package discord

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/durandbot/durand/internal/textcut"

	"github.com/durandbot/durand/bot"
)

// Discord's limits, counted in characters (runes), and ours.
const (
	maxContent     = 2000 // characters in a message's content
	maxTitle       = 256  // characters in an embed's title
	maxDescription = 4096 // characters in an embed's description
	maxFields      = 25   // fields in an embed
	maxFieldName   = 256  // characters in a field's name
	maxFieldValue  = 1024 // characters in a field's value
	maxFooter      = 2048 // characters in an embed's footer
	maxEmbedTotal  = 6000 // title + description + field names and values + footer

	maxQuestion    = 200 // characters of the footer "Q: …"
	maxSourcePart  = 200 // characters of a source's title, author or section
	maxQuote       = 400 // characters of a source's quote (40 words run to about 300)
	maxSuggestion  = 200 // characters of one suggestion
	maxSuggestions = 5   // suggestions listed
	minDescription = 200 // characters of description kept before field lines are dropped
)

// Colors of the embed's side bar, by kind.
const (
	colorAnswer  = 0x2E7D32
	colorDecline = 0x9E9E9E
	colorError   = 0xC62828
	colorOther   = 0x1565C0
)

// Names of the embed's fields.
const (
	fieldSources     = "Sources"
	fieldDidYouMean  = "Did you mean"
	fieldAlsoAsk     = "You could also ask"
	defaultErrorLead = "Please try again in a minute."
	fallbackTitle    = "durand"
)

const zwsp = "\u200b" // zero-width space: breaks a mention without showing

// footerPrefix starts an embed's footer that shows the question asked.
const footerPrefix = "Q: "

// Rendered is a Discord message: optional content and embeds, and the
// vote buttons of an answer.
type Rendered struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
}

// Render turns a response into a Discord message. question, when set, is
// shown in the embed footer as "Q: …". An answer (a response with an
// Answer) carries 👍 and 👎 buttons (see VoteUpID).
//
// The message is one embed and no content. Its title says what kind of
// response it is; its description is the lead, then the supporting lines as
// "• " bullets, then "…and N more" when entries were left out; a "Sources"
// field lists the sources and a "Did you mean" field the suggestions; its
// color follows the kind. KindError shows the lead alone.
//
// Text from the response is escaped (see Escape). The embed keeps within
// Discord's limits: each piece is trimmed on word boundaries, lists lose
// their last lines (saying how many), and when the whole embed would pass
// 6,000 characters the description is trimmed first, ending in "…".
func Render(r bot.Response, question string) Rendered {
	if r.Digest != nil {
		return RenderDigest(*r.Digest)
	}
	var footer string
	if q := textcut.OneLine(question); q != "" {
		// Footers show no markdown, so only mentions are neutralised:
		// backslashes would show as they are.
		footer = trimWords(footerPrefix+neutralise(q), maxQuestion)
	}

	lead := Escape(strings.TrimSpace(r.Lead))
	if r.Kind == bot.KindError {
		if lead == "" {
			lead = defaultErrorLead
		}
		return Rendered{Embeds: []*discordgo.MessageEmbed{
			fit(title(r.Kind), lead, footer, color(r.Kind), nil),
		}}
	}

	desc := lead
	if b := textcut.Bullets(r.Lines, r.MoreLine(), Escape); b != "" {
		if desc != "" {
			desc += "\n\n"
		}
		desc += b
	}

	var fields []field
	if lines := sourceLines(r.Sources); len(lines) > 0 {
		fields = append(fields, field{name: fieldSources, lines: lines, noun: "sources"})
	}
	if lines := suggestionLines(r.Suggestions); len(lines) > 0 {
		name := fieldDidYouMean
		if r.Kind != bot.KindDecline {
			name = fieldAlsoAsk
		}
		fields = append(fields, field{name: name, lines: lines, noun: "suggestions"})
	}

	t := title(r.Kind)
	if t == "" && desc == "" && len(fields) == 0 {
		t = fallbackTitle // Discord refuses an empty embed
	}
	out := Rendered{Embeds: []*discordgo.MessageEmbed{fit(t, desc, footer, color(r.Kind), fields)}}
	if r.Answer != nil {
		out.Components = voteButtons(*r.Answer)
	}
	return out
}

// NoMentions is allowed_mentions with nothing allowed: put on every
// message and interaction response so that nothing a user typed can ping
// @everyone, @here, a role or a user. It returns a fresh value each call.
//
// It marshals as {"parse":[],"replied_user":false}: discordgo always writes
// replied_user, and false is what we want there too.
func NoMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// Escape neutralises Discord markdown, link and mention syntax in user or
// pack text. It puts a backslash before \ * _ ~ ` | > [ ] ( ) (so that
// "[text](url)" is no masked link), and before # or - at the start of a
// line (headings, subtext, lists); it breaks URLs with a zero-width space
// (see textcut.Unlink), so none is live; it turns "@everyone" and
// "@here" (in any case) into "@\u200beveryone" and "@\u200bhere"; and it puts
// a zero-width space after the "<" of "<@123>", "<@!123>", "<@&123>" and
// "<#123>", which keep their digits but no longer render as mentions.
// Invalid UTF-8 becomes U+FFFD.
func Escape(s string) string {
	return escape(s, true)
}

// neutralise is Escape without the markdown: for text Discord shows as it
// is, such as an embed's footer. Mentions and URLs are broken all the same.
func neutralise(s string) string {
	return escape(s, false)
}

// escape neutralises mentions and links in s, and markdown too when
// markdown is set.
func escape(s string, markdown bool) string {
	s = textcut.Unlink(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := true
	for i, r := range s {
		switch {
		case markdown && strings.ContainsRune("\\*_~`|>[]()", r),
			markdown && lineStart && (r == '#' || r == '-'):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '<' && i+1 < len(s) && (s[i+1] == '@' || s[i+1] == '#'):
			b.WriteString("<" + zwsp)
		case r == '@' && broadcast(s[i+1:]):
			b.WriteString("@" + zwsp)
		default:
			b.WriteRune(r) // utf8.RuneError for invalid bytes: U+FFFD
		}
		switch {
		case r == '\n':
			lineStart = true
		case r != ' ' && r != '\t':
			lineStart = false
		}
	}
	return b.String()
}

// broadcast reports whether s starts with the name of a mention that pings
// many people.
func broadcast(s string) bool {
	for _, w := range [...]string{"everyone", "here"} {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			return true
		}
	}
	return false
}

// title is the embed title for a kind of response.
func title(k bot.Kind) string {
	switch k {
	case bot.KindTimeline:
		return "Timeline"
	case bot.KindDecline:
		return "Not in my sources"
	case bot.KindHelp:
		return "durand — help"
	case bot.KindInfo:
		return "durand"
	case bot.KindError:
		return "⚠️ Something went wrong"
	}
	return "" // an answer speaks for itself
}

// color is the embed's side bar color for a kind of response.
func color(k bot.Kind) int {
	switch k {
	case bot.KindAnswer:
		return colorAnswer
	case bot.KindDecline:
		return colorDecline
	case bot.KindError:
		return colorError
	}
	return colorOther
}

// sourceLines lists each source as "📄 **Title** — Author, Section", the
// title linked to the document's address where it has one, with the quotes
// the answer rests on beneath it as block quotes; a source is one entry, so
// trimming drops whole sources.
func sourceLines(sources []bot.Source) []string {
	var lines []string
	for _, c := range bot.Group(sources) {
		part := func(p string) string { return trimWords(Escape(textcut.OneLine(p)), maxSourcePart) }
		t := part(c.Title)
		if t == "" {
			t = part(c.Doc)
		}
		if t == "" {
			continue
		}
		line := "📄 **" + t + "**"
		if u := linkURL(c.URL); u != "" {
			line = "📄 **[" + t + "](" + u + ")**"
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
			line += "\n> " + trimWords(Escape(q), maxQuote)
		}
		lines = append(lines, line)
	}
	return lines
}

// linkURL is a source's address for a masked link, or "" when it is not an
// http(s) address or holds what would end the link early.
func linkURL(u string) string {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") || strings.ContainsAny(u, "()<> \n") {
		return ""
	}
	return u
}

// suggestionLines lists up to five distinct suggestions as "• who is X",
// escaped.
func suggestionLines(suggestions []string) []string {
	var lines []string
	for _, s := range textcut.Distinct(suggestions, maxSuggestions) {
		lines = append(lines, "• "+trimWords(Escape(s), maxSuggestion))
	}
	return lines
}

// field is an embed field before it is fitted: a name and the lines of its
// value. noun names what the lines are, for "…and N more sources".
type field struct {
	name  string
	lines []string
	noun  string
}

// fit builds an embed within Discord's limits. Each piece is trimmed to
// its own limit, and fields past the 25th are dropped. If the embed is then
// over 6,000 characters, the description is trimmed to what is left (to no
// less than minDescription); if it still is, the last field loses its last
// lines, or goes, then the one before, and so on; and last the description
// is trimmed further.
func fit(title, desc, footer string, color int, fields []field) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title: trimWords(title, maxTitle),
		Color: color,
	}
	if footer = trimWords(footer, maxFooter); footer != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: footer}
	}
	var kept []field // kept[i] is what e.Fields[i] was made from
	for _, f := range fields {
		if len(kept) == maxFields {
			break
		}
		f.name = trimWords(f.name, maxFieldName)
		value := packLines(f.lines, maxFieldValue, f.noun)
		if f.name == "" || value == "" {
			continue // Discord refuses an empty name or value
		}
		kept = append(kept, f)
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: f.name, Value: value})
	}

	rest := embedLen(e) // everything but the description, which is empty yet
	e.Description = trimWords(desc, min(maxDescription, max(maxEmbedTotal-rest, minDescription)))

	for over := embedLen(e) - maxEmbedTotal; over > 0 && len(e.Fields) > 0; over = embedLen(e) - maxEmbedTotal {
		i := len(e.Fields) - 1
		room := utf8.RuneCountInString(e.Fields[i].Value) - over
		if v := packLines(kept[i].lines, room, kept[i].noun); v != "" {
			e.Fields[i].Value = v
		} else {
			e.Fields, kept = e.Fields[:i], kept[:i]
		}
	}
	if len(e.Fields) == 0 {
		e.Fields = nil
	}
	if over := embedLen(e) - maxEmbedTotal; over > 0 {
		e.Description = trimWords(e.Description, utf8.RuneCountInString(e.Description)-over)
	}
	return e
}

// embedLen is the length of an embed the way Discord counts it against its
// 6,000 characters: the title, description, each field's name and value,
// the footer's text and the author's name, in characters.
func embedLen(e *discordgo.MessageEmbed) int {
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	if e.Footer != nil {
		n += utf8.RuneCountInString(e.Footer.Text)
	}
	if e.Author != nil {
		n += utf8.RuneCountInString(e.Author.Name)
	}
	return n
}

// packLines joins as many of the lines as fit in max characters, one per
// line, and when some are left out adds "…and N more <noun>". A line too
// long on its own is trimmed. It returns "" when not even that fits.
func packLines(lines []string, max int, noun string) string {
	if len(lines) == 0 || max < 1 {
		return ""
	}
	moreLine := func(n int) string { return "…and " + strconv.Itoa(n) + " more " + noun }
	total := 0 // runes of lines[:k] joined
	best := 0
	for k, l := range lines {
		if k > 0 {
			total++ // the line break
		}
		total += utf8.RuneCountInString(l)
		if total > max {
			break
		}
		rest := len(lines) - (k + 1)
		if rest == 0 {
			return strings.Join(lines, "\n")
		}
		if total+1+utf8.RuneCountInString(moreLine(rest)) <= max {
			best = k + 1
		}
	}
	if best == 0 {
		// Not even the first line fits with the count: trim the first line.
		rest := len(lines) - 1
		suffix := ""
		if rest > 0 {
			suffix = "\n" + moreLine(rest)
		}
		room := max - utf8.RuneCountInString(suffix)
		if room < 2 {
			return ""
		}
		return trimWords(lines[0], room) + suffix
	}
	return strings.Join(lines[:best], "\n") + "\n" + moreLine(len(lines)-best)
}

// trimWords shortens s to at most max runes on a word boundary, ending in
// "…" when it cuts; the result is always valid UTF-8.
func trimWords(s string, max int) string { return textcut.Trim(s, max) }
