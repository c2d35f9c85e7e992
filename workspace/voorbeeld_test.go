package workspace_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/BurntSushi/toml"

	"kansrijk/voorbeeld"
	"kansrijk/workspace"
)

// TestVoorbeeldConfigGeldig: the example configuration, also at the
// national scale of make bench (69), and the one shipped in testdata
// pass every check, pattern overlaps and file names included.
func TestVoorbeeldConfigGeldig(t *testing.T) {
	for _, schaal := range []int{1, 69} {
		var buf bytes.Buffer
		if err := toml.NewEncoder(&buf).Encode(voorbeeld.Config(schaal)); err != nil {
			t.Fatal(err)
		}
		if _, err := workspace.Parse(buf.Bytes(), "kansrijk.toml"); err != nil {
			t.Errorf("schaal %d: %v", schaal, err)
		}
	}
	data, err := os.ReadFile("../testdata/voorbeeld/kansrijk.toml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := workspace.Parse(data, "kansrijk.toml"); err != nil {
		t.Error(err)
	}
}
