package slack

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	slackgo "github.com/slack-go/slack"

	"github.com/durandbot/durand/bot"
)

// callbackFeedback is the callback_id of the "What was wrong?" modal a 👎
// opens; its submission is the vote.
const callbackFeedback = "durand_feedback"

// Ids of the modal's one input, the optional comment.
const (
	blockComment  = "durand_comment"
	actionComment = "durand_comment"
)

// Limits on what the modal carries in its private_metadata.
const (
	// maxMetadata is Slack's limit on a view's private_metadata, in
	// characters.
	maxMetadata = 3000
	// maxMetaResponseURL is the longest response_url carried: Slack's are
	// about 100 characters, and the rest of the room is the ref's.
	maxMetaResponseURL = 500
	// maxMetaChannel is the longest channel id carried; Slack's are about
	// 11 characters.
	maxMetaChannel = 64
)

// Metadata flags: whether the answer voted on is the voter's own
// (ephemeral) copy or a message in the channel.
const (
	metaEphemeral = "e"
	metaShared    = "s"
)

// Texts the voter may see besides bot.Thanks.
const (
	badVoteText  = "I couldn't read that vote; nothing was recorded."
	noModalText  = "Sorry, I couldn't open the feedback form; nothing was recorded. Please try again."
	modalTitle   = "What was wrong?" // at most 24 characters
	commentLabel = "Tell us what was wrong"
	commentHint  = "Kept with your 👎 for the people who curate durand's sources; your name is not kept."
	commentHolds = "A wrong name, date or figure, a missing source…"
)

// errBadVote is returned, wrapped, for a vote durand cannot read: a
// malformed or forged button value or modal metadata.
var errBadVote = errors.New("unreadable vote")

// voteTarget is where a vote was cast, and how to thank the voter.
type voteTarget struct {
	Channel     string
	ResponseURL string // the button press's response_url
	Ephemeral   bool   // the answer is the voter's own copy, not the channel's
}

// votePressed handles a press of 👍 or 👎 on an answer; cb's response_url
// has been checked. 👍 is kept at once; 👎 opens the modal whose submission
// is kept (voteSubmitted).
func (a *Adapter) votePressed(ctx context.Context, cb slackgo.InteractionCallback, act slackgo.BlockAction) {
	target := voteTarget{Channel: cb.Channel.ID, ResponseURL: cb.ResponseURL, Ephemeral: cb.Container.IsEphemeral}
	if target.Channel == "" {
		target.Channel = cb.Container.ChannelID
	}
	ref, ok := bot.DecodeAnswerRef(act.Value)
	if !ok || target.Channel == "" {
		a.log.WarnContext(ctx, "vote refused: unreadable button value", "channel", target.Channel, "action", act.ActionID)
		a.background(ctx, func(ctx context.Context) { a.tell(ctx, target, badVoteText) })
		return
	}
	m := a.message(target.Channel, cb.User.ID, "", "")
	if baseAction(act.ActionID) == ActionVoteUp {
		a.background(ctx, func(ctx context.Context) {
			a.thank(ctx, target, ref, a.cfg.Router.Vote(ctx, m, ref, bot.RatingUp, ""))
		})
		return
	}
	meta, err := a.voteMetadata(target, ref)
	if err != nil {
		a.log.WarnContext(ctx, "vote refused", "channel", target.Channel, "err", err)
		a.background(ctx, func(ctx context.Context) { a.tell(ctx, target, badVoteText) })
		return
	}
	a.background(ctx, func(ctx context.Context) {
		if _, err := a.api.OpenViewContext(ctx, cb.TriggerID, voteModal(meta)); err != nil {
			a.log.ErrorContext(ctx, "views.open failed", "channel", target.Channel, "err", err)
			a.tell(ctx, target, noModalText)
		}
	})
}

// voteSubmitted handles the submission of the "What was wrong?" modal: the
// 👎 is kept with its comment, and the voter thanked. It returns what to
// answer Slack with: nil, which closes the modal, or the modal's error
// when its metadata cannot be read, and then nothing is kept.
func (a *Adapter) voteSubmitted(ctx context.Context, cb slackgo.InteractionCallback) any {
	if cb.View.CallbackID != callbackFeedback {
		return nil
	}
	target, ref, err := a.readVoteMetadata(cb.View.PrivateMetadata)
	if err != nil {
		a.log.WarnContext(ctx, "vote refused", "err", err)
		return slackgo.NewErrorsViewSubmissionResponse(map[string]string{blockComment: badVoteText})
	}
	comment := ""
	if cb.View.State != nil {
		comment = cb.View.State.Values[blockComment][actionComment].Value
	}
	m := a.message(target.Channel, cb.User.ID, "", "")
	a.background(ctx, func(ctx context.Context) {
		a.thank(ctx, target, ref, a.cfg.Router.Vote(ctx, m, ref, bot.RatingDown, comment))
	})
	return nil
}

