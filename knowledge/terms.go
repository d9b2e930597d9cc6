package knowledge

import "strings"

// shorthandText maps chat shorthand to the word meant, two words a line.
const shorthandText = `hw how
wht what
wut what
whn when
whr where
wer where
y why
abt about
bcz because
bc because
ppl people
govt government
mny many
hwo who
whos who
u you
r are
bak back
cme came
tht that
wats whats
happend happened
hapened happened`

// stopwordText lists words that carry no topic: they are skipped for search
// and for judging how much of a question an answer covers.
const stopwordText = `a an the of in on at to for from by with about into onto over under and or but nor
is are was were be been being am do does did done doing has have had having will would shall should can could may might must
this that these those there here it its he she they them their his her him we our you your i me my mine
what whats wat wats wut wht which who whos whom whose when whens where wheres why how hows
tell please know say give show explain describe detail details info information
any some many much more most very also just only even ever still yet then than so as such
if not no yes ok okay hey hi hello thanks thank durand bot
one ones thing things stuff anything something everything lot lots kind sort
get got make made let lets want need
between among during after before since until till while whilst within without through throughout
again further once both each few other own same too s t happen happened happening
mention mentioned mentions named listed discussed cover covered covers according regarding concerning
overall exactly precisely approximately roughly altogether currently actually really basically specifically just
per piece article paper report`

// questionWordText lists words that mark intent; they are never
// spelling-corrected into other words.
const questionWordText = `what whats wat wats wut wht which who whos whom whose when where why how
list timeline chronology happened happen define meaning mean means stand stands`

// lightWordText lists common verbs and adjectives that say little about a
// question's topic; they count for half.
const lightWordText = `start starts begin begins stop stops continue continues keep keeps try tries use uses go goes come comes
become becomes seem seems take takes put puts see sees look looks set sets went gone
came saw gave put kept
big large small new old main major key first last recent`

// synonymText holds groups of words a reader and the pack may use for the
// same thing, one group per line. Searching for one finds the others.
const synonymText = `die died dies dead death deaths kill killed killing kills fatal fatalities fatality casualties
expel expelled expels expulsion expulsions deport deported deporting deportation deportations evict evicted eviction evictions repatriation repatriate repatriated
found founded founder founding form formed formation create created creation establish established establishment
start started begin began begun launch launched
take took taken takeover seize seized seizure capture captured fall fell
distrust mistrust distrusts suspicion
weapon weapons arms rifles rifle guns
come came arrive arrived arrival arrivals enter entered moved
operate operates operating active based present presence
tally count total number
reluctant reluctance unwilling hesitant cautious avoid
criticise criticised criticize criticized criticism condemn condemned decried denounced
option options choices alternatives
tension tensions strain strained friction rift
reason reasons cause causes factor factors motive motives
engage engaging engagement ties outreach
lead leads leader leaders leading led head heads headed chief emir run runs running ran
issue issued issues lodge lodged deliver delivered
wrote write writes written writer author authored authors
spokesman spokesperson spokesmen spokespersons
spy intelligence isi
defence defense
airstrike airstrikes strike strikes raid raids bombing bombings
bomb bombs blast blasts explosion
close closed closes closing closure shut halted
fighter fighters militant militants cadre cadres combatants
refugee refugees migrant migrants immigrant immigrants
undocumented illegal unregistered
border boundary frontier
length long kilometre kilometres kilometer kilometers km
revenue revenues income
demand demands condition conditions
recommend recommends recommendation recommendations
pm premier
govt government gov governments
ceasefire cease-fire truce
pak pakistan pakistani pakistanis
afghan afghans afghanistan
us usa america american americans
september sept sep
october oct
november nov
december dec
january jan
february feb
march mar
april apr
august aug
july jul
june jun
percent percentage pc
million m mn
say says said statement remarked stated claimed
meaning means mean stand stands abbreviation acronym`

func pairsOf(s string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(s, "\n") {
		if f := strings.Fields(line); len(f) == 2 {
			m[f[0]] = f[1]
		}
	}
	return m
}

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// synonymGroups parses synonymText into a map from each stem to the other
// stems of its groups.
func synonymGroups() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(synonymText, "\n") {
		var stems []string
		seen := map[string]bool{}
		for _, w := range strings.Fields(line) {
			for _, t := range tokenize(w) {
				s := stem(t)
				if !seen[s] {
					seen[s] = true
					stems = append(stems, s)
				}
			}
		}
		for _, s := range stems {
			for _, o := range stems {
				if o != s && !contains(m[s], o) {
					m[s] = append(m[s], o)
				}
			}
		}
	}
	return m
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// inflected reports whether w carries a regular English verb or adverb
// ending. Such a word unknown to the pack is most likely ordinary English
// ("mentioned", "triggered") rather than a misspelt name or an unknown
// topic, so it is neither corrected into a general word nor weighed as a
// topic.
func inflected(w string) bool {
	for _, suf := range []string{"ed", "ing", "ly", "ion", "ions", "ment", "ness"} {
		if strings.HasSuffix(w, suf) && len(w) >= len(suf)+4 {
			return true
		}
	}
	return false
}

// stem reduces a lower-case word to a crude stem so that inflections meet:
// deported, deporting and deportations all become "deport". It is applied
// identically to the pack and to questions, so it need not be
// linguistically exact.
func stem(w string) string {
	if len(w) <= 3 || w[0] >= '0' && w[0] <= '9' {
		return w
	}
	for _, suf := range []string{"ations", "ation", "ings", "ing", "ments", "ment", "ies", "ied", "ers", "er", "es", "ed", "s", "e", "y"} {
		if !strings.HasSuffix(w, suf) {
			continue
		}
		base := w[:len(w)-len(suf)]
		if suf == "ies" || suf == "ied" {
			base += "i"
		}
		if len(base) < 3 || (strings.HasPrefix(suf, "er") && len(base) < 4) {
			continue
		}
		return base
	}
	return w
}
