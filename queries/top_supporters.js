// top_supporters: the organisations that support the most others, with how many they support.
// @param n int=10 how many organisations to list
// @columns organisation supports
// Whole-graph aggregate: it reads every organisation, so it costs time in
// proportion to the graph (about 0.3 s per million quads on bolt).
// @ordered
var supported = {};
g.V("<hk:Hospital>", "<hk:Institution>").Tag("type").In("<rdf:type>").Unique().Tag("organisation")
  .Out("<hk:supports>").Tag("other").TagArray().forEach(function (r) {
    (supported[r.organisation] = supported[r.organisation] || {})[r.other] = true;
  });
var ranked = Object.keys(supported).map(function (org) {
  return { organisation: org, supports: Object.keys(supported[org]).length };
});
ranked.sort(function (x, y) { return y.supports - x.supports || (x.organisation < y.organisation ? -1 : 1); });
ranked.slice(0, params.n).forEach(function (r) { g.Emit(r); });
