# kansrijk — build, run the example and test.
#
#   make run    build, fill a fresh example workspace, import, write reports
#   make test   gofmt, go vet and all tests
#   make bench  benchmarks
#   make schermafdrukken  pictures of the pages of kansrijk web in docs/

GO      ?= go
NPM     ?= npm
BIN     := bin/kansrijk
WERKMAP := out/werkmap
KWARTAAL ?= 2026-K3

# echarts is fetched from the npm registry, checked against the pinned
# integrity and embedded in the binary, so every HTML report is one offline
# file. It is not committed.
ECHARTS_VERSION   := 6.1.0
ECHARTS_INTEGRITY := sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA==
ECHARTS_JS        := reports/assets/echarts.min.js
CACHE             := .cache

# axe-core checks the HTML reports for accessibility in the tests (with
# Debian's chromium, when installed); fetched and checked like echarts.
AXE_VERSION   := 4.14.1
AXE_INTEGRITY := sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==
AXE_JS        := $(CACHE)/axe.min.js

# playwright-core drives Debian's chromium in the browser test of
# kansrijk web (web/browser_test.go); it has no dependencies. Fetched and
# checked like axe-core, unpacked whole into .cache/playwright-core.
PLAYWRIGHT_VERSION   := 1.65.2
PLAYWRIGHT_INTEGRITY := sha512-aHu9F46Mx5ha9iiB+VLZMUUtex3PBw4am9MHptc0IXaJhz++6YXsH96eEyThwCwMkIUiB8TdZcwXqnb3xKDzmA==
PLAYWRIGHT           := $(CACHE)/playwright-core/.versie-$(PLAYWRIGHT_VERSION)

export CGO_ENABLED := 1
SHELL := /bin/bash

# Fuzz targets, package:Target. make test runs each for FUZZTIME inputs
# (a few seconds); run longer with e.g. make fuzz FUZZTIME=2000000x. A
# count, not a duration: with -fuzztime 3s, Go 1.26's fuzz coordinator
# sometimes fails at the deadline with "context deadline exceeded" and
# no failing input (golang/go#75804, fixed in Go 1.27).
FUZZ     := ./ingest:FuzzQDPX ./refiqda:FuzzBytes .:FuzzParseKwartaal .:FuzzInNaam ./ingest:FuzzParseDuur ./ingest:FuzzParseDatum ./ingest:FuzzParseGetal ./ingest:FuzzParseCategorie ./sheet:FuzzCSV ./sheet:FuzzOpen ./sheet:FuzzSheetXML ./workspace:FuzzParse ./workspace:FuzzOverlap ./web:FuzzVeiligeNaam ./reports:FuzzPDFDrukbaar
FUZZTIME ?= 10000x

.PHONY: all run test bench fuzz tools assets build clean schermafdrukken

all: build

tools:
	@command -v $(GO) >/dev/null 2>&1 || { echo "kansrijk: 'go' ontbreekt. Installeer Go 1.25 of nieuwer en probeer opnieuw."; exit 1; }
	@command -v gcc >/dev/null 2>&1 || { echo "kansrijk: 'gcc' ontbreekt (nodig voor DuckDB). Installeer gcc, bijvoorbeeld met 'apt-get install gcc'."; exit 1; }
	@command -v $(NPM) >/dev/null 2>&1 || { echo "kansrijk: 'npm' ontbreekt (nodig om echarts op te halen). Installeer Node.js met npm, bijvoorbeeld met 'apt-get install npm'."; exit 1; }
	@command -v node >/dev/null 2>&1 || { echo "kansrijk: 'node' ontbreekt. Installeer Node.js, bijvoorbeeld met 'apt-get install nodejs'."; exit 1; }

assets: $(ECHARTS_JS)

$(ECHARTS_JS): | tools
	$(call npmpakket,echarts,$(ECHARTS_VERSION),$(ECHARTS_INTEGRITY),dist/echarts.min.js,$@)

# npmhaal NAAM VERSIE INTEGRITEIT: fetch a package from the npm registry
# into .cache and check its integrity.
define npmhaal
	@mkdir -p $(CACHE)
	@echo "$(1) $(2) ophalen uit de npm-registry ..."
	@cd $(CACHE) && $(NPM) pack --silent --loglevel=error $(1)@$(2) >/dev/null
	@node -e 'const c=require("crypto"),f=require("fs");const [p,want]=process.argv.slice(1);const got="sha512-"+c.createHash("sha512").update(f.readFileSync(p)).digest("base64");if(got!==want){console.error("kansrijk: pakket "+p+" heeft niet de verwachte integriteit:\n  verwacht "+want+"\n  gekregen "+got);process.exit(1)}' $(CACHE)/$(1)-$(2).tgz '$(3)'
endef

