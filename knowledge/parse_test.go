package knowledge

import "testing"

// TestClassify pins how questions are read: the noun after "which" or
// "what", the words that ask for a figure, a name or a duration.
func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want Intent
	}{
		{"which afghan provinces did the jets hit", IntentWhere},
		{"what yr was the group set up", IntentWhen},
		{"which army chief was at the meeting", IntentWho},
		{"which pakistani official called it a nightmare", IntentWho},
		{"what did the army chief say", IntentStatement},
		{"which leaders were freed", IntentList},
		{"how long has he been prime minister", IntentWhen},
		{"how long is the border", IntentHowMany},
		{"names of the officers killed", IntentWho},
		{"name of the operation that ousted the taliban", IntentFact},
		{"who was pm when kabul fell", IntentWho},
	} {
		if got := classify(tokenize(tc.q), false); got != tc.want {
			t.Errorf("%q: intent %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestNamesCapitalised: a name is written with capitals; the same word in
// lower case is only a description.
func TestNamesCapitalised(t *testing.T) {
	for _, tc := range []struct {
		text  string
		words []string
		want  bool
	}{
		{"the US launched Operation Enduring Freedom in 2001", []string{"operation"}, true},
		{"the government calls it the Illegal Foreigners Repatriation Plan", []string{"deportation", "plan"}, true},
		{"Uzbekistan plans major infrastructure projects", []string{"railway", "project"}, false},
		{"Operations against the TTP went on", []string{"operation"}, true},
		{"an army operation followed", []string{"operation"}, false},
	} {
		if got := namesCapitalised(tc.text, tc.words); got != tc.want {
			t.Errorf("namesCapitalised(%q, %q) = %v, want %v", tc.text, tc.words, got, tc.want)
		}
	}
}
