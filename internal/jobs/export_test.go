package jobs

import (
	"context"

	"github.com/gloveboard/gloveboard/internal/store"
)

// SetCreateJob replaces the insert of a job's row that Submit makes. Call
// it before the first Submit.
func (m *Manager) SetCreateJob(f func(ctx context.Context, kind string, targetID int64) (store.Job, error)) {
	m.createJob = f
}

// MutexFree reports whether the manager's mutex is free at this moment.
func (m *Manager) MutexFree() bool {
	if !m.mu.TryLock() {
		return false
	}
	m.mu.Unlock()
	return true
}

// Closing reports whether Close has begun.
func (m *Manager) Closing() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.closed
}

// SetSaveJob replaces the save of a job's state. Call it before the first
// Submit.
func (m *Manager) SetSaveJob(f func(ctx context.Context, j store.Job) error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.saveJob = f
}
