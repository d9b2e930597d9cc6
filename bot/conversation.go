package bot

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/durandbot/durand/knowledge"
)

// DefaultContextTTL is how long a conversation is remembered after its
// last message when DURAND_CONTEXT_TTL does not say.
const DefaultContextTTL = 30 * time.Minute

// ContextStore keeps conversations' contexts between messages. Store
// satisfies it, so that replicas on one database share a thread's
// context; MemoryStore keeps them for one process.
type ContextStore interface {
	SaveContext(ctx context.Context, key string, data []byte, now time.Time, ttl time.Duration) error
	LoadContext(ctx context.Context, key string, now time.Time) ([]byte, error)
}

// ConversationSettings says where conversations are kept and for how long.
type ConversationSettings struct {
	Store ContextStore
	// TTL is how long after its last message a conversation is
	// remembered; DefaultContextTTL when 0.
	TTL time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// SetConversations turns follow-ups on: a message with a Conversation key
// is read against that conversation's last turn. Without it, or for a
// message with no key, every message stands alone. Call it before serving.
func (r *Router) SetConversations(s ConversationSettings) {
	if s.TTL <= 0 {
		s.TTL = DefaultContextTTL
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	r.conv = &s
}

// conversationKey is where m's turn is kept: "slack:C1:1700000000.000100",
// per platform, so that ids never collide across platforms; empty when m
// stands alone.
func (r *Router) conversationKey(m Message) string {
	if r.conv == nil || r.conv.Store == nil || m.Conversation == "" {
		return ""
	}
	return m.Platform + ":" + m.Conversation
}

// followsKey is where the conversation m continues is kept: Follows when
// set, otherwise m's own.
func (r *Router) followsKey(m Message) string {
	if k := r.conversationKey(m); k == "" || m.Follows == "" {
		return k
	}
	return m.Platform + ":" + m.Follows
}

// loadContext returns the context m's conversation left, or the zero
// Context when it has none, has expired, or cannot be read (then logged:
// a lost context costs a follow-up, not the answer).
func (r *Router) loadContext(ctx context.Context, m Message) knowledge.Context {
	var c knowledge.Context
	key := r.followsKey(m)
	if key == "" {
		return c
	}
	data, err := r.conv.Store.LoadContext(ctx, key, r.conv.Now())
	if err != nil {
		if !errors.Is(err, ErrNotFound) {
			r.log.WarnContext(ctx, "conversation context not loaded", "platform", m.Platform, "err", err)
		}
		return c
	}
	if err := json.Unmarshal(data, &c); err != nil {
		r.log.WarnContext(ctx, "conversation context unreadable", "platform", m.Platform, "err", err)
		return knowledge.Context{}
	}
	return c
}

// saveContext keeps c as m's conversation's context for another TTL.
func (r *Router) saveContext(ctx context.Context, m Message, c knowledge.Context) {
	key := r.conversationKey(m)
	if key == "" {
		return
	}
	data, err := json.Marshal(c)
	if err == nil {
		err = r.conv.Store.SaveContext(ctx, key, data, r.conv.Now(), r.conv.TTL)
	}
	if err != nil {
		r.log.WarnContext(ctx, "conversation context not kept", "platform", m.Platform, "err", err)
	}
}
