// top_supported: the organisations supported by the most others, with how many support them.
// @param n int=10 how many organisations to list
// @columns organisation supporters
// Whole-graph aggregate: it reads every organisation, so it costs time in
// proportion to the graph (about 0.3 s per million quads on bolt).
// @ordered
var supporters = {};
g.V("<hk:Hospital>", "<hk:Institution>").Tag("type").In("<rdf:type>").Unique().Tag("organisation")
  .In("<hk:supports>").Tag("other").TagArray().forEach(function (r) {
    (supporters[r.organisation] = supporters[r.organisation] || {})[r.other] = true;
  });
var ranked = Object.keys(supporters).map(function (org) {
  return { organisation: org, supporters: Object.keys(supporters[org]).length };
});
ranked.sort(function (x, y) { return y.supporters - x.supporters || (x.organisation < y.organisation ? -1 : 1); });
ranked.slice(0, params.n).forEach(function (r) { g.Emit(r); });
