// supported: the organisations the organisation `name` supports (帮扶, 对口支援, 派驻, 托管).
// @param name entity the supporting organisation: canonical name or alias, either script
// @columns organisation supported
// @fact organisation <hk:supports> supported
g.V.apply(g, params.name).Tag("organisation").Out("<hk:supports>").Tag("supported").All();
