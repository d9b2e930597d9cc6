package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/durandbot/durand/bot"
)

// Feedback retention (see retainFeedback).
const (
	// retentionEvery is how often serve deletes expired feedback records:
	// once a day, since DURAND_GAPS_DAYS counts days.
	retentionEvery = 24 * time.Hour
	// retentionTimeout bounds one deletion, so that a stuck database
	// holds up neither the next one nor shutdown for long.
	retentionTimeout = time.Minute
)

// retainFeedback deletes the feedback records older than days at once,
// then every interval, until ctx is done. Replicas on one database each do
// it; a record one of them deleted is simply not there for the others.
func retainFeedback(ctx context.Context, store bot.Store, days int, every time.Duration, now func() time.Time, log *slog.Logger) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		deleteExpiredFeedback(ctx, store, days, now, log)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// deleteExpiredFeedback deletes the feedback records kept more than days
// before now, and logs how many.
func deleteExpiredFeedback(ctx context.Context, store bot.Store, days int, now func() time.Time, log *slog.Logger) {
	cutoff := now().AddDate(0, 0, -days)
	dctx, cancel := context.WithTimeout(ctx, retentionTimeout)
	defer cancel()
	n, err := store.DeleteFeedbackBefore(dctx, cutoff)
	if err != nil {
		if ctx.Err() == nil {
			log.Warn("old feedback records not deleted", "older_than_days", days, "err", err)
		}
		return
	}
	log.Info("old feedback records deleted", "deleted", n, "older_than_days", days)
}
