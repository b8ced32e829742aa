package main

import "errors"

// errJoin joins the errors of a command's steps, such as writing and then
// closing, so that none is discarded.
func errJoin(errs ...error) error { return errors.Join(errs...) }
