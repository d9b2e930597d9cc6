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
