// common: the organisations linked to both `a` and `b` by supports, affiliated_with or partner_of, in either direction.
// @param a entity the first organisation: canonical name or alias, either script
// @param b entity the second organisation: canonical name or alias, either script
// @columns a common b
var links = ["<hk:supports>", "<hk:affiliated_with>", "<hk:partner_of>"];
g.V.apply(g, params.a).Tag("a").Both(links).Tag("common")
  .And(g.V.apply(g, params.b).Tag("b").Both(links)).All();
