# Newsprism: `make html` builds the digest, `make test` runs the tests (both set up .venv first).
PY        ?= python3
VENV      := .venv
BIN       := $(VENV)/bin
PELICAN   := $(BIN)/pelican
INPUTDIR  := content
OUTPUTDIR := output
CONFFILE  := pelicanconf.py
PUBLISHCONF := publishconf.py
PORT      ?= 8000

.PHONY: html test serve publish clean venv system-deps bench profile

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

html: venv
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

# Debian's Chromium for the browser tests (needs root or sudo; skipped when already there).
system-deps:
	bash scripts/install-system-deps.sh

test: venv system-deps
	$(BIN)/python -m pytest

serve: venv
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) --autoreload --listen --port $(PORT)

publish: venv
	bash publish.sh

# Build speed against plain Pelican (benchmarks/build_speed.py --help for sizes and corpus).
bench: venv
	$(BIN)/python benchmarks/build_speed.py $(BENCHFLAGS)

# Where a build spends its time: pyinstrument's call tree of `make html` (no cache).
profile: venv
	NEWSPRISM_CACHE= $(BIN)/python -m pyinstrument -r text -o profile.txt -- $(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -e NEWSPRISM_WORKERS=1
	head -60 profile.txt

clean:
	rm -rf $(OUTPUTDIR) cache __pycache__ profile.txt
