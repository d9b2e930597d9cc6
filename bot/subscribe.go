package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DigestSettings lets a Router manage digest subscriptions.
type DigestSettings struct {
	Store       Store
	DefaultZone *time.Location   // when a command names none; UTC when nil
	Now         func() time.Time // time.Now when nil
}

// SetDigest enables the digest commands. Call it before serving.
func (r *Router) SetDigest(s DigestSettings) {
	if s.DefaultZone == nil {
		s.DefaultZone = time.UTC
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	r.digest = &s
}

const digestUsage = "digest on 08:00 Asia/Karachi · digest off · digest status · digest preview"

// rawMentionRE strips chat mentions from the raw text, keeping case (time
// zone names are case-sensitive).
var rawMentionRE = regexp.MustCompile(`<@[!&]?[A-Za-z0-9]+(\|[^>]*)?>|^\s*@durand\b[:,]?`)

// digestCommand handles "digest …". The words after "digest" are read from
// the message as typed.
func (r *Router) digestCommand(ctx context.Context, m Message) Response {
	if r.digest == nil {
		return Response{Kind: KindInfo, Lead: "Daily digests are not set up on this server."}
	}
	args := strings.Fields(rawMentionRE.ReplaceAllString(m.Text, " "))
	if len(args) > 0 && strings.EqualFold(strings.Trim(args[0], "/!"), "digest") {
		args = args[1:]
	}
	k := ChannelKey{Platform: m.Platform, Channel: m.Channel}
	verb := ""
	if len(args) > 0 {
		verb = strings.ToLower(args[0])
		args = args[1:]
	}
	switch verb {
	case "", "status":
		return r.digestStatus(ctx, k)
	case "preview", "now", "today":
		return r.digestPreview(ctx, k)
	case "on", "subscribe", "daily", "start":
		if !m.Manager {
			return refuse(m)
		}
		return r.digestOn(ctx, m, k, args)
	case "off", "unsubscribe", "stop":
		if !m.Manager {
			return refuse(m)
		}
		if !r.settings.allow(userKey(m)) {
			return r.settingsLimited()
		}
		ok, err := r.digest.Store.Unsubscribe(ctx, k)
		if err != nil {
			return r.storeError(ctx, err)
		}
		if !ok {
			return Response{Kind: KindInfo, Lead: "This channel had no daily digest; nothing changed."}
		}
		return Response{Kind: KindInfo, Lead: "Daily digest off for this channel.", Lines: whoMayChange(m)}
	}
	return Response{Kind: KindHelp, Lead: fmt.Sprintf("I don't know “digest %s”.", verb), Lines: []string{digestUsage}}
}

// whoMayChange says who may change the channel's digest, when the
// platform says.
func whoMayChange(m Message) []string {
	if m.ManagerHint == "" {
		return nil
	}
	return []string{"Who may change it: " + m.ManagerHint + "."}
}

func refuse(m Message) Response {
	who := m.ManagerHint
	if who == "" {
		who = "channel managers"
	}
	return Response{Kind: KindInfo, Lead: "Only " + who + " can change this channel's daily digest; anyone can ask for “digest status”."}
}

// settingsLimited is the reply to a digest change over the user's
// settings limit.
func (r *Router) settingsLimited() Response {
	return Response{Kind: KindInfo, Lead: fmt.Sprintf("You're changing the daily digest too often (%d changes a minute); nothing changed. Please try again in a minute.", min(r.opts.RatePerMinute, settingsPerMinute))}
}

func (r *Router) storeError(ctx context.Context, err error) Response {
	r.log.ErrorContext(ctx, "digest store", "err", err)
	return Response{Kind: KindError, Lead: "I couldn't reach my settings store; nothing changed. Please try again shortly."}
}

var clockRE = regexp.MustCompile(`^(\d{1,2})[:.h]?(\d{2})?$`)

// parseClock reads "08:00", "8:30", "0830", "8" or "8am"/"8pm".
func parseClock(s string) (h, m int, ok bool) {
	s = strings.ToLower(s)
	pm := strings.HasSuffix(s, "pm")
	am := strings.HasSuffix(s, "am")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "pm"), "am")
	if len(s) == 4 && !strings.ContainsAny(s, ":.h") {
		s = s[:2] + ":" + s[2:]
	}
	sm := clockRE.FindStringSubmatch(s)
	if sm == nil {
		return 0, 0, false
	}
	h, _ = strconv.Atoi(sm[1])
	if sm[2] != "" {
		m, _ = strconv.Atoi(sm[2])
	}
	if (am || pm) && (h < 1 || h > 12) {
		return 0, 0, false
	}
	if pm && h != 12 {
		h += 12
	}
	if am && h == 12 {
		h = 0
	}
	return h, m, h <= 23 && m <= 59
}

// zoneArea returns the IANA time zone database's area that s names in
// any case: the continents and oceans that begin every Area/Location name
// (Asia/Karachi, America/Argentina/Buenos_Aires). Names outside them —
// Local, posixrules, Factory, EST5EDT, Etc/GMT+5, US/Eastern, the posix/
// and right/ copies — are rules or aliases, not places.
func zoneArea(s string) (string, bool) {
	for _, a := range [...]string{"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"} {
		if strings.EqualFold(s, a) {
			return a, true
		}
	}
	return "", false
}

