package knowledge

import (
	"fmt"
	"strconv"
	"strings"
)

// Precision says how much of a date is known.
type Precision int

// The precisions a Date can have, coarsest first.
const (
	NoDate Precision = iota
	YearPrecision
	MonthPrecision
	DayPrecision
)

// Point is a calendar position with as much precision as is known: Month
// and Day are zero when unknown.
type Point struct {
	Year, Month, Day int
}

// Precision reports how much of p is known.
func (p Point) Precision() Precision {
	switch {
	case p.Year == 0:
		return NoDate
	case p.Month == 0:
		return YearPrecision
	case p.Day == 0:
		return MonthPrecision
	}
	return DayPrecision
}

// Key orders points chronologically; an unknown month or day sorts first
// within its year or month.
func (p Point) Key() int { return p.Year*10000 + p.Month*100 + p.Day }

// Date is when a fact happened: a point, optionally qualified as early, mid
// or late in its month or year, or a range between two points.
type Date struct {
	Start Point
	End   Point  // zero unless the date is a range
	Part  string // "early", "mid", "late" or ""
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Start.Year == 0 }

// Precision reports the precision of the date's start.
func (d Date) Precision() Precision { return d.Start.Precision() }

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// MonthName returns the English name of month m (1–12), or "".
func MonthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthNames[m]
}

// String renders the date for people: "5 September 2023", "September 2023",
// "late November 2022", "June–September 2022".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	s := d.Start.String()
	if d.End.Year != 0 {
		end := d.End.String()
		if d.Start.Year == d.End.Year && d.Start.Day == 0 && d.End.Day == 0 && d.Start.Month != 0 {
			s = monthNames[d.Start.Month]
		}
		s += "–" + end
	}
	if d.Part != "" {
		s = d.Part + " " + s
	}
	return s
}

// String renders the point: "5 September 2023", "September 2023", "2023".
func (p Point) String() string {
	switch p.Precision() {
	case DayPrecision:
		return fmt.Sprintf("%d %s %d", p.Day, monthNames[p.Month], p.Year)
	case MonthPrecision:
		return fmt.Sprintf("%s %d", monthNames[p.Month], p.Year)
	case YearPrecision:
		return strconv.Itoa(p.Year)
	}
	return ""
}

// Within reports whether the date lies wholly inside the inclusive span
// from..to.
func (d Date) Within(from, to Point) bool {
	lo, hi, ok := d.bounds()
	flo, thi := spanBounds(from, to)
	return ok && lo >= flo && hi <= thi
}

// Overlaps reports whether the date falls, at least partly, within the
// inclusive span from..to.
func (d Date) Overlaps(from, to Point) bool {
	lo, hi, ok := d.bounds()
	flo, thi := spanBounds(from, to)
	return ok && lo <= thi && hi >= flo
}

// bounds returns the first and last day keys the date covers; false when
// the date is unknown.
func (d Date) bounds() (lo, hi int, ok bool) {
	if d.IsZero() {
		return 0, 0, false
	}
	lo, hi = span(d.Start)
	if d.End.Year != 0 {
		_, hi = span(d.End)
	}
	return lo, hi, true
}

// spanBounds returns the first day key of from and the last of to.
func spanBounds(from, to Point) (lo, hi int) {
	lo, _ = span(from)
	_, hi = span(to)
	return lo, hi
}

// span returns the first and last day keys a point covers.
func span(p Point) (lo, hi int) {
	switch p.Precision() {
	case YearPrecision:
		return p.Year*10000 + 101, p.Year*10000 + 1231
	case MonthPrecision:
		return p.Key() + 1, p.Key() + 31
	}
	return p.Key(), p.Key()
}

// ParseDate parses the pack's date syntax: YYYY, YYYY-MM or YYYY-MM-DD,
// optionally preceded by "early", "mid" or "late", or a range FROM/TO.
func ParseDate(s string) (Date, error) {
	var d Date
	s = strings.TrimSpace(s)
	if s == "" {
		return d, nil
	}
	if part, rest, ok := strings.Cut(s, " "); ok {
		switch part {
		case "early", "mid", "late":
			d.Part, s = part, strings.TrimSpace(rest)
		default:
			return Date{}, fmt.Errorf("date %q: unknown qualifier %q (want early, mid or late)", s, part)
		}
	}
	from, to, isRange := strings.Cut(s, "/")
	var err error
	if d.Start, err = parsePoint(from); err != nil {
		return Date{}, err
	}
	if isRange {
		if d.End, err = parsePoint(to); err != nil {
			return Date{}, err
		}
		if d.End.Key() < d.Start.Key() {
			return Date{}, fmt.Errorf("date %q: range ends before it starts", s)
		}
	}
	return d, nil
}

var daysIn = [...]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func parsePoint(s string) (Point, error) {
	var p Point
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return p, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	nums := make([]int, len(parts))
	for i, part := range parts {
		want := 2
		if i == 0 {
			want = 4
		}
		n, err := strconv.Atoi(part)
		if err != nil || len(part) != want {
			return p, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		nums[i] = n
	}
	p.Year = nums[0]
	if p.Year < 1000 {
		return p, fmt.Errorf("date %q: year out of range", s)
	}
	if len(nums) > 1 {
		p.Month = nums[1]
		if p.Month < 1 || p.Month > 12 {
			return p, fmt.Errorf("date %q: month out of range", s)
		}
	}
	if len(nums) > 2 {
		p.Day = nums[2]
		if p.Day < 1 || p.Day > daysIn[p.Month] || (p.Month == 2 && p.Day == 29 && !leap(p.Year)) {
			return p, fmt.Errorf("date %q: day out of range", s)
		}
	}
	return p, nil
}

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
