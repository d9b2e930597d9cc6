package knowledge

import (
	"io/fs"
	"strings"
)

// AnchorReport is the outcome of checking every citation's anchor phrase
// against the source documents.
type AnchorReport struct {
	Verified int
	Missing  []Problem
}

// VerifyAnchors looks up each fact's anchor phrase in its source document,
// read from docs by the source id (its file name). Case, quotes, dashes,
// emphasis asterisks and white space are folded on both sides first.
func (b *Base) VerifyAnchors(docs fs.FS) AnchorReport {
	var r AnchorReport
	texts := map[string]string{}
	for _, s := range b.srcOrder {
		data, err := fs.ReadFile(docs, s.ID)
		if err != nil {
			r.Missing = append(r.Missing, Problem{File: s.ID, Msg: "source document not readable: " + err.Error()})
			continue
		}
		texts[s.ID] = foldText(string(data))
	}
	for _, f := range b.facts {
		text, ok := texts[f.Cite.Doc]
		if !ok {
			continue
		}
		if strings.Contains(text, foldText(f.Cite.Anchor)) {
			r.Verified++
			continue
		}
		r.Missing = append(r.Missing, Problem{File: f.file, Entry: "fact " + f.ID,
			Msg: "anchor " + quote(f.Cite.Anchor) + " not found in " + f.Cite.Doc})
	}
	return r
}

func quote(s string) string { return "\"" + s + "\"" }
