package main
import (
 _ "github.com/cayleygraph/cayley"
 _ "github.com/cayleygraph/cayley/graph/kv/bolt"
 _ "github.com/cayleygraph/cayley/query/gizmo"
 _ "github.com/go-ego/gse"
 _ "github.com/urfave/cli/v2"
)
func main(){}
