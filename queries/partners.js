// partners: the organisations that cooperate with the organisation `name` as equals (合作, 签约, 医联体, 共建).
// partner_of is stored once, in either direction; both are followed.
// @param name entity the organisation: canonical name or alias, either script
// @columns organisation partner
// @fact organisation <hk:partner_of> partner
g.V.apply(g, params.name).Tag("organisation").Out("<hk:partner_of>").Tag("partner").All();
g.V.apply(g, params.name).Tag("organisation").In("<hk:partner_of>").Tag("partner").All();
