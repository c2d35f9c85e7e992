package bestand

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// pauze widens the window in which a file is written but not yet in
// place, so that a test killing the process lands inside it. Only the
// environment of a test sets it.
var pauze, _ = time.ParseDuration(os.Getenv("KANSRIJK_TEST_PAUZE"))

// Schrijf writes pad with write via a temporary file beside it, synced
// to disk before it takes the name, so that pad is always a whole file:
// the old one or the new one, also after a kill or a power cut. The
// temporary file is named ".tmp-NAAM-PID-RANDOM" (see RuimOp). Errors are
// Fouten about pad.
//
// A symbolic link is followed: the file it points to is replaced, not
// the link. What is no regular file, such as /dev/stdout, a pipe or
// /dev/full, is written into as it is.
func Schrijf(pad string, write func(io.Writer) error) error {
	fout := func(err error) error { return &Fout{Pad: pad, Wat: "het schrijven", Err: err} }
	doel := pad
	if echt, err := filepath.EvalSymlinks(pad); err == nil {
		doel = echt
	}
	if st, err := os.Stat(doel); err == nil && !st.Mode().IsRegular() {
		return schrijfIn(pad, doel, write)
	}
	f, err := os.CreateTemp(filepath.Dir(doel), fmt.Sprintf(".tmp-%s-%d-*", filepath.Base(doel), os.Getpid()))
	if err != nil {
		return fout(err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		if systeemFout(err) {
			return fout(err)
		}
		return MetPad(err, pad)
	}
	if pauze > 0 {
		time.Sleep(pauze) // fault injection for the kill test; see pauze
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fout(err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fout(err)
	}
	if err := f.Close(); err != nil {
		return fout(err)
	}
	if err := os.Rename(f.Name(), doel); err != nil {
		return fout(err)
	}
	return nil
}

// schrijfIn writes into doel, which is no regular file, as it is.
func schrijfIn(pad, doel string, write func(io.Writer) error) error {
	fout := func(err error) error { return &Fout{Pad: pad, Wat: "het schrijven", Err: err} }
	f, err := os.OpenFile(doel, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fout(err)
	}
	if err := write(f); err != nil {
		f.Close()
		if systeemFout(err) {
			return fout(err)
		}
		return MetPad(err, pad)
	}
	if err := f.Close(); err != nil {
		return fout(err)
	}
	return nil
}

// SchrijfBytes writes b to pad as Schrijf does.
func SchrijfBytes(pad string, b []byte) error {
	return Schrijf(pad, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// MaakMap makes the folder dir and the folders above it, if need be.
func MaakMap(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &Fout{Pad: dir, Wat: "het aanmaken van de map", Err: err}
	}
	return nil
}

// RuimOp removes the temporary files of Schrijf that a killed run left
// in dir, for the files for which hoort holds (a writer removes only its
// own): those of a process that no longer runs, and those of kansrijk
// versions that named them ".tmp-NAAM-RANDOM". Nothing else in the
// folder is touched. It is housekeeping: a file it cannot remove stays
// for the next run.
func RuimOp(dir string, hoort func(naam string) bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		_, pid, ok := tijdelijk(e.Name(), hoort)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		// One with this process's id is of an earlier process that had
		// the same id: a run cleans up before it writes.
		if pid > 0 && pid != os.Getpid() && procesLoopt(pid) {
			continue // another run, writing into the same folder
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// tijdelijk parses a temporary file name of Schrijf, ".tmp-NAAM-PID-RANDOM"
// or the older ".tmp-NAAM-RANDOM", for a NAAM for which hoort holds; pid
// is 0 in the older form.
func tijdelijk(bestand string, hoort func(string) bool) (naam string, pid int, ok bool) {
	rest, ok := strings.CutPrefix(bestand, ".tmp-")
	if !ok {
		return "", 0, false
	}
	i := strings.LastIndexByte(rest, '-')
	if i < 0 || !cijfers(rest[i+1:]) {
		return "", 0, false
	}
	rest = rest[:i]
	if hoort(rest) {
		return rest, 0, true
	}
	j := strings.LastIndexByte(rest, '-')
	if j < 0 || !cijfers(rest[j+1:]) || !hoort(rest[:j]) {
		return "", 0, false
	}
	pid, err := strconv.Atoi(rest[j+1:])
	if err != nil || pid <= 0 {
		return "", 0, false
	}
	return rest[:j], pid, true
}

// systeemFout reports whether err is the system's, not one of kansrijk's
// own.
func systeemFout(err error) bool {
	var errno syscall.Errno
	var sf *Fout
	return errors.As(err, &errno) && !errors.As(err, &sf)
}

func cijfers(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// procesLoopt reports whether a process with this id runs. Signal 0
// checks without sending anything; where the system has no signals
// (Windows) it fails, and the file counts as left behind.
func procesLoopt(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