# npmpakket NAAM VERSIE INTEGRITEIT BESTAND DOEL: fetch and check a
# package and extract one file.
define npmpakket
	$(call npmhaal,$(1),$(2),$(3))
	@mkdir -p $(dir $(5))
	@rm -rf $(CACHE)/package && tar -xzf $(CACHE)/$(1)-$(2).tgz -C $(CACHE) package/$(4)
	@cp $(CACHE)/package/$(4) $(5).tmp && mv $(5).tmp $(5)
endef

# npmmap NAAM VERSIE INTEGRITEIT MAP: fetch and check a package and
# unpack all of it into MAP.
define npmmap
	$(call npmhaal,$(1),$(2),$(3))
	@rm -rf $(4) $(4).tmp && mkdir -p $(4).tmp
	@tar -xzf $(CACHE)/$(1)-$(2).tgz -C $(4).tmp --strip-components=1 && touch $(4).tmp/.versie-$(2) && mv $(4).tmp $(4)
endef

$(AXE_JS): | tools
	$(call npmpakket,axe-core,$(AXE_VERSION),$(AXE_INTEGRITY),axe.min.js,$@)

$(PLAYWRIGHT): | tools
	$(call npmmap,playwright-core,$(PLAYWRIGHT_VERSION),$(PLAYWRIGHT_INTEGRITY),$(CACHE)/playwright-core)

build: assets
	$(GO) build -o $(BIN) ./cmd/kansrijk

run: build
	@rm -rf $(WERKMAP)
	@./$(BIN) voorbeeld --config testdata/voorbeeld/kansrijk.toml $(WERKMAP)
	@./$(BIN) import -w $(WERKMAP) $(WERKMAP)/inbox; test $$? -le 1
	@./$(BIN) rapport -w $(WERKMAP) --kwartaal $(KWARTAAL)

test: assets $(AXE_JS) $(PLAYWRIGHT)
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt zou deze bestanden wijzigen:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	@set -o pipefail; $(GO) test -count=1 ./... 2>&1 | tee .test.log
	@$(MAKE) --no-print-directory fuzz
	@echo "pakketten: $$(grep -c '^ok' .test.log) passed, $$(grep -c '^FAIL' .test.log) failed"; rm -f .test.log

fuzz: assets
	@for f in $(FUZZ); do \
	  pkg=$${f%%:*}; target=$${f##*:}; \
	  echo "fuzz $$pkg $$target ($(FUZZTIME))"; \
	  $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg > .fuzz.log 2>&1 || { cat .fuzz.log; rm -f .fuzz.log; exit 1; }; \
	done; rm -f .fuzz.log

# bench runs kansrijk side by side with the Python peer of issue 19
# (../shared/peer, see its README) on the example work unit of each
# schaal in BENCH_SCHALEN (69 is the national unit: 276 coalities; 35 and
# 138 are the half and the double one), on BENCH_KERNEN cores, the same
# processors for both (taskset). It prints per phase each side's time,
# the ratio peer/kansrijk and peak memory, whether the figures of both
# agree, and the targets as pass/fail lines; timings never fail it.
# Without the peer or its Python packages it measures kansrijk alone and
# says why (PEER=uit: kansrijk alone). BENCH_SCHALEN=4 for a quick run;
# BENCH_SCHALEN="35 69 138" for the memory target. The national unit takes about a quarter of an
# hour: the peer runs once per core count.
BENCH_SCHALEN ?= 17 69
BENCH_KERNEN  ?= 2 1
PEER          ?= $(CURDIR)/../shared/peer/peer_pipeline.py
PEER_PYTHON   ?= /usr/bin/python3
bench: build
	$(GO) test -run '^$$' -bench . -benchtime 1x -benchmem ./voorbeeld
	$(GO) test -run '^$$' -bench QDAGroot -benchtime 1x -benchmem ./ingest
	KANSRIJK_BIN=$(CURDIR)/$(BIN) KANSRIJK_BENCH_SCHALEN="$(BENCH_SCHALEN)" KANSRIJK_BENCH_KERNEN="$(BENCH_KERNEN)" \
	  KANSRIJK_PEER=$(PEER) KANSRIJK_PEER_PYTHON=$(PEER_PYTHON) \
	  $(GO) test -run '^$$' -bench '^BenchmarkEindTotEind$$' -benchtime 1x -timeout 6h ./cmd/kansrijk

# schermafdrukken runs the browser test of kansrijk web and keeps a PNG of
# every page at 1280 and 390 px in docs/.
schermafdrukken: assets $(AXE_JS) $(PLAYWRIGHT)
	KANSRIJK_SCHERMAFDRUKKEN=$(CURDIR)/docs $(GO) test -count=1 -run '^TestBrowser$$' ./web

clean:
	rm -rf bin out $(CACHE) $(ECHARTS_JS)
