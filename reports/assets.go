package reports

import (
	_ "embed"
	"errors"
	"strings"
	"sync"
)

// echartsJS is the echarts library (make assets fetches and checks it). It
// is inlined in every HTML report, so a report is one file that works
// offline and never loads anything from the web.
//
//go:embed assets/echarts.min.js
var echartsJS string

// echartsInline checks once that the library can sit inside a <script>
// element as it is: a "</script" or "<!--" in it would end or confuse the
// element. The pinned version has neither; this guards a future upgrade.
var echartsInline = sync.OnceValue(func() error {
	s := strings.ToLower(echartsJS)
	if strings.Contains(s, "</script") || strings.Contains(s, "<!--") {
		return errors.New("echarts.min.js bevat </script of <!-- en kan niet inline")
	}
	if strings.TrimSpace(s) == "" {
		return errors.New("echarts.min.js is leeg; draai make assets")
	}
	return nil
})
