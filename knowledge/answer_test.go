package knowledge_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/durandbot/durand/knowledge"
	"github.com/durandbot/durand/seeds"
)

// packBase loads the embedded pack once for all tests in the package.
var packBase = sync.OnceValues(func() (*knowledge.Base, error) { return knowledge.Load(seeds.FS()) })

func base(tb testing.TB) *knowledge.Base {
	tb.Helper()
	b, err := packBase()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestAnswer pins, for each intent and for typo variants, which fact the
// answer must contain. These are our own paraphrases, not the dev set.
func TestAnswer(t *testing.T) {
	tests := []struct {
		intent, q string
		facts     []string // the answer's facts must include one of these
		text      string   // and its text this, if set
	}{
		{"who", "who is amir khan muttaqi", []string{"fnf-muttaqi-role"}, "foreign minister"},
		{"'ultimately' only stresses what is asked", "what does the ttp ultimately want", []string{"fnf-ttp-demands-sharia-democracy"}, "Sharia"},
		{"'at some point' only asks whether it ever happened", "was the ttp spokesman killed at some point", []string{"fnf-khalid-balti-killed"}, "Balti"},
		{"the owner of a post said after 'of' in the fact", "who is the taliban's foreign minister", []string{"fnf-muttaqi-role"}, "Muttaqi"},
		{"the one party named as speaking leads", "how did the hrcp react to the expulsion order", []string{"cookie-hrcp-statement"}, "compassion"},
		{"a group's new men are its recruits", "where did the ttp's new fighters come from", []string{"op-prisoners-freed-bagram-pul-e-charkhi", "op-40-factions-joined-ttp"}, "swell"},
		{"the source's own judgment word", "did the peace deals with the ttp work", []string{"op-ceasefires-counterproductive"}, "counterproductive"},
		{"an angle is a motive", "what is china's angle", []string{"fnf-china-motive-bri"}, "Belt and Road"},
		{"an owner's angle, asked with no question word, is a motive", "china's angle?", []string{"fnf-china-motive-bri"}, "Belt and Road"},
		{"an open whether-question is asked only in its words", "anwar ul haq kakar's letter to mulla hasan akhund - what was it about", []string{"fnf-kakar-letter-indirect-message", "fnf-kakar-letter-to-hasan-akhund"}, "security"},
		{"an event the source asked of never tells is read as words", "in ghosh's article, which provinces did the pakistani airstrikes in afghanistan hit", []string{"recal-airstrikes-khost-kunar"}, "Khost"},
		{"a post's party is said by the post its holder held", "which us official told pakistan it couldn't keep snakes in its backyard", []string{"cookie-clinton-snakes-warning"}, "Clinton"},
		{"a party's stance on something is how it sees it", "central asian states stance on the taliban", []string{"fnf-central-asia-taliban-bulwark"}, "stabilising"},
		{"what a group is seen as, it was hailed or labelled as", "why was hafiz gul bahadur's group seen as the 'good taliban'", []string{"fnf-prism-good-taliban"}, "refrained"},
		{"an event's date is when it began", "when did un sanctions on the taliban begin", []string{"lev-un-sanctions-1999"}, "1999"},
		{"how much of a hold is how far it reaches", "how much leverage does pakistan have over afghan revenue", []string{"lev-customs-and-total-revenue-share"}, "40 percent"},
		{"multi-pronged is multifaceted, not a misspelt name", "what is pakistan's multi pronged pressure strategy on the taliban", []string{"fnf-pressure-strategy-list"}, "airstrikes"},
		{"a scale in words is how many the sources say", "how many ttp prisoners did the taliban free after taking kabul", []string{"recal-ttp-prisoners-freed"}, "hundreds"},
		{"what data say, a figure says", "what does picss data say about militant attacks in september 2023", []string{"cookie-picss-september-toll"}, "65"},
		{"the afghan war is the intervention the sources speak of", "what did heiko maas say about the afghan war", []string{"fnf-heiko-maas-statement"}, "interventions"},
		{"how bad violence got is how high it rose", "how bad did ttp violence get in 2023", []string{"fnf-ttp-violence-risen-dramatically", "fnf-2023-eight-year-high"}, ""},
		{"what comes next is what is expected", "what does anwesha ghosh expect next in pak-taliban ties", []string{"recal-recalibration-expected"}, "recalibrate"},
		{"'in … terms' only frames what is asked", "whats the 'ankara circle' in afghan opposition terms?", []string{"fnf-abbr-src", "fnf-src-ankara-circle"}, "Supreme Resistance Council"},
		{"a failure is what failed", "what does anatol lieven blame for the afghan failure", []string{"fnf-lieven-blames-europeans"}, "European"},
		{"an attack named bare is what happened, with its toll", "mastung blast sept 29 - details", []string{"cookie-mastung-blast"}, "59"},
		{"an attack named bare, with no name the pack links, still leads with its toll", "march 30 2022 attack in tank", []string{"fnf-tank-fort-24-soldiers"}, "24"},
		{"the gul paper is the fnf paper, not anyone else named gul", "what militant groups are in afghanistan according to the gul paper", []string{"fnf-threats-list"}, "ISKP"},
		{"who installed someone named is whoever the fact says installed him, a state too", "who installed babrak karmal as president", []string{"lev-karmal-role", "lev-soviet-invasion-1979"}, "Soviet Union"},
		{"to debate is to discuss", "what did zahir shah's loya jirga of 1964 debate?", []string{"lev-loya-jirga-1964"}, "discuss"},
		{"trying to talk is talking", "did pakistan ever try talking to the ttp after kabul fell", []string{"fnf-talks-kabul-khost"}, "talks"},
		{"the MoD is the ministry of defence", "how did the afghan mod respond to the march 2024 airstrikes", []string{"fnf-afghan-border-forces-retaliate"}, "Ministry of Defence"},
		{"a record is the highest there has been", "ttp monthly attack record in dec 2021", []string{"fnf-ttp-45-attacks-december-2021"}, "45"},
		{"a mess is the problems a place is in", "root causes of afghanistan's mess per the fnf paper?", []string{"fnf-three-root-factors-list"}, "root factors"},
		{"a playbook is a strategy", "whats pak's current playbook to pressure the afghan taliban", []string{"fnf-pressure-strategy-list"}, "strategy"},
		{"an ethnic profile is a make-up, not prominence", "what is the ethnic profile of the current taliban goverment", []string{"lev-taliban-government-pashtun"}, "Pashtun"},
		{"uneasy is unsettled", "why is china uneasy about the ttp", []string{"recal-china-pressure"}, "unsettled"},
		{"what a party did on a day is what happened then", "what did pakistan do on march 18 2024", []string{"fnf-prism-airstrikes-18-march"}, "airstrikes"},
		{"rising to power is emerging, not a rise in a count", "how did the taliban rise to power in the 90s", []string{"lev-taliban-emergence"}, "emerged"},
		{"someone's words on a thing are what they said of it", "mullah yaqoob's words on pakistan's treatment of afghans", []string{"cookie-yaqoob-horror-barbaric"}, "barbaric"},
		{"a group's ethnic make-up is the peoples its members are", "nifma's ethnic makeup", []string{"fnf-nifma-pashtun"}, "Pashtun"},
		{"to sign off on a decision is to make it", "who signed off on the expulsion of undocumented afghans", nil, "Kakar"},
		{"a people named in the plural is its region", "what do the central asians want from afghanistan", []string{"fnf-central-asia-trade-hopes", "fnf-central-asia-taliban-bulwark"}, "Central Asian states"},
		{"the kind of place asked for leads", "which prisons were ttp fighters freed from", []string{"op-prisoners-freed-bagram-pul-e-charkhi"}, "Bagram"},
		{"a group's guys are its fighters", "which prisons were the ttp's guys freed from", []string{"op-prisoners-freed-bagram-pul-e-charkhi"}, "Bagram"},
		{"a push is a shift", "who did anatol lieven blame for the nation building push", nil, "European"},
		{"to carry out an attack is to attack", "who carried out the bajaur rally attack", []string{"cookie-bajaur-rally-attack"}, "Tehreek"},
		{"the fact that says who launched it still leads", "who launched the march 2024 airstrikes", nil, "Pakistan launched"},
		{"a port asked for, the fact naming the port", "which port handles afghan transit trade through pakistan", nil, "Karachi"},
		{"main qualifies the post, it is no topic", "who is the taliban's main spokesperson", []string{"fnf-zabihullah-mujahid-role", "cookie-mujahid-role"}, "Mujahid"},
		{"going up is rising", "what did kakar say in his oct 8 presser about terrorism going up", []string{"op-kakar-terrorism-suicide-attacks-up"}, "60 percent"},
		{"going up to a place is reaching it", "taliban irredentist claims go up to which district", []string{"op-irredentist-claims-attock"}, "Attock"},
		{"getting out is being released", "what did faqir muhammad bajauri say after getting out", []string{"fnf-bajauri-kunar-speech"}, "Kunar"},
		{"why so many: what swelled them", "why does the ttp have so many fighters", []string{"op-prisoners-freed-bagram-pul-e-charkhi", "op-40-factions-joined-ttp"}, "swell"},
		{"her words, not her post", "what did hillary clinton warn pakistan about", []string{"cookie-clinton-snakes-warning"}, "snakes"},                                                                                                                                                                                                      // not that, as secretary of state, she warned
		{"a partner within the span asked", "taliban rise in the 90s - when did they take herat and kabul", []string{"lev-taliban-herat-1995", "lev-taliban-kabul-1996"}, "1996"},                                                                                                                                                             // not the militancy rising since the 2021 takeover of Kabul
		{"a source's claims on the topic asked", "what does the 'anger cannot be a policy' op-ed say about the afghan expulsions", []string{"op-expulsion-erodes-goodwill"}, "goodwill"},                                                                                                                                                      // its gist, on the expulsions
		{"a deed's name dated outside the year asked", "were there pakistani airstrikes in afghanistan in 2022", []string{"recal-airstrikes-khost-kunar"}, "Khost"},                                                                                                                                                                           // not the March 2024 strikes the words name
		{"a party's word, said by its spokesperson", "what did the taliban say about us drones in april 2024", []string{"fnf-mujahid-demands-halt"}, "Mujahid"},                                                                                                                                                                               // the Taliban government's spokesperson speaks for them
		{"the nearer of two dates", "when did the taliban take herat and kabul", []string{"lev-taliban-herat-1995", "lev-taliban-kabul-1996"}, "1996"},                                                                                                                                                                                        // Kabul's capture after Herat's, not its fall in 2021
		{"what someone might do", "what might pakistan do next according to ghosh", []string{"recal-islamabad-options", "recal-option-halt-campaign", "recal-option-anti-taliban-groups"}, "anti-Taliban"},                                                                                                                                    // the options she sees
		{"what an author recommends", "what does gul recommend", []string{"fnf-recommendations-list"}, "eleven recommendations"},                                                                                                                                                                                                              // his paper's list, not whom he consulted
		{"spoke is said", "what did faqir muhammad bajauri tell fighters in kunar", []string{"fnf-bajauri-kunar-speech"}, "Kunar"},                                                                                                                                                                                                            // he spoke to them there
		{"said by the author", "what does ghosh say about the durand line", []string{"recal-durand-line-definition", "recal-durand-line-factor"}, "Durand Line"},                                                                                                                                                                              // all of her piece is what she says
		{"who by title elsewhere", "which ttp founding deputy chief got freed from kabul prisons after the takeover", []string{"fnf-bajauri-bulti-released"}, "Bajauri"},                                                                                                                                                                      // another fact makes Bajauri the founding deputy chief
		{"why once", "why did afghanistan lean toward the soviet union in the 1950s", []string{"lev-us-pakistan-military-ties-1954"}, "1954"},                                                                                                                                                                                                 // "once the US armed Pakistan, Afghanistan leaned…" gives the reason
		{"said committed", "which provinces did the iea say ttp commanders would be moved away from", []string{"fnf-iea-commit-relocate-ttp"}, "Kunar"},                                                                                                                                                                                       // a commitment is what was said
		{"howmany verb", "how many undocumented afghans did pakistan order to leave", []string{"cookie-1-73-million-afghans"}, "1.73 million"},                                                                                                                                                                                                // the order's count, not how many left
		{"a deed announced is the deed's figure", "how many afghans has pakistan said it will expel", []string{"expel-1-7-million-afghans"}, "1.7 million"},                                                                                                                                                                                   // "said it will": announced, as decided
		{"the winter is no Winter", "roughly how many afghans have already left pakistan in the winter since the expulsion call", []string{"op-375000-afghans-left"}, "375,000"},                                                                                                                                                              // not Theresa Winter, and "already" asks nothing
		{"the first time", "when did the taliban take kabul the first time", []string{"lev-taliban-kabul-1996"}, "1996"},                                                                                                                                                                                                                      // "time" is no word the fact must use
		{"when first", "when did the taliban first take kabul", []string{"lev-taliban-kabul-1996"}, "1996"},                                                                                                                                                                                                                                   // the earliest time, not the latest
		{"howmany year", "how many ttp attacks were there in 2021", []string{"recal-294-attacks-2021"}, "294"},                                                                                                                                                                                                                                // the year's count, not December's
		{"how strong, in words", "how strong is the nrf in panjshir", []string{"fnf-nrf-little-presence"}, "little presence"},                                                                                                                                                                                                                 // a size told in words answers how strong
		{"an irredentist claim is a territorial one", "what territory does afghanistan claim in pakistan", []string{"op-irredentist-claims-attock"}, "Attock"},                                                                                                                                                                                // not Pakistan's claim that attacks come from Afghan territory
		{"a reading is a view, not a suggestion to act", "how should pakistan use its leverage over the taliban", []string{"lev-recommend-economic-pressure", "lev-economic-pressure-measures", "lev-measure-transit-rules", "lev-measure-bank-guarantees", "lev-measure-banned-goods-list", "lev-measure-import-duty"}, "leverage analysis"}, // not Bhonsle's reading of the expulsions as brinkmanship
		{"those an order hits are those it affects", "are documented afghan refugees hit by the eviction order", []string{"cookie-documented-exempt"}, "exempt"},                                                                                                                                                                              // not those it will hit, the arrivals after 2021
		{"a meeting's outcome is what was promised at it", "what was the outcome of the durrani muttaqi meeting", []string{"fnf-taliban-pledge-concrete-steps", "fnf-iea-commit-disarm-ttp", "fnf-iea-commit-relocate-ttp"}, "Taliban"},                                                                                                       // not that the meeting took place
		{"what fighters were armed with are their weapons", "what were the chitral attackers armed with", []string{"cookie-ttp-weapons"}, "assault rifles"},                                                                                                                                                                                   // not the attack told again
		{"using leverage is pressing", "how should pakistan use that leverage", []string{"lev-recommend-economic-pressure", "lev-economic-pressure-measures"}, "economic pressure"},
		{"an end goal is a goal, not an end", "what is the ttp's end goal in pakistan", []string{"op-ttp-mirror-emirate"}, "Islamic Emirate"},                                         // not the end of its ceasefire
		{"a name the pack knows", "what was the repatriation plan called", []string{"fnf-illegal-foreigners-repatriation-plan-definition"}, "Illegal Foreigners Repatriation Plan"},   // the plan asked is named in full
		{"a holder named after a comma", "ttp pledges allegiance to which taliban chief", []string{"op-ttp-allegiance-haibatullah"}, "Haibatullah"},                                   // "supreme leader, Mullah Haibatullah Akhundzada"
		{"a former title asked with now", "which former chief of general staff of the afghan army now leads the national freedom front", []string{"fnf-yasin-zia-role"}, "Yasin Zia"}, // "now" is of what he leads
		{"during dates the post", "who was pakistan's interim prime minister during the deportation of afghans", []string{"fnf-kakar-role"}, "Kakar"},                                 // the deportations say when, not where the post was
		{"put in charge is installed", "who did the soviets put in charge", []string{"lev-karmal-role", "lev-soviet-invasion-1979"}, "Karmal"},
		{"what a party did after an event is how it responded", "what did islamabad do after the chitral attack", []string{"fnf-transit-trade-restrictions-after-chitral", "fnf-demarche-9-september-2023", "fnf-torkham-closure-september-2023"}, "Chitral"}, // no definition of either name
		{"what it did in retaliation", "what did pakistan do in retaliation for the tank attack", []string{"fnf-hot-pursuit-khost-kunar"}, "hot pursuit"},
		{"went is go, afterwards no topic", "where did abdul rashid dostum go afterwards", []string{"lev-dostum-exile-turkey"}, "Turkey"},                // "went into exile" says where he went
		{"never is the answer to ever", "has afghanistan ever recognised the durand line", []string{"recal-durand-line-definition"}, "never recognised"}, // asked whether it happened, that it did not answers
		{"upheaval, in other words", "who was afghanistan's monarch before the upheaval of 1978", []string{"lev-zahir-shah-from-1933"}, "Zahir Shah"},    // an upheaval is the uprisings and war that began then
		{"a document out", "when was ghosh's viewpoint out", []string{"recal-article-author"}, "2022"},                                                   // out is published
		{"a firm someone runs", "what firm does rahul bhonsle run", []string{"cookie-author-director"}, "Sasia"},                                         // the company they head
		{"who was with someone", "who was having tea with faiz hameed in that photo", []string{"recal-serena-tea"}, "Mansour"},                           // the one with him, not a fact about him alone
		{"who was with someone, a few words after the name", "who was faiz hameed having tea with in that photo", []string{"recal-serena-tea"}, "Mansour"},
		{"a total's parts", "how is unhcr's 2.18 million figure split", []string{"cookie-unhcr-documented"}, "880,000"},                                                    // the two cards the 2.18 million hold
		{"where's, as typed", "where's anatol lieven based", []string{"fnf-anatol-lieven-role"}, "Quincy Institute"},                                                       // "where's" asks where, as "where is" does
		{"extra asks nothing of its own", "where did the ttp get the extra recruits from", []string{"op-prisoners-freed-bagram-pul-e-charkhi"}, "Bagram"},                  // "extra" is no word the answer must use
		{"a stance adverb asks nothing", "what did faiz hameed famously say in kabul", []string{"op-faiz-hameed-serena-remark"}, "everything will be okay"},                // "famously" is no word the answer must use
		{"a hedge asks nothing", "which provinces did pakistan supposedly strike in april 2022", []string{"recal-airstrikes-khost-kunar"}, "Khost"},                        // "supposedly" is no word the answer must use
		{"what someone told another is their words", "what did asif durrani tell muttaqi about the ttp", []string{"fnf-ttp-red-line"}, "red line"},                         // not what the Taliban promised at his meeting
		{"where a post's holder is", "where is tehrik-e-taliban pakistan's leader", []string{"fnf-officials-met-mehsud-june-2022"}, "Noor Wali"},                           // the one who holds it, named, not the group's aims
		{"chat's -in for -ing is no name", "who is leadin the nrf these days", []string{"fnf-nrf-led-by-masoud"}, "Masoud"},                                                // "leadin" is "leading", not bin Laden's "Ladin"
		{"a year is no part of a name asked", "what was the 2009 usip working paper called", []string{"fnf-usip-securing-afghanistan-definition"}, "Securing Afghanistan"}, // 2009 says when, the paper is what is named
		{"where someone is based, by their post", "where is anatol lieven based", []string{"fnf-anatol-lieven-role"}, "Quincy Institute"},                                  // not the Washington he spoke of
		{"where someone is based, in words", "where is noor wali mehsud based", []string{"fnf-noor-wali-mehsud-in-kabul"}, "Kabul"},
		{"worried is unsettled", "why did the ttp's attacks worry beijing", []string{"recal-china-pressure"}, "Chinese nationals"}, // attacks that "unsettled China"
		{"a title taken as power", "when did zahir shah become afghanistan's king", []string{"lev-zahir-shah-from-1933"}, "1933"},  // "King Zahir Shah came to power in 1933"
		{"getting going is starting", "when did the national freedom front get going", []string{"fnf-nff-formed"}, "January 2022"},
		{"valid until is accepted until", "e-tazkiras valid until when", []string{"cookie-e-tazkira-deadline"}, "31 October 2023"},
		{"good till is valid until", "those e-tazkiras good till when", []string{"cookie-e-tazkira-deadline"}, "31 October 2023"},
		{"a count recorded is a count", "how many militant attacks were recorded in pakistan in 2021", []string{"recal-294-attacks-2021"}, "294"}, // "recorded" says nothing happened
		{"attacks carried out are attacks, whatever the fact's verb", "how many attacks did ttp carry out in dec 2021", []string{"fnf-ttp-45-attacks-december-2021"}, "45"},
		{"a span from one date to another says how long it lasted", "how long did the ceasefire last", []string{"op-ceasefire-june-september-2022"}, "June to September"},
		{"a reprisal for an attack", "how did pakistan retaliate for the tank fort attack", []string{"fnf-hot-pursuit-khost-kunar"}, "hot pursuit"},            // the operations that followed it in the source
		{"reasons in the plural", "what reasons did sigar give for the afghan republic's collapse", []string{"fnf-sigar-six-factors-list"}, "six key factors"}, // all of them, not the first alone
		{"a target is what was attacked", "bajaur rally attack july 2023: who was the target", []string{"cookie-bajaur-rally-attack", "cookie-bajaur-taliban-reprimand"}, "JUI-F"},
		{"dealing with is engaging", "what does the fnf paper recommend for dealing with the taliban", []string{"fnf-recommendations-list"}, "eleven recommendations"},      // "deal with" is no deal
		{"what became of some people after a year", "what happened to afghan refugees after 2001", []string{"fnf-documented-refugees-returned-post-2001"}, "returned home"}, // their fate, not a deed that year
		{"what became of someone later", "what happened to mufti khalid balti later", []string{"fnf-khalid-balti-killed"}, "killed"},                                        // "later" asks nothing of its own
		{"a person's job is the post held", "rahul bhonsle - what's his current job", []string{"cookie-author-director"}, "Sasia"},                                          // not his degrees
		{"howmany victims", "how many victims did the mazar-i-sharif massacre claim", []string{"lev-mazar-massacre-1998"}, "2,000"},                                         // victims are those killed
		{"howmany year by whom", "how many of pakistan's 2023 suicide bombings did kakar blame on afghans", []string{"kakar-15-of-24-suicide-bombings"}, "15 of the 24"},    // Kakar's count of the year, not Bugti's
		{"doc says", "what went wrong in afghanistan according to the 2009 usip working paper", []string{"fnf-usip-factors-list"}, "top-down"},                              // what the paper found, not that it is a paper on what went wrong
		{"doc said", "what did the 2009 usip paper say went wrong in afghanistan", []string{"fnf-usip-factors-list"}, "troop"},
		{"author's noun", "whats gul's second recommendation", []string{"fnf-rec-prioritize-humanitarian-aid"}, "Recommendation 2"}, // Gul's recommendations are his paper's
		{"who", "whos sirajuddin haqqani", []string{"fnf-sirajuddin-haqqani-role"}, "interior minister"},
		{"whose line", "whose line was it that peace in afghanistan turned into a nightmare for pakistan", []string{"op-durrani-nightmare"}, "Durrani"},       // who said it, not whose "words"
		{"pledge", "the provinces the iea said it would move ttp commanders away from", []string{"fnf-iea-commit-relocate-ttp"}, "Kunar"},                     // what was pledged, not whether it was done
		{"document's date", "pakistan's viewpoint of afghanistan publication date", []string{"fnf-paper-date"}, "April 2024"},                                 // when the paper came out, not a date it gives
		{"where in words", "where is iskp strongest", []string{"fnf-iskp-most-potent-threat"}, "eastern provinces"},                                           // a region named in words is a place
		{"where active", "where is iskp active", []string{"fnf-iskp-most-potent-threat"}, "eastern provinces"},                                                // where it is, whatever the fact's verb
		{"where, a place word in a name", "where is islamic state khorasan province strongest", []string{"fnf-iskp-most-potent-threat"}, "eastern provinces"}, // "province" of a name asks no province
		{"posted", "what did faiz hameed post after the taliban took kabul", []string{"op-faiz-hameed-serena-remark"}, "everything will be okay"},             // what he posted or said: his words
		{"what figure", "what figure did bugti give", []string{"bugti-14-of-24-suicide-bombings"}, "14 of the 24"},                                            // a figure, not who he is
		{"counterterrorism", "what did the national counterterrorism body tell pakistan's senate", []string{"op-nacta-told-senate"}, "NACTA"},                 // one word in the question, two in the fact
		{"whose", "whose nationals did the ttp attack, unsettling pakistan's all weather friend", []string{"recal-china-pressure"}, "Chinese"},                // a country answers whose
		{"where one works", "where does bhonsle work", []string{"cookie-author-director"}, "Sasia"},                                                           // his post, not a place
		{"where one works", "where does imtiaz gul work", []string{"fnf-imtiaz-gul-heads-crss"}, "CRSS"},
		{"where one writes", "where does iftikhar firdous write", nil, "Khorasan Diary"}, // his outlet
		{"where one is a fellow", "where is anatol lieven a fellow", []string{"fnf-anatol-lieven-role"}, "Quincy"},
		{"which named ally", "the ttp hit a rally of which afghan taliban ally in bajaur", []string{"cookie-bajaur-taliban-reprimand", "cookie-bajaur-rally-attack"}, "JUI-F"},                   // the ally named, not whom the TTP blamed
		{"source by topic", "how many fatalities from terror attacks did pakistan see last yr according to the ttp / taliban governance article", []string{"lev-2867-fatalities-2022"}, "2,867"}, // the description's names are no topic
		{"advice asked", "what should pakistan do to squeeze the afghan taliban", []string{"lev-recommend-economic-pressure", "lev-economic-pressure-measures"}, "economic"},                     // what a source recommends, not what Pakistan does
		{"which ally", "which ally of pakistan got rattled when ttp attacks hit its nationals", []string{"recal-china-pressure", "recal-chinese-nationals-targeted"}, "Chinese"},
		{"responses together", "how did the afghan taliban respond to pakistan's april 2022 airstrikes", []string{"recal-taliban-consequences-warning", "recal-taliban-summon-ambassador"}, "summoning"}, // a warning and a summons: both
		{"author recommends", "what does imtiaz gul recommend on engaging the taliban", []string{"fnf-recommendations-list"}, "recommendations"},                                                         // his recommendations, not all he says of engagement
		{"whose reaction", "how did zabihullah mujahid respond to the expulsion of afghans from pakistan", []string{"cookie-mujahid-unacceptable", "cookie-afghan-reaction-fierce"}, "unacceptable"},     // his words, not Yaqoob's
		{"what happened", "what happened in mastung in late september 2023", []string{"cookie-mastung-blast"}, "killed 59"},                                                                              // the bombing, not that nobody claimed it
		{"a list's items alike", "why did the afghan republic collapse according to sigar", []string{"fnf-sigar-six-factors-list"}, "six key factors"},                                                   // all six, not the first that fits
		{"attacks that hit", "how many attacks struck pakistan in september 2023", []string{"cookie-picss-september-toll"}, "65"},                                                                        // "struck" says only that they took place
		{"which kind", "which party did the ttp attack in bajaur in july 2023", []string{"cookie-bajaur-rally-attack"}, "JUI-F"},                                                                         // the fact naming the party leads
		{"re- but no redo", "who did the ttp regard as its spiritual leader", []string{"recal-omar-spiritual-leader"}, "Mullah Mohammed Omar"},                                                           // "regard" is not doing again
		{"who at a year", "who led the ttp in 2023", []string{"fnf-noor-wali-mehsud-role"}, "Noor Wali Mehsud"},                                                                                          // an undated post, held as of September 2023
		{"who role", "who is the spokesman of the taliban", []string{"cookie-mujahid-role", "op-mujahid-role", "fnf-mujahid-role"}, "Mujahid"},
		{"who role", "who runs the national freedom front", []string{"fnf-yasin-zia-role", "fnf-nff-formed"}, "Yasin Zia"},
		{"who post noun", "yaqoob - what position in the taliban cabinet", []string{"fnf-mullah-yaqoob-defence-minister-role", "cookie-yaqoob-role"}, "defence minister"},                          // a role fact need not say "position"
		{"list doer", "which conditions did pakistan set for the ttp in negotiations", []string{"fnf-pakistan-demands-on-ttp", "fnf-pakistan-key-demands-2023"}, ""},                               // the TTP's own conditions are the other party's
		{"howmany unit", "how many afghans came into pakistan after kabul fell in 2021", []string{"cookie-700000-arrivals"}, "700,000"},                                                            // the arrivals' count, not the undocumented "most of whom arrived" then
		{"get in is enter", "how did afghans get into pakistan", []string{"cookie-overstayers"}, "visas"},                                                                                          // "get into" is entering, as "came into" is
		{"when set aside", "when was the pdpa set up - the marxist one, not the 2022 group", []string{"pdpa-1965-formed"}, "1965"},                                                                 // of two bodies one name stands for, the one set aside does not lead, and its year is no span
		{"statement author", "what options does ghosh think islamabad has if it resets its taliban policy", []string{"recal-islamabad-options"}, "anti-Taliban"},                                   // an author's own document is her word
		{"when series", "when did the naumann foundation's neighbourhood perspectives paper on pakistan come out", []string{"fnf-paper-date"}, "April 2024"},                                       // the paper named by its series
		{"howmany relative", "how many soldiers died in the suicide raid on the waziristan post that was pinned on hgb", []string{"fnf-prism-mir-ali-attack"}, "seven"},                            // "that was pinned" describes the raid; it is not what is counted
		{"howmany totals", "what totals does picss give for september 2023, attacks and dead", nil, "65 militant attacks"},                                                                         // "totals" asks for figures: the count of attacks joins the toll
		{"why phrasal weight", "why did islamabad throw its weight behind the taliban in the 1990s", []string{"lev-pakistan-backed-taliban-motives", "fnf-pakistan-seen-behind-taliban-rise"}, ""}, // throwing one's weight behind is backing
		{"when synonym", "when was fata folded into khyber pakhtunkhwa", []string{"fnf-fata-merged-seven-districts", "fnf-fata-autonomy-1947-2018"}, "2018"},                                       // folding into is merging
		{"when phrasal", "when did gul's naumann paper come out", []string{"fnf-paper-date", "fnf-paper-publisher"}, "April 2024"},                                                                 // a paper that comes out is published
		{"why idiom", "why did the taliban lash out at pakistan over the march 2024 air raids", []string{"fnf-afghanistan-condemns-airstrikes"}, "sovereignty"},                                    // lashing out is condemning
		{"who said", "who said the ttp's attacks have their origins inside pakistan", []string{"fnf-shaheen-ttp-attacks-originate-in-pakistan"}, "Shaheen"},                                        // Abdul Sayed's name says nothing
		{"result", "how did the ttp ceasefires turn out", nil, "collapsed"},                                                                                                                        // what came of them leads their making
		{"ordinal", "what is the fnf paper's fifth recommendation", []string{"fnf-rec-grassroots-peace"}, "grassroots"},                                                                            // the fifth is Recommendation 5
		{"list span clause", "list the anti-taliban opposition groups that emerged after aug 2021", []string{"fnf-opposition-groups-list"}, "Wolf Unit"},                                           // the span says which groups; their undated list answers
		{"statement said", "what did faiz hameed say after the taliban took kabul", []string{"op-faiz-hameed-serena-remark"}, "everything will be okay"},                                           // his words lead his flight to Kabul
		{"who mention", "<@U024BE7LH> who is mushahid hussain", []string{"fnf-mushahid-hussain-role"}, "senator"},
		{"define abbr", "what does NIFMA stand for", nil, "National Islamic Freedom Movement of Afghanistan"},
		{"define chatty", "hey can you tell me what the supreme resistance council is", nil, "Ankara Circle"},
		{"define", "what is a por card", []string{"fnf-por-card-definition"}, ""},
		{"where preposition", "which provinces did pakistani jets strike inside afghanistan in april 2022", nil, "Khost"},                                                      // "inside" names no topic
		{"why synonym", "why did the ttp walk away from its truce with pakistan in late 2022", []string{"fnf-ceasefire-revocation-reason"}, ""},                                // walking away from a truce is ending it
		{"why sense", "how come the ttp is so close to the taliban", []string{"recal-pashtun-kinship"}, ""},                                                                    // close as in near, not as in shut
		{"why contraction", "why isn't iran an option for getting aid into afghanistan", []string{"fnf-iran-no-option"}, ""},                                                   // "isn't" and "getting" name no topic
		{"list synonym", "how could pakistan squeeze the taliban economically", []string{"lev-economic-pressure-measures"}, ""},                                                // squeezing is inflicting pain
		{"particle", "what does russia actually want out of afghanistan", []string{"fnf-russia-economic-motives", "fnf-russia-motive-jihadism", "fnf-russian-objectives"}, ""}, // "out" names no topic
		{"what synonym", "in 2018 what was the ttp's shift in terms of its jihad agenda", []string{"recal-2018-pakistan-focus"}, ""},                                           // a shift is a change; "in terms of" asks nothing
		{"why phrasal", "why did islamabad back the taliban once the americans went in in 2001", []string{"op-three-fold-objective"}, ""},                                      // going in is the intervention
		{"statement confirm", "confirm: what did faiz hameed tell reporters at the serena hotel", nil, "everything will be okay"},                                              // "confirm" frames the question
		{"where kind", "the september 2023 mastung bombing was in which province", nil, "Balochistan"},                                                                         // Balochistan is a province by its summary
		{"define phrasal", "what does fata stand for and what became of it", nil, "Federally Administered Tribal Areas"},                                                       // "became of" is what happened to
		{"howmany adverb", "how many sub-factions does hafiz gul bahadur's group reportedly have", nil, "60 to 70"},                                                            // "reportedly" is no verb of doing again
		{"where either kind", "in which cities/provinces did pakistani officials hold talks with the ttp", nil, "Khost"},                                                       // a province answers "cities/provinces"
		{"open not asked", "kakar's letter to hasan akhund: what was in it", []string{"fnf-kakar-letter-indirect-message", "fnf-kakar-letter-to-hasan-akhund"}, ""},            // whether Akhund replied is not asked
		{"who phrasal", "who did the taliban call in over the april 2022 strikes", nil, "ambassador"},                                                                          // "call in" is to summon
		{"how long, of a thing dated from and until", "how long was fata autonomous", nil, "1947 until May 2018"},
		{"howmany of a month, not of a stretch that takes it in", "how many deaths in pakistan in september 2023", []string{"cookie-picss-september-toll"}, "136"},
		{"howmany participle", "how many afghans were issued citizen cards in the 2017 drive", nil, "880,000"},                                                                         // "issued cards" describes; "received" answers
		{"when refers back", "what year did the ttp come into existence, per the sources on the group's beginnings", nil, "2007"},                                                      // "the group" is the TTP; the sources' description is no topic
		{"when source described", "which year did the taliban rename afghanistan, according to the historical background", nil, "1997"},                                                // no one document fits the description, but it describes one
		{"list doer", "which demands did pakistan put to the ttp as its conditions for peace", []string{"fnf-pakistan-demands-on-ttp", "fnf-pakistan-key-demands-2023"}, "surrender"},  // not the TTP's own demands
		{"statement alias", "what did the independent human rights commission say about expelling afghans", []string{"cookie-hrcp-statement"}, "short-sighted"},                        // the HRCP by a shorter name
		{"list digits", "the 4 things pakistan demanded of the ttp?", []string{"fnf-pakistan-demands-on-ttp"}, "surrender"},                                                            // 4 is the fact's "four"
		{"who any leader", "which taliban leader did kakar write to in september 2023", []string{"fnf-kakar-letter-to-hasan-akhund"}, "Hasan Akhund"},                                  // any leader, not a leader by title
		{"howmany describing participle", "how many soldiers were killed in the north waziristan suicide attack attributed to the hgb", []string{"fnf-prism-mir-ali-attack"}, "seven"}, // "attributed" describes the attack; "killed" is asked
		{"who wrote described", "who is the author of the fnf paper about how pakistan sees afghanistan", []string{"fnf-paper-author"}, "Imtiaz Gul"},                                  // the paper is asked about; its description names another piece
		{"name synonym", "what is the official name of the expulsion scheme the un wanted halted", nil, "Illegal Foreigners Repatriation Plan"},                                        // the "scheme" is named a Plan
		{"howmany toll", "mastung bombing toll", []string{"cookie-mastung-blast"}, "59"},                                                                                               // a toll asks how many; the fact need not say "toll"
		{"define chat frame", "explain the durand line in a line or two", []string{"recal-durand-line-definition"}, "border"},                                                          // "in a line or two" asks for brevity, not about lines
		{"howmany shorthand", "how many afghans in pakistan are w/o papers", []string{"fnf-undocumented-afghans"}, "1.7 million"},                                                      // "w/o" is without, not "with"
		{"list chat synonym", "which senior ttp bigwigs did the taliban let out of jail in 2021", []string{"recal-ttp-prisoners-freed"}, "prominent"},                                  // bigwigs are prominent leaders
		{"what phrasal", "which group of hazaras dates back to 2003", nil, "Resistance Movement for Justice"},                                                                          // "dates back to" is originally, not backing
		{"who typo participle", "whos runnign the nrf", nil, "Masoud"},                                                                                                                 // "runnign" is running
		{"fact related", "taliban response to pakistan's april 2022 air raids?", []string{"recal-taliban-consequences-warning", "recal-taliban-summon-ambassador"}, ""},                // warning and summoning are reactions
		{"define framing verb", "how does the fnf paper characterise pakistan's strategic depth policy", []string{"fnf-strategic-depth-policy"}, "friendly government"},                // "characterise" frames; the policy is asked about
		{"define spell out", "spell out fata pls", nil, "Federally Administered Tribal Areas"},                                                                                         // "spell out" asks what it stands for
		{"when check", "is it right kakar's presser attacking the taliban was on 8 october", nil, "8 October 2023"},                                                                    // "is it right" frames a check
		{"when", "when was the mastung bombing", []string{"cookie-mastung-blast"}, "29 September 2023"},
		{"when synonym", "when did pakistan issue the demarche", []string{"fnf-demarche-9-september-2023"}, "9 September 2023"},
		{"when", "when did deportations of afghans begin", []string{"fnf-deportations-from-1-november"}, "1 November 2023"},
		{"when", "when was the tank fort attack", []string{"fnf-tank-fort-24-soldiers"}, "30 March 2022"},
		{"why period part", "what made pakistan back the taliban in the mid-1990s", []string{"lev-pakistan-backed-taliban-motives"}, "trade routes"},           // "mid" dates, it names no topic
		{"when author recalls", "what year was clinton's snakes warning that bhonsle recalls", []string{"cookie-clinton-snakes-warning"}, "2011"},              // the author who recalls it is the source, not the topic
		{"when start", "when did the us-pakistan military ties start", []string{"lev-us-pakistan-military-ties-1954"}, "1954"},                                 // forging ties is starting them
		{"statement owner", "what did pakistan's counter-terrorism authority tell the senate about the ttp talks", []string{"op-nacta-told-senate"}, "Senate"}, // Pakistan owns the speaker; it is no speaker itself
		{"where chat", "which jails were jihadists sprung from after the 2021 takeover", nil, "Bagram"},                                                        // sprung is freed
		{"when chat", "when did isb start deporting the undocumented afghans", []string{"fnf-deportations-from-1-november"}, "1 November 2023"},
		{"howmany planning", "how many afghans was pakistan planning to kick out", []string{"expel-1-7-million-afghans"}, "1.7 million"},
		{"howmany done, not decided", "how many afghans have they sent back", []string{"op-375000-afghans-left", "fnf-half-million-afghans-forced-back"}, ""},  // how many went, not the 1.7 million decided on
		{"howmany done, ordered as typed", "how many afghans were ordered to leave", []string{"expel-1-7-million-afghans", "cookie-1-73-million-afghans"}, ""}, // the lexicon reads "expelled"; the order is asked
		{"howmany done, told", "how many afghan nationals did the caretaker govt tell to leave", []string{"cookie-1-73-million-afghans", "expel-1-7-million-afghans"}, ""},
		{"when held", "when was the bonn conference held", []string{"fnf-root-factor-post-bonn-engagement"}, "January 2002"},                                    // "held" says only that it took place
		{"list open question", "which border provinces did the iea promise to move ttp commanders away from", []string{"fnf-iea-commit-relocate-ttp"}, "Kunar"}, // the open "did they do it" is another question
		{"when undated text", "which month and year did the fnf publish gul's paper", nil, "April 2024"},                                                        // the date leads when the fact's words leave it out
		{"where", "where did the ttp attack a jui-f rally", []string{"cookie-bajaur-rally-attack"}, "Bajaur"},
		{"where list", "which provinces did the taliban promise to move ttp commanders away from", []string{"fnf-iea-commit-relocate-ttp"}, "Nangarhar"},
		{"howmany", "how many people died in the mastung blast", []string{"cookie-mastung-blast"}, "59"},
		{"howmany conflict", "how many suicide bombings in 2023 were by afghans", []string{"kakar-15-of-24-suicide-bombings"}, "sources differ"},
		{"howmany date", "how many attacks did the ttp claim in december 2021", []string{"fnf-ttp-45-attacks-december-2021"}, "45"},
		{"why", "why did the taliban not act against the ttp", []string{"op-cause-taliban-cohesion", "op-why-taliban-wont-expel-ttp"}, "cohesion"},
		{"why", "why did pakistan support the taliban in the 1990s", []string{"lev-pakistan-backed-taliban-motives"}, "trade routes"},
		{"list", "list pakistan's strategic priorities", []string{"fnf-islamabad-priorities"}, "regional peace"},
		{"timeline month", "what happened in september 2023", []string{"fnf-chitral-attack"}, "Chitral"},
		{"timeline range", "timeline 1994-1998", []string{"lev-taliban-herat-1995"}, "Herat"},
		{"typo name", "who is zabiulah mujahid", []string{"op-mujahid-role", "fnf-mujahid-role", "cookie-mujahid-role", "fnf-zabihullah-mujahid-role"}, "spokes"},
		{"typo question word", "wat is the nrf", []string{"fnf-abbr-nrf"}, "Ahmad Masoud"},
		{"typo word", "when did the ttp revoke the cesefire", []string{"fnf-ceasefire-revoked-late-november"}, "November 2022"},
		{"typo shorthand", "hw many fighters does ttp have", []string{"op-ttp-4000-6000-fighters"}, "4,000"},
		{"typo real word", "how many fighters dose the ttp have", []string{"op-ttp-4000-6000-fighters"}, "4,000"}, // "dose" is a typo of "does"
		{"typo two names", "who is sarfaraz bugty", []string{"cookie-bugti-role"}, "interior minister"},
		{"typo word order", "mullah haibatulah who is he", []string{"op-haibatullah-role"}, "supreme leader"},
		{"typo place", "what is the durand lin", []string{"recal-durand-line-definition"}, "border"},
		{"who byline", "whose byline is on the recalibration viewpoint", nil, "Ghosh"},                                                                // a byline names the author; the viewpoint is asked about, not a source set aside
		{"who phrasal", "who were the northern alliance's founding members", nil, "Massoud"},                                                          // founding members are founders
		{"when phrasal", "when did kakar go public with his charge that kabul shelters the ttp", nil, "8 October 2023"},                               // going public is saying so
		{"define frame", "moscow format - one liner pls", nil, "Russia-led"},                                                                          // "one liner" asks for it briefly
		{"what related", "what was mujahid's complaint about american drones", nil, "condemned"},                                                      // a complaint is answered by a condemnation
		{"who post named", "who was the ttp's founding deputy emir", nil, "Bajauri"},                                                                  // "deputy emir Faqir Muhammad Bajauri" names the holder after the post
		{"who post named before", "which taliban minister acted as arbiter in pakistan's talks with the ttp", nil, "Haqqani"},                         // "Haqqani acted as arbiter" names him before it
		{"who post possessive", "who became president of the islamic state of afghanistan after 1992", nil, "Rabbani"},                                // "had Rabbani as its president"
		{"who participle", "by whom was zahir shah overthrown", nil, "Daoud"},                                                                         // "overthrown" is a form of "overthrew"
		{"who object", "whom did the caretaker pm kakar send a letter to", nil, "Akhund"},                                                             // asked whom Kakar wrote to, his role is no answer
		{"why related", "why is china keen on afghan stability", nil, "Belt and Road"},                                                                // what China is keen on is what it wants
		{"who time phrase", "back in 2007 who led the afghan taliban", nil, "Omar"},                                                                   // "back in 2007" is a time, not backing
		{"list want", "what did the ttp want in return for peace with islamabad", nil, "FATA"},                                                        // its own conditions, listed, not that it rejected Pakistan's
		{"list people", "name the ttp figures freed from afghan prisons in 2021", nil, "Bajauri"},                                                     // the fact that names them leads the one that counts them
		{"statement pair", "how does ghosh see pak-taliban relations goin forward", nil, "recalibrate"},                                               // Pakistan's ties with the Taliban, not the Pakistani Taliban's; "goin forward" asks nothing
		{"when month", "month and year the ttp was formed? i only have the year", nil, "December 2007"},                                               // the fact with the month leads the one with the year
		{"who document topic", "who authored the naumann foundation's neighbourhood perspectives paper on how pakistan sees afghanistan", nil, "Gul"}, // the op-ed named after "paper on" is the paper's topic
		{"why phrasal", "why won't the taliban boot the ttp out", nil, "TTP"},                                                                         // booting out is expelling
		{"when synonym", "exact date the taliban grabbed kabul in 2021", nil, "15 August 2021"},                                                       // grabbing a city is seizing it
		{"list idiom", "which ttp big shots did the taliban free from kabul jails", nil, "Bajauri"},                                                   // big shots are leaders
		{"define idiom", "explain the durand line in simple terms", nil, "border"},                                                                    // "in simple terms" asks it briefly
		{"what shorthand", "fnf recommendation on girls edu", nil, "online learning"},                                                                 // "edu" is education
		{"howmany ordinal", "militant attacks in the 1st half of 2023 - how many, and lives lost", nil, "271"},                                        // "1st" is first; lives lost are the killed
		{"statement phrase", "faiz hameed at the serena - his exact words to the press", nil, "okay"},                                                 // "exact words" asks for the quote
		{"where frame", "cite check: where is the naumann foundation based", nil, "Potsdam"},                                                          // "cite check" frames a check, it names no topic
		{"who related", "which rights group objected to the 30 day window for afghans to leave", nil, "HRCP"},                                         // a window to leave is a deadline
		{"when phrasal", "when were citizen cards handed out to afghans", nil, "2017"},                                                                // handing out cards is issuing them
		{"when related", "when did pakistan bomb hgb hideouts inside afghanistan", nil, "18 March 2024"},                                              // a state's bombing is an airstrike
		{"when phrasal", "when did the deportation of undocumented afghans kick off", nil, "1 November 2023"},                                         // kicking off is beginning
		{"list related", "what two things cracked the pakistan-taliban friendship per ghosh", nil, "Durand Line"},                                     // a cracked friendship is strained ties
		{"who related", "which taliban minister warned of payback for the deportations", nil, "Yaqoob"},                                               // payback is retaliation
		{"statement phrase", "durrani's famous line about peace in afghanistan", nil, "nightmare"},                                                    // a famous line is a quote
		{"who transliteration", "who was mulla umar", nil, "founder"},                                                                                 // "Umar" is how some write Omar
		{"who founded", "who founded the northern alliance", nil, "Massoud"},                                                                          // "founded in 1992 by the Tajik leader Ahmed Shah Massoud"
		{"who founded aside", "who leads the national freedom front, set up in 2022", nil, "Yasin Zia"},                                               // the founding describes the front; who leads it is asked
		{"howmany related", "how many acc cards were issued after the 2017 drive", nil, "880,000"},                                                    // cards issued are cards received
		{"when ended", "when did the ttp end its ceasefire with pakistan", nil, "November 2022"},
		{"when phrasal", "when did the ttp pull the plug on its truce with pakistan", nil, "November 2022"},                                           // pulling the plug on a truce is abandoning it                                                  // "lasted until" says when it ended
		{"who filler", "who heads the ttp anyway", nil, "Noor Wali Mehsud"},                                                                           // "anyway" names no topic
		{"who named after a party", "who brokered the pakistan-ttp talks in kabul", []string{"fnf-sirajuddin-haqqani-arbiter"}, "Sirajuddin Haqqani"}, // the person, though the lead names a government
		{"who makes up", "who mostly makes up the taliban government", []string{"lev-taliban-government-pashtun"}, "Pashtun"},                         // its members; "mostly" is no topic
		{"moving against is acting against", "why does ghosh think the taliban are unlikely to move against the ttp", []string{"recal-taliban-unlikely-to-act"}, "ally"},
		{"signing up is joining", "why did the europeans sign up for nation building in afghanistan, according to lieven", []string{"fnf-europe-keep-us-committed"}, "defence of Europe"},
		{"options are steps", "what options does ghosh give islamabad", []string{"recal-islamabad-options"}, "halting"},
		{"advice in full", "what should pakistan do to squeeze the taliban", []string{"lev-economic-pressure-measures"}, "bank guarantees"},                                                               // the advice, then the steps its source proposes
		{"where published", "where was zia ur rehman's article on hafiz gul bahadur published", nil, "Dawn"},                                                                                              // an outlet answers where
		{"response rejecting", "how did the pakistani taliban respond to the amnesty imran khan offered", []string{"fnf-ttp-declined-amnesty"}, "rejected"},                                               // rejecting an offer is a response
		{"a capital's reaction is its government's", "how did kabul react to the april 2022 airstrikes", []string{"recal-taliban-summon-ambassador", "recal-taliban-consequences-warning"}, "April 2022"}, // the Taliban's words are Kabul's
		{"wanting to do one thing is no list", "what does iftikhar firdous say pakistan wants to move away from", []string{"fnf-firdous-pull-quote-afghanistan"}, "state in war"},
		{"why a border is rejected", "why does afghanistan reject the durand line", []string{"op-durand-line-colonial-imposition"}, "colonial"}, // the reason, not that it is the border
		{"indispensable is essential", "is pakistan unavoidable for helping afghanistan", []string{"fnf-rec-no-way-around-pakistan"}, "No Way Around Pakistan"},
		{"the army's response to an attack", "how did the army respond to the peshawar school attack", []string{"recal-army-offensive-after-2014"}, "offensive"}, // the offensive, not the attack again
		{"a response to an event, not the event", "how did pakistan respond to tank military fort attack (march 2022)", []string{"fnf-hot-pursuit-khost-kunar"}, "retaliation"},
		{"getting at is implying", "what was anwaar-ul-haq kakar really getting at", []string{"fnf-kakar-letter-indirect-message"}, "TTP"},
		{"who was with someone", "who was faiz hameed with at the serena hotel", []string{"recal-serena-tea"}, "Mansour"},
		{"how someone's rule ended", "how did daoud khan's rule end", []string{"lev-pdpa-coup-1978"}, "killed"},          // the coup that ended it, not the one that began it
		{"what became of someone", "what happened to daoud khan", []string{"lev-pdpa-coup-1978"}, "killed"},              // his death, not his coup
		{"what someone is up to", "what's faiz hameed up to these days", []string{"cookie-faiz-sidelined"}, "sidelined"}, // his fall, not his old post
		{"a group counted", "how many of tehrik-e-taliban pakistan are there", nil, "6,000 fighters"},                    // its fighters
		{"putting out is publishing", "who put out pakistan's viewpoint of afghanistan", nil, "Friedrich Naumann Foundation"},
		{"a plan to do is the doing", "how many afghans does pakistan plan to deport", []string{"expel-1-7-million-afghans"}, "1.7 million"},                                        // the decision to expel, planned or not
		{"taking part in", "how many ttp militants were involved in the chitral assault in 2023", nil, "200"},                                                                       // those who attacked
		{"interests are why", "what are china's interests in afghanistan", []string{"fnf-china-motive-bri"}, "Belt and Road"},                                                       // why it is engaged, not a sign of its interest
		{"a superlative tells little", "what's the biggest security threat to the taliban regime", []string{"fnf-iskp-only-serious-threat", "fnf-iskp-most-potent-threat"}, "ISKP"}, // "biggest" need not be in the fact
		{"how long, a duration", "how long did the torkham closure last in september 2023", []string{"fnf-torkham-closure-september-2023"}, "several days"},                         // a vague duration answers how long
		{"where words were posted is the platform", "where did the hrcp post its statement on the expulsions", []string{"cookie-hrcp-statement"}, "On X"},                           // a network, not a place, says where
		{"what a term refers to is what it means", "what does 'the establishment' refer to in pakistan", []string{"cookie-establishment-definition"}, "Inter-Services Intelligence"},
		{"a decade named holds its years", "why did pakistan back the taliban in 1996", []string{"lev-pakistan-backed-taliban-motives"}, "Central Asia"},                       // "in the 1990s" is in 1996
		{"what words were about", "what did najiba faiz tweet about", nil, "March 2024 airstrikes"},                                                                            // her tweet's subject, though not her words
		{"whether a statement was answered, no answer came", "has the us responded to mujahid's drone statement", []string{"fnf-drones-us-silent"}, "yet to respond formally"}, // the statement replied to is not what is asked
		{"form typed for from after coming", "where'd the ttp's extra recruits come form", []string{"op-prisoners-freed-bagram-pul-e-charkhi", "op-40-factions-joined-ttp"}, "swell"},
		{"figures asked, the verb that gives them is not", "what stats did kakar cite", []string{"kakar-15-of-24-suicide-bombings", "op-kakar-terrorism-suicide-attacks-up"}, "suicide"}, // "citing Gul" in the letter's fact is no figure
		{"a people, spoken of as they, answers who", "who is exempt from the eviction order", []string{"cookie-documented-exempt"}, "documented"},
		{"an aftermath is what something led to", "what was the aftermath of the 2014 peshawar school attack", []string{"recal-army-offensive-after-2014"}, "offensive"},
		{"a fuss is an outcry", "what was the fuss about us drones over afghanistan in april 2024", nil, "condemned"},
		{"howmany passing source", "unhcr count of documented afghans in pakistan as given in the blog post about the rift", nil, "2.18 million"}, // the blog post's description is no topic
	}
	b := base(t)
	for _, tt := range tests {
		t.Run(tt.intent+"/"+tt.q, func(t *testing.T) {
			a := b.Answer(tt.q)
			if !a.Answered {
				t.Fatalf("declined: %q", a.Text())
			}
			if len(tt.facts) > 0 && !hasFact(a, tt.facts) {
				t.Errorf("facts %v, want one of %v; text %q", factIDs(a), tt.facts, a.Text())
			}
			if tt.text != "" && !strings.Contains(strings.ToLower(a.Text()), strings.ToLower(tt.text)) {
				t.Errorf("text %q lacks %q", a.Text(), tt.text)
			}
			if len(a.Sources) == 0 {
				t.Error("answer cites no source")
			}
		})
	}
}

// TestTitleAsked: asked a piece's title, a fact that names the piece
// without quoting its title does not answer; one that quotes it does.
func TestTitleAsked(t *testing.T) {
	b := base(t)
	if a := b.Answer("title of sultan barakat's al jazeera oped"); a.Answered {
		t.Errorf("answered %q: the sources give no title", a.Text())
	}
	if a := b.Answer("what is the title of moeed yusuf's op-ed"); !a.Answered || !strings.Contains(a.Text(), "How Pakistan Sees Afghanistan") {
		t.Errorf("%q, want the title quoted", a.Text())
	}
}

// TestDecline checks that questions the pack does not cover are declined
// with suggestions, never guessed at.
func TestDecline(t *testing.T) {
	b := base(t)
	for _, q := range []string{
		"who is the president of france",
		"what is yasin zia's position on women's rights", // a stance, not his post: the sources give none
		"what is the capital of germany",
		"when does ramadan start next yr", // a time to come
		"who won the cricket world cup",
		"what did joe biden say about the taliban",
		"how many chinese tourists visited kabul in 2022",
		"what is the name of the us ambassador in islamabad",
		"best biryani place in peshawar?",
		"when did the taliban ban women from driving",
		"who heads the chinese embassy in kabul",
		"who took over from faiz hameed at the isi",
		"when was faiz hameed sidelined",                                                         // the date is when Bhonsle noted it, not when it happened
		"who is pakistan's foreign minister",                                                     // the Taliban's is not Pakistan's
		"who is the taliban's intelligence chief",                                                // Pakistan's former spy chief is not theirs
		"what was the precise signing date of the doha agreement between the us and the taliban", // a date asked in a "what was" question
		"what was the outcome of the ttp-bahadur unification talks",                              // the fact reports the talks; their outcome is what it leaves open
		"what happened between iran and israel in april 2024",                                    // nothing dated then is on Iran: a timeline of the month's other events is no answer
		"what funding did pakistan give the illegal foreigners repatriation plan",                // funding asks a sum; the UN's reaction to the plan is no answer
		"what happened in the july 2023 zhob garrison attack",                                    // the month's other events are no answer of a place the pack has never heard of
		"what happened in the ukraine war in 2022",
		"amir khan muttaqi's dad's name",                                    // "dad" is a father, not a misspelt "did"; no fact names one
		"who heads nepal's interim government",                              // a party the pack never names owns what is asked: Pakistan's caretaker government is not Nepal's
		"who killed baitullah mehsud",                                       // that he led the TTP says nothing of who killed him
		"when did babrak karmal die",                                        // the million his government's suppression left dead are others' deaths
		"how did hafiz gul bahadur's group respond to the march 18 strikes", // the strikes Pakistan retaliated with were on the group: no response of its own
	} {
		t.Run(q, func(t *testing.T) {
			a := b.Answer(q)
			if a.Answered {
				t.Fatalf("answered %q (confidence %.2f)", a.Text(), a.Confidence)
			}
			// "don't cover that", or "don't say who" when the pack knows the
			// post asked about but not there.
			if !strings.HasPrefix(a.Text(), "The sources I have don't ") {
				t.Errorf("decline text %q", a.Text())
			}
			if n := len(a.Suggestions); n == 0 || n > 3 {
				t.Errorf("%d suggestions, want 1 to 3", n)
			}
		})
	}
}

func TestAnswerEmpty(t *testing.T) {
	a := base(t).Answer("  <@U123>  ")
	if a.Answered || len(a.Suggestions) == 0 {
		t.Errorf("empty question: answered=%v suggestions=%v", a.Answered, a.Suggestions)
	}
}

// TestTimelineBefore: a timeline "before" a year or something named ends
// before it: before the year, or before the first dated fact about what is
// named (the Taliban's first is their taking Herat in 1995).
func TestTimelineBefore(t *testing.T) {
	for _, tc := range []struct {
		q    string
		last int // no entry after this year
	}{
		{"timeline of afghanistan before 1990", 1990},
		{"timeline of afghan history before the taliban", 1994},
		{"timeline before the soviet invasion", 1978}, // an event is a time, not the timeline's topic
	} {
		a := base(t).Answer(tc.q)
		if !a.Answered || a.Intent != knowledge.IntentTimeline || len(a.Facts) < 3 {
			t.Errorf("%q: answered=%v intent=%v with %d entries, want a timeline", tc.q, a.Answered, a.Intent, len(a.Facts))
			continue
		}
		for _, f := range a.Facts {
			if f.Date.Start.Year > tc.last {
				t.Errorf("%q: entry %s (%s) is after %d", tc.q, f.ID, f.Date, tc.last)
			}
		}
	}
}

// TestTimelineFrom: a timeline "from" a year or something named "onwards",
// or "since" something named, starts there and lists its earliest entries
// first, not the whole history's most telling.
func TestTimelineFrom(t *testing.T) {
	for _, tc := range []struct {
		q     string
		first int // the year the first entry starts
	}{
		{"timeline of afghan politics from 1933 onward", 1933},
		{"afghan history timeline from zahir shah onwards", 1933}, // his first dated fact gives the year
		{"afghan history timeline from zahir shah", 1933},         // said last, "from" runs on as "onwards" does
		{"timeline since the soviet invasion", 1979},
		{"sequence from zahir shah's overthrow to the soviet invasion", 1973}, // a sequence from something is a timeline from it
	} {
		a := base(t).Answer(tc.q)
		if !a.Answered || a.Intent != knowledge.IntentTimeline || len(a.Facts) < 3 {
			t.Errorf("%q: answered=%v intent=%v with %d entries, want a timeline", tc.q, a.Answered, a.Intent, len(a.Facts))
			continue
		}
		if y := a.Facts[0].Date.Start.Year; y != tc.first {
			t.Errorf("%q: first entry %s dated %d, want %d", tc.q, a.Facts[0].ID, y, tc.first)
		}
		for k := 1; k < len(a.Facts); k++ {
			if a.Facts[k].Date.Start.Key() < a.Facts[k-1].Date.Start.Key() {
				t.Errorf("%q: entry %s (%s) before the one shown ahead of it", tc.q, a.Facts[k].ID, a.Facts[k].Date)
			}
		}
	}
}

// TestTimelineSinceAYear: a timeline "since 2021" runs on past 2021, not
// over 2021's events alone.
func TestTimelineSinceAYear(t *testing.T) {
	for _, q := range []string{"timeline of the ttp ceasefires and talks since 2021", "timeline of ttp escalation since late 2021"} {
		a := base(t).Answer(q)
		if !a.Answered || a.Intent != knowledge.IntentTimeline || len(a.Facts) < 3 {
			t.Errorf("%q: answered=%v intent=%v with %d entries, want a timeline", q, a.Answered, a.Intent, len(a.Facts))
			continue
		}
		if last := a.Facts[len(a.Facts)-1]; last.Date.Start.Year < 2023 {
			t.Errorf("%q: the last entry, %s, is dated %s, want one from 2023 on", q, last.ID, last.Date)
		}
	}
}

// TestTimelinePerSource: a timeline asked of a source named by its author
// or its title lists that source's dates on the topic, not the facts that
// name the author (a VOA report by another Gul) or the paper itself.
func TestTimelinePerSource(t *testing.T) {
	for _, tc := range []struct{ q, doc string }{
		{"ttp escalation timeline after aug 2021 per gul's paper", "000_3fe99d22d84a294d.txt"},
		{"timeline of ttp escalation after august 2021 per the fnf paper", "000_3fe99d22d84a294d.txt"},
	} {
		a := base(t).Answer(tc.q)
		if !a.Answered || a.Intent != knowledge.IntentTimeline || len(a.Facts) < 3 {
			t.Errorf("%q: answered=%v intent=%v with %d entries, want a timeline", tc.q, a.Answered, a.Intent, len(a.Facts))
			continue
		}
		for _, f := range a.Facts {
			if f.Cite.Doc != tc.doc || f.Entities[0] == "imtiaz-gul" || f.Entities[0] == "fnf-paper" || slices.Contains(f.Entities, "voa") {
				t.Errorf("%q: entry %s (%s) is not the source's own date on the topic", tc.q, f.ID, f.Cite.Doc)
			}
		}
	}
}

func TestTimelineIsOrderedAndCapped(t *testing.T) {
	a := base(t).Answer("timeline of the ttp")
	if !a.Answered || a.Intent != knowledge.IntentTimeline {
		t.Fatalf("answered=%v intent=%v", a.Answered, a.Intent)
	}
	if len(a.Facts) > 6 || len(a.Lines) != len(a.Facts)+1 || a.More == 0 {
		t.Errorf("%d entries in %d lines, %d more; want at most 6 entries after a line of key dates, and a remainder", len(a.Facts), len(a.Lines), a.More)
	}
	// The lead sums the entries up: each entry's date, in order.
	if !strings.HasPrefix(a.Lines[0], "Key dates: ") {
		t.Errorf("lead %q, want the key dates", a.Lines[0])
	}
	at := 0
	for _, f := range a.Facts {
		k := strings.Index(a.Lines[0][at:], f.Date.String())
		if k < 0 {
			t.Errorf("lead %q lacks %s after position %d", a.Lines[0], f.Date, at)
			break
		}
		at += k
	}
	for i := 1; i < len(a.Facts); i++ {
		if a.Facts[i].Date.Start.Key() < a.Facts[i-1].Date.Start.Key() {
			t.Errorf("entry %d (%s) is before entry %d (%s)", i, a.Facts[i].Date, i-1, a.Facts[i-1].Date)
		}
	}
	if !strings.Contains(a.Text(), "more") {
		t.Errorf("text %q does not say how many more", a.Text())
	}
}

// TestTimelineCoversWhatIsListed: a timeline asked for by its events
// shows each of them, not only the most telling entries on one.
func TestTimelineCoversWhatIsListed(t *testing.T) {
	kb := base(t)
	for _, tc := range []struct {
		q     string
		years []string
	}{
		{"TTP history in key dates: founding, the Peshawar school attack, dropping global jihad", []string{"2007", "2014", "2018"}},
		{"walk me through the taliban's conquests 1995-1998: herat, kabul, mazar", []string{"1995", "1996", "1998"}},
		{"timeline: the taliban seize herat, then kabul", []string{"1995", "1996"}},                                                                    // Kabul's fall in 1996 is nearer Herat's than its fall in 2021
		{"timeline: afghanistan from daoud's coup to the soviet invasion", []string{"1973", "1978", "1979"}},                                           // what came between the two
		{"ttp timeline pls: when it was founded, the peshawar school massacre, the switch to a pakistan-only focus", []string{"2007", "2014", "2018"}}, // the TTP's founding, not a founding deputy's speech
		{"timeline of march 2024: first the mir ali attack, then pakistan's air raids", []string{"16 March", "18 March"}},                              // the raids' fact is not on the attack
		{"a brief history of the ttp from its founding", []string{"2007", "2014"}},                                                                     // a history spreads over its years
	} {
		a := kb.Answer(tc.q)
		if !a.Answered || a.Intent != knowledge.IntentTimeline {
			t.Errorf("%q: answered=%v intent=%v", tc.q, a.Answered, a.Intent)
			continue
		}
		for _, y := range tc.years {
			if !strings.Contains(a.Text(), y) {
				t.Errorf("%q: no entry for %s in %q", tc.q, y, a.Text())
			}
		}
	}
}

func TestConflictReportsEverySide(t *testing.T) {
	b := base(t)
	for _, q := range []string{
		"how many afghans hold proof of registration cards",
		"how many por holders", // led by a fact outside the conflict that gives one side's figure
	} {
		a := b.Answer(q)
		text := a.Text()
		for _, want := range []string{"sources differ", "1.4", "1.3"} {
			if !strings.Contains(text, want) {
				t.Errorf("%q: text %q lacks %q", q, text, want)
			}
		}
		// The first sentence answers; the other side follows, flagged.
		if len(a.Lines) < 2 || !strings.ContainsAny(a.Lines[0], "0123456789") || !strings.HasPrefix(a.Lines[1], "The sources differ: ") {
			t.Errorf("%q: lines %q: want a figure first, then \"The sources differ: \" and the other side", q, a.Lines)
		}
		docs := map[string]bool{}
		for _, s := range a.Sources {
			docs[s.Doc] = true
		}
		if len(docs) < 2 {
			t.Errorf("%q: sources %v: want both documents cited", q, a.Sources)
		}
	}
}

func hasFact(a knowledge.Answer, ids []string) bool {
	for _, f := range a.Facts {
		for _, id := range ids {
			if f.ID == id {
				return true
			}
		}
	}
	return false
}

func factIDs(a knowledge.Answer) []string {
	var out []string
	for _, f := range a.Facts {
		out = append(out, f.ID)
	}
	return out
}

// TestSuggestionsWork asks every suggestion a decline offers and checks that
// durand answers it with the fact it was drawn from.
func TestSuggestionsWork(t *testing.T) {
	b := base(t)
	factsOf := map[string][]*knowledge.Fact{} // a question several facts answer alike
	for _, f := range b.Facts() {
		for _, q := range f.Questions {
			factsOf[q] = append(factsOf[q], f)
		}
	}
	seen := 0
	for _, q := range []string{
		"who won the cricket world cup",
		"when did torkham reopen",
		"who is pakistan's army chief",
		"what happened in the durand line",
		"how many refugees does iran host",
		"who currently leads iskp",
		"what is the weather in kabul",
		"xyzzy",
	} {
		a := b.Answer(q)
		if a.Answered {
			continue
		}
		for _, s := range a.Suggestions {
			seen++
			fs := factsOf[s]
			if len(fs) == 0 {
				t.Errorf("%q: suggestion %q is no fact's alternate question", q, s)
				continue
			}
			got := b.Answer(s)
			if !got.Answered || len(got.Facts) == 0 || !slices.Contains(fs, got.Facts[0]) {
				t.Errorf("%q: suggestion %q does not lead with %s: %q", q, s, fs[0].ID, got.Text())
			}
		}
	}
	if seen < 6 {
		t.Errorf("only %d suggestions checked; want the declines to offer some", seen)
	}
}

// TestDeclineSaysWhatIsKnown checks that a question about a known thing
// that the sources do not answer is declined with what they do say.
func TestDeclineSaysWhatIsKnown(t *testing.T) {
	a := base(t).Answer("who currently leads iskp")
	if a.Answered {
		t.Fatalf("answered %q", a.Text())
	}
	if !strings.Contains(a.Text(), knowledge.NearestText) || !strings.Contains(a.Text(), "ISKP") || len(a.Sources) == 0 {
		t.Errorf("decline %q (sources %v), want what the sources say about ISKP, cited", a.Text(), a.Sources)
	}
}

// TestMissingPartIsDeclined: a fact about the thing asked that lacks the
// part asked for is a decline that says what is missing and what the
// sources do say.
func TestMissingPartIsDeclined(t *testing.T) {
	for _, tc := range []struct{ q, missing, known string }{
		{"how many civilians were killed in pakistan's march 2024 airstrikes in afghanistan", "how many", "civilian casualties"},
		{"how many were wounded in the 2014 attack on the army school in peshawar", "how many were wounded", "killed 141"},
		{"iskp fighter numbers in afghanistan?", "how many", "ISKP"},                                                                                                        // the count of threats is not of fighters
		{"what did hamid karzai say about pakistan's deportation of afghans in 2023", "what Hamid Karzai said about deportation of undocumented Afghans from Pakistan", ""}, // his words on ties say nothing of it
		{"where did king zahir shah settle after daoud ousted him", "where", "1973"},                                                                                        // the coup names a country, not where he settled
		{"did kakar visit kabul while he was caretaker pm", "that", "wrote"},                                                                                                // his letter is no visit
		{"how many attacks did the ttp claim in 2022", "how many in all of 2022", ""},                                                                                       // April's 54 is not the year's
		{"what did michael kugelman say about the refugee deportations", "what Michael Kugelman said about that", "NATO"},                                                   // his words on another matter
		{"michael kugelman's take on the refugee deportations", "what Michael Kugelman said about that", "NATO"},                                                            // an opinion asked is his words
		{"at what rate should pakistan tax afghan imports", "the rate", ""},                                                                                                 // a duty proposed, at no rate
		{"when did asif durrani become special representative", "when it began", "Durrani"},
		{"since when has noor wali mehsud been the ttp's chief", "when it began", "Noor Wali"},
		{"when did asif durrani take that job", "when it began", "Durrani"},                  // taking a job is taking up a post
		{"when did sarfraz bugti take over the interior ministry", "when it began", "Bugti"}, // that he was minister in 2023 is not when he took over
		{"when did asif durrani get the post", "when", "Durrani"},
		{"who led the pak delegation that met noor wali in kabul in june 2022", "who", "Senior Pakistani officials"}, // the one who met him, by name: "officials" say not who led them
		{"who in pakistan hosted hillary clinton on her october 2011 visit", "who", "Clinton"},
		{"how many people were injured in the bajaur jui-f rally bombing", "how many", "injuring several"}, // "several" is no number, asked exactly or not
		{"when was yasin zia army chief", "when", "National Freedom Front"},                                // the front he leads is dated, not his time as army chief // a meeting with him as chief says nothing of since when
		{"how long has hasan akhund been prime minister", "when it began", "Akhund"},
		{"when did pakistan reopen the torkham crossing after shutting it in september 2023", "when", "Torkham"},
		{"when did dostum return from turkey", "when", "exile"},
		{"which town in kunar did bajauri speak to ttp fighters in", "where", "Kunar province"}, // a province is not a town
		{"name of the army operation after the peshawar army school attack", "what it is called", "141"},
		{"what was the codename of the army offensive launched after the 2014 peshawar school massacre", "what it is called", ""}, // a codename is a name
		{"what was that operation called", "what it is called", ""},                                                               // "that" opens no clause: the operation's name is asked
		{"on what day was the ttp spokesman balti killed", "the exact date", "Balti"},                                             // the sources give the month only
		{"when was the hafiz gul bahadur group formed", "when it began", ""},                                                      // talks on forming a platform are not its founding
		{"who runs the isi now", "who", "Faiz"},                                                                                   // the sources name a former chief only
		{"when was torkham reopened after the chitral attack", "when", "Torkham"},                                                 // "reopened" is nowhere in the pack
		{"what has karzai said regarding the ttp", "what Hamid Karzai said about that", ""},                                       // his remark is on Pakistan, not the TTP
		{"when did asif durrani take up the job of special representative", "when it began", "Durrani"},                           // the sources say he held it, not since when
		{"which afghan provinces did the march 2024 airstrikes hit", "where", "Afghanistan"},                                      // the country asked about is not the province asked for
		{"why has faiz hameed been sidelined", "why", "Faiz"},                                                                     // "has since been sidelined" says when, not why
		{"have the ttp and hgb merged", "what came of the talks", "Valle"},                                                        // the source says the outcome is unknown
		{"did the ttp and hafiz gul bahadur merger talks work", "what came of the talks", "Valle"},                                // whether they worked is what came of them
		{"did akhund ever write back to kakar", "whether Akhund replied", "Kakar"},
		{"what institute is anwesha ghosh with", "where Anwesha Ghosh works", ""},             // what Gul's think tank is says nothing of her
		{"which think tank is anwesha ghosh with", "which think tank", ""},                    // the whole noun asked, not "which tank"
		{"how many ttp prisoners did pakistan release during the 2021 talks", "how many", ""}, // the hundreds the Taliban freed are not Pakistan's
		{"exactly how many ttp prisoners were freed", "how many", ""},                         // "hundreds" is no exact number
		{"who took the photo of faiz hameed at the serena hotel", "who", "Serena"},            // the photo's subject is not who took it
		{"how many killed chitral sept 2023 attack", "how many", "Chitral"},                   // the dead are counted, not the 200 who attacked
		{"where did durrani and muttaqi meet in september 2023", "where", "Durrani"},          // the TTP "in Afghanistan", on a fact tagged with the meeting, is no place it was held
		{"which chinese firms have announced investments in afghanistan", "which ones", ""},   // a fact that firms invested names none
		{"how many attacks did the ttp claim in december 2022", "anything for that date", ""}, // April 2022's record names the year, not the month
		{"what happened in the july 2023 zhob garrison attack", "anything about Zhob", ""},    // a name the pack never uses, not the month's other events
		{"where did imtiaz gul study", "where", "Security Studies"},                           // a think tank's name says nothing of where he studied
		{"where did zahir shah live after the coup", "where", ""},
		{"how many chinese died in ttp attacks", "how many died", ""},                                                    // attacks that hit them are no deaths
		{"casualties of the chitral attack?", "how many", "Chitral"},                                                     // the facts on the attack give no toll
		{"outcome of durrani and muttaqi's trilateral meeting in september 2023", "anything about a trilateral one", ""}, // the meeting was bilateral
		{"who represents the taliban government in pakistan", "who", ""},                                                 // Durrani represents Pakistan
		{"who did clinton meet on her visit to pakistan", "who", "Clinton"},                                              // a visit, not whom she met
		{"how many holders of por cards were deported", "how many were deported", "PoR"},                                 // "not counted among the deportees"
		{"what did the doha deal of 2020 require the taliban to do", "that", "lull"},                                     // a fact on what happened around the deal says nothing of its terms
		{"what relation is mullah yaqoob to mullah omar", "how they are related", ""},                                    // a fact on one of them says nothing of the two
		{"was faiz hameed detained after being sidelined", "whether Faiz Hameed was detained", "sidelined"},              // his sidelining says nothing of an arrest
		{"anyone arrested over the mastung bombing?", "whether anyone was arrested", "claimed"},                          // "anyone arrested?" is "was anyone arrested?"
		{"was anyone arrested for the mastung bombing", "whether anyone was arrested", "claimed"},
		{"what is the ttp's position on schooling for girls", "what Tehrik-e-Taliban Pakistan thinks", ""},                             // the FNF paper's recommendation is not the TTP's stance
		{"the date torkham's reopening took place after it was shut in september 2023", "when", "Torkham"},                             // a reopening no fact reports
		{"when was noor wali mehsud made ttp chief", "when it began", ""},                                                              // made chief is when the post began
		{"did kabul really shift the ttp's commanders out of the border provinces", "whether the Taliban carried it out", "committed"}, // "really" asks what came of the pledge
		{"what were afghan customs revenues from pakistan trade worth in dollars", "how much money", ""},                               // a share, not a sum
		{"what is the cost of the logistics plan for the evictions", "how much money", ""},                                             // a cost is a sum: a count of people moved is none
		{"what did beijing say about pakistan's march 2024 airstrikes", "what China said", ""},                                         // what the Taliban said is not China's word
		{"who is the taliban's envoy in islamabad", "who", ""},
		{"when did kakar get sworn in as interim prime minister", "when it began", ""}, // that he was PM in October 2023 does not say when he took office
		{"death toll of the chitral attack in september 2023", "how many", ""},
		{"how long is the afghanistan-iran border in kilometres", "how long", ""},
		{"how long is the fence pakistan built along the durand line", "how long", "2,560"},                             // the border's length is not the fence's
		{"what percentage of afghan girls miss secondary school", "how many", ""},                                       // "Recommendation 7" counts nothing
		{"who is the current iskp cheif", "who", ""},                                                                    // a misspelt post is the post: the threat ISKP poses names no chief
		{"who is the chief of general staff of the afghan army", "who", "Yasin Zia"},                                    // the sources name a former chief only ("who was" is answered)
		{"militant attacks in pakistan during the second half of 2023?", "anything for the second half", ""},            // the figures are the first half's
		{"pakistan's march 2024 strikes hit which afghan provinces", "where", ""},                                       // the facts name places in Pakistan only // the Durand Line's length is another border's // the Mastung bombing's toll that month is another attack's                                 // "Pakistan's special envoy" is Pakistan's
		{"faiz hameed was sidelined when exactly", "when", "Faiz"},                                                      // the sources say he has since been, not when
		{"did tom west openly criticise pakistan's march 2024 airstrikes", "what Tom West said", ""},                    // the Taliban's condemnation is not his
		{"who took over as pm from anwaar ul haq kakar", "who", ""},                                                     // his successor, whom the sources do not name
		{"how did pakistan respond to hillary clinton", "what Pakistan said", ""},                                       // her warning, naming Pakistan after her, is her word
		{"after serving as caretaker pm what did kakar do", "what came after", "Kakar"},                                 // the sources end with his time as caretaker
		{"when did mansour ahmed khan's time as ambassador in kabul end", "when it ended", "Mansour"},                   // the sources place him in post in 2021, no more
		{"when did china formally recognise the taliban government", "when", ""},                                        // Islamabad's lobbying for recognition is not China's act
		{"what did mansour ahmed khan tell journalists at the serena hotel", "what Mansour Ahmed Khan said", "tea"},     // a photo of him there is not his word
		{"in which afghan provinces is al-qaida setting up its new training camps", "where", "UN report"},               // "Taliban-run Afghanistan" names the country, not a province
		{"who was sirajuddin haqqani's father", "who", ""},                                                              // the facts on Haqqani name no father
		{"what did sultan barakat propose in his al jazeera piece", "what the op-ed argues or is titled", "reproduces"}, // that the FNF paper reproduces it is not what it proposes
		{"what did sirajuddin haqqani do before he became interior minister", "what came before", "interior minister"},  // that he is minister says nothing of before
		{"noor wali mehsud's age", "that", "Mehsud"},                                                                    // no fact gives his age
		{"how was baitullah mehsud killed, and when", "that", "Baitullah"},                                              // the fact on him says nothing of his death
		{"who created the free afghans front", "who", ""},                                                               // "a group created in January 2022" says not by whom
		{"which afghan diplomat received pakistan's chitral demarche", "who", ""},                                       // the fact speaks of "an Afghan diplomat"
		{"the ttp commander blamed for the bajaur rally attack, what's his name", "who", "local commander"},             // "his name" asks who; the fact names none
		{"names of the officers killed at the north waziristan post in march 2024", "who", "two of them"},               // "two of them officers", no names
		{"what was the bomber's name in the mastung bombing", "what it is called", "Mastung"},                           // "the bomber's name" asks a name as "the name of" does
		{"what did india say about pakistan deporting afghans", "what was said about that", "India"},                    // India and Pakistan named, deporting not
	} {
		a := base(t).Answer(tc.q)
		if a.Answered {
			t.Fatalf("%q: answered %q", tc.q, a.Text())
		}
		if want := "The sources I have don't say " + tc.missing + "."; len(a.Lines) == 0 || a.Lines[0] != want {
			t.Errorf("%q: lead %q, want %q", tc.q, a.Lines, want)
		}
		if tc.known == "" {
			continue // nothing on the thing itself to say
		}
		if !strings.Contains(a.Text(), knowledge.NearestText) || !strings.Contains(a.Text(), tc.known) || len(a.Sources) == 0 {
			t.Errorf("%q: %q (sources %v), want what the sources say, cited", tc.q, a.Text(), a.Sources)
		}
	}
}

// TestRoleHolders: a question about a role is answered by a fact that names
// its holder beside the title, and declined by one that names the role only.
func TestRoleHolders(t *testing.T) {
	for _, tc := range []struct {
		q, want string // want "" means a decline
	}{
		{"who was the isi chief in 2021", "Faiz Hameed"},
		{"which spokesperson of the taliban said ttp violence starts inside pakistan", "Shaheen"}, // spokesman, spokesperson
		{"which pakistani official called afghan peace a nightmare", "Durrani"},
		{"who sat down with pakistan's special envoy on 22 september 2023", "Muttaqi"}, // the envoy is not the one asked for
		{"who is the foreign minister of india", ""},                                   // the Taliban's is not India's
		{"which army chief was at kakar's meeting on the expulsions", ""},              // the fact names Kakar, not the army chief
		{"who is the current isi chief", ""},
		{"name china's envoy to kabul", ""},                              // the fact names the US envoy, and China's only as appointed
		{"who is the un rapporteur on human rights in afghanistan", ""},  // a title the pack has no holder for
		{"name the man leading the national resistance front", "Masoud"}, // the fact names a former one
		{"who is the interior minister of the taliban", "Haqqani"},
		{"who was the taliban foreign minister that pakistan's special rep met in september 2023", "Muttaqi"}, // the holder is not the fact's subject
		// "when" clauses are dated and the post's holder then is found.
		{"who was the caretaker pm when pakistan ordered undocumented afghans out", "Kakar"},
		{"who was the afghan president when the soviets invaded", "Karmal"},
		{"when were the tribal areas merged and what did they become", "2018"},
		{"who was the caretaker pm in 2023", "Kakar"},
		{"who is the taliban pm", "Hasan Akhund"},
		{"@durand who is pakistan's army chief", ""},
		{"who headed the ttp after noor wali mehsud", ""},
		{"who is the taliban's ambassador to pakistan", ""},
		{"after the chitral raid, which taliban leader got a letter from the caretaker premier", "Hasan Akhund"}, // the raid dates the letter; it does not place a post
	} {
		a := base(t).Answer(tc.q)
		switch {
		case tc.want == "" && a.Answered:
			t.Errorf("%q: answered %q, want a decline", tc.q, a.Text())
		case tc.want != "" && (!a.Answered || !strings.Contains(a.Lines[0], tc.want)):
			t.Errorf("%q: %q (answered %v), want it to lead with %s", tc.q, a.Text(), a.Answered, tc.want)
		}
	}
}

// TestCurrentIsAnsweredAsOf: "current", "now", "today", "still" and
// "latest" questions are answered by the lead fact alone, from the newest
// fact on the post asked about, and the first sentence says as of when: a
// post by the date its source shows it held, anything else by its source's
// date.
func TestCurrentIsAnsweredAsOf(t *testing.T) {
	tests := []struct {
		q, lead, not string
	}{
		{"who is the current leader of the ttp", "Noor Wali Mehsud is the leader of the Tehrik-e-Taliban Pakistan (TTP), the FNF paper states (as of 9 September 2023).", ""},
		{"who is the ttp's leader today", "(as of 9 September 2023)", "Baitullah"},
		{"who is still the ttp chief", "(as of 9 September 2023)", "Baitullah"},
		// Imran Khan's facts are older (2021) than Kakar's (2023).
		{"who is the current prime minister of pakistan", "Kakar", "Imran"},
		{"who is pakistan's pm now", "October 2023", "Imran"},
		{"who is the latest pakistani envoy to afghanistan", "Asif Durrani", ""},
		// Not a post: dated by the source.
		{"is torkham still closed", "As of April 2024 (the source's date): ", ""},
	}
	for _, tt := range tests {
		a := base(t).Answer(tt.q)
		switch {
		case !a.Answered:
			t.Errorf("%q: declined %q", tt.q, a.Text())
		case !strings.Contains(a.Lines[0], tt.lead) || tt.not != "" && strings.Contains(a.Text(), tt.not):
			t.Errorf("%q: %q, want the first sentence to hold %q and nothing of %q", tt.q, a.Text(), tt.lead, tt.not)
		case len(a.Facts) != 1:
			t.Errorf("%q: %d facts, want the lead alone", tt.q, len(a.Facts))
		}
	}
	// A post no longer held is not what holds now.
	if a := base(t).Answer("who is the current isi chief"); a.Answered {
		t.Errorf("the current ISI chief: answered %q, want a decline (the sources name former chiefs only)", a.Text())
	}
	if a := base(t).Answer("who leads the ttp"); strings.HasPrefix(a.Text(), "As of") {
		t.Errorf("a question not about now is dated: %q", a.Text())
	}
}

// TestStated: a role fact says as of when its post was held, unless it is
// former or its sentence already gives the date; other facts are their
// text.
func TestStated(t *testing.T) {
	tests := []struct {
		id, want string
	}{
		{"fnf-durrani-role", "Asif Durrani is Pakistan's special representative (special envoy) on Afghanistan, according to the FNF paper (as of 25 September 2023)."},
		{"fnf-kakar-role", "Anwaar-ul-Haq Kakar was Pakistan's caretaker prime minister in September 2023, according to the FNF paper."},
		{"op-kakar-role", "Anwar-ul-Haq Kakar (Anwaar-ul-Haq Kakar) was Pakistan's caretaker prime minister in October 2023, according to the opinion article."},
		{"cookie-faiz-role", "Lieutenant General Faiz Hamid (Hameed) is a former chief of Pakistan's Inter-Services Intelligence (ISI), as Bhonsle describes him."},
	}
	for _, tt := range tests {
		f, ok := base(t).Fact(tt.id)
		if !ok {
			t.Fatalf("no fact %s", tt.id)
		}
		if got := f.Stated(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.id, got, tt.want)
		}
	}
	for _, f := range base(t).Facts() {
		if f.Type != knowledge.TypeRole && f.Stated() != f.Text {
			t.Errorf("%s, a %s fact, is stated as %q", f.ID, f.Type, f.Stated())
		}
	}
}

