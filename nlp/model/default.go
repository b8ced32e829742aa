package model

import (
	_ "embed"
	"sync"
)

// defaultModel is the model trained on the repository's corpus, rebuilt
// with
//
//	go run ./cmd/hospkg train --gold eval/corpus/gold.json --docs eval/corpus/docs --gold eval/testdata/seeds.gold.json --docs seeds -o nlp/model/default.model
//
// (a test checks that the file is what that command writes).
//
//go:embed default.model
var defaultModel []byte

// Default returns the embedded model, read once per process.
var Default = sync.OnceValues(func() (*Model, error) {
	return Decode(defaultModel)
})
