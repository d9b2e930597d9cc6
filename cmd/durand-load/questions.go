package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// builtinQuestions are what users type after /durand: questions of every
// kind (who, what, when, where, how many, why, list, timeline), commands,
// typos, chat openers, mentions and questions the pack does not cover.
var builtinQuestions = []string{
	// who
	"who is Asif Durrani",
	"who is amir khan muttaqi",
	"whos sirajuddin haqqani",
	"who is the spokesman of the taliban",
	"who runs the national freedom front",
	"<@U024BE7LH> who is mushahid hussain",
	"who is noor wali mehsud",
	"who is hafiz gul bahadur",
	"who is anwar ul haq kakar",
	"who wrote the fnf paper",
	// what / define
	"what does NIFMA stand for",
	"hey can you tell me what the supreme resistance council is",
	"what is a por card",
	"what is the moscow format",
	"what is the iskp",
	"what is fata",
	"what is the illegal foreigners repatriation plan",
	"what are pakistan's demands on the ttp",
	// when
	"when did torkham close",
	"when was the mastung bombing",
	"when did pakistan issue the demarche",
	"when did deportations of afghans begin",
	"when was the tank fort attack",
	"when did china appoint an ambassador to afghanistan",
	// where
	"where did the ttp attack a jui-f rally",
	"where is the durand line",
	"which provinces did the taliban promise to move ttp commanders away from",
	// how many / how much
	"how many afghans were deported",
	"how many people died in the mastung blast",
	"how many suicide bombings in 2023 were by afghans",
	"how many attacks did the ttp claim in december 2021",
	"how many afghans hold proof of registration cards",
	"how long is the pakistan afghanistan border",
	"how much revenue does the taliban get from trade via pakistan",
	// why
	"why did pakistan deport afghans",
	"why did the taliban not act against the ttp",
	"why did pakistan support the taliban in the 1990s",
	"why does the ttp attack pakistan",
	// list, timeline, commands
	"list the opposition groups",
	"list pakistan's strategic priorities",
	"what happened in september 2023",
	"what happened in march 2024",
	"timeline of the ttp",
	"timeline 1994-1998",
	"help",
	"sources",
	"about",
	"digest status",
	// typos
	"wat is ttp",
	"who is zabiulah mujahid",
	"wat is the nrf",
	"when did the ttp revoke the cesefire",
	"hw many fighters does ttp have",
	"who is sarfaraz bugty",
	"mullah haibatulah who is he",
	"what is the durand lin",
	"torkam closed when",
	"WHO IS ASIF DURANI??",
	// out of scope
	"who is the president of france",
	"what is the capital of germany",
	"who won the cricket world cup",
	"what did joe biden say about the taliban",
	"how many chinese tourists visited kabul in 2022",
	"best biryani in peshawar",
}

// readQuestions reads one question per line, skipping blank lines and
// lines starting with #.
func readQuestions(r io.Reader) ([]string, error) {
	var qs []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		q := strings.TrimSpace(sc.Text())
		if q == "" || strings.HasPrefix(q, "#") {
			continue
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("no questions")
	}
	return qs, nil
}
