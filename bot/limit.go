package bot

import (
	"hash/maphash"
	"sync"
	"time"
)

// Limiter sizing. Memory is bounded by limiterCap: each tracked user costs
// about 70 bytes (a 64-bit key hash, the bucket's one timestamp, two list
// links and the map slot), so a full limiter holds about 4 MiB however many
// users come (measured: 1 M distinct users within a minute, 4.2 MiB).
const (
	// limiterShards splits the users over this many independently locked
	// shards, so that concurrent messages rarely wait for one another and
	// no call ever holds a lock over more than its own shard.
	limiterShards = 64
	// limiterCap is how many users are tracked at once, in all shards. A
	// user's bucket is forgotten without loss once it has refilled (a
	// minute after their last message at most); beyond that, the user
	// whose last message is oldest in the shard is forgotten first. The
	// cap only bites when more than this many distinct users message
	// within a minute.
	limiterCap = 1 << 16
	// shardCap is limiterCap shared among the shards.
	shardCap = limiterCap / limiterShards
)

// limiter is a token bucket per user: perMinute messages a minute, with
// that many in a burst. It is safe for concurrent use and bounded in
// memory (see limiterCap); the zero perMinute, or a nil limiter, allows
// everything.
//
// Each bucket is kept as one number, its theoretical arrival time (GCRA):
// the time at which the bucket will be full again. A message is allowed
// when that time is no more than burst-1 intervals ahead of now, and
// pushes it one interval on.
type limiter struct {
	perMinute int
	interval  int64 // nanoseconds for one token to come back
	tolerance int64 // nanoseconds the full-again time may run ahead: burst-1 intervals
	now       func() time.Time
	seed      maphash.Seed
	shards    [limiterShards]limiterShard
}

// limiterShard is the buckets of the users whose key hashes to it, in a
// list from the most to the least recently active.
type limiterShard struct {
	mu    sync.Mutex
	index map[uint64]int32 // key hash -> its node
	nodes []limiterNode    // at most shardCap
	head  int32            // the most recently active; -1 when none
	tail  int32            // the least recently active; -1 when none
	free  int32            // a chain, through next, of nodes forgotten; -1 when none
}

// limiterNode is one user's bucket, a node in its shard's list.
type limiterNode struct {
	key        uint64 // the hash of the user's key
	full       int64  // when the bucket is full again, in Unix nanoseconds
	prev, next int32  // neighbours towards head and tail; -1 at the ends
}

func newLimiter(perMinute int, now func() time.Time) *limiter {
	l := &limiter{perMinute: perMinute, now: now, seed: maphash.MakeSeed()}
	if perMinute > 0 {
		l.interval = int64(time.Minute) / int64(perMinute)
		l.tolerance = int64(perMinute-1) * l.interval
	}
	for i := range l.shards {
		l.shards[i].head, l.shards[i].tail, l.shards[i].free = -1, -1, -1
	}
	return l
}

// allow reports whether key may send a message now, and takes a token.
func (l *limiter) allow(key string) bool {
	if l == nil || l.perMinute <= 0 {
		return true
	}
	h := maphash.String(l.seed, key)
	now := l.now().UnixNano()
	s := &l.shards[h%limiterShards]
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.find(h, now)
	full := max(e.full, now)
	if full-now > l.tolerance {
		return false
	}
	e.full = full + l.interval
	return true
}

// find returns key hash h's bucket, made the most recently active. A new
// user gets a full bucket; first, buckets that have refilled are
// forgotten, and at the cap the least recently active user makes way.
func (s *limiterShard) find(h uint64, now int64) *limiterNode {
	if i, ok := s.index[h]; ok {
		s.unlink(i)
		s.pushFront(i)
		return &s.nodes[i]
	}
	if s.index == nil {
		s.index = map[uint64]int32{}
	}
	// A full bucket is what a new user gets, so forgetting one loses
	// nothing. The list's far end is the likeliest to be full.
	for s.tail >= 0 && s.nodes[s.tail].full <= now {
		i := s.tail
		s.forget(i)
		s.nodes[i].next, s.free = s.free, i
	}
	var i int32
	switch {
	case s.free >= 0:
		i, s.free = s.free, s.nodes[s.free].next
	case len(s.nodes) < shardCap:
		s.nodes = append(s.nodes, limiterNode{})
		i = int32(len(s.nodes) - 1)
	default: // at the cap
		i = s.tail
		s.forget(i)
	}
	s.nodes[i] = limiterNode{key: h, full: now}
	s.index[h] = i
	s.pushFront(i)
	return &s.nodes[i]
}

// forget takes node i's user out of the index and the list.
func (s *limiterShard) forget(i int32) {
	delete(s.index, s.nodes[i].key)
	s.unlink(i)
}

func (s *limiterShard) unlink(i int32) {
	e := &s.nodes[i]
	if e.prev >= 0 {
		s.nodes[e.prev].next = e.next
	} else {
		s.head = e.next
	}
	if e.next >= 0 {
		s.nodes[e.next].prev = e.prev
	} else {
		s.tail = e.prev
	}
	e.prev, e.next = -1, -1
}

func (s *limiterShard) pushFront(i int32) {
	e := &s.nodes[i]
	e.prev, e.next = -1, s.head
	if s.head >= 0 {
		s.nodes[s.head].prev = i
	}
	s.head = i
	if s.tail < 0 {
		s.tail = i
	}
}

// size is how many users the limiter tracks.
func (l *limiter) size() int {
	n := 0
	for i := range l.shards {
		s := &l.shards[i]
		s.mu.Lock()
		n += len(s.index)
		s.mu.Unlock()
	}
	return n
}
