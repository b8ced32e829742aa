// Package seeds holds the five seed documents, the corpus `hospkg build`
// reads when it is given no path, embedded so the binary needs no checkout.
package seeds

import "embed"

// FS holds the seed files, named as in this folder.
//
//go:embed *.txt
var FS embed.FS
