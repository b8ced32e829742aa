// supporters: the organisations that support the organisation `name` (帮扶, 对口支援, 派驻, 托管).
// One row per supporter; --evidence adds the sentence each support was read from.
// @param name entity the supported organisation: canonical name or alias, either script
// @columns organisation supporter
// @fact supporter <hk:supports> organisation
g.V.apply(g, params.name).Tag("organisation").In("<hk:supports>").Tag("supporter").All();
