package seeds_test

import (
	"os"
	"testing"

	"github.com/durandbot/durand/knowledge"
	"github.com/durandbot/durand/seeds"
)

// sharedSeeds is where the source documents live beside a checkout.
const sharedSeeds = "../../shared/seeds"

func TestEmbeddedPackLoads(t *testing.T) {
	b, err := knowledge.Load(seeds.FS())
	if err != nil {
		t.Fatal(err)
	}
	st := b.Stats()
	if st.Sources != 5 || st.Entities < 120 || st.Facts < 400 || st.Conflicts < 5 {
		t.Errorf("pack too small: %+v (want 5 sources, >120 entities, >400 facts, >=5 conflicts)", st)
	}
}

// TestAnchorsInSources finds every citation's anchor phrase in its source
// document. It needs the documents, which live outside the repository.
func TestAnchorsInSources(t *testing.T) {
	if _, err := os.Stat(sharedSeeds); err != nil {
		t.Skipf("source documents not found at %s: %v", sharedSeeds, err)
	}
	b, err := knowledge.Load(seeds.FS())
	if err != nil {
		t.Fatal(err)
	}
	r := b.VerifyAnchors(os.DirFS(sharedSeeds))
	for _, p := range r.Missing {
		t.Error(p)
	}
	if r.Verified != b.Stats().Facts {
		t.Errorf("verified %d anchors of %d facts", r.Verified, b.Stats().Facts)
	}
}
