# The README's commands. Each target installs what it needs (scripts/setup.sh)
# and can be run again.
.PHONY: demo demo-rust demo-server test size pkg release-check bench fuzz

demo:
	scripts/demo.sh

demo-rust:
	scripts/demo.sh rust

demo-server:
	scripts/demo.sh server

test:
	scripts/test.sh

size:
	scripts/setup.sh
	scripts/build.sh
	scripts/size.sh

pkg:
	scripts/setup.sh
	scripts/pkg.sh

release-check:
	scripts/setup.sh
	scripts/pkg.sh
	cargo fetch --locked
	node scripts/release-check.mjs

bench:
	scripts/bench.sh

fuzz:
	scripts/fuzz.sh
