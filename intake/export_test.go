package intake

// SimplifierLoaded reports whether this process has built the t2s
// dictionaries' tries, for the cold-path test of the named queries.
func SimplifierLoaded() bool {
	return sharedSimplifier != nil || errSimplifier != nil
}
