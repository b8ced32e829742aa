// official: everything about the official `name`: every position, at every organisation, in every document.
// date is the latest date a document states the position on (the event
// date of its sentence, else the document's), and status says whether that
// statement calls the post former (原院长). With at=DATE, each official's
// posts as stated closest before that date. Use --evidence to see the
// document and sentence of each statement.
// @param name entity the official's name
// @param at date the date to see the posts as of: 2023, 2023-06 or 2023-06-02 (optional)
// @columns official title organisation date status
// @fact official <hk:holds_position> position
// @dated
g.V.apply(g, params.name).Tag("official").Out("<hk:holds_position>").Tag("position")
  .Out("<hk:title>").Tag("title")
  .Back("position").Out("<hk:org>").Tag("organisation").All();
