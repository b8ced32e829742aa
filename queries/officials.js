// officials: the officials of the organisation `name`, with their titles.
// One row per (official, title); an official with two titles has two rows.
// date is the latest date a document states the post on, status whether it
// calls it former. With at=DATE, each official's posts as stated closest
// before that date.
// @param name entity the organisation: canonical name or alias, either script
// @param at date the date to see the posts as of: 2023, 2023-06 or 2023-06-02 (optional)
// @columns organisation official title date status
// @fact official <hk:holds_position> position
// @dated
g.V.apply(g, params.name).Tag("organisation").In("<hk:org>").Tag("position")
  .Out("<hk:title>").Tag("title")
  .Back("position").In("<hk:holds_position>").Tag("official").All();
