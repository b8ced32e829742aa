// timeline: every fact about the entity `name`, in date order, with the document and sentence it was read from.
// One row per statement: the relations the entity is an end of, the
// departments it has or belongs to, the posts it holds (an official) or
// that are held at it (an organisation). date is when the statement says
// the fact held (the event date of its sentence, else its document's);
// status whether it calls a post former.
// @param name entity the entity: canonical name or alias, either script
// @columns date subject fact object status
// @fact subject predicate statement
// @dated
// @evidence
var links = ["<hk:supports>", "<hk:affiliated_with>", "<hk:partner_of>", "<hk:department_of>"];
function fact(p) { return p.slice(4, -1); }
links.forEach(function (p) {
  g.V.apply(g, params.name).Tag("subject").Out(p).Tag("object").ForEach(function (r) {
    g.Emit({ subject: r.subject, predicate: p, fact: fact(p), object: r.object, statement: r.object });
  });
  g.V.apply(g, params.name).Tag("object").In(p).Tag("subject").ForEach(function (r) {
    g.Emit({ subject: r.subject, predicate: p, fact: fact(p), object: r.object, statement: r.object });
  });
});
g.V.apply(g, params.name).Tag("subject").Out("<hk:holds_position>").Tag("statement")
  .Out("<hk:title>").Tag("fact").Back("statement").Out("<hk:org>").Tag("object").ForEach(function (r) {
    g.Emit({ subject: r.subject, predicate: "<hk:holds_position>", fact: r.fact, object: r.object, statement: r.statement });
  });
g.V.apply(g, params.name).Tag("object").In("<hk:org>").Tag("statement")
  .Out("<hk:title>").Tag("fact").Back("statement").In("<hk:holds_position>").Tag("subject").ForEach(function (r) {
    g.Emit({ subject: r.subject, predicate: "<hk:holds_position>", fact: r.fact, object: r.object, statement: r.statement });
  });
