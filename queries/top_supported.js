// top_supported: the organisations supported by the most others, with how many support them.
// @param n int=10 how many organisations to list
// @columns organisation supporters
// Reads the ranking builds and loads keep in the store (<hk:ranking/supported>,
// see graph/vocab.go): n places, a few lookups each. The ranking keeps 1000
// places (graph.RankingSize); a larger n, a store written before rankings
// existed, or one whose ranking is marked stale (<hk:stale>: a build or load
// changed facts and has not refreshed it, because it was killed, failed or
// is still running) reads every organisation instead (about 1.3 s per
// million quads on bolt).
// @ordered
// @rankings
var ranking = "<hk:ranking/supported>";
var stored = g.V(ranking).Out("<hk:entries>").ToArray().length > 0 &&
  g.V(ranking).Out("<hk:stale>").ToArray().length == 0;
if (params.n <= 1000 && stored) {
  var places = [];
  for (var i = 1; i <= params.n; i++) {
    places.push("<hk:ranking/supported#" + i + ">");
  }
  var rows = {};
  g.V.apply(g, places).Tag("place").Out("<hk:ranked_entity>").Tag("organisation")
    .Back("place").Out("<hk:ranked_count>").Tag("supporters").TagArray().forEach(function (r) {
      rows[r.place] = { organisation: r.organisation, supporters: r.supporters };
    });
  places.forEach(function (p) { if (rows[p]) g.Emit(rows[p]); });
} else {
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
}
