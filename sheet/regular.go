package sheet

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// MaxFile bounds the size of any file that is hashed or read. Hashing
// comes before every other check, so the bound must hold there too.
var MaxFile int64 = 2 << 30

// Regular is a regular file opened for reading by OpenRegular. It reads
// at most the size it had when it was opened, and its read errors are
// *Error values.
type Regular struct {
	f    *os.File
	name string
	size int64
	read int64
}

// OpenRegular opens path for reading only if it is a regular file of
// at most MaxFile bytes. It must come before anything reads or hashes a
// file a partner named: a name in the inbox may be a symbolic link to
// /dev/zero (which reads forever), a named pipe (whose open blocks until
// someone writes) or a directory. The path is checked with Stat, opened
// without blocking, and checked again on the open file, so a file
// swapped in between is caught too. A symbolic link to a regular file is
// fine.
func OpenRegular(path string) (*Regular, error) {
	name := filepath.Base(path)
	fail := func(msg string, err error) (*Regular, error) {
		return nil, &Error{Location: Location{File: name}, Msg: msg, Err: err}
	}
	st, err := os.Stat(path)
	if err != nil {
		return fail(osReason(err), err)
	}
	if msg := notRegular(st); msg != "" {
		return fail(msg, nil)
	}
	if st.Size() > MaxFile {
		return fail(tooLarge(st.Size()), nil)
	}
	// O_NONBLOCK: opening a named pipe would otherwise wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fail(osReason(err), err)
	}
	st2, err := f.Stat()
	if err == nil && !os.SameFile(st, st2) {
		err = fs.ErrInvalid
	}
	if err != nil {
		f.Close()
		return fail("het bestand veranderde terwijl kansrijk het opende; probeer het opnieuw", err)
	}
	if msg := notRegular(st2); msg != "" {
		f.Close()
		return fail(msg, nil)
	}
	return &Regular{f: f, name: name, size: st2.Size()}, nil
}

func notRegular(st fs.FileInfo) string {
	switch m := st.Mode(); {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "dit is een map, geen bestand"
	case m&fs.ModeNamedPipe != 0:
		return "dit is een named pipe (FIFO), geen gewoon bestand; kansrijk leest alleen gewone bestanden"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return "dit is een apparaat (zoals /dev/zero), geen gewoon bestand; kansrijk leest alleen gewone bestanden"
	case m&fs.ModeSocket != 0:
		return "dit is een socket, geen gewoon bestand; kansrijk leest alleen gewone bestanden"
	}
	return "dit is geen gewoon bestand; kansrijk leest alleen gewone bestanden"
}

func tooLarge(size int64) string {
	return "het bestand is " + mb(size) + " groot; meer dan " + mb(MaxFile) + " wordt niet gelezen"
}

// Size is the size the file had when it was opened.
func (r *Regular) Size() int64 { return r.size }

// Read reads up to the size the file had when it was opened: a file
// that grows while it is read (or a file of the kernel that says it is
// empty but is not) cannot make a reader run on.
func (r *Regular) Read(p []byte) (int, error) {
	if r.read >= r.size {
		return 0, io.EOF
	}
	if left := r.size - r.read; int64(len(p)) > left {
		p = p[:left]
	}
	n, err := r.f.Read(p)
	r.read += int64(n)
	if err != nil && err != io.EOF {
		err = &Error{Location: Location{File: r.name}, Msg: osReason(err), Err: err}
	}
	return n, err
}

// ReadAt reads within the size the file had when it was opened.
func (r *Regular) ReadAt(p []byte, off int64) (int, error) {
	if off >= r.size {
		return 0, io.EOF
	}
	short := false
	if left := r.size - off; int64(len(p)) > left {
		p, short = p[:left], true
	}
	n, err := r.f.ReadAt(p, off)
	if err != nil && err != io.EOF {
		return n, &Error{Location: Location{File: r.name}, Msg: osReason(err), Err: err}
	}
	if short && err == nil {
		err = io.EOF
	}
	return n, err
}

// Rewind starts reading from the beginning again.
func (r *Regular) Rewind() error {
	if _, err := r.f.Seek(0, io.SeekStart); err != nil {
		return &Error{Location: Location{File: r.name}, Msg: osReason(err), Err: err}
	}
	r.read = 0
	return nil
}

// Close closes the file.
func (r *Regular) Close() error { return r.f.Close() }
