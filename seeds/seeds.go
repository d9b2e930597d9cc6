// Package seeds holds durand's knowledge pack: the bibliographic records of
// the source documents, the entities they name and the facts drawn from them,
// written in durand's own words and each citing its source.
//
// The pack is plain YAML so that analysts can review and extend it; FS
// exposes it to knowledge.Load.
package seeds

import (
	"embed"
	"io/fs"
)

//go:embed sources.yaml conflicts.yaml lexicon.yaml wordnet.txt english.txt entities/*.yaml facts/*.yaml
var pack embed.FS

// FS returns the embedded knowledge pack.
func FS() fs.FS { return pack }

// snapshot is the pack loaded and indexed, as knowledge.Base.Snapshot
// writes it; knowledge's TestSnapshotCurrent keeps it in step with the
// pack and regenerates it with -update.
//
//go:embed pack.snap
var snapshot string

// Snapshot returns the embedded pack's snapshot, for
// knowledge.LoadSnapshot: a start-up in milliseconds instead of parsing
// and indexing the pack. It is only used while it matches FS's files.
func Snapshot() string { return snapshot }
