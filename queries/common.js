// common: the organisations linked to both `a` and `b` by supports, affiliated_with or partner_of, in either direction.
// The two neighbourhoods are read separately and intersected here: And() of
// two paths makes cayley v0.7.7 check one side against the other quad by
// quad, several times slower around big hospitals.
// @param a entity the first organisation: canonical name or alias, either script
// @param b entity the second organisation: canonical name or alias, either script
// @columns a common b
var links = ["<hk:supports>", "<hk:affiliated_with>", "<hk:partner_of>"];
var nearA = {};
g.V.apply(g, params.a).Tag("a").Both(links).Tag("common").TagArray().forEach(function (r) {
  nearA[r.common] = r.a;
});
var emitted = {};
g.V.apply(g, params.b).Tag("b").Both(links).Tag("common").TagArray().forEach(function (r) {
  var key = r.common + " " + r.b;
  if (nearA[r.common] !== undefined && !emitted[key]) {
    emitted[key] = true;
    g.Emit({ a: nearA[r.common], common: r.common, b: r.b });
  }
});
