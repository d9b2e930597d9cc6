package bot

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/durandbot/durand/knowledge"
)

// Rating is what a feedback record says of an answer: a user's vote, or
// the mark of a question the pack could not answer.
type Rating string

// The ratings.
const (
	RatingUp       Rating = "up"       // 👍 on an answer
	RatingDown     Rating = "down"     // 👎 on an answer, perhaps with a comment
	RatingDeclined Rating = "declined" // durand declined the question
)

// Valid reports whether r is one of the ratings.
func (r Rating) Valid() bool {
	return r == RatingUp || r == RatingDown || r == RatingDeclined
}

// Feedback is one record of what users made of durand's answers, for the
// curators' gaps report. It holds no user id.
type Feedback struct {
	Time       time.Time
	Platform   string
	Channel    string
	Question   string   // normalised; empty when question text is not kept
	Facts      []string // the answer's fact ids, leading fact first
	Confidence float64
	Rating     Rating
	Comment    string // what was wrong, for a 👎; may be empty
}

// AnswerRef is what an answer carries so that a later vote on it can be
// recorded: the question as normalised, the answer's fact ids and its
// confidence. Adapters keep it in their buttons (Encode) and hand it back
// with the vote (DecodeAnswerRef).
type AnswerRef struct {
	Question   string
	Facts      []string
	Confidence float64
}

// Limits on what is kept of a vote.
const (
	// MaxComment is the most of a 👎's comment kept, in characters.
	MaxComment = 1000
	// maxRefFacts is the most fact ids an AnswerRef carries: the leading
	// fact and its supporting ones.
	maxRefFacts = 4
)

// refSep separates an encoded AnswerRef's fields; it never occurs in a
// fact id or a confidence, and a question is always last.
const refSep = "|"

// Encode returns ref as a string of at most max bytes, for a button's
// value or id: the confidence, the fact ids, then the question. What does
// not fit is dropped from the end — the question first, then fact ids —
// so that the rating and the leading fact survive the tightest limit
// (Discord's 100-byte custom ids).
func (ref AnswerRef) Encode(max int) string {
	s := strconv.FormatFloat(ref.Confidence, 'f', 2, 64) + refSep
	facts := ref.Facts[:min(len(ref.Facts), maxRefFacts)]
	for i, f := range facts {
		next := f
		if i > 0 {
			next = "," + f
		}
		if len(s)+len(next)+len(refSep) > max {
			break
		}
		s += next
	}
	s += refSep
	if room := max - len(s); room > 0 {
		s += cutUTF8(ref.Question, room)
	}
	if len(s) > max {
		return s[:0]
	}
	return s
}

// DecodeAnswerRef reads a string made by Encode. A malformed one gives
// ok false.
func DecodeAnswerRef(s string) (ref AnswerRef, ok bool) {
	conf, rest, ok1 := strings.Cut(s, refSep)
	facts, question, ok2 := strings.Cut(rest, refSep)
	c, err := strconv.ParseFloat(conf, 64)
	if !ok1 || !ok2 || err != nil || c < 0 || c > 1 {
		return AnswerRef{}, false
	}
	ref.Confidence = c
	if facts != "" {
		ref.Facts = strings.Split(facts, ",")
	}
	ref.Question = question
	return ref, true
}

// cutUTF8 returns s cut to at most n bytes, never inside a character.
func cutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// FeedbackSettings turn on the recording of votes and declined questions.
type FeedbackSettings struct {
	Store Store
	// KeepText says whether the question's text is stored with each
	// record (DURAND_GAPS); without it, ratings are still counted.
	KeepText bool
	// Observe, when set, is told of each record kept, for metrics.
	Observe func(platform string, rating Rating)
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// SetFeedback turns on feedback recording. Call it before serving.
func (r *Router) SetFeedback(s FeedbackSettings) {
	if s.Now == nil {
		s.Now = time.Now
	}
	r.feedback = &s
}

// Thanks is what a voter is told once their vote is kept.
const Thanks = "Thanks — noted"

// Vote records m's user's rating of the answer ref names; a 👎 may carry
// a comment. It returns what to tell the voter. No user id is kept.
func (r *Router) Vote(ctx context.Context, m Message, ref AnswerRef, rating Rating, comment string) Response {
	if rating != RatingUp && rating != RatingDown {
		return Response{Kind: KindError, Lead: "I couldn't read that vote; nothing was recorded."}
	}
	if !r.limits.allow(userKey(m)) {
		return Response{Kind: KindInfo, Lead: "You're voting faster than I can keep up with; please try again in a little while."}
	}
	if rating == RatingUp {
		comment = ""
	}
	r.keep(ctx, m, Feedback{
		Question:   ref.Question,
		Facts:      ref.Facts,
		Confidence: ref.Confidence,
		Rating:     rating,
		Comment:    strings.TrimSpace(cutUTF8(comment, MaxComment)),
	})
	return Response{Kind: KindInfo, Lead: Thanks}
}

// keep stores one feedback record for m, when feedback is on; a failure is
// logged, never shown to the user.
func (r *Router) keep(ctx context.Context, m Message, f Feedback) {
	s := r.feedback
	if s == nil || s.Store == nil {
		return
	}
	f.Time = s.Now()
	f.Platform, f.Channel = m.Platform, m.Channel
	if f.Question != "" {
		f.Question = cutUTF8(knowledge.Normalize(f.Question), r.opts.MaxInput*4)
	}
	if !s.KeepText {
		f.Question, f.Comment = "", ""
	}
	ctx, cancel := context.WithTimeout(ctx, feedbackWriteTimeout)
	defer cancel()
	if err := s.Store.AddFeedback(ctx, f); err != nil {
		r.log.WarnContext(ctx, "feedback not stored", "platform", m.Platform, "rating", string(f.Rating), "err", err)
		return
	}
	if s.Observe != nil {
		s.Observe(m.Platform, f.Rating)
	}
}

// feedbackWriteTimeout bounds the store write a vote or a declined
// question costs, so that a slow database never holds up an answer.
const feedbackWriteTimeout = time.Second

// refOf is the AnswerRef of an answer to question.
func refOf(question string, a knowledge.Answer) *AnswerRef {
	ref := &AnswerRef{Question: question, Confidence: a.Confidence}
	for _, f := range a.Facts {
		if len(ref.Facts) == maxRefFacts {
			break
		}
		ref.Facts = append(ref.Facts, f.ID)
	}
	return ref
}
