package main

import (
	"io/fs"
	"os"

	"github.com/durandbot/durand/seeds"
)

// packFS returns the pack in dir, or the embedded pack when dir is empty.
func packFS(dir string) fs.FS {
	if dir == "" {
		return seeds.FS()
	}
	return os.DirFS(dir)
}