// thank tells the voter what became of their vote (resp, from
// Router.Vote). On their own copy of the answer, the thanks replaces the
// buttons: the answer is drawn again with the thanks in their place. On
// an answer in the channel, which others may still vote on, and whenever
// the answer cannot be drawn again as it was, the voter alone gets the
// thanks, in a message of its own.
func (a *Adapter) thank(ctx context.Context, target voteTarget, ref bot.AnswerRef, resp bot.Response) {
	msg := messageOf(Render(resp, RenderOptions{}), "ephemeral")
	msg.ReplaceOriginal = boolPtr(false)
	if resp.Lead == bot.Thanks && target.Ephemeral {
		again := a.cfg.Router.Answer(ref.Question)
		if again.Answer != nil && slices.Equal(again.Answer.Facts, ref.Facts) {
			msg = messageOf(Render(again, RenderOptions{Question: ref.Question, Share: true, Voted: true}), "ephemeral")
			msg.ReplaceOriginal = boolPtr(true)
		}
	}
	if err := a.respond(ctx, target.ResponseURL, msg); err != nil {
		a.log.ErrorContext(ctx, "vote thanks not delivered", "channel", target.Channel, "err", err)
	}
}

// tell sends the voter alone a short message, leaving the answer as it is.
func (a *Adapter) tell(ctx context.Context, target voteTarget, text string) {
	msg := message{ResponseType: "ephemeral", Text: text, ReplaceOriginal: boolPtr(false)}
	if err := a.respond(ctx, target.ResponseURL, msg); err != nil {
		a.log.ErrorContext(ctx, "vote message not delivered", "channel", target.Channel, "err", err)
	}
}

// voteModal is the "What was wrong?" modal, carrying meta.
func voteModal(meta string) slackgo.ModalViewRequest {
	input := slackgo.NewPlainTextInputBlockElement(plain(commentHolds), actionComment)
	input.Multiline = true
	input.MaxLength = bot.MaxComment
	block := slackgo.NewInputBlock(blockComment, plain(commentLabel), plain(commentHint), input)
	block.Optional = true
	return slackgo.ModalViewRequest{
		Type:            slackgo.VTModal,
		Title:           plain(modalTitle),
		Submit:          plain("Send"),
		Close:           plain("Cancel"),
		CallbackID:      callbackFeedback,
		PrivateMetadata: meta,
		Blocks:          slackgo.Blocks{BlockSet: []slackgo.Block{block}},
	}
}

// voteMetadata is what the modal carries to its submission, within
// Slack's 3,000 characters: whether the answer was the voter's own copy,
// the channel, the button press's response_url (to thank the voter) and
// the ref, one a line, the ref last and cut to fit.
func (a *Adapter) voteMetadata(target voteTarget, ref bot.AnswerRef) (string, error) {
	switch {
	case target.Channel == "" || len(target.Channel) > maxMetaChannel || strings.ContainsAny(target.Channel, "\r\n"):
		return "", fmt.Errorf("%w: channel %.80q", errBadVote, target.Channel)
	case len(target.ResponseURL) > maxMetaResponseURL:
		return "", fmt.Errorf("%w: a response_url of %d bytes", errBadVote, len(target.ResponseURL))
	}
	if err := a.checkResponseURL(target.ResponseURL); err != nil {
		return "", fmt.Errorf("%w: %w", errBadVote, err)
	}
	flag := metaShared
	if target.Ephemeral {
		flag = metaEphemeral
	}
	head := flag + "\n" + target.Channel + "\n" + target.ResponseURL + "\n"
	// Encode counts bytes, never fewer than characters.
	return head + ref.Encode(maxMetadata-len(head)), nil
}

// readVoteMetadata reads what voteMetadata made, refusing anything else:
// metadata durand did not make, or a response_url it would not post to.
func (a *Adapter) readVoteMetadata(meta string) (voteTarget, bot.AnswerRef, error) {
	parts := strings.SplitN(meta, "\n", 4)
	if len(parts) != 4 || (parts[0] != metaEphemeral && parts[0] != metaShared) || parts[1] == "" || len(parts[1]) > maxMetaChannel {
		return voteTarget{}, bot.AnswerRef{}, fmt.Errorf("%w: malformed modal metadata", errBadVote)
	}
	target := voteTarget{Ephemeral: parts[0] == metaEphemeral, Channel: parts[1], ResponseURL: parts[2]}
	if err := a.checkResponseURL(target.ResponseURL); err != nil {
		return voteTarget{}, bot.AnswerRef{}, fmt.Errorf("%w: %w", errBadVote, err)
	}
	ref, ok := bot.DecodeAnswerRef(parts[3])
	if !ok {
		return voteTarget{}, bot.AnswerRef{}, fmt.Errorf("%w: malformed answer ref", errBadVote)
	}
	return target, ref, nil
}

func boolPtr(b bool) *bool { return &b }
