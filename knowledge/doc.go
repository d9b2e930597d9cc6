// Package knowledge is durand's core: it loads the knowledge pack, links a
// question to the entities it names, picks the facts that answer it, falls
// back to ranked search over the facts' text, and declines with suggestions
// when the pack does not cover the question.
//
// The package knows nothing of chat platforms, logs nothing and never reads
// the clock: callers pass what it needs.
package knowledge
