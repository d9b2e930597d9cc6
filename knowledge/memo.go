package knowledge

// Memos of what a question's words are: a word the pack does not know is
// stemmed, checked for a mistyped function word and for a mistyped frame
// word afresh in every question that uses it, and a few hundred words make
// up most questions. The answers depend on the word and the finished index
// only, so they are kept per word, never per question.

import (
	"strings"
	"sync"
)

// wordMemoCap bounds each memo: the words questions use are unbounded (every
// typo is a new one), while a few thousand cover nearly every question. At
// the cap a memo stops growing and further words are worked out each time.
const wordMemoCap = 1 << 14

// wordMemo maps a word to a string worked out from it alone. It is safe for
// concurrent use; it holds at most wordMemoCap words.
type wordMemo struct {
	mu sync.RWMutex
	m  map[string]string
}

// get returns what the memo holds for word w, if it holds it.
func (m *wordMemo) get(w string) (string, bool) {
	m.mu.RLock()
	v, ok := m.m[w]
	m.mu.RUnlock()
	return v, ok
}

// put records v for word w, unless the memo is full. Both are copied, so
// that the memo does not keep the question they came from.
func (m *wordMemo) put(w, v string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.m) >= wordMemoCap {
		return
	}
	if m.m == nil {
		m.m = make(map[string]string)
	}
	m.m[strings.Clone(w)] = strings.Clone(v)
}

// of returns what the memo holds for word w, working it out with f and
// keeping it when the memo holds nothing for w. A nil memo (an index still
// being built) keeps nothing.
func (m *wordMemo) of(w string, f func(string) string) string {
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
