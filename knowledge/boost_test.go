package knowledge

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestTreeUnmarshal checks the trees' own JSON reader against
// encoding/json's: the same nodes from every tree of the shipped models and
// from odd but valid spellings, and an error wherever encoding/json gives
// one. The shipped trees must be read by the scanner itself, not left to
// encoding/json.
func TestTreeUnmarshal(t *testing.T) {
	m, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, b := range []*boosted{&m.Confidence, m.Reading} {
		if b == nil || len(b.Trees) == 0 {
			t.Fatal("a model has no trees")
		}
		for _, tr := range b.Trees {
			data, err := json.Marshal([]treeNode(tr))
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := scanTree(data, nil); !ok {
				t.Fatalf("the scanner does not read a shipped tree: %.80s", data)
			}
			inputs = append(inputs, string(data))
		}
	}
	inputs = append(inputs,
		`[]`, ` [ ] `,
		"[\n {\"v\": -1.5e-15},\n\t{\"r\": 2, \"l\": 1, \"f\": 3, \"t\": 0.25, \"v\": 1E3}\n]",
		`[{"f":1,"t":0.5,"l":1,"r":2,"v":0.1},{"v":2}]`,
		`[{"feature": 1, "v": 2}]`, // a key it does not know: encoding/json's reading
		`[{"f": 1.5, "v": 2}]`,     // not an index
		`[{"f": "1", "v": 2}]`,     // not a number
		`[{"f": 1, "v": 2}`,        // cut short
		`[{"f": 1, "v": 2}] x`,     // trailing
		`{"f": 1}`, `null`, `[{"v": --1}]`,
	)
	for _, in := range inputs {
		var got tree
		gotErr := got.UnmarshalJSON([]byte(in))
		var want []treeNode
		wantErr := json.Unmarshal([]byte(in), &want)
		if (gotErr != nil) != (wantErr != nil) {
			t.Errorf("%.80s: error %v, encoding/json's %v", in, gotErr, wantErr)
			continue
		}
		if wantErr == nil && !reflect.DeepEqual([]treeNode(got), want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%.80s: read %+v, encoding/json reads %+v", in, got, want)
		}
	}
}
