package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/durandbot/durand/adapters/metrics"
	"github.com/durandbot/durand/bot"
	"github.com/durandbot/durand/knowledge"
)

// reloader serves the pack from a directory and swaps in a new one when
// asked (SIGHUP) or when the directory changes. A pack that fails
// validation is refused and logged; the old one keeps serving.
type reloader struct {
	dir     string
	router  *bot.Router
	store   bot.Store
	metrics *metrics.Metrics
	log     *slog.Logger
	max     int64  // DURAND_PACK_MAX; defaultPackMax when 0
	last    string // the directory's fingerprint when last loaded
}

// reload loads the directory's pack and, if it is valid, serves it.
func (r *reloader) reload(ctx context.Context, why string) error {
	fp, _ := fingerprint(r.dir)
	r.last = fp
	limit := r.max
	if limit <= 0 {
		limit = defaultPackMax
	}
	base, err := loadPack(r.dir, limit)
	if err != nil {
		r.metrics.Reload("refused")
		attrs := []any{"dir", r.dir, "why", why, "err", err.Error()}
		var ve *knowledge.ValidationError
		if errors.As(err, &ve) {
			attrs = append(attrs, "problems", len(ve.Problems))
		}
		r.log.ErrorContext(ctx, "pack refused; the old one keeps serving", attrs...)
		return err
	}
	r.router.SetBase(base)
	st := base.Stats()
	r.metrics.Pack(st.Facts, st.Entities)
	r.metrics.Reload("loaded")
	changed, err := r.store.SyncPack(ctx, base.Fingerprints(), time.Now())
	if err != nil {
		r.log.ErrorContext(ctx, "recording the reloaded pack failed", "err", err)
	}
	r.log.InfoContext(ctx, "pack reloaded", "dir", r.dir, "why", why, "facts", st.Facts, "entities", st.Entities, "changed", len(changed))
	return nil
}

// watch reloads on every signal from hup and whenever the directory's
// contents change, until ctx is done.
func (r *reloader) watch(ctx context.Context, hup <-chan os.Signal, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			r.reload(ctx, "SIGHUP")
		case <-t.C:
			if fp, err := fingerprint(r.dir); err == nil && fp != r.last {
				r.reload(ctx, "directory changed")
			}
		}
	}
}

// fingerprint summarises a directory's files: names, sizes and times.
func fingerprint(dir string) (string, error) {
	var s string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		s += fmt.Sprint(path, "\x00", info.Size(), "\x00", strconv.FormatInt(info.ModTime().UnixNano(), 10), "\n")
		return nil
	})
	return s, err
}