// zonePartRE is one part of a zone name after the area: letters, digits,
// "_", "-" and "+", starting with a letter (Buenos_Aires, Port-au-Prince).
var zonePartRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_+-]*$`)

// maxZoneName is the longest zone name considered: the longest IANA name
// (America/Argentina/ComodRivadavia) has 32 characters.
const maxZoneName = 64

// LoadZone finds a time zone by its IANA Area/Location name, forgiving case
// ("asia/karachi" is Asia/Karachi), or UTC. It refuses every other name the
// system's zone database may hold (Local, posixrules, Factory, EST5EDT,
// US/Eastern…): those are rules or aliases, not places.
func LoadZone(name string) (*time.Location, error) {
	if strings.EqualFold(name, "utc") {
		return time.UTC, nil
	}
	parts := strings.Split(name, "/")
	area, ok := zoneArea(parts[0])
	if !ok || len(parts) < 2 || len(name) > maxZoneName {
		return nil, fmt.Errorf("unknown time zone %q: want an Area/Location name such as Asia/Karachi, or UTC", name)
	}
	for _, p := range parts[1:] {
		if !zonePartRE.MatchString(p) {
			return nil, fmt.Errorf("unknown time zone %q: want an Area/Location name such as Asia/Karachi, or UTC", name)
		}
	}
	if loc, err := time.LoadLocation(area + name[len(parts[0]):]); err == nil {
		return loc, nil
	}
	for i, p := range parts[1:] {
		words := strings.Split(strings.ToLower(p), "_")
		for j, w := range words {
			words[j] = strings.ToUpper(w[:min(1, len(w))]) + w[min(1, len(w)):]
		}
		parts[i+1] = strings.Join(words, "_")
	}
	parts[0] = area
	loc, err := time.LoadLocation(strings.Join(parts, "/"))
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q: %w", name, err)
	}
	return loc, nil
}

// shownZone is a zone name as typed, made safe to repeat in a reply:
// characters no zone name has become "?", so that nothing typed there can
// render as a link or markup, and it is cut to maxZoneName characters.
func shownZone(name string) string {
	var b strings.Builder
	for i, r := range name {
		if i >= maxZoneName {
			b.WriteString("…")
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("/_-+", r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('?')
		}
	}
	return b.String()
}

func (r *Router) digestOn(ctx context.Context, m Message, k ChannelKey, args []string) Response {
	if len(args) == 0 {
		return Response{Kind: KindHelp, Lead: "Say when: a time of day and, if you like, a time zone.", Lines: []string{"digest on 08:00 Asia/Karachi"}}
	}
	h, min, ok := parseClock(args[0])
	if !ok {
		return Response{Kind: KindHelp, Lead: fmt.Sprintf("“%s” is not a time of day (00:00–23:59); nothing changed.", args[0]), Lines: []string{"digest on 08:00 Asia/Karachi"}}
	}
	loc := r.digest.DefaultZone
	if len(args) > 1 {
		var err error
		if loc, err = LoadZone(args[1]); err != nil {
			return Response{Kind: KindHelp, Lead: fmt.Sprintf("I don't know the time zone “%s”; nothing changed.", shownZone(args[1])),
				Lines: []string{"Use a zone name such as Asia/Karachi, Asia/Kabul, Europe/Berlin, America/New_York or UTC."}}
		}
	}
	if len(args) > 2 {
		return Response{Kind: KindHelp, Lead: "Too many words; nothing changed.", Lines: []string{"digest on 08:00 Asia/Karachi"}}
	}
	if !r.settings.allow(userKey(m)) {
		return r.settingsLimited()
	}
	s := Subscription{Platform: k.Platform, Channel: k.Channel, Hour: h, Minute: min, Zone: loc.String(), By: m.User, Since: r.digest.Now()}
	if err := r.digest.Store.Subscribe(ctx, s); err != nil {
		return r.storeError(ctx, err)
	}
	lines := whoMayChange(m)
	if m.DigestHint != "" {
		lines = append(lines, m.DigestHint)
	}
	return Response{Kind: KindInfo, Lead: "Daily digest on: " + describe(s, r.digest.Now()), Lines: lines}
}

func (r *Router) digestStatus(ctx context.Context, k ChannelKey) Response {
	s, err := r.digest.Store.Subscription(ctx, k)
	if errors.Is(err, ErrNotFound) {
		return Response{Kind: KindInfo, Lead: "This channel has no daily digest.", Lines: []string{"Start one with: digest on 08:00 Asia/Karachi"}}
	}
	if err != nil {
		return r.storeError(ctx, err)
	}
	return Response{Kind: KindInfo, Lead: "This channel gets the daily digest " + describe(s, r.digest.Now())}
}

// describe says when a subscription's digests come: "every day at 08:00
// Asia/Karachi (next: Sunday 22 November, 08:00)."
func describe(s Subscription, now time.Time) string {
	text := fmt.Sprintf("every day at %02d:%02d %s", s.Hour, s.Minute, s.Zone)
	if next, err := NextRun(s, now); err == nil {
		if loc, err := time.LoadLocation(s.Zone); err == nil {
			text += " (next: " + next.In(loc).Format("Monday 2 January, 15:04") + ")"
		}
	}
	return text + "."
}

func (r *Router) digestPreview(ctx context.Context, k ChannelKey) Response {
	loc := r.digest.DefaultZone
	if s, err := r.digest.Store.Subscription(ctx, k); err == nil {
		if l, err := time.LoadLocation(s.Zone); err == nil {
			loc = l
		}
	}
	d, err := (&Digester{KB: r.Base(), Store: r.digest.Store}).Compose(ctx, k, r.digest.Now().In(loc).Format(time.DateOnly))
	if err != nil {
		return r.storeError(ctx, err)
	}
	return Response{Kind: KindInfo, Lead: d.Title, Sources: d.Sources, Digest: &d}
}
