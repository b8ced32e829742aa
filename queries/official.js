// official: everything about the official `name`: every position, at every organisation, in every document.
// Use --evidence to see the document and sentence of each position.
// @param name entity the official's name
// @columns official title organisation
// @fact official <hk:holds_position> position
g.V.apply(g, params.name).Tag("official").Out("<hk:holds_position>").Tag("position")
  .Out("<hk:title>").Tag("title")
  .Back("position").Out("<hk:org>").Tag("organisation").All();
