// title_holders: everyone who holds the title `title` (院长, 党委书记, 主任 ...) and where.
// @param title string the title, exactly as written (traditional script is simplified)
// @columns title official organisation
// @fact official <hk:holds_position> position
g.V(params.title).Tag("title").In("<hk:title>").Tag("position")
  .Out("<hk:org>").Tag("organisation")
  .Back("position").In("<hk:holds_position>").Tag("official").All();
