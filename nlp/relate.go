package nlp

// relate finds the supports, affiliated_with and partner_of relations.
func relate(r *resolution, facts []sentenceFacts, orgID map[*orgMention]string) []Relation {
	return nil
}
