package discord

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
)

// The custom ids of the vote buttons on every answer start with these,
// as Slack's action ids do (a contract tested from outside); then come
// idSep and the answer's bot.AnswerRef, encoded. The 👎 button's modal
// has the button's custom id.
const (
	VoteUpID   = "durand_feedback_up"
	VoteDownID = "durand_feedback_down"
)

const (
	// idSep ends a vote's prefix in its custom id.
	idSep = ":"
	// maxCustomID is Discord's limit on a component's or a modal's
	// custom id, in characters; an encoded AnswerRef is cut to its bytes,
	// which are never fewer.
	maxCustomID = 100
	// commentInputID is the custom id of the 👎 modal's text input.
	commentInputID = "comment"
)

// Texts of the vote buttons and the 👎 modal; Discord takes at most 45
// characters in a modal's title and a text input's label.
const (
	upEmoji, downEmoji = "👍", "👎"
	modalTitle         = "Feedback on this answer"
	commentLabel       = "What was wrong?"
	commentPlaceholder = "Optional: a wrong fact, a missing source, another question…"
	// unreadableVoteText answers a button press or a modal submission
	// durand cannot read as a vote; nothing is kept.
	unreadableVoteText = "I couldn't read that vote; nothing was recorded."
)

// voteButtons is the action row of an answer: 👍 and 👎, their custom ids
// carrying ref within Discord's 100 characters. The question is
// normalised first, so that more of it fits; what does not is recovered
// from the message when the vote comes (see askedIn).
func voteButtons(ref bot.AnswerRef) []discordgo.MessageComponent {
	ref.Question = knowledge.Normalize(ref.Question)
	button := func(prefix, emoji string) discordgo.MessageComponent {
		return &discordgo.Button{
			Style:    discordgo.SecondaryButton,
			Emoji:    &discordgo.ComponentEmoji{Name: emoji},
			CustomID: prefix + idSep + ref.Encode(maxCustomID-len(prefix)-len(idSep)),
		}
	}
	return []discordgo.MessageComponent{&discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		button(VoteUpID, upEmoji), button(VoteDownID, downEmoji),
	}}}
}

// parseVote reads a vote button's custom id; ok is false when it is not
// one.
func parseVote(customID string) (rating bot.Rating, ref bot.AnswerRef, ok bool) {
	prefix, encoded, found := strings.Cut(customID, idSep)
	switch {
	case !found:
		return "", bot.AnswerRef{}, false
	case prefix == VoteUpID:
		rating = bot.RatingUp
	case prefix == VoteDownID:
		rating = bot.RatingDown
	default:
		return "", bot.AnswerRef{}, false
	}
	ref, ok = bot.DecodeAnswerRef(encoded)
	return rating, ref, ok
}

// mayBeCut reports whether a vote's custom id is so close to the limit
// that its question may have been cut to fit: within one character's
// bytes of it.
func mayBeCut(customID string) bool {
	return len(customID) > maxCustomID-utf8.UTFMax
}

// askedIn recovers the question an answer message was for: the footer's
// "Q: …" of a /durand answer, without the zero-width spaces and markdown
// escapes rendering added, or the content of the message a reply answers.
// whole is false when there is none, or the footer holds only its start.
func askedIn(m *discordgo.Message) (q string, whole bool) {
	if m == nil {
		return "", false
	}
	for _, e := range m.Embeds {
		if e == nil || e.Footer == nil || !strings.HasPrefix(e.Footer.Text, footerPrefix) {
			continue
		}
		q = unrender(strings.TrimPrefix(e.Footer.Text, footerPrefix))
		if cut, trimmed := strings.CutSuffix(q, "…"); trimmed {
			return strings.TrimSpace(cut), false
		}
		return q, q != ""
	}
	if r := m.ReferencedMessage; r != nil {
		q = strings.TrimSpace(r.Content)
		return q, q != ""
	}
	return "", false
}

