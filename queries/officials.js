// officials: the officials of the organisation `name`, with their titles.
// One row per (official, title); an official with two titles has two rows.
// @param name entity the organisation: canonical name or alias, either script
// @columns organisation official title
// @fact official <hk:holds_position> position
g.V.apply(g, params.name).Tag("organisation").In("<hk:org>").Tag("position")
  .Out("<hk:title>").Tag("title")
  .Back("position").In("<hk:holds_position>").Tag("official").All();