// TestAlternateQuestionsNotFromPublicSets fails if any alternate question in
// the pack is a line of the public question sets: the pack must generalise,
// not memorise them.
func TestAlternateQuestionsNotFromPublicSets(t *testing.T) {
	public := map[string]string{}
	for _, path := range []string{"../../shared/eval/dev.jsonl", "../../shared/eval/dev2.jsonl"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Skipf("public sets absent: %v", err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var q struct{ Q string }
			if json.Unmarshal([]byte(line), &q) == nil && q.Q != "" {
				public[foldQuestion(q.Q)] = q.Q
			}
		}
	}
	for _, f := range base(t).Facts() {
		qs := f.Questions
		if f.Open != nil {
			qs = append(slices.Clip(qs), f.Open.Questions...)
		}
		for _, q := range qs {
			if p, ok := public[foldQuestion(q)]; ok {
				t.Errorf("fact %s: alternate question %q is the public question %q", f.ID, q, p)
			}
		}
	}
}

// foldQuestion reduces a question to its words, for comparison.
func foldQuestion(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(knowledge.Normalize(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// TestSecondPartIsAnswered: "who ... and when" gets the date even when the
// fact that gives it reads much like the one that names the person.
func TestSecondPartIsAnswered(t *testing.T) {
	a := base(t).Answer("which general formed nifma, and when")
	if text := a.Text(); !a.Answered || !strings.Contains(text, "Khalid Aziz") || !strings.Contains(text, "March 2022") {
		t.Errorf("answered %v: %q, want who and when", a.Answered, text)
	}
}

// TestJoinedPartsAnswered: a question that joins two asks gets both, in
// its lead sentence.
// "Attacks and deaths" asks two counts; a toll of the attacks' dead says
// "attacks" but counts deaths, so the count of the attacks follows it.
// "Herat and then Kabul" asks about two places; a fact on Herat that names
// Afghanistan does not give Kabul, for which "Kabul" might also stand.
func TestJoinedPartsAnswered(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"picss numbers for militant attacks and deaths in september 2023", []string{"65", "136"}},
		{"when did zahir shah take the throne and who removed him", []string{"1933", "Daoud"}},                   // removing a king is ousting him
		{"the chitral raid then kabul's demarche - when was each", []string{"5 September", "9 September"}},       // "then" joins two asks as "and" does
		{"the dates of the chitral attack and of the demarche to kabul", []string{"5 September", "9 September"}}, // the démarche's fact names the attack, not its date
		{"when did the taliban seize herat and then kabul in the 1990s", []string{"1995", "1996"}},
		{"how many afghans hold por cards vs acc cards?", []string{"1.4", "800,000"}},                                                                      // a lead in a conflict still takes the other part
		{"confirm the picss figures for sept 2023: number of attacks and deaths", []string{"65", "136"}},                                                   // the attacks' count joins the deaths' toll
		{"how many attacks in 2021 per the stats, and the percent rise on 2020", []string{"294", "56 percent"}},                                            // "stats" asks how many, it names no topic
		{"who heads the national freedom front and what did he do before", []string{"Yasin Zia", "General Staff"}},                                         // what he did before is what he formerly was
		{"how much of afghan customs revenue, and of the taliban's overall revenue, is tied to trade with pakistan", []string{"40 percent", "60 percent"}}, // "tied to" is linked, not ties
		{"per picss, how many militant attacks were there in sept 2023, how many people died", []string{"65", "136"}},                                      // a comma, then a second "how many": two questions
		{"picss figures, sept 2023 — attacks and people killed", []string{"136"}},                                                                          // "people" is light: the toll leads, not the injured count that says "people"
		{"dates: the chitral attack and kabul's demarche", []string{"5 September", "9 September"}},                                                         // "dates" with no question word asks when
		{"ttp monthly attack records: dec 2021 vs april 2022", []string{"45 attacks", "54 attacks"}},                                                       // two times set side by side: a figure for each
		{"chitral assault and then the demarche to kabul - what were the dates", []string{"5 September", "9 September"}},                                   // an assault on Chitral is the attack there
		{"picss data on sept 2023: attacks plus fatalities", []string{"65", "136"}},                                                                        // "data", like "numbers" or "stats", asks for figures and names no topic
		{"how many attacks how many deaths sept 2023 picss", []string{"65", "136"}},                                                                        // the first names nothing: it asks about what the second names
		{"how long is the durand line — who called pak-afghan ties love-hate", []string{"2,560", "Karzai"}},                                                // each clause answered alone
		{"nff - which ex general staff chief runs it and when was it set up", []string{"Zia", "January 2022"}},                                             // "it" is the NFF, not its leader
		{"who is the author of the cookie crumbled piece and which consultancy is he director of", []string{"Bhonsle", "Sasia"}},                           // "he" is who answers the first clause
		{"who is faqir muhammad bajauri and where did he address fighters once freed from prison", []string{"deputy", "Kunar"}},                            // "he" is Bajauri
	} {
		a := base(t).Answer(tc.q)
		for _, w := range tc.want {
			// Both parts are in the lead, the sentence shown first.
			if !a.Answered || !strings.Contains(a.Lines[0], w) {
				t.Errorf("%q: answered %v, lead %q, want %q in it", tc.q, a.Answered, a.Lines, w)
			}
		}
	}
}

// TestSourcesCompared: a question that names two sources together, to set
// them side by side, gets what each says in its first sentence, each
// attributed once; one that asks what one source says gets that source.
func TestSourcesCompared(t *testing.T) {
	b := base(t)
	a := b.Answer("how do ghosh and gul date the creation of the ttp")
	if !a.Answered || len(a.Facts) != 2 {
		t.Fatalf("answered %v with %d facts: %q", a.Answered, len(a.Facts), a.Text())
	}
	docs := map[string]bool{}
	for _, f := range a.Facts {
		docs[f.Cite.Doc] = true
	}
	if len(docs) != 2 {
		t.Errorf("facts from %v, want one from each source", docs)
	}
	for _, w := range []string{"December 2007", "Ghosh", "Gul"} {
		if !strings.Contains(a.Lines[0], w) {
			t.Errorf("lead %q lacks %q", a.Lines[0], w)
		}
	}
	if strings.Count(a.Lines[0], "Ghosh") != 1 {
		t.Errorf("lead %q names Ghosh more than once", a.Lines[0])
	}
	if a := b.Answer("when was the ttp founded according to ghosh"); len(a.Facts) == 0 || !strings.HasPrefix(a.Facts[0].Cite.Doc, "004_") {
		t.Errorf("one source asked: facts %v", factIDs(a))
	}
}

// TestConflictAskedLeadsWithEverySide: asked to compare the accounts ("was
// it 14 or 15", "Kakar vs Bugti"), the first sentence carries each side.
func TestConflictAskedLeadsWithEverySide(t *testing.T) {
	for _, q := range []string{
		"was it 14 or 15 of the 24 suicide bombings that afghans carried out",
		"kakar vs bugti: how many of 2023's suicide bombings were by afghans",
	} {
		a := base(t).Answer(q)
		if len(a.Lines) == 0 || !strings.Contains(a.Lines[0], "14") || !strings.Contains(a.Lines[0], "15") || !strings.Contains(a.Lines[0], "sources differ") {
			t.Errorf("%q: first sentence %q, want both figures and that the sources differ", q, a.Lines)
		}
	}
}

// TestOtherScript: a question in Urdu, Pashto or another script gets a
// reply that durand reads English so far, with questions it answers; one
// foreign word in an English question does not.
func TestOtherScript(t *testing.T) {
	kb := base(t)
	for _, tc := range []struct {
		q     string
		other bool
	}{
		{"طالبان کون ہیں", true},                          // Urdu: who are the Taliban
		{"د طالبانو مشر څوک دی؟", true},                   // Pashto: who leads the Taliban
		{"who is Ахмад Масуд", true},                      // mostly Cyrillic
		{"what does طالبان mean in the fnf paper", false}, // one word in another script
		{"who is asif durrani", false},
	} {
		a := kb.Answer(tc.q)
		got := len(a.Lines) > 0 && a.Lines[0] == knowledge.EnglishOnlyText
		if got != tc.other {
			t.Errorf("%q: English-only reply %v, want %v (%q)", tc.q, got, tc.other, a.Text())
		}
		if tc.other && (a.Answered || len(a.Sources) > 0 || len(a.Suggestions) == 0) {
			t.Errorf("%q: answered %v, %d sources, %d suggestions; want a reply with suggestions and no source", tc.q, a.Answered, len(a.Sources), len(a.Suggestions))
		}
	}
}

// TestSuppliedTitlesBracketed: a source whose title we supplied (the
// document carries none) is shown in square brackets wherever it is cited;
// a document's own title is not.
func TestSuppliedTitlesBracketed(t *testing.T) {
	kb := base(t)
	for _, tc := range []struct {
		q, doc    string
		bracketed bool
	}{
		{"how many afghans had left pakistan by late 2023 per the op-ed", "001_d9af7352ab9a518c.txt", true},
		{"what share of afghan customs revenue comes through pakistan", "003_534ad4cd82bd50f1.txt", true},
		{"who is asif durrani", "000_3fe99d22d84a294d.txt", false},
	} {
		a := kb.Answer(tc.q)
		found := false
		for _, s := range a.Sources {
			if s.Doc != tc.doc {
				continue
			}
			found = true
			if got := strings.HasPrefix(s.Title, "[") && strings.HasSuffix(s.Title, "]"); got != tc.bracketed {
				t.Errorf("%q: source title %q, bracketed %v, want %v", tc.q, s.Title, got, tc.bracketed)
			}
		}
		if !found {
			t.Errorf("%q: no source from %s in %+v", tc.q, tc.doc, a.Sources)
		}
	}
}

// TestDistinctNamesFlagged: an answer on one of two bodies that share a
// name says so in a sentence of its own.
func TestDistinctNamesFlagged(t *testing.T) {
	b := base(t)
	a := b.Answer("when was the pdpa founded")
	if !a.Answered {
		t.Fatalf("declined: %q", a.Text())
	}
	if last := a.Lines[len(a.Lines)-1]; last != "The name People's Democratic Party of Afghanistan belongs to two different bodies." {
		t.Errorf("last line %q, want the two bodies flagged", last)
	}
}