// unrender undoes what Escape and neutralise add to text: zero-width
// spaces, and backslashes before markdown.
func unrender(s string) string {
	s = strings.ReplaceAll(s, zwsp, "")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`\*_~`+"`"+`|>[]()#-`, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return strings.TrimSpace(b.String())
}

// vote answers a press of a vote button: 👍 is kept and the voter thanked;
// 👎 opens the modal asking what was wrong. Anything else is answered
// with unreadableVoteText.
func (a *Adapter) vote(s *discordgo.Session, i *discordgo.InteractionCreate) {
	d, ok := i.Data.(discordgo.MessageComponentInteractionData)
	if !ok {
		a.unreadable(s, i, unreadableVoteText)
		return
	}
	rating, ref, ok := parseVote(d.CustomID)
	if !ok {
		a.unreadable(s, i, unreadableVoteText)
		return
	}
	if rating == bot.RatingUp {
		a.keepVote(s, i, d.CustomID, ref, rating, "")
		return
	}
	err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{
			CustomID: d.CustomID,
			Title:    modalTitle,
			Components: []discordgo.MessageComponent{&discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				&discordgo.TextInput{
					CustomID:    commentInputID,
					Label:       commentLabel,
					Style:       discordgo.TextInputParagraph,
					Placeholder: commentPlaceholder,
					Required:    false,
					MaxLength:   bot.MaxComment,
				},
			}}},
		},
	})
	if err != nil {
		a.log.Error("opening the 👎 modal failed", "route", "POST interactions/callback", "err", redact(err))
	}
}

// voteSubmit answers the 👎 modal's submission: the vote is kept with
// what was typed, and the voter thanked. Anything else is answered with
// unreadableVoteText.
func (a *Adapter) voteSubmit(s *discordgo.Session, i *discordgo.InteractionCreate) {
	d, ok := i.Data.(discordgo.ModalSubmitInteractionData)
	if !ok {
		a.unreadable(s, i, unreadableVoteText)
		return
	}
	rating, ref, ok := parseVote(d.CustomID)
	if !ok || rating != bot.RatingDown {
		a.unreadable(s, i, unreadableVoteText)
		return
	}
	comment, ok := textInput(d.Components, commentInputID)
	if !ok {
		a.unreadable(s, i, unreadableVoteText)
		return
	}
	a.keepVote(s, i, d.CustomID, ref, rating, comment)
}

// textInput returns the value of the text input id among a modal's
// submitted components (action rows of text inputs): "" when it is not
// there. ok is false when a component is missing or of a kind a modal
// does not hold.
func textInput(components []discordgo.MessageComponent, id string) (value string, ok bool) {
	for _, c := range components {
		row, isRow := c.(*discordgo.ActionsRow)
		if !isRow || row == nil {
			return "", false
		}
		for _, rc := range row.Components {
			in, isInput := rc.(*discordgo.TextInput)
			if !isInput || in == nil {
				return "", false
			}
			if in.CustomID == id {
				value = in.Value
			}
		}
	}
	return value, true
}

// keepVote records the vote customID carries, and answers the voter
// alone; the shared message keeps its buttons for everyone else. The
// question is the one the answer's message shows (see askedIn), else the
// custom id's; when that may have been cut to fit and the message shows
// none, the vote is kept with the fact ids and confidence alone.
func (a *Adapter) keepVote(s *discordgo.Session, i *discordgo.InteractionCreate, customID string, ref bot.AnswerRef, rating bot.Rating, comment string) {
	switch q, whole := askedIn(i.Message); {
	case whole:
		ref.Question = q
	case mayBeCut(customID):
		ref.Question = ""
	}
	msg := bot.Message{Platform: "discord", Channel: i.ChannelID, User: user(i)}
	a.background(func(ctx context.Context) {
		r := Render(a.cfg.Router.Vote(ctx, msg, ref, rating, comment), "")
		err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Embeds: r.Embeds, AllowedMentions: NoMentions(), Flags: discordgo.MessageFlagsEphemeral},
		}, discordgo.WithContext(ctx))
		if err != nil {
			a.log.Error("answering a vote failed", "route", "POST interactions/callback", "err", redact(err))
		}
	})
}
