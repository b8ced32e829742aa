// affiliations: what the organisation `name` is affiliated with, and what is affiliated with it.
// A member, branch, campus or affiliated hospital points at its parent; both
// directions are listed, so `name` appears as member or as parent.
// @param name entity the organisation: canonical name or alias, either script
// @columns member parent
// @fact member <hk:affiliated_with> parent
g.V.apply(g, params.name).Tag("member").Out("<hk:affiliated_with>").Tag("parent").All();
g.V.apply(g, params.name).Tag("parent").In("<hk:affiliated_with>").Tag("member").All();
