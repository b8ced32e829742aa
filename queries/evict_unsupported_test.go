//go:build !(linux && (amd64 || arm64))

package queries

import "errors"

func dropFromPageCache(string) error {
	return errors.New("HOSPKG_BENCH_EVICT needs Linux on amd64 or arm64")
}
