// evidence: the sentences the facts about the entity `name` were read from, with their documents.
// A sentence counts when it mentions the entity (<hk:mentions>): every fact
// quad is labelled with such a sentence.
// @param name entity the entity: canonical name or alias, either script
// @columns entity doc index evidence
g.V.apply(g, params.name).Tag("entity").In("<hk:mentions>").Tag("sentence")
  .Out("<hk:text>").Tag("evidence")
  .Back("sentence").Out("<hk:index>").Tag("index")
  .Back("sentence").Out("<hk:in_doc>").Out("<hk:file>").Tag("doc").All();
