package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// voortgang shows progress on one line when stderr is a terminal and
// nothing at all otherwise, so logs and CI stay quiet.
type voortgang struct {
	w      io.Writer
	on     bool
	totaal int
	last   time.Time
	width  int
}

func newVoortgang(w io.Writer, totaal int) *voortgang {
	return &voortgang{w: w, on: isTerminal(w) && totaal > 1, totaal: totaal}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb"
}

// stap reports that item i (1-based) is being worked on. wat, a file or
// coalitie name, is shown with zichtbaar and cut to the line by
// characters, never inside one.
func (v *voortgang) stap(i int, wat string) {
	if !v.on || (time.Since(v.last) < 100*time.Millisecond && i < v.totaal) {
		return
	}
	v.last = time.Now()
	line := []rune(fmt.Sprintf("[%d/%d] %s", i, v.totaal, zichtbaar(wat)))
	if len(line) > 78 {
		line = append(line[:77], '…')
	}
	pad := max(v.width-len(line), 0)
	printf(v.w, "\r%s%s", string(line), strings.Repeat(" ", pad))
	v.width = len(line)
}

// klaar clears the progress line.
func (v *voortgang) klaar() {
	if v.on && v.width > 0 {
		printf(v.w, "\r%s\r", strings.Repeat(" ", v.width))
		v.width = 0
	}
}
