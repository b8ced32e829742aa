// top_supporters: the organisations that support the most others, with how many they support.
// @param n int=10 how many organisations to list
// @columns organisation supports
// Reads the ranking builds and loads keep in the store (<hk:ranking/supporters>,
// see graph/vocab.go): n places, a few lookups each. The ranking keeps 1000
// places (graph.RankingSize); a larger n, a store written before rankings
// existed, or one whose ranking is marked stale (<hk:stale>: a build or load
// changed facts and has not refreshed it, because it was killed, failed or
// is still running) reads every organisation instead (about 1.3 s per
// million quads on bolt).
// @ordered
// @rankings
var ranking = "<hk:ranking/supporters>";
var stored = g.V(ranking).Out("<hk:entries>").ToArray().length > 0 &&
  g.V(ranking).Out("<hk:stale>").ToArray().length == 0;
if (params.n <= 1000 && stored) {
  var places = [];
  for (var i = 1; i <= params.n; i++) {
    places.push("<hk:ranking/supporters#" + i + ">");
  }
  var rows = {};
  g.V.apply(g, places).Tag("place").Out("<hk:ranked_entity>").Tag("organisation")
    .Back("place").Out("<hk:ranked_count>").Tag("supports").TagArray().forEach(function (r) {
      rows[r.place] = { organisation: r.organisation, supports: r.supports };
    });
  places.forEach(function (p) { if (rows[p]) g.Emit(rows[p]); });
} else {
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
}
