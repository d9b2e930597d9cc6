package knowledge

// Memos of what a question's words are: a word the pack does not know is
// stemmed, checked for a mistyped function word and for a mistyped frame
// word, and looked up in the speller for corrections, afresh in every
// question that uses it, and a few hundred words make up most questions.
// The answers depend on the word and the finished index only, so they are
// kept per word, never per question.

import (
	"strings"
	"sync"
)

// wordMemoCap bounds each memo: the words questions use are unbounded (every
// typo is a new one), while a few thousand cover nearly every question. At
// the cap a memo stops growing and further words are worked out each time.
const wordMemoCap = 1 << 14

// wordMemo maps a word to a value worked out from it alone. It is safe for
// concurrent use; it holds at most wordMemoCap words.
type wordMemo[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

// get returns what the memo holds for word w, if it holds it.
func (m *wordMemo[V]) get(w string) (V, bool) {
	m.mu.RLock()
	v, ok := m.m[w]
	m.mu.RUnlock()
	return v, ok
}

// put records v for word w, unless the memo is full. The word is copied,
// and so is a value that is a string, which may be the word itself, so
// that the memo does not keep the question they came from. (Other values,
// the speller's corrections, hold only words of the pack's.)
func (m *wordMemo[V]) put(w string, v V) {
	if s, ok := any(v).(string); ok {
		v = any(strings.Clone(s)).(V)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.m) >= wordMemoCap {
		return
	}
	if m.m == nil {
		m.m = make(map[string]V)
	}
	m.m[strings.Clone(w)] = v
}

// of returns what the memo holds for word w, working it out with f and
// keeping it when the memo holds nothing for w. A nil memo (an index still
// being built) keeps nothing.
func (m *wordMemo[V]) of(w string, f func(string) V) V {
	if m == nil {
		return f(w)
	}
	if v, ok := m.get(w); ok {
		return v
	}
	v := f(w)
	m.put(w, v)
	return v
}
